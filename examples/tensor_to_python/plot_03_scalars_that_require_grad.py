"""
Get a number from a requires-grad tensor
========================================

``loss.item()`` returns a plain Python ``float`` from a scalar that requires
grad, with no ``detach()`` and no warning. ``float(loss)`` returns the same
number, but since torch 2.8 it also warns (once per process, and not inside
``torch.no_grad()``).
"""

import torch

weight = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
loss = (weight * weight).sum()  # a 0-d tensor that requires grad
value = loss.item()  # a plain Python float: no detach() needed, no warning
assert type(value) is float and value == 14.0
assert float(loss.detach()) == value  # float() without the warning

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

torch.set_warn_always(True)

print(loss)
print("requires_grad:", loss.requires_grad, " grad_fn:", type(loss.grad_fn).__name__)

assert loss.requires_grad and loss.grad_fn is not None

# %%
# ``.item()`` works, with no warning
# ----------------------------------
#
# A widespread belief is that ``x.item()`` needs ``detach()`` first. It does
# not: ``loss.item()`` returns the number, without any warning.

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
# ``UserWarning`` (the 2.8 release notes list the change, pytorch/pytorch
# #143261 and #152709); older releases convert silently. The check below
# follows the version of the torch that runs it.

TORCH_VERSION = tuple(
    int(part) for part in torch.__version__.split("+")[0].split(".")[:2]
)
float_warns = TORCH_VERSION >= (2, 8)
print(f"torch {torch.__version__}: float() should warn: {float_warns}")

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    value_from_float = float(loss)
for warning in caught:  # the first line: the rest names a line of torch's C++ source
    print(f"{warning.category.__name__}: {str(warning.message).splitlines()[0]}")
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
# number as an ``int``, and it does not warn on any torch release this page
# was checked on.

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    value_from_int = int(loss)
print(value_from_int, type(value_from_int).__name__)
print("warnings from int():", len(caught))

assert type(value_from_int) is int and value_from_int == 14
assert not caught, "int(loss) should not warn"

# %%
# .. rst-class:: fold
#
# Once per process, and never inside ``torch.no_grad()``
# ------------------------------------------------------
#
# Without ``set_warn_always``, torch shows the ``float()`` warning once per
# process: the first conversion shows it (unless an earlier one in the same
# process already did), the next ones stay silent. Inside ``torch.no_grad()``
# or ``torch.inference_mode()`` there is no warning at all, even with
# ``set_warn_always`` on.

torch.set_warn_always(False)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    float(loss)
    after_first = len(caught)
    float(loss)
print(
    "warnings from two float() calls:", after_first, "then", len(caught) - after_first
)

assert after_first <= (1 if float_warns else 0)
assert len(caught) == after_first, "the second float(loss) should not warn"

torch.set_warn_always(True)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    with torch.no_grad():
        inside_no_grad = float(loss)
    with torch.inference_mode():
        inside_inference_mode = float(loss)
print("warnings inside no_grad() and inference_mode():", len(caught))

assert inside_no_grad == inside_inference_mode == value
assert not caught, "float() should not warn when grad mode is off"

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
# .. rst-class:: fold
#
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
    assert "does not require grad" in str(error)
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
# The basics of ``.item()``:
# :ref:`sphx_glr_auto_examples_tensor_to_python_plot_01_item.py`. The same
# conversion on a GPU:
# :ref:`sphx_glr_auto_examples_gpu_plot_03_item_on_cuda.py`.
