"""
Copy an array with ``torch.tensor``
===================================

``torch.tensor(array)`` never shares memory: it copies the values into a new
tensor on the default device, with the array's dtype unless you pass
``dtype=``. It refuses arrays with negative strides or a foreign byte order.
"""

import numpy as np
import torch

array = np.array([1.0, 2.0, 3.0])
tensor = torch.tensor(array)  # a copy: never shares memory with the array
array[0] = 100.0  # an in-place write into the array does not reach the copy
assert tensor.tolist() == [1.0, 2.0, 3.0]
assert tensor.dtype == torch.float64  # the array's dtype; dtype=torch.float32 converts

# %%
# The copy has memory of its own
# ------------------------------
#
# The new tensor starts at another address, and an in-place operation on it
# does not reach the array either.

print("same address:", array.ctypes.data == tensor.data_ptr())
print("shares memory:", np.shares_memory(array, tensor.numpy()))

assert array.ctypes.data != tensor.data_ptr()
assert not np.shares_memory(array, tensor.numpy())

tensor.mul_(2)
print("tensor:", tensor)
print("array: ", array)

assert array.tolist() == [100.0, 2.0, 3.0]
assert tensor.tolist() == [2.0, 4.0, 6.0]

# %%
# Change the dtype with ``dtype=``
# --------------------------------
#
# Without ``dtype=``, the tensor keeps the array's dtype: a ``float64`` array
# gives a ``float64`` tensor, not PyTorch's default ``float32``. Pass
# ``dtype=torch.float32`` to convert the values as part of the copy, the usual
# way to get a tensor that ``float32`` models accept. The array keeps its
# ``float64`` values, and the new values are rounded to the nearest
# ``float32``, exactly as NumPy's ``astype(np.float32)`` does.

values = np.array([0.1, 0.2, 0.3])
values32 = torch.tensor(values, dtype=torch.float32)
print(values.dtype, "->", torch.tensor(values).dtype, "; with dtype=:", values32.dtype)
print(values32)

assert torch.tensor(values).dtype == torch.float64
assert values.dtype == np.float64 and values.tolist() == [0.1, 0.2, 0.3]
assert values32.dtype == torch.float32
assert not np.shares_memory(values, values32.numpy())
assert np.array_equal(values32.numpy(), values.astype(np.float32))

# %%
# .. rst-class:: fold
#
# Some arrays are refused, even for a copy
# ----------------------------------------
#
# ``torch.tensor`` reads the array through the same code as
# ``torch.from_numpy``, so it refuses the same arrays: a view with a negative
# stride such as ``a[::-1]``, and an array whose byte order is not the
# machine's own (``newbyteorder("S")`` swaps it: big-endian on a little-endian
# machine). Copy such an array in NumPy first: ``np.ascontiguousarray`` for
# the first, and ``astype`` with the native byte order (``"="``) for the second.

reversed_view = values[::-1]
swapped = values.astype(values.dtype.newbyteorder("S"))
for name, refused, fragment in [
    ("values[::-1]", reversed_view, "negative"),
    ("swapped byte order", swapped, "byte order"),
]:
    try:
        torch.tensor(refused)
    except ValueError as error:
        print(f"{name}: {type(error).__name__}: {error}")
        assert fragment in str(error)
    else:
        raise AssertionError(f"torch.tensor should refuse the {name} array")

fixed_reversed = torch.tensor(np.ascontiguousarray(reversed_view))
fixed_swapped = torch.tensor(swapped.astype(swapped.dtype.newbyteorder("=")))
print(fixed_reversed, fixed_swapped)

assert fixed_reversed.tolist() == [0.3, 0.2, 0.1]
assert fixed_swapped.tolist() == [0.1, 0.2, 0.3]

# %%
# More on both:
# :ref:`sphx_glr_auto_examples_edge_cases_plot_01_negative_strides.py` and
# :ref:`sphx_glr_auto_examples_edge_cases_plot_03_byte_order_and_object_arrays.py`.
#
# Choose the device with ``device=``
# ----------------------------------
#
# ``device=`` places the new tensor on a device, for example
# ``torch.tensor(array, device="cuda")`` for a GPU, where the values are
# copied from the array's CPU memory into the GPU's memory
# (:ref:`sphx_glr_auto_examples_gpu_plot_02_numpy_to_cuda.py`). Every build of
# torch has the ``meta`` device, which keeps only the shape and the dtype and
# no values at all. A ``meta`` tensor made from the array is on that device,
# with the requested dtype, and holds nothing that NumPy could read.

on_meta = torch.tensor(values, dtype=torch.float32, device="meta")
print(on_meta)

assert on_meta.device == torch.device("meta") and on_meta.is_meta
assert on_meta.shape == values.shape and on_meta.dtype == torch.float32

try:
    on_meta.numpy()
except TypeError as error:
    print(f"{type(error).__name__}: {error}")
else:
    raise AssertionError(".numpy() should refuse a tensor on the meta device")

# %%
# .. rst-class:: fold
#
# Without ``device=``: the default device
# ---------------------------------------
#
# Without ``device=``, the copy goes to the default device. That is the CPU
# unless ``torch.set_default_device`` or a ``with torch.device(...)`` block
# changed it. ``torch.as_tensor`` and ``torch.asarray`` follow the default
# device too, so they copy instead of sharing. ``torch.from_numpy`` does not:
# its tensor stays on the CPU and shares the array's memory. Here the
# default device is ``meta``, and it is restored afterwards.

assert torch.tensor(values).device == torch.device("cpu")  # no default set yet

torch.set_default_device("meta")
try:
    made = {
        "torch.tensor": torch.tensor(values),
        "torch.as_tensor": torch.as_tensor(values),
        "torch.asarray": torch.asarray(values),
        "torch.from_numpy": torch.from_numpy(values),
    }
finally:
    torch.set_default_device(None)  # back to no default device: the CPU
for name, made_tensor in made.items():
    print(f"{name + '(values)':<24} device: {made_tensor.device}")

assert all(made[name].is_meta for name in made if name != "torch.from_numpy")
assert made["torch.from_numpy"].device == torch.device("cpu")
assert np.shares_memory(values, made["torch.from_numpy"].numpy())
assert torch.tensor(values).device == torch.device("cpu")

# %%
# A ``with torch.device("meta"):`` block does the same for the code inside it
# only, and needs no restoring.

with torch.device("meta"):
    in_block = torch.tensor(values)
print("inside the block:", in_block.device, " after it:", torch.tensor(values).device)

assert in_block.is_meta
assert torch.tensor(values).device == torch.device("cpu")

# %%
# ``torch.tensor`` of a tensor warns
# ----------------------------------
#
# Given a tensor instead of an array, ``torch.tensor`` still copies, and the
# copy is detached from autograd, but it emits a ``UserWarning`` that
# recommends ``detach().clone()``: the same copy, said explicitly. torch 2.6
# and older recommend ``clone().detach()`` instead; torch 2.7 changed the
# message. The check below follows the torch that runs it.

import warnings

source = torch.tensor([1.0, 2.0], requires_grad=True)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    copied = torch.tensor(source)
for warning in caught:
    print(f"{warning.category.__name__}: {warning.message}")

torch_version = tuple(int(p) for p in torch.__version__.split("+")[0].split(".")[:2])
recommended = "detach().clone()" if torch_version >= (2, 7) else "clone().detach()"
assert len(caught) == 1 and caught[0].category is UserWarning
assert "To copy construct from a tensor" in str(caught[0].message)
assert f"sourceTensor.{recommended}" in str(caught[0].message)
assert copied.data_ptr() != source.data_ptr() and not copied.requires_grad

# %%
# The recommended call gives the same copy without a warning.

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    explicit = source.detach().clone()
print(explicit, "warnings:", len(caught))

assert not caught
assert torch.equal(explicit, copied) and not explicit.requires_grad
assert explicit.data_ptr() != source.data_ptr()

# %%
# To share memory instead, see
# :ref:`sphx_glr_auto_examples_numpy_to_tensor_plot_01_from_numpy.py`. To
# share when possible and copy only when needed, see
# :ref:`sphx_glr_auto_examples_numpy_to_tensor_plot_03_as_tensor_and_asarray.py`.
# For a list of arrays, see
# :ref:`sphx_glr_auto_examples_numpy_to_tensor_plot_07_list_of_arrays.py`.
