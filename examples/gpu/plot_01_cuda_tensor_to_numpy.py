"""
Bring a CUDA tensor back to NumPy
=================================

Call ``t.cpu().numpy()``: ``.cpu()`` copies the tensor into CPU memory, and
``.numpy()`` shares that copy, never the GPU tensor's memory. ``t.numpy()``
alone raises ``TypeError`` on a CUDA tensor.
"""

import sys

import torch

if not torch.cuda.is_available():  # the page needs CUDA: stop with one line
    sys.exit(f"This example needs a CUDA GPU, and torch {torch.__version__} sees none.")

gpu_tensor = torch.tensor([1.0, 2.0, 3.0], device="cuda")
array = gpu_tensor.cpu().numpy()  # a copy on the CPU: gpu_tensor.numpy() raises
gpu_tensor.add_(1)  # an in-place change on the GPU does not reach the array
assert array.tolist() == [1.0, 2.0, 3.0]

# %%
# ``.numpy()`` refuses a CUDA tensor
# ----------------------------------
#
# Create a small tensor directly on the GPU and ask for a NumPy array.

gpu_tensor = torch.tensor([1.0, 2.0, 3.0], device="cuda")
print(gpu_tensor)

try:
    gpu_tensor.numpy()
except TypeError as error:
    print(f"{type(error).__name__}: {error}")
    assert "Tensor.cpu()" in str(error)
else:
    raise AssertionError("gpu_tensor.numpy() should refuse a CUDA tensor")

# %%
# torch raises a ``TypeError`` (not a ``RuntimeError``), and the message says
# what to do: copy the tensor to host (CPU) memory first, with
# ``Tensor.cpu()``.

# %%
# Copy to the CPU, then convert
# -----------------------------
#
# ``.cpu()`` copies the tensor into CPU memory, and ``.numpy()`` on that CPU
# copy shares its memory, as it does for an ordinary CPU tensor.

import numpy as np

cpu_copy = gpu_tensor.cpu()
array = cpu_copy.numpy()
print(cpu_copy.device, array, array.dtype)
print(
    "array shares memory with the CPU copy:", np.shares_memory(array, cpu_copy.numpy())
)

assert cpu_copy.device.type == "cpu"
assert array.dtype == np.float32
assert array.ctypes.data == cpu_copy.data_ptr()
assert np.shares_memory(array, cpu_copy.numpy())

# %%
# The array is tied to the CPU copy, not to the GPU tensor
# --------------------------------------------------------
#
# An in-place write into the array changes the CPU copy, but the tensor on the
# GPU keeps its value: it is a separate block of memory on another device.

array[0] = 100.0
print("CPU copy:  ", cpu_copy)
print("GPU tensor:", gpu_tensor)

assert cpu_copy[0].item() == 100.0
assert gpu_tensor[0].item() == 1.0

# %%
# The same holds the other way: an in-place change of the GPU tensor does not
# reach the array.

gpu_tensor.mul_(2)
print("GPU tensor:", gpu_tensor)
print("array:     ", array)

assert gpu_tensor.tolist() == [2.0, 4.0, 6.0]
assert array.tolist() == [100.0, 2.0, 3.0]

# %%
# ``.cpu()`` on a CPU tensor copies nothing
# -----------------------------------------
#
# On a tensor that is already on the CPU, ``.cpu()`` returns the very same
# tensor object. So ``t.cpu().numpy()`` behaves differently depending on where
# ``t`` lives: for a CUDA tensor the array is an independent copy, for a CPU
# tensor the array shares memory with ``t`` itself (see
# :ref:`sphx_glr_auto_examples_tensor_to_numpy_plot_01_numpy_shares_memory.py`).

cpu_tensor = torch.tensor([1.0, 2.0, 3.0])
print("cpu_tensor.cpu() is cpu_tensor:", cpu_tensor.cpu() is cpu_tensor)

assert cpu_tensor.cpu() is cpu_tensor

shared_array = cpu_tensor.cpu().numpy()
shared_array[0] = 100.0
print("cpu_tensor after a write into the array:", cpu_tensor)

assert cpu_tensor[0].item() == 100.0

# %%
# The shortcut ``.numpy(force=True)``
# -----------------------------------
#
# ``force=True`` resolves what stands between the tensor and an array: for a
# CUDA tensor it copies to the CPU first (the documentation describes it as
# ``t.detach().cpu().resolve_conj().resolve_neg().numpy()``). The result never
# shares memory with the GPU tensor.

forced = gpu_tensor.numpy(force=True)
print(forced, forced.dtype)

assert isinstance(forced, np.ndarray)
assert forced.tolist() == [2.0, 4.0, 6.0]

forced[0] = -1.0
print("GPU tensor after a write into the array:", gpu_tensor)

assert gpu_tensor[0].item() == 2.0

# %%
# It does not change the dtype, though: a tensor of a dtype that NumPy lacks,
# such as ``bfloat16``, still raises a ``TypeError``.

try:
    gpu_tensor.bfloat16().numpy(force=True)
except TypeError as error:
    print(f"{type(error).__name__}: {error}")
    assert "BFloat16" in str(error)
else:
    raise AssertionError("a bfloat16 tensor should have no NumPy array")

# %%
# The other direction, NumPy to the GPU:
# :ref:`sphx_glr_auto_examples_gpu_plot_02_numpy_to_cuda.py`. For an
# independent copy of a CPU tensor:
# :ref:`sphx_glr_auto_examples_tensor_to_numpy_plot_02_independent_copies.py`.
