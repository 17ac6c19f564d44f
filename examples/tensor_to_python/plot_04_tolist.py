"""
Turn a tensor into lists with ``.tolist()``
===========================================

``tensor.tolist()`` copies every element into a Python number and nests the
lists like the tensor's dimensions. It works on tensors that require grad. A
0-d tensor gives a plain number, not a list.
"""

import torch

matrix = torch.tensor([[1, 2], [3, 4]])
nested = matrix.tolist()  # a copy: lists of Python ints, shaped like the tensor
matrix.add_(10)  # an in-place change of the tensor does not reach the lists
assert nested == [[1, 2], [3, 4]]
assert torch.tensor(7).tolist() == 7  # a 0-d tensor gives a number, not a list

# %%
# Element types follow the dtype
# ------------------------------
#
# Each element becomes a Python ``int``, ``float``, ``bool`` or ``complex``,
# like ``.item()`` does for a single element.

ints = torch.tensor([1, 2, 3]).tolist()
floats = torch.tensor([0.5, 1.5]).tolist()
bools = torch.tensor([True, False]).tolist()
complexes = torch.tensor([1 + 2j, 3.5]).tolist()
print(ints, [type(v).__name__ for v in ints])
print(floats, [type(v).__name__ for v in floats])
print(bools, [type(v).__name__ for v in bools])
print(complexes, [type(v).__name__ for v in complexes])

assert type(ints) is list and all(type(v) is int for v in ints)
assert all(type(v) is float for v in floats)
assert all(type(v) is bool for v in bools)
assert complexes == [1 + 2j, 3.5 + 0j]
assert all(type(v) is complex for v in complexes)

# %%
# The nesting follows the shape
# -----------------------------
#
# A tensor of shape ``(2, 3)`` gives a list of 2 lists of 3 numbers each. A
# tensor of shape ``(2, 1, 2)`` gives three levels of lists.

matrix = torch.arange(6).reshape(2, 3)
nested = matrix.tolist()
print(nested)
print("outer length:", len(nested), " inner lengths:", [len(row) for row in nested])

assert nested == [[0, 1, 2], [3, 4, 5]]
assert len(nested) == 2 and all(len(row) == 3 for row in nested)

deep = torch.arange(4).reshape(2, 1, 2).tolist()
print(deep)

assert deep == [[[0, 1]], [[2, 3]]]

# %%
# The lists are a copy
# --------------------
#
# The lists hold Python numbers, not views of the tensor. An in-place change
# of the tensor does not change them.

matrix.add_(10)
print(matrix.tolist())
print(nested)

assert nested == [[0, 1, 2], [3, 4, 5]]

# %%
# A 0-d tensor gives a number, not a list
# ---------------------------------------
#
# A 0-d tensor has no dimension to turn into a list, so ``.tolist()`` returns
# the number itself, the same as ``.item()``. A tensor of shape ``(1,)`` gives
# a list with one element.

zero_d = torch.tensor(7).tolist()
one_d = torch.tensor([7]).tolist()
print(repr(zero_d), type(zero_d).__name__)
print(repr(one_d), type(one_d).__name__)

assert type(zero_d) is int and zero_d == 7
assert zero_d == torch.tensor(7).item()
assert one_d == [7]

# %%
# .. rst-class:: fold
#
# A tensor that requires grad
# ---------------------------
#
# ``.tolist()`` works on a tensor that requires grad, with no ``detach()``,
# no error and no warning.

import warnings

torch.set_warn_always(True)
weights = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    weight_list = weights.tolist()
print(weight_list)
print("warnings:", len(caught))

assert weight_list == [[1.0, 2.0], [3.0, 4.0]]
assert not caught, "tolist() should not warn for a tensor that requires grad"

# %%
# The result is plain Python data, with no link to autograd.

print("all Python floats:", all(type(v) is float for row in weight_list for v in row))

assert all(type(v) is float for row in weight_list for v in row)

# %%
# ``float32`` rounding becomes visible
# ------------------------------------
#
# The tensor is ``float32``, so ``0.1`` is stored as the nearest ``float32``
# number. The tensor print rounds to four decimals. The list holds that value
# as a Python ``float``, which prints with the fewest digits that give the
# number back, and for this number those are ``0.10000000149011612``.

small = torch.tensor([0.1, 0.2, 0.5])
small_list = small.tolist()
print(small)
print(small_list)

assert small.dtype == torch.float32
assert str(small) == "tensor([0.1000, 0.2000, 0.5000])"
assert repr(small_list[0]) == "0.10000000149011612"
assert small_list[0] != 0.1
assert small_list[2] == 0.5

# %%
# ``0.5`` is exact, because it is a power of two. With a ``float64`` tensor,
# the list gives back the numbers as typed.

small64 = torch.tensor([0.1, 0.2, 0.5], dtype=torch.float64).tolist()
print(small64)

assert small64 == [0.1, 0.2, 0.5]

# %%
# ``.numpy()``, unlike ``.tolist()``, refuses a tensor that requires grad
# while grad mode is on:
# :ref:`sphx_glr_auto_examples_tensor_to_numpy_plot_03_requires_grad.py`.
# One number at a time, and why ``float32`` values print with so many digits:
# :ref:`sphx_glr_auto_examples_tensor_to_python_plot_01_item.py`. Scalars that
# require grad:
# :ref:`sphx_glr_auto_examples_tensor_to_python_plot_03_scalars_that_require_grad.py`.
# Complex tensors:
# :ref:`sphx_glr_auto_examples_tensor_to_python_plot_05_complex_tensors.py`.
