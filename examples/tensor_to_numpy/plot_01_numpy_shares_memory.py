"""
Convert a CPU tensor to a NumPy array
=====================================

``Tensor.numpy()`` on a CPU tensor copies nothing: the array shares the
tensor's memory, so an in-place change of the values through either one shows
in the other. Add ``.copy()`` when you need an array of your own.
"""

import numpy as np
import torch

tensor = torch.tensor([1.0, 2.0, 3.0])
array = tensor.numpy()  # no copy: the array shares the tensor's memory (CPU only)
tensor.add_(1)  # an in-place change of the tensor shows in the array
array[0] = 100.0  # and a write into the array shows in the tensor
assert array.tolist() == [100.0, 3.0, 4.0]
assert tensor.tolist() == [100.0, 3.0, 4.0]

# %%
# Check the sharing yourself
# --------------------------
#
# Both objects point at the same bytes: the array's data pointer is the
# tensor's data pointer, and NumPy agrees that the two share memory.

tensor = torch.tensor([1, 2, 3])
array = tensor.numpy()
print(tensor)
print(array, array.dtype)
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
# For every dtype that NumPy also has, the array gets the matching NumPy
# dtype: ``int64`` stays ``int64``, ``float32`` stays ``float32``. No
# conversion happens, which is why no copy is needed.

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
for name in ["bool", "uint8", "int8", "int16", "int32", "int64", "float16",
             "float32", "float64", "complex64", "complex128"]:  # fmt: skip
    assert torch.zeros(2, dtype=getattr(torch, name)).numpy().dtype == np.dtype(name)

# %%
# Dtypes that NumPy does not have
# -------------------------------
#
# NumPy has no ``bfloat16``, no 8-bit floats and no ``complex32``, so
# ``.numpy()`` raises ``TypeError`` for ``bfloat16``, ``float8_e4m3fn``,
# ``float8_e5m2`` and ``complex32``. Convert first, with ``.float()`` (or
# ``.cfloat()`` for ``complex32``): that makes a copy, so the array no longer
# shares the tensor's memory. Every dtype: :doc:`/dtypes`.

import warnings

for dtype in (torch.bfloat16, torch.float8_e4m3fn, torch.float8_e5m2, torch.complex32):
    with warnings.catch_warnings():
        # torch warns once that complex32 support is experimental.
        warnings.simplefilter("ignore", UserWarning)
        narrow = torch.zeros(2, dtype=dtype)
    try:
        narrow.numpy()
    except TypeError as error:
        print(f"{str(dtype):20} TypeError: {error}")
        assert "unsupported ScalarType" in str(error)
    else:
        raise AssertionError(f"{dtype} should have no NumPy dtype")

bf16 = torch.tensor([0.5, 1.5], dtype=torch.bfloat16)
widened = bf16.float().numpy()
print("bfloat16 .float().numpy():", widened, widened.dtype)

complex_half = narrow  # the complex32 tensor of the last round
print("complex32 .cfloat().numpy():", complex_half.cfloat().numpy().dtype)

assert widened.dtype == np.float32 and widened.tolist() == [0.5, 1.5]
assert not np.shares_memory(widened, bf16.view(torch.int16).numpy())
assert complex_half.dtype == torch.complex32
assert complex_half.cfloat().numpy().dtype == np.complex64

# %%
# An array of your own: :ref:`sphx_glr_auto_examples_tensor_to_numpy_plot_02_independent_copies.py`.
# Tensors that require grad:
# :ref:`sphx_glr_auto_examples_tensor_to_numpy_plot_03_requires_grad.py`.
