"""
Convert a tensor that requires grad to a NumPy array
====================================================

``tensor.numpy()`` refuses a tensor that requires grad. This page shows the
error, the usual fix ``tensor.detach().numpy()`` and the trap that comes with
it (the array still shares memory with the tensor), and what
``tensor.numpy(force=True)`` does.
"""

# %%
# ``.numpy()`` raises an error
# ----------------------------
#
# A tensor with ``requires_grad=True`` is part of the autograd graph. NumPy
# knows nothing about autograd, so ``.numpy()`` refuses to convert it.

import numpy as np
import torch

weights = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)

try:
    weights.numpy()
except RuntimeError as error:
    print(f"{type(error).__name__}: {error}")
    assert "detach().numpy()" in str(error)
else:
    raise AssertionError("tensor.numpy() should refuse a tensor that requires grad")

# %%
# The message names the fix: ``detach()`` first.
#
# Use ``.detach().numpy()``
# -------------------------
#
# ``weights.detach()`` returns a new tensor that does not require grad and is
# not connected to the graph. ``.numpy()`` works on it.

array = weights.detach().numpy()
print(array, array.dtype)
print("detached requires_grad:", weights.detach().requires_grad)

assert not weights.detach().requires_grad
assert array.tolist() == [1.0, 2.0, 3.0]

# %%
# ``detach()`` does not copy
# --------------------------
#
# A common belief is that ``detach()`` makes a copy. It does not: the detached
# tensor uses the **same storage** as the original, and so does the array made
# from it.

print("same address:", array.ctypes.data == weights.data_ptr())
print("shares memory:", np.shares_memory(array, weights.detach().numpy()))

assert array.ctypes.data == weights.data_ptr()
assert np.shares_memory(array, weights.detach().numpy())

# %%
# So an in-place write through the array changes the leaf tensor's values,
# while the leaf still requires grad.

array[0] = 100.0
print(weights)
print("requires_grad:", weights.requires_grad)

assert weights[0].item() == 100.0
assert weights.requires_grad
assert weights.is_leaf

# %%
# Why this can silently corrupt gradients
# ---------------------------------------
#
# Autograd saves some input tensors for the backward pass. For ``x * x`` it
# saves ``x``, because the gradient is ``2 * x``. Autograd protects saved
# tensors with a version counter (``tensor._version``): an in-place torch
# operation raises the counter, and ``backward()`` checks it. A write through
# a NumPy array goes straight to memory and does **not** raise the counter.
#
# First, a write through a torch in-place operation on the detached tensor.
# ``backward()`` notices it and raises an error.

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
loss = (x * x).sum()
x.detach().mul_(2)
print("version counter after mul_:", x._version)
assert x._version == 1

try:
    loss.backward()
except RuntimeError as error:
    print(f"{type(error).__name__}: {error}")
else:
    raise AssertionError("backward() should detect the in-place torch operation")

# %%
# Now the same kind of change through the NumPy array. There is no error.
# ``loss`` was computed with ``x[0] = 1``, so the correct gradient is
# ``[2, 4, 6]``, but ``backward()`` uses the changed value and returns a wrong
# gradient for the first element.

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
loss = (x * x).sum()
print("loss:", loss.item())

x_array = x.detach().numpy()
x_array[0] = 100.0
print("version counter after the array write:", x._version)
assert x._version == 0

loss.backward()
print("gradient:", x.grad)

assert loss.item() == 14.0
assert x.grad.tolist() == [200.0, 4.0, 6.0]

# %%
# If you want to change the array without touching the tensor, copy it:
# ``tensor.detach().numpy().copy()``.

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
safe = x.detach().numpy().copy()
safe[0] = 100.0
print(x)

assert x.tolist() == [1.0, 2.0, 3.0]
assert not np.shares_memory(safe, x.detach().numpy())

# %%
# ``.numpy(force=True)``
# ----------------------
#
# ``tensor.numpy(force=True)`` is a shorthand for
# ``tensor.detach().cpu().resolve_conj().resolve_neg().numpy()``. Each step
# copies only when it has to. For a CPU tensor that requires grad, only the
# ``detach()`` step does anything, and ``detach()`` does not copy. So the array
# **still shares memory** with the original tensor, and it is writable.

leaf = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
forced = leaf.numpy(force=True)
print("same address:", forced.ctypes.data == leaf.data_ptr())
print("writeable:", forced.flags.writeable)

assert forced.ctypes.data == leaf.data_ptr()
assert np.shares_memory(forced, leaf.detach().numpy())
assert forced.flags.writeable

# %%
# The write test confirms it: ``force=True`` gives the same trap as
# ``detach().numpy()``.

forced[0] = 100.0
print(leaf)

assert leaf[0].item() == 100.0
assert leaf.requires_grad

# %%
# ``force=True`` copies when a step has to make new memory: for a GPU tensor
# (``.cpu()``), or for a tensor with its conjugate or negative bit set. For
# example, ``.conj()`` on a complex tensor only sets a bit, so plain
# ``.numpy()`` refuses it, and ``force=True`` writes the conjugated values into
# new memory.

complex_values = torch.tensor([1 + 2j, 3 - 1j])
conjugated = complex_values.conj()

try:
    conjugated.numpy()
except RuntimeError as error:
    print(f"{type(error).__name__}: {error}")
else:
    raise AssertionError("tensor.numpy() should refuse a tensor with the conj bit")

resolved = conjugated.numpy(force=True)
print(resolved)
print("shares memory:", np.shares_memory(resolved, complex_values.numpy()))

assert resolved.tolist() == [1 - 2j, 3 + 1j]
assert not np.shares_memory(resolved, complex_values.numpy())

# %%
# An in-place write into that array leaves the complex tensor as it was.

resolved[0] = 0
print(complex_values)

assert complex_values.tolist() == [1 + 2j, 3 - 1j]

# %%
# What to remember
# ----------------
#
# * ``tensor.numpy()`` raises ``RuntimeError`` when the tensor requires grad.
# * ``tensor.detach().numpy()`` works, but it is **not** a copy: a write
#   through the array changes the original tensor, and autograd does not notice.
# * ``tensor.numpy(force=True)`` on a CPU tensor that requires grad also shares
#   memory with it. It copies for GPU tensors and for tensors with the
#   conjugate or negative bit set.
# * For an independent array, add ``.copy()``: see
#   :ref:`sphx_glr_auto_examples_tensor_to_numpy_plot_02_independent_copies.py`.
#   More on the conjugate and negative bits:
#   :ref:`sphx_glr_auto_examples_edge_cases_plot_06_conj_and_neg_bits.py`.
