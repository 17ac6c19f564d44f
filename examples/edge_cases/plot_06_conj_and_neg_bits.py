"""
Convert conjugate and negative views to NumPy
=============================================

``torch.conj`` on a complex tensor does not compute anything: it returns a
*view* of the same memory with a "conjugate bit" set, and some views of it get
a "negative bit". NumPy arrays have no such bits, so ``.numpy()`` refuses these
tensors. This page shows both errors, the fixes ``resolve_conj()`` and
``resolve_neg()`` (which copy), and ``.numpy(force=True)``.
"""

# %%
# ``torch.conj`` sets the conjugate bit
# -------------------------------------
#
# The conjugate of ``1+2j`` is ``1-2j``. ``torch.conj`` returns a tensor that
# prints the conjugated values, but it stores nothing new: it shares memory
# with ``t`` and only has its conjugate bit set.

import numpy as np
import torch

t = torch.tensor([1 + 2j, 3 - 4j])
conj = torch.conj(t)
print(conj)
print("is_conj:", conj.is_conj())
print("same address as t:", conj.data_ptr() == t.data_ptr())

assert conj.is_conj()
assert conj.data_ptr() == t.data_ptr()
assert conj.tolist() == [1 - 2j, 3 + 4j]

# %%
# The conjugate bit also appears with ``.mH`` and ``.adjoint()`` (conjugate
# transpose) of a complex matrix. ``torch.conj`` on a *real* tensor sets no bit
# and returns the tensor itself.

matrix = torch.tensor([[1 + 1j, 2j], [3 + 0j, 4 - 1j]])
real = torch.tensor([1.0, 2.0])
print("matrix.mH.is_conj():", matrix.mH.is_conj())
print("torch.conj(real).is_conj():", torch.conj(real).is_conj())

assert matrix.mH.is_conj() and matrix.adjoint().is_conj()
assert torch.conj(real) is real

# %%
# ``.numpy()`` refuses the conjugate bit
# --------------------------------------
#
# An array that shared this memory would show ``1+2j`` where the tensor means
# ``1-2j``. So ``.numpy()`` raises a ``RuntimeError`` instead.

try:
    conj.numpy()
except RuntimeError as error:
    print(f"{type(error).__name__}: {error}")
else:
    raise AssertionError("conj.numpy() should refuse the conjugate bit")

# %%
# Fix: ``resolve_conj()``
# -----------------------
#
# ``resolve_conj()`` writes the conjugated values into new memory and returns
# a tensor without the bit. That tensor converts normally. It is a copy:
# changing ``t`` afterwards does not change it.

resolved = conj.resolve_conj()
array = resolved.numpy()
print(array)
print("is_conj:", resolved.is_conj())
print("shares memory with t:", np.shares_memory(array, t.numpy()))

t.mul_(2)
print("array after t.mul_(2):", array)

assert not resolved.is_conj()
assert not np.shares_memory(array, t.numpy())
assert array.tolist() == [1 - 2j, 3 + 4j]
t.div_(2)  # back to [1+2j, 3-4j]

# %%
# On a tensor without the bit, ``resolve_conj()`` copies nothing and returns
# the tensor itself. ``resolve_neg()``, below, does the same.

assert t.resolve_conj() is t
assert t.resolve_neg() is t

# %%
# The negative bit
# ----------------
#
# The imaginary part of ``conj`` is minus the imaginary part of ``t``. PyTorch
# does not compute it either: ``conj.imag`` is a real view of the same memory
# with the *negative bit* set.

imag = conj.imag
print(imag)
print("is_neg:", imag.is_neg(), "dtype:", imag.dtype)
same_storage = imag.untyped_storage().data_ptr() == t.untyped_storage().data_ptr()
print("same memory as t:", same_storage)

assert imag.is_neg()
assert same_storage
assert imag.tolist() == [-2.0, 4.0]

# %%
# ``.numpy()`` refuses the negative bit for the same reason: the memory holds
# ``2`` and ``-4``, not ``-2`` and ``4``.

try:
    imag.numpy()
except RuntimeError as error:
    print(f"{type(error).__name__}: {error}")
else:
    raise AssertionError("imag.numpy() should refuse the negative bit")

# %%
# The imaginary part of ``t`` itself has no bit, so it converts and shares
# memory like any other view.

t_imag = t.imag.numpy()
print(t_imag, "is_neg:", t.imag.is_neg())

assert not t.imag.is_neg()
assert np.shares_memory(t_imag, t.numpy())

# %%
# Fix: ``resolve_neg()``
# ----------------------
#
# ``resolve_neg()`` writes the negated values into new memory. Like
# ``resolve_conj()``, it copies.

resolved_imag = imag.resolve_neg()
imag_array = resolved_imag.numpy()
print(imag_array, "is_neg:", resolved_imag.is_neg())

t.mul_(2)
print("imag_array after t.mul_(2):", imag_array)

assert not resolved_imag.is_neg()
assert not np.shares_memory(imag_array, t.numpy())
assert imag_array.tolist() == [-2.0, 4.0]
t.div_(2)  # back to [1+2j, 3-4j]

# %%
# ``.numpy(force=True)`` handles both bits
# ----------------------------------------
#
# ``force=True`` tells ``.numpy()`` to do whatever is needed, copying if it
# must. It resolves the conjugate bit and the negative bit, so both conversions
# work and give the right values, in new memory.

forced_conj = conj.numpy(force=True)
forced_imag = imag.numpy(force=True)
print(forced_conj)
print(forced_imag)

assert forced_conj.tolist() == [1 - 2j, 3 + 4j]
assert forced_imag.tolist() == [-2.0, 4.0]
assert not np.shares_memory(forced_conj, t.numpy())
assert not np.shares_memory(forced_imag, t.numpy())

# %%
# ``force=True`` copies only when it must. On an ordinary tensor it shares
# memory, exactly like ``.numpy()``.

plain = t.numpy(force=True)
print("shares memory with t:", np.shares_memory(plain, t.numpy()))

assert np.shares_memory(plain, t.numpy())

# %%
# What to remember
# ----------------
#
# * ``torch.conj``, ``.mH`` and ``.adjoint()`` on complex tensors are lazy
#   views with the conjugate bit; ``.imag`` of such a view has the negative
#   bit. ``.numpy()`` raises ``RuntimeError`` for both.
# * ``resolve_conj()`` and ``resolve_neg()`` fix this by copying; on a tensor
#   without the bit they return the tensor itself.
# * ``.numpy(force=True)`` resolves both bits (copying) and shares memory when
#   no bit is set.
# * DLPack refuses the conjugate bit but not the negative bit; see
#   :ref:`sphx_glr_auto_examples_edge_cases_plot_08_dlpack.py`. For
#   ``force=True`` with tensors that require grad, see
#   :ref:`sphx_glr_auto_examples_tensor_to_numpy_plot_03_requires_grad.py`.
