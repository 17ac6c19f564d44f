"""
Convert one-element tensors to numbers
======================================

``.item()``, ``float()`` and ``int()`` accept any tensor with exactly one
element, whatever its shape. With more elements, reduce first (``sum()``) or
take them all with ``.tolist()``: ``.item()`` raises ``RuntimeError``,
``float()`` and ``int()`` raise ``ValueError``.
"""

import torch

batch_loss = torch.tensor([[0.25]])  # shape (1, 1): one element is enough
assert batch_loss.item() == float(batch_loss) == 0.25
values = torch.tensor([1.0, 2.0, 3.0])  # three elements: reduce first
assert values.sum().item() == 6.0 and values.tolist() == [1.0, 2.0, 3.0]

# %%
# ``.item()`` on three elements raises ``RuntimeError``
# -----------------------------------------------------

try:
    values.item()
except RuntimeError as error:
    print(f"{type(error).__name__}: {error}")
    assert "3 elements" in str(error)
else:
    raise AssertionError("values.item() should refuse a tensor with 3 elements")

# %%
# ``float()`` and ``int()`` raise ``ValueError``
# ----------------------------------------------
#
# The same mistake through Python's ``float()`` or ``int()`` raises a
# different exception type with a different message.

try:
    float(values)
except ValueError as error:
    print(f"{type(error).__name__}: {error}")
    assert "only one element tensors" in str(error)
else:
    raise AssertionError("float(values) should refuse a tensor with 3 elements")

try:
    int(values)
except ValueError as error:
    print(f"{type(error).__name__}: {error}")
else:
    raise AssertionError("int(values) should refuse a tensor with 3 elements")

# %%
# This matters when you catch the error: ``except ValueError`` does not catch
# the error from ``.item()``, and ``except RuntimeError`` does not catch the
# error from ``float()``. The loop below catches both and asks each error
# which of the two classes it belongs to.

raised = {}
for name, convert in [("item", torch.Tensor.item), ("float", float), ("int", int)]:
    try:
        convert(values)
    except (RuntimeError, ValueError) as error:
        raised[name] = error
    else:
        raise AssertionError(f"{name}() should refuse a tensor with 3 elements")

for name, error in raised.items():
    print(
        f"{name + '()':<8} RuntimeError: {isinstance(error, RuntimeError)!s:<5}",
        f" ValueError: {isinstance(error, ValueError)}",
    )

assert isinstance(raised["item"], RuntimeError)
assert not isinstance(raised["item"], ValueError)
for name in ("float", "int"):
    assert isinstance(raised[name], ValueError)
    assert not isinstance(raised[name], RuntimeError)

# %%
# One element is enough, whatever the shape
# -----------------------------------------
#
# The rule is about the number of elements, not the number of dimensions.
# Tensors of shape ``(1,)`` and ``(1, 1)`` are not 0-d, but they hold one
# element, so ``.item()``, ``float()`` and ``int()`` all work.

for one in [torch.tensor([2.5]), torch.tensor([[2.5]])]:
    print(
        f"shape {tuple(one.shape)}, ndim {one.ndim}, numel {one.numel()}:",
        one.item(),
        float(one),
        int(one),
    )
    assert one.ndim > 0 and one.numel() == 1
    assert one.item() == 2.5
    assert float(one) == 2.5
    assert int(one) == 2

# %%
# .. rst-class:: fold
#
# NumPy is stricter: ``float()`` needs a 0-d array
# ------------------------------------------------
#
# Code that moves between NumPy and torch meets the opposite rule. NumPy
# converts only 0-d arrays with ``float()``: for an array of shape ``(1,)`` it
# raises ``TypeError`` since NumPy 2.4, and NumPy 1.25 to 2.3 convert it with a
# ``DeprecationWarning``. ``.item()`` works on any one-element array or
# tensor.

import warnings

import numpy as np

numpy_version = tuple(int(part) for part in np.__version__.split(".")[:2])
one_array = np.array([2.5])

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    try:
        outcome = float(one_array)
    except TypeError as error:
        outcome = error
print(f"NumPy {np.__version__}: float(np.array([2.5])) ->", repr(outcome))
for warning in caught:
    print(f"{warning.category.__name__}: {warning.message}")
print("float(torch.tensor([2.5])) ->", float(torch.tensor([2.5])))
print(".item() ->", one_array.item(), torch.tensor([2.5]).item())

if numpy_version >= (2, 4):
    assert isinstance(outcome, TypeError)
    assert "only 0-dimensional arrays" in str(outcome)
else:
    assert outcome == 2.5
    assert [w.category for w in caught] == [DeprecationWarning]
    assert "ndim > 0" in str(caught[0].message)
assert float(np.array(2.5)) == 2.5  # a 0-d array converts in every version
assert one_array.item() == np.array([[2.5]]).item() == 2.5
assert float(torch.tensor([2.5])) == 2.5

# %%
# Make a 0-d tensor first
# -----------------------
#
# To show in the code that you expect exactly one value, turn the tensor into a
# 0-d tensor first. ``squeeze()`` removes every dimension of size 1, and
# ``reshape(())`` asks for shape ``()`` directly.

batch_loss = torch.tensor([[0.25]])
squeezed = batch_loss.squeeze()
reshaped = batch_loss.reshape(())
print("squeeze():    ", tuple(squeezed.shape), squeezed.item())
print("reshape(()):  ", tuple(reshaped.shape), reshaped.item())

assert squeezed.shape == () and squeezed.item() == 0.25
assert reshaped.shape == () and reshaped.item() == 0.25

# %%
# The difference shows on a tensor with more than one element.
# ``reshape(())`` refuses it at once, while ``squeeze()`` leaves the
# dimension of size 3 in place, so the error only comes later from
# ``.item()``.

try:
    values.reshape(())
except RuntimeError as error:
    print(f"{type(error).__name__}: {error}")
else:
    raise AssertionError("reshape(()) should refuse a tensor with 3 elements")

print("values.squeeze() shape:", tuple(values.squeeze().shape))

assert values.squeeze().shape == (3,)

# %%
# To get one number from several elements, reduce them first, for example
# with ``sum()``, or ``mean()`` for a floating-point tensor. Both return a 0-d
# tensor. ``mean()`` refuses an integer tensor.

total = values.sum()
average = values.mean()
print("sum:", tuple(total.shape), total.item())
print("mean:", tuple(average.shape), average.item())

assert total.shape == average.shape == ()
assert total.item() == 6.0 and average.item() == 2.0

try:
    torch.tensor([1, 2, 3]).mean()
except RuntimeError as error:
    print(f"{type(error).__name__}: {error}")
    assert "floating point" in str(error)
else:
    raise AssertionError("mean() should refuse an integer tensor")

# %%
# The basics of ``.item()``:
# :ref:`sphx_glr_auto_examples_tensor_to_python_plot_01_item.py`. All
# elements at once:
# :ref:`sphx_glr_auto_examples_tensor_to_python_plot_04_tolist.py`.
