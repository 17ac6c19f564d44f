"""
Make tensors over Python buffers and memory-mapped files
========================================================

A tensor can use memory that something else owns without copying it: the bytes
of a Python ``bytes`` or ``bytearray`` object through ``torch.frombuffer``, or
a file on disk through a NumPy memory map and ``torch.from_numpy``. This page
shows which of these may be written, how a write reaches the file, and what
each conversion warns about.
"""

# %%
# ``torch.frombuffer`` over ``bytes``
# -----------------------------------
#
# ``torch.frombuffer`` reads any object that supports Python's buffer
# protocol. It needs the ``dtype`` to read the bytes as. A ``bytes`` object is
# immutable, so PyTorch warns that the tensor uses memory that must not be
# written. As on the read-only page of this section, the warning is shown once
# per process unless ``torch.set_warn_always(True)``.

import warnings

import numpy as np
import torch

torch.set_warn_always(True)

data = bytes([1, 2, 3, 4])
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    from_bytes = torch.frombuffer(data, dtype=torch.uint8)
assert caught, "torch.frombuffer should warn about an immutable buffer"
for warning in caught:
    print(f"{warning.category.__name__}: {warning.message}")
print(from_bytes)

assert all(issubclass(warning.category, UserWarning) for warning in caught)
assert "not writable" in str(caught[0].message)
assert from_bytes.tolist() == [1, 2, 3, 4]

# %%
# The warning does not mean a copy: the tensor starts at the address of the
# bytes object's own memory (``np.frombuffer`` reads the same address). As the
# warning says, nothing stops a write through the tensor. Never write: Python
# assumes that a ``bytes`` object never changes, and other code may hold the
# very same object.

bytes_address = np.frombuffer(data, dtype=np.uint8).ctypes.data
print("same address:", from_bytes.data_ptr() == bytes_address)

assert from_bytes.data_ptr() == bytes_address

# %%
# ``torch.frombuffer`` over ``bytearray``
# ---------------------------------------
#
# A ``bytearray`` is mutable. ``torch.frombuffer`` gives a tensor over its
# memory without a warning, and a write through either one is visible through
# the other.

buffer = bytearray([1, 2, 3, 4])
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    shared = torch.frombuffer(buffer, dtype=torch.uint8)
print("warnings:", len(caught))

shared[0] = 100
print("buffer after shared[0] = 100:", list(buffer))
buffer[1] = 200
print("tensor after buffer[1] = 200:", shared)

assert not caught
assert shared.data_ptr() == np.frombuffer(buffer, dtype=np.uint8).ctypes.data
assert list(buffer) == [100, 200, 3, 4]
assert shared.tolist() == [100, 200, 3, 4]

# %%
# The ``dtype`` decides how the bytes are read, so the length of the buffer
# (after ``offset``) must be a whole number of elements. ``count`` limits how
# many elements the tensor has. Four bytes hold one ``float32`` and not two:

one_float = torch.frombuffer(bytearray(4), dtype=torch.float32)
print("4 bytes as float32:", one_float)

try:
    torch.frombuffer(bytearray(6), dtype=torch.float32)
except ValueError as error:
    print(f"{type(error).__name__}: {error}")
else:
    raise AssertionError("6 bytes are not a whole number of float32 elements")

window = torch.frombuffer(bytearray(range(8)), dtype=torch.uint8, offset=2, count=3)
print("offset=2, count=3:", window)

assert one_float.shape == (1,)
assert window.tolist() == [2, 3, 4]

# %%
# The tensor holds a reference to the ``bytearray``, so the ``bytearray``
# lives at least as long as the tensor:

import sys

kept = bytearray(4)
references_before = sys.getrefcount(kept)
over_kept = torch.frombuffer(kept, dtype=torch.uint8)
print("references added by the tensor:", sys.getrefcount(kept) - references_before)

assert sys.getrefcount(kept) > references_before
del over_kept
assert sys.getrefcount(kept) == references_before

# %%
# But the tensor does not *lock* the ``bytearray``. A ``memoryview`` of a
# ``bytearray`` stops Python from resizing it; a tensor from
# ``torch.frombuffer`` does not, so ``extend`` succeeds. Growing a
# ``bytearray`` can move its bytes to new memory, and then the tensor points
# at memory that was freed. Never resize a buffer while a tensor uses it. (The
# tensor below is deleted without being read.)

locked = bytearray(4)
view = memoryview(locked)
try:
    locked.extend(bytes(1000))
except BufferError as error:
    print(f"with a memoryview: {type(error).__name__}: {error}")
else:
    raise AssertionError("a memoryview should lock the bytearray")
view.release()

unlocked = bytearray(4)
over_unlocked = torch.frombuffer(unlocked, dtype=torch.uint8)
unlocked.extend(bytes(1000))
print("with a tensor: extend succeeded, length", len(unlocked))
del over_unlocked

assert len(unlocked) == 1004

# %%
# A NumPy memory map over a file
# ------------------------------
#
# ``np.memmap`` maps a file into memory: the array's elements *are* the bytes
# of the file, and the operating system loads and saves them as needed. First
# write six ``float32`` numbers to a file in a temporary directory.

import os
import tempfile

workdir = tempfile.TemporaryDirectory()
path = os.path.join(workdir.name, "numbers.f32")
np.arange(6, dtype=np.float32).tofile(path)
print("file size:", os.path.getsize(path), "bytes")


def read_file():
    """The numbers in the file, read afresh (``np.fromfile`` does not map it)."""
    return np.fromfile(path, dtype=np.float32).tolist()


assert os.path.getsize(path) == 6 * 4

# %%
# ``mode="r+"`` maps the file for reading and writing. ``np.memmap`` is a
# subclass of ``np.ndarray``, so ``torch.from_numpy`` accepts it, without a
# warning, and the tensor uses the mapped memory: no byte of the file is
# copied into the tensor.

mapped = np.memmap(path, dtype=np.float32, mode="r+")
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    over_file = torch.from_numpy(mapped)
print(type(mapped).__name__, "is an ndarray:", isinstance(mapped, np.ndarray))
print("warnings:", len(caught))
print("shares memory:", np.shares_memory(over_file.numpy(), mapped))

assert isinstance(mapped, np.ndarray)
assert not caught
assert np.shares_memory(over_file.numpy(), mapped)

# %%
# An in-place write through the tensor changes the mapped memory.
# ``mapped.flush()`` asks the operating system to write the changed pages to
# the file; reading the file again with ``read_file`` shows the new numbers.
# A write through the memory map is seen by the tensor too.

over_file.mul_(10)
mapped.flush()
on_disk = read_file()
print("file after over_file.mul_(10):", on_disk)

mapped[0] = -1
print("tensor after mapped[0] = -1:", over_file)

assert on_disk == [0.0, 10.0, 20.0, 30.0, 40.0, 50.0]
assert over_file[0].item() == -1.0

# %%
# ``mode="r"`` maps the file read-only. The array is read-only, so
# ``torch.from_numpy`` warns, as for any read-only array. Here the memory is
# truly read-only: never write through such a tensor.

read_only = np.memmap(path, dtype=np.float32, mode="r")
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    over_read_only = torch.from_numpy(read_only)
print("writeable:", read_only.flags.writeable)
print("warnings:", len(caught))
print(over_read_only)

assert not read_only.flags.writeable
assert caught and "not writable" in str(caught[0].message)
assert over_read_only.tolist() == [-1.0, 10.0, 20.0, 30.0, 40.0, 50.0]

# %%
# ``mode="c"`` (copy-on-write) gives a writable array, so no warning, but the
# operating system gives each changed page its own private copy: writes reach
# the array and the tensor, never the file.

private = np.memmap(path, dtype=np.float32, mode="c")
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    over_private = torch.from_numpy(private)
over_private.add_(1000)
private.flush()
print("array:", private)
print("file: ", read_file())

assert not caught
assert private[1] == 1010.0
assert read_file() == [-1.0, 10.0, 20.0, 30.0, 40.0, 50.0]

# %%
# ``np.load`` with ``mmap_mode``
# ------------------------------
#
# A ``.npy`` file stores a header (dtype and shape) before the numbers.
# ``np.load(path, mmap_mode="r+")`` reads the header and maps only the numbers;
# it returns an ``np.memmap``. The same zero-copy path follows: the tensor
# writes into the file.

npy_path = os.path.join(workdir.name, "counts.npy")
np.save(npy_path, np.arange(4, dtype=np.int64))

loaded = np.load(npy_path, mmap_mode="r+")
counts = torch.from_numpy(loaded)
print(type(loaded).__name__, "numbers start at byte", loaded.offset)

counts[0] = 99
loaded.flush()
print("file read again:", np.load(npy_path))

assert isinstance(loaded, np.memmap)
assert np.shares_memory(counts.numpy(), loaded)
assert np.load(npy_path).tolist() == [99, 1, 2, 3]

# %%
# ``torch.from_file``: a tensor over a file without NumPy
# -------------------------------------------------------
#
# PyTorch can map a raw file itself. ``shared=True`` maps it for writing, so
# in-place writes reach the file; ``size`` is the number of elements.

direct = torch.from_file(path, shared=True, size=6, dtype=torch.float32)
direct.zero_()
print("file after direct.zero_():", read_file())

assert read_file() == [0.0] * 6

# %%
# Two traps. With ``shared=True``, a ``size`` larger than the file does not
# raise: the file grows, with zeros. With ``shared=False`` (the default), the
# tensor gets a private copy-on-write mapping: writes never reach the file,
# and a ``size`` larger than the file raises ``RuntimeError``.

grown = torch.from_file(path, shared=True, size=8, dtype=torch.float32)
print("file size after size=8:", os.path.getsize(path), "bytes")

assert os.path.getsize(path) == 8 * 4

copy_on_write = torch.from_file(path, size=8, dtype=torch.float32)
copy_on_write.fill_(7)
print("file after a write to the shared=False tensor:", read_file())

assert read_file() == [0.0] * 8

try:
    torch.from_file(path, size=100, dtype=torch.float32)
except RuntimeError as error:
    # The message names the file; the temporary directory's name changes per run.
    print(f"{type(error).__name__}: {str(error).replace(workdir.name, '...')}")
else:
    raise AssertionError("shared=False should refuse a size beyond the file")

# %%
# Delete every array and tensor over the files before the directory is
# removed: on some systems a mapped file cannot be deleted.

import gc

del mapped, over_file, read_only, over_read_only, private, over_private
del loaded, counts, direct, grown, copy_on_write
gc.collect()
workdir.cleanup()

assert not os.path.exists(workdir.name)

# %%
# What to remember
# ----------------
#
# * ``torch.frombuffer`` shares the memory of any buffer. Over ``bytes`` it
#   warns (never write through that tensor); over a ``bytearray`` writes go
#   both ways. The tensor keeps the buffer alive but does not stop it from
#   being resized: never resize it while the tensor exists.
# * ``torch.from_numpy`` over ``np.memmap`` or ``np.load(..., mmap_mode=...)``
#   gives a tensor over the file's mapped memory. With ``"r+"``, writes reach
#   the file after ``flush()``; ``"r"`` is read-only and warns; ``"c"``
#   keeps writes private.
# * ``torch.from_file(path, shared=True, ...)`` maps a raw file without NumPy,
#   and grows the file if ``size`` asks for more than it holds.
# * Related pages:
#   :ref:`sphx_glr_auto_examples_edge_cases_plot_02_read_only_arrays.py` and
#   :ref:`sphx_glr_auto_examples_edge_cases_plot_10_lifetime.py`.
