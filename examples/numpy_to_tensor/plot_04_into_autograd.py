"""
Bring a NumPy array into autograd
=================================

``torch.tensor(x, requires_grad=True)`` copies the array into a new leaf
tensor. ``torch.from_numpy(x).requires_grad_()`` makes a leaf that still
shares the array's memory. Either way the tensor needs a floating-point (or
complex) dtype: convert an integer array, for example with
``dtype=torch.float32``.
"""

import numpy as np
import torch

x = np.array([1.0, 2.0, 3.0])
w = torch.tensor(x, dtype=torch.float32, requires_grad=True)  # a copy, a leaf
(w**2).sum().backward()
assert w.is_leaf and w.grad.tolist() == [2.0, 4.0, 6.0]
x[0] = 100.0  # an in-place write into x does not reach the copy
assert w[0].item() == 1.0

# %%
# ``torch.tensor(x, requires_grad=True)``
# ---------------------------------------
#
# ``torch.tensor`` copies the array into a new tensor, and
# ``requires_grad=True`` makes that tensor a leaf of the autograd graph.
# Without ``dtype=``, the leaf keeps the array's ``float64``.

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
# .. rst-class:: fold
#
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
# After a plain ``backward()``, ``w.grad`` does not require grad itself, so
# ``w.grad.numpy()`` works without ``detach()``. The array shares memory with
# ``w.grad``: a second ``backward()`` without zeroing the gradient adds into
# the same tensor, and the array changes with it. Copy it
# (``w.grad.numpy().copy()``) if you keep it across steps.

grad_array = w.grad.numpy()
kept = w.grad.numpy().copy()
print(grad_array, "requires_grad:", w.grad.requires_grad)

assert not w.grad.requires_grad
assert np.shares_memory(grad_array, w.grad.numpy())

(w**2).sum().backward()
print("after a second backward():", grad_array, " the copy:", kept)

assert grad_array.tolist() == [4.0, 8.0, 12.0]
assert kept.tolist() == [2.0, 4.0, 6.0]

# %%
# ``backward(create_graph=True)``, used for higher-order gradients, makes
# ``w.grad`` part of the graph: it requires grad, and ``w.grad.numpy()``
# raises like any tensor that requires grad. Use ``w.grad.detach().numpy()``.
# torch also warns about a reference cycle here (once per process, unless
# ``torch.set_warn_always(True)``), and recommends setting ``w.grad = None``
# afterwards; the warning is recorded below, not printed.

import warnings

w.grad = None
warn_always = torch.is_warn_always_enabled()
torch.set_warn_always(True)
try:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        (w**2).sum().backward(create_graph=True)
finally:
    torch.set_warn_always(warn_always)
print("requires_grad:", w.grad.requires_grad)

assert any("reference cycle" in str(warning.message) for warning in caught)
assert w.grad.requires_grad
try:
    w.grad.numpy()
except RuntimeError as error:
    print(f"{type(error).__name__}: {error}")
    assert "requires grad" in str(error)
else:
    raise AssertionError("a gradient that requires grad should refuse .numpy()")
assert w.grad.detach().numpy().tolist() == [2.0, 4.0, 6.0]
w.grad = None

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
# The gradient works as before, and the link goes the other way too: an
# optimizer updates the leaf in place, so each step writes into the array.

(leaf**2).sum().backward()
print(leaf.grad)

assert leaf.grad.tolist() == [200.0, 4.0, 6.0]

optimizer = torch.optim.SGD([leaf], lr=0.25)
optimizer.step()
print("the array after one step:", shared_x)

assert shared_x.tolist() == [50.0, 1.0, 1.5]

# %%
# .. rst-class:: fold
#
# Integer arrays cannot require grad
# ----------------------------------
#
# Gradients need floating point (or complex) numbers. An array of whole
# numbers is an integer array: ``int64`` here, written out because NumPy's
# default integer is ``int32`` on Windows before NumPy 2.0. So
# ``requires_grad_()`` raises an error.

counts = np.array([1, 2, 3], dtype=np.int64)
print(counts.dtype)

try:
    torch.from_numpy(counts).requires_grad_()
except RuntimeError as error:
    print(f"{type(error).__name__}: {error}")
    assert "floating point dtype can require gradients" in str(error)
else:
    raise AssertionError("an int64 tensor should refuse requires_grad_()")

# %%
# ``torch.tensor(counts, requires_grad=True)`` refuses it too. Its message
# names complex dtypes as well; the first message leaves them out, but complex
# tensors can require grad, as the last lines of this page show.

try:
    torch.tensor(counts, requires_grad=True)
except RuntimeError as error:
    print(f"{type(error).__name__}: {error}")
    assert "floating point and complex dtype can require gradients" in str(error)
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
# Getting values back out of such a tensor:
# :ref:`sphx_glr_auto_examples_tensor_to_numpy_plot_03_requires_grad.py`.
# More on sharing:
# :ref:`sphx_glr_auto_examples_numpy_to_tensor_plot_01_from_numpy.py`.
