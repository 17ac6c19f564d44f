"""
Get a Python number from a tensor with ``.item()``
==================================================

``tensor.item()`` turns a tensor with one element into a plain Python number.
This page shows the Python type you get for float, integer, bool and complex
tensors, and explains why ``torch.tensor(3.1415).item()`` prints
``3.1414999961853027``.
"""

# %%
# ``.item()`` on a 0-d tensor
# ---------------------------
#
# A 0-d tensor has shape ``()`` and holds exactly one value. ``.item()``
# returns that value as a Python object, not as a tensor.

import torch

scalar = torch.tensor(2.5)
value = scalar.item()
print("shape:", tuple(scalar.shape), " ndim:", scalar.ndim)
print(value, type(value).__name__)

assert scalar.shape == ()
assert type(value) is float
assert value == 2.5

# %%
# The Python type follows the tensor's dtype
# ------------------------------------------
#
# Floating point tensors give ``float``, integer tensors give ``int``, bool
# tensors give ``bool``, and complex tensors give ``complex``. Python has only
# one type of each kind, so the size of the dtype (``float16``, ``float32``,
# ``int8``, ``int64``, ``complex64``, ...) is not kept.

examples = [
    torch.tensor(2.5),
    torch.tensor(2.5, dtype=torch.float16),
    torch.tensor(7),
    torch.tensor(7, dtype=torch.uint8),
    torch.tensor(True),
    torch.tensor(1 + 2j),
]
for tensor in examples:
    item = tensor.item()
    print(f"{tensor.dtype!s:<15} -> {type(item).__name__:<7} {item}")

assert type(torch.tensor(2.5).item()) is float
assert type(torch.tensor(2.5, dtype=torch.float16).item()) is float
assert type(torch.tensor(7).item()) is int
assert type(torch.tensor(7, dtype=torch.uint8).item()) is int
assert type(torch.tensor(True).item()) is bool
assert torch.tensor(1 + 2j).dtype == torch.complex64
assert type(torch.tensor(1 + 2j).item()) is complex

# %%
# Why ``3.1415`` comes back as ``3.1414999961853027``
# ---------------------------------------------------
#
# A surprise for many learners: the tensor prints ``3.1415``, but ``.item()``
# gives a different-looking number.

pi_ish = torch.tensor(3.1415)
print(pi_ish)
print(pi_ish.item())
print(pi_ish.dtype)

assert pi_ish.dtype == torch.float32
assert pi_ish.item() != 3.1415
assert str(pi_ish) == "tensor(3.1415)"

# %%
# The tensor is ``float32``, PyTorch's default dtype. ``float32`` cannot store
# ``3.1415`` exactly, so it stores the nearest ``float32`` number, which is
# slightly smaller. A Python ``float`` is a ``float64``, which has more digits,
# so printing it shows the stored ``float32`` value in full. The tensor print
# only shows four decimals and hides the difference.
#
# NumPy's ``float32`` stores the very same value. NumPy prints it as ``3.1415``
# because that is the shortest text that gives back the same ``float32``
# number; converted to a Python ``float``, it shows the same digits as
# ``.item()``.

import numpy as np

numpy_value = np.float32(3.1415)
print("np.float32(3.1415):       ", numpy_value)
print("float(np.float32(3.1415)):", float(numpy_value))
print("same as .item():", float(numpy_value) == pi_ish.item())
print(f"stored value with 20 decimals: {pi_ish.item():.20f}")

assert str(numpy_value) == "3.1415"
assert float(numpy_value) == pi_ish.item()
assert pi_ish.item() == 3.1414999961853027
assert pi_ish.item() < 3.1415

# %%
# So compare values that come from ``float32`` tensors with a tolerance, for
# example with ``math.isclose``, and not with ``==``.

import math

print("== 3.1415:          ", pi_ish.item() == 3.1415)
print("math.isclose(3.1415):", math.isclose(pi_ish.item(), 3.1415, rel_tol=1e-6))

assert math.isclose(pi_ish.item(), 3.1415, rel_tol=1e-6)

# %%
# With a ``float64`` tensor, the stored value is the same ``float64`` number
# that Python uses for ``3.1415``, so ``.item()`` gives ``3.1415`` back.

pi_ish64 = torch.tensor(3.1415, dtype=torch.float64)
print(pi_ish64.item())

assert pi_ish64.item() == 3.1415

# %%
# Nothing is lost in ``.item()`` itself: the rounding happened when the value
# was stored in ``float32``. Converting the result back to ``float32`` gives
# exactly the tensor's value.

back = torch.tensor(pi_ish.item(), dtype=torch.float32)
print("round trip equal:", torch.equal(back, pi_ish))

assert torch.equal(back, pi_ish)

# %%
# What to remember
# ----------------
#
# * ``.item()`` returns a Python ``float``, ``int``, ``bool`` or ``complex``,
#   following the tensor's dtype.
# * Values from ``float32`` tensors show ``float32`` rounding when printed as a
#   Python ``float``. Compare them with a tolerance (``math.isclose``), not
#   with ``==``.
# * Tensors with more than one element:
#   :ref:`sphx_glr_auto_examples_tensor_to_python_plot_02_multi_element_tensors.py`.
#   Tensors that require grad:
#   :ref:`sphx_glr_auto_examples_tensor_to_python_plot_03_scalars_that_require_grad.py`.
#   Whole tensors to lists:
#   :ref:`sphx_glr_auto_examples_tensor_to_python_plot_04_tolist.py`.
#   Complex tensors:
#   :ref:`sphx_glr_auto_examples_tensor_to_python_plot_05_complex_tensors.py`.
