"""
Convert sparse and meta tensors to NumPy
========================================

``.numpy()`` needs a dense (strided) tensor with data in memory, so it refuses
sparse and meta tensors. For a sparse tensor, ``.to_dense().numpy()`` makes a
full-size copy; ``.coalesce()`` then ``.indices()`` and ``.values()`` keep it
small. A meta tensor has no data at all: make real data instead.
"""

import torch

positions, values = [[0, 1], [1, 0]], [3.0, 4.0]  # rows, then columns
sparse = torch.sparse_coo_tensor(positions, values, (2, 2), check_invariants=True)
array = sparse.to_dense().numpy()  # a full-size copy; sparse.numpy() raises
assert array.tolist() == [[0.0, 3.0], [4.0, 0.0]]

# %%
# ``.numpy()`` refuses a sparse tensor
# ------------------------------------
#
# A COO ("coordinate") tensor stores a list of positions (``indices``: row
# numbers, then column numbers) and the values at those positions; every other
# entry is zero. ``check_invariants=True`` makes torch check the indices.
# NumPy has no sparse arrays, and no block of memory holds all nine entries,
# so ``.numpy()`` raises a ``TypeError``, with or without ``force=True``. From
# torch 2.8 the message names the fix, ``to_dense()``; torch 2.7 and older name
# ``Tensor.dense()``, a method that does not exist.

torch_version = tuple(
    int(part) for part in torch.__version__.split("+")[0].split(".")[:2]
)
indices = torch.tensor([[2, 0, 1], [1, 2, 0]])  # not in sorted order
values = torch.tensor([5.0, 3.0, 4.0])
sparse = torch.sparse_coo_tensor(indices, values, (3, 3), check_invariants=True)
print(sparse.layout, "shape:", tuple(sparse.shape))

for name, convert in [
    ("sparse.numpy()", sparse.numpy),
    ("sparse.numpy(force=True)", lambda: sparse.numpy(force=True)),
]:
    try:
        convert()
    except TypeError as error:
        print(f"{name}: {type(error).__name__}: {error}")
        assert "can't convert Sparse layout tensor to numpy" in str(error)
        fix = "Tensor.to_dense()" if torch_version >= (2, 8) else "Tensor.dense()"
        assert f"Use {fix} first" in str(error)
    else:
        raise AssertionError(f"{name} should refuse a sparse tensor")

# %%
# ``.to_dense()`` copies every entry
# ----------------------------------
#
# ``.to_dense()`` builds an ordinary tensor with every entry, zeros included,
# and that converts like any other. The array is new memory of full size:
# rows x columns x 4 bytes for ``float32``, however few entries are non-zero,
# and a change to it does not reach the sparse tensor.

array = sparse.to_dense().numpy()
array[0, 0] = 100
print(array)

assert array.tolist() == [[100.0, 0.0, 3.0], [4.0, 0.0, 0.0], [0.0, 5.0, 0.0]]
assert array.nbytes == 3 * 3 * 4
assert sparse.to_dense()[0, 0].item() == 0

# %%
# Keep it sparse: convert the parts
# ---------------------------------
#
# To keep only the listed entries, convert the two parts separately. Before
# ``.coalesce()``, ``.indices()`` and ``.values()`` raise an error:

for name, part in [("indices", sparse.indices), ("values", sparse.values)]:
    try:
        part()
    except RuntimeError as error:
        print(f"{name}(): {type(error).__name__}: {error}")
        assert "coalesce()" in str(error)
    else:
        raise AssertionError(f"{name}() should refuse an uncoalesced tensor")

# %%
# ``.coalesce()`` sorts the entries by position and adds up repeated
# positions. Then both parts are ordinary tensors, and ``.numpy()`` shares
# their memory.

coalesced = sparse.coalesce()
index_array = coalesced.indices().numpy()
value_array = coalesced.values().numpy()
print("indices:", index_array.tolist(), "values:", value_array.tolist())
repeated = torch.sparse_coo_tensor([[0, 0]], [1.0, 2.0], (2,), check_invariants=True)
print("two entries at position 0, coalesced:", repeated.coalesce().values())

assert coalesced.is_coalesced() and not sparse.is_coalesced()
assert index_array.tolist() == [[0, 1, 2], [2, 0, 1]]
assert value_array.tolist() == [3.0, 4.0, 5.0]
assert index_array.ctypes.data == coalesced.indices().data_ptr()
assert value_array.ctypes.data == coalesced.values().data_ptr()
assert repeated.coalesce().values().tolist() == [3.0]

# %%
# .. rst-class:: fold
#
# A meta tensor has no data
# -------------------------
#
# A tensor on the ``meta`` device has a shape, a dtype and strides, but no
# memory for its elements: its data pointer is 0. PyTorch uses meta tensors to
# work out shapes without computing anything, so even one that would need
# 40 GB can be created, and an operation on meta tensors only computes the
# shape of its result.

meta = torch.empty(3, device="meta")
huge = torch.empty(100_000, 100_000, device="meta")
product = torch.empty(2, 3, device="meta") @ torch.empty(3, 4, device="meta")
print(meta)
print("huge would need", huge.numel() * huge.element_size(), "bytes")
print(product)

assert meta.is_meta and meta.data_ptr() == 0
assert huge.numel() * huge.element_size() == 40 * 10**9 and huge.data_ptr() == 0
assert product.is_meta and product.shape == (2, 4)

# %%
# ``.numpy()`` raises a ``TypeError`` whose message suggests
# ``Tensor.cpu()``. But ``.cpu()`` cannot help: there are no values to copy.
# It raises ``NotImplementedError`` (a subclass of ``RuntimeError``), and so
# do ``.numpy(force=True)`` and ``.tolist()``.

try:
    meta.numpy()
except TypeError as error:
    print(f"meta.numpy(): {type(error).__name__}: {error}")
    assert "Tensor.cpu()" in str(error)
else:
    raise AssertionError("meta.numpy() should refuse a meta tensor")

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
# A meta tensor only describes a tensor. To get an array, create real data
# with the same shape and dtype, for example with ``torch.zeros_like`` on the
# CPU, or run the computation again on real tensors.

real = torch.zeros_like(meta, device="cpu")
print(real.numpy(), real.numpy().dtype)

assert real.shape == meta.shape and real.dtype == meta.dtype
assert real.numpy().tolist() == [0.0, 0.0, 0.0]

# %%
# For the normal case, see
# :ref:`sphx_glr_auto_examples_tensor_to_numpy_plot_01_numpy_shares_memory.py`;
# for GPU tensors, see
# :ref:`sphx_glr_auto_examples_gpu_plot_01_cuda_tensor_to_numpy.py`.
