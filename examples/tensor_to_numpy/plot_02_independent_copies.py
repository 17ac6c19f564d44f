"""
Make a NumPy array that does not share memory with the tensor
=============================================================

``tensor.numpy()`` shares memory with the tensor, so a change to one changes the
other. This page shows two ways to get an independent array,
``tensor.numpy().copy()`` and ``tensor.clone().numpy()``, and proves with
in-place writes that each one is really independent of the original tensor.
"""

# %%
# The starting point: a shared array
# ----------------------------------
#
# As a reminder, the array from ``.numpy()`` is a view of the tensor's memory.

import numpy as np
import torch

tensor = torch.tensor([1.0, 2.0, 3.0])
shared = tensor.numpy()
print("shares memory:", np.shares_memory(shared, tensor.numpy()))

assert np.shares_memory(shared, tensor.numpy())

# %%
# Copy the array with ``.numpy().copy()``
# ---------------------------------------
#
# ``ndarray.copy()`` allocates new memory and copies the values into it. The
# copy has the same values and dtype, but a different address.

copied = tensor.numpy().copy()
print(copied, copied.dtype)
print("same address:", copied.ctypes.data == tensor.data_ptr())
print("shares memory:", np.shares_memory(copied, tensor.numpy()))

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
# Both ways give an array with its own memory, the same values and the same
# dtype.
# ``.numpy().copy()`` keeps the code in NumPy terms. ``.clone().numpy()`` is
# useful when you want to keep the copy as a tensor too: the clone and the array
# stay linked to each other, but not to the original.

values = torch.tensor([0.5, 1.5, 2.5])
first = values.numpy().copy()
second = values.clone().numpy()
print("equal values:", np.array_equal(first, second))
print("same dtype:", first.dtype == second.dtype)

assert np.array_equal(first, second)
assert first.dtype == second.dtype == np.float32
assert not np.shares_memory(first, second)

# %%
# What to remember
# ----------------
#
# * ``tensor.numpy().copy()`` gives an array with its own memory.
# * ``tensor.clone().numpy()`` gives an array that shares memory with the
#   clone, and not with the original tensor.
# * Check independence with ``np.shares_memory`` and with an in-place write,
#   never with a reassignment such as ``array = array + 1``.
# * Why ``.numpy()`` is a view in the first place:
#   :ref:`sphx_glr_auto_examples_tensor_to_numpy_plot_01_numpy_shares_memory.py`.
#   Tensors that require grad need one more step:
#   :ref:`sphx_glr_auto_examples_tensor_to_numpy_plot_03_requires_grad.py`.
