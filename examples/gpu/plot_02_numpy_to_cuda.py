"""
Move a NumPy array to the GPU
=============================

``torch.from_numpy(array).to("cuda")`` and ``torch.tensor(array,
device="cuda")`` copy the array into GPU memory: later writes on either side
stay on their side. A dtype change on the way costs a second copy.
"""

import sys

import numpy as np
import torch

if not torch.cuda.is_available():  # the page needs CUDA: stop with one line
    sys.exit(f"This example needs a CUDA GPU, and torch {torch.__version__} sees none.")

array = np.array([1.0, 2.0, 3.0], dtype=np.float32)
gpu_tensor = torch.from_numpy(array).to("cuda")  # a copy in GPU memory
array[0] = 100.0  # a later write to the array does not reach the GPU tensor
assert gpu_tensor.tolist() == [1.0, 2.0, 3.0]

# %%
# Four ways to move an array to the GPU
# -------------------------------------
#
# ``torch.from_numpy(array)`` first wraps the array in a CPU tensor without a
# copy; ``.cuda()`` or ``.to("cuda")`` then copies it to the GPU.
# ``torch.tensor`` and ``torch.as_tensor`` accept ``device="cuda"`` and do
# both steps in one call.

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
# ``False`` by default; the marker test in
# :ref:`sphx_glr_auto_examples_gpu_plot_04_host_to_device_transfers.py` checks
# that such a call waits for its copy), so a later write cannot reach it.

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
# A dtype change on the way: two copies
# -------------------------------------
#
# ``torch.tensor(array, dtype=torch.float32, device="cuda")`` on a float64
# array makes two copies, not one. torch first converts the array to float32
# **on the CPU**, into a new block of host memory, and only then copies that
# block to the GPU. (For a copy that blocks, as this one does, torch converts
# on the CPU so that it needs no second block of GPU memory.)
#
# The GPU's memory shows it. ``torch.cuda.max_memory_allocated()`` is the
# most GPU memory that torch's tensors held at any moment since
# ``torch.cuda.reset_peak_memory_stats()``. During the call, that peak grows
# by the float32 result alone: the float64 data never reached the GPU, so the
# conversion cannot have run there.

array64 = np.arange(2**20, dtype=np.float64)  # 8 MiB


def gpu_bytes_at_peak(convert):
    """Run convert(); return the most GPU memory it held at once, and its result."""
    torch.cuda.synchronize()
    torch.cuda.reset_peak_memory_stats()
    before = torch.cuda.memory_allocated()
    result = convert()
    torch.cuda.synchronize()
    return torch.cuda.max_memory_allocated() - before, result


peak, converted = gpu_bytes_at_peak(
    lambda: torch.tensor(array64, dtype=torch.float32, device="cuda")
)
result_bytes = converted.numel() * converted.element_size()
print(f"float64 array:         {array64.nbytes // 2**20} MiB on the CPU")
print(f"float32 result:        {result_bytes // 2**20} MiB on the GPU")
print(f"GPU memory at the peak: {peak // 2**20} MiB more than before the call")

assert converted.dtype == torch.float32 and converted.device.type == "cuda"
assert torch.equal(converted.cpu(), torch.from_numpy(array64).float())
assert peak == result_bytes

# %%
# ``Tensor.to`` with ``non_blocking=True`` takes the other route: it copies
# the float64 data to the GPU as it is, then converts it there. Its peak holds
# the float64 copy and the float32 result together. Both routes give the same
# values; they differ in where the extra copy lives.

peak_on_gpu, converted_on_gpu = gpu_bytes_at_peak(
    lambda: torch.from_numpy(array64).to("cuda", dtype=torch.float32, non_blocking=True)
)
print(f"GPU memory at the peak: {peak_on_gpu // 2**20} MiB more than before the call")

assert torch.equal(converted_on_gpu, converted)
assert peak_on_gpu == result_bytes + array64.nbytes

# %%
# On either route a dtype change costs two copies. An array that already has
# the dtype you want reaches the GPU with one, if it is contiguous like the
# arrays on this page (torch first gathers a non-contiguous one, such as
# ``array[::2]``, into a contiguous block on the CPU).

# %%
# .. rst-class:: fold
#
# ``.cuda()`` returns the same tensor only on the current device
# --------------------------------------------------------------
#
# ``.cuda()`` without an argument (like ``.to("cuda")``) means the *current*
# CUDA device, ``torch.cuda.current_device()``, not "any GPU". For a tensor
# that is already on the current device it copies nothing and returns the
# very same tensor object, as ``.cpu()`` does for a CPU tensor.

current = torch.device("cuda", torch.cuda.current_device())
print("current device:", current, "| gpu_tensor is on:", gpu_tensor.device)
print("gpu_tensor.cuda() is gpu_tensor:", gpu_tensor.cuda() is gpu_tensor)

assert gpu_tensor.device == current
assert gpu_tensor.cuda() is gpu_tensor
assert gpu_tensor.to("cuda") is gpu_tensor

# %%
# A tensor on another GPU is copied to the current one instead, and becomes
# the same object again only where its own device is the current one. Most
# machines have one GPU, and this case runs only with two: on a machine with
# one, the cell says so and checks nothing, so the output below says whether
# the machine that built this page ran it.

if torch.cuda.device_count() >= 2:
    other = 1 if current.index == 0 else 0
    on_other = gpu_tensor.to(torch.device("cuda", other))
    moved = on_other.cuda()
    print(f"{on_other.device} -> .cuda() -> {moved.device}")

    assert moved is not on_other
    assert moved.device == current
    assert moved.data_ptr() != on_other.data_ptr()
    with torch.cuda.device(other):
        assert on_other.cuda() is on_other
else:
    print(
        f"This machine has {torch.cuda.device_count()} GPU: the case of a tensor "
        "on another GPU did not run here."
    )

# %%
# ``torch.from_numpy`` and ``torch.as_tensor`` share memory only with a CPU
# tensor: see :ref:`sphx_glr_auto_examples_numpy_to_tensor_plot_01_from_numpy.py`
# and :ref:`sphx_glr_auto_examples_numpy_to_tensor_plot_03_as_tensor_and_asarray.py`.
# The way back, GPU to NumPy:
# :ref:`sphx_glr_auto_examples_gpu_plot_01_cuda_tensor_to_numpy.py`.
