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
# ``loss.item()`` returns the number. On the installed torch it does this
# without any warning and without ``detach()``.

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    value = loss.item()
print(value, type(value).__name__)
print("warnings from .item():", len(caught))

assert type(value) is float and value == 14.0
assert not caught, "loss.item() should not warn"

# %%
# ``float()`` works, with a warning
# ---------------------------------
#
# ``float(loss)`` returns the same number, but it emits a ``UserWarning``.

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    value_from_float = float(loss)
assert caught, "float(loss) should warn for a tensor that requires grad"
for warning in caught:
    print(f"{warning.category.__name__}: {warning.message}")

assert caught[0].category is UserWarning
assert str(caught[0].message).startswith(
    "Converting a tensor with requires_grad=True to a scalar may lead to unexpected"
)
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
# ``float()`` on it give the same number, and neither warns.

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
# The number is a plain Python ``float``. It is not a tensor, it has no
# ``grad_fn`` and it cannot be used for ``backward()``. The conversion itself
# cuts the link to autograd, which is why ``detach()`` adds nothing to it.

print("is a tensor:", isinstance(value, torch.Tensor))
print("has grad_fn:", hasattr(value, "grad_fn"))

assert not isinstance(value, torch.Tensor)
assert not hasattr(value, "grad_fn")

# %%
# This is why training loops use ``loss.item()`` to add up a running loss.
# Adding the tensors instead builds a result that is still part of the graph
# and keeps every step's graph alive.

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

# %%
# Common claims and what really happens
# -------------------------------------
#
# Two beliefs are widespread: "``x.item()`` needs ``detach()``" and
# "``float()`` needs a CPU tensor without grad". On the installed torch,
# neither is true for a tensor that requires grad: both return the correct
# number. The only difference is that ``float()`` warns and ``.item()`` does
# not. GPU tensors are covered on their own page (linked below).

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    results = {"item": loss.item(), "float": float(loss), "int": int(loss)}
print(results)
print("warning count:", len(caught))

assert results == {"item": 14.0, "float": 14.0, "int": 14}
assert len(caught) == 1

# %%
# What to remember
# ----------------
#
# * ``.item()`` on a tensor that requires grad returns a plain Python number,
#   with no warning and no ``detach()`` needed.
# * ``float()`` returns the same number but emits a ``UserWarning``;
#   ``x.detach()`` first removes it. ``int()`` does not warn.
# * The result has no graph attached, so it is the right thing to log or add
#   up, and it cannot be used for ``backward()``.
# * The basics of ``.item()``:
#   :ref:`sphx_glr_auto_examples_tensor_to_python_plot_01_item.py`. The same
#   conversion on a GPU:
#   :ref:`sphx_glr_auto_examples_gpu_plot_03_item_on_cuda.py`.
