"""
Convert a non-contiguous tensor to NumPy
========================================

``t.T.numpy()`` works without a copy: the array keeps the tensor's strides
(NumPy counts them in bytes, PyTorch in elements) and shares its memory. Only
asking for a contiguous result copies: ``np.ascontiguousarray(array)`` or
``tensor.contiguous()``.
"""

import numpy as np
import torch

t = torch.arange(6.0).reshape(2, 3)
array = t.T.numpy()  # shares memory with t, in transposed order
t[0, 1] = 100  # an in-place change of t shows through the array
assert array[1, 0] == 100 and not array.flags.c_contiguous

# %%
# A transposed tensor
# -------------------
#
# ``t.T`` does not move any data. It reads the same six numbers with the
# strides swapped: one step along a row of ``t.T`` moves 3 elements in memory.

t = torch.arange(6, dtype=torch.float32).reshape(2, 3)
tt = t.T
print(tt)
print("stride:", tt.stride(), "contiguous:", tt.is_contiguous())

assert tt.stride() == (1, 3)
assert not tt.is_contiguous()
assert tt.data_ptr() == t.data_ptr()

# %%
# ``.numpy()`` keeps the strides
# ------------------------------
#
# The array has the same layout. The numbers look different because NumPy
# measures strides in bytes: each PyTorch stride is multiplied by the element
# size, 4 bytes for ``float32``.

array = tt.numpy()
print("tensor strides (elements):", tt.stride())
print("element size (bytes):     ", tt.element_size())
print("array strides (bytes):    ", array.strides)
print("C-contiguous:", array.flags.c_contiguous)

assert array.strides == tuple(s * tt.element_size() for s in tt.stride())
assert array.strides == (4, 12)
assert not array.flags.c_contiguous

# %%
# The same rule holds for a slice that skips elements. ``t[:, ::2]`` takes every
# second column: stride 2 elements along a row, that is 8 bytes.

columns = t[:, ::2]
print("tensor strides:", columns.stride(), "array strides:", columns.numpy().strides)

assert columns.numpy().strides == tuple(
    s * columns.element_size() for s in columns.stride()
)
assert columns.numpy().strides == (12, 8)

# %%
# The array shares memory with the tensor
# ---------------------------------------
#
# No copy was made: the array starts at the tensor's address. An in-place write
# through the array shows up in the original ``t`` (at the transposed
# position), and an in-place change of ``tt`` shows up in the array.

print("same address:", array.ctypes.data == tt.data_ptr())
array[0, 1] = 100
print(t)

assert array.ctypes.data == tt.data_ptr()
assert t[1, 0].item() == 100

tt.mul_(2)
print(array)

assert array.tolist() == [[0.0, 200.0], [2.0, 8.0], [4.0, 10.0]]

# %%
# ``np.ascontiguousarray`` copies
# -------------------------------
#
# Some code needs a C-contiguous array. ``np.ascontiguousarray`` gives one, and
# for a non-contiguous array that means a copy with new strides. The copy no
# longer follows changes to the tensor.

c_array = np.ascontiguousarray(array)
print("strides:", c_array.strides, "C-contiguous:", c_array.flags.c_contiguous)
print("shares memory:", np.shares_memory(c_array, array))
tt.add_(1)
print(c_array)

assert c_array.strides == (8, 4)
assert not np.shares_memory(c_array, array)
assert c_array.tolist() == [[0.0, 200.0], [2.0, 8.0], [4.0, 10.0]]
assert array.tolist() == [[1.0, 201.0], [3.0, 9.0], [5.0, 11.0]]

# %%
# For an array that is already C-contiguous, ``np.ascontiguousarray`` copies
# nothing: it returns the same array (if the array has at least one
# dimension; a 0-d array comes back as a new 1-d array).

row_major = t.numpy()
assert np.ascontiguousarray(row_major) is row_major
assert np.ascontiguousarray(np.array(1.0)).shape == (1,)

# %%
# ``tensor.contiguous()`` copies
# ------------------------------
#
# On the PyTorch side, ``.contiguous()`` does the same job: a new tensor in row
# order, at a new address. Converting it gives a C-contiguous array that shares
# memory with the new tensor, not with ``t``.

contiguous = tt.contiguous()
print("stride:", contiguous.stride())
print("same address as tt:", contiguous.data_ptr() == tt.data_ptr())
contiguous.zero_()
print(tt)

assert contiguous.stride() == (2, 1)
assert contiguous.data_ptr() != tt.data_ptr()
assert contiguous.numpy().flags.c_contiguous
assert tt.tolist() == [[1.0, 201.0], [3.0, 9.0], [5.0, 11.0]]

# %%
# Like ``np.ascontiguousarray``, ``.contiguous()`` on a tensor that is already
# contiguous returns that same tensor.

assert t.contiguous() is t

# %%
# The other direction keeps strides too
# -------------------------------------
#
# ``torch.from_numpy`` on a transposed array also keeps its layout and shares
# memory. Of the layouts that slicing and transposing make, only those with a
# *negative* stride are refused (see the first page of this section).

numpy_t = np.arange(6, dtype=np.float32).reshape(2, 3).T
from_array = torch.from_numpy(numpy_t)
print("array strides:", numpy_t.strides, "tensor stride:", from_array.stride())
from_array.add_(1)
print(numpy_t)

assert from_array.stride() == (1, 3)
assert numpy_t.tolist() == [[1.0, 4.0], [2.0, 5.0], [3.0, 6.0]]

# %%
# Negative strides are the exception:
# :ref:`sphx_glr_auto_examples_edge_cases_plot_01_negative_strides.py`.
# For independent copies in general, see
# :ref:`sphx_glr_auto_examples_tensor_to_numpy_plot_02_independent_copies.py`.
