"""
Share GPU memory with CuPy
==========================

``cupy.from_dlpack(tensor)`` and ``torch.from_dlpack(cupy_array)`` share GPU
memory, without a copy. DLPack orders only the work on torch's *current*
stream at the moment of the hand-over: hand a tensor over while the stream
that wrote it is current, or make the current stream wait for it first
(:ref:`sphx_glr_auto_examples_gpu_plot_09_cupy_stream_order.py` shows both).
"""

import importlib.util
import sys

import torch

if not torch.cuda.is_available():  # the page needs CUDA: stop with one line
    sys.exit(f"This example needs a CUDA GPU, and torch {torch.__version__} sees none.")
cupy = importlib.import_module("cupy") if importlib.util.find_spec("cupy") else None

if cupy is not None:  # without CuPy, the page's checks are skipped
    tensor = torch.zeros(3, device="cuda")
    array = cupy.from_dlpack(tensor)  # the tensor's GPU memory, not a copy
    array += 1  # an in-place change through CuPy shows in the tensor
    assert tensor.tolist() == [1.0, 1.0, 1.0]

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
# One stream for both libraries, by default
# -----------------------------------------
#
# GPU work is queued on *streams*; each library queues its work on its own
# *current stream*. By default, torch's and CuPy's current streams are the
# same one, CUDA's legacy default stream (its handle is 0), so work that the
# two libraries queue there runs in the order the program queued it. The
# sections below rely on that;
# :ref:`sphx_glr_auto_examples_gpu_plot_09_cupy_stream_order.py` shows what
# changes with other streams.

if cupy is None:
    print(SKIPPED)
else:
    print("torch's current stream:", torch.cuda.current_stream().cuda_stream)
    print("CuPy's current stream: ", cupy.cuda.get_current_stream().ptr)

    assert torch.cuda.current_stream().cuda_stream == 0
    assert cupy.cuda.get_current_stream().ptr == 0

# %%
# Tensor to CuPy: ``cupy.from_dlpack``
# ------------------------------------
#
# ``cupy.from_dlpack(tensor)`` gives a CuPy array at the tensor's address. A
# write through either one is seen through the other.

if cupy is None:
    print(SKIPPED)
else:
    tensor = torch.arange(4, dtype=torch.float32, device="cuda")
    from_torch = cupy.from_dlpack(tensor)
    print(type(from_torch).__name__, from_torch.dtype, "on GPU", from_torch.device.id)
    print("same address:", from_torch.data.ptr == tensor.data_ptr())

    from_torch[0] = 100  # in place, through CuPy
    tensor.add_(1)  # in place, through torch
    print("tensor:    ", tensor.tolist())
    print("CuPy array:", from_torch.tolist())

    assert from_torch.data.ptr == tensor.data_ptr()
    assert from_torch.dtype == cupy.float32
    assert tensor.tolist() == [101.0, 2.0, 3.0, 4.0]
    assert from_torch.tolist() == [101.0, 2.0, 3.0, 4.0]

# %%
# CuPy to tensor: ``torch.from_dlpack``
# -------------------------------------
#
# The other direction works the same way: the tensor is at the CuPy array's
# address, on the GPU, with the matching dtype.

if cupy is None:
    print(SKIPPED)
else:
    array = cupy.arange(4, dtype=cupy.float32)
    from_cupy = torch.from_dlpack(array)
    print(from_cupy.device, from_cupy.dtype)
    print("same address:", from_cupy.data_ptr() == array.data.ptr)

    from_cupy.mul_(2)  # in place, through torch
    array[1] = -1  # in place, through CuPy
    print("CuPy array:", array.tolist())
    print("tensor:    ", from_cupy.tolist())

    assert from_cupy.data_ptr() == array.data.ptr
    assert from_cupy.device.type == "cuda" and from_cupy.dtype == torch.float32
    assert array.tolist() == [0.0, -1.0, 4.0, 6.0]
    assert from_cupy.tolist() == [0.0, -1.0, 4.0, 6.0]

# %%
# .. rst-class:: fold
#
# The CUDA array interface
# ------------------------
#
# ``__cuda_array_interface__`` is a dictionary that describes GPU memory: its
# address, shape, strides and type. ``torch.as_tensor(cupy_array,
# device="cuda")`` reads it and shares the memory; ``torch.tensor`` always
# copies.

if cupy is None:
    print(SKIPPED)
else:
    array = cupy.arange(4, dtype=cupy.float32)
    shared = torch.as_tensor(array, device="cuda")
    copied = torch.tensor(array, device="cuda")
    print("as_tensor, same address:", shared.data_ptr() == array.data.ptr)
    print("tensor, same address:   ", copied.data_ptr() == array.data.ptr)

    array[2] = 7  # in place, through CuPy
    print("as_tensor:", shared.tolist())
    print("tensor:   ", copied.tolist())

    assert shared.data_ptr() == array.data.ptr
    assert copied.data_ptr() != array.data.ptr
    assert shared.tolist() == [0.0, 1.0, 7.0, 3.0]
    assert copied.tolist() == [0.0, 1.0, 2.0, 3.0]

# %%
# Pass ``device="cuda"``. Without it, older torch releases, 2.3 among them,
# make a CPU copy; pull request pytorch/pytorch#132595 (August 2024) made the
# result stay on the GPU, sharing the memory. The cell prints which one the
# installed torch does.

TORCH = tuple(int(part) for part in torch.__version__.split("+")[0].split(".")[:2])

if cupy is None:
    print(SKIPPED)
else:
    implicit = torch.as_tensor(array)
    shares = implicit.data_ptr() == array.data.ptr
    print(f"as_tensor without device=: on {implicit.device}, shares memory: {shares}")

    if implicit.device.type == "cuda":
        assert shares
    else:
        assert not shares and implicit.tolist() == [0.0, 1.0, 7.0, 3.0]
    if TORCH < (2, 4):
        assert implicit.device.type == "cpu"

# %%
# A CUDA tensor has the same attribute, so ``cupy.asarray(tensor)`` shares the
# tensor's memory too.

if cupy is None:
    print(SKIPPED)
else:
    tensor = torch.zeros(4, device="cuda")
    view = cupy.asarray(tensor)
    view += 5  # in place, through CuPy
    print("tensor after view += 5:", tensor.tolist())

    assert view.data.ptr == tensor.data_ptr()
    assert tensor.tolist() == [5.0, 5.0, 5.0, 5.0]

# %%
# DLPack on the CPU, with NumPy:
# :ref:`sphx_glr_auto_examples_edge_cases_plot_08_dlpack.py`. Which GPU work
# ``.item()`` waits for:
# :ref:`sphx_glr_auto_examples_gpu_plot_03_item_on_cuda.py`. The same
# sharing with JAX:
# :ref:`sphx_glr_auto_examples_gpu_plot_07_jax_arrays.py`.
