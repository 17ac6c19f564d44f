"""
Convert conjugate views to NumPy
================================

``torch.conj(t)`` (and ``.mH``, ``.adjoint()``) on a complex tensor returns a
view with a *conjugate bit* instead of new numbers, and ``.numpy()`` refuses
it. Call ``.resolve_conj().numpy()``: it copies the values the view shows.
``.imag`` of such a view has a *negative bit*: ``.resolve_neg()`` fixes it.
"""

import numpy as np
import torch

t = torch.tensor([1 + 2j, 3 - 4j])
array = torch.conj(t).resolve_conj().numpy()  # a copy: conj(t).numpy() raises
t.mul_(2)  # an in-place change of t does not reach the copy
assert array.tolist() == [1 - 2j, 3 + 4j]

# %%
# ``torch.conj`` sets a bit, not new numbers
# ------------------------------------------
#
# The conjugate of ``1+2j`` is ``1-2j``. ``torch.conj`` returns a tensor that
# shows the conjugated values, but it stores nothing new: it shares memory
# with ``z`` and only has its conjugate bit set.

z = torch.tensor([1 + 2j, 3 - 4j])
conj = torch.conj(z)
print(conj, "is_conj:", conj.is_conj())
print("same address as z:", conj.data_ptr() == z.data_ptr())

assert conj.is_conj()
assert conj.data_ptr() == z.data_ptr()
assert conj.tolist() == [1 - 2j, 3 + 4j]

# %%
# ``.mH`` and ``.adjoint()`` (the conjugate transpose) of a complex matrix set
# the bit too. On a *real* tensor, ``torch.conj`` sets no bit and returns the
# tensor itself.

matrix = torch.tensor([[1 + 1j, 2j], [3 + 0j, 4 - 1j]])
real = torch.tensor([1.0, 2.0])

assert matrix.mH.is_conj() and matrix.adjoint().is_conj()
assert torch.conj(real) is real

# %%
# ``.numpy()`` refuses the conjugate bit
# --------------------------------------
#
# An array that shared this memory would show ``1+2j`` where the tensor means
# ``1-2j``. So ``.numpy()`` raises a ``RuntimeError``, and its message names
# the fix.

try:
    conj.numpy()
except RuntimeError as error:
    print(f"{type(error).__name__}: {error}")
    assert "conjugate bit" in str(error) and "resolve_conj()" in str(error)
else:
    raise AssertionError("conj.numpy() should refuse the conjugate bit")

# %%
# ``resolve_conj()`` writes the conjugated values into new memory and returns
# a tensor without the bit, which converts normally. On a tensor without the
# bit, it copies nothing and returns the tensor itself; so does
# ``resolve_neg()``, below.

resolved = conj.resolve_conj()
print("is_conj:", resolved.is_conj())
print("shares memory with z:", np.shares_memory(resolved.numpy(), z.numpy()))

assert not resolved.is_conj()
assert not np.shares_memory(resolved.numpy(), z.numpy())
assert z.resolve_conj() is z and z.resolve_neg() is z

# %%
# The negative bit
# ----------------
#
# The imaginary part of ``conj`` is minus the imaginary part of ``z``. PyTorch
# does not compute it either: ``conj.imag`` is a real view of the same memory
# with the *negative bit* set. ``.numpy()`` refuses it for the same reason:
# the memory holds ``2`` and ``-4``, not ``-2`` and ``4``.

imag = conj.imag
print(imag, "is_neg:", imag.is_neg())
same_storage = imag.untyped_storage().data_ptr() == z.untyped_storage().data_ptr()

assert imag.is_neg() and same_storage
assert imag.tolist() == [-2.0, 4.0]
assert z.imag.tolist() == [2.0, -4.0]  # what the memory holds

try:
    imag.numpy()
except RuntimeError as error:
    print(f"{type(error).__name__}: {error}")
    assert "negative bit" in str(error) and "resolve_neg()" in str(error)
else:
    raise AssertionError("imag.numpy() should refuse the negative bit")

# %%
# ``resolve_neg()`` writes the negated values into new memory: a copy, like
# ``resolve_conj()``. The imaginary part of ``z`` itself has no bit, so it
# converts and shares memory like any other view.

imag_array = imag.resolve_neg().numpy()
z_imag = z.imag.numpy()
z.mul_(2)
print("imag_array after z.mul_(2):", imag_array)
print("z.imag.numpy() after z.mul_(2):", z_imag)

assert imag_array.tolist() == [-2.0, 4.0]
assert not z.imag.is_neg()
assert z_imag.tolist() == [4.0, -8.0]

# %%
# ``.numpy(force=True)`` resolves both bits
# -----------------------------------------
#
# ``force=True`` resolves the bits where it must, so both conversions work
# and give the values the views show, in new memory. On an ordinary tensor it shares memory, exactly like
# ``.numpy()``. It does not add dtypes that NumPy lacks: see
# :ref:`sphx_glr_auto_examples_edge_cases_plot_12_bfloat16_to_numpy.py`.

forced_conj = conj.numpy(force=True)
forced_imag = imag.numpy(force=True)
plain = z.numpy(force=True)
print(forced_conj, forced_imag)

assert forced_conj.tolist() == [2 - 4j, 6 + 8j]
assert forced_imag.tolist() == [-4.0, 8.0]
assert not np.shares_memory(forced_conj, z.numpy())
assert not np.shares_memory(forced_imag, z.numpy())
assert np.shares_memory(plain, z.numpy())

# %%
# DLPack refuses the conjugate bit but not the negative bit, whose sign it
# then loses: see :ref:`sphx_glr_auto_examples_edge_cases_plot_08_dlpack.py`.
# For ``force=True`` with tensors that require grad, see
# :ref:`sphx_glr_auto_examples_tensor_to_numpy_plot_03_requires_grad.py`.
