"""
Delete one side of a shared conversion safely
=============================================

When a tensor and an array share memory, which one owns it, and what happens
when you delete the other? This page shows that ``torch.from_numpy`` keeps the
array alive, that ``.numpy()`` keeps the tensor's memory alive, what that
costs when the shared part is a small slice of a large array, and why neither
side can grow the shared memory.
"""

# %%
# ``torch.from_numpy`` keeps the array alive
# ------------------------------------------
#
# The tensor holds a reference to the array: ``sys.getrefcount`` counts one
# more reference once the tensor exists. A weak reference (``weakref.ref``)
# watches whether the array still exists without keeping it alive itself.

import gc
import sys
import weakref

import numpy as np
import torch

array = np.arange(4.0)
references_before = sys.getrefcount(array)
tensor = torch.from_numpy(array)
print("references added by the tensor:", sys.getrefcount(array) - references_before)

assert sys.getrefcount(array) > references_before

# %%
# Delete the name ``array``. The array is not freed, because the tensor still
# refers to it, and the tensor still reads and writes the same memory.

watch_array = weakref.ref(array)
address = array.ctypes.data
del array
gc.collect()
print("array still exists:", watch_array() is not None)

tensor.add_(1)
print("tensor:", tensor)
print("array (through the weak reference):", watch_array())

assert watch_array() is not None
assert tensor.data_ptr() == address
assert watch_array().tolist() == [1.0, 2.0, 3.0, 4.0]

# %%
# When the tensor goes, nothing refers to the array any more, and it is freed.

del tensor
gc.collect()
print("array still exists:", watch_array() is not None)

assert watch_array() is None

# %%
# A small slice keeps the whole array
# -----------------------------------
#
# A slice of an array is a view: it refers to the array it was cut from (its
# ``.base``). So a tensor made from a slice of three numbers keeps the whole
# array alive, here 80 MB of it, for as long as the tensor lives.

large = np.zeros(10_000_000)
head = large[:3]
print("the slice's base is the large array:", head.base is large)
small = torch.from_numpy(head)
watch_large = weakref.ref(large)
del large, head
gc.collect()
print("large array still exists:", watch_large() is not None)
print("bytes kept alive:", watch_large().nbytes)

assert watch_large() is not None
assert watch_large().nbytes == 80_000_000
assert small.data_ptr() == watch_large().ctypes.data

# %%
# ``.clone()`` copies the three numbers into memory of their own. Once the
# tensor over the slice is replaced by its clone, the large array is freed.

small = small.clone()
gc.collect()
print("large array still exists:", watch_large() is not None)
print("small:", small)

assert watch_large() is None
assert small.tolist() == [0.0, 0.0, 0.0]

# %%
# ``.numpy()`` keeps the tensor's memory alive
# --------------------------------------------
#
# ``.numpy()`` sets the array's ``.base`` to a tensor that shares the memory.
# It is not the tensor you called ``.numpy()`` on, but another tensor object
# over the same storage, so deleting your tensor does not free the memory.

source = torch.arange(4.0)
from_tensor = source.numpy()
keeper = from_tensor.base
print("base is a tensor:", isinstance(keeper, torch.Tensor))
print("base is the same object as source:", keeper is source)
same_storage = (
    keeper.untyped_storage().data_ptr() == source.untyped_storage().data_ptr()
)
print("same storage:", same_storage)

assert isinstance(keeper, torch.Tensor)
assert keeper is not source
assert same_storage
assert np.shares_memory(from_tensor, source.numpy())

# %%
# Delete the tensor. Its Python object goes away, but the array's base still
# holds the storage, and the array still reads and writes it.

watch_source = weakref.ref(source)
watch_keeper = weakref.ref(keeper)
del source, keeper
gc.collect()
print("source tensor still exists:", watch_source() is not None)
print("array's base still exists:", watch_keeper() is not None)

from_tensor[0] = 100
print("array:", from_tensor)
print("base:", watch_keeper())

assert watch_source() is None
assert watch_keeper() is not None
assert watch_keeper().tolist() == [100.0, 1.0, 2.0, 3.0]

# %%
# When the array goes, so does its base, and the storage is freed.

del from_tensor
gc.collect()
print("array's base still exists:", watch_keeper() is not None)

assert watch_keeper() is None

# %%
# Neither side can grow the shared memory
# ---------------------------------------
#
# Growing a tensor in place (``resize_``) may need a larger block of memory,
# and moving to it would leave the array pointing at freed memory. So
# PyTorch marks shared storage as not resizable: after ``.numpy()``, and for a
# tensor from ``torch.from_numpy``, ``resize_`` to a larger size raises
# ``RuntimeError``.

grown = torch.arange(3.0)
grown_array = grown.numpy()
from_array = torch.from_numpy(np.arange(3.0))
for name, shared in [("after .numpy()", grown), ("from torch.from_numpy", from_array)]:
    try:
        shared.resize_(1000)
    except RuntimeError as error:
        print(f"{name}: {type(error).__name__}: {error}")
    else:
        raise AssertionError(f"resize_ should refuse shared storage ({name})")

# %%
# A tensor that shares nothing grows without complaint:

alone = torch.arange(3.0)
alone.resize_(1000)
print("alone.shape:", tuple(alone.shape))

assert alone.shape == (1000,)

# %%
# NumPy protects its side the same way: ``ndarray.resize`` refuses an array
# that another object refers to, and the tensor is such an object. Once the
# tensor is deleted, the same call succeeds.

resizable = np.arange(3.0)
over_resizable = torch.from_numpy(resizable)
try:
    resizable.resize(1000)
except ValueError as error:
    print(f"{type(error).__name__}: {error}")
else:
    raise AssertionError("ndarray.resize should refuse an array a tensor refers to")

assert resizable.shape == (3,)
del over_resizable
resizable.resize(1000)
print("after del over_resizable:", resizable.shape)

assert resizable.shape == (1000,)

# %%
# What to remember
# ----------------
#
# * ``torch.from_numpy(array)`` holds a reference to the array: deleting your
#   name for the array frees nothing while the tensor lives.
# * A tensor over a slice keeps the whole array alive. ``.clone()`` the slice
#   if the rest of the array should be freed.
# * ``.numpy()`` gives the array a base tensor over the same storage, so the
#   array stays valid after the original tensor is deleted.
# * Shared memory cannot be grown from either side: ``resize_`` on the tensor
#   and ``ndarray.resize`` on the array both raise.
# * DLPack conversions keep their producer alive the same way:
#   :ref:`sphx_glr_auto_examples_edge_cases_plot_08_dlpack.py`. Tensors over
#   buffers and files:
#   :ref:`sphx_glr_auto_examples_edge_cases_plot_09_buffers_and_memory_maps.py`.
