"""
Convert between NumPy and Apple GPU (MPS) tensors
=================================================

An MPS tensor is in GPU memory, as a CUDA tensor is: ``t.cpu().numpy()``
copies it to the CPU first (``t.detach().cpu().numpy()`` if it requires grad).
The other way, ``torch.from_numpy(a).float().to("mps")``: MPS has no
float64, NumPy's default dtype. The MPS checks run only on a Mac with MPS;
elsewhere the page runs on the CPU and says so.
"""

import numpy as np
import torch

device = "mps" if torch.backends.mps.is_available() else "cpu"  # else the CPU
a = np.array([0.0, 0.5, 1.0])  # float64, NumPy's default: MPS has no float64
t = torch.from_numpy(a).float().to(device)  # a float32 copy, then a copy on the device
back = t.cpu().numpy()  # from MPS, a copy in CPU memory
assert back.dtype == np.float32 and back.tolist() == [0.0, 0.5, 1.0]

# %%
# Where this page ran
# -------------------
#
# ``torch.backends.mps.is_available()`` is true on a Mac whose torch was built
# with MPS and whose macOS supports it. The site's builders are Linux
# machines, so on the site the code above ran on the CPU, and the blocks
# below print "not run" where they need MPS. A downloaded copy run on such a
# Mac runs every check.

print(f"torch {torch.__version__}, MPS available: {torch.backends.mps.is_available()}")
print(f"this page ran on {device!r}")
MPS = device == "mps"

# %%
# ``.numpy()`` refuses an MPS tensor
# ----------------------------------
#
# As for a CUDA tensor, ``.numpy()`` raises ``TypeError`` and the message
# names the fix, ``Tensor.cpu()``. ``force=True`` copies to the CPU for you.

if MPS:
    gpu_tensor = torch.ones(3, device="mps")
    try:
        gpu_tensor.numpy()
    except TypeError as error:
        print(f"{type(error).__name__}: {error}")
        assert "Tensor.cpu()" in str(error)
    else:
        raise AssertionError(".numpy() should refuse an MPS tensor")
    assert gpu_tensor.numpy(force=True).tolist() == [1.0, 1.0, 1.0]
else:
    print("not run: no MPS here")

# %%
# ``.cpu()`` copies from MPS, and returns a CPU tensor itself
# -----------------------------------------------------------
#
# From MPS, ``.cpu()`` copies into CPU memory, so an in-place change of the
# MPS tensor afterwards does not reach the array. On a tensor that is already
# on the CPU, ``.cpu()`` returns the same tensor, and the array shares its
# memory: code that runs on either device must not rely on ``.cpu()`` for a
# copy. Where you need one, ask for it: ``t.detach().cpu().numpy().copy()``
# or ``t.detach().clone().cpu().numpy()``.

cpu_tensor = torch.ones(3)
assert cpu_tensor.cpu() is cpu_tensor  # no copy on the CPU
shared = cpu_tensor.cpu().numpy()
cpu_tensor.add_(1)
assert shared.tolist() == [2.0, 2.0, 2.0]

if MPS:
    gpu_tensor = torch.ones(3, device="mps")
    array = gpu_tensor.cpu().numpy()
    gpu_tensor.add_(1)  # an in-place change on the GPU does not reach the array
    print("array after gpu_tensor.add_(1):", array)
    assert array.tolist() == [1.0, 1.0, 1.0]
else:
    print("not run: no MPS here")

# %%
# float64 arrays: convert to float32 first
# ----------------------------------------
#
# NumPy makes float64 arrays by default, and MPS has no float64: moving a
# float64 tensor to MPS raises ``TypeError``. ``.float()`` on the CPU first
# gives float32, which MPS holds. The answer block at the top does this.

float64_tensor = torch.from_numpy(np.zeros(2))
assert float64_tensor.dtype == torch.float64
if MPS:
    try:
        float64_tensor.to("mps")
    except TypeError as error:
        print(f"{type(error).__name__}: {error}")
        assert "float64" in str(error)
    else:
        raise AssertionError("a float64 tensor should not move to MPS")
    assert float64_tensor.float().to("mps").dtype == torch.float32
else:
    print("not run: no MPS here")

# %%
# A tensor that requires grad
# ---------------------------
#
# ``.numpy()`` refuses a tensor that requires grad while grad mode is on;
# ``.detach()`` first. The block below runs on the page's device, so on MPS
# it checks the full chain, ``t.detach().cpu().numpy()``.

weights = torch.ones(2, device=device, requires_grad=True)
try:
    weights.cpu().numpy()
except RuntimeError as error:
    print(f"{type(error).__name__}: {error}")
    assert "detach()" in str(error)
else:
    raise AssertionError(".numpy() should refuse a tensor that requires grad")
values = weights.detach().cpu().numpy()
assert values.tolist() == [1.0, 1.0]

# %%
# More on the calls:
# :ref:`sphx_glr_auto_examples_gpu_plot_01_cuda_tensor_to_numpy.py` (the same
# conversion for CUDA) and
# :ref:`sphx_glr_auto_examples_tensor_to_numpy_plot_03_requires_grad.py`.
