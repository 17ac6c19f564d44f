"""
Share GPU memory with JAX
=========================

``jax.dlpack.from_dlpack(tensor)`` and ``torch.from_dlpack(jax_array)`` share
GPU memory, without a copy. Change nothing in place: JAX arrays are
immutable. DLPack orders only the work on torch's *current* stream at the
moment of the hand-over, so hand a tensor over while the stream that wrote it
is current.
"""

import importlib.util
import os
import sys

import torch

if not torch.cuda.is_available():  # the page needs CUDA: stop with one line
    sys.exit(f"This example needs a CUDA GPU, and torch {torch.__version__} sees none.")
os.environ.setdefault("XLA_PYTHON_CLIENT_PREALLOCATE", "false")  # see below
jax_gpu = None
if importlib.util.find_spec("jax") is not None:
    import jax.dlpack

    jax_gpu = next((d for d in jax.devices() if d.platform == "gpu"), None)

if jax_gpu is not None:  # without JAX on the GPU, the page's checks are skipped
    tensor = torch.arange(3.0, device="cuda")
    from_torch = jax.dlpack.from_dlpack(tensor)  # the tensor's memory, no copy
    assert from_torch.unsafe_buffer_pointer() == tensor.data_ptr()

# %%
# Check for JAX on the GPU
# ------------------------
#
# JAX is not a dependency of this site, and a JAX installed without its CUDA
# support sees no GPU. In either case the page says so here, and every cell
# below prints one line saying that it was skipped. The output shows whether
# the build that made this page had JAX on the GPU.
#
# By default JAX preallocates a large part of the GPU's memory when it runs
# its first operation (75%, says the "GPU memory allocation" page of JAX's
# current documentation). The environment
# variable ``XLA_PYTHON_CLIENT_PREALLOCATE=false``, set before that, makes it
# allocate as it goes, so that torch's tensors still fit. The first lines of
# the script set it.

if importlib.util.find_spec("jax") is None:
    print("JAX is not installed here: the JAX checks on this page are skipped.")
elif jax_gpu is None:
    print("JAX sees no GPU here: the JAX checks on this page are skipped.")
else:
    import jax.numpy as jnp

    print("JAX", jax.__version__, "on", jax_gpu)

SKIPPED = "Skipped: JAX on the GPU is not available."

# %%
# Tensor to JAX: ``jax.dlpack.from_dlpack``
# -----------------------------------------
#
# ``jax.dlpack.from_dlpack(tensor)`` gives a JAX array at the tensor's
# address, on the GPU. ``unsafe_buffer_pointer()`` is the address of a JAX
# array's memory.

import numpy as np

if jax_gpu is None:
    print(SKIPPED)
else:
    tensor = torch.arange(4, dtype=torch.float32, device="cuda")
    from_torch = jax.dlpack.from_dlpack(tensor)
    print(type(from_torch).__name__, from_torch.dtype, from_torch.devices())
    print("same address:", from_torch.unsafe_buffer_pointer() == tensor.data_ptr())

    assert from_torch.unsafe_buffer_pointer() == tensor.data_ptr()
    assert from_torch.devices() == {jax_gpu}
    assert from_torch.dtype == jnp.float32
    assert np.asarray(from_torch).tolist() == [0.0, 1.0, 2.0, 3.0]

# %%
# JAX to tensor: ``torch.from_dlpack``
# ------------------------------------
#
# The other direction gives a CUDA tensor at the JAX array's address.

if jax_gpu is None:
    print(SKIPPED)
else:
    jax_array = jax.device_put(jnp.arange(4, dtype=jnp.float32), jax_gpu) * 2
    from_jax = torch.from_dlpack(jax_array)
    print(from_jax.device, from_jax.dtype, from_jax.tolist())
    print("same address:", from_jax.data_ptr() == jax_array.unsafe_buffer_pointer())

    assert from_jax.data_ptr() == jax_array.unsafe_buffer_pointer()
    assert from_jax.device.type == "cuda" and from_jax.dtype == torch.float32
    assert from_jax.tolist() == [0.0, 2.0, 4.0, 6.0]

# %%
# No writes in place
# ------------------
#
# On the CPU, and with CuPy, this site shows sharing with a write through one
# object that the other one sees. Not here: a JAX array never changes, and JAX
# builds on that (it may, for example, keep a copy of the values on the host
# once it has read them). The documentation of
# `jax.dlpack.from_dlpack
# <https://docs.jax.dev/en/latest/_autosummary/jax.dlpack.from_dlpack.html>`__
# says that changing a shared buffer in place may lead to undefined
# behaviour. So the addresses above are the proof of sharing, and a
# program that needs to change the data should copy it first, for example
# with ``torch.from_dlpack(jax_array).clone()``.

# %%
# .. rst-class:: fold
#
# DLPack orders the work on torch's current stream
# ------------------------------------------------
#
# GPU work is queued on *streams*, and JAX works on streams of its own. In
# DLPack, the library that receives the data (the *consumer*, here JAX)
# passes a stream of its own to the one that gives it (the *producer*, here
# torch), and torch makes that stream wait for the work queued so far on
# torch's *current* stream, at the moment of the hand-over, and for nothing
# else.
#
# ``sum_seen_by_jax`` is the experiment: on a stream of its own, ``side``,
# torch queues a kernel that keeps the GPU busy for about a second
# (``torch.cuda._sleep``, a private helper from torch's own tests, spinning
# for two billion clock cycles) and then a write of 7 into every element; JAX
# sums the elements at once. ``export`` says when the tensor is handed over.
# The first use of a kernel loads it, and JAX compiles its sum the first time;
# either can make the CPU wait and hide what the experiment shows, so the
# cell runs it once with a short kernel first.
#
# The experiment then runs three times. After the ``with
# torch.cuda.stream(side)`` block, torch's current stream is the default
# stream again, so handing the tensor over there orders nothing: JAX's sum can
# run before the write. Inside the block, and after
# ``torch.cuda.current_stream().wait_stream(side)``, JAX's sum waits for the
# write. The first result is a control, not a promise: CUDA does not say when
# ``side``'s work runs, so it is printed, not asserted. Where it is less than
# the full sum, this run shows that only the wait that DLPack adds brought the
# sevens to JAX in time; where it is not, this run shows nothing about the
# order.
# The other two are asserted.

if jax_gpu is None:
    print(SKIPPED)
else:
    side = torch.cuda.Stream()

    def sum_seen_by_jax(export, cycles=2 * 10**9):
        produced = torch.zeros(2**20, device="cuda")
        torch.cuda.synchronize()
        with torch.cuda.stream(side):
            torch.cuda._sleep(cycles)
            produced.fill_(7)  # queued on side, behind the long kernel
            if export == "inside the block":  # torch's current stream: side
                consumed = jax.dlpack.from_dlpack(produced)
        if export == "after wait_stream(side)":
            torch.cuda.current_stream().wait_stream(side)
        if export != "inside the block":  # torch's current stream: the default
            consumed = jax.dlpack.from_dlpack(produced)
        total = float(jnp.sum(consumed))  # queued on JAX's stream, then read
        torch.cuda.synchronize()
        return total

    sum_seen_by_jax("inside the block", cycles=1)  # loads and compiles, untimed
    full = 7 * 2**20
    seen = {}
    for export in ("after the block", "inside the block", "after wait_stream(side)"):
        seen[export] = sum_seen_by_jax(export)
        print(f"handed over {export}: JAX's sum is {seen[export]:.0f} of {full}")
    print(
        "the control saw less than the full sum (this run):",
        seen["after the block"] < full,
    )

    assert seen["inside the block"] == full
    assert seen["after wait_stream(side)"] == full

# %%
# So a tensor can go to JAX without a ``torch.cuda.synchronize()`` when it is
# handed over while the stream that wrote it is torch's current stream;
# otherwise make the current stream wait for that stream first. The same
# sharing with CuPy, where in-place writes are allowed:
# :ref:`sphx_glr_auto_examples_gpu_plot_06_cupy_arrays.py`. DLPack on the
# CPU: :ref:`sphx_glr_auto_examples_edge_cases_plot_08_dlpack.py`.
