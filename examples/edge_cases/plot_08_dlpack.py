"""
Share memory through DLPack
===========================

DLPack is a common format that lets libraries pass arrays to each other
without copying. ``np.from_dlpack(tensor)`` and ``torch.from_dlpack(array)``
use it. This page shows that both directions share memory, that the result
keeps the original alive, which tensors DLPack refuses (and one it gets
wrong), what happens with read-only arrays, and how ``np.asarray`` and
``np.array`` compare. Several answers depend on the versions of torch and
NumPy: the page checks the versions that run it, and says where others differ.
"""

# %%
# Two forms of DLPack
# -------------------
#
# DLPack 1.0 added a *versioned* form of the exchange, and only that form can
# say that memory must not be written. The consumer asks for it by passing
# ``max_version`` to the producer's ``__dlpack__`` method, and gets a capsule
# named ``dltensor_versioned`` instead of the old ``dltensor``.
#
# * torch speaks the versioned form from **torch 2.9**. Before 2.9,
#   ``Tensor.__dlpack__`` has no ``max_version``, ``torch.from_dlpack`` asks
#   only for the old form, and it takes no ``copy=`` or ``device=``.
# * NumPy speaks it from **NumPy 2.1**; ``np.from_dlpack`` accepts ``copy=``
#   and ``device=`` from the same release.

import numpy as np
import torch

torch_version = tuple(
    int(part) for part in torch.__version__.split("+")[0].split(".")[:2]
)
TORCH_2_9 = torch_version >= (2, 9)
NUMPY_2_1 = np.lib.NumpyVersion(np.__version__) >= "2.1.0"
print(f"torch {torch.__version__}, NumPy {np.__version__}")


def capsule_name(capsule):
    """The name that a capsule carries: its repr is <capsule object "NAME" at 0x...>."""
    return repr(capsule).split('"')[1]


for owner in (torch.arange(2.0), np.arange(2.0)):
    speaks_versioned = TORCH_2_9 if isinstance(owner, torch.Tensor) else NUMPY_2_1
    label = f"{type(owner).__module__}.{type(owner).__name__}"
    print(f"{label}.__dlpack__(): {capsule_name(owner.__dlpack__())}")
    if speaks_versioned:
        versioned = capsule_name(owner.__dlpack__(max_version=(1, 0)))
        print(f"{label}.__dlpack__(max_version=(1, 0)): {versioned}")
        assert versioned == "dltensor_versioned"
    else:
        try:
            owner.__dlpack__(max_version=(1, 0))
        except TypeError as error:
            print(
                f"{label}.__dlpack__(max_version=(1, 0)): {type(error).__name__}: {error}"
            )
        else:
            raise AssertionError(f"{label} should not know max_version")
    assert capsule_name(owner.__dlpack__()) == "dltensor"

# %%
# Tensor to NumPy: ``np.from_dlpack``
# -----------------------------------
#
# ``np.from_dlpack`` gives an array at the tensor's address. An in-place write
# through the tensor is visible through the array.

tensor = torch.arange(4, dtype=torch.float32)
array = np.from_dlpack(tensor)
print("same address:", array.ctypes.data == tensor.data_ptr())

tensor.add_(1)
print("array after tensor.add_(1):", array)

assert array.ctypes.data == tensor.data_ptr()
assert array.tolist() == [1.0, 2.0, 3.0, 4.0]

# %%
# Whether the array is writable depends on both versions. It is writable with
# **NumPy 2.2.5 or newer and torch 2.9 or newer**. NumPy 2.2.5 is the first
# release that marks an array writable when the versioned capsule does not
# forbid it (earlier releases mark every array from DLPack read-only), and it
# still marks every array from an old-form capsule read-only, because that
# form cannot say whether writing is allowed. With an older NumPy or an older
# torch, a write through the array raises ``ValueError``, although the memory
# is the tensor's and the tensor can write to it.

NUMPY_2_2_5 = np.lib.NumpyVersion(np.__version__) >= "2.2.5"
print("writeable:", array.flags.writeable)

assert array.flags.writeable == (NUMPY_2_2_5 and TORCH_2_9)
if array.flags.writeable:
    array[0] = 100
    print("tensor after array[0] = 100:", tensor)
    assert tensor.tolist() == [100.0, 2.0, 3.0, 4.0]
else:
    try:
        array[0] = 100
    except ValueError as error:
        print(f"{type(error).__name__}: {error}")
    else:
        raise AssertionError("this array from DLPack should be read-only")
    assert tensor.tolist() == [1.0, 2.0, 3.0, 4.0]

# %%
# NumPy to tensor: ``torch.from_dlpack``
# --------------------------------------
#
# The other direction works the same way with every version. ``torch.from_dlpack``
# accepts any object that has a ``__dlpack__`` method, including NumPy arrays,
# and the tensor is writable.

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
# grad refuses to export itself, for both ``np.from_dlpack`` and
# ``torch.from_dlpack``. The error is a ``BufferError`` from torch 2.9 on,
# and a ``RuntimeError`` before. ``BufferError`` is not a subclass of
# ``RuntimeError``, so code that catches one misses the other.

refusal = BufferError if TORCH_2_9 else RuntimeError
weights = torch.ones(3, requires_grad=True)
for name, convert in [
    ("np.from_dlpack", np.from_dlpack),
    ("torch.from_dlpack", torch.from_dlpack),
]:
    try:
        convert(weights)
    except (BufferError, RuntimeError) as error:
        print(f"{name}: {type(error).__name__}: {error}")
        assert type(error) is refusal
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
# A lazily conjugated complex tensor (``torch.conj``) is refused, with the
# same error type as above:

complex_tensor = torch.tensor([1 + 2j, 3 - 4j])
try:
    np.from_dlpack(torch.conj(complex_tensor))
except (BufferError, RuntimeError) as error:
    print(f"{type(error).__name__}: {error}")
    assert type(error) is refusal
else:
    raise AssertionError("DLPack should refuse a tensor with the conjugate bit")

# %%
# A tensor with the *negative* bit (for example ``.imag`` of a conjugated
# tensor) is **not** refused, and the sign is lost: the consumer sees the
# numbers stored in memory, not the numbers the tensor shows. Always call
# ``.resolve_neg()`` (or ``.resolve_conj()``) before exporting such a view.

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
# NumPy refuses to hand a read-only array over in the old form, which cannot
# carry the read-only mark. The refusal is a ``BufferError``:

import warnings

read_only = np.arange(3.0)
read_only.flags.writeable = False

try:
    read_only.__dlpack__()
except BufferError as error:
    print(f"{type(error).__name__}: {error}")
else:
    raise AssertionError("the old DLPack form should refuse a read-only array")

# %%
# So ``torch.from_dlpack`` can take a read-only array only where it asks for
# the versioned form and NumPy can give it: **torch 2.9 or newer with NumPy
# 2.1 or newer**. Elsewhere it raises that ``BufferError``; use
# ``torch.from_numpy`` (it shares memory, with a warning, see the read-only
# page of this section) or ``torch.tensor`` (it copies).
#
# Where it works, ``torch.from_dlpack`` gives no warning, unlike
# ``torch.from_numpy``. To be sure that a warning is not just hidden because
# it was already shown once, ask PyTorch to show every warning.

torch.set_warn_always(True)

takes_read_only = TORCH_2_9 and NUMPY_2_1
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    if takes_read_only:
        shared = torch.from_dlpack(read_only)
    else:
        try:
            torch.from_dlpack(read_only)
        except BufferError as error:
            print(f"{type(error).__name__}: {error}")
        else:
            raise AssertionError("this torch and NumPy should refuse a read-only array")
print("warnings:", len(caught))

assert not caught
if takes_read_only:
    print("same address:", read_only.ctypes.data == shared.data_ptr())
    assert read_only.ctypes.data == shared.data_ptr()

# %%
# The versioned capsule carries NumPy's read-only mark, but the tensor that
# ``torch.from_dlpack`` makes is an ordinary tensor, and it can write into the
# "read-only" array. (This is safe here only because this page turned the flag
# off on an ordinary array.) To protect a read-only array, ask for a copy with
# ``copy=True``.

if takes_read_only:
    shared.add_(10)
    print("read_only after shared.add_(10):", read_only)
    print("writeable:", read_only.flags.writeable)
    assert read_only.tolist() == [10.0, 11.0, 12.0]
    assert not read_only.flags.writeable

    protected = torch.from_dlpack(read_only, copy=True)
    protected.zero_()
    print("read_only after protected.zero_():", read_only)
    assert not np.shares_memory(protected.numpy(), read_only)
    assert read_only.tolist() == [10.0, 11.0, 12.0]
else:
    print("torch.from_dlpack refused the read-only array: nothing was written")
    assert read_only.tolist() == [0.0, 1.0, 2.0]

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
# ``np.array(tensor)`` copies. From NumPy 2.1 on it also shows a
# ``DeprecationWarning``, because ``Tensor.__array__`` does not accept the
# ``copy`` keyword that NumPy passes. NumPy 1.26 and 2.0 copy without a
# warning.

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    copied = np.array(tensor)
for warning in caught:
    print(f"{warning.category.__name__}: {warning.message}")
print("warnings:", len(caught))
print("np.array shares memory:", np.shares_memory(copied, tensor.numpy()))

assert bool(caught) == NUMPY_2_1
assert all(issubclass(warning.category, DeprecationWarning) for warning in caught)
assert all("copy keyword" in str(warning.message) for warning in caught)
assert not np.shares_memory(copied, tensor.numpy())

# %%
# And a surprise: ``np.asarray(tensor, copy=False)``, which asks NumPy to
# promise that nothing is copied, raises a ``ValueError``, although
# ``np.asarray(tensor)`` does not copy. NumPy cannot tell ``__array__`` not to
# copy, so it cannot make the promise, and it shows the ``DeprecationWarning``
# as well. (``np.asarray`` has a ``copy`` keyword from NumPy 2.0; NumPy 1.26
# raises ``TypeError`` for it.)

NUMPY_2 = np.lib.NumpyVersion(np.__version__) >= "2.0.0"
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    try:
        np.asarray(tensor, copy=False)
    except (ValueError, TypeError) as error:
        print(f"{type(error).__name__}: {error}")
        assert type(error) is (ValueError if NUMPY_2 else TypeError)
    else:
        raise AssertionError("np.asarray(tensor, copy=False) should raise")
for warning in caught:
    print(f"{warning.category.__name__}: {warning.message}")

assert bool(caught) == NUMPY_2
assert all(issubclass(warning.category, DeprecationWarning) for warning in caught)

# %%
# If you need that promise, use ``np.from_dlpack(tensor, copy=False)``, which
# raises rather than copy. It needs NumPy 2.1 or newer (for the keyword) and
# torch 2.9 or newer (NumPy passes the keyword on to ``Tensor.__dlpack__``).
# Elsewhere, ``np.from_dlpack(tensor)`` without the keyword shares memory all
# the same, as the first section showed.

if NUMPY_2_1 and TORCH_2_9:
    no_copy = np.from_dlpack(tensor, copy=False)
else:
    try:
        np.from_dlpack(tensor, copy=False)
    except TypeError as error:
        print(f"{type(error).__name__}: {error}")
    else:
        raise AssertionError("this torch and NumPy should not know copy=False")
    no_copy = np.from_dlpack(tensor)
print("np.from_dlpack shares memory:", np.shares_memory(no_copy, as_array))

assert no_copy.ctypes.data == tensor.data_ptr()

# %%
# What to remember
# ----------------
#
# * ``np.from_dlpack(tensor)`` and ``torch.from_dlpack(array)`` share memory,
#   and the result keeps the original object alive.
# * The array from ``np.from_dlpack(tensor)`` is writable only with NumPy
#   2.2.5 or newer and torch 2.9 or newer; otherwise it is read-only, but
#   still sees writes made through the tensor.
# * DLPack refuses tensors that require grad (use ``.detach()``) and the
#   conjugate bit, with ``BufferError`` from torch 2.9 and ``RuntimeError``
#   before. It does **not** refuse the negative bit, and the sign is lost:
#   call ``.resolve_neg()`` first.
# * ``torch.from_dlpack`` takes a read-only array (torch 2.9 or newer with
#   NumPy 2.1 or newer) without a warning, and the tensor can write into it.
#   Use ``copy=True`` to protect it. Older versions raise ``BufferError``.
# * ``np.asarray(tensor)`` shares memory. ``np.array(tensor)`` copies, with a
#   ``DeprecationWarning`` from NumPy 2.1, and ``np.asarray(tensor,
#   copy=False)`` raises.
# * Related pages:
#   :ref:`sphx_glr_auto_examples_edge_cases_plot_02_read_only_arrays.py`,
#   :ref:`sphx_glr_auto_examples_edge_cases_plot_06_conj_and_neg_bits.py`,
#   :ref:`sphx_glr_auto_examples_edge_cases_plot_10_lifetime.py`,
#   :ref:`sphx_glr_auto_examples_tensor_to_numpy_plot_03_requires_grad.py`.
