"""
Mix tensors and arrays in arithmetic
====================================

Convert the array first (``torch.from_numpy``), and torch computes with its
own rules and autograd. Without that, ``tensor + array`` is computed by NumPy,
``array + tensor`` raises ``TypeError``, and NumPy scalars work like Python
numbers.
"""

import numpy as np
import torch

tensor = torch.tensor([1.0, 2.0])
array = np.array([10.0, 20.0])
result = tensor + torch.from_numpy(array)  # convert first: torch's rules, autograd
assert result.tolist() == [11.0, 22.0] and result.dtype == torch.float64
# without converting, array + tensor raises TypeError: both sides decline it
assert array.__add__(tensor) is NotImplemented
assert tensor.__radd__(array) is NotImplemented

# %%
# .. rst-class:: fold
#
# ``tensor + array`` gives a tensor, computed by NumPy
# ----------------------------------------------------
#
# A ``float32`` tensor plus a ``float64`` array gives a tensor, and its dtype
# is ``float64``.

import warnings

numpy2 = np.lib.NumpyVersion(np.__version__) >= "2.0.0"

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    result = tensor + array
print(type(result).__name__, result.dtype, result)

assert type(result) is torch.Tensor
assert tensor.dtype == torch.float32 and array.dtype == np.float64
assert result.dtype == torch.float64

# %%
# torch does not do this addition itself. ``Tensor.__add__`` declines an
# array (it returns ``NotImplemented``), so Python asks the array instead:
# ``ndarray.__radd__`` converts the tensor to an array, NumPy adds the two
# arrays, and NumPy hands the result back to ``Tensor.__array_wrap__``, which
# wraps it in a new tensor. The result shares memory with neither operand.

print("tensor.__add__(array):", tensor.__add__(array))
print("shares with the array: ", np.shares_memory(result.numpy(), array))
print("shares with the tensor:", np.shares_memory(result.numpy(), tensor.numpy()))

assert tensor.__add__(array) is NotImplemented
assert not np.shares_memory(result.numpy(), array)
assert not np.shares_memory(result.numpy(), tensor.numpy())

# %%
# With NumPy 2, this path also emits a ``DeprecationWarning``: NumPy 2.0 calls
# ``__array_wrap__`` with two more arguments, and torch's version still takes
# the old ones. NumPy 1.x emits nothing. Python hides a
# ``DeprecationWarning`` unless it comes from the script itself, so in a
# library it usually goes unseen. The check follows the NumPy that runs it.

print(f"NumPy {np.__version__}: warnings from tensor + array:", len(caught))
for warning in caught:
    print(f"{warning.category.__name__}: {warning.message}")

if numpy2:
    assert len(caught) == 1 and caught[0].category is DeprecationWarning
    assert "__array_wrap__" in str(caught[0].message)
else:
    assert not caught, "NumPy 1.x should not warn about __array_wrap__"

# %%
# NumPy's dtype rules decide, not torch's
# ---------------------------------------
#
# Because NumPy computes the result, NumPy's type promotion applies. For a
# ``float32`` tensor and an ``int64`` array, NumPy gives ``float64``. torch's
# own rule, for the same values as two tensors, gives ``float32``: a float
# tensor keeps its dtype when it meets an integer tensor.

counts = np.array([1, 2], dtype=np.int64)
with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    numpy_rules = tensor + counts
torch_rules = tensor + torch.from_numpy(counts)
print("tensor + int64 array: ", numpy_rules.dtype)
print("tensor + int64 tensor:", torch_rules.dtype)

assert numpy_rules.dtype == torch.float64
assert torch_rules.dtype == torch.float32
assert torch.equal(numpy_rules.float(), torch_rules)

# %%
# Autograd cannot follow
# ----------------------
#
# To hand the tensor to NumPy, Python converts it with ``.numpy()``, which
# refuses a tensor that requires grad while grad mode is on. So
# ``tensor + array`` raises when the tensor requires grad, outside
# ``torch.no_grad()``.

weights = torch.tensor([1.0, 2.0], requires_grad=True)

try:
    weights + array
except RuntimeError as error:
    print(f"{type(error).__name__}: {error}")
    assert "requires grad" in str(error)
else:
    raise AssertionError("tensor + array should fail for a tensor that requires grad")

# %%
# Inside ``torch.no_grad()`` it works, without autograd: the result is a
# ``float64`` tensor computed by NumPy, and it does not require grad.

with torch.no_grad(), warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    no_grad_result = weights + array
print(no_grad_result, "requires_grad:", no_grad_result.requires_grad)

assert no_grad_result.tolist() == [11.0, 22.0]
assert no_grad_result.dtype == torch.float64 and not no_grad_result.requires_grad

# %%
# .. rst-class:: fold
#
# ``array + tensor`` raises ``TypeError``
# ---------------------------------------
#
# With the array on the left, both sides decline: ``ndarray.__add__`` steps
# aside for the tensor (tensors set a high ``__array_priority__``), and
# ``Tensor.__radd__`` declines the array. Python then has nothing left to call
# and raises ``TypeError``. For ``+`` its last try is sequence concatenation,
# which gives a misleading message about concatenation; for ``*`` the message
# is the usual "unsupported operand type(s)".

print("array.__add__(tensor): ", array.__add__(tensor))
print("tensor.__radd__(array):", tensor.__radd__(array))
print("__array_priority__:", torch.Tensor.__array_priority__, array.__array_priority__)

assert torch.Tensor.__array_priority__ > array.__array_priority__
assert array.__add__(tensor) is NotImplemented
assert tensor.__radd__(array) is NotImplemented

for name, operation in [
    ("array + tensor", lambda: array + tensor),
    ("array * tensor", lambda: array * tensor),
]:
    try:
        operation()
    except TypeError as error:
        print(f"{name}: {type(error).__name__}: {error}")
    else:
        raise AssertionError(f"{name} should raise TypeError")

# %%
# NumPy scalars work on both sides, with torch's rules
# ----------------------------------------------------
#
# A NumPy scalar (``np.float64(1.5)``, what ``array.sum()`` or ``array[0]``
# returns) is not an array. torch takes it like a Python number, from either
# side, with no warning. The result follows torch's rules for a tensor and a
# number: the tensor's dtype wins within its kind, so a ``float32`` tensor
# stays ``float32`` even with a ``np.float64``. An integer tensor with a float
# scalar gives the default dtype, ``float32``.

ints = torch.tensor([1, 2])
cases = {
    "float32 tensor + np.float64": (tensor, np.float64(1.5), torch.float32),
    "float32 tensor + np.int64": (tensor, np.int64(2), torch.float32),
    "int64 tensor + np.float64": (ints, np.float64(1.5), torch.float32),
    "int64 tensor + np.int32": (ints, np.int32(2), torch.int64),
}
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    for name, (operand, scalar, expected) in cases.items():
        left, right = operand + scalar, scalar + operand
        print(f"{name:<28} tensor first: {left.dtype}, scalar first: {right.dtype}")
        assert type(left) is torch.Tensor and type(right) is torch.Tensor
        assert left.dtype == right.dtype == expected
print("warnings:", len(caught))

assert not caught, "a NumPy scalar should mix with a tensor without a warning"

# %%
# torch computes these itself, so autograd follows: with a tensor that
# requires grad, the result has a ``grad_fn`` and ``backward()`` works.

scaled = np.float64(3.0) * weights
scaled.sum().backward()
print(scaled, weights.grad)

assert scaled.grad_fn is not None
assert weights.grad.tolist() == [3.0, 3.0]

# %%
# Convert first to choose the rules
# ---------------------------------
#
# Turn the array into a tensor before the arithmetic. ``torch.from_numpy``
# shares the array's memory (no copy), and torch then computes with its own
# rules, in either order, with no warning, and with autograd.

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    array_tensor = torch.from_numpy(array)
    first = array_tensor + weights
    second = weights + array_tensor
print(first.dtype, second.dtype, "grad_fn:", type(first.grad_fn).__name__)
print("warnings:", len(caught))

assert np.shares_memory(array, array_tensor.numpy())
assert torch.equal(first, second) and first.dtype == torch.float64
assert first.grad_fn is not None
assert not caught

# %%
# To stay in ``float32``, convert the array to the tensor's dtype as well,
# for example with ``torch.as_tensor(array, dtype=tensor.dtype)`` (a copy,
# because the dtype changes).

matched = tensor + torch.as_tensor(array, dtype=tensor.dtype)
print(matched.dtype, matched)

assert matched.dtype == torch.float32
assert matched.tolist() == [11.0, 22.0]

# %%
# More on the calls that convert first:
# :ref:`sphx_glr_auto_examples_numpy_to_tensor_plot_01_from_numpy.py` and
# :ref:`sphx_glr_auto_examples_numpy_to_tensor_plot_03_as_tensor_and_asarray.py`.
