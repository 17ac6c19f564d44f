"""
Convert uint16, uint32 and uint64 data
======================================

``torch.from_numpy`` shares a ``uint16``, ``uint32`` or ``uint64`` array (a
16-bit PNG or TIFF image, say) as a tensor of the same dtype, and ``.numpy()``
shares it back. But most arithmetic on these tensors raises: copy them into a
signed or floating-point dtype first, with ``.to(torch.int32)`` or ``.float()``.
"""

import numpy as np
import torch

image = np.array([[0, 1000], [40000, 65535]], dtype=np.uint16)  # a 16-bit image
pixels = torch.from_numpy(image)  # torch.uint16, shares memory with image
values = pixels.to(torch.int32)  # a copy, in a fully supported dtype
assert pixels.dtype == torch.uint16 and np.shares_memory(pixels.numpy(), image)
assert (values + 1).tolist() == [[1, 1001], [40001, 65536]]  # pixels + 1 raises

# %%
# The dtypes exist since torch 2.3
# --------------------------------
#
# torch 2.3 added ``torch.uint16``, ``torch.uint32`` and ``torch.uint64``
# (torch 2.2 has none of them). Its documentation lists them with "limited
# support": they exist mainly for ``torch.compile``, and it recommends the
# signed dtypes when you do not need the extra range. ``torch.uint8`` is much
# older and works like the signed integer dtypes (see the end of this page).

version = tuple(int(part) for part in torch.__version__.split("+")[0].split(".")[:2])
print("torch", torch.__version__)
for dtype in (torch.uint8, torch.uint16, torch.uint32, torch.uint64):
    info = torch.iinfo(dtype)
    print(f"{str(dtype):>12}: {info.bits} bits, {info.min} to {info.max}")

assert version >= (2, 3)
assert torch.iinfo(torch.uint16).max == 2**16 - 1
assert torch.iinfo(torch.uint64).max == 2**64 - 1

# %%
# NumPy to torch shares memory
# ----------------------------
#
# ``torch.from_numpy``, ``torch.as_tensor`` and ``torch.asarray`` keep the
# unsigned dtype and share the array's memory: a write into the array shows
# through the tensor. ``torch.tensor`` keeps the dtype too, but copies.

for np_dtype in (np.uint16, np.uint32, np.uint64):
    array = np.array([1, 2, 3], dtype=np_dtype)
    shared = torch.from_numpy(array)
    copied = torch.tensor(array)
    array[0] = 100
    print(f"{array.dtype}: {shared.dtype}, from_numpy sees {shared.tolist()}")

    assert shared.dtype == copied.dtype == getattr(torch, array.dtype.name)
    assert shared.tolist() == [100, 2, 3]  # shared
    assert copied.tolist() == [1, 2, 3]  # copied
    assert torch.as_tensor(array).data_ptr() == array.ctypes.data
    assert torch.asarray(array).data_ptr() == array.ctypes.data

# %%
# Torch to NumPy shares memory too
# --------------------------------
#
# ``.numpy()`` gives an array of the matching NumPy dtype over the same
# memory. ``.tolist()`` and ``.item()`` give Python integers, so even the
# largest ``uint64`` value comes through exactly.

largest = torch.tensor([2**64 - 1, 7], dtype=torch.uint64)
back = largest.numpy()
largest[1] = 8
print(back.dtype, back.tolist(), largest[0].item())

assert back.dtype == np.uint64 and back.tolist() == [2**64 - 1, 8]
assert largest[0].item() == 2**64 - 1
for dtype in (torch.uint16, torch.uint32):
    assert torch.zeros(1, dtype=dtype).numpy().dtype == str(dtype).split(".")[-1]

# %%
# Most arithmetic raises
# ----------------------
#
# Addition, subtraction, the ordering comparisons (``<``, ``<=``, ``>``,
# ``>=``), ``max`` and ``min`` have no kernel for these dtypes. torch 2.3 to
# 2.7 raise ``RuntimeError``; from torch 2.8 they raise
# ``NotImplementedError``, a subclass of it. Mixing one of these dtypes with another dtype in one
# operation raises too, because torch does not promote them.

not_implemented = {
    "pixels + 1": lambda: pixels + 1,
    "pixels - pixels": lambda: pixels - pixels,
    "pixels > 100": lambda: pixels > 100,
    "pixels <= 100": lambda: pixels <= 100,
    "pixels.max()": lambda: pixels.max(),
    "pixels.min()": lambda: pixels.min(),
    "pixels + values": lambda: pixels + values,  # uint16 and int32
}
for text, attempt in not_implemented.items():
    try:
        attempt()
    except RuntimeError as error:
        print(f"{text}: {type(error).__name__}: {error}")
        if text == "pixels + values":
            assert "Promotion for uint16, uint32, uint64 types" in str(error)
        else:
            assert "not implemented for 'UInt16'" in str(error)
            if version >= (2, 8):
                assert isinstance(error, NotImplementedError)
            else:
                assert type(error) is RuntimeError
    else:
        raise AssertionError(f"{text} should raise for a uint16 tensor")

assert issubclass(NotImplementedError, RuntimeError)

# %%
# A few operations do work: ``==`` and ``!=``, ``sum()`` (which gives
# ``int64``), true division ``/`` (which gives ``float32``) and
# multiplication by a Python integer. Multiplication stays ``uint16``, so it
# wraps around silently: 40000 × 2 is 80000, which does not fit, and you get
# 80000 − 65536 = 14464.

print("pixels * 2:", (pixels * 2).tolist())
print("pixels / 2:", (pixels / 2).dtype, "sum:", pixels.sum().item())

assert (pixels * 2).dtype == torch.uint16
assert (pixels * 2).tolist() == [[0, 2000], [14464, 65534]]
assert (pixels / 2).dtype == torch.float32
assert pixels.sum().dtype == torch.int64
assert pixels.sum().item() == 0 + 1000 + 40000 + 65535
assert (pixels == 1000).tolist() == [[False, True], [False, False]]
assert (pixels != 1000).tolist() == [[True, False], [True, True]]

# %%
# Convert before you compute
# --------------------------
#
# Pick a dtype that holds every value: ``int32`` for ``uint16``, ``int64``
# for ``uint32``, ``float32`` if the next step wants floats anyway. Each of
# these is a copy, so the array is safe from what you do next.

as_int = pixels.to(torch.int32)
as_float = pixels.float() / 65535  # scale to [0, 1]
as_int.sub_(1000)
print(as_int.tolist(), as_float.tolist()[1])

assert as_int.tolist() == [[-1000, 0], [39000, 64535]]
assert as_float.dtype == torch.float32 and as_float.max().item() == 1.0
assert image.tolist() == [[0, 1000], [40000, 65535]]  # the array is unchanged

# %%
# ``uint64`` is the hard case: no signed dtype holds every value. Above
# ``2**63 - 1``, ``.to(torch.int64)`` wraps around to negative numbers, and
# ``.double()`` rounds to the nearest ``float64`` (exact only up to ``2**53``).

huge = torch.tensor([2**64 - 1, 2**53 + 1], dtype=torch.uint64)
print(huge.to(torch.int64).tolist(), huge.double().tolist())

assert huge.to(torch.int64).tolist()[0] == -1
assert huge.double().tolist()[1] == 2**53  # 2**53 + 1 was rounded

# %%
# .. rst-class:: fold
#
# ``uint8`` for contrast
# ----------------------
#
# ``uint8`` (8-bit images) works like any other integer dtype: arithmetic,
# comparisons and ``max`` work, and mixing it with another dtype promotes as
# usual. Its arithmetic wraps around on overflow too: 200 + 100 gives 44.

small = torch.from_numpy(np.array([200, 100], dtype=np.uint8))
print((small + 100).tolist(), (small > 150).tolist(), small.max().item())

assert (small + 100).tolist() == [44, 200]
assert (small > 150).tolist() == [True, False] and small.max().item() == 200
assert (small + torch.tensor([1, 1], dtype=torch.int32)).dtype == torch.int32

# %%
# For every dtype that crosses between torch and NumPy, see :doc:`/dtypes`.
# For the NumPy integer types that ``torch.from_numpy`` refuses, such as
# ``np.ulonglong``, see
# :ref:`sphx_glr_auto_examples_edge_cases_plot_03_byte_order_and_object_arrays.py`.
