"""
Share memory through DLPack
===========================

DLPack is a common format that lets libraries pass arrays to each other
without copying. ``np.from_dlpack(tensor)`` and ``torch.from_dlpack(array)``
use it. This page shows that both directions share memory, that the result
keeps the original alive, which tensors DLPack refuses (and one it gets
wrong), what happens with read-only arrays, and how ``np.asarray`` and
``np.array`` compare.
"""

# %%
# Tensor to NumPy: ``np.from_dlpack``
# -----------------------------------
#
# ``np.from_dlpack`` gives an array at the tensor's address. An in-place write
# through either one is visible through the other.

import numpy as np
import torch

tensor = torch.arange(4, dtype=torch.float32)
array = np.from_dlpack(tensor)
print("same address:", array.ctypes.data == tensor.data_ptr())
print("writeable:", array.flags.writeable)

array[0] = 100
print("tensor after array[0] = 100:", tensor)
tensor.add_(1)
print("array after tensor.add_(1):", array)

assert array.ctypes.data == tensor.data_ptr()
assert array.flags.writeable
assert array.tolist() == [101.0, 2.0, 3.0, 4.0]
assert tensor.tolist() == [101.0, 2.0, 3.0, 4.0]

# %%
# NumPy to tensor: ``torch.from_dlpack``
# --------------------------------------
#
# The other direction works the same way. ``torch.from_dlpack`` accepts any
# object that has a ``__dlpack__`` method, including NumPy arrays.

source = np.arange(4.0)
from_numpy = torch.from_dlpack(source)
print("same address:", source.ctypes.data == from_numpy.data_ptr())

from_numpy.mul_(2)
print("array after tensor.mul_(2):", source)
source[1] = -1
print("tensor after source[1] = -1:", from_numpy)

assert source.ctypes.data == from_numpy.data_ptr()
assert source.tolist() == [0.0, -1.0, 4.0, 6.0]
assert from_numpy.tolist() == [0.0, -1.0, 4.0, 6.0]

# %%
# The consumer keeps the producer alive
# -------------------------------------
#
# The object that receives the data (the *consumer*) keeps the object that
# gave it (the *producer*) alive. So you can delete your own name for the
# producer: its memory is not freed while the consumer exists. A weak
# reference (``weakref.ref``) lets us watch whether the producer still exists
# without keeping it alive ourselves.

import gc
import weakref

producer = torch.arange(3, dtype=torch.float32)
watch = weakref.ref(producer)
consumer = np.from_dlpack(producer)
del producer
gc.collect()
print("tensor still exists:", watch() is not None)
print("array still reads:", consumer)

assert watch() is not None
assert consumer.tolist() == [0.0, 1.0, 2.0]

# %%
# When the consumer goes away, the producer is freed too.

del consumer
gc.collect()
print("tensor still exists:", watch() is not None)

assert watch() is None

# %%
# The same holds in the other direction: the tensor keeps the NumPy array
# alive.

producer = np.arange(3.0)
watch = weakref.ref(producer)
consumer = torch.from_dlpack(producer)
del producer
gc.collect()
print("array still exists:", watch() is not None)
print("tensor still reads:", consumer)

assert watch() is not None
assert consumer.tolist() == [0.0, 1.0, 2.0]

del consumer
gc.collect()
print("array still exists after del consumer:", watch() is not None)

assert watch() is None

# %%
# DLPack refuses tensors that require grad
# ----------------------------------------
#
# DLPack has no place for autograd information, so a tensor that requires
# grad refuses to export itself. The error is a ``BufferError``, for both
# ``np.from_dlpack`` and ``torch.from_dlpack``.

weights = torch.ones(3, requires_grad=True)
for name, convert in [
    ("np.from_dlpack", np.from_dlpack),
    ("torch.from_dlpack", torch.from_dlpack),
]:
    try:
        convert(weights)
    except BufferError as error:
        print(f"{name}: {type(error).__name__}: {error}")
    else:
        raise AssertionError(f"{name} should refuse a tensor that requires grad")

# %%
# As the message says, ``.detach()`` first. The detached tensor shares memory
# with ``weights``, and so does the array.

detached = np.from_dlpack(weights.detach())
print("same address:", detached.ctypes.data == weights.data_ptr())

assert detached.ctypes.data == weights.data_ptr()

# %%
# Conjugate and negative bits
# ---------------------------
#
# A lazily conjugated complex tensor (``torch.conj``) is refused, with a
# ``BufferError``:

complex_tensor = torch.tensor([1 + 2j, 3 - 4j])
try:
    np.from_dlpack(torch.conj(complex_tensor))
except BufferError as error:
    print(f"{type(error).__name__}: {error}")
else:
    raise AssertionError("DLPack should refuse a tensor with the conjugate bit")

# %%
# A tensor with the *negative* bit (for example ``.imag`` of a conjugated
# tensor) is **not** refused, and with the installed torch the sign is lost:
# the consumer sees the numbers stored in memory, not the numbers the tensor
# shows. Always call ``.resolve_neg()`` (or ``.resolve_conj()``) before
# exporting such a view.

negative = torch.conj(complex_tensor).imag
exported = np.from_dlpack(negative)
print("tensor shows:     ", negative.tolist(), "is_neg:", negative.is_neg())
print("np.from_dlpack:   ", exported.tolist())
print("after resolve_neg:", np.from_dlpack(negative.resolve_neg()).tolist())

assert negative.is_neg()
assert negative.tolist() == [-2.0, 4.0]
assert exported.tolist() == [2.0, -4.0]  # the sign is silently lost
assert np.from_dlpack(negative.resolve_neg()).tolist() == [-2.0, 4.0]

# %%
# Read-only arrays
# ----------------
#
# ``torch.from_numpy`` warns when an array is read-only (see the read-only page
# of this section). ``torch.from_dlpack`` does not. To be sure that the warning
# is not just hidden because it was already shown once, ask PyTorch to show
# every warning.

import warnings

torch.set_warn_always(True)

read_only = np.arange(3.0)
read_only.flags.writeable = False
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    shared = torch.from_dlpack(read_only)
print("warnings:", len(caught))
print("same address:", read_only.ctypes.data == shared.data_ptr())

assert not caught
assert read_only.ctypes.data == shared.data_ptr()

# %%
# The tensor can write into the "read-only" array. (This is safe here only
# because this page turned the flag off on an ordinary array.)

shared.add_(10)
print("read_only after shared.add_(10):", read_only)
print("writeable:", read_only.flags.writeable)

assert read_only.tolist() == [10.0, 11.0, 12.0]
assert not read_only.flags.writeable

# %%
# NumPy does mark the array as read-only when it exports it: with the older
# form of the protocol, which cannot carry that mark, NumPy refuses the export.
# ``torch.from_dlpack`` asks for the newer form, gets the mark, and still
# returns an ordinary writable tensor.

try:
    read_only.__dlpack__()
except BufferError as error:
    print(f"{type(error).__name__}: {error}")
else:
    raise AssertionError("the old DLPack form should refuse a read-only array")

# %%
# To protect a read-only array, ask for a copy with ``copy=True``:

protected = torch.from_dlpack(read_only, copy=True)
protected.zero_()
print("read_only after protected.zero_():", read_only)

assert not np.shares_memory(protected.numpy(), read_only)
assert read_only.tolist() == [10.0, 11.0, 12.0]

# %%
# ``np.asarray`` and ``np.array`` on a tensor
# -------------------------------------------
#
# These do not use DLPack: they use the tensor's ``__array__`` method.
# ``np.asarray(tensor)`` shares memory.

tensor = torch.arange(3, dtype=torch.float32)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    as_array = np.asarray(tensor)
print("np.asarray shares memory:", np.shares_memory(as_array, tensor.numpy()))
print("warnings:", len(caught))

assert np.shares_memory(as_array, tensor.numpy())
assert not caught

# %%
# ``np.array(tensor)`` copies. With NumPy 2 it also shows a
# ``DeprecationWarning``, because ``Tensor.__array__`` does not accept the
# ``copy`` keyword that NumPy 2 passes.

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    copied = np.array(tensor)
assert caught, "np.array(tensor) should warn about the copy keyword"
for warning in caught:
    print(f"{warning.category.__name__}: {warning.message}")
print("np.array shares memory:", np.shares_memory(copied, tensor.numpy()))

assert all(issubclass(warning.category, DeprecationWarning) for warning in caught)
assert "copy keyword" in str(caught[0].message)
assert not np.shares_memory(copied, tensor.numpy())

# %%
# And a surprise: ``np.asarray(tensor, copy=False)``, which asks NumPy to
# promise that nothing is copied, raises a ``ValueError``, although
# ``np.asarray(tensor)`` does not copy. NumPy cannot tell ``__array__`` not to
# copy, so it cannot make the promise. NumPy also shows the
# ``DeprecationWarning`` again. If you need that promise, use
# ``np.from_dlpack(tensor, copy=False)``.

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    try:
        np.asarray(tensor, copy=False)
    except ValueError as error:
        print(f"{type(error).__name__}: {error}")
    else:
        raise AssertionError("np.asarray(tensor, copy=False) should raise")
assert caught, "np.asarray(tensor, copy=False) should warn about the copy keyword"
for warning in caught:
    print(f"{warning.category.__name__}: {warning.message}")

assert all(issubclass(warning.category, DeprecationWarning) for warning in caught)

no_copy = np.from_dlpack(tensor, copy=False)
print("np.from_dlpack(copy=False) shares memory:", np.shares_memory(no_copy, as_array))

assert no_copy.ctypes.data == tensor.data_ptr()

# %%
# What to remember
# ----------------
#
# * ``np.from_dlpack(tensor)`` and ``torch.from_dlpack(array)`` share memory,
#   and the result keeps the original object alive.
# * DLPack raises ``BufferError`` for tensors that require grad (use
#   ``.detach()``) and for the conjugate bit. It does **not** refuse the
#   negative bit, and the sign is lost: call ``.resolve_neg()`` first.
# * ``torch.from_dlpack`` takes read-only arrays without a warning, and the
#   tensor can write into them. Use ``copy=True`` to protect them.
# * ``np.asarray(tensor)`` shares memory, ``np.array(tensor)`` copies with a
#   ``DeprecationWarning``, and ``np.asarray(tensor, copy=False)`` raises.
# * Related pages:
#   :ref:`sphx_glr_auto_examples_edge_cases_plot_02_read_only_arrays.py`,
#   :ref:`sphx_glr_auto_examples_edge_cases_plot_06_conj_and_neg_bits.py`,
#   :ref:`sphx_glr_auto_examples_tensor_to_numpy_plot_03_requires_grad.py`.
