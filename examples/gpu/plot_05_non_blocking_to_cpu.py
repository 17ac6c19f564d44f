"""
Copy a CUDA tensor to NumPy without blocking, safely
====================================================

``t.to("cpu", non_blocking=True)`` and ``buffer.copy_(t, non_blocking=True)``
return before the GPU has written the CPU memory: wait for the copy (an
event, or ``torch.cuda.synchronize()``) before you read it or a NumPy array
on it. Reading earlier can give incomplete data, and nothing warns you.
"""

import sys

import torch

if not torch.cuda.is_available():  # the page needs CUDA: stop with one line
    sys.exit(f"This example needs a CUDA GPU, and torch {torch.__version__} sees none.")

on_gpu = torch.arange(4, device="cuda")
pinned = torch.empty(4, dtype=on_gpu.dtype, pin_memory=True)  # CPU, page-locked
pinned.copy_(on_gpu, non_blocking=True)  # returns before the copy is done
torch.cuda.synchronize()  # wait for the copy, then read
assert pinned.numpy().tolist() == [0, 1, 2, 3]  # .numpy() shares `pinned`

# %%
# The data, and a long kernel
# ---------------------------
#
# The source is 16 Mi int32 numbers (64 MiB) on the GPU, 0, 1, 2, ... The
# copies below are queued on the current CUDA stream behind a kernel that
# keeps the GPU busy for about a second: ``torch.cuda._sleep``, a private
# helper from torch's own tests, spinning for two billion clock cycles. That
# gives a read that comes too early a real chance to be seen.

import numpy as np

source = torch.arange(2**24, dtype=torch.int32, device="cuda")
expected = np.arange(2**24, dtype=np.int32)
long_kernel = 2 * 10**9  # clock cycles for torch.cuda._sleep

# %%
# Allocating pinned memory can itself wait for the GPU (CUDA serialises its
# streams around a page-locked allocation). A first copy of the same size,
# made, freed and finished here, leaves torch's cache of pinned memory a block
# to reuse, so that the call below only queues its copy. It copies a tensor
# full of -1, not the source.

warm_up = torch.full_like(source, -1).to("cpu", non_blocking=True)
reusable_block = warm_up.data_ptr()
del warm_up  # torch keeps the pinned block in its cache
torch.cuda.synchronize()

# %%
# ``non_blocking=True`` returns before the data is there
# ------------------------------------------------------
#
# torch puts the result of ``.to("cpu", non_blocking=True)`` in pinned memory,
# the only host memory that the GPU can write to while the CPU goes on: here
# the block that the first copy left. The call returns a CPU tensor whose
# memory the GPU has not written yet.

torch.cuda._sleep(long_kernel)
host = source.to("cpu", non_blocking=True)
too_early = host.numpy().copy()  # read before any synchronize: not safe

print("host:", host.device, host.dtype, "pinned:", host.is_pinned())
print("in the block that the first copy left:", host.data_ptr() == reusable_block)

assert host.device.type == "cpu"
assert host.is_pinned()
assert host.data_ptr() == reusable_block

# %%
# What did the early read see? Nothing is promised: the copy may not have
# started, may be half done, or may be done. So the page does not assert it;
# it prints what this run saw.

matching = np.count_nonzero(too_early == expected)
print(
    f"read before synchronizing (this run): {matching} of {expected.size} "
    "elements held their final value"
)

# %%
# Wait, then read
# ---------------
#
# An event recorded on the stream after the copy marks the point where the
# copy is done. ``event.synchronize()`` makes the CPU wait for that point
# only; ``torch.cuda.synchronize()`` waits for all the work on the current
# device. After either, the data is complete, and ``.numpy()`` shares the host
# tensor's memory, as it does for an ordinary CPU tensor.

copied = torch.cuda.Event()
copied.record()  # on the current stream, behind the copy
copied.synchronize()

array = host.numpy()
print("after the event:", array[:4], "...", array[-1])

assert np.array_equal(array, expected)
assert np.shares_memory(array, host.numpy())

# %%
# The safe pattern, with a buffer you keep
# ----------------------------------------
#
# In a loop that brings results back again and again, allocate the pinned
# buffer once (``pin_memory=True``), take its NumPy array once, and refill it
# with ``buffer.copy_(source, non_blocking=True)``. Between the copy and the
# read the CPU is free for other work; record an event after the copy and
# synchronize on it before reading the array.

buffer = torch.empty(source.shape, dtype=source.dtype, pin_memory=True)
array = buffer.numpy()  # shares the buffer's memory

for step in range(3):
    source.add_(1)  # the GPU's next result
    buffer.copy_(source, non_blocking=True)
    copied = torch.cuda.Event()
    copied.record()
    # ... the CPU can do other work here ...
    copied.synchronize()
    assert np.array_equal(array, expected + step + 1)

print("buffer pinned:", buffer.is_pinned(), "| last read:", array[:4], "...")

assert buffer.is_pinned()
assert np.shares_memory(array, buffer.numpy())

# %%
# ``torch.cuda.synchronize()`` works too, and is simpler, but it waits for all
# the work on the device, on every stream.

source.add_(1)
buffer.copy_(source, non_blocking=True)
torch.cuda.synchronize()

assert np.array_equal(array, expected + 4)

# %%
# The plain ``t.cpu().numpy()`` waits for its copy and needs none of this, as
# long as ``t`` was computed on the current stream:
# :ref:`sphx_glr_auto_examples_gpu_plot_01_cuda_tensor_to_numpy.py` (and, for
# which GPU work such a copy waits for,
# :ref:`sphx_glr_auto_examples_gpu_plot_03_item_on_cuda.py`). How fast
# each way is: :ref:`sphx_glr_auto_examples_gpu_plot_08_gpu_to_cpu_fast.py`.
# The other direction, and what pinned memory changes there:
# :ref:`sphx_glr_auto_examples_gpu_plot_04_host_to_device_transfers.py`.
