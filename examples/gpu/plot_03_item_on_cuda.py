"""
Read one number from a CUDA tensor
==================================

``t.item()`` works directly on a one-element CUDA tensor: it copies the one
number to the CPU and returns a Python number, no ``.cpu()`` needed. It makes
the CPU wait for the GPU work queued on the current stream, so call it when
you need the number, not in every step.
"""

import sys

import torch

if not torch.cuda.is_available():  # the page needs CUDA: stop with one line
    sys.exit(f"This example needs a CUDA GPU, and torch {torch.__version__} sees none.")

gpu_value = torch.tensor(2.5, device="cuda")
value = gpu_value.item()  # copies one number to the CPU, then returns it
assert type(value) is float and value == 2.5

# %%
# ``.item()`` on a CUDA tensor
# ----------------------------
#
# A common belief is that a GPU tensor must be moved with ``.cpu()`` before
# ``.item()``. It does not: ``.item()`` copies the one value to the host itself
# and returns a plain Python number, the same one that ``.cpu().item()`` gives.

print(gpu_value)
print(type(value).__name__, value)

assert type(value) is float
assert value == 2.5
assert value == gpu_value.cpu().item()

# %%
# The Python type follows the tensor's dtype: an integer tensor gives an
# ``int``, a boolean tensor a ``bool``.

count = torch.tensor(7, device="cuda").item()
flag = torch.tensor(True, device="cuda").item()
print(type(count).__name__, count)
print(type(flag).__name__, flag)

assert type(count) is int and count == 7
assert type(flag) is bool and flag is True

# %%
# ``float()`` and ``int()`` work too
# ----------------------------------
#
# The built-in conversions call ``.item()`` for you, so they also accept a
# one-element CUDA tensor.

print("float:", float(gpu_value))
print("int:  ", int(torch.tensor(7, device="cuda")))

assert float(gpu_value) == 2.5
assert int(torch.tensor(7, device="cuda")) == 7

# %%
# Streams: where GPU work waits its turn
# --------------------------------------
#
# GPU work is queued: a call such as ``a @ b`` on CUDA tensors returns as soon
# as the work is queued, usually long before the GPU has finished it. The
# queue is a *stream*. torch queues each operation on the *current stream*,
# ``torch.cuda.current_stream()``, which is the device's default stream unless
# the code selects another one with ``torch.cuda.stream(...)``. Work on one
# stream runs in the order it was queued; work on different streams may run
# at the same time, in any order.
#
# To make the waiting visible, this page needs GPU work that takes long:
# ``torch.cuda._sleep(cycles)`` queues a kernel that keeps the GPU busy for a
# given number of clock cycles. It is a private helper that torch's own tests
# use, not a public API. The page asks for two billion cycles: about a second
# on a GPU clocked at 2 GHz, longer on a slower one. A ``torch.cuda.Event``
# marks a point in a stream's queue: ``event.query()`` asks, without waiting,
# whether the GPU has got past it.
#
# The first time a process uses a kernel, CUDA loads that kernel's code onto
# the GPU (lazy loading: torch sets ``CUDA_MODULE_LOADING=LAZY`` unless the
# environment sets it), and the load can wait for the work already queued.
# The page runs each kernel it uses once beforehand, so that the waits
# measured below are the ones ``.item()`` causes.

import time

long_kernel = 2 * 10**9  # clock cycles for torch.cuda._sleep

torch.cuda._sleep(1)  # the spinning kernel, loaded
torch.zeros((), device="cuda").fill_(1.0)  # the write's kernel, loaded
torch.cuda.synchronize()

# %%
# ``.item()`` waits for the work queued on the current stream
# -----------------------------------------------------------
#
# ``.item()`` copies the value to the host on the current stream, then waits
# until that stream has done everything queued on it so far, the copy
# included. So the value it returns is the one that the queued work left.
# ``.cpu()`` does the same: it copies on the current stream and waits for it.
#
# Here the current stream gets the long kernel, then a write of 3.5 into the
# tensor, then an event. ``.item()`` must see the 3.5, although the write
# waits behind the kernel, and when it returns the event must be complete.

value = torch.tensor(2.5, device="cuda")
torch.cuda.synchronize()

start = time.perf_counter()
torch.cuda._sleep(long_kernel)
value.fill_(3.5)  # queued behind the long kernel
queued_before_item = torch.cuda.Event()
queued_before_item.record()
queue_ms = (time.perf_counter() - start) * 1e3

start = time.perf_counter()
number = value.item()
item_ms = (time.perf_counter() - start) * 1e3
print("item():", number)
print("event queued before item() is complete:", queued_before_item.query())
print(f"queuing the kernel, the write and the event took {queue_ms:.2f} ms (measured)")
print(f"item() returned after {item_ms:.0f} ms (measured)")

assert number == 3.5
assert queued_before_item.query()
# The wait is in .item(), not in queuing the work.
assert queue_ms < item_ms

# %%
# .. rst-class:: fold
#
# Work on torch's other streams is not waited for
# -----------------------------------------------
#
# ``.item()`` does not wait for "all the GPU work". Below, a second stream
# (``side``, from ``torch.cuda.Stream()``) gets the long kernel, then a write
# of 4.5 into ``result``, then an event; the current stream gets nothing new.
# ``.item()`` on a tensor of the current stream then returns without waiting
# for ``side``.
#
# CUDA does not promise how long the kernel on ``side`` runs, so the page does
# not assert what the event says at that moment. It prints what this run saw.

side = torch.cuda.Stream()
result = torch.zeros((), device="cuda")
torch.cuda.synchronize()

with torch.cuda.stream(side):
    torch.cuda._sleep(long_kernel)
    result.fill_(4.5)  # on side, behind its long kernel
    side_done = torch.cuda.Event()
    side_done.record()  # records on side, the current stream inside this block

start = time.perf_counter()
number = value.item()
item_ms = (time.perf_counter() - start) * 1e3
print(f"item() on the current stream: {number}, after {item_ms:.1f} ms (measured)")
print("side's work was complete when item() returned (this run):", side_done.query())

assert number == 3.5

# %%
# This holds for streams from ``torch.cuda.Stream()``, which torch creates
# *non-blocking*. Streams made outside torch can behave differently: torch's
# default stream is CUDA's legacy default stream, and work queued there also
# waits for the work queued before it on every *blocking* stream of the same
# device (CuPy's ``cupy.cuda.Stream()`` is one by default). So while the
# default stream is the current one, ``.item()`` and ``.cpu()`` wait for its
# work and for earlier work on blocking streams, but not for work on
# non-blocking streams such as ``side``.
#
# To read a value that another stream computes, make the current stream wait
# for that stream first: ``torch.cuda.current_stream().wait_stream(side)``
# queues the wait on the GPU, without blocking the CPU (the call returns long
# before ``side`` is done, and the wait moves into the ``.item()`` that
# follows). ``.item()`` then waits for the current stream, which now includes
# ``side``'s work, so it returns the 4.5.

start = time.perf_counter()
torch.cuda.current_stream().wait_stream(side)
wait_ms = (time.perf_counter() - start) * 1e3
start = time.perf_counter()
number = result.item()
item_ms = (time.perf_counter() - start) * 1e3
print(f"wait_stream(side) returned after {wait_ms:.2f} ms (measured)")
print(f"result.item() then returned {number} after {item_ms:.0f} ms (measured)")

assert number == 4.5
assert side_done.query()
# The wait is in .item(), not in wait_stream().
assert wait_ms < item_ms

# %%
# In a training loop, a ``.item()`` in every step (for example to print the
# loss) makes the CPU wait at that point in every step until the current
# stream has caught up.

# %%
# .. rst-class:: fold
#
# Make the synchronisation visible
# --------------------------------
#
# ``torch.cuda.set_sync_debug_mode("warn")`` makes torch warn when an
# operation synchronises with the GPU, which helps to find hidden waits in a
# program. It sees many synchronising operations, not all, as the warning it
# gives when it is switched on says. ``.item()`` is one that it sees. (torch
# gives that first warning once per process; ``torch.set_warn_always(True)``
# makes it warn every time, so that the page can show it.) The mode is reset
# to ``"default"`` (no warnings) afterwards.

import warnings

torch.set_warn_always(True)  # report warn-once warnings every time they happen
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    torch.cuda.set_sync_debug_mode("warn")
    try:
        value = gpu_value.item()
    finally:
        torch.cuda.set_sync_debug_mode("default")
torch.set_warn_always(False)

for warning in caught:
    print(f"{warning.category.__name__}: {warning.message}")

assert any(
    "prototype feature and does not yet detect all" in str(warning.message)
    for warning in caught
)
assert any(
    issubclass(warning.category, UserWarning)
    and "called a synchronizing CUDA operation" in str(warning.message)
    for warning in caught
)
assert value == 2.5
assert torch.cuda.get_sync_debug_mode() == 0

# %%
# With ``"error"`` instead of ``"warn"``, the same call raises, so that a
# synchronisation cannot go unnoticed.

torch.cuda.set_sync_debug_mode("error")
try:
    gpu_value.item()
except RuntimeError as error:
    print(f"{type(error).__name__}: {error}")
    assert "called a synchronizing CUDA operation" in str(error)
else:
    raise AssertionError("gpu_value.item() should raise in sync debug mode 'error'")
finally:
    torch.cuda.set_sync_debug_mode("default")

assert torch.cuda.get_sync_debug_mode() == 0

# %%
# More about ``.item()`` on the CPU:
# :ref:`sphx_glr_auto_examples_tensor_to_python_plot_01_item.py`, and for
# tensors that require grad,
# :ref:`sphx_glr_auto_examples_tensor_to_python_plot_03_scalars_that_require_grad.py`.
