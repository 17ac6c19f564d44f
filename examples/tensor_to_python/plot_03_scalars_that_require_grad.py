"""
Get a Python number from a tensor that requires grad
====================================================

Loss values and other scalars often come from tensors that require grad. This
page checks what ``.item()``, ``float()`` and ``int()`` really do with such a
tensor, whether ``detach()`` is needed, and what kind of value you get back.
"""

# %%
# A scalar that requires grad
# ---------------------------
#
# ``loss`` is a 0-d tensor computed from a leaf that requires grad, so it
# requires grad too and has a ``grad_fn``.
#
# PyTorch shows some warnings only once per process. ``torch.set_warn_always``
# makes it show them every time, so that this page shows them whatever ran
# before it.

import warnings

import torch

torch.set_warn_always(True)

weight = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
loss = (weight * weight).sum()
print(loss)
print("requires_grad:", loss.requires_grad, " grad_fn:", type(loss.grad_fn).__name__)

assert loss.requires_grad and loss.grad_fn is not None

# %%
# ``.item()`` works, with no warning
# ----------------------------------
#
# ``loss.item()`` returns the number, without any warning and without
# ``detach()``.

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    value = loss.item()
print(value, type(value).__name__)
print("warnings from .item():", len(caught))

assert type(value) is float and value == 14.0
assert not caught, "loss.item() should not warn"

# %%
# ``float()`` works, with a warning since torch 2.8
# -------------------------------------------------
#
# ``float(loss)`` returns the same number. Since torch 2.8 it also emits a
# ``UserWarning``; torch 2.7 and older convert it silently. The check below
# follows the torch that runs it.

float_warns = torch.__version__ >= "2.8"
print(f"torch {torch.__version__}: float() should warn: {float_warns}")

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    value_from_float = float(loss)
for warning in caught:
    print(f"{warning.category.__name__}: {warning.message}")
print("warnings from float():", len(caught))

if float_warns:
    assert len(caught) == 1, "float(loss) should warn for a tensor that requires grad"
    assert caught[0].category is UserWarning
    assert str(caught[0].message).startswith(
        "Converting a tensor with requires_grad=True to a scalar may lead to"
    )
else:
    assert not caught, "float(loss) should not warn before torch 2.8"
assert type(value_from_float) is float and value_from_float == value

# %%
# The warning is only advice: the value is correct. ``int()`` gives the
# number as an ``int``, and it does not warn.

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    value_from_int = int(loss)
print(value_from_int, type(value_from_int).__name__)
print("warnings from int():", len(caught))

assert type(value_from_int) is int and value_from_int == 14
assert not caught, "int(loss) should not warn"

# %%
# ``detach()`` is not needed, but removes the warning
# ---------------------------------------------------
#
# ``loss.detach()`` is the same value without autograd. ``.item()`` and
# ``float()`` on it give the same number, and neither warns, whatever the
# torch version.

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    detached_item = loss.detach().item()
    detached_float = float(loss.detach())
print(detached_item, detached_float)
print("warnings:", len(caught))

assert detached_item == detached_float == value
assert not caught, "a detached tensor should convert without a warning"

# %%
# The result has no graph attached
# --------------------------------
#
# The number is a plain Python ``float``, so it carries no ``grad_fn``. A
# tensor made from it again is a new leaf that does not require grad, and
# ``backward()`` through it fails. The conversion itself cuts the link to
# autograd, which is why ``detach()`` adds nothing to it.

rebuilt = torch.tensor(value)
print("requires_grad:", rebuilt.requires_grad, " grad_fn:", rebuilt.grad_fn)

assert not rebuilt.requires_grad and rebuilt.grad_fn is None

try:
    (rebuilt * 2).backward()
except RuntimeError as error:
    print(f"{type(error).__name__}: {error}")
else:
    raise AssertionError("backward() should fail on a tensor rebuilt from a number")

# %%
# This is why training loops use ``loss.item()`` to add up a running loss.
# Adding the tensors instead builds a result that is still part of the graph
# and keeps every step's graph alive: its ``backward()`` reaches all three
# steps, so the gradient of ``weight`` is ``1 + 2 + 3 = 6`` for each element.

running_tensor = 0.0
running_float = 0.0
for step in range(3):
    step_loss = (weight * (step + 1)).sum()
    running_tensor = running_tensor + step_loss
    running_float += step_loss.item()

print("tensor sum:", running_tensor)
print("float sum: ", running_float)

assert running_tensor.grad_fn is not None
assert type(running_float) is float
assert running_float == running_tensor.item() == 36.0

running_tensor.backward()
print("gradient through the tensor sum:", weight.grad)

assert weight.grad.tolist() == [6.0, 6.0, 6.0]

# %%
# Common claims and what really happens
# -------------------------------------
#
# Two beliefs are widespread: "``x.item()`` needs ``detach()``" and
# "``float()`` needs a CPU tensor without grad". Neither is true for a tensor
# that requires grad: both return the correct number. The only difference is
# the warning, which ``float()`` gives since torch 2.8 and ``.item()`` does
# not give. GPU tensors are covered on their own page (linked below).

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    results = {"item": loss.item(), "float": float(loss), "int": int(loss)}
print(results)
print("warning count:", len(caught))

assert results == {"item": 14.0, "float": 14.0, "int": 14}
assert len(caught) == (1 if float_warns else 0)

# %%
# What to remember
# ----------------
#
# * ``.item()`` on a tensor that requires grad returns a plain Python number,
#   with no warning and no ``detach()`` needed.
# * ``float()`` returns the same number. Since torch 2.8 it also emits a
#   ``UserWarning``, which ``x.detach()`` first removes. ``int()`` does not
#   warn.
# * The result has no graph attached, so it is the right thing to log or add
#   up, and it cannot be used for ``backward()``.
# * The basics of ``.item()``:
#   :ref:`sphx_glr_auto_examples_tensor_to_python_plot_01_item.py`. The same
#   conversion on a GPU:
#   :ref:`sphx_glr_auto_examples_gpu_plot_03_item_on_cuda.py`.
