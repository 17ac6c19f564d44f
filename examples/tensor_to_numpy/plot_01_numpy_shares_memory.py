"""
Share memory between a CPU tensor and its NumPy array
=====================================================

``Tensor.numpy()`` on a CPU tensor does not copy anything: the array it returns
is a second view of the same memory. This page shows a write through the array
appearing in the tensor, a write through the tensor appearing in the array, and
how to check the sharing yourself.
"""

# %%
# Convert a tensor with ``.numpy()``
# ----------------------------------
#
# Start from an ordinary CPU tensor and convert it.

import numpy as np
import torch

tensor = torch.tensor([1, 2, 3])
array = tensor.numpy()
print(tensor)
print(array, array.dtype)

# %%
# Both objects point at the same bytes: the array's data pointer is the
# tensor's data pointer, and NumPy agrees that the two share memory.

print("same address:", array.ctypes.data == tensor.data_ptr())
print("np.shares_memory:", np.shares_memory(array, tensor.numpy()))

assert array.ctypes.data == tensor.data_ptr()
assert np.shares_memory(array, tensor.numpy())

# %%
# Write through the array
# -----------------------
#
# An **in-place** write into the array changes the tensor. (Reassigning the
# name, as in ``array = array + 1``, would build a new array and prove nothing.)

array[0] = 100
print(tensor)

assert tensor[0].item() == 100

# %%
# Write through the tensor
# ------------------------
#
# The sharing works in both directions: an in-place operation on the tensor
# shows up in the array.

tensor.add_(1)
print(array)

assert array.tolist() == [101, 3, 4]

# %%
# The dtype carries over
# ----------------------
#
# The array has the NumPy dtype that matches the tensor's dtype: ``int64``
# stays ``int64``, ``float32`` stays ``float32``. No conversion happens, which
# is why no copy is needed.

floats = torch.tensor([0.5, 1.5], dtype=torch.float32)
float_array = floats.numpy()
print(tensor.dtype, "->", array.dtype)
print(floats.dtype, "->", float_array.dtype)
print(
    "float32 array at the tensor's address:",
    float_array.ctypes.data == floats.data_ptr(),
)

assert tensor.dtype == torch.int64 and array.dtype == np.int64
assert floats.dtype == torch.float32 and float_array.dtype == np.float32
assert float_array.ctypes.data == floats.data_ptr()

# %%
# What to remember
# ----------------
#
# * ``tensor.numpy()`` copies nothing: the array is a second view of the
#   tensor's memory, with the matching dtype.
# * Any in-place change through either object is visible through the other.
# * If you need an array that you can change independently, copy it: see
#   :ref:`sphx_glr_auto_examples_tensor_to_numpy_plot_02_independent_copies.py`.
