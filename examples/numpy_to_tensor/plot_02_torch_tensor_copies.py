"""
Copy a NumPy array into a new tensor with ``torch.tensor``
==========================================================

``torch.tensor(array)`` always copies the data into new memory. This page
proves the copy with in-place writes in both directions, then shows how
``dtype=`` changes the dtype during the copy and where ``device=`` puts the
new tensor.
"""

# %%
# ``torch.tensor`` makes a copy
# -----------------------------
#
# The new tensor has the same values as the array, but its own memory.

import numpy as np
import torch

array = np.array([1.0, 2.0, 3.0])
tensor = torch.tensor(array)
print(tensor)
print("same address:", array.ctypes.data == tensor.data_ptr())
print("shares memory:", np.shares_memory(array, tensor.numpy()))

assert array.ctypes.data != tensor.data_ptr()
assert not np.shares_memory(array, tensor.numpy())

# %%
# Write through the array
# -----------------------
#
# An in-place write into the array does not reach the tensor.

array[0] = 100.0
print("array: ", array)
print("tensor:", tensor)

assert tensor.tolist() == [1.0, 2.0, 3.0]

# %%
# Write through the tensor
# ------------------------
#
# An in-place operation on the tensor does not reach the array either.

tensor.mul_(2)
print("tensor:", tensor)
print("array: ", array)

assert array.tolist() == [100.0, 2.0, 3.0]
assert tensor.tolist() == [2.0, 4.0, 6.0]

# %%
# The dtype is kept unless you ask for another one
# ------------------------------------------------
#
# Without ``dtype=``, ``torch.tensor`` keeps the array's dtype, so a ``float64``
# array gives a ``float64`` tensor (not PyTorch's default ``float32``).

print("array dtype: ", array.dtype)
print("tensor dtype:", tensor.dtype)

assert array.dtype == np.float64
assert tensor.dtype == torch.float64

# %%
# Change the dtype with ``dtype=``
# --------------------------------
#
# Pass ``dtype=torch.float32`` to convert the values as part of the copy.
# This is the usual way to get a tensor that ``float32`` models accept. The
# array keeps its ``float64`` values.

values = np.array([0.1, 0.2, 0.3])
values32 = torch.tensor(values, dtype=torch.float32)
print(values.dtype, "->", values32.dtype)
print(values32)

assert values.dtype == np.float64
assert values.tolist() == [0.1, 0.2, 0.3]
assert values32.dtype == torch.float32
assert not np.shares_memory(values, values32.numpy())

# %%
# The values are rounded to the nearest ``float32``, exactly as NumPy's
# ``astype(np.float32)`` does.

print(
    "equal to astype(np.float32):",
    np.array_equal(values32.numpy(), values.astype(np.float32)),
)

assert np.array_equal(values32.numpy(), values.astype(np.float32))

# %%
# Choose the device with ``device=``
# ----------------------------------
#
# ``device=`` places the new tensor on a device, for example
# ``torch.tensor(array, device="cuda")`` for a GPU, where the values are
# copied from the array's CPU memory into the GPU's memory. Every build of
# torch has the ``meta`` device, which keeps only the shape and the dtype and
# no values at all. A ``meta`` tensor made from the array is on that device,
# with the requested dtype, and holds nothing that NumPy could read.

on_meta = torch.tensor(values, dtype=torch.float32, device="meta")
print(on_meta)

assert on_meta.device == torch.device("meta") and on_meta.is_meta
assert on_meta.shape == values.shape and on_meta.dtype == torch.float32

try:
    on_meta.numpy()
except TypeError as error:
    print(f"{type(error).__name__}: {error}")
else:
    raise AssertionError(".numpy() should refuse a tensor on the meta device")

# %%
# Without ``device=``, the copy is an ordinary CPU tensor, as in the sections
# above.

on_default = torch.tensor(values, dtype=torch.float32)
print(on_default.device)

assert on_default.device == torch.device("cpu")
assert not np.shares_memory(values, on_default.numpy())

# %%
# What to remember
# ----------------
#
# * ``torch.tensor(array)`` always copies: later changes to the array or to the
#   tensor stay separate.
# * It keeps the array's dtype unless you pass ``dtype=``; a ``float64`` array
#   gives a ``float64`` tensor.
# * ``dtype=`` converts the values as they are copied, and ``device=`` decides
#   where the new tensor lives; the array is never changed.
# * To share memory instead, see
#   :ref:`sphx_glr_auto_examples_numpy_to_tensor_plot_01_from_numpy.py`. To
#   share when possible and copy only when needed, see
#   :ref:`sphx_glr_auto_examples_numpy_to_tensor_plot_03_as_tensor_and_asarray.py`.
#   Copying to a GPU:
#   :ref:`sphx_glr_auto_examples_gpu_plot_02_numpy_to_cuda.py`.
