"""
Measure copies from the CPU to the GPU
======================================

A copy from host (CPU) memory to the GPU skips a step when the host memory is
*pinned* (page-locked), and with pinned memory ``non_blocking=True`` lets the
CPU go on while the copy runs. This page pins a 64 MiB tensor and checks what
``pin_memory()`` returns, checks which calls wait for their copy, then times
the four combinations of pageable or pinned memory with and without
``non_blocking=True``, as a table and a chart. How much faster pinned copies
are depends on the machine: the page reads its own measurements, it does not
promise a speed-up.
"""

# %%
# Check for CUDA
# --------------
#
# This example needs an NVIDIA GPU with CUDA. Without one, the script stops
# here with a one-line message.

import sys

import torch

if not torch.cuda.is_available():
    sys.exit(f"This example needs a CUDA GPU, and torch {torch.__version__} sees none.")

# %%
# Pageable and pinned memory
# --------------------------
#
# An ordinary CPU tensor lives in *pageable* memory, which the operating
# system may move. The GPU can only copy from memory that stays in place, so
# a copy from pageable memory first goes through a pinned buffer inside the
# CUDA driver. ``tensor.pin_memory()`` returns a copy of the tensor in pinned
# memory, from which the GPU can copy directly.

torch.manual_seed(0)
pageable = torch.rand(16 * 2**20)  # 16 Mi float32 numbers: 64 MiB
pinned = pageable.pin_memory()
nbytes = pageable.numel() * pageable.element_size()

print(f"size: {nbytes // 2**20} MiB")
print("pageable.is_pinned():", pageable.is_pinned())
print("pinned.is_pinned():  ", pinned.is_pinned())
print("same memory:", pinned.data_ptr() == pageable.data_ptr())

assert nbytes == 64 * 2**20
assert not pageable.is_pinned()
assert pinned.is_pinned()
assert pinned.data_ptr() != pageable.data_ptr()
assert torch.equal(pinned, pageable)

# %%
# ``pin_memory()`` made a new tensor with the same values. On a tensor that is
# already pinned, it copies nothing and returns a tensor on the same memory.

print("pin again, same memory:", pinned.pin_memory().data_ptr() == pinned.data_ptr())

assert pinned.pin_memory().data_ptr() == pinned.data_ptr()

# %%
# Which calls wait for their copy
# -------------------------------
#
# A copy is queued on the current CUDA stream, behind the work already queued
# there. To see whether a call waits for it, queue a kernel that keeps the GPU
# busy for about a second first (``torch.cuda._sleep``, a private helper from
# torch's own tests, spinning for two billion clock cycles), then a
# ``torch.cuda.Event`` as a marker, then the copy. If the call waited
# for its copy, it also waited for everything queued before it, so the marker
# is complete when the call returns.
#
# With ``non_blocking=False`` (the default) the call waits, whatever the
# memory: torch copies and then waits for the current stream. That is
# asserted.

long_kernel = 2 * 10**9  # clock cycles for torch.cuda._sleep


def marker_done_when_call_returns(source, non_blocking):
    """Queue a long kernel, a marker and the copy; was the marker done on return?"""
    torch.cuda.synchronize()
    torch.cuda._sleep(long_kernel)
    marker = torch.cuda.Event()
    marker.record()
    copy = source.to("cuda", non_blocking=non_blocking)
    done = marker.query()
    torch.cuda.synchronize()
    assert torch.equal(copy.cpu(), source)
    return done


waited = {
    memory: marker_done_when_call_returns(source, non_blocking=False)
    for memory, source in (("pageable", pageable), ("pinned", pinned))
}
print("non_blocking=False, the call waited for its copy:", waited)

assert waited == {"pageable": True, "pinned": True}

# %%
# With ``non_blocking=True`` from pinned memory, the call only queues the copy
# and returns. CUDA makes no promise about how soon the GPU reaches the
# marker, so this is printed, not asserted: it is what this run saw.

returned_early = not marker_done_when_call_returns(pinned, non_blocking=True)
print("pinned, non_blocking=True, returned before the copy ran:", returned_early)

# %%
# Time the copies
# ---------------
#
# ``torch.cuda.Event(enable_timing=True)`` records a point in the GPU's queue;
# ``start.elapsed_time(end)`` is the GPU time between two such points, in
# milliseconds. Around ``source.to("cuda", non_blocking=...)`` this is the
# time the copy takes. ``time.perf_counter`` measures, next to it, how long the
# CPU was held up by the call. Each case runs 20 times after one untimed run,
# and keeps the fastest run, the one least disturbed by anything else on the
# machine.

import time


def time_copy(source, non_blocking, repeat=20):
    start = torch.cuda.Event(enable_timing=True)
    end = torch.cuda.Event(enable_timing=True)
    source.to("cuda", non_blocking=non_blocking)  # untimed: first-use setup
    best_copy_ms, best_host_ms = float("inf"), float("inf")
    for _ in range(repeat):
        torch.cuda.synchronize()
        start.record()
        host_start = time.perf_counter()
        result = source.to("cuda", non_blocking=non_blocking)
        host_ms = (time.perf_counter() - host_start) * 1e3
        end.record()
        end.synchronize()
        best_copy_ms = min(best_copy_ms, start.elapsed_time(end))
        best_host_ms = min(best_host_ms, host_ms)
    return result, best_copy_ms, best_host_ms


cases = {
    ("pageable", False): pageable,
    ("pageable", True): pageable,
    ("pinned", False): pinned,
    ("pinned", True): pinned,
}
results = {}
for (memory, non_blocking), source in cases.items():
    results[memory, non_blocking] = time_copy(source, non_blocking)

# %%
# Every copy arrived intact: the GPU tensors hold the same values as the
# source. (``end.synchronize()`` above waited for each copy to finish.)

copies = [result for result, _, _ in results.values()]
equal = [torch.equal(copy.cpu(), pageable) for copy in copies]
print(f"copies equal to the source: {sum(equal)} of {len(equal)}")

assert all(copy.device.type == "cuda" for copy in copies)
assert all(equal)

# %%
# The table
# ---------
#
# Measured on the GPU that built this page. *copy* is the GPU time of the copy,
# *GB/s* is the size divided by that time (10\ :sup:`9` bytes per second), and
# *CPU held* is how long the call kept the CPU waiting. The lines under the
# table compare the rows; they are computed from the same numbers.

print("Measured on the GPU that built this page:")
print(
    f"{'memory':>9} {'non_blocking':>13} {'copy (ms)':>10}"
    f" {'GB/s':>7} {'CPU held (ms)':>14}"
)
bandwidth = {}
for (memory, non_blocking), (_, copy_ms, host_ms) in results.items():
    bandwidth[memory, non_blocking] = nbytes / (copy_ms / 1e3) / 1e9
    print(
        f"{memory:>9} {non_blocking!s:>13} {copy_ms:10.2f} "
        f"{bandwidth[memory, non_blocking]:7.1f} {host_ms:14.2f}"
    )

for non_blocking in (False, True):
    ratio = bandwidth["pinned", non_blocking] / bandwidth["pageable", non_blocking]
    print(
        f"non_blocking={non_blocking}: pinned memory gave {ratio:.2f} times "
        "the bandwidth of pageable memory"
    )
_, pinned_copy_ms, pinned_host_ms = results["pinned", True]
print(
    "pinned, non_blocking=True: the CPU was held for "
    f"{pinned_host_ms / pinned_copy_ms:.1%} of the copy's GPU time"
)

# %%
# How to read it:
#
# * On most machines the pinned rows show the higher bandwidth, because the
#   driver does not need to copy the data into its own pinned buffer first.
#   The ratio under the table is this machine's; on some systems the two are
#   close, which is why the page does not assert an order.
# * ``non_blocking=True`` does not make a copy faster. From pinned memory it
#   lets the call return before the copy ends, so there the *CPU held* time is
#   normally a small part of the copy time. From pageable memory, the
#   documentation of ``Tensor.cuda`` says that the argument has no effect.

# %%
# The chart
# ---------

import matplotlib.pyplot as plt

labels = [f"{memory}\nnon_blocking={non_blocking}" for memory, non_blocking in cases]
fig, ax = plt.subplots(figsize=(7, 4))
ax.bar(labels, list(bandwidth.values()), color=["C0", "C0", "C1", "C1"])
ax.set_ylabel("GB/s")
ax.set_title("Host to GPU copy of 64 MiB, measured on the GPU that built this page")
fig.tight_layout()
plt.show()

# %%
# What to remember
# ----------------
#
# * ``tensor.pin_memory()`` returns a copy in pinned memory; check it with
#   ``tensor.is_pinned()``.
# * With ``non_blocking=False`` a copy to the GPU is done when the call
#   returns. Only from pinned memory does ``non_blocking=True`` let the CPU go
#   on during the copy; do not change the source tensor until the copy is done.
# * Whether pinned memory makes the copy itself faster, and by how much,
#   depends on the machine: measure it where your code runs.
# * Every move of a NumPy array to the GPU is such a copy:
#   :ref:`sphx_glr_auto_examples_gpu_plot_02_numpy_to_cuda.py`. The other
#   direction, with ``non_blocking=True``:
#   :ref:`sphx_glr_auto_examples_gpu_plot_05_non_blocking_to_cpu.py`. What the
#   conversions on the CPU cost:
#   :ref:`sphx_glr_auto_examples_cost_plot_01_conversion_cost.py`.
