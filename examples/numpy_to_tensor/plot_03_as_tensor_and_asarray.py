"""
Share or copy an array with ``torch.as_tensor`` and ``torch.asarray``
=====================================================================

``torch.as_tensor`` and ``torch.asarray`` share the array's memory when they
can and copy when they must. This page tests each case with an in-place write:
first ``torch.as_tensor`` with and without a dtype change, then
``torch.asarray`` with ``copy=None``, ``copy=False`` and ``copy=True``, and
ends with a table of the measured results.
"""

# %%
# A test that uses an in-place write
# ----------------------------------
#
# ``check`` writes a new value into the array **in place** and checks whether
# the tensor sees it, then puts the old value back. It also checks that the
# answer agrees with ``np.shares_memory``, prints the result and records it for
# the table at the end of the page.

import numpy as np
import torch

results = []


def check(call, array, tensor):
    old = array[0].item()
    before = tensor[0].item()
    array[0] = old + 100
    shares = tensor[0].item() != before
    array[0] = old
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

assert not check(
    "as_tensor(a, dtype=float32)", a, torch.as_tensor(a, dtype=torch.float32)
)

# %%
# ``torch.asarray`` with ``copy=None`` (the default)
# --------------------------------------------------
#
# ``copy=None`` means "share if possible, otherwise copy". It behaves like
# ``torch.as_tensor``: it shares for the same dtype and copies for a dtype
# change.

assert check("asarray(a)", a, torch.asarray(a))
assert not check("asarray(a, dtype=float32)", a, torch.asarray(a, dtype=torch.float32))

# %%
# ``torch.asarray`` with ``copy=False``
# -------------------------------------
#
# ``copy=False`` means "share, never copy". With the same dtype it shares.

assert check("asarray(a, copy=False)", a, torch.asarray(a, copy=False))

# %%
# With a dtype change, sharing is impossible, and ``copy=False`` forbids a
# copy, so ``torch.asarray`` raises an error instead of copying silently.

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
# Summary of the measured results
# -------------------------------
#
# The table is printed from the results recorded above, for a ``float64``
# array ``a``. "shares" is ``True`` when an in-place write into the array
# reached the tensor.

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
]

# %%
# What to remember
# ----------------
#
# * ``torch.as_tensor(a)`` and ``torch.asarray(a)`` share memory when the dtype
#   stays the same, and copy silently when you ask for another dtype.
# * ``torch.asarray(a, copy=False)`` never copies: a dtype change raises
#   ``ValueError``. Use it when a copy would be a bug.
# * ``torch.asarray(a, copy=True)`` always copies, like ``torch.tensor(a)``.
# * Related pages:
#   :ref:`sphx_glr_auto_examples_numpy_to_tensor_plot_01_from_numpy.py` (always
#   shares) and
#   :ref:`sphx_glr_auto_examples_numpy_to_tensor_plot_02_torch_tensor_copies.py`
#   (always copies).
