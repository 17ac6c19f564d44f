"""
Replace ``torch.Tensor`` and ``FloatTensor``
============================================

``torch.Tensor(array)`` shares the array's memory only when the array already
has the default dtype (``float32``), and silently converts and copies any
other; ``torch.FloatTensor`` and its relatives do the same with their own
dtype. An integer argument is a size, not a value. Use ``torch.from_numpy``,
``torch.tensor`` or ``torch.as_tensor`` instead.
"""

import numpy as np
import torch

array = np.array([1.0, 2.0, 3.0])  # float64, NumPy's default
legacy = torch.Tensor(array)  # float32: a silent copy (a float32 array is shared)
array[0] = 100.0  # an in-place write does not reach the copy
assert legacy.dtype == torch.float32 and legacy[0].item() == 1.0
assert torch.Tensor(3).shape == (3,)  # an integer is a size: 3 uninitialised values
assert torch.tensor(3).item() == 3  # torch.tensor(3) holds the value 3

# %%
# ``torch.Tensor`` shares a ``float32`` array
# -------------------------------------------
#
# ``torch.Tensor(array)`` on a ``float32`` array returns a ``float32`` tensor
# that shares the array's memory, like ``torch.from_numpy``: an in-place write
# into the array appears in the tensor.

import warnings

warn_always = torch.is_warn_always_enabled()
torch.set_warn_always(True)  # repeat torch's once-per-process warnings

array32 = np.array([1.0, 2.0, 3.0], dtype=np.float32)
tensor = torch.Tensor(array32)
print(tensor.dtype, "shares memory:", np.shares_memory(array32, tensor.numpy()))

assert tensor.dtype == torch.float32
assert np.shares_memory(array32, tensor.numpy())

array32[0] = 100.0
print(tensor)

assert tensor[0].item() == 100.0

# %%
# ``torch.Tensor`` silently converts and copies a ``float64`` array
# -----------------------------------------------------------------
#
# NumPy creates ``float64`` arrays by default. ``torch.Tensor`` converts such
# an array to ``float32``, which needs new memory, so the tensor is a copy.
# There is no warning.

array64 = np.array([1.0, 2.0, 3.0])
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    converted = torch.Tensor(array64)
print(array64.dtype, "->", converted.dtype)
print("shares memory:", np.shares_memory(array64, converted.numpy()))
print("warnings:", len(caught))

assert array64.dtype == np.float64 and converted.dtype == torch.float32
assert not np.shares_memory(array64, converted.numpy())
assert not caught, "torch.Tensor should convert a float64 array without a warning"

# %%
# An ``int64`` array is converted and copied the same way: ``torch.Tensor``
# always returns the default dtype, ``float32``. (The arrays of whole numbers
# on this page say ``dtype=np.int64``, because NumPy's default integer is
# ``int32`` on Windows before NumPy 2.0.)

counts = np.array([1, 2, 3], dtype=np.int64)
from_counts = torch.Tensor(counts)
print(counts.dtype, "->", from_counts.dtype)

assert counts.dtype == np.int64 and from_counts.dtype == torch.float32
assert not np.shares_memory(counts, from_counts.numpy())

# %%
# The rule behind it: ``torch.Tensor`` makes a tensor of the default dtype, and
# shares only when the array already has that dtype. With the default dtype
# set to ``float64``, it is the ``float64`` array that is shared and the
# ``float32`` array that is copied.

previous = torch.get_default_dtype()
torch.set_default_dtype(torch.float64)
try:
    from_64 = torch.Tensor(array64)
    from_32 = torch.Tensor(array32)
finally:
    torch.set_default_dtype(previous)
print("float64 array:", from_64.dtype, np.shares_memory(array64, from_64.numpy()))
print("float32 array:", from_32.dtype, np.shares_memory(array32, from_32.numpy()))

assert from_64.dtype == from_32.dtype == torch.float64
assert np.shares_memory(array64, from_64.numpy())
assert not np.shares_memory(array32, from_32.numpy())

# %%
# .. rst-class:: fold
#
# ``torch.FloatTensor`` and its relatives
# ---------------------------------------
#
# ``torch.FloatTensor(array)`` behaves the same way with a fixed dtype:
# ``float32``, shared for a ``float32`` array, converted and copied for any
# other. ``torch.DoubleTensor`` (``float64``) and ``torch.LongTensor``
# (``int64``) follow the same rule with their own dtype.

arrays = {
    "float32": np.array([1.0, 2.0], dtype=np.float32),
    "float64": np.array([1.0, 2.0]),
    "int64": np.array([1, 2], dtype=np.int64),
}
constructors = {
    "FloatTensor": torch.FloatTensor,
    "DoubleTensor": torch.DoubleTensor,
    "LongTensor": torch.LongTensor,
}
table = {}
print(f"{'constructor':<14} {'array':<8} {'tensor':<8} shares")
for name, constructor in constructors.items():
    for kind, array in arrays.items():
        result = constructor(array)
        dtype = str(result.dtype).removeprefix("torch.")
        shares = np.shares_memory(array, result.numpy())
        table[name, kind] = (dtype, shares)
        print(f"{name:<14} {kind:<8} {dtype:<8} {shares}")

own_dtype = {"FloatTensor": "float32", "DoubleTensor": "float64", "LongTensor": "int64"}
for (name, kind), cell in table.items():
    assert cell == (own_dtype[name], kind == own_dtype[name]), (name, kind, cell)
assert len(table) == 9

# %%
# .. rst-class:: fold
#
# Two more traps
# --------------
#
# An **integer** is taken as a size, not as a value: ``torch.Tensor(3)`` is a
# tensor of three uninitialised elements, not a tensor holding ``3``. So is a
# NumPy integer such as ``np.int64(3)`` (what ``array.argmax()`` returns), and
# so is a 0-d integer array, ``np.array(3)``, although a 0-d float array,
# ``np.array(3.0)``, becomes a 0-d tensor holding ``3.0``. The values of the
# uninitialised tensors are whatever was in memory, so only the shapes are
# printed here.

cases = {
    "torch.Tensor(3)": torch.Tensor(3),
    "torch.Tensor(np.int64(3))": torch.Tensor(np.int64(3)),
    "torch.Tensor(np.array(3))": torch.Tensor(np.array(3, dtype=np.int64)),
    "torch.Tensor(np.array(3.0))": torch.Tensor(np.array(3.0)),
}
for call, result in cases.items():
    print(f"{call:<28} shape {tuple(result.shape)}")

assert cases["torch.Tensor(3)"].shape == (3,)
assert cases["torch.Tensor(np.int64(3))"].shape == (3,)
assert cases["torch.Tensor(np.array(3))"].shape == (3,)
assert cases["torch.Tensor(np.array(3.0))"].shape == ()
assert cases["torch.Tensor(np.array(3.0))"].item() == 3.0
assert isinstance(counts.argmax(), np.int64)

# %%
# Other numbers are refused with a ``TypeError``: a Python ``float`` or
# ``bool``, and a NumPy float scalar such as ``np.float64(3.0)`` from
# ``array.sum()``.

for number in [3.0, True, np.float64(3.0)]:
    try:
        torch.Tensor(number)
    except TypeError as error:
        print(f"{type(number).__name__}: {type(error).__name__}: {error}")
        assert "must be a sequence" in str(error)
    else:
        raise AssertionError(f"torch.Tensor should refuse {number!r}")

assert isinstance(array64.sum(), np.float64)

# %%
# What to use instead
# -------------------
#
# Each modern call says what it does. ``torch.from_numpy`` always shares and
# keeps the dtype. ``torch.tensor`` never shares, and ``dtype=`` converts.
# ``torch.as_tensor`` with ``dtype=`` does what ``torch.FloatTensor`` did,
# sharing a ``float32`` array and copying any other, but the dtype is written
# in the call. ``torch.asarray(..., copy=False)`` raises where a dtype change
# would need a copy, but it silently copies a 0-d array
# (:ref:`sphx_glr_auto_examples_numpy_to_tensor_plot_03_as_tensor_and_asarray.py`).

calls = [
    ("from_numpy(array32)", array32, torch.from_numpy(array32)),
    (
        "tensor(array64, dtype=float32)",
        array64,
        torch.tensor(array64, dtype=torch.float32),
    ),
    (
        "as_tensor(array32, dtype=float32)",
        array32,
        torch.as_tensor(array32, dtype=torch.float32),
    ),
    (
        "as_tensor(array64, dtype=float32)",
        array64,
        torch.as_tensor(array64, dtype=torch.float32),
    ),
]
shared = []
for call, source, result in calls:
    shared.append(np.shares_memory(source, result.numpy()))
    print(f"{call:<36} {str(result.dtype):<14} shares={shared[-1]}")

assert shared == [True, False, True, False]
assert all(result.dtype == torch.float32 for _, _, result in calls)

try:
    torch.asarray(array64, dtype=torch.float32, copy=False)
except ValueError as error:
    print(f"{type(error).__name__}: {error}")
    assert "can't alias" in str(error)
else:
    raise AssertionError("asarray(copy=False) should refuse a dtype change")

zero_d = np.array(1.5)
zero_d_copy = torch.asarray(zero_d, copy=False)
print(
    "asarray(np.array(1.5), copy=False) shares:",
    zero_d.ctypes.data == zero_d_copy.data_ptr(),
)

assert zero_d.ctypes.data != zero_d_copy.data_ptr()
torch.set_warn_always(warn_always)
