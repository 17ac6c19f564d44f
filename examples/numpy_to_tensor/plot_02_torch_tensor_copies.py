"""
Copy a NumPy array into a new tensor with ``torch.tensor``
==========================================================

``torch.tensor(array)`` always copies the data into new memory. This page
proves the copy with in-place writes in both directions, then shows how
``dtype=`` changes the dtype during the copy and what ``device=`` does.
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
# Pass ``dtype=torch.float32`` to convert the values during the copy. This is
# the usual way to get a tensor that ``float32`` models accept. There is only
# one copy: the conversion happens while copying.

values = np.array([0.1, 0.2, 0.3])
values32 = torch.tensor(values, dtype=torch.float32)
print(values.dtype, "->", values32.dtype)
print(values32)

assert values.dtype == np.float64
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
# ``torch.tensor(array, device="cuda")`` for a GPU. The data is copied from the
# array's CPU memory into the device memory. With ``device="cpu"`` (the default
# here) the tensor is an ordinary CPU copy, as above.

on_cpu = torch.tensor(values, dtype=torch.float32, device="cpu")
print(on_cpu.device)

assert on_cpu.device == torch.device("cpu")
assert not np.shares_memory(values, on_cpu.numpy())

# %%
# What to remember
# ----------------
#
# * ``torch.tensor(array)`` always copies: later changes to the array or to the
#   tensor stay separate.
# * It keeps the array's dtype unless you pass ``dtype=``; a ``float64`` array
#   gives a ``float64`` tensor.
# * ``dtype=`` and ``device=`` convert and place the data during the one copy.
# * To share memory instead, see
#   :ref:`sphx_glr_auto_examples_numpy_to_tensor_plot_01_from_numpy.py`. To
#   share when possible and copy only when needed, see
#   :ref:`sphx_glr_auto_examples_numpy_to_tensor_plot_03_as_tensor_and_asarray.py`.
#   Copying to a GPU:
#   :ref:`sphx_glr_auto_examples_gpu_plot_02_numpy_to_cuda.py`.
