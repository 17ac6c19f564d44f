"""
Convert complex tensors to NumPy or Python
==========================================

A ``complex64`` or ``complex128`` tensor converts like a real one:
``.numpy()`` shares its memory and keeps the dtype, ``.item()`` and
``.tolist()`` give Python ``complex`` numbers. ``float()`` refuses a value with
an imaginary part, and a ``.conj()`` view needs ``resolve_conj()`` before
``.numpy()``.
"""

import numpy as np
import torch

values = torch.tensor([1 + 2j, 3 - 1j])  # complex64
array = values.numpy()  # no copy: shares memory, complex64 stays complex64
values.mul_(2)  # so an in-place change of the tensor shows in the array
assert array.dtype == np.complex64 and array.tolist() == [2 + 4j, 6 - 2j]
assert values[0].item() == 2 + 4j  # a Python complex

# %%
# A complex tensor
# ----------------
#
# A Python ``complex`` in ``torch.tensor`` gives a ``complex64`` tensor: two
# ``float32`` numbers per element, one for the real part and one for the
# imaginary part. NumPy's default is ``complex128``, two ``float64`` numbers.

values = torch.tensor([1 + 2j, 3 - 1j])
print(values, values.dtype)
print("NumPy's default:", np.array([1 + 2j]).dtype)

assert values.dtype == torch.complex64
assert np.array([1 + 2j]).dtype == np.complex128

# %%
# ``.numpy()`` shares memory and keeps the dtype
# ----------------------------------------------
#
# ``values.numpy()`` returns a ``complex64`` array that shares the tensor's
# memory, exactly as for real dtypes. An in-place write through the array
# appears in the tensor.

array = values.numpy()
print(array, array.dtype)
print("shares memory:", np.shares_memory(array, values.numpy()))

assert array.dtype == np.complex64
assert array.ctypes.data == values.data_ptr()
assert np.shares_memory(array, values.numpy())

array[0] = 5 + 5j
print(values)

assert values[0].item() == 5 + 5j

# %%
# That holds for ``complex64`` and ``complex128``. NumPy has no ``complex32``
# (``torch.chalf``), so ``.numpy()`` raises ``TypeError`` for it; convert it
# with ``.cfloat()`` first, which makes a ``complex64`` copy.

import warnings

with warnings.catch_warnings():
    # torch warns once that complex32 support is experimental.
    warnings.simplefilter("ignore", UserWarning)
    half_complex = torch.zeros(2, dtype=torch.complex32)
try:
    half_complex.numpy()
except TypeError as error:
    print(f"{type(error).__name__}: {error}")
    assert "unsupported ScalarType" in str(error)
else:
    raise AssertionError(".numpy() should refuse complex32")

print("complex32 .cfloat().numpy():", half_complex.cfloat().numpy().dtype)
assert half_complex.cfloat().numpy().dtype == np.complex64

# %%
# The other way, ``torch.from_numpy`` keeps NumPy's ``complex128``, and the
# tensor shares the array's memory.

numpy_complex = np.array([1 + 2j, 3 - 1j])
shared = torch.from_numpy(numpy_complex)
shared.mul_(2)
print(shared.dtype, numpy_complex)

assert shared.dtype == torch.complex128
assert numpy_complex.tolist() == [2 + 4j, 6 - 2j]
assert shared.numpy().dtype == np.complex128
assert np.shares_memory(shared.numpy(), numpy_complex)

# %%
# .. rst-class:: fold
#
# The real and imaginary parts as arrays
# --------------------------------------
#
# ``values.real`` and ``values.imag`` are views of the complex tensor with the
# matching real dtype: ``float32`` for ``complex64`` (``float64`` for
# ``complex128``). Their arrays share the tensor's memory too. They are
# strided: each element is 8 bytes away from the next, because the imaginary
# parts sit in between.

real = values.real.numpy()
imag = values.imag.numpy()
print("real:", real, real.dtype, "strides", real.strides)
print("imag:", imag, imag.dtype, "strides", imag.strides)

assert real.dtype == imag.dtype == np.float32
assert torch.zeros(1, dtype=torch.complex128).real.dtype == torch.float64
assert real.strides == imag.strides == (8,)
assert np.shares_memory(real, array) and np.shares_memory(imag, array)

real[1] = 30.0
print(values)

assert values[1].item() == 30 - 1j

# %%
# ``.item()`` gives a Python ``complex``
# --------------------------------------
#
# ``.item()`` on a one-element complex tensor returns a Python ``complex``.
# A Python ``complex`` holds two ``float64`` numbers, so a ``complex64``
# tensor shows its ``float32`` rounding in both parts, like ``0.1`` does in a
# ``float32`` tensor. ``complex128`` gives the numbers back as typed.

small = torch.tensor(0.1 + 0.2j)
number = small.item()
number128 = torch.tensor(0.1 + 0.2j, dtype=torch.complex128).item()
print(small.dtype, repr(number), type(number).__name__)
print("torch.complex128", repr(number128), type(number128).__name__)

assert small.dtype == torch.complex64
assert type(number) is complex and type(number128) is complex
assert number == complex(0.10000000149011612, 0.20000000298023224)
assert number128 == 0.1 + 0.2j

# %%
# ``.tolist()`` gives nested lists of ``complex`` numbers, every element a
# ``complex`` even when its imaginary part is zero.

nested = torch.tensor([[1 + 1j, 2], [3j, 0]]).tolist()
print(nested)

assert nested == [[1 + 1j, 2 + 0j], [3j, 0j]]
assert all(type(v) is complex for row in nested for v in row)

# %%
# ``float()`` refuses a complex value
# -----------------------------------
#
# ``float()`` on a complex tensor raises ``RuntimeError`` when the imaginary
# part is not zero. The message speaks of overflow, but the cause is the
# imaginary part: with an imaginary part of zero, ``float()`` works.

try:
    float(torch.tensor(1 + 2j))
except RuntimeError as error:
    print(f"{type(error).__name__}: {error}")
    assert "overflow" in str(error)
else:
    raise AssertionError("float() should refuse a complex value")

print("float(torch.tensor(1 + 0j)):", float(torch.tensor(1 + 0j)))

assert float(torch.tensor(1 + 0j)) == 1.0

# %%
# Say which number you want: ``complex()`` keeps both parts, ``.real`` or
# ``.imag`` picks one, and ``abs()`` gives the magnitude.

z = torch.tensor(3 + 4j)
print(complex(z), z.real.item(), z.imag.item(), z.abs().item())

assert complex(z) == 3 + 4j
assert (z.real.item(), z.imag.item()) == (3.0, 4.0)
assert z.abs().item() == 5.0

# %%
# .. rst-class:: fold
#
# The conjugate bit
# -----------------
#
# ``values.conj()`` does not compute anything: it returns a view with the
# conjugate bit set. ``.item()`` and ``.tolist()`` read through the bit and
# give the conjugated numbers, but ``.numpy()`` refuses the view, because a
# NumPy array has no such bit.

conjugated = values.conj()
print("conj bit:", conjugated.is_conj())
print("same memory as values:", conjugated.data_ptr() == values.data_ptr())
print(conjugated[0].item(), conjugated.tolist())

assert conjugated.is_conj()
assert conjugated.data_ptr() == values.data_ptr()
assert conjugated[0].item() == 5 - 5j
assert conjugated.tolist() == [5 - 5j, 30 + 1j]

try:
    conjugated.numpy()
except RuntimeError as error:
    print(f"{type(error).__name__}: {error}")
    assert "conjugate bit" in str(error)
else:
    raise AssertionError(".numpy() should refuse a tensor with the conjugate bit")

# %%
# ``resolve_conj()`` writes the conjugated values into new memory, and
# ``.numpy()`` works on the result, which does not share memory with
# ``values``.

resolved = conjugated.resolve_conj().numpy()
print(resolved)

assert resolved.tolist() == [5 - 5j, 30 + 1j]
assert not np.shares_memory(resolved, values.numpy())

# %%
# More on the conjugate bit:
# :ref:`sphx_glr_auto_examples_edge_cases_plot_06_conj_and_neg_bits.py`.
# Real tensors:
# :ref:`sphx_glr_auto_examples_tensor_to_python_plot_01_item.py` and
# :ref:`sphx_glr_auto_examples_tensor_to_python_plot_04_tolist.py`.
