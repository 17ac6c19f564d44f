"""
Copy a GPU tensor to the CPU fast
=================================

For a copy now and then, ``t.cpu()`` is the simple answer. When you copy
again and again, copy into a pinned buffer that you allocate once, with
``buffer.copy_(t, non_blocking=True)``, and read it only after a synchronize.
This page measures three ways with ``torch.utils.benchmark.Timer``.
"""

import sys

import torch

if not torch.cuda.is_available():  # the page needs CUDA: stop with one line
    sys.exit(f"This example needs a CUDA GPU, and torch {torch.__version__} sees none.")

on_gpu = torch.rand(2**20, device="cuda")
buffer = torch.empty(on_gpu.shape, pin_memory=True)  # pinned, allocated once
buffer.copy_(on_gpu, non_blocking=True)  # returns before the copy is done
torch.cuda.synchronize()  # so wait before reading the buffer
assert torch.equal(buffer, on_gpu.cpu())

# %%
# Three ways to bring a tensor back
# ---------------------------------
#
# The tensor is 16 Mi float32 numbers, 64 MiB, on the GPU. Each function
# below brings it to the CPU and returns a CPU tensor whose data is complete:
#
# * ``plain`` calls ``x.cpu()``. torch allocates ordinary (pageable) CPU
#   memory for each copy, copies and waits for the copy.
# * ``fresh_pinned`` calls ``x.to("cpu", non_blocking=True)``. torch puts the
#   result in *pinned* (page-locked) memory, which it takes from its cache of
#   pinned blocks, and returns before the copy is done, so the function then
#   waits with ``torch.cuda.synchronize()``.
# * ``reused_pinned`` copies into one pinned buffer, made once with
#   ``torch.empty(..., pin_memory=True)``, with ``copy_(x, non_blocking=True)``,
#   then waits the same way.

x = torch.rand(16 * 2**20, device="cuda")
nbytes = x.numel() * x.element_size()
pinned_buffer = torch.empty(x.shape, dtype=x.dtype, pin_memory=True)
buffer_address = pinned_buffer.data_ptr()


def plain():
    return x.cpu()


def fresh_pinned():
    result = x.to("cpu", non_blocking=True)
    torch.cuda.synchronize()  # the copy is done only after this
    return result


def reused_pinned():
    pinned_buffer.copy_(x, non_blocking=True)
    torch.cuda.synchronize()  # the copy is done only after this
    return pinned_buffer


ways = {
    "x.cpu()": plain,
    'x.to("cpu", non_blocking=True)': fresh_pinned,
    "buffer.copy_(x, non_blocking=True)": reused_pinned,
}

# %%
# All three give the same values. The two with ``non_blocking=True`` give
# pinned memory, and the buffer stays where it was: every call reuses it.

expected = x.cpu()
results = {name: way() for name, way in ways.items()}
for name, result in results.items():
    print(f"{name:<36} pinned: {result.is_pinned()}")

assert all(torch.equal(result, expected) for result in results.values())
assert not results["x.cpu()"].is_pinned()
assert results['x.to("cpu", non_blocking=True)'].is_pinned()
assert pinned_buffer.is_pinned() and pinned_buffer.data_ptr() == buffer_address

# %%
# Measure them
# ------------
#
# ``torch.utils.benchmark.Timer(stmt, globals=...).blocked_autorange()`` runs
# the statement in blocks for at least a fifth of a second, after a warm-up,
# synchronises the GPU each time it reads its clock, and returns a
# measurement whose ``median`` is the time of one call, in seconds. *GB/s* is
# the size divided by that time (10\ :sup:`9` bytes per second).

from torch.utils.benchmark import Timer

print("Measured on the GPU that built this page, 64 MiB from the GPU:")
print(f"{'way':<36}{'ms':>9} {'GB/s':>8}")
seconds = {}
for name, way in ways.items():
    seconds[name] = Timer("way()", globals={"way": way}).blocked_autorange().median
    gigabytes_per_second = nbytes / seconds[name] / 1e9
    print(f"{name:<36}{seconds[name] * 1e3:9.2f} {gigabytes_per_second:8.1f}")
print("fastest in this run (measured):", min(seconds, key=seconds.get))

assert pinned_buffer.data_ptr() == buffer_address  # the timed calls reused it too

# %%
# The numbers are this machine's, so the page asserts no order. What holds
# whatever they are: a reused pinned buffer needs no new memory per copy, and
# the copy into pinned memory is the one that can run while the CPU does
# other work, between ``copy_(..., non_blocking=True)`` and the synchronize.
# So when you copy tensors of one size again and again, reuse a pinned
# buffer, and read it only after a synchronize (or an event recorded after
# the copy: see
# :ref:`sphx_glr_auto_examples_gpu_plot_05_non_blocking_to_cpu.py`).

# %%
# .. rst-class:: fold
#
# Measure GPU code correctly
# --------------------------
#
# A CUDA call returns when its work is queued, not when it is done. So
# ``time.perf_counter()`` around the call alone measures the launch, and the
# wait shows up in whichever later call synchronises. Below, a kernel that
# keeps the GPU busy for about a twentieth of a second (``torch.cuda._sleep``,
# a private helper from torch's own tests, spinning for 10\ :sup:`8` clock
# cycles) is timed both ways, after one untimed run: the first use of a
# kernel loads it, and a first call may allocate memory that later calls
# reuse, so time code only once it has run.

import time

cycles = 10**8
torch.cuda._sleep(cycles)  # untimed: the kernel is loaded
torch.cuda.synchronize()

start = time.perf_counter()
torch.cuda._sleep(cycles)
launch_ms = (time.perf_counter() - start) * 1e3
start = time.perf_counter()
torch.cuda.synchronize()
wait_ms = (time.perf_counter() - start) * 1e3
timed = Timer("torch.cuda._sleep(cycles)", globals=globals()).blocked_autorange()
print(f"perf_counter around the call: {launch_ms:.3f} ms (measured)")
print(f"then torch.cuda.synchronize(): {wait_ms:.1f} ms (measured)")
print(f"Timer, median of one call:    {timed.median * 1e3:.1f} ms (measured)")

# The call only queued the kernel; the Timer waited for the GPU.
assert launch_ms < wait_ms
assert launch_ms < timed.median * 1e3

# %%
# ``torch.cuda.Event(enable_timing=True)`` is the other tool: two events
# recorded on a stream measure the GPU's own time between them, without
# making the CPU wait in between
# (:ref:`sphx_glr_auto_examples_gpu_plot_04_host_to_device_transfers.py` uses
# them). Either way, a GPU changes its clock with its temperature and load, so
# compare numbers measured in one run, on one machine.

# %%
# The other direction, in a training loop
# ---------------------------------------
#
# ``DataLoader(pin_memory=True)`` hands out batches in pinned memory; pair it
# with ``batch.to(device, non_blocking=True)``, so that the copy to the GPU
# can run while the CPU goes on with the next step. Pinning needs CUDA, so
# this too runs only on a GPU.

from torch.utils.data import DataLoader, TensorDataset

dataset = TensorDataset(torch.arange(8.0).reshape(4, 2))
for (batch,) in DataLoader(dataset, batch_size=2, pin_memory=True):
    assert batch.is_pinned()
    batch_on_gpu = batch.to("cuda", non_blocking=True)
torch.cuda.synchronize()  # before reading what the last copy wrote

print("last batch on the GPU:", batch_on_gpu.tolist())

assert batch_on_gpu.tolist() == [[4.0, 5.0], [6.0, 7.0]]

# %%
# More about reading a copy made with ``non_blocking=True``:
# :ref:`sphx_glr_auto_examples_gpu_plot_05_non_blocking_to_cpu.py`. What
# pinned memory changes for copies to the GPU:
# :ref:`sphx_glr_auto_examples_gpu_plot_04_host_to_device_transfers.py`.
