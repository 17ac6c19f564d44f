"""
Measure what a conversion costs as the array grows
==================================================

``torch.from_numpy`` and ``torch.as_tensor`` share the array's memory, so they
cost the same at every size; ``torch.tensor``, ``array.copy()`` and
``np.array(copy=True)`` copy every byte, so they cost more as the array grows.
This page checks that, then times each on float32 arrays from 1 KiB to 256 MiB.
"""

import numpy as np
import torch

array = np.zeros(4, dtype=np.float32)
shared = torch.from_numpy(array)  # shares memory: the same cost at any size
copied = torch.tensor(array)  # copies every byte: the cost grows with the size
array[0] = 1.0  # an in-place write reaches the shared tensor only
assert shared[0].item() == 1.0 and copied[0].item() == 0.0

# %%
# Which conversions copy
# ----------------------
#
# Ten float32 arrays, each four times larger than the one before, from 1 KiB
# to 256 MiB (2\ :sup:`26` numbers). At every size, ``torch.from_numpy`` and
# ``torch.as_tensor`` use the array's own memory; the other three copy.

rng = np.random.default_rng(0)
sizes = [1024 * 4**k for k in range(10)]
arrays = [rng.random(nbytes // 4, dtype=np.float32) for nbytes in sizes]

for array in arrays:
    assert array.dtype == np.float32 and array.flags.c_contiguous
assert [array.nbytes for array in arrays] == sizes
assert arrays[0].size == 256 and arrays[-1].size == 2**26

conversions_to_check = {
    "torch.from_numpy": lambda array: torch.from_numpy(array).numpy(),
    "torch.as_tensor": lambda array: torch.as_tensor(array).numpy(),
    "torch.tensor": lambda array: torch.tensor(array).numpy(),
    "array.copy()": lambda array: array.copy(),
    "np.array(copy=True)": lambda array: np.array(array, copy=True),
}
for name, convert in conversions_to_check.items():
    shared = [np.shares_memory(convert(array), array) for array in arrays]
    print(f"{name + ':':<21}shares memory at {sum(shared)} of {len(arrays)} sizes")
    if name in ("torch.from_numpy", "torch.as_tensor"):
        assert all(shared)
    else:
        assert not any(shared)

assert all(torch.from_numpy(array).data_ptr() == array.ctypes.data for array in arrays)

# %%
# .. rst-class:: fold
#
# Time each conversion
# --------------------
#
# Two things about the machine shape the timings: how many threads torch may
# use for a copy, and how large the CPU's caches are (read on Linux from
# ``/sys/devices/system/cpu/cpu0/cache``; elsewhere the page says it could
# not read them).
#
# ``best_time`` calls ``function(array)`` ``number`` times in a row and keeps
# the best of ``repeat`` such loops, timed with ``time.perf_counter``, divided
# by ``number``. Small arrays get many calls per loop, so that the clock can
# resolve them, and so do the two conversions that share, at every size.
# ``np.copyto(destination, array)`` copies into an array that was allocated
# (and written to) beforehand: the copy and nothing else, on one thread, the
# reference for the conversions that copy.

import functools
import os
import time
from pathlib import Path

FIELDS = ("type", "level", "size")
UNITS = {"K": 2**10, "M": 2**20, "G": 2**30}


def cpu_caches():
    """Data and unified cache sizes of CPU 0 in bytes, by level (Linux only)."""
    caches = {}
    for index in Path("/sys/devices/system/cpu/cpu0/cache").glob("index*"):
        try:
            kind, level, size = [(index / name).read_text().strip() for name in FIELDS]
        except OSError:
            continue
        if kind != "Instruction" and size:
            caches[int(level)] = int(size.rstrip("KMG")) * UNITS.get(size[-1], 1)
    return caches


def size_label(nbytes):
    if nbytes >= 2**20:
        return f"{nbytes / 2**20:g} MiB"
    return f"{nbytes / 2**10:g} KiB"


def best_time(function, array, number, repeat):
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(number):
            function(array)
        best = min(best, (time.perf_counter() - start) / number)
    return best


threads = torch.get_num_threads()
caches = cpu_caches()
last_level_cache = caches[max(caches)] if caches else None
listed = ", ".join(f"L{level} {size_label(caches[level])}" for level in sorted(caches))
print(f"torch threads: {threads} (torch.get_num_threads()); CPUs: {os.cpu_count()}")
print(f"CPU caches: {listed or 'not readable on this system'}")

assert threads >= 1

sharing = {"from_numpy": torch.from_numpy, "as_tensor": torch.as_tensor}
copying = {
    "torch.tensor": torch.tensor,
    "array.copy()": np.ndarray.copy,
    "np.array": functools.partial(np.array, copy=True),
}
times = {name: [] for name in [*sharing, *copying, "np.copyto"]}
for array in arrays:
    number = max(1, 2**22 // array.nbytes)
    repeat = 3 if array.nbytes >= 2**26 else 5
    for name, function in sharing.items():  # microseconds: more loops, fewer outliers
        times[name].append(best_time(function, array, max(number, 1000), 20))
    for name, function in copying.items():
        times[name].append(best_time(function, array, number, repeat))
    plain_copy = functools.partial(np.copyto, np.zeros_like(array))
    times["np.copyto"].append(best_time(plain_copy, array, number, repeat))

# %%
# The table
# ---------
#
# Times in microseconds per call; ``np.array`` is ``np.array(array,
# copy=True)``. The cell also checks the page's first claims against them,
# with margins wide enough for a noisy run on a busy machine: the time of each
# conversion that shares, taken as the median of the five largest arrays, is
# less than ten times that of the five smallest, and stays under a hundredth of
# the fastest copy of the largest array; each copying
# column takes more than a hundred times longer for the largest array than
# for the smallest (which has 262,144 times fewer bytes).

names = list(times)
print("Measured on the machine that built this page (microseconds per call):")
print(f"{'size':>8}" + "".join(f"{name:>13}" for name in names))
for index, nbytes in enumerate(sizes):
    row = "".join(f"{times[name][index] * 1e6:13.1f}" for name in names)
    print(f"{size_label(nbytes):>8}" + row)

largest = len(sizes) - 1
fastest_large_copy = min(times[name][largest] for name in [*copying, "np.copyto"])
for name in sharing:
    smallest, largest_five = sorted(times[name][:5]), sorted(times[name][5:])
    assert largest_five[2] < 10 * smallest[2], name  # the medians: no growth with size
    assert max(times[name]) < fastest_large_copy / 100, name
for name in [*copying, "np.copyto"]:
    assert times[name][largest] > 100 * times[name][0], name

# %%
# Time per call against array size
# --------------------------------
#
# Each line is one conversion, on logarithmic axes: the size of the array in
# bytes, and the time per call in seconds, measured on the machine that built
# this page. A conversion that copies is a line that rises with the size; a
# conversion that shares memory is a flat line. The dashed line is
# ``np.copyto``, the plain copy.

import matplotlib.pyplot as plt

fig, ax = plt.subplots(figsize=(7, 4.5))
for name in names:
    style = "--" if name == "np.copyto" else "-"
    label = "np.copyto (copy only)" if name == "np.copyto" else name
    ax.loglog(sizes, times[name], style, marker="o", markersize=3, label=label)
ax.set_xlabel("array size (bytes)")
ax.set_ylabel("time per call (seconds, measured)")
ax.set_title("Time per call against array size")
ax.grid(True, which="major", alpha=0.3)
ax.legend()
fig.tight_layout()
plt.show()

# %%
# Copy bandwidth
# --------------
#
# Bytes divided by time give the bandwidth, in GB/s (10\ :sup:`9` bytes per
# second), from 1 MiB up: below that, the fixed cost of each call hides the
# copy. *in cache* says whether the array and its copy fit together in the
# largest cache printed above (``?`` where it could not be read); a copy
# usually runs faster while they do.
#
# *ratio* is ``torch.tensor``'s bandwidth divided by ``np.copyto``'s:
# ``torch.tensor`` also allocates new memory (the first write of each page
# costs a fault), but may copy with several threads. The last line is this
# run's answer.

print(f"Measured on the machine that built this page, torch threads: {threads} (GB/s):")
header = ["torch.tensor", "np.copyto", "ratio", "in cache"]
print(f"{'size':>8}" + "".join(f"{name:>14}" for name in header))
faster_than_copyto = []
for index, nbytes in enumerate(sizes):
    if nbytes < 2**20:
        continue
    tensor_rate = nbytes / times["torch.tensor"][index] / 1e9
    floor_rate = nbytes / times["np.copyto"][index] / 1e9
    in_cache = "?"
    if last_level_cache is not None:
        in_cache = "yes" if 2 * nbytes <= last_level_cache else "no"
    if tensor_rate > floor_rate:
        faster_than_copyto.append(size_label(nbytes))
    print(
        f"{size_label(nbytes):>8}{tensor_rate:14.1f}{floor_rate:14.1f}"
        f"{tensor_rate / floor_rate:14.0%}{in_cache:>14}"
    )

faster = ", ".join(faster_than_copyto) or "no size"
print(f"torch.tensor (torch threads: {threads}) beat np.copyto at: {faster} (measured)")

# %%
# Why these conversions share or copy:
# :ref:`sphx_glr_auto_examples_numpy_to_tensor_plot_01_from_numpy.py`,
# :ref:`sphx_glr_auto_examples_numpy_to_tensor_plot_02_torch_tensor_copies.py`
# and :ref:`sphx_glr_auto_examples_numpy_to_tensor_plot_03_as_tensor_and_asarray.py`.
# Copies between the CPU and a GPU:
# :ref:`sphx_glr_auto_examples_gpu_plot_04_host_to_device_transfers.py` and
# :ref:`sphx_glr_auto_examples_gpu_plot_08_gpu_to_cpu_fast.py`.
