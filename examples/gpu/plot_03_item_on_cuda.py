"""
Read one number from a CUDA tensor
==================================

``.item()`` works on a CUDA tensor directly: there is no need to call
``.cpu()`` first. This page checks the value and its Python type, shows that
``float()`` and ``int()`` work too, measures how ``.item()`` waits for the GPU
to finish its queued work, and makes that wait visible with
``torch.cuda.set_sync_debug_mode``.
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
# ``.item()`` on a CUDA tensor
# ----------------------------
#
# A common belief is that a GPU tensor must be moved with ``.cpu()`` before
# ``.item()``. It does not: ``.item()`` copies the one value to the host itself
# and returns a plain Python number.

gpu_value = torch.tensor(2.5, device="cuda")
value = gpu_value.item()
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
# ``.item()`` waits for the GPU
# -----------------------------
#
# GPU work is queued: a call such as ``a @ b`` on CUDA tensors returns as soon
# as the work is queued, usually long before the GPU has finished it.
# ``.item()`` cannot return before the value exists, so it waits until all the
# work queued before it is done, then copies the value to the host. This wait
# is called a *synchronisation*.
#
# To see it, time a large matrix product and its sum twice: once only queuing
# the work, once followed by ``.item()``. ``torch.cuda.synchronize()`` before
# each measurement starts it with an idle GPU, and a first, untimed run does
# the one-time setup of the matrix library. Each measurement keeps the best of
# three.

import time

torch.manual_seed(0)
a = torch.randn(4096, 4096, device="cuda")
b = torch.randn(4096, 4096, device="cuda")
(a @ b).sum().item()


def best_seconds(read_value, repeat=3):
    best = float("inf")
    for _ in range(repeat):
        torch.cuda.synchronize()
        start = time.perf_counter()
        total = (a @ b).sum()
        if read_value:
            total.item()
        best = min(best, time.perf_counter() - start)
    torch.cuda.synchronize()
    return best


queue_only = best_seconds(read_value=False)
with_item = best_seconds(read_value=True)
print("Measured on the GPU that built this page:")
print(f"  queue a @ b and .sum():          {queue_only * 1e3:8.3f} ms")
print(f"  the same, followed by .item():   {with_item * 1e3:8.3f} ms")

assert with_item >= queue_only

# %%
# The first line is only the time to queue the work. The second line also
# includes the wait for the GPU to compute the product, which is why it is
# longer. In a training loop, a ``.item()`` in every step (for example to
# print the loss) makes the CPU wait for the GPU at that point in every step.
#
# The value itself does not depend on the timing: ``.item()`` returns the same
# number that ``.cpu()`` gives.

total = (a @ b).sum()
print("item() equals the CPU value:", total.item() == total.cpu().item())

assert type(total.item()) is float
assert total.item() == total.cpu().item()

# %%
# Make the synchronisation visible
# --------------------------------
#
# ``torch.cuda.set_sync_debug_mode("warn")`` makes torch warn whenever an
# operation synchronises with the GPU, which helps to find hidden waits in a
# program. ``.item()`` is one of those operations. The mode is reset to
# ``"default"`` (no warnings) afterwards.

import warnings

torch.cuda.set_sync_debug_mode("warn")
try:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        value = gpu_value.item()
finally:
    torch.cuda.set_sync_debug_mode("default")

assert caught, "gpu_value.item() should warn in sync debug mode 'warn'"
for warning in caught:
    print(f"{warning.category.__name__}: {warning.message}")

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
# What to remember
# ----------------
#
# * ``.item()``, ``float()`` and ``int()`` work directly on a one-element CUDA
#   tensor; ``.cpu()`` first only adds another copy.
# * ``.item()`` waits for all the GPU work queued before it. Call it when you
#   need the number, not in every step just in case.
# * ``torch.cuda.set_sync_debug_mode("warn")`` (or ``"error"``) shows where a
#   program waits for the GPU.
# * More about ``.item()`` on the CPU:
#   :ref:`sphx_glr_auto_examples_tensor_to_python_plot_01_item.py`, and for
#   tensors that require grad,
#   :ref:`sphx_glr_auto_examples_tensor_to_python_plot_03_scalars_that_require_grad.py`.
