"""
Convert sparse and meta tensors to NumPy
========================================

``.numpy()`` works on dense (strided) tensors that hold data in CPU memory. A
sparse tensor stores only its non-zero entries, and a meta tensor stores no
data at all, so ``.numpy()`` refuses both. This page shows the real errors, the
fix for a sparse tensor (``.to_dense().numpy()``), and why a meta tensor has
nothing to convert.
"""

# %%
# A sparse COO tensor
# -------------------
#
# A COO ("coordinate") tensor stores a list of positions (``indices``) and the
# values at those positions. Every other entry is zero. Here a 3 x 3 matrix has
# three non-zero entries. ``check_invariants=True`` makes torch check that the
# indices are valid.

import torch

indices = torch.tensor([[0, 1, 2], [2, 0, 1]])  # row numbers, column numbers
values = torch.tensor([3.0, 4.0, 5.0])
sparse = torch.sparse_coo_tensor(indices, values, (3, 3), check_invariants=True)
print(sparse.layout, "shape:", tuple(sparse.shape))

assert sparse.layout == torch.sparse_coo
assert sparse.is_sparse

# %%
# ``.numpy()`` refuses a sparse tensor
# ------------------------------------
#
# NumPy has no sparse arrays, and a sparse tensor has no block of memory that
# holds all nine entries. ``.numpy()`` raises a ``TypeError``, and
# ``force=True`` does not help.

try:
    sparse.numpy()
except TypeError as error:
    print(f"{type(error).__name__}: {error}")
else:
    raise AssertionError("sparse.numpy() should refuse a sparse tensor")

try:
    sparse.numpy(force=True)
except TypeError as error:
    print(f"force=True: {type(error).__name__}: {error}")
else:
    raise AssertionError("sparse.numpy(force=True) should refuse a sparse tensor")

# %%
# Fix: ``.to_dense().numpy()``
# ----------------------------
#
# ``.to_dense()`` builds an ordinary tensor with every entry, zeros included.
# That tensor converts like any other.

dense = sparse.to_dense()
array = dense.numpy()
print(array)

assert dense.layout == torch.strided
assert array.tolist() == [[0.0, 0.0, 3.0], [4.0, 0.0, 0.0], [0.0, 5.0, 0.0]]

# %%
# The dense array is new memory of full size: rows x columns x 4 bytes for
# ``float32``, however few entries are non-zero. For a large, mostly empty
# matrix that can be far more memory than the sparse tensor uses. A change to
# the array does not reach the sparse tensor.

print("dense bytes:", array.nbytes)
array[0, 0] = 100
print("sparse tensor after array[0, 0] = 100:")
print(sparse.to_dense())

assert array.nbytes == 3 * 3 * 4
assert sparse.to_dense()[0, 0].item() == 0

# %%
# Keep it sparse: convert the parts
# ---------------------------------
#
# To keep only the non-zero entries, convert the two parts separately. First
# call ``.coalesce()``: it sorts the entries and adds up repeated positions.
# Before that, ``.indices()`` and ``.values()`` raise an error:

for name, part in [("indices", sparse.indices), ("values", sparse.values)]:
    try:
        part()
    except RuntimeError as error:
        print(f"{name}(): {type(error).__name__}: {error}")
    else:
        raise AssertionError(f"{name}() should refuse an uncoalesced tensor")

# %%
# Here is ``.coalesce()`` adding up two entries at the same position:

repeated = torch.sparse_coo_tensor([[0, 0]], [1.0, 2.0], (2,), check_invariants=True)
print(repeated.coalesce().values())

assert repeated.coalesce().values().tolist() == [3.0]

# %%
# After ``.coalesce()``, both parts are ordinary tensors and ``.numpy()`` shares
# their memory.

coalesced = sparse.coalesce()
index_array = coalesced.indices().numpy()
value_array = coalesced.values().numpy()
print("indices:")
print(index_array)
print("values:", value_array)

assert coalesced.is_coalesced()
assert index_array.tolist() == [[0, 1, 2], [2, 0, 1]]
assert value_array.tolist() == [3.0, 4.0, 5.0]
assert index_array.ctypes.data == coalesced.indices().data_ptr()
assert value_array.ctypes.data == coalesced.values().data_ptr()

# %%
# A meta tensor has no data
# -------------------------
#
# A tensor on the ``meta`` device has a shape, a dtype and strides, but no
# memory for its elements: its data pointer is 0. PyTorch uses meta tensors to
# work out shapes without computing anything. Even a meta tensor that would
# need 40 GB can be created, because nothing is allocated.

meta = torch.empty(3, device="meta")
print(meta)
print("shape:", tuple(meta.shape), "dtype:", meta.dtype, "device:", meta.device)
print("data pointer is 0:", meta.data_ptr() == 0)

huge = torch.empty(100_000, 100_000, device="meta")
print("huge would need", huge.numel() * huge.element_size(), "bytes")
print("huge data pointer is 0:", huge.data_ptr() == 0)

assert meta.is_meta and meta.data_ptr() == 0
assert huge.numel() * huge.element_size() == 40 * 10**9
assert huge.data_ptr() == 0

# %%
# Operations on meta tensors only compute the shape of the result:

product = torch.empty(2, 3, device="meta") @ torch.empty(3, 4, device="meta")
print(product)

assert product.is_meta and product.shape == (2, 4)

# %%
# ``.numpy()`` refuses a meta tensor
# ----------------------------------
#
# ``.numpy()`` raises a ``TypeError``. Its message suggests ``Tensor.cpu()``:

try:
    meta.numpy()
except TypeError as error:
    print(f"{type(error).__name__}: {error}")
else:
    raise AssertionError("meta.numpy() should refuse a meta tensor")

# %%
# But ``.cpu()`` cannot help: there are no values to copy. It raises
# ``NotImplementedError``, and so do ``.numpy(force=True)`` and ``.tolist()``.
# ``NotImplementedError`` is a subclass of ``RuntimeError``, so the
# ``except RuntimeError`` below catches it; the loop then checks that the
# error is exactly ``NotImplementedError``, not some other ``RuntimeError``.

for name, convert in [
    ("meta.cpu()", meta.cpu),
    ("meta.numpy(force=True)", lambda: meta.numpy(force=True)),
    ("meta.tolist()", meta.tolist),
]:
    try:
        convert()
    except RuntimeError as error:
        print(f"{name}: {type(error).__name__}: {error}")
        assert type(error) is NotImplementedError, type(error)
    else:
        raise AssertionError(f"{name} should fail: a meta tensor has no data")

# %%
# What to do instead
# ------------------
#
# A meta tensor only describes a tensor. To get an array, create real data with
# the same shape and dtype, for example with ``torch.zeros_like`` on the CPU,
# or run the computation again on real tensors.

real = torch.zeros_like(meta, device="cpu")
print(real.numpy(), real.numpy().dtype)

assert real.shape == meta.shape and real.dtype == meta.dtype
assert real.numpy().tolist() == [0.0, 0.0, 0.0]

# %%
# What to remember
# ----------------
#
# * ``.numpy()`` on a sparse tensor raises ``TypeError``. Use
#   ``.to_dense().numpy()`` (a full-size copy), or
#   ``.coalesce()`` and then ``.indices().numpy()`` and ``.values().numpy()``.
# * A meta tensor has a shape and a dtype but no data (its data pointer is 0).
#   ``.numpy()`` raises ``TypeError``, and ``.cpu()``, ``.numpy(force=True)``
#   and ``.tolist()`` raise ``NotImplementedError``. Create real data instead.
# * For the normal case, see
#   :ref:`sphx_glr_auto_examples_tensor_to_numpy_plot_01_numpy_shares_memory.py`;
#   for GPU tensors, see
#   :ref:`sphx_glr_auto_examples_gpu_plot_01_cuda_tensor_to_numpy.py`.
