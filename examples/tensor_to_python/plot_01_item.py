"""
Get a Python number with ``.item()``
====================================

``tensor.item()`` returns the value of a one-element tensor as a plain Python
``float``, ``int``, ``bool`` or ``complex``. A ``float32`` value shows its
rounding there: ``torch.tensor(3.1415).item()`` is ``3.1414999961853027``, so
compare such numbers with a tolerance.
"""

import math

import torch

loss = torch.tensor(3.1415)  # float32, PyTorch's default dtype
value = loss.item()  # a plain Python float (a float64), not a tensor
assert type(value) is float and value == 3.1414999961853027
assert value != 3.1415 and math.isclose(value, 3.1415, rel_tol=1e-6)

# %%
# ``.item()`` on a 0-d tensor
# ---------------------------
#
# A 0-d tensor has shape ``()`` and holds exactly one value. ``.item()``
# returns that value as a Python object, not as a tensor.

scalar = torch.tensor(2.5)
number = scalar.item()
print("shape:", tuple(scalar.shape), " ndim:", scalar.ndim)
print(number, type(number).__name__)

assert scalar.shape == ()
assert type(number) is float
assert number == 2.5

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
# slightly smaller. ``.item()`` turns it into a Python ``float``, a
# ``float64`` that holds the same value exactly. Python prints a ``float``
# with the fewest digits that give back that ``float64`` number, which for
# this value is ``3.1414999961853027``. The exact value has even more digits,
# as ``decimal.Decimal`` shows. The tensor print only shows four
# decimals and hides the difference.
#
# NumPy's ``float32`` stores the very same value. NumPy prints it as ``3.1415``
# because that is the shortest text that gives back the same ``float32``
# number; converted to a Python ``float``, it shows the same digits as
# ``.item()``.

from decimal import Decimal

import numpy as np

numpy_value = np.float32(3.1415)
print("np.float32(3.1415):       ", numpy_value)
print("float(np.float32(3.1415)):", float(numpy_value))
print("same as .item():", float(numpy_value) == pi_ish.item())
print("exact stored value:", Decimal(pi_ish.item()))

assert str(numpy_value) == "3.1415"
assert float(numpy_value) == pi_ish.item()
assert repr(pi_ish.item()) == "3.1414999961853027"
assert float(repr(pi_ish.item())) == pi_ish.item()
assert str(Decimal(pi_ish.item())) == "3.141499996185302734375"
assert pi_ish.item() < 3.1415

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
# Tensors with more than one element:
# :ref:`sphx_glr_auto_examples_tensor_to_python_plot_02_multi_element_tensors.py`.
# Tensors that require grad:
# :ref:`sphx_glr_auto_examples_tensor_to_python_plot_03_scalars_that_require_grad.py`.
# Whole tensors to lists:
# :ref:`sphx_glr_auto_examples_tensor_to_python_plot_04_tolist.py`.
# Complex tensors:
# :ref:`sphx_glr_auto_examples_tensor_to_python_plot_05_complex_tensors.py`.
# Formatting and rounding:
# :ref:`sphx_glr_auto_examples_tensor_to_python_plot_06_format_and_round.py`.
