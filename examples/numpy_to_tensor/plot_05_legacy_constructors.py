"""
Replace the legacy constructors ``torch.Tensor`` and ``torch.FloatTensor``
==========================================================================

Old code and many tutorials write ``torch.Tensor(array)`` or
``torch.FloatTensor(array)``. Whether the result shares the array's memory
depends on the array's dtype, and nothing tells you which happened. This page
tests both constructors with ``float32``, ``float64`` and ``int64`` arrays,
shows two more traps, and ends with the calls to use instead.
"""

# %%
# ``torch.Tensor`` shares a ``float32`` array
# -------------------------------------------
#
# ``torch.Tensor(array)`` on a ``float32`` array returns a ``float32`` tensor
# that shares the array's memory, like ``torch.from_numpy``: an in-place write
# into the array appears in the tensor.

import warnings

import numpy as np
import torch

torch.set_warn_always(True)

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
# There is no warning, and a later write into the array does not reach the
# tensor.

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

array64[0] = 100.0
print(converted)

assert converted.tolist() == [1.0, 2.0, 3.0]

# %%
# An ``int64`` array is converted and copied the same way: ``torch.Tensor``
# always returns the default dtype, ``float32``.

counts = np.array([1, 2, 3])
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
    "int64": np.array([1, 2]),
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

assert table["FloatTensor", "float32"] == ("float32", True)
assert table["FloatTensor", "float64"] == ("float32", False)
assert table["FloatTensor", "int64"] == ("float32", False)
assert table["DoubleTensor", "float64"] == ("float64", True)
assert table["DoubleTensor", "float32"] == ("float64", False)
assert table["LongTensor", "int64"] == ("int64", True)
assert table["LongTensor", "float64"] == ("int64", False)

# %%
# Two more traps
# --------------
#
# A number is taken as a **size**, not as a value: ``torch.Tensor(3)`` is a
# tensor of three uninitialised elements, not a tensor holding ``3``. A NumPy
# integer such as ``np.int64(3)`` (what ``array.argmax()`` returns) is taken
# as a size too. The values are whatever was in memory, so only the shape is
# printed here.

print("torch.Tensor(3):          ", tuple(torch.Tensor(3).shape))
print("torch.Tensor(np.int64(3)):", tuple(torch.Tensor(np.int64(3)).shape))
print("torch.tensor(3):          ", torch.tensor(3))

assert torch.Tensor(3).shape == (3,)
assert torch.Tensor(np.int64(3)).shape == (3,)
assert isinstance(counts.argmax(), np.int64)
assert torch.tensor(3).shape == () and torch.tensor(3).item() == 3

# %%
# A NumPy float scalar, such as ``np.float64(3.0)`` from ``array.sum()``, is
# refused with a ``TypeError``.

try:
    torch.Tensor(np.float64(3.0))
except TypeError as error:
    print(f"{type(error).__name__}: {error}")
else:
    raise AssertionError("torch.Tensor should refuse a NumPy float scalar")

assert isinstance(array64.sum(), np.float64)

# %%
# What to use instead
# -------------------
#
# Each modern call says what it does. ``torch.from_numpy`` always shares and
# keeps the dtype. ``torch.tensor`` always copies, and ``dtype=`` converts.
# ``torch.as_tensor`` with ``dtype=`` does what ``torch.FloatTensor`` did,
# sharing a ``float32`` array and copying any other, but the dtype is written
# in the call. ``torch.asarray(..., copy=False)`` raises where a copy would be
# needed.

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
else:
    raise AssertionError("asarray(copy=False) should refuse a dtype change")

# %%
# What to remember
# ----------------
#
# * ``torch.Tensor(array)`` and ``torch.FloatTensor(array)`` share a
#   ``float32`` array, but silently convert and copy a ``float64`` or
#   ``int64`` one. ``torch.Tensor`` follows the default dtype;
#   ``torch.DoubleTensor`` and ``torch.LongTensor`` have their own.
# * ``torch.Tensor(3)`` and ``torch.Tensor(np.int64(3))`` make three
#   uninitialised elements, and a NumPy float scalar raises ``TypeError``.
# * Use ``torch.from_numpy`` to share, ``torch.tensor(..., dtype=...)`` to
#   copy, and ``torch.as_tensor(..., dtype=...)`` to share when possible:
#   :ref:`sphx_glr_auto_examples_numpy_to_tensor_plot_01_from_numpy.py`,
#   :ref:`sphx_glr_auto_examples_numpy_to_tensor_plot_02_torch_tensor_copies.py`
#   and
#   :ref:`sphx_glr_auto_examples_numpy_to_tensor_plot_03_as_tensor_and_asarray.py`.
