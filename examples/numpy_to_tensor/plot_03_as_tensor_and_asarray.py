"""
Share or copy an array with ``torch.as_tensor`` and ``torch.asarray``
=====================================================================

``torch.as_tensor`` and ``torch.asarray`` share the array's memory when they
can and copy when they must. This page tests each case with an in-place write:
first ``torch.as_tensor`` with and without a dtype change, then
``torch.asarray`` with ``copy=None``, ``copy=False`` and ``copy=True``, then
the two exceptions (a 0-d array and a NumPy scalar), and ends with a table of
the measured results.
"""

# %%
# A test that uses an in-place write
# ----------------------------------
#
# ``check`` writes a new value into the array **in place** and checks whether
# the tensor sees it, then puts the old value back. It also checks that the
# answer agrees with ``np.shares_memory``, prints the result and records it for
# the table at the end of the page.

import warnings

import numpy as np
import torch

results = []


def check(call, array, tensor):
    old = array.flat[0].item()
    before = tensor.reshape(-1)[0].item()
    array.flat[0] = old + 100
    shares = tensor.reshape(-1)[0].item() != before
    array.flat[0] = old
    assert shares == np.shares_memory(array, tensor.numpy())
    dtype = str(tensor.dtype).removeprefix("torch.")
    results.append((call, dtype, str(shares)))
    print(f"{call}: dtype={dtype}, shares={shares}")
    return shares


a = np.array([1.0, 2.0, 3.0])
print(a.dtype)

# %%
# ``torch.as_tensor`` with the same dtype shares
# ----------------------------------------------
#
# Without ``dtype=``, or with the dtype the array already has, nothing needs to
# change, so ``torch.as_tensor`` shares the array's memory, like
# ``torch.from_numpy``.

assert check("as_tensor(a)", a, torch.as_tensor(a))
assert check("as_tensor(a, dtype=float64)", a, torch.as_tensor(a, dtype=torch.float64))

# %%
# ``torch.as_tensor`` with a dtype change copies
# ----------------------------------------------
#
# ``float32`` values need different bytes from ``float64`` values, so
# ``torch.as_tensor`` must write them into new memory. It copies without any
# warning.

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    converted = torch.as_tensor(a, dtype=torch.float32)
print("warnings:", len(caught))

assert not check("as_tensor(a, dtype=float32)", a, converted)
assert not caught, "as_tensor should copy for a dtype change without a warning"

# %%
# ``torch.asarray`` with ``copy=None`` (the default)
# --------------------------------------------------
#
# ``copy=None`` means "share if possible, otherwise copy". For this array it
# behaves like ``torch.as_tensor``: it shares for the same dtype and copies
# for a dtype change. (A 0-d array is the exception, further down.)

assert check("asarray(a)", a, torch.asarray(a))
assert not check("asarray(a, dtype=float32)", a, torch.asarray(a, dtype=torch.float32))

# %%
# ``torch.asarray`` with ``copy=False``
# -------------------------------------
#
# ``copy=False`` asks for sharing without a copy. With the same dtype it
# shares.

assert check("asarray(a, copy=False)", a, torch.asarray(a, copy=False))

# %%
# With a dtype change, sharing is impossible, and ``copy=False`` forbids a
# copy, so ``torch.asarray`` raises an error instead of copying silently.
# (Again, a 0-d array is the exception.)

try:
    torch.asarray(a, dtype=torch.float32, copy=False)
except ValueError as error:
    print(f"{type(error).__name__}: {error}")
    results.append(("asarray(a, dtype=float32, copy=False)", "-", "ValueError"))
else:
    raise AssertionError("asarray(copy=False) should refuse a dtype change")

# %%
# ``Double`` is PyTorch's name for ``float64``, and ``Float`` for ``float32``.
#
# ``torch.asarray`` with ``copy=True``
# ------------------------------------
#
# ``copy=True`` always copies, even when the dtype is the same and sharing
# would be possible.

assert not check("asarray(a, copy=True)", a, torch.asarray(a, copy=True))
assert not check(
    "asarray(a, dtype=float32, copy=True)",
    a,
    torch.asarray(a, dtype=torch.float32, copy=True),
)

# %%
# A 0-d array is copied, even with ``copy=False``
# -----------------------------------------------
#
# A 0-d array (``np.array(1.5)``, shape ``()``) breaks the rules above.
# ``torch.as_tensor`` shares it, but ``torch.asarray`` copies it silently with
# ``copy=None`` and even with ``copy=False``, which promises no copy.

z = np.array(1.5)
print(z.shape, z.dtype)

assert check("from_numpy(z)", z, torch.from_numpy(z))
assert check("as_tensor(z)", z, torch.as_tensor(z))
assert not check("asarray(z)", z, torch.asarray(z))
assert not check("asarray(z, copy=False)", z, torch.asarray(z, copy=False))

# %%
# So where a copy would be a bug, do not rely on ``copy=False`` for arrays
# that can be 0-d: ``torch.from_numpy`` shares them.
#
# A NumPy scalar cannot be shared
# -------------------------------
#
# A NumPy scalar such as ``np.float64(1.5)`` (what ``a.sum()`` or ``a[0]``
# returns) is not an array and cannot be changed, so there is no memory to
# share. ``torch.asarray`` copies it with ``copy=None``, and raises
# ``RuntimeError`` with ``copy=False``.

scalar = a.sum()
print(type(scalar).__name__, torch.asarray(scalar))

assert isinstance(scalar, np.float64) and not isinstance(scalar, np.ndarray)
assert torch.asarray(scalar).dtype == torch.float64

try:
    torch.asarray(scalar, copy=False)
except RuntimeError as error:
    print(f"{type(error).__name__}: {error}")
    results.append(("asarray(scalar, copy=False)", "-", "RuntimeError"))
else:
    raise AssertionError("asarray(copy=False) should refuse a NumPy scalar")

# %%
# Summary of the measured results
# -------------------------------
#
# The table is printed from the results recorded above, for a ``float64``
# array ``a``, a 0-d ``float64`` array ``z`` and a NumPy scalar ``scalar``.
# "shares" is ``True`` when an in-place write into the array reached the
# tensor.

print(f"{'call':<40} {'dtype':<8} shares")
print("-" * 58)
for call, dtype, shares in results:
    print(f"{call:<40} {dtype:<8} {shares}")

assert [dtype for _, dtype, _ in results] == [
    "float64",
    "float64",
    "float32",
    "float64",
    "float32",
    "float64",
    "-",
    "float64",
    "float32",
    "float64",
    "float64",
    "float64",
    "float64",
    "-",
]
assert [shares for _, _, shares in results][-5:] == [
    "True",
    "True",
    "False",
    "False",
    "RuntimeError",
]

# %%
# What to remember
# ----------------
#
# * ``torch.as_tensor(a)`` and ``torch.asarray(a)`` share memory when the dtype
#   stays the same, and copy silently when you ask for another dtype.
# * ``torch.asarray(a, copy=False)`` does not copy an array with one or more
#   dimensions: a dtype change raises ``ValueError``. But it copies a 0-d
#   array silently, and raises ``RuntimeError`` for a NumPy scalar.
#   ``torch.as_tensor`` and ``torch.from_numpy`` share a 0-d array.
# * ``torch.asarray(a, copy=True)`` always copies, like ``torch.tensor(a)``.
# * Related pages:
#   :ref:`sphx_glr_auto_examples_numpy_to_tensor_plot_01_from_numpy.py` (always
#   shares) and
#   :ref:`sphx_glr_auto_examples_numpy_to_tensor_plot_02_torch_tensor_copies.py`
#   (always copies).
