"""
Copy a tensor to an independent array
=====================================

``tensor.numpy().copy()`` gives an array with memory of its own: a later
in-place change of the tensor does not reach it. ``tensor.clone().numpy()``
works too, but its array shares memory with the clone.
"""

import numpy as np
import torch

tensor = torch.tensor([1.0, 2.0, 3.0])
array = tensor.numpy().copy()  # a copy: new memory, same values and dtype
tensor.add_(1)  # an in-place change of the tensor does not reach the copy
assert array.tolist() == [1.0, 2.0, 3.0]
assert not np.shares_memory(array, tensor.numpy())

# %%
# Copy the array with ``.numpy().copy()``
# ---------------------------------------
#
# ``tensor.numpy()`` alone is a view of the tensor's memory.
# ``ndarray.copy()`` allocates new memory and copies the values into it. The
# copy has the same values and dtype, but a different address.

tensor = torch.tensor([1.0, 2.0, 3.0])
shared = tensor.numpy()
copied = tensor.numpy().copy()
print(copied, copied.dtype)
print("view at the tensor's address:", shared.ctypes.data == tensor.data_ptr())
print("copy at the tensor's address:", copied.ctypes.data == tensor.data_ptr())
print("copy shares memory:", np.shares_memory(copied, tensor.numpy()))

assert shared.ctypes.data == tensor.data_ptr()
assert copied.dtype == np.float32
assert copied.ctypes.data != tensor.data_ptr()
assert not np.shares_memory(copied, tensor.numpy())

# %%
# An in-place write into the copy leaves the tensor unchanged, and an in-place
# change of the tensor leaves the copy unchanged.

copied[0] = 100.0
print("tensor after writing the copy:", tensor)
assert tensor.tolist() == [1.0, 2.0, 3.0]

tensor.mul_(2)
print("copy after tensor.mul_(2):", copied)
assert copied.tolist() == [100.0, 2.0, 3.0]
assert tensor.tolist() == [2.0, 4.0, 6.0]

# %%
# Clone the tensor first with ``.clone().numpy()``
# ------------------------------------------------
#
# ``tensor.clone()`` makes a new tensor with its own memory. Calling ``.numpy()``
# on the clone then gives an array that shares memory **with the clone**, not
# with the original tensor.

original = torch.tensor([1.0, 2.0, 3.0])
clone = original.clone()
from_clone = clone.numpy()

print("array and clone share memory:", np.shares_memory(from_clone, clone.numpy()))
print(
    "array and original share memory:",
    np.shares_memory(from_clone, original.numpy()),
)

assert from_clone.ctypes.data == clone.data_ptr()
assert np.shares_memory(from_clone, clone.numpy())
assert from_clone.ctypes.data != original.data_ptr()
assert not np.shares_memory(from_clone, original.numpy())

# %%
# The in-place writes confirm it. A write through the array shows up in the
# clone, because they are two views of the same memory. The original tensor
# does not change.

from_clone[0] = 100.0
print("clone:   ", clone)
print("original:", original)

assert clone[0].item() == 100.0
assert original.tolist() == [1.0, 2.0, 3.0]

# %%
# In the other direction, an in-place change of the original tensor does not
# reach the array, and an in-place change of the clone does.

original.add_(10)
print("array after original.add_(10):", from_clone)
assert from_clone.tolist() == [100.0, 2.0, 3.0]

clone.add_(1)
print("array after clone.add_(1):    ", from_clone)
assert from_clone.tolist() == [101.0, 3.0, 4.0]

# %%
# Which one to use
# ----------------
#
# Neither array shares memory with the original tensor, and both have its
# values and dtype. ``.numpy().copy()`` keeps the code in NumPy terms.
# ``.clone().numpy()`` is useful when you want to keep the copy as a tensor
# too: the clone and the array stay linked to each other, but not to the
# original.

values = torch.tensor([0.5, 1.5, 2.5])
first = values.numpy().copy()
second = values.clone().numpy()
print("equal values:", np.array_equal(first, second))
print("same dtype:", first.dtype == second.dtype)

assert np.array_equal(first, second)
assert first.dtype == second.dtype == np.float32
for independent in (first, second):
    assert not np.shares_memory(independent, values.numpy())
values.add_(1)
assert first.tolist() == second.tolist() == [0.5, 1.5, 2.5]

# %%
# They differ in layout when the tensor is not contiguous, for example a
# transposed matrix. ``ndarray.copy()`` writes a C-contiguous (row-major)
# array by default, while ``clone()`` keeps the tensor's strides, so the
# second array is column-major. The values are the same; code that needs
# row-major memory, such as some C libraries, gets it from the first, or from
# ``np.ascontiguousarray``.

transposed = torch.arange(6, dtype=torch.float32).reshape(2, 3).T
by_copy = transposed.numpy().copy()
by_clone = transposed.clone().numpy()
print("tensor strides (elements):", transposed.stride())
print(".numpy().copy() strides (bytes):", by_copy.strides)
print(".clone().numpy() strides (bytes):", by_clone.strides)

assert not transposed.is_contiguous()
assert np.array_equal(by_copy, by_clone)
assert by_copy.flags.c_contiguous
assert by_clone.flags.f_contiguous and not by_clone.flags.c_contiguous
assert np.ascontiguousarray(by_clone).flags.c_contiguous

# %%
# Why ``.numpy()`` is a view in the first place:
# :ref:`sphx_glr_auto_examples_tensor_to_numpy_plot_01_numpy_shares_memory.py`.
# Tensors that require grad need one more step:
# :ref:`sphx_glr_auto_examples_tensor_to_numpy_plot_03_requires_grad.py`.
