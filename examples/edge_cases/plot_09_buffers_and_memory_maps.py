"""
Wrap buffers and memory maps in tensors
=======================================

``torch.frombuffer(buffer, dtype=...)`` makes a tensor over the memory of a
contiguous buffer such as a ``bytearray``, and ``torch.from_numpy`` over a
``np.memmap`` makes one over a file's mapped pages: no copy. Over ``bytes`` or
a read-only map torch warns, and you must never write through that tensor.
"""

import numpy as np
import torch

buffer = bytearray(4)
tensor = torch.frombuffer(buffer, dtype=torch.uint8)  # shares the bytearray
tensor.add_(7)  # an in-place change shows through both
assert list(buffer) == [7, 7, 7, 7]

# %%
# Over ``bytes``: a warning, not a copy
# -------------------------------------
#
# A ``bytes`` object is immutable, so ``torch.frombuffer`` warns that the
# tensor uses memory that must not be written: once per program, the message
# says, or every time with ``torch.set_warn_always(True)``. It is still no
# copy: the tensor starts at the bytes object's own memory (``np.frombuffer``
# reads the same address). Never write through it: Python assumes that a
# ``bytes`` object never changes, and other code may hold the very same object.

import warnings

torch.set_warn_always(True)
data = bytes([1, 2, 3, 4])
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    from_bytes = torch.frombuffer(data, dtype=torch.uint8)
    torch.frombuffer(data, dtype=torch.uint8)  # a second time: a second warning
assert len(caught) == 2
message = str(caught[0].message)
print(f"{caught[0].category.__name__}: {message[:100]}...")

assert caught[0].category is UserWarning and "buffer is not writable" in message
assert "suppressed for the rest of this program" in message
assert from_bytes.data_ptr() == np.frombuffer(data, dtype=np.uint8).ctypes.data

# %%
# Contiguous buffers only
# -----------------------
#
# The buffer must be one contiguous block: a strided ``memoryview`` is
# refused. A contiguous one is shared like the ``bytearray`` above: no warning,
# and writes go both ways. The ``dtype`` decides how the bytes are read, so
# their number (after ``offset``) must be a whole number of elements;
# ``count`` limits the number of elements.

strided = memoryview(bytearray(range(8)))[::2]
try:
    torch.frombuffer(strided, dtype=torch.uint8)
except RuntimeError as error:
    print(f"strided memoryview: {type(error).__name__}: {error}")
    assert "could not retrieve" in str(error)  # torch 2.15 names the contiguity too
else:
    raise AssertionError("torch.frombuffer should refuse a strided buffer")

try:
    torch.frombuffer(bytearray(6), dtype=torch.float32)
except ValueError as error:
    print(f"6 bytes as float32: {type(error).__name__}: {error}")
else:
    raise AssertionError("6 bytes are not a whole number of float32 elements")

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    window = torch.frombuffer(memoryview(buffer), dtype=torch.uint8, offset=1, count=2)
window.zero_()
buffer[3] = 9  # a write through the bytearray reaches the tensor too

assert not strided.contiguous and not caught
assert list(buffer) == [7, 0, 0, 9] and tensor.tolist() == [7, 0, 0, 9]

# %%
# .. rst-class:: fold
#
# The tensor keeps the buffer alive, but does not lock it
# -------------------------------------------------------
#
# The tensor holds a reference to the ``bytearray``, so the ``bytearray``
# lives at least as long as the tensor. But while a ``memoryview`` stops
# Python from resizing a ``bytearray``, a tensor does not: ``extend``
# succeeds. Growing a ``bytearray`` can move its bytes to new memory, and then
# the tensor points at memory that was freed. Never resize a buffer while a
# tensor uses it. (The tensor below is deleted without being read.)

import sys

kept = bytearray(4)
references_before = sys.getrefcount(kept)
over_kept = torch.frombuffer(kept, dtype=torch.uint8)
assert sys.getrefcount(kept) > references_before
del over_kept
assert sys.getrefcount(kept) == references_before

view = memoryview(kept)
try:
    kept.extend(bytes(1000))
except BufferError as error:
    print(f"with a memoryview: {type(error).__name__}: {error}")
else:
    raise AssertionError("a memoryview should lock the bytearray")
view.release()

over_kept = torch.frombuffer(kept, dtype=torch.uint8)
kept.extend(bytes(1000))
print("with a tensor: extend succeeded, length", len(kept))
del over_kept

assert len(kept) == 1004

# %%
# A NumPy memory map over a file
# ------------------------------
#
# ``np.memmap`` maps a file into memory: the array's elements *are* the bytes
# of the file. It is a subclass of ``np.ndarray``, so ``torch.from_numpy``
# accepts it, without a warning, and copies no byte of the file.
# ``mode="r+"`` maps the file for reading and writing: an in-place write
# through the tensor goes straight into the file's pages in the operating
# system's cache. On Linux (the page checks it there), another reader of the
# file (here ``np.fromfile``) sees the write at once, before ``flush()``;
# ``flush()`` makes the system write those pages to the disk, so that they
# survive a crash.

import os
import tempfile

workdir = tempfile.TemporaryDirectory()
path = os.path.join(workdir.name, "numbers.f32")
np.arange(6, dtype=np.float32).tofile(path)


def read_file():
    """The numbers in the file, read afresh (``np.fromfile`` does not map it)."""
    return np.fromfile(path, dtype=np.float32).tolist()


mapped = np.memmap(path, dtype=np.float32, mode="r+")
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    over_file = torch.from_numpy(mapped)
over_file.mul_(10)
before_flush = read_file()
mapped.flush()
print("file before flush():", before_flush)
print("file after flush(): ", read_file())

assert isinstance(mapped, np.ndarray) and not caught
assert np.shares_memory(over_file.numpy(), mapped)
assert read_file() == [0.0, 10.0, 20.0, 30.0, 40.0, 50.0]
if sys.platform == "linux":
    assert before_flush == read_file()

# %%
# ``mode="r"`` maps the file read-only, so ``torch.from_numpy`` warns, as for
# any read-only array; here the memory is truly read-only: never write through
# such a tensor. ``mode="c"`` (copy-on-write) gives a writable array, so no
# warning, but the system gives each changed page a private copy: writes
# reach the array and the tensor, never the file.

read_only = np.memmap(path, dtype=np.float32, mode="r")
private = np.memmap(path, dtype=np.float32, mode="c")
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    over_read_only = torch.from_numpy(read_only)
    over_private = torch.from_numpy(private)
over_private.add_(1000)
private.flush()
print("mode='c' array:", private)
print("file:          ", read_file())

assert len(caught) == 1 and "not writable" in str(caught[0].message)
assert not read_only.flags.writeable
assert private[1] == 1010.0 and read_file()[1] == 10.0

# %%
# ``np.load`` with ``mmap_mode``
# ------------------------------
#
# A ``.npy`` file stores a header (dtype and shape) before the numbers.
# ``np.load(path, mmap_mode="r+")`` returns an ``np.memmap``: it maps the file
# (here all of it: the header shares the first page with the numbers), and the
# array starts after the header, at byte ``loaded.offset``. The same zero-copy
# path follows: the tensor writes into the file.

npy_path = os.path.join(workdir.name, "counts.npy")
np.save(npy_path, np.arange(4, dtype=np.int64))
loaded = np.load(npy_path, mmap_mode="r+")
counts = torch.from_numpy(loaded)
counts[0] = 99
mapping_start = np.frombuffer(loaded.base, dtype=np.uint8).ctypes.data
print(type(loaded).__name__, "starts at byte", loaded.offset, "of the mapping")
print("file read again:", np.load(npy_path))

assert isinstance(loaded, np.memmap) and len(loaded.base) == os.path.getsize(npy_path)
assert loaded.ctypes.data - mapping_start == loaded.offset > 0
assert np.shares_memory(counts.numpy(), loaded)
assert np.load(npy_path).tolist() == [99, 1, 2, 3]

# %%
# .. rst-class:: fold
#
# ``torch.from_file``: a tensor over a file without NumPy
# -------------------------------------------------------
#
# PyTorch can map a raw file itself; ``size`` is the number of elements.
# ``shared=True`` maps it for writing, so in-place writes reach the file, and
# a ``size`` larger than the file does not raise: the file grows, with zeros.
# With ``shared=False`` (the default), the tensor gets a private
# copy-on-write mapping: writes never reach the file, and a ``size`` larger
# than the file raises ``RuntimeError``.

direct = torch.from_file(path, shared=True, size=8, dtype=torch.float32)
print("file after from_file(size=8):", read_file())
assert read_file() == [0.0, 10.0, 20.0, 30.0, 40.0, 50.0, 0.0, 0.0]

direct.zero_()
assert os.path.getsize(path) == 8 * 4 and read_file() == [0.0] * 8

copy_on_write = torch.from_file(path, size=8, dtype=torch.float32)
copy_on_write.fill_(7)
assert read_file() == [0.0] * 8

try:
    torch.from_file(path, size=100, dtype=torch.float32)
except RuntimeError as error:
    # The message names the file; the temporary directory's name changes per run.
    print(f"{type(error).__name__}: {str(error).replace(workdir.name, '...')}")
    assert "smaller than the required mapping size" in str(error)
else:
    raise AssertionError("shared=False should refuse a size beyond the file")

# %%
# Delete every array and tensor over the files before the directory is
# removed: on some systems a mapped file cannot be deleted.

import gc

del mapped, over_file, read_only, over_read_only, private, over_private
del loaded, counts, direct, copy_on_write
gc.collect()
workdir.cleanup()

assert not os.path.exists(workdir.name)
