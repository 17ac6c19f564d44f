"""
Measure copies from the CPU to the GPU
======================================

Pin the CPU tensor (``t.pin_memory()``, itself a copy) and copy it with
``.to("cuda", non_blocking=True)``: the call can return before the copy ends,
so leave the source alone until the copy is done. Whether pinned memory makes
the copy faster, and by how much, depends on the machine: this page measures
it.
"""

import sys

import torch

if not torch.cuda.is_available():  # the page needs CUDA: stop with one line
    sys.exit(f"This example needs a CUDA GPU, and torch {torch.__version__} sees none.")

host = torch.rand(2**20)  # 4 MiB in ordinary (pageable) CPU memory
pinned = host.pin_memory()  # a copy in pinned (page-locked) memory
on_gpu = pinned.to("cuda", non_blocking=True)  # can return before the copy ends
torch.cuda.synchronize()  # so wait for it before changing `pinned`
assert pinned.is_pinned() and torch.equal(on_gpu.cpu(), host)

# %%
# Pageable and pinned memory
# --------------------------
#
# An ordinary CPU tensor lives in *pageable* memory, which the operating
# system may move. The GPU can only copy from memory that stays in place, so
# a copy from pageable memory first goes through a pinned buffer inside the
# CUDA driver. ``tensor.pin_memory()`` returns a copy of the tensor in pinned
# memory, from which the GPU can copy directly. Pinning is itself a copy, on
# the CPU, into newly allocated pinned memory; the page times it too.

import time

torch.manual_seed(0)
pageable = torch.rand(16 * 2**20)  # 16 Mi float32 numbers: 64 MiB
start = time.perf_counter()
pinned = pageable.pin_memory()
pin_ms = (time.perf_counter() - start) * 1e3
nbytes = pageable.numel() * pageable.element_size()

print(f"size: {nbytes // 2**20} MiB; pin_memory() took {pin_ms:.1f} ms (measured)")
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
# .. rst-class:: fold
#
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
# and returns. From pageable memory, CUDA's documentation says that such a
# copy "might be synchronous": the driver may wait for the stream and stage
# the data before the call returns. CUDA makes no promise about how soon the
# GPU reaches the marker either, so both cases are printed, not asserted:
# they are what this run saw.

for memory, source in (("pinned", pinned), ("pageable", pageable)):
    returned_early = not marker_done_when_call_returns(source, non_blocking=True)
    print(f"{memory}, non_blocking=True, returned before the copy ran:", returned_early)

# %%
# Time the copies
# ---------------
#
# ``torch.cuda.Event(enable_timing=True)`` records a point in the GPU's queue;
# ``start.elapsed_time(end)`` is the GPU time between two such points, in
# milliseconds. Around ``source.to("cuda", non_blocking=...)`` it runs from
# just before the call to the end of the copy on the GPU: the copy, and, for
# a call that waits, the CPU's own work in the call too (allocation, and the
# driver's staging from pageable memory). ``time.perf_counter`` measures, next
# to it, how long the CPU was held up by the call. Each case runs 20 times
# after one untimed run, and keeps the run with the shortest copy time, the
# one least disturbed by anything else on the machine. (The general tool for
# timing GPU code, ``torch.utils.benchmark.Timer``, is on
# :ref:`sphx_glr_auto_examples_gpu_plot_08_gpu_to_cpu_fast.py`.)


def time_copy(source, non_blocking, repeat=20):
    start = torch.cuda.Event(enable_timing=True)
    end = torch.cuda.Event(enable_timing=True)
    source.to("cuda", non_blocking=non_blocking)  # untimed: first-use setup
    best_copy_ms, best_host_ms, result = float("inf"), float("inf"), None
    for _ in range(repeat):
        result = None  # frees the last copy, so that its GPU memory is reused
        torch.cuda.synchronize()
        start.record()
        host_start = time.perf_counter()
        result = source.to("cuda", non_blocking=non_blocking)
        host_ms = (time.perf_counter() - host_start) * 1e3
        end.record()
        end.synchronize()
        if start.elapsed_time(end) < best_copy_ms:
            best_copy_ms, best_host_ms = start.elapsed_time(end), host_ms
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
# Measured on the GPU that built this page. *copy* is the event time above,
# from the call to the end of the copy on the GPU, *GB/s* is the size divided
# by that time (10\ :sup:`9` bytes per second), and
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
#   documentation of ``Tensor.cuda`` says that the argument has no effect. It
#   has some: torch then skips its own wait for the stream, and converts a
#   dtype on the GPU instead of the CPU (see
#   :ref:`sphx_glr_auto_examples_gpu_plot_02_numpy_to_cuda.py`), though the
#   driver may still hold the call while it stages the data (the marker test
#   above shows what this run saw).
# * Pinning is a copy too. For data sent once, ``pin_memory()`` can cost more
#   than it saves (compare its time at the top with the rows). It pays off
#   when one pinned buffer serves many copies, or when the pinning overlaps
#   other work: ``DataLoader(pin_memory=True)`` with worker processes pins each
#   batch in a background thread.

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
# Every move of a NumPy array to the GPU is such a copy:
# :ref:`sphx_glr_auto_examples_gpu_plot_02_numpy_to_cuda.py`. The other
# direction, with ``non_blocking=True``:
# :ref:`sphx_glr_auto_examples_gpu_plot_05_non_blocking_to_cpu.py`. What the
# conversions on the CPU cost:
# :ref:`sphx_glr_auto_examples_cost_plot_01_conversion_cost.py`.
