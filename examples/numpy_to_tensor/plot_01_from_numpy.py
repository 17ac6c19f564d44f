"""
Share memory between a NumPy array and a tensor with ``torch.from_numpy``
=========================================================================

``torch.from_numpy(array)`` wraps the array's memory in a tensor without
copying. This page shows writes going both ways, then the dtype that the tensor
inherits from the array, and the float64 versus float32 error that this causes
with a model: two fixes on the data's side, and ``float64`` layers.
"""

# %%
# Wrap an array with ``torch.from_numpy``
# ---------------------------------------
#
# The tensor and the array start at the same address.

import numpy as np
import torch

array = np.array([1.0, 2.0, 3.0])
tensor = torch.from_numpy(array)
print(tensor)
print("same address:", array.ctypes.data == tensor.data_ptr())

assert array.ctypes.data == tensor.data_ptr()
assert np.shares_memory(array, tensor.numpy())

# %%
# Write through the array
# -----------------------
#
# An in-place write into the array appears in the tensor.

array[0] = 100.0
print(tensor)

assert tensor[0].item() == 100.0

# %%
# Write through the tensor
# ------------------------
#
# An in-place operation on the tensor appears in the array.

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
# The shared memory of Fix 2 still works both ways: a write into
# ``features32`` changes ``inputs32``.

features32[0, 0] = 0.0
print(inputs32[0])

assert inputs32[0, 0].item() == 0.0

# %%
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
# Layers follow the default dtype when they are created. Set to ``float64``
# with ``torch.set_default_dtype``, it gives ``float64`` layers; restore it
# afterwards, because it applies to everything that is created after.

previous = torch.get_default_dtype()
torch.set_default_dtype(torch.float64)
try:
    layer_default = torch.nn.Linear(3, 1)
finally:
    torch.set_default_dtype(previous)
print("created under float64 default:", layer_default.weight.dtype)
print("default restored:", torch.get_default_dtype())

assert layer_default.weight.dtype == torch.float64
assert torch.get_default_dtype() == torch.float32

# %%
# What to remember
# ----------------
#
# * ``torch.from_numpy(array)`` does not copy: in-place writes through the
#   array or the tensor are visible through the other.
# * The tensor keeps the array's dtype. NumPy's default ``float64`` becomes a
#   ``float64`` tensor, which ``float32`` layers refuse.
# * Fix it with ``.float()`` on the tensor or ``.astype(np.float32)`` on the
#   array. Both make a copy of the original data.
# * Layers are ``float32`` only by default: ``dtype=``, ``.double()`` or the
#   default dtype make them ``float64``.
# * To always copy, see
#   :ref:`sphx_glr_auto_examples_numpy_to_tensor_plot_02_torch_tensor_copies.py`.
#   To share only when possible, see
#   :ref:`sphx_glr_auto_examples_numpy_to_tensor_plot_03_as_tensor_and_asarray.py`.
