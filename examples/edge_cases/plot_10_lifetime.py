"""
Delete one side of shared memory safely
=======================================

Deleting one side of a shared conversion frees nothing:
``torch.from_numpy(array)`` keeps the array alive, and ``.numpy()`` keeps the
tensor's memory alive. Two pitfalls: a tensor over a small slice keeps the
whole array (``.clone()`` the slice), and neither side can grow the shared
memory; a failed ``resize_`` even leaves the tensor with a wrong shape.
"""

import numpy as np
import torch

array = np.arange(4.0)
tensor = torch.from_numpy(array)  # shares memory and holds a reference to array
del array  # frees nothing: the tensor keeps the array alive
tensor.add_(1)  # the tensor still reads and writes the same memory
assert tensor.tolist() == [1.0, 2.0, 3.0, 4.0]

# %%
# ``torch.from_numpy`` keeps the array alive
# ------------------------------------------
#
# The tensor holds a reference to the array: ``sys.getrefcount`` counts one
# more reference once the tensor exists. A weak reference (``weakref.ref``)
# watches whether the array still exists without keeping it alive itself:
# the array outlives your name for it, and goes when the tensor goes.

import gc
import sys
import weakref

array = np.arange(4.0)
references_before = sys.getrefcount(array)
tensor = torch.from_numpy(array)
watch_array = weakref.ref(array)
print("references added by the tensor:", sys.getrefcount(array) - references_before)
assert sys.getrefcount(array) > references_before

del array
gc.collect()
print("array still exists after del array:", watch_array() is not None)
assert watch_array() is not None and watch_array().ctypes.data == tensor.data_ptr()

del tensor
gc.collect()
print("array still exists after del tensor:", watch_array() is not None)
assert watch_array() is None

# %%
# A small slice keeps the whole array
# -----------------------------------
#
# A slice of an array is a view: it refers to the array it was cut from (its
# ``.base``). So a tensor made from a slice of three numbers keeps the whole
# array alive, here 80 MB of it. ``.clone()`` copies the three numbers into
# memory of their own: once the tensor over the slice is replaced by its
# clone, the large array is freed.

large = np.zeros(10_000_000)
assert large[:3].base is large
small = torch.from_numpy(large[:3])
watch_large = weakref.ref(large)
del large
gc.collect()
print("bytes kept alive by a 3-number tensor:", watch_large().nbytes)

assert watch_large().nbytes == 80_000_000
assert small.data_ptr() == watch_large().ctypes.data

small = small.clone()
gc.collect()
print("large array still exists after .clone():", watch_large() is not None)

assert watch_large() is None and small.tolist() == [0.0, 0.0, 0.0]

# %%
# ``.numpy()`` keeps the tensor's memory alive
# --------------------------------------------
#
# ``.numpy()`` sets the array's ``.base`` to a tensor over the same storage.
# It is not the tensor you called ``.numpy()`` on but another tensor object,
# so deleting your tensor does not free the memory: the array still reads and
# writes it, and the storage goes when the array goes.

source = torch.arange(4.0)
from_tensor = source.numpy()
keeper = from_tensor.base
same_storage = (
    keeper.untyped_storage().data_ptr() == source.untyped_storage().data_ptr()
)
print(
    "base is a tensor:",
    isinstance(keeper, torch.Tensor),
    "| is source:",
    keeper is source,
)

assert isinstance(keeper, torch.Tensor) and keeper is not source and same_storage

watch_source, watch_keeper = weakref.ref(source), weakref.ref(keeper)
del source, keeper
gc.collect()
from_tensor[0] = 100
print("after del source: base exists:", watch_keeper() is not None, watch_keeper())

assert watch_source() is None and watch_keeper() is not None
assert watch_keeper().tolist() == [100.0, 1.0, 2.0, 3.0]

del from_tensor
gc.collect()
assert watch_keeper() is None

# %%
# .. rst-class:: fold
#
# Neither side can grow the shared memory
# ---------------------------------------
#
# Growing a tensor in place (``resize_``) may need a larger block of memory,
# and moving to it would leave the array pointing at freed memory. So PyTorch
# marks shared storage as not resizable: after ``.numpy()``, and for a tensor
# from ``torch.from_numpy``, ``resize_`` to a larger size raises
# ``RuntimeError``. **But the failed call has already changed the tensor's
# shape**: torch sets the new shape before it tries to grow the storage. The
# tensor now claims 1000 elements over storage for 3, and reading or writing
# it touches memory it does not own, which can crash the interpreter. This
# page only looks at its shape; ``resize_`` back to the old shape repairs it.

grown = torch.arange(3.0)
grown_array = grown.numpy()
from_array = torch.from_numpy(np.arange(3.0))
for name, shared in [("after .numpy()", grown), ("from torch.from_numpy", from_array)]:
    try:
        shared.resize_(1000)
    except RuntimeError as error:
        print(f"{name}: {type(error).__name__}: {error}")
        assert "not resizable" in str(error)
    else:
        raise AssertionError(f"resize_ should refuse shared storage ({name})")
    storage_bytes = shared.untyped_storage().nbytes()
    print(f"  shape now: {tuple(shared.shape)}, storage: {storage_bytes} bytes")
    assert shared.shape == (1000,) and storage_bytes == 3 * shared.element_size()
    shared.resize_(3)  # the repair: back to a shape the storage holds

grown_array[0] = -1
print("after the repair, grown:", grown)

assert grown.tolist() == [-1.0, 1.0, 2.0] and from_array.shape == (3,)

# %%
# The storage stays not resizable even once the array is gone, while a tensor
# that never shared its memory grows without complaint:

del grown_array
gc.collect()
try:
    grown.resize_(1000)
except RuntimeError:
    grown.resize_(3)  # the repair again
else:
    raise AssertionError("the storage should stay not resizable")

alone = torch.arange(3.0)
alone.resize_(1000)

assert grown.shape == (3,) and alone.shape == (1000,)

# %%
# NumPy protects its side the same way: ``ndarray.resize`` refuses an array
# that another object refers to, and the tensor is such an object. Once the
# tensor is deleted, the same call succeeds.

resizable = np.arange(3.0)
over_resizable = torch.from_numpy(resizable)
try:
    resizable.resize(1000)
except ValueError as error:
    print(f"{type(error).__name__}: {str(error).splitlines()[0]}")
else:
    raise AssertionError("ndarray.resize should refuse an array a tensor refers to")

assert resizable.shape == (3,)
del over_resizable
resizable.resize(1000)

assert resizable.shape == (1000,)

# %%
# DLPack conversions keep their producer alive the same way:
# :ref:`sphx_glr_auto_examples_edge_cases_plot_08_dlpack.py`. Tensors over
# buffers and files:
# :ref:`sphx_glr_auto_examples_edge_cases_plot_09_buffers_and_memory_maps.py`.
