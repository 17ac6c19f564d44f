"""
Share or copy with ``as_tensor`` and ``asarray``
================================================

``torch.as_tensor(a)`` and ``torch.asarray(a)`` share the array's memory when
the dtype and the device stay the same, and copy silently for a dtype or
device change. But ``torch.asarray`` copies a 0-d array even with
``copy=False``, and arrays with negative strides or a foreign byte order raise.
"""

import numpy as np
import torch

a = np.array([1.0, 2.0, 3.0])
shared = torch.as_tensor(a)  # same dtype: shares memory with a
copied = torch.as_tensor(a, dtype=torch.float32)  # dtype change: a silent copy
a[0] = 100.0  # an in-place write reaches only the shared tensor
assert shared[0].item() == 100.0 and copied[0].item() == 1.0
z = np.array(1.5)  # a 0-d array: torch.asarray copies it despite copy=False
assert torch.asarray(z, copy=False).data_ptr() != z.ctypes.data

# %%
# .. rst-class:: fold
#
# A test that uses an in-place write
# ----------------------------------
#
# ``check`` writes a new value into the array **in place** and checks whether
# the tensor sees it, then puts the old value back. It also checks that the
# answer agrees with ``np.shares_memory`` and that the tensor has the dtype
# the call names (``float64``, the array's, if it names none), and prints the
# result. ``torch.set_warn_always(True)`` makes torch repeat the warnings it
# gives only once per process, so that "no warning" below means none at all.

import warnings

warn_always = torch.is_warn_always_enabled()
torch.set_warn_always(True)


def check(call, array, tensor):
    old = array.flat[0].item()
    before = tensor.reshape(-1)[0].item()
    array.flat[0] = old + 100
    shares = tensor.reshape(-1)[0].item() != before
    array.flat[0] = old
    assert shares == np.shares_memory(array, tensor.numpy())
    dtype = str(tensor.dtype).removeprefix("torch.")
    assert dtype == ("float32" if "float32" in call else "float64"), (call, dtype)
    print(f"{call:<36} dtype={dtype}, shares={shares}")
    return shares


a = np.array([1.0, 2.0, 3.0])  # a new float64 array for the tests below

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
# copy, so ``torch.asarray`` raises an error instead of copying silently. It
# raises for a 0-d array too: the 0-d exception further down is about the
# same dtype only.

for name, source in [("a", a), ("np.array(1.5)", np.array(1.5))]:
    try:
        torch.asarray(source, dtype=torch.float32, copy=False)
    except ValueError as error:
        print(f"{name}: {type(error).__name__}: {error}")
        assert "can't alias" in str(error)
    else:
        raise AssertionError(
            f"asarray({name}, copy=False) should refuse a dtype change"
        )

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
# ``copy=None`` and even with ``copy=False``, which promises no copy, and
# without any warning.

print(z.shape, z.dtype)

assert check("from_numpy(z)", z, torch.from_numpy(z))
assert check("as_tensor(z)", z, torch.as_tensor(z))
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    copied_default = torch.asarray(z)
    copied_anyway = torch.asarray(z, copy=False)
print("warnings:", len(caught))

assert not check("asarray(z)", z, copied_default)
assert not check("asarray(z, copy=False)", z, copied_anyway)
assert not caught, "asarray should copy a 0-d array without a warning"

# %%
# So where a copy would be a bug, do not rely on ``copy=False`` for arrays
# that can be 0-d: ``torch.from_numpy`` shares them.
#
# .. rst-class:: fold
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
    assert "can't alias NumPy scalars" in str(error)
else:
    raise AssertionError("asarray(copy=False) should refuse a NumPy scalar")

# %%
# .. rst-class:: fold
#
# Some arrays raise, even when a copy is allowed
# ----------------------------------------------
#
# Copying has limits. torch cannot describe a view with a
# negative stride (``a[::-1]``) or an array in a foreign byte order, and
# neither function copies such an array for you: both raise ``ValueError``,
# even with ``copy=True`` or a dtype change. Copy it in NumPy first
# (:ref:`sphx_glr_auto_examples_edge_cases_plot_01_negative_strides.py`,
# :ref:`sphx_glr_auto_examples_edge_cases_plot_03_byte_order_and_object_arrays.py`).

calls = {
    "as_tensor": torch.as_tensor,
    "as_tensor(dtype=float32)": lambda x: torch.as_tensor(x, dtype=torch.float32),
    "asarray": torch.asarray,
    "asarray(copy=True)": lambda x: torch.asarray(x, copy=True),
}
arrays = {"negative": a[::-1], "byte order": a.astype(a.dtype.newbyteorder("S"))}
for name, call in calls.items():
    for fragment, refused in arrays.items():
        try:
            call(refused)
        except ValueError as error:
            assert fragment in str(error)
        else:
            raise AssertionError(f"{name} should refuse the {fragment} array")
print("ValueError from", ", ".join(calls), "for both arrays")

# %%
# .. rst-class:: fold
#
# A default device makes them copy
# --------------------------------
#
# Both functions create their tensor on the default device. Once
# ``torch.set_default_device`` or a ``with torch.device(...)`` block makes that
# another device than the CPU, ``torch.as_tensor`` copies the array there, and
# ``torch.asarray(..., copy=False)`` raises. Here the device is ``meta``; more
# in :ref:`sphx_glr_auto_examples_numpy_to_tensor_plot_02_torch_tensor_copies.py`.

with torch.device("meta"), warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    moved = torch.as_tensor(a)
    try:
        torch.asarray(a, copy=False)
    except ValueError as error:
        print(f"{type(error).__name__}: {error}")
        assert "can't alias" in str(error)
    else:
        raise AssertionError("asarray(copy=False) should refuse a device change")
print("as_tensor(a) inside the block:", moved.device, " warnings:", len(caught))

assert moved.is_meta
assert not caught, "as_tensor should copy to the default device without a warning"
torch.set_warn_always(warn_always)

# %%
# To always share, see
# :ref:`sphx_glr_auto_examples_numpy_to_tensor_plot_01_from_numpy.py`; to
# always copy, see
# :ref:`sphx_glr_auto_examples_numpy_to_tensor_plot_02_torch_tensor_copies.py`.
