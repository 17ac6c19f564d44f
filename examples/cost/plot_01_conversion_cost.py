"""
Measure what a conversion costs as the array grows
==================================================

A conversion that shares memory costs the same at every size, and a conversion
that copies costs more as the number of bytes grows. This page first checks
which conversions share memory, then times each of them on float32 arrays from
1 KiB to 256 MiB, and compares the copy done by ``torch.tensor`` with a plain
copy into memory that is already allocated. The timings are measured while the
page is built; the page prints the thread count and cache sizes they were
measured with, and its text says how to read them rather than what they are.
"""

# %%
# The arrays
# ----------
#
# Ten float32 arrays of random numbers, each four times larger than the one
# before, from 1 KiB (256 numbers) to 256 MiB (2\ :sup:`26`, about 67 million
# numbers).

import numpy as np
import torch

rng = np.random.default_rng(0)
sizes = [1024 * 4**k for k in range(10)]
arrays = [rng.random(nbytes // 4, dtype=np.float32) for nbytes in sizes]

for array in arrays:
    assert array.dtype == np.float32 and array.flags.c_contiguous
assert [array.nbytes for array in arrays] == sizes
assert arrays[0].size == 256 and arrays[-1].size == 2**26
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
# The machine that measures
# -------------------------
#
# Two things about the machine shape the timings below: how many threads
# torch may use for a copy (``torch.get_num_threads()``), and how large the
# CPU's caches are. On Linux the cache sizes can be read from
# ``/sys/devices/system/cpu/cpu0/cache``; some C libraries also report them
# through ``os.sysconf``. Where neither works, the page says so.

import os
from pathlib import Path

UNITS = {"K": 2**10, "M": 2**20, "G": 2**30}


def cpu_caches():
    """Data and unified cache sizes of CPU 0 in bytes, by level, and where they came from."""
    caches = {}
    for index in sorted(Path("/sys/devices/system/cpu/cpu0/cache").glob("index*")):
        try:
            kind = (index / "type").read_text().strip()
            level = int((index / "level").read_text())
            size = (index / "size").read_text().strip()
        except (OSError, ValueError):
            continue
        if kind != "Instruction" and size:
            caches[level] = int(size.rstrip("KMG")) * UNITS.get(size[-1], 1)
    if caches:
        return caches, "/sys/devices/system/cpu/cpu0/cache"
    for level, name in [
        (1, "SC_LEVEL1_DCACHE_SIZE"),
        (2, "SC_LEVEL2_CACHE_SIZE"),
        (3, "SC_LEVEL3_CACHE_SIZE"),
    ]:
        if name in os.sysconf_names and os.sysconf(name) > 0:
            caches[level] = os.sysconf(name)
    return caches, "os.sysconf" if caches else None


def size_label(nbytes):
    if nbytes >= 2**20:
        return f"{nbytes / 2**20:g} MiB"
    return f"{nbytes / 2**10:g} KiB"


threads = torch.get_num_threads()
caches, cache_source = cpu_caches()
print(f"torch threads: {threads} (torch.get_num_threads()); CPUs: {os.cpu_count()}")
if caches:
    listed = ", ".join(
        f"L{level} {size_label(size)}" for level, size in sorted(caches.items())
    )
    print(f"CPU caches: {listed} (read from {cache_source})")
else:
    print("CPU caches: not readable on this system")
last_level_cache = caches[max(caches)] if caches else None

assert threads >= 1

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
# page, with the threads and caches printed above. ``np.array`` is
# ``np.array(array, copy=True)``. The numbers change from machine to machine
# and from run to run.

names = list(times)
print(f"Measured on the machine that built this page, torch threads: {threads}")
print("(microseconds per call):")
print(f"{'size':>8}" + "".join(f"{name:>13}" for name in names))
for index, nbytes in enumerate(sizes):
    row = "".join(f"{times[name][index] * 1e6:13.1f}" for name in names)
    print(f"{size_label(nbytes):>8}" + row)

# %%
# ``torch.from_numpy`` and ``torch.as_tensor`` only wrap the existing memory
# in a tensor, so their time does not depend on the size; the columns that
# copy grow with it. The next cell checks both against the table, with margins
# wide enough that a noisy run on a busy machine still passes: at every size,
# the two that share take less than a hundredth of the time of the fastest
# copy of the largest array, and each copying column takes more than a hundred
# times longer for the largest array than for the smallest (which has
# 262,144 times fewer bytes).

largest = len(sizes) - 1
sharing = ["from_numpy", "as_tensor"]
copying = [name for name in names if name not in sharing]
fastest_large_copy = min(times[name][largest] for name in copying)
for name in sharing:
    assert max(times[name]) < fastest_large_copy / 100, name
for name in copying:
    assert times[name][largest] > 100 * times[name][0], name

# %%
# How much more does a copy cost for four times the bytes? The last two rows
# answer it for this run. A growth close to 4 means that the time follows the
# number of bytes. Other readings are possible on other machines: a bigger
# jump often marks the size where the data no longer fits in the CPU's cache,
# or where new memory starts to come directly from the operating system.

print(f"Growth from {size_label(sizes[-2])} to {size_label(sizes[-1])}, measured:")
for name in copying:
    print(f"{name:>14}: {times[name][-1] / times[name][-2]:5.1f} times")

# %%
# Time per call against array size
# --------------------------------
#
# Each line is one conversion. The horizontal axis is the size of the array,
# in bytes; the vertical axis is the time per call, in seconds, measured on
# the machine that built this page. Both axes are logarithmic. A conversion
# that copies is a line that rises with the size; a conversion that shares
# memory is a flat line. The dashed line is ``np.copyto``, the plain copy.

import matplotlib.pyplot as plt

fig, ax = plt.subplots(figsize=(7, 4.5))
for name in names:
    style = "--" if name == "np.copyto" else "-"
    label = "np.copyto (copy only)" if name == "np.copyto" else name
    ax.loglog(sizes, times[name], style, marker="o", markersize=3, label=label)
ax.set_xlabel("array size (bytes)")
ax.set_ylabel("time per call (seconds, measured)")
# Also the section's title: the Chinese edition gives its translation as alt text.
ax.set_title("Time per call against array size")
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
# below that, the fixed cost of each call hides the copy.
#
# A copy runs faster while the source and the copy both fit in the CPU's
# cache than when they must come from main memory. The ``in cache`` column
# says whether twice the array's size fits in the largest cache printed at
# the top of the page (``?`` where the size could not be read), so that the
# rows on either side of that line can be compared.

print(f"Measured on the machine that built this page, torch threads: {threads} (GB/s):")
header = ["torch.tensor", "array.copy()", "np.copyto", "ratio", "in cache"]
print(f"{'size':>8}" + "".join(f"{name:>14}" for name in header))
rates = {"in": [], "out": []}
faster_than_copyto = []
for index, nbytes in enumerate(sizes):
    if nbytes < 2**20:
        continue
    tensor_rate = nbytes / times["torch.tensor"][index] / 1e9
    copy_rate = nbytes / times["array.copy()"][index] / 1e9
    floor_rate = nbytes / times["np.copyto"][index] / 1e9
    if last_level_cache is None:
        in_cache = "?"
    else:
        in_cache = "yes" if 2 * nbytes <= last_level_cache else "no"
        rates["in" if in_cache == "yes" else "out"].append(floor_rate)
    if tensor_rate > floor_rate:
        faster_than_copyto.append(size_label(nbytes))
    print(
        f"{size_label(nbytes):>8}{tensor_rate:14.1f}{copy_rate:14.1f}"
        f"{floor_rate:14.1f}{tensor_rate / floor_rate:14.0%}{in_cache:>14}"
    )

# %%
# This run's reading of the cache column, for ``np.copyto``:

if rates["in"] and rates["out"]:
    print(
        f"np.copyto, measured: {sum(rates['in']) / len(rates['in']):.1f} GB/s on average "
        f"where the array and its copy fit in the {size_label(last_level_cache)} cache, "
        f"{sum(rates['out']) / len(rates['out']):.1f} GB/s where they do not."
    )
elif last_level_cache is None:
    print("The cache size could not be read, so this run cannot compare the two.")
else:
    print("Every row of the table lies on the same side of the cache size.")

# %%
# The ``ratio`` column is the bandwidth of ``torch.tensor`` divided by that of
# the plain copy. Two effects pull it in opposite directions. ``torch.tensor``
# must allocate its result, and the operating system supplies new memory page
# by page the first time it is written, which costs time that ``np.copyto``
# does not pay. On the other hand, torch may split a large copy among its
# threads (the number printed at the top), while NumPy copies with one. Which
# effect wins depends on the machine and on what else it is running; this
# run's answer:

if faster_than_copyto:
    print(f"torch.tensor beat np.copyto at: {', '.join(faster_than_copyto)} (measured)")
else:
    print(
        f"torch.tensor (torch threads: {threads}) beat np.copyto at no size (measured)"
    )

# %%
# What to remember
# ----------------
#
# * ``torch.from_numpy`` and ``torch.as_tensor`` (on a CPU array whose dtype
#   torch supports) cost the same at any size, because they copy nothing.
# * ``torch.tensor``, ``array.copy()`` and ``np.array(copy=True)`` copy every
#   byte, so their cost grows with the size of the array.
# * A copy into a new array also pays for the new memory, and torch may
#   share a copy among threads. How these add up depends on the machine: its
#   caches, its memory and its cores. The numbers on this page are one
#   machine's; measure on yours before relying on one.
# * Why these conversions share or copy:
#   :ref:`sphx_glr_auto_examples_numpy_to_tensor_plot_01_from_numpy.py`,
#   :ref:`sphx_glr_auto_examples_numpy_to_tensor_plot_02_torch_tensor_copies.py`
#   and :ref:`sphx_glr_auto_examples_numpy_to_tensor_plot_03_as_tensor_and_asarray.py`.
# * Copies between the CPU and a GPU:
#   :ref:`sphx_glr_auto_examples_gpu_plot_04_host_to_device_transfers.py`.
