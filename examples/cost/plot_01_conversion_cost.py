"""
Measure what a conversion costs as the array grows
==================================================

A conversion that shares memory costs the same at every size, and a conversion
that copies costs time in proportion to the number of bytes. This page first
checks which conversions share memory, then times each of them on float32
arrays from 1 KiB to 256 MiB, and compares the copy done by ``torch.tensor``
with a plain copy into memory that is already allocated.
"""

# %%
# The arrays
# ----------
#
# Ten float32 arrays of random numbers, each four times larger than the one
# before, from 1 KiB (256 numbers) to 256 MiB (64 million numbers).

import numpy as np
import torch

rng = np.random.default_rng(0)
sizes = [1024 * 4**k for k in range(10)]
arrays = [rng.random(nbytes // 4, dtype=np.float32) for nbytes in sizes]

for array in arrays:
    assert array.dtype == np.float32 and array.flags.c_contiguous
assert [array.nbytes for array in arrays] == sizes
print(f"{len(arrays)} arrays, from {sizes[0]} bytes to {sizes[-1] // 2**20} MiB")

# %%
# Which conversions copy
# ----------------------
#
# Before timing anything, check what each conversion does, at every size.
# ``torch.from_numpy`` and ``torch.as_tensor`` return a tensor that uses the
# array's own memory. ``torch.tensor``, ``array.copy()`` and
# ``np.array(array, copy=True)`` always allocate new memory and copy into it.

conversions_to_check = {
    "torch.from_numpy": lambda array: torch.from_numpy(array).numpy(),
    "torch.as_tensor": lambda array: torch.as_tensor(array).numpy(),
    "torch.tensor": lambda array: torch.tensor(array).numpy(),
    "array.copy()": lambda array: array.copy(),
    "np.array(copy=True)": lambda array: np.array(array, copy=True),
}
for name, convert in conversions_to_check.items():
    shared = [np.shares_memory(convert(array), array) for array in arrays]
    print(f"{name:>20}: shares memory at {sum(shared)} of {len(arrays)} sizes")
    if name in ("torch.from_numpy", "torch.as_tensor"):
        assert all(shared)
    else:
        assert not any(shared)

assert all(torch.from_numpy(array).data_ptr() == array.ctypes.data for array in arrays)

# %%
# A write shows the difference: it reaches the shared tensor and misses the
# copied one. The array is restored afterwards.

array = arrays[0]
shared = torch.as_tensor(array)
copied = torch.tensor(array)
before = array[0]
array[0] = 100.0
print("shared tensor sees the write:", shared[0].item() == 100.0)
print("copied tensor sees the write:", copied[0].item() == 100.0)

assert shared[0].item() == 100.0
assert copied[0].item() == before
array[0] = before

# %%
# Time each conversion
# --------------------
#
# ``best_time`` calls ``function(array)`` ``number`` times in a row, measures
# the loop with ``time.perf_counter``, and keeps the best of ``repeat`` loops,
# divided by ``number``. Small arrays get many calls per loop, so that the
# clock can resolve them; the largest arrays get a single call per loop and
# fewer loops.
#
# ``np.copyto(destination, array)`` copies into an array that was allocated
# (and written to) beforehand. It does the copy and nothing else, on one
# thread, so it is the reference that the conversions which copy are compared
# with. ``functools.partial`` fixes its first argument, so that it can be
# called as ``function(array)`` like the others.

import functools
import time


def best_time(function, array, number, repeat):
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(number):
            function(array)
        best = min(best, (time.perf_counter() - start) / number)
    return best


conversions = {
    "from_numpy": torch.from_numpy,
    "as_tensor": torch.as_tensor,
    "torch.tensor": torch.tensor,
    "array.copy()": np.ndarray.copy,
    "np.array": functools.partial(np.array, copy=True),
}

times = {name: [] for name in [*conversions, "np.copyto"]}
for array in arrays:
    number = max(1, 2**22 // array.nbytes)
    repeat = 3 if array.nbytes >= 2**26 else 5
    for name, function in conversions.items():
        times[name].append(best_time(function, array, number, repeat))
    destination = np.zeros_like(array)
    plain_copy = functools.partial(np.copyto, destination)
    times["np.copyto"].append(best_time(plain_copy, array, number, repeat))
    del destination, plain_copy

# %%
# The table
# ---------
#
# Times in microseconds per call, measured on the machine that built this
# page. ``np.array`` is ``np.array(array, copy=True)``. The numbers change from
# machine to machine and from run to run; the shape is what matters.


def size_label(nbytes):
    if nbytes >= 2**20:
        return f"{nbytes // 2**20} MiB"
    return f"{nbytes // 2**10} KiB"


names = list(times)
print("Measured on the machine that built this page (microseconds per call):")
print(f"{'size':>8}" + "".join(f"{name:>13}" for name in names))
for index, nbytes in enumerate(sizes):
    row = "".join(f"{times[name][index] * 1e6:13.1f}" for name in names)
    print(f"{size_label(nbytes):>8}" + row)

# %%
# ``torch.from_numpy`` and ``torch.as_tensor`` take about the same short time
# at every size: they only wrap the existing memory in a tensor. The columns
# that copy grow with the size. Between the two largest sizes they grow about
# four times, like the number of bytes; a bigger jump between two rows usually
# marks the size where the data no longer fits in the CPU's cache, or where
# new memory starts to come directly from the operating system.

# %%
# The chart
# ---------
#
# Both axes are logarithmic. A conversion that copies is a line that rises
# with the size; a conversion that shares memory is a flat line.

import matplotlib.pyplot as plt

fig, ax = plt.subplots(figsize=(7, 4.5))
for name in names:
    style = "--" if name == "np.copyto" else "-"
    label = "np.copyto (copy only)" if name == "np.copyto" else name
    ax.loglog(sizes, times[name], style, marker="o", markersize=3, label=label)
ax.set_xlabel("array size (bytes)")
ax.set_ylabel("time per call (seconds)")
ax.set_title("Conversion time, measured on the machine that built this page")
ax.grid(True, which="major", alpha=0.3)
ax.legend()
fig.tight_layout()
plt.show()

# %%
# Copy bandwidth
# --------------
#
# Dividing the number of bytes by the time gives the copy bandwidth, here in
# GB/s (10\ :sup:`9` bytes copied per second). The table starts at 1 MiB:
# below that, the fixed cost of each call hides the copy. Arrays of a few MiB
# fit in the CPU's cache, where a copy runs much faster than in main memory, so
# expect the bandwidth to drop for the largest arrays.

print("Measured on the machine that built this page (GB/s):")
header = ["torch.tensor", "array.copy()", "np.copyto", "ratio"]
print(f"{'size':>8}" + "".join(f"{name:>14}" for name in header))
for index, nbytes in enumerate(sizes):
    if nbytes < 2**20:
        continue
    tensor_rate = nbytes / times["torch.tensor"][index] / 1e9
    copy_rate = nbytes / times["array.copy()"][index] / 1e9
    floor_rate = nbytes / times["np.copyto"][index] / 1e9
    print(
        f"{size_label(nbytes):>8}{tensor_rate:14.1f}{copy_rate:14.1f}"
        f"{floor_rate:14.1f}{tensor_rate / floor_rate:14.0%}"
    )

# %%
# The ``ratio`` column is the bandwidth of ``torch.tensor`` divided by that of
# the plain copy. Two effects pull it in opposite directions. ``torch.tensor``
# must allocate its result, and the operating system supplies new memory page
# by page the first time it is written, which costs time that ``np.copyto``
# does not pay; this matters most for the largest arrays. On the other hand,
# torch may copy a large tensor with several threads
# (``torch.get_num_threads()``), while NumPy copies with one, so on a machine
# with several cores ``torch.tensor`` can beat the plain copy at medium sizes.

# %%
# What to remember
# ----------------
#
# * ``torch.from_numpy`` and ``torch.as_tensor`` (on a CPU array whose dtype
#   torch supports) cost the same at any size, because they copy nothing.
# * ``torch.tensor``, ``array.copy()`` and ``np.array(copy=True)`` copy every
#   byte, so their cost grows with the size of the array.
# * A copy into a new array also pays for the new memory, so it costs more
#   than the copy alone unless several threads share the work.
# * Why these conversions share or copy:
#   :ref:`sphx_glr_auto_examples_numpy_to_tensor_plot_01_from_numpy.py`,
#   :ref:`sphx_glr_auto_examples_numpy_to_tensor_plot_02_torch_tensor_copies.py`
#   and :ref:`sphx_glr_auto_examples_numpy_to_tensor_plot_03_as_tensor_and_asarray.py`.
# * Copies between the CPU and a GPU:
#   :ref:`sphx_glr_auto_examples_gpu_plot_04_host_to_device_transfers.py`.
