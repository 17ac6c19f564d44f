"""
Share memory with ``torch.from_numpy``
======================================

``torch.from_numpy(array)`` wraps the array's memory in a tensor: no copy, so
in-place writes show through both. The tensor keeps the array's dtype, and
NumPy's default ``float64`` is refused by ``float32`` layers.
"""

import numpy as np
import torch

array = np.array([1.0, 2.0, 3.0])
tensor = torch.from_numpy(array)  # shares memory with array: no copy
array[0] = 100.0  # an in-place write shows through the tensor
assert tensor.tolist() == [100.0, 2.0, 3.0]
assert tensor.dtype == torch.float64  # NumPy's default dtype, not torch's float32

# %%
# The tensor and the array use the same memory
# --------------------------------------------
#
# Both start at the same address. An in-place operation on the tensor appears
# in the array, the other way round from the write above.

print(tensor)
print("same address:", array.ctypes.data == tensor.data_ptr())

assert array.ctypes.data == tensor.data_ptr()
assert np.shares_memory(array, tensor.numpy())

tensor.mul_(2)
print(array)

assert array.tolist() == [200.0, 4.0, 6.0]

# %%
# The tensor keeps the array's dtype
# ----------------------------------
#
# ``torch.from_numpy`` never converts the values, so the tensor has the dtype
# of the array. NumPy creates ``float64`` arrays by default, while PyTorch
# creates ``float32`` tensors by default. The array above therefore becomes a
# ``float64`` tensor.

print("array dtype: ", array.dtype)
print("tensor dtype:", tensor.dtype)
print("torch default dtype:", torch.get_default_dtype())

assert array.dtype == np.float64
assert tensor.dtype == torch.float64
assert torch.get_default_dtype() == torch.float32

# %%
# The float64 trap with a model
# -----------------------------
#
# The parameters of ``nn.Linear`` and other layers are created with the
# default dtype, ``float32`` unless you change it. Feeding such a layer a
# ``float64`` tensor does not convert anything: it raises an error.

torch.manual_seed(0)
rng = np.random.default_rng(0)

model = torch.nn.Linear(3, 1)
features = rng.standard_normal((4, 3))
inputs = torch.from_numpy(features)
print("weight dtype:", model.weight.dtype)
print("input dtype: ", inputs.dtype)

assert model.weight.dtype == model.bias.dtype == torch.get_default_dtype()

try:
    model(inputs)
except RuntimeError as error:
    print(f"{type(error).__name__}: {error}")
    assert "Double" in str(error) and "Float" in str(error)
else:
    raise AssertionError("a float32 Linear should refuse a float64 input")

# %%
# The message says ``Double`` (``float64``) and ``Float`` (``float32``): the
# input and the weight must have the same dtype.
#
# Fix 1: convert the tensor with ``.float()``
# -------------------------------------------
#
# ``tensor.float()`` returns a ``float32`` tensor. Changing the dtype needs new
# memory, so the result is a copy and no longer shares memory with the array.

inputs_float32 = torch.from_numpy(features).float()
output = model(inputs_float32)
print("input dtype:", inputs_float32.dtype, " output shape:", tuple(output.shape))
print(
    "shares memory with the array:", np.shares_memory(features, inputs_float32.numpy())
)

assert inputs_float32.dtype == torch.float32
assert output.shape == (4, 1)
assert not np.shares_memory(features, inputs_float32.numpy())

# %%
# Fix 2: convert the array before ``from_numpy``
# ----------------------------------------------
#
# ``array.astype(np.float32)`` makes a ``float32`` copy of the array in NumPy.
# ``torch.from_numpy`` then shares memory with that new array (not with the
# original ``float64`` one).

features32 = features.astype(np.float32)
inputs32 = torch.from_numpy(features32)
output32 = model(inputs32)
print("input dtype:", inputs32.dtype)
print("shares memory with features32:", np.shares_memory(features32, inputs32.numpy()))
print("shares memory with features:  ", np.shares_memory(features, inputs32.numpy()))

assert inputs32.dtype == torch.float32
assert np.shares_memory(features32, inputs32.numpy())
assert not np.shares_memory(features, inputs32.numpy())

# %%
# Both fixes give the same output, because they make the same ``float32``
# values.

print("same output:", torch.equal(output, output32))

assert torch.equal(output, output32)

# %%
# The memory that Fix 2 shares works both ways: a write into ``features32``
# changes ``inputs32``, and an in-place operation on ``inputs32`` changes
# ``features32``. The original ``features`` sees neither.

features32[0, 0] = 0.0
inputs32.mul_(2)
print(inputs32[0])
print(features32[0])

assert inputs32[0, 0].item() == 0.0
assert np.array_equal(features32, inputs32.numpy())
assert np.array_equal(features32[1:], 2 * features[1:].astype(np.float32))
assert features[0, 0] != 0.0  # the original float64 array is untouched

# %%
# .. rst-class:: fold
#
# Or make the layer ``float64``
# -----------------------------
#
# The layer's dtype is not fixed. ``dtype=torch.float64`` creates ``float64``
# parameters, and ``.double()`` converts the parameters of an existing layer.
# Either layer accepts the ``float64`` tensor that shares the original array's
# memory, at the cost of ``float64`` arithmetic.

layer_float64 = torch.nn.Linear(3, 1, dtype=torch.float64)
layer_double = torch.nn.Linear(3, 1).double()
print("dtype=torch.float64:", layer_float64.weight.dtype)
print(".double():          ", layer_double.weight.dtype)
print("output dtype:", layer_float64(inputs).dtype, layer_double(inputs).dtype)

assert layer_float64.weight.dtype == layer_double.weight.dtype == torch.float64
assert layer_float64(inputs).dtype == layer_double(inputs).dtype == torch.float64
assert np.shares_memory(features, inputs.numpy())

# %%
# ``torch.set_default_dtype(torch.float64)`` gives ``float64`` layers too. It
# applies to every floating-point tensor and layer created afterwards without
# an explicit dtype, so restore it when you are done. It does not reach
# ``torch.from_numpy``, which keeps the array's dtype whatever the default, nor
# integer data.

previous = torch.get_default_dtype()
torch.set_default_dtype(torch.float64)
try:
    layer_default = torch.nn.Linear(3, 1)
    from_floats = torch.tensor([1.0, 2.0])
    from_array32 = torch.from_numpy(features32)
    from_ints = torch.tensor([1, 2])
finally:
    torch.set_default_dtype(previous)
print("layer:", layer_default.weight.dtype, " tensor([1.0, 2.0]):", from_floats.dtype)
print("from_numpy(float32 array):", from_array32.dtype, " ints:", from_ints.dtype)

assert layer_default.weight.dtype == from_floats.dtype == torch.float64
assert from_array32.dtype == torch.float32
assert from_ints.dtype == torch.int64
assert torch.get_default_dtype() == torch.float32

# %%
# To copy instead, see
# :ref:`sphx_glr_auto_examples_numpy_to_tensor_plot_02_torch_tensor_copies.py`;
# to share only when possible, see
# :ref:`sphx_glr_auto_examples_numpy_to_tensor_plot_03_as_tensor_and_asarray.py`.
