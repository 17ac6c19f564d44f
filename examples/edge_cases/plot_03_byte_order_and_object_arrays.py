"""
Convert big-endian and object arrays
====================================

Convert the array to a native numeric dtype first, with ``astype`` (a copy):
``big.astype(big.dtype.newbyteorder("="))`` for big-endian data,
``objects.astype(np.float64)`` for ``dtype=object``. ``torch.from_numpy``,
``torch.tensor`` and ``torch.as_tensor`` refuse both as they are. Ragged rows
(of different lengths) must be padded to one length first.
"""

import numpy as np
import torch

big = np.array([1.5, 2.5], dtype=">f4")  # big-endian, as read from some files
objects = np.array([1, 2.5], dtype=object)  # an array of Python objects
from_big = torch.from_numpy(big.astype(big.dtype.newbyteorder("=")))  # a copy
from_objects = torch.from_numpy(objects.astype(np.float64))  # a copy
assert from_big.tolist() == [1.5, 2.5] and from_objects.tolist() == [1.0, 2.5]

# %%
# A big-endian array
# ------------------
#
# ``>f4`` means a 4-byte float stored with the most significant byte first
# (big-endian). This machine is little-endian, so ``>f4`` is not its native
# byte order. Big-endian data often comes from files and network formats that
# you read with ``np.frombuffer`` or ``np.fromfile``. NumPy reads every
# element in the right order, so the values are correct, but the bytes in
# memory are reversed.

import sys

big = np.array([1.5, 2.5, -3.0], dtype=">f4")
native = np.array([1.5, 2.5, -3.0], dtype=np.float32)
print("machine:", sys.byteorder, "| dtype:", big.dtype.str, "| values:", big)
print("bytes of 1.5 as >f4:    ", big[:1].tobytes().hex())
print("bytes of 1.5 as float32:", native[:1].tobytes().hex())

assert sys.byteorder == "little", "this page describes a little-endian machine"
assert not big.dtype.isnative
assert big[:1].tobytes() == native[:1].tobytes()[::-1]

# %%
# .. rst-class:: fold
#
# Every conversion refuses it
# ---------------------------
#
# A tensor has no byte-order setting: it always uses the machine's order.
# ``torch.from_numpy`` would have to share these bytes as they are, so it
# raises a ``ValueError``. ``torch.tensor`` copies anyway, so it could swap
# the bytes while it copies, but it does not: it raises the same
# ``ValueError``, and so does ``torch.as_tensor``, on every torch release this
# site is checked on (see :doc:`/compatibility`). The small function below
# calls ``function(*args)``, which must raise ``expected`` with ``fragment`` in
# its message, and prints the message (its first sentence, if ``short``).


def refuses(label, expected, fragment, function, *args, short=True):
    try:
        function(*args)
    except expected as error:
        message = str(error).split(". ")[0] if short else str(error)
        print(f"{label}: {type(error).__name__}: {message}")
        assert fragment in str(error), error
    else:
        raise AssertionError(f"{label} should raise {expected.__name__}")


for convert in (torch.from_numpy, torch.tensor, torch.as_tensor):
    name = f"torch.{convert.__name__}"
    refuses(name, ValueError, "byte order", convert, big, short=False)

# %%
# Fix: swap to the native byte order
# ----------------------------------
#
# ``big.dtype.newbyteorder("=")`` is the same dtype in the native byte order
# (``"="`` means native). ``astype`` to it makes a new array with the bytes
# swapped, and ``torch.from_numpy`` accepts that array. (``astype(np.float32)``
# does the same, because ``np.float32`` is native.)

native_dtype = big.dtype.newbyteorder("=")
swapped = big.astype(native_dtype)
tensor = torch.from_numpy(swapped)
print("dtype:", swapped.dtype.str, "native:", swapped.dtype.isnative, tensor)

assert swapped.dtype.isnative and big.astype(np.float32).dtype.isnative
assert tensor.dtype == torch.float32 and tensor.tolist() == [1.5, 2.5, -3.0]
assert not np.shares_memory(swapped, big)

# %%
# An object array
# ---------------
#
# ``dtype=object`` means every element is a pointer to a Python object. NumPy
# makes such an array when you ask for ``dtype=object``, and by itself when
# the values include an object it cannot store as a number or a string, such
# as ``None``. (A number mixed with a string gives an array of strings.)

objects = np.array([1, 2.5, 3], dtype=object)
print(objects, objects.dtype, [type(value).__name__ for value in objects])
print("np.array([1, None]):", np.array([1, None]).dtype)
print("np.array([1, 'a']): ", np.array([1, "a"]).dtype)

assert objects.dtype == object
assert np.array([1, None]).dtype == object
assert np.array([1, "a"]).dtype.kind == "U"

# %%
# A tensor stores numbers, not Python objects. All three conversions raise a
# ``TypeError`` that lists the dtypes they accept, even though every element
# here is a number.

for convert in (torch.from_numpy, torch.tensor, torch.as_tensor):
    name = f"torch.{convert.__name__}"
    fragment = "numpy.object_. The only supported types are"
    refuses(name, TypeError, fragment, convert, objects, short=False)

# %%
# Fix: ``astype`` to a numeric dtype
# ----------------------------------
#
# ``astype(np.float64)`` (or the dtype you choose) turns every Python number
# into a real ``float64``. It fails with a clear error when an element is not
# a number, which tells you what to clean up first.

numbers = objects.astype(np.float64)
print(torch.from_numpy(numbers))

assert torch.from_numpy(numbers).dtype == torch.float64
assert torch.from_numpy(numbers).tolist() == [1.0, 2.5, 3.0]
with_text = np.array([1, "a"], dtype=object)
refuses("astype", ValueError, "'a'", with_text.astype, np.float64, short=False)

# %%
# .. rst-class:: fold
#
# Ragged and mixed Python data
# ----------------------------
#
# Rows of different lengths do not make a tensor: pad them to one length.
# ``torch.nn.utils.rnn.pad_sequence`` does it (a copy); keep the lengths to
# know which entries are padding.

rows = [[1, 2, 3], [4]]
padded = torch.nn.utils.rnn.pad_sequence(
    [torch.tensor(row) for row in rows], batch_first=True, padding_value=0
)
lengths = torch.tensor([len(row) for row in rows])
print(padded, lengths)

assert padded.tolist() == [[1, 2, 3], [4, 0, 0]] and lengths.tolist() == [3, 1]

# %%
# Without padding, nothing converts. NumPy refuses ragged rows (from NumPy
# 1.24 on, so in every version this site supports); with ``dtype=object`` it
# makes a 1-d array of Python lists, which torch refuses like any object
# array. ``torch.tensor`` refuses the ragged list itself, and a list that
# mixes numbers with ``None`` or with a string.

ragged_objects = np.array(rows, dtype=object)
assert ragged_objects.shape == (2,)

refuses("np.array(rows)", ValueError, "inhomogeneous", np.array, rows, short=False)
refuses(
    "torch.tensor(ragged_objects)", TypeError, "object_", torch.tensor, ragged_objects
)
refuses("torch.tensor(rows)", ValueError, "expected sequence", torch.tensor, rows)
refuses("torch.tensor([1, None])", RuntimeError, "NoneType", torch.tensor, [1, None])
refuses("torch.tensor([1, 'a'])", TypeError, "'str'", torch.tensor, [1, "a"])

# %%
# .. rst-class:: fold
#
# The other dtypes ``torch.from_numpy`` refuses
# ---------------------------------------------
#
# ``torch.from_numpy`` also raises ``TypeError`` for strings (``U``), bytes
# (``S``), raw bytes and structured records (``V``), dates and durations
# (``datetime64``, ``timedelta64``), ``longdouble`` and ``clongdouble``.
# ``longdouble`` is 80-bit extended precision on x86-64 Linux (stored in 16
# bytes), but only 64 bits, like ``float64``, on Windows and on Apple-silicon
# Macs; torch refuses it everywhere, as a type of its own. None of these has
# a fix as simple as the ones above: decide what numbers you want (for example
# ``datetime64`` to ``int64`` with ``astype``) and convert first.
#
# ``np.ulonglong`` depends on the platform. Where C's ``long`` is 64 bits, as
# on this machine (64-bit Linux and macOS), NumPy has two 64-bit unsigned
# types. NumPy calls their dtypes equal, but ``np.uint64`` names only the
# other one, and ``torch.from_numpy`` accepts only that one. On Windows, where
# C's ``long`` is 32 bits, ``np.ulonglong`` *is* ``np.uint64`` and converts.

import platform

refused = {
    "U": np.array(["a", "b"]),
    "S": np.array([b"a", b"b"]),
    "V": np.zeros(2, dtype="V4"),
    "structured": np.zeros(2, dtype=[("x", "i4")]),
    "datetime64": np.array(["2024-01-01", "2024-01-02"], dtype="datetime64[D]"),
    "timedelta64": np.array([1, 2], dtype="timedelta64[s]"),
    "longdouble": np.zeros(2, dtype=np.longdouble),
    "clongdouble": np.zeros(2, dtype=np.clongdouble),
}
if np.ulonglong is np.uint64:  # Windows
    assert torch.from_numpy(np.zeros(2, dtype=np.ulonglong)).dtype == torch.uint64
else:  # this machine
    assert np.dtype(np.ulonglong) == np.dtype(np.uint64)
    refused["ulonglong"] = np.zeros(2, dtype=np.ulonglong)
for name, array in refused.items():
    label = f"{name} ({array.dtype.str})"
    refuses(label, TypeError, "can't convert np.ndarray", torch.from_numpy, array)

print("np.ulonglong is np.uint64:", np.ulonglong is np.uint64)
assert torch.from_numpy(np.zeros(2, dtype=np.uint64)).dtype == torch.uint64
if sys.platform == "linux" and platform.machine() == "x86_64":
    assert np.finfo(np.longdouble).nmant == 63  # 80-bit extended precision
    assert np.dtype(np.longdouble).itemsize == 16

# %%
# For the dtypes that convert directly, see :doc:`/dtypes`; for ``uint16``,
# ``uint32`` and ``uint64``, which convert but do little arithmetic, see
# :ref:`sphx_glr_auto_examples_edge_cases_plot_11_unsigned_integers.py`.
