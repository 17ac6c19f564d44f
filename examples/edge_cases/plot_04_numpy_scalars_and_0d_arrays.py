"""
Convert NumPy scalars and 0-d arrays
====================================

Use ``torch.tensor(value)`` for a NumPy scalar such as ``values.sum()``: it
copies the number into a 0-d tensor and keeps NumPy's dtype. ``torch.from_numpy``
takes only arrays, so it refuses a scalar. A 0-d array (``np.array(1.5)``)
converts like any array, except that ``torch.asarray`` copies it.
"""

import numpy as np
import torch

total = np.arange(3.0).sum()  # a NumPy scalar (np.float64), not an array
tensor = torch.tensor(total)  # a 0-d float64 tensor holding a copy of the value
assert tensor.shape == () and tensor.dtype == torch.float64 and tensor.item() == 3.0
zero_d = np.array(1.5)  # a 0-d array converts like any array:
torch.from_numpy(zero_d).add_(1)  # it shares memory
assert zero_d.item() == 2.5

# %%
# Two ways to hold one number
# ---------------------------
#
# A NumPy scalar is not an ``ndarray``, and it cannot be changed. A 0-d array
# is an ``ndarray`` with no dimensions, and it owns one writable element.

scalar = np.float32(1.5)
zero_d = np.array(1.5)
print("scalar:", type(scalar).__name__, "shape", scalar.shape)
print("0-d:   ", type(zero_d).__name__, "shape", zero_d.shape, zero_d.dtype)

assert isinstance(scalar, np.generic) and not isinstance(scalar, np.ndarray)
assert not scalar.flags.writeable
assert isinstance(zero_d, np.ndarray) and zero_d.shape == ()
assert zero_d.flags.writeable

# %%
# NumPy scalars appear often without being asked for: indexing one element
# and reductions such as ``sum()`` return a NumPy scalar, not a 0-d array.

values = np.arange(3.0)
print(type(values[0]).__name__, type(values.sum()).__name__)

assert isinstance(values[0], np.float64)
assert isinstance(values.sum(), np.float64)

# %%
# ``torch.from_numpy`` needs an array
# -----------------------------------
#
# ``torch.from_numpy`` accepts only ``ndarray`` objects, so it refuses a NumPy
# scalar with a ``TypeError``.

try:
    torch.from_numpy(scalar)
except TypeError as error:
    print(f"{type(error).__name__}: {error}")
    assert "expected np.ndarray" in str(error)
else:
    raise AssertionError("torch.from_numpy should refuse a NumPy scalar")

# %%
# A 0-d array is an ``ndarray``, so ``torch.from_numpy`` accepts it. The result
# is a 0-d tensor (shape ``torch.Size([])``) that shares the array's memory: an
# in-place change of the tensor changes the array.

shared = torch.from_numpy(zero_d)
print(shared, shared.shape)
shared.add_(1)
print("zero_d after shared.add_(1):", zero_d)

assert shared.shape == torch.Size([])
assert shared.dtype == torch.float64
assert zero_d.item() == 2.5

# %%
# ``torch.tensor`` and ``torch.as_tensor`` with a NumPy scalar
# ------------------------------------------------------------
#
# Both accept a NumPy scalar and give a 0-d tensor. They keep NumPy's dtype:
# ``np.float32`` gives ``torch.float32``. There is nothing to share: both copy
# the value into the tensor's own memory, which is not where the scalar keeps
# its value (``np.frombuffer`` shows that place).

scalar_memory = np.frombuffer(scalar, dtype=np.float32)  # the scalar's own bytes
assert np.frombuffer(scalar, dtype=np.float32).ctypes.data == scalar_memory.ctypes.data
for convert in (torch.tensor, torch.as_tensor):
    tensor = convert(scalar)
    print(f"torch.{convert.__name__}: {tensor!r}, shape {tuple(tensor.shape)}")
    assert tensor.shape == torch.Size([])
    assert tensor.dtype == torch.float32
    assert tensor.data_ptr() != scalar_memory.ctypes.data  # a copy
    tensor.add_(1)
    assert tensor.item() == 2.5 and scalar_memory.tolist() == [1.5]

# %%
# Keeping NumPy's dtype matters for ``float64``. A Python ``float`` becomes
# ``float32`` (the default dtype), but a ``np.float64`` scalar, such as the
# result of ``values.sum()``, becomes ``float64``.

print("torch.tensor(1.5):           ", torch.tensor(1.5).dtype)
print("torch.tensor(np.float64(1.5)):", torch.tensor(np.float64(1.5)).dtype)
print("torch.tensor(values.sum()):  ", torch.tensor(values.sum()).dtype)

assert torch.tensor(1.5).dtype == torch.float32
assert torch.tensor(np.float64(1.5)).dtype == torch.float64
assert torch.tensor(values.sum()).dtype == torch.float64

# %%
# .. rst-class:: fold
#
# ``torch.tensor`` and ``torch.as_tensor`` with a 0-d array
# ---------------------------------------------------------
#
# With a 0-d array the usual rules apply: ``torch.as_tensor`` shares the
# memory, ``torch.tensor`` copies. Both give a 0-d ``float64`` tensor.

zero_d = np.array(1.5)
as_tensor = torch.as_tensor(zero_d)
copied = torch.tensor(zero_d)
as_tensor.mul_(2)
print("zero_d after as_tensor.mul_(2):", zero_d)
copied.mul_(10)
print("zero_d after copied.mul_(10):  ", zero_d)

assert as_tensor.shape == copied.shape == torch.Size([])
assert as_tensor.dtype == copied.dtype == torch.float64
assert zero_d.item() == 3.0  # changed by as_tensor, not by copied

# %%
# .. rst-class:: fold
#
# A surprise: ``torch.asarray`` copies a 0-d array
# ------------------------------------------------
#
# ``torch.asarray`` shares memory with a 1-d array, and its documentation says
# that with ``copy=False`` "the returned tensor shares its memory with obj and
# an error is thrown if it cannot". Yet a 0-d array is silently copied, even
# with ``copy=False``, on every torch release this site is checked on (see
# :doc:`/compatibility`).

one_d = np.array([1.5])
torch.asarray(one_d).add_(1)
print("1-d array after torch.asarray(...).add_(1):", one_d)

import warnings

zero_d = np.array(1.5)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    torch.asarray(zero_d).add_(1)
    torch.asarray(zero_d, copy=False).add_(1)
print("0-d array after two torch.asarray(...).add_(1):", zero_d)
print("warnings:", len(caught))

assert "an error is thrown if it cannot" in " ".join(torch.asarray.__doc__.split())
assert one_d.tolist() == [2.5]
assert zero_d.item() == 1.5  # neither write reached the 0-d array
assert not caught  # silently

# %%
# Going back: ``.numpy()`` on a 0-d tensor
# ----------------------------------------
#
# ``.numpy()`` on a 0-d tensor returns a 0-d *array*, not a NumPy scalar, and
# the array shares the tensor's memory like any other.

tensor = torch.tensor(3.5)
array = tensor.numpy()
print(type(array).__name__, "shape", array.shape, array.dtype)
tensor.add_(1)
print("array after tensor.add_(1):", array)

assert isinstance(array, np.ndarray) and array.shape == ()
assert array.ctypes.data == tensor.data_ptr()
assert array.item() == 4.5

# %%
# ``.item()`` gives a Python number
# ---------------------------------
#
# To get a plain Python number, call ``.item()`` on the tensor (or on the 0-d
# array). The number is a copy: later changes to the tensor do not affect it.
# Indexing the 0-d array with ``array[()]`` gives a NumPy scalar instead.

number = tensor.item()
numpy_scalar = array[()]
print(type(number).__name__, number)
print(type(numpy_scalar).__name__, numpy_scalar)
tensor.add_(1)
print("after another tensor.add_(1):", number, numpy_scalar, array)

assert type(number) is float and type(array.item()) is float
assert isinstance(numpy_scalar, np.float32)
assert number == 4.5 and numpy_scalar == 4.5
assert array.item() == 5.5

# %%
# More on ``.item()``:
# :ref:`sphx_glr_auto_examples_tensor_to_python_plot_01_item.py`. More on
# ``as_tensor`` and ``asarray``:
# :ref:`sphx_glr_auto_examples_numpy_to_tensor_plot_03_as_tensor_and_asarray.py`.
