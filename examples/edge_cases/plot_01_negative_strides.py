"""
Convert a reversed array to a tensor
====================================

Copy the reversed view first: ``torch.from_numpy(a[::-1].copy())``, as torch's
own error message suggests (``np.ascontiguousarray`` copies too). A view such as
``a[::-1]`` has a negative stride, which no tensor can have, so
``torch.from_numpy``, ``torch.tensor`` and ``torch.as_tensor`` all refuse it.
"""

import numpy as np
import torch

a = np.arange(5, dtype=np.float32)
tensor = torch.from_numpy(a[::-1].copy())  # one copy; the tensor shares it, not a
a[0] = 100  # so a later change of a does not reach the tensor
assert tensor.tolist() == [4.0, 3.0, 2.0, 1.0, 0.0]

# %%
# A reversed view has a negative stride
# -------------------------------------
#
# ``a[::-1]`` does not move any data. It is a view of the same memory that
# starts at the last element and steps back 4 bytes (one ``float32``) at a time.
# ``np.flip(a)`` makes the same kind of view.

a = np.arange(5, dtype=np.float32)
reversed_view = a[::-1]
print("a:", a, "strides:", a.strides)
print("a[::-1]:", reversed_view, "strides:", reversed_view.strides)
print("shares memory with a:", np.shares_memory(reversed_view, a))

assert reversed_view.strides == (-4,)
assert np.flip(a).strides == (-4,)
assert np.shares_memory(reversed_view, a)

# %%
# .. rst-class:: fold
#
# Every conversion refuses it
# ---------------------------
#
# ``torch.from_numpy`` must share memory, and a tensor cannot describe a
# backwards walk, so it raises a ``ValueError``. It is a common belief that
# ``torch.tensor`` accepts any array because it copies anyway. It does not:
# ``torch.tensor``, ``torch.as_tensor`` and even
# ``torch.asarray(..., copy=True)`` raise the same ``ValueError``, on every
# torch release this site is checked on (see :doc:`/compatibility`). The
# message itself suggests the fix: ``array.copy()``.

conversions = {
    "torch.from_numpy": torch.from_numpy,
    "torch.tensor": torch.tensor,
    "torch.as_tensor": torch.as_tensor,
    "torch.asarray(copy=True)": lambda array: torch.asarray(array, copy=True),
}
for name, convert in conversions.items():
    try:
        convert(reversed_view)
    except ValueError as error:
        print(f"{name}: {type(error).__name__}: {error}")
        assert "stride" in str(error) and "negative" in str(error)
        assert "array.copy()" in str(error)
    else:
        raise AssertionError(f"{name} should refuse a[::-1]")

# %%
# Only the negative step is the problem. A view with a positive step, such as
# ``a[::2]``, converts without a copy: the tensor gets stride 2 (counted in
# elements) and writes reach ``a``.

every_other = torch.from_numpy(a[::2])
print("stride:", every_other.stride())
every_other.mul_(10)
print("a after every_other.mul_(10):", a)

assert every_other.stride() == (2,)
assert a.tolist() == [0.0, 1.0, 20.0, 3.0, 40.0]
every_other.div_(10)  # put a back to 0, 1, 2, 3, 4
assert a.tolist() == [0.0, 1.0, 2.0, 3.0, 4.0]

# %%
# Fix 1: ``a[::-1].copy()``
# -------------------------
#
# ``.copy()`` writes the elements in reversed order into new memory with a
# positive stride. ``torch.from_numpy`` then shares that new memory, not ``a``.

reversed_copy = reversed_view.copy()
from_copy = torch.from_numpy(reversed_copy)
print(from_copy)
print("shares the copy:", np.shares_memory(from_copy.numpy(), reversed_copy))
print("shares a:", np.shares_memory(from_copy.numpy(), a))

assert from_copy.tolist() == [4.0, 3.0, 2.0, 1.0, 0.0]
assert np.shares_memory(from_copy.numpy(), reversed_copy)
assert not np.shares_memory(from_copy.numpy(), a)

# %%
# Fix 2: ``np.ascontiguousarray``
# -------------------------------
#
# ``np.ascontiguousarray`` returns an array that is already C-contiguous
# unchanged (if it has at least one dimension: it turns a 0-d array into a
# new 1-d one). A reversed view is not contiguous, so it makes a copy, just
# like ``.copy()``.

contiguous = np.ascontiguousarray(reversed_view)
from_contiguous = torch.from_numpy(contiguous)
print("strides:", contiguous.strides)
print("shares a:", np.shares_memory(contiguous, a))

assert np.ascontiguousarray(a) is a  # already contiguous: returned unchanged
assert np.ascontiguousarray(np.array(1.0)).shape == (1,)  # 0-d: a new 1-d array
assert contiguous.strides == (4,)
assert not np.shares_memory(contiguous, a)
assert np.shares_memory(from_contiguous.numpy(), contiguous)

# %%
# Fix 3: reverse in torch with ``torch.flip``
# -------------------------------------------
#
# Convert the array as it is (this shares memory with ``a``), then reverse the
# tensor. Because tensors have no negative strides, ``torch.flip`` always
# copies: the flipped tensor no longer shares memory with ``a``.

shared = torch.from_numpy(a)
flipped = torch.flip(shared, [0])
print(flipped)
print("torch.from_numpy(a) shares a:", np.shares_memory(shared.numpy(), a))
print("flipped shares a:", np.shares_memory(flipped.numpy(), a))

assert np.shares_memory(shared.numpy(), a)
assert flipped.tolist() == [4.0, 3.0, 2.0, 1.0, 0.0]
assert not np.shares_memory(flipped.numpy(), a)

# %%
# Fix 4: ``torch.tensor`` on a copy
# ---------------------------------
#
# ``torch.tensor`` works once the array has a positive stride, and it copies
# again. So ``torch.tensor(a[::-1].copy())`` makes two copies where
# ``torch.from_numpy(a[::-1].copy())`` makes one.

first_copy = reversed_view.copy()
copied_twice = torch.tensor(first_copy)
print(copied_twice)
print("shares first_copy:", np.shares_memory(copied_twice.numpy(), first_copy))

assert copied_twice.tolist() == [4.0, 3.0, 2.0, 1.0, 0.0]
assert not np.shares_memory(copied_twice.numpy(), first_copy)
assert not np.shares_memory(copied_twice.numpy(), a)

# %%
# .. rst-class:: fold
#
# Check with an in-place write
# ----------------------------
#
# Change ``a`` in place. The tensors from all four fixes keep their old values,
# which proves that each one holds its own copy. Only ``torch.from_numpy(a)``
# sees the change.

a[0] = 100
print("a:", a)
for name, tensor in [
    ("fix 1, .copy()", from_copy),
    ("fix 2, np.ascontiguousarray", from_contiguous),
    ("fix 3, torch.flip", flipped),
    ("fix 4, torch.tensor", copied_twice),
]:
    print(f"{name}: {tensor.tolist()}")
    assert tensor.tolist() == [4.0, 3.0, 2.0, 1.0, 0.0]
print("torch.from_numpy(a):", shared.tolist())

assert shared[0].item() == 100

# %%
# Positive strides (``a[::2]``, a transpose) are shared, in both directions:
# see :ref:`sphx_glr_auto_examples_edge_cases_plot_05_non_contiguous_tensors.py`.
# For how ``torch.from_numpy`` shares memory in the normal case, see
# :ref:`sphx_glr_auto_examples_numpy_to_tensor_plot_01_from_numpy.py`.
