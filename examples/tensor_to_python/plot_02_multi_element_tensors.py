"""
Convert tensors with more than one element to Python numbers
============================================================

``.item()``, ``float()`` and ``int()`` need a tensor with exactly one element.
This page shows that they fail on a tensor with three elements, with two
**different** exception types, then shows that one-element tensors of any
shape work, and how ``squeeze()`` or ``reshape(())`` make a 0-d tensor.
"""

# %%
# ``.item()`` on three elements raises ``RuntimeError``
# -----------------------------------------------------

import torch

values = torch.tensor([1.0, 2.0, 3.0])

try:
    values.item()
except RuntimeError as error:
    print(f"{type(error).__name__}: {error}")
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
# with ``sum()`` or ``mean()``, which return a 0-d tensor.

total = values.sum()
print("sum:", tuple(total.shape), total.item())

assert total.shape == ()
assert total.item() == 6.0

# %%
# What to remember
# ----------------
#
# * On a tensor with more than one element, ``.item()`` raises
#   ``RuntimeError``, while ``float()`` and ``int()`` raise ``ValueError``.
# * Any tensor with exactly one element works, whatever its shape.
# * ``reshape(())`` checks that there is exactly one element; ``squeeze()``
#   does not.
# * The basics of ``.item()``:
#   :ref:`sphx_glr_auto_examples_tensor_to_python_plot_01_item.py`. All
#   elements at once:
#   :ref:`sphx_glr_auto_examples_tensor_to_python_plot_04_tolist.py`.
