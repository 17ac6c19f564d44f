"""
Order GPU work between torch and CuPy
=====================================

Hand a tensor to CuPy while the stream that wrote it is torch's current stream,
or first make the current stream wait for it with ``wait_stream``: DLPack
orders only the work on torch's current stream at the hand-over. The CUDA array
interface (``cupy.asarray``, ``torch.as_tensor``) orders nothing in torch:
there, make torch's stream wait for CuPy's yourself.
"""

import importlib.util
import sys

import torch

if not torch.cuda.is_available():  # the page needs CUDA: stop with one line
    sys.exit(f"This example needs a CUDA GPU, and torch {torch.__version__} sees none.")
cupy = importlib.import_module("cupy") if importlib.util.find_spec("cupy") else None

if cupy is not None:  # without CuPy, the page's checks are skipped
    side = torch.cuda.Stream()
    with torch.cuda.stream(side):
        written = torch.full((4,), 7.0, device="cuda")  # queued on side
    torch.cuda.current_stream().wait_stream(side)  # order side's work first
    assert float(cupy.from_dlpack(written).sum()) == 28.0  # then hand it over

# %%
# Check for CuPy
# --------------
#
# CuPy is not a dependency of this site. If it is missing, the page says so
# here, and every cell below prints one line saying that it was skipped. The
# output shows whether the build that made this page had CuPy.

if cupy is None:
    print("CuPy is not installed here: the CuPy checks on this page are skipped.")
else:
    print("CuPy", cupy.__version__)

SKIPPED = "Skipped: CuPy is not installed."

# %%
# .. rst-class:: fold
#
# A kernel that takes long
# ------------------------
#
# To see how the two ways treat streams, the next cells queue work behind a
# kernel that keeps the GPU busy for about a second: ``torch.cuda._sleep``, a
# private helper from torch's own tests, spinning for two billion clock cycles.
#
# ``sum_seen_by_cupy`` is the experiment of the next section: torch writes 7
# into every element on a stream of its own, ``side``, behind the long kernel,
# hands the tensor to CuPy, and CuPy sums it at once, on its own current
# stream. ``export`` says when the tensor is handed over. The first use of a
# kernel loads it (CUDA's lazy loading), and a first read may allocate
# memory; either can make the CPU wait for the GPU and hide what the next
# section shows. So this cell runs the experiment once with a short kernel,
# and torch's sum and ``.item()`` once, which a later cell reads with.

if cupy is None:
    print(SKIPPED)
else:
    long_kernel = 2 * 10**9  # clock cycles for torch.cuda._sleep
    side = torch.cuda.Stream()

    def sum_seen_by_cupy(export, cycles=long_kernel):
        produced = torch.zeros(2**20, device="cuda")
        torch.cuda.synchronize()
        with torch.cuda.stream(side):
            torch.cuda._sleep(cycles)
            produced.fill_(7)  # queued on side, behind the long kernel
            if export == "inside the block":  # torch's current stream: side
                consumed = cupy.from_dlpack(produced)
        if export == "after wait_stream(side)":
            torch.cuda.current_stream().wait_stream(side)
        if export != "inside the block":  # torch's current stream: the default
            consumed = cupy.from_dlpack(produced)
        total = float(consumed.sum())  # queued on CuPy's stream, then read
        torch.cuda.synchronize()
        return total

    sum_seen_by_cupy("inside the block", cycles=1)
    print("warm-up sum:", torch.ones(2, device="cuda").sum().item())

# %%
# DLPack orders the work on torch's current stream
# ------------------------------------------------
#
# In DLPack, the library that receives the data (the *consumer*, here CuPy)
# passes its current stream to the one that gives it (the *producer*, here
# torch). torch makes that stream wait for the work queued so far on torch's
# *current* stream, at the moment of the hand-over, and for nothing else.
#
# The experiment runs three times. After the ``with torch.cuda.stream(side)``
# block, torch's current stream is the default stream again, so handing the
# tensor over there orders nothing: CuPy's sum can run before the write. Inside
# the block, ``side`` is current, and CuPy's sum waits for the write. After
# ``torch.cuda.current_stream().wait_stream(side)``, the default stream
# includes ``side``'s work, so it waits too.
#
# The first result is a control, not a promise: CUDA does not say when
# ``side``'s work runs, so it is printed, not asserted. Where it is less than
# the full sum, this run shows that only the wait that DLPack adds brought the
# sevens to CuPy in time; where it is not, this run shows nothing about the
# order.
# The other two are asserted.

if cupy is None:
    print(SKIPPED)
else:
    full = 7 * 2**20
    seen = {}
    for export in ("after the block", "inside the block", "after wait_stream(side)"):
        seen[export] = sum_seen_by_cupy(export)
        print(f"handed over {export}: CuPy's sum is {seen[export]:.0f} of {full}")
    print(
        "the control saw less than the full sum (this run):",
        seen["after the block"] < full,
    )

    assert seen["inside the block"] == full
    assert seen["after wait_stream(side)"] == full

# %%
# The CUDA array interface leaves the streams to you
# --------------------------------------------------
#
# Version 3 of the CUDA array interface adds a ``stream`` entry: the stream on
# which the producer last worked on the memory, for the consumer to wait for.
# CuPy fills it in. torch does not read it (its reader of the interface,
# ``tensor_from_cuda_array_interface``, takes the address, shape, strides and
# type, nothing else), and torch's own ``__cuda_array_interface__`` is
# version 2, without a stream.
#
# So when CuPy writes on a stream of its own, make torch's stream wait for it
# yourself. ``torch.cuda.ExternalStream`` wraps CuPy's stream for torch, and
# ``wait_stream`` queues the wait on torch's current stream.

if cupy is None:
    print(SKIPPED)
else:
    cupy_stream = cupy.cuda.Stream(non_blocking=True)
    cupy_stream_for_torch = torch.cuda.ExternalStream(cupy_stream.ptr)
    with cupy_stream:
        filled = cupy.zeros(2**20, dtype=cupy.float32)
        with torch.cuda.stream(cupy_stream_for_torch):
            torch.cuda._sleep(long_kernel)  # holds CuPy's stream busy
        filled.fill(5)  # queued on CuPy's stream, behind the long kernel
        interface = filled.__cuda_array_interface__

    as_torch = torch.as_tensor(filled, device="cuda")
    print("CuPy's interface: version", interface["version"], end="")
    if interface["version"] >= 3:
        print(", stream is CuPy's:", interface["stream"] == cupy_stream.ptr)
        assert interface["stream"] == cupy_stream.ptr
    else:
        print()
    print("torch's interface: version", as_torch.__cuda_array_interface__["version"])

    too_early = as_torch.sum().item()  # nothing made torch wait for CuPy's stream
    print("sum read before waiting (this run, not promised):", too_early)

    torch.cuda.current_stream().wait_stream(cupy_stream_for_torch)
    total = as_torch.sum().item()
    print("sum read after wait_stream:", total)

    assert as_torch.data_ptr() == filled.data.ptr
    assert as_torch.__cuda_array_interface__["version"] == 2
    assert "stream" not in as_torch.__cuda_array_interface__
    assert total == 5 * 2**20

# %%
# Sharing memory with CuPy, and the default stream that both libraries use:
# :ref:`sphx_glr_auto_examples_gpu_plot_06_cupy_arrays.py`. Which GPU work
# ``.item()`` waits for:
# :ref:`sphx_glr_auto_examples_gpu_plot_03_item_on_cuda.py`.
