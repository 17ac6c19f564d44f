"""
Convert a requires-grad tensor to NumPy
=======================================

While grad mode is on, ``tensor.numpy()`` refuses a tensor that requires grad;
``tensor.detach().numpy()`` converts it without a copy, so the array still
shares the tensor's memory. Add ``.copy()`` before you write to the array.
"""

import numpy as np
import torch

weights = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
array = weights.detach().numpy()  # no copy: shares the tensor's memory
array[0] = 100.0  # so this write changes the tensor, and autograd never knows
assert weights.tolist() == [100.0, 2.0, 3.0] and weights.requires_grad
safe = weights.detach().numpy().copy()  # an independent array
safe[0] = 0.0
assert weights[0].item() == 100.0

# %%
# ``.numpy()`` raises an error
# ----------------------------
#
# A tensor with ``requires_grad=True`` is part of the autograd graph. NumPy
# knows nothing about autograd, so while grad mode is on (the default),
# ``.numpy()`` refuses to convert it.

weights = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
assert torch.is_grad_enabled()

try:
    weights.numpy()
except RuntimeError as error:
    print(f"{type(error).__name__}: {error}")
    assert "requires grad" in str(error)
    assert "detach().numpy()" in str(error)
else:
    raise AssertionError("tensor.numpy() should refuse a tensor that requires grad")

# %%
# The message names the fix: ``detach()`` first.
#
# ``detach()`` does not copy
# --------------------------
#
# ``weights.detach()`` returns a tensor that does not require grad and is not
# connected to the graph, so ``.numpy()`` works on it. A common belief is that
# ``detach()`` makes a copy. It does not: the detached tensor uses the **same
# storage** as the original, and so does the array made from it.

array = weights.detach().numpy()
print(array, array.dtype)
print("detached requires_grad:", weights.detach().requires_grad)
print("same address:", array.ctypes.data == weights.data_ptr())

assert not weights.detach().requires_grad
assert array.tolist() == [1.0, 2.0, 3.0]
assert array.ctypes.data == weights.data_ptr()
assert np.shares_memory(array, weights.detach().numpy())

# %%
# So an in-place write through the array changes the leaf tensor's values,
# while the leaf still requires grad.

array[0] = 100.0
print(weights)

assert weights[0].item() == 100.0
assert weights.requires_grad and weights.is_leaf

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
    assert "modified by an inplace operation" in str(error)
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
# ``tensor.detach().numpy().copy()``, as at the top of this page.

# %%
# .. rst-class:: fold
#
# Inside ``torch.no_grad()`` the same array, the same trap
# --------------------------------------------------------
#
# The check only applies while grad mode is on. Inside ``torch.no_grad()``
# or ``torch.inference_mode()``, as in an evaluation loop, plain ``.numpy()``
# converts a tensor that requires grad, with no error and no warning. It does
# not copy either: the array shares the tensor's memory exactly like
# ``detach().numpy()``, and a write through it is just as invisible to
# autograd.

import warnings

model_weights = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    with torch.no_grad():
        eval_array = model_weights.numpy()
    with torch.inference_mode():
        inference_array = model_weights.numpy()
print("same address:", eval_array.ctypes.data == model_weights.data_ptr())
print("inference_mode array shares it:", np.shares_memory(inference_array, eval_array))
print("warnings:", len(caught))

assert not caught
assert eval_array.ctypes.data == model_weights.data_ptr()
assert np.shares_memory(inference_array, eval_array)

eval_array[0] = 100.0
print(model_weights, "version:", model_weights._version)

assert model_weights[0].item() == 100.0 and model_weights.requires_grad
assert model_weights._version == 0

# %%
# .. rst-class:: fold
#
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
assert forced.flags.writeable

forced[0] = 100.0
print(leaf)

assert leaf[0].item() == 100.0 and leaf.requires_grad

# %%
# ``force=True`` copies when a step has to make new memory: for a GPU tensor
# (``.cpu()``), or for a tensor with its conjugate or negative bit set.
# ``.conj()`` on a complex tensor only sets the conjugate bit, and the
# imaginary part of that view has the negative bit. Plain ``.numpy()``
# refuses both; ``force=True`` writes the resolved values into new memory.

complex_values = torch.tensor([1 + 2j, 3 - 1j])
conjugated = complex_values.conj()
negated_imag = conjugated.imag

for view, bit in [(conjugated, "conjugate bit"), (negated_imag, "negative bit")]:
    try:
        view.numpy()
    except RuntimeError as error:
        print(f"{type(error).__name__}: {error}")
        assert bit in str(error)
    else:
        raise AssertionError(f"tensor.numpy() should refuse a view with the {bit}")

resolved = conjugated.numpy(force=True)
resolved_imag = negated_imag.numpy(force=True)
print(resolved, resolved_imag)

assert conjugated.is_conj() and negated_imag.is_neg()
assert resolved.tolist() == [1 - 2j, 3 + 1j]
assert resolved_imag.tolist() == [-2.0, 1.0]
for copy in (resolved, resolved_imag):
    assert not np.shares_memory(copy, complex_values.numpy())
resolved[0] = 0
assert complex_values.tolist() == [1 + 2j, 3 - 1j]

# %%
# ``force=True`` does not help with a dtype that NumPy lacks: ``bfloat16``,
# ``float8_e4m3fn``, ``float8_e5m2`` and ``complex32`` still raise
# ``TypeError``. Convert them with ``.float()`` first (``.cfloat()`` for
# ``complex32``), as
# :ref:`sphx_glr_auto_examples_tensor_to_numpy_plot_01_numpy_shares_memory.py`
# shows.

narrow_dtypes = (
    torch.bfloat16,
    torch.float8_e4m3fn,
    torch.float8_e5m2,
    torch.complex32,
)
for dtype in narrow_dtypes:
    with warnings.catch_warnings():
        # torch warns once that complex32 support is experimental.
        warnings.simplefilter("ignore", UserWarning)
        narrow = torch.zeros(2, dtype=dtype)
    try:
        narrow.numpy(force=True)
    except TypeError as error:
        assert "unsupported ScalarType" in str(error)
    else:
        raise AssertionError(f"numpy(force=True) should refuse {dtype}")
print("numpy(force=True) raised TypeError for", ", ".join(map(str, narrow_dtypes)))

# %%
# More on the conjugate and negative bits:
# :ref:`sphx_glr_auto_examples_edge_cases_plot_06_conj_and_neg_bits.py`.
