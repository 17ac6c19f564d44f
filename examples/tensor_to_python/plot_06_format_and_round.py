"""
Format and round a tensor as a number
=====================================

``f"{loss:.2f}"`` works on a 0-d tensor: it formats ``loss.item()``. A tensor
of shape ``(1,)`` raises ``TypeError`` there, and Python's ``round()`` refuses
every tensor. Take the number out first: ``f"{t.item():.2f}"``,
``round(t.item(), 2)``.
"""

import torch

loss = torch.tensor(0.123456)  # 0-d
assert f"{loss:.2f}" == "0.12"  # a 0-d tensor formats like its .item()
batch_loss = torch.tensor([0.123456])  # shape (1,): f"{batch_loss:.2f}" raises
assert f"{batch_loss.item():.2f}" == "0.12"  # so take the number out first
assert round(loss.item(), 2) == 0.12  # round() needs the number too

# %%
# A 0-d tensor formats like its number
# ------------------------------------
#
# ``Tensor.__format__`` hands a 0-d tensor's format spec to the Python number
# that ``.item()`` returns, so every spec that works for a ``float`` or an
# ``int`` works for the tensor. Even an empty spec goes through the number:
# ``f"{loss}"`` prints all the digits of the ``float32`` value, not the
# ``tensor(0.1235)`` that ``print(loss)`` shows.

print(f"{loss:.2f} | {loss:.3e} | {loss:>10.4f} | {torch.tensor(7):05d}")
print("f-string, no spec:", f"{loss}")
print("print():          ", loss)

assert f"{loss:.3e}" == "1.235e-01"
assert f"{torch.tensor(7):05d}" == "00007"
assert f"{loss}" == str(loss.item()) == "0.12345600128173828"
assert str(loss) == "tensor(0.1235)"

# %%
# A loss that requires grad formats the same way, and without the warning that
# ``float(loss)`` gives since torch 2.8 (see
# :ref:`sphx_glr_auto_examples_tensor_to_python_plot_03_scalars_that_require_grad.py`).

import warnings

weight = torch.tensor([0.5, 1.5], requires_grad=True)
train_loss = (weight * weight).mean()
warn_always = torch.is_warn_always_enabled()
torch.set_warn_always(True)  # show warn-once warnings every time
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    text = f"loss {train_loss:.4f}"
torch.set_warn_always(warn_always)
print(text, "| requires_grad:", train_loss.requires_grad, "| warnings:", len(caught))

assert train_loss.requires_grad
assert text == "loss 1.2500"
assert not caught

# %%
# A tensor of shape ``(1,)`` does not
# -----------------------------------
#
# For any tensor that is not 0-d, even one with a single element, Python's
# default formatting takes over. It accepts only the empty spec, which prints
# the tensor as ``str()`` does, and raises ``TypeError`` for any other spec.
# A per-sample loss (``reduction="none"``) of a batch of one has this shape.

print("no spec:", f"{batch_loss}")
try:
    f"{batch_loss:.2f}"
except TypeError as error:
    print(f"{type(error).__name__}: {error}")
    assert "unsupported format string" in str(error)
else:
    raise AssertionError("a format spec should fail on a tensor of shape (1,)")

assert f"{batch_loss}" == str(batch_loss) == "tensor([0.1235])"

# %%
# Take the number out with ``.item()``, or make the tensor 0-d first with
# ``squeeze()`` or indexing.

print(f"{batch_loss.item():.2f}", f"{batch_loss.squeeze():.2f}", f"{batch_loss[0]:.2f}")

assert f"{batch_loss.squeeze():.2f}" == f"{batch_loss[0]:.2f}" == "0.12"

# %%
# ``round()`` refuses every tensor
# --------------------------------
#
# A tensor has no ``__round__`` method, so Python's ``round()`` raises
# ``TypeError`` for a 0-d tensor too, with or without a number of digits.

for call, args in [("round(loss)", (loss,)), ("round(loss, 2)", (loss, 2))]:
    try:
        round(*args)
    except TypeError as error:
        print(f"{call}: {type(error).__name__}: {error}")
        assert "__round__" in str(error)
    else:
        raise AssertionError("round() should refuse a tensor")

# %%
# ``round(loss.item(), 2)`` rounds the Python ``float`` and gives a ``float``;
# without a number of digits, ``round()`` of a ``float`` gives an ``int``.
# ``torch.round(loss, decimals=2)`` rounds inside torch and keeps a tensor of
# the same dtype: a ``float32`` tensor cannot hold ``0.12`` exactly, so its
# ``.item()`` is not ``0.12``.

as_float = round(loss.item(), 2)
as_int = round(torch.tensor(2.7).item())
in_torch = torch.round(loss, decimals=2)
print(repr(as_float), repr(as_int), in_torch, repr(in_torch.item()))

assert type(as_float) is float and as_float == 0.12
assert type(as_int) is int and as_int == 3
assert in_torch.dtype == torch.float32
assert in_torch.item() != 0.12 and f"{in_torch:.2f}" == "0.12"

# %%
# NumPy draws the same line
# -------------------------
#
# A NumPy scalar such as ``np.float32`` accepts format specs and ``round()``.
# An array of shape ``(1,)`` refuses both, like a tensor.

import numpy as np

scalar = np.float32(0.123456)
one_element = np.array([0.123456], dtype=np.float32)
print(f"{scalar:.2f}", round(scalar, 2))

assert f"{scalar:.2f}" == "0.12"
assert round(scalar, 2) == np.float32(0.12)
for attempt in (lambda: f"{one_element:.2f}", lambda: round(one_element, 2)):
    try:
        attempt()
    except TypeError as error:
        print(f"{type(error).__name__}: {error}")
    else:
        raise AssertionError("a NumPy array of shape (1,) should refuse this")

# %%
# One number from a tensor: :ref:`sphx_glr_auto_examples_tensor_to_python_plot_01_item.py`.
# Which shapes convert with ``float()`` in torch and in NumPy:
# :ref:`sphx_glr_auto_examples_tensor_to_python_plot_02_multi_element_tensors.py`.
