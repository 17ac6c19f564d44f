"""
Convert complex tensors to NumPy arrays and Python numbers
==========================================================

Complex tensors convert like real ones, with a few differences. This page
shows the shared array that ``.numpy()`` returns and its dtype, the real and
imaginary parts as arrays, the Python ``complex`` numbers that ``.item()`` and
``.tolist()`` give, ``float()`` refusing a complex value, and what the
conjugate bit changes.
"""

# %%
# A complex tensor
# ----------------
#
# A Python ``complex`` in ``torch.tensor`` gives a ``complex64`` tensor: two
# ``float32`` numbers per element, one for the real part and one for the
# imaginary part. NumPy's default is ``complex128``, two ``float64`` numbers.

import numpy as np
import torch

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
# The other way, ``torch.from_numpy`` keeps NumPy's ``complex128``, and the
# tensor shares the array's memory.

numpy_complex = np.array([1 + 2j, 3 - 1j])
shared = torch.from_numpy(numpy_complex)
shared.mul_(2)
print(shared.dtype, numpy_complex)

assert shared.dtype == torch.complex128
assert numpy_complex.tolist() == [2 + 4j, 6 - 2j]

# %%
# The real and imaginary parts as arrays
# --------------------------------------
#
# ``values.real`` and ``values.imag`` are ``float32`` views of the complex
# tensor, so their arrays share its memory too. They are strided: each
# element is 8 bytes away from the next, because the imaginary parts sit in
# between.

real = values.real.numpy()
imag = values.imag.numpy()
print("real:", real, real.dtype, "strides", real.strides)
print("imag:", imag, imag.dtype, "strides", imag.strides)

assert real.dtype == imag.dtype == np.float32
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
# What to remember
# ----------------
#
# * ``.numpy()`` on a complex tensor shares memory and keeps the dtype:
#   ``complex64`` stays ``complex64``. ``.real`` and ``.imag`` give strided
#   ``float32`` views of the same memory.
# * ``.item()`` and ``.tolist()`` give Python ``complex`` numbers;
#   ``complex64`` values show their ``float32`` rounding.
# * ``float()`` raises ``RuntimeError`` for a value with an imaginary part:
#   use ``complex()``, ``.real``, ``.imag`` or ``abs()``.
# * A conjugated view converts with ``.item()`` and ``.tolist()``, but needs
#   ``resolve_conj()`` (a copy) before ``.numpy()``. More on the conjugate
#   bit: :ref:`sphx_glr_auto_examples_edge_cases_plot_06_conj_and_neg_bits.py`.
# * Real tensors:
#   :ref:`sphx_glr_auto_examples_tensor_to_python_plot_01_item.py` and
#   :ref:`sphx_glr_auto_examples_tensor_to_python_plot_04_tolist.py`.
