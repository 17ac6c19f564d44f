"""
Share GPU memory with JAX
=========================

A JAX array on the GPU and a CUDA tensor can share memory through DLPack,
without a copy: ``jax.dlpack.from_dlpack(tensor)`` and
``torch.from_dlpack(jax_array)``. This page asserts the sharing with data
pointers, shows that DLPack orders the GPU work of the two libraries, and
explains why it writes nothing in place: JAX arrays are immutable, and JAX's
documentation warns that changing a shared buffer in place may lead to
undefined behaviour.

Where JAX, or JAX's GPU support, is not installed, each cell prints that it
was skipped and checks nothing.
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
# Check for JAX on the GPU
# ------------------------
#
# JAX is not a dependency of this site, and a JAX installed without its CUDA
# support sees no GPU. In either case the page says so here, and every cell
# below prints one line saying that it was skipped. The output shows whether
# the build that made this page had JAX on the GPU.
#
# By default JAX reserves most of the GPU's memory when it starts. The
# environment variable ``XLA_PYTHON_CLIENT_PREALLOCATE=false``, set before JAX
# starts, makes it allocate as it goes, so that torch's tensors still fit.

import importlib.util
import os

os.environ.setdefault("XLA_PYTHON_CLIENT_PREALLOCATE", "false")

jax_gpu = None
if importlib.util.find_spec("jax") is None:
    print("JAX is not installed here: the JAX checks on this page are skipped.")
else:
    import jax
    import jax.dlpack
    import jax.numpy as jnp

    gpus = [device for device in jax.devices() if device.platform == "gpu"]
    if gpus:
        jax_gpu = gpus[0]
        print("JAX", jax.__version__, "on", jax_gpu)
    else:
        print("JAX sees no GPU here: the JAX checks on this page are skipped.")

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
# once it has read them). JAX's documentation of ``from_dlpack`` and
# ``to_dlpack`` says that changing a shared buffer in place may lead to
# undefined behaviour. So the addresses above are the proof of sharing, and a
# program that needs to change the data should copy it first, for example
# with ``torch.from_dlpack(jax_array).clone()``.

# %%
# DLPack orders the work of the two libraries
# -------------------------------------------
#
# GPU work is queued on *streams*, and JAX works on streams of its own. In
# DLPack, the library that receives the data (the *consumer*, here JAX)
# passes a stream of its own to the one that gives it (the *producer*, here
# torch), and the producer makes that stream wait for its own work. Below,
# torch queues, on a stream of its own, ``side``, a kernel that keeps the GPU
# busy for about a second (``torch.cuda._sleep``, a private helper from
# torch's own tests, spinning for two billion clock cycles) and then a write
# of 7 into every element; JAX sums the elements at once. Without that wait,
# the sum would run before the write; with it, the sum sees every 7.

if jax_gpu is None:
    print(SKIPPED)
else:
    side = torch.cuda.Stream()
    with torch.cuda.stream(side):
        produced = torch.zeros(2**20, device="cuda")
        torch.cuda._sleep(2 * 10**9)  # clock cycles
        produced.fill_(7)  # queued on side, behind the long kernel
        consumed = jax.dlpack.from_dlpack(produced)

    total = float(jnp.sum(consumed))
    print("sum seen by JAX:", total)

    assert total == 7 * 2**20

# %%
# What to remember
# ----------------
#
# * ``jax.dlpack.from_dlpack(tensor)`` and ``torch.from_dlpack(jax_array)``
#   share GPU memory: nothing is copied, and the data pointers are equal.
# * DLPack makes the consumer's stream wait for the producer's work, so a
#   tensor written on any torch stream can be handed to JAX without a
#   ``torch.cuda.synchronize()``.
# * Do not change shared memory in place on either side: JAX assumes that its
#   arrays never change. Copy first (``.clone()``) to get memory you may
#   change.
# * The same sharing with CuPy, where in-place writes are allowed:
#   :ref:`sphx_glr_auto_examples_gpu_plot_06_cupy_arrays.py`. DLPack on the
#   CPU: :ref:`sphx_glr_auto_examples_edge_cases_plot_08_dlpack.py`.
