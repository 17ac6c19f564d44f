"""
Convert big-endian and object NumPy arrays
==========================================

Two kinds of NumPy arrays hold numbers that PyTorch could store, yet cannot
become tensors directly: arrays whose byte order is not the machine's own (for
example big-endian ``>f4`` data on a little-endian computer), and arrays with
``dtype=object``. This page shows the real errors from ``torch.from_numpy``
and ``torch.tensor`` for both, and how to convert each array to a dtype that
PyTorch accepts. It ends with the other dtypes that ``torch.from_numpy``
refuses.
"""

# %%
# A big-endian array
# ------------------
#
# ``>f4`` means a 4-byte float stored with the most significant byte first
# (big-endian). This machine is little-endian, so ``>f4`` is not its native
# byte order. Big-endian data often comes from files and network formats that
# you read with ``np.frombuffer`` or ``np.fromfile``.

import sys

import numpy as np
import torch

big = np.array([1.5, 2.5, -3.0], dtype=">f4")
print("machine byte order:", sys.byteorder)
print("dtype:", big.dtype.str, "native:", big.dtype.isnative)
print("values:", big)

assert sys.byteorder == "little", "this page describes a little-endian machine"
assert not big.dtype.isnative

# %%
# The values are correct, because NumPy reads every element in the right
# order. But the bytes in memory are in the reverse order of a native
# ``float32``:

native = np.array([1.5, 2.5, -3.0], dtype=np.float32)
print("bytes of 1.5 as >f4:    ", big[:1].tobytes().hex())
print("bytes of 1.5 as float32:", native[:1].tobytes().hex())

assert big[:1].tobytes() == native[:1].tobytes()[::-1]

# %%
# ``torch.from_numpy`` refuses it
# -------------------------------
#
# A tensor has no byte-order setting: it always uses the machine's order.
# ``torch.from_numpy`` would have to share these bytes as they are, so it
# raises a ``ValueError``.

try:
    torch.from_numpy(big)
except ValueError as error:
    print(f"{type(error).__name__}: {error}")
else:
    raise AssertionError("torch.from_numpy should refuse a non-native byte order")

# %%
# ``torch.tensor`` refuses it too
# -------------------------------
#
# ``torch.tensor`` copies anyway, so it could swap the bytes while it copies.
# With the installed torch it does not: ``torch.tensor`` and ``torch.as_tensor``
# raise the same ``ValueError``.

for convert in (torch.tensor, torch.as_tensor):
    try:
        convert(big)
    except ValueError as error:
        print(f"torch.{convert.__name__}: {type(error).__name__}: {error}")
    else:
        raise AssertionError(f"torch.{convert.__name__} should refuse >f4")

# %%
# Fix 1: ``astype`` to the native byte order
# ------------------------------------------
#
# ``big.dtype.newbyteorder("=")`` is the same dtype in the native byte order
# (``"="`` means native). ``astype`` to it makes a new array with the bytes
# swapped, and ``torch.from_numpy`` accepts that array. (``astype(np.float32)``
# does the same, because ``np.float32`` is native.)

native_dtype = big.dtype.newbyteorder("=")
swapped = big.astype(native_dtype)
tensor = torch.from_numpy(swapped)
print("dtype:", swapped.dtype.str, "native:", swapped.dtype.isnative)
print(tensor)

assert swapped.dtype.isnative
assert big.astype(np.float32).dtype.isnative
assert tensor.dtype == torch.float32
assert tensor.tolist() == [1.5, 2.5, -3.0]
assert not np.shares_memory(swapped, big)

# %%
# Fix 2: ``byteswap`` then ``view``
# ---------------------------------
#
# This does the same in two explicit steps. ``byteswap()`` returns a copy with
# every element's bytes reversed, but still labelled ``>f4``, so NumPy now
# reads nonsense. ``view(native_dtype)`` then changes only the label, to the
# native order, and the values are right again.

bytes_swapped = big.byteswap()
print("after byteswap():", bytes_swapped, bytes_swapped.dtype.str)
relabelled = bytes_swapped.view(native_dtype)
print("after view():    ", relabelled, relabelled.dtype.str)
tensor = torch.from_numpy(relabelled)
print(tensor)

assert bytes_swapped.tolist() != [1.5, 2.5, -3.0]
assert np.shares_memory(relabelled, bytes_swapped)  # view() copies nothing
assert not np.shares_memory(relabelled, big)  # byteswap() made the copy
assert tensor.tolist() == [1.5, 2.5, -3.0]

# %%
# An object array
# ---------------
#
# ``dtype=object`` means every element is a pointer to a Python object. NumPy
# makes such an array when you ask for ``dtype=object``, and also by itself when
# the values are not all numbers: ``np.array([1, None])`` is an object array.
# Here the elements are Python ``int`` and ``float`` objects.

objects = np.array([1, 2.5, 3], dtype=object)
print(objects, objects.dtype)
print([type(value).__name__ for value in objects])
print("np.array([1, None]).dtype:", np.array([1, None]).dtype)

assert objects.dtype == object
assert np.array([1, None]).dtype == object

# %%
# ``torch.from_numpy`` and ``torch.tensor`` refuse it
# ---------------------------------------------------
#
# A tensor stores numbers, not Python objects. All three conversions raise a
# ``TypeError`` that lists the dtypes they accept, even though every element
# here is a number.

for convert in (torch.from_numpy, torch.tensor, torch.as_tensor):
    try:
        convert(objects)
    except TypeError as error:
        print(f"torch.{convert.__name__}: {type(error).__name__}: {error}")
    else:
        raise AssertionError(f"torch.{convert.__name__} should refuse dtype=object")

# %%
# Fix: convert to a numeric dtype first
# -------------------------------------
#
# ``astype`` with a numeric dtype turns every Python number into a real
# ``float64`` (or the dtype you choose). The result converts like any other
# array.

numbers = objects.astype(np.float64)
tensor = torch.from_numpy(numbers)
print(tensor)

assert numbers.dtype == np.float64
assert tensor.dtype == torch.float64
assert tensor.tolist() == [1.0, 2.5, 3.0]

# %%
# ``astype`` fails with a clear error when an element is not a number, which
# tells you what to clean up first:

strings = np.array([1, "a"], dtype=object)
try:
    strings.astype(np.float64)
except ValueError as error:
    print(f"{type(error).__name__}: {error}")
else:
    raise AssertionError("astype(np.float64) should refuse the string 'a'")

# %%
# Another way is ``torch.tensor(objects.tolist())``: ``tolist()`` gives a plain
# Python list, which ``torch.tensor`` accepts. Here the list holds a float,
# so the tensor gets the default dtype, ``float32``, not the ``float64`` that
# NumPy would choose.

from_list = torch.tensor(objects.tolist())
print(from_list)

assert torch.get_default_dtype() == torch.float32
assert from_list.dtype == torch.float32
assert from_list.tolist() == [1.0, 2.5, 3.0]

# %%
# The dtype comes from the Python types in the list, not from the array, so
# it changes with the values. Without a float, a list of ``int`` gives
# ``int64`` and a list of ``bool`` gives ``bool``. A ``complex`` element gives
# ``complex64``, the complex dtype that matches the default ``float32``.

inferred = {}
for values in ([1, 2, 3], [True, False], [1, 2.5, 3], [1, 2.5, 3j]):
    inferred[str(values)] = torch.tensor(np.array(values, dtype=object).tolist()).dtype
    print(f"{str(values):>16} -> {inferred[str(values)]}")

assert inferred["[1, 2, 3]"] == torch.int64
assert inferred["[True, False]"] == torch.bool
assert inferred["[1, 2.5, 3]"] == torch.float32
assert inferred["[1, 2.5, 3j]"] == torch.complex64

# %%
# The other dtypes ``torch.from_numpy`` refuses
# ---------------------------------------------
#
# Byte order and ``object`` are not the only refusals. ``torch.from_numpy``
# also raises ``TypeError`` for strings (``U``), bytes (``S``), raw and
# structured records (``V``), dates and durations (``datetime64``,
# ``timedelta64``), the extended-precision ``longdouble`` and
# ``clongdouble``, and ``np.ulonglong``. The last one surprises: on this
# machine it is a second 64-bit unsigned type next to ``np.uint64``, and
# NumPy calls the two dtypes equal, but ``torch.from_numpy`` accepts only
# ``np.uint64``. None of these has a fix as simple as the ones above: decide
# what numbers you want (for example ``datetime64`` to ``int64`` with
# ``astype``) and convert first.

refused = {
    "U": np.array(["a", "b"]),
    "S": np.array([b"a", b"b"]),
    "V": np.zeros(2, dtype="V4"),
    "datetime64": np.array(["2024-01-01", "2024-01-02"], dtype="datetime64[D]"),
    "timedelta64": np.array([1, 2], dtype="timedelta64[s]"),
    "longdouble": np.zeros(2, dtype=np.longdouble),
    "clongdouble": np.zeros(2, dtype=np.clongdouble),
    "ulonglong": np.zeros(2, dtype=np.ulonglong),
}
for name, array in refused.items():
    try:
        torch.from_numpy(array)
    except TypeError as error:
        print(f"{name:>11} {array.dtype.str:>6}: {str(error).split('. ')[0]}")
    else:
        raise AssertionError(f"torch.from_numpy should refuse {name}")

assert np.ulonglong is not np.uint64
assert np.dtype(np.ulonglong) == np.dtype(np.uint64)
assert torch.from_numpy(np.zeros(2, dtype=np.uint64)).dtype == torch.uint64

# %%
# What to remember
# ----------------
#
# * ``torch.from_numpy``, ``torch.tensor`` and ``torch.as_tensor`` all raise
#   ``ValueError`` for a non-native byte order such as ``>f4`` on a
#   little-endian machine. Convert first:
#   ``arr.astype(arr.dtype.newbyteorder("="))`` or
#   ``arr.byteswap().view(arr.dtype.newbyteorder("="))``. Both copy.
# * All three raise ``TypeError`` for ``dtype=object``, even when every
#   element is a number. Convert first with ``arr.astype(np.float64)`` (or
#   another numeric dtype). ``torch.tensor(arr.tolist())`` also works, but
#   picks the dtype from the Python values: ``float32`` only when a float is
#   present, otherwise ``int64``, ``bool`` or ``complex64``.
# * ``torch.from_numpy`` also refuses ``U``, ``S``, ``V``, ``datetime64``,
#   ``timedelta64``, ``longdouble``, ``clongdouble`` and ``np.ulonglong``
#   arrays, with ``TypeError``.
# * For the dtypes that convert directly, see :doc:`/dtypes`,
#   :ref:`sphx_glr_auto_examples_numpy_to_tensor_plot_01_from_numpy.py` and
#   :ref:`sphx_glr_auto_examples_numpy_to_tensor_plot_02_torch_tensor_copies.py`.
