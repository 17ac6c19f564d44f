"""
Convert a read-only array to a tensor
=====================================

Copy it first: ``torch.from_numpy(arr.copy())`` or ``torch.tensor(arr)``.
``torch.from_numpy``, ``torch.as_tensor`` and ``torch.asarray`` would share the
read-only memory with only a ``UserWarning``, and PyTorch has no read-only
tensors: a write through the tensor would change the "read-only" array.
"""

import numpy as np
import torch

arr = np.frombuffer(bytes([1, 2, 3]), dtype=np.uint8)  # read-only: bytes are immutable
tensor = torch.from_numpy(arr.copy())  # a writable copy, converted without a warning
tensor.add_(10)  # changes only the copy
assert not arr.flags.writeable and arr.tolist() == [1, 2, 3]
assert tensor.tolist() == [11, 12, 13]

# %%
# A read-only array
# -----------------
#
# Turn off the ``writeable`` flag of an ordinary array. NumPy now refuses
# writes made through the array.

arr = np.arange(4, dtype=np.float32)
arr.flags.writeable = False
print("writeable:", arr.flags.writeable)

try:
    arr[0] = 100
except ValueError as error:
    print(f"{type(error).__name__}: {error}")
else:
    raise AssertionError("NumPy should refuse a write into a read-only array")

# %%
# ``torch.from_numpy`` warns
# --------------------------
#
# PyTorch shows this warning only once per process (its text says so). The
# next line asks PyTorch to show it every time, so that this page shows it
# whatever ran before.

torch.set_warn_always(True)

# %%
# Now convert the array. The conversion works, with a ``UserWarning``.

import warnings

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    tensor = torch.from_numpy(arr)
assert caught, "torch.from_numpy should warn about a read-only array"
for warning in caught:
    print(f"{warning.category.__name__}: {warning.message}")

assert all(issubclass(warning.category, UserWarning) for warning in caught)
assert "not writable" in str(caught[0].message)
assert "undefined behavior" in str(caught[0].message)
assert "suppressed for the rest of this program" in str(caught[0].message)

# %%
# The warning does not mean that PyTorch made a copy. The tensor uses the same
# memory as the read-only array.

print("same address:", arr.ctypes.data == tensor.data_ptr())

assert arr.ctypes.data == tensor.data_ptr()

# %%
# A write through the tensor changes the read-only array
# ------------------------------------------------------
#
# The ``writeable`` flag only stops writes made *through NumPy*. PyTorch does
# not know about it, so an in-place operation on the tensor changes the
# "read-only" array, and the flag stays ``False``.
#
# This is safe here only because the memory belongs to an ordinary array and
# the flag was turned off by this page. When the memory is truly read-only (an
# immutable ``bytes`` object, a file mapped read-only), the same write is what
# the warning calls "undefined behavior": PyTorch makes no promise about what
# happens. Never write through such a tensor.

tensor.add_(10)
print("arr:", arr)
print("writeable:", arr.flags.writeable)

assert arr.tolist() == [10.0, 11.0, 12.0, 13.0]
assert not arr.flags.writeable

# %%
# The protection is also lost on the way back: ``tensor.numpy()`` returns a
# *writable* array over the same memory.

back = tensor.numpy()
print("writeable:", back.flags.writeable)
print("same memory as arr:", np.shares_memory(back, arr))

assert back.flags.writeable
assert np.shares_memory(back, arr)

# %%
# .. rst-class:: fold
#
# Where read-only arrays come from
# --------------------------------
#
# You rarely turn the flag off yourself. More often a library gives you a
# read-only array. Two common cases:
#
# * ``np.frombuffer`` on a ``bytes`` object: ``bytes`` are immutable, so the
#   array is read-only.
# * ``np.broadcast_to``: the result repeats one row many times (stride 0), so
#   NumPy makes it read-only.
#
# ``torch.from_numpy`` warns for both. (This page only reads these tensors.)

from_bytes = np.frombuffer(bytes([1, 2, 3, 4]), dtype=np.uint8)
broadcast = np.broadcast_to(np.arange(3.0), (2, 3))
print("frombuffer writeable:", from_bytes.flags.writeable)
print("broadcast_to writeable:", broadcast.flags.writeable)

converted = {}
for name, source in [("np.frombuffer", from_bytes), ("np.broadcast_to", broadcast)]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        converted[name] = torch.from_numpy(source)
    assert caught, f"torch.from_numpy should warn about {name}"
    assert issubclass(caught[0].category, UserWarning)
    assert "not writable" in str(caught[0].message)
    print(f"{name}: {len(caught)} warning, {caught[0].category.__name__}")

assert not from_bytes.flags.writeable
assert not broadcast.flags.writeable

# %%
# The tensor from ``np.broadcast_to`` keeps stride 0 in its first dimension:
# both rows are the same three numbers in memory, so it shares memory with
# the small array that was broadcast.

from_broadcast = converted["np.broadcast_to"]
print("strides:", from_broadcast.stride())

assert from_broadcast.stride() == (0, 1)
assert np.shares_memory(from_broadcast.numpy(), broadcast.base)

# %%
# ``torch.as_tensor`` and ``torch.asarray`` (with its default ``copy=None``)
# behave like ``torch.from_numpy`` here: each warns and shares the memory, so
# a write through either tensor reaches the array. (The loop takes each write
# away again, so that the rest of the page starts from the same numbers.)

for name, convert in [
    ("torch.as_tensor", torch.as_tensor),
    ("torch.asarray", torch.asarray),
]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        shared = convert(arr)
    assert caught, f"{name} should warn about a read-only array"
    print(
        f"{name}: {caught[0].category.__name__}: {str(caught[0].message).split('.')[0]}"
    )
    shared.add_(0.5)
    print(
        f"  same address: {arr.ctypes.data == shared.data_ptr()}, arr after add_(0.5): {arr}"
    )

    assert all(issubclass(warning.category, UserWarning) for warning in caught)
    assert "not writable" in str(caught[0].message)
    assert arr.ctypes.data == shared.data_ptr()
    assert arr.tolist() == [10.5, 11.5, 12.5, 13.5]
    shared.sub_(0.5)
    assert arr.tolist() == [10.0, 11.0, 12.0, 13.0]

# %%
# Fix 1: ``.copy()`` first
# ------------------------
#
# A copy of a read-only array is a new, writable array. ``torch.from_numpy``
# converts it without a warning, and writes through the tensor reach only the
# copy.

writable_copy = arr.copy()
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    from_copy = torch.from_numpy(writable_copy)
from_copy.mul_(2)
print("warnings:", len(caught))
print("copy:", writable_copy)
print("arr:", arr)

assert not caught
assert writable_copy.flags.writeable
assert writable_copy.tolist() == [20.0, 22.0, 24.0, 26.0]
assert arr.tolist() == [10.0, 11.0, 12.0, 13.0]

# %%
# Fix 2: ``torch.tensor``
# -----------------------
#
# ``torch.tensor`` copies (it never shares memory), so the read-only flag does
# not matter and it does not warn. The tensor owns its memory.
# (``torch.asarray(arr, copy=True)`` copies without a warning too.)

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    copied = torch.tensor(arr)
copied.mul_(2)
print("warnings:", len(caught))
print("tensor:", copied)
print("arr:", arr)

assert not caught
assert not np.shares_memory(copied.numpy(), arr)
assert arr.tolist() == [10.0, 11.0, 12.0, 13.0]

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    asarray_copy = torch.asarray(arr, copy=True)
assert not caught
assert not np.shares_memory(asarray_copy.numpy(), arr)

# %%
# More about the normal conversions:
# :ref:`sphx_glr_auto_examples_numpy_to_tensor_plot_01_from_numpy.py` and
# :ref:`sphx_glr_auto_examples_numpy_to_tensor_plot_02_torch_tensor_copies.py`.
