"""
Bring a NumPy array into autograd
=================================

To compute gradients with respect to values that start in a NumPy array, the
tensor must require grad. This page makes such a tensor with
``torch.tensor(x, requires_grad=True)`` and checks its gradient, then does the
same with ``torch.from_numpy(x).requires_grad_()`` and shows that this leaf
still shares memory with the array, and ends with the error for integer arrays.
"""

# %%
# ``torch.tensor(x, requires_grad=True)``
# ---------------------------------------
#
# ``torch.tensor`` copies the array into a new tensor, and
# ``requires_grad=True`` makes that tensor a leaf of the autograd graph.

import numpy as np
import torch

x = np.array([1.0, 2.0, 3.0])
w = torch.tensor(x, requires_grad=True)
print(w)
print(
    "is leaf:",
    w.is_leaf,
    " shares memory with x:",
    np.shares_memory(x, w.detach().numpy()),
)

assert w.is_leaf and w.requires_grad
assert w.dtype == torch.float64
assert not np.shares_memory(x, w.detach().numpy())

# %%
# A backward pass
# ---------------
#
# For ``loss = sum(w ** 2)`` the gradient is ``2 * w``. After ``backward()``
# the gradient is stored in ``w.grad``. It has the same dtype as ``w``.

loss = (w**2).sum()
loss.backward()
print("loss:", loss.item())
print("gradient:", w.grad)

assert loss.item() == 14.0
assert w.grad.dtype == torch.float64
assert np.allclose(w.grad.numpy(), 2 * x)

# %%
# ``w.grad`` does not require grad itself, so ``w.grad.numpy()`` works
# without ``detach()``. It shares memory with ``w.grad``.

grad_array = w.grad.numpy()
print(grad_array, "requires_grad:", w.grad.requires_grad)

assert not w.grad.requires_grad
assert np.shares_memory(grad_array, w.grad.numpy())

# %%
# To work in ``float32``, like most models, add ``dtype=torch.float32`` to the
# same call.

w32 = torch.tensor(x, dtype=torch.float32, requires_grad=True)
(w32**2).sum().backward()
print(w32.grad)

assert w32.grad.dtype == torch.float32
assert w32.grad.tolist() == [2.0, 4.0, 6.0]

# %%
# ``torch.from_numpy(x).requires_grad_()``
# ----------------------------------------
#
# ``requires_grad_()`` switches ``requires_grad`` on in place. On a tensor
# made by ``torch.from_numpy`` from a float array it works, and the result is
# a leaf.

shared_x = np.array([1.0, 2.0, 3.0])
leaf = torch.from_numpy(shared_x).requires_grad_()
print(leaf)
print("is leaf:", leaf.is_leaf)

assert leaf.is_leaf and leaf.requires_grad

# %%
# The leaf still shares memory with the array. ``requires_grad_()`` changes a
# flag on the tensor and does not copy the data.

print("same address:", shared_x.ctypes.data == leaf.data_ptr())
print("shares memory:", np.shares_memory(shared_x, leaf.detach().numpy()))

assert shared_x.ctypes.data == leaf.data_ptr()
assert np.shares_memory(shared_x, leaf.detach().numpy())

# %%
# So an in-place write into the array changes the leaf, and autograd is not
# told about it: the leaf's version counter (``leaf._version``) stays at 0.
# If you keep changing the array during training, this also changes your
# parameters. Use ``torch.tensor`` (a copy) when you do not want this link.

shared_x[0] = 100.0
print(leaf)

print("version counter:", leaf._version)

assert leaf[0].item() == 100.0
assert leaf.requires_grad
assert leaf._version == 0

# %%
# The gradient works as before.

(leaf**2).sum().backward()
print(leaf.grad)

assert leaf.grad.tolist() == [200.0, 4.0, 6.0]

# %%
# Integer arrays cannot require grad
# ----------------------------------
#
# Gradients need floating point (or complex) numbers. NumPy gives ``int64`` for an
# array of whole numbers, so ``requires_grad_()`` raises an error.

counts = np.array([1, 2, 3])
print(counts.dtype)

try:
    torch.from_numpy(counts).requires_grad_()
except RuntimeError as error:
    print(f"{type(error).__name__}: {error}")
    first_message = str(error)
else:
    raise AssertionError("an int64 tensor should refuse requires_grad_()")

# %%
# ``torch.tensor(counts, requires_grad=True)`` refuses it too, with a slightly
# different message.

try:
    torch.tensor(counts, requires_grad=True)
except RuntimeError as error:
    print(f"{type(error).__name__}: {error}")
    assert str(error) != first_message
else:
    raise AssertionError("an int64 tensor should refuse requires_grad=True")

# %%
# The fix is to choose a floating point dtype, for example
# ``dtype=torch.float32``. A complex array needs no fix: its tensor can
# require grad as it is.

fixed = torch.tensor(counts, dtype=torch.float32, requires_grad=True)
(fixed * 3).sum().backward()
print(fixed.grad)

assert fixed.grad.tolist() == [3.0, 3.0, 3.0]

complex_leaf = torch.from_numpy(np.array([1 + 2j])).requires_grad_()
print(complex_leaf.dtype, "requires_grad:", complex_leaf.requires_grad)

assert complex_leaf.dtype == torch.complex128 and complex_leaf.requires_grad

# %%
# What to remember
# ----------------
#
# * ``torch.tensor(x, requires_grad=True)`` copies the array and gives a leaf
#   tensor; its gradient has the same dtype (``float64`` for a default NumPy
#   array, unless you pass ``dtype=``).
# * ``torch.from_numpy(x).requires_grad_()`` gives a leaf that still shares
#   memory with ``x``: writes into ``x`` change the leaf.
# * Integer arrays cannot require grad: convert them to a floating point dtype
#   first.
# * Getting values back out of such a tensor:
#   :ref:`sphx_glr_auto_examples_tensor_to_numpy_plot_03_requires_grad.py`.
#   More on sharing:
#   :ref:`sphx_glr_auto_examples_numpy_to_tensor_plot_01_from_numpy.py`.
