"""
Move a NumPy array to the GPU
=============================

A NumPy array lives in CPU memory, and a CUDA tensor lives in GPU memory, so
moving an array to the GPU always copies it. This page moves one array to the
GPU in four common ways and checks, for each, that the CUDA tensor is an
independent copy: writes to the array do not reach it, and its changes do not
reach the array.
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
# Four ways to move an array to the GPU
# -------------------------------------
#
# ``torch.from_numpy(array)`` first wraps the array in a CPU tensor without a
# copy; ``.cuda()`` or ``.to("cuda")`` then copies it to the GPU.
# ``torch.tensor`` and ``torch.as_tensor`` accept ``device="cuda"`` and do
# both steps in one call.

import numpy as np

array = np.array([1.0, 2.0, 3.0], dtype=np.float32)

on_gpu = {
    "torch.from_numpy(array).cuda()": torch.from_numpy(array).cuda(),
    'torch.from_numpy(array).to("cuda")': torch.from_numpy(array).to("cuda"),
    'torch.tensor(array, device="cuda")': torch.tensor(array, device="cuda"),
    'torch.as_tensor(array, device="cuda")': torch.as_tensor(array, device="cuda"),
}
for name, tensor in on_gpu.items():
    print(f"{name:>38}: {tensor.device}, {tensor.dtype}")

for tensor in on_gpu.values():
    assert tensor.device.type == "cuda"
    assert tensor.dtype == torch.float32
    assert tensor.tolist() == [1.0, 2.0, 3.0]

# %%
# Every one of them is on the GPU, with the array's dtype (float32 stays
# float32). ``torch.as_tensor`` shares memory with a CPU array when it can, but
# here it cannot: the data must be on another device.

# %%
# A write to the array does not reach the GPU
# -------------------------------------------
#
# Change the array in place. Each GPU tensor keeps the old value, so each one
# is a copy. The copy is complete when the call returns (``non_blocking`` is
# ``False`` by default), so a later write cannot reach it.

array[0] = 100.0
print("array:", array)
for name, tensor in on_gpu.items():
    print(f"{name:>38}: {tensor.tolist()}")

for tensor in on_gpu.values():
    assert tensor[0].item() == 1.0

# %%
# A change on the GPU does not reach the array
# --------------------------------------------
#
# The other direction: an in-place change of each GPU tensor leaves the array
# as it was.

for tensor in on_gpu.values():
    tensor.add_(10)
print("array:", array)

assert array.tolist() == [100.0, 2.0, 3.0]
for tensor in on_gpu.values():
    assert tensor.tolist() == [11.0, 12.0, 13.0]

# %%
# Only the first step shares memory
# ---------------------------------
#
# In ``torch.from_numpy(array).cuda()``, the intermediate CPU tensor does share
# the array's memory; the copy happens in ``.cuda()``.

cpu_tensor = torch.from_numpy(array)
print(
    "CPU tensor shares memory with the array:",
    np.shares_memory(cpu_tensor.numpy(), array),
)

assert np.shares_memory(cpu_tensor.numpy(), array)

gpu_tensor = cpu_tensor.cuda()
cpu_tensor.mul_(2)
print("array after cpu_tensor.mul_(2):", array)
print("GPU tensor:", gpu_tensor.tolist())

assert array.tolist() == [200.0, 4.0, 6.0]
assert gpu_tensor.tolist() == [100.0, 2.0, 3.0]

# %%
# ``.cuda()`` on a tensor that is already on the GPU does not copy: it returns
# the same tensor object, as ``.cpu()`` does for a CPU tensor.

print("gpu_tensor.cuda() is gpu_tensor:", gpu_tensor.cuda() is gpu_tensor)

assert gpu_tensor.cuda() is gpu_tensor

# %%
# What to remember
# ----------------
#
# * Moving an array to the GPU always copies it, whichever of the four calls
#   you use; later writes on either side stay on their side.
# * ``torch.from_numpy`` and ``torch.as_tensor`` share memory only with a CPU
#   tensor: see :ref:`sphx_glr_auto_examples_numpy_to_tensor_plot_01_from_numpy.py`
#   and :ref:`sphx_glr_auto_examples_numpy_to_tensor_plot_03_as_tensor_and_asarray.py`.
# * The way back, GPU to NumPy:
#   :ref:`sphx_glr_auto_examples_gpu_plot_01_cuda_tensor_to_numpy.py`.
# * How fast the copy to the GPU is, and what pinned memory changes:
#   :ref:`sphx_glr_auto_examples_gpu_plot_04_host_to_device_transfers.py`.
