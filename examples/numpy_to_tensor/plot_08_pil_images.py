"""
Convert a PIL image to a tensor and back
========================================

``torch.from_numpy(np.array(img)).permute(2, 0, 1).float() / 255`` gives a
float tensor in channels-first (CHW) order with values from 0 to 1. Use
``np.array``, not ``np.asarray``: Pillow's array is read-only, and torch
warns about it. Back: ``Image.fromarray((x * 255).round().byte().permute(1, 2, 0).numpy())``.
"""

import numpy as np
import torch
from PIL import Image

img = Image.new("RGB", (4, 2), (255, 128, 0))  # width 4, height 2: an orange image
x = torch.from_numpy(np.array(img)).permute(2, 0, 1).float() / 255  # copies, CHW
back = Image.fromarray((x * 255).round().byte().permute(1, 2, 0).numpy())
assert x.shape == (3, 2, 4) and x.dtype == torch.float32 and x.max() == 1.0
assert back.mode == "RGB" and back.size == img.size and back.tobytes() == img.tobytes()

# %%
# What ``np.array(img)`` gives: height, width, channels
# -----------------------------------------------------
#
# Pillow gives NumPy the image row by row: the array's shape is
# ``(height, width, channels)`` (HWC) and its dtype is ``uint8``, from 0 to 255.
# ``img.size`` is ``(width, height)``, the other way round. A grayscale (``"L"``)
# image has no channel axis at all.

import PIL

print("Pillow", PIL.__version__)
array = np.array(img)
print("img.size:", img.size, " array:", array.shape, array.dtype)
gray = np.array(img.convert("L"))
print("grayscale:", gray.shape, gray.dtype)

assert array.shape == (img.height, img.width, 3) and array.dtype == np.uint8
assert img.size == (array.shape[1], array.shape[0])  # (width, height)
assert array[0, 0].tolist() == [255, 128, 0]
assert gray.shape == (img.height, img.width)

# %%
# .. rst-class:: fold
#
# ``np.asarray(img)`` is read-only, and torch warns
# -------------------------------------------------
#
# ``np.asarray`` makes an array over a copy of the pixels that Pillow marks
# read-only. ``torch.from_numpy`` shares that memory, cannot make the tensor
# read-only, and emits a ``UserWarning``. ``np.array(img)`` makes a writable
# copy of its own, which ``torch.from_numpy`` shares without a warning. torch
# gives this warning once per process; ``torch.set_warn_always(True)`` makes
# it appear here whatever ran before, and the setting is restored afterwards.

import warnings

read_only = np.asarray(img)
warn_always = torch.is_warn_always_enabled()
torch.set_warn_always(True)
try:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        torch.from_numpy(read_only)
finally:
    torch.set_warn_always(warn_always)
print("np.asarray(img) writable:", read_only.flags.writeable)
print(f"{caught[0].category.__name__}: {str(caught[0].message)[:60]}...")

writable = np.array(img)
with warnings.catch_warnings(record=True) as caught_writable:
    warnings.simplefilter("always")
    shared = torch.from_numpy(writable)
writable[0, 0, 0] = 7  # an in-place write into the array shows in the tensor
print("np.array(img) writable:", writable.flags.writeable)
print("the tensor sees the write:", shared[0, 0, 0].item())

assert not read_only.flags.writeable
assert caught and caught[0].category is UserWarning
assert "not writable" in str(caught[0].message)
assert writable.flags.writeable and not caught_writable
assert shared[0, 0, 0].item() == 7
assert np.array(img)[0, 0, 0] == 255  # the image itself is unchanged: np.array copied

# %%
# Channels first, and float from 0 to 1
# -------------------------------------
#
# torch's image layers (``torch.nn.Conv2d``) take channels first: ``(C, H, W)``
# for one image, ``(N, C, H, W)`` for a batch. ``permute(2, 0, 1)`` reorders
# the axes without copying: the result is a non-contiguous view of the same
# memory. ``.float()`` then makes a float32 copy, which keeps the view's
# strides: its memory is still laid out pixel by pixel, so it is not contiguous
# either. Layers accept that; call ``.contiguous()`` where code needs CHW
# memory. Dividing by 255 maps 0…255 to 0…1. Dividing the ``uint8`` tensor
# directly also gives float32 (true division promotes to the default float
# dtype), but ``.float()`` says it.

hwc = torch.from_numpy(np.array(img))
chw = hwc.permute(2, 0, 1)
print(f"HWC {tuple(hwc.shape)} -> CHW {tuple(chw.shape)}")
print("contiguous after permute:", chw.is_contiguous())
scaled = chw.float() / 255
print(scaled[:, 0, 0])
print("contiguous after .float():", scaled.is_contiguous())
print("uint8 / 255 gives", (chw / 255).dtype)

assert chw.data_ptr() == hwc.data_ptr() and not chw.is_contiguous()
assert scaled.dtype == torch.float32 and not scaled.is_contiguous()
assert scaled.contiguous().stride() == (8, 4, 1)
assert (scaled[:, 0, 0] * 255).round().tolist() == [255.0, 128.0, 0.0]
assert (chw / 255).dtype == torch.get_default_dtype()
conv = torch.nn.Conv2d(3, 1, kernel_size=1)
batch = scaled.unsqueeze(0)  # one image as a batch of one: (1, C, H, W)
assert conv(batch).shape == (1, 1, 2, 4) and conv(scaled).shape == (1, 2, 4)

# %%
# Back to an image: ``uint8``, channels last
# ------------------------------------------
#
# ``Image.fromarray`` reads the array's dtype and shape to choose the image
# mode: ``uint8`` with shape ``(H, W, 3)`` is ``"RGB"``. A float array in HWC
# order has no mode, and Pillow raises ``TypeError``. So scale back to
# 0…255, round (``.byte()`` alone truncates: 0.5 would become 0), convert to
# ``uint8`` and put the channels last. Clamp first if a computation may have
# left values outside 0…1, so that they become 0 or 255.

try:
    Image.fromarray(scaled.permute(1, 2, 0).numpy())
except TypeError as error:
    print(f"{type(error).__name__}: {error}")
    assert "Cannot handle this data type" in str(error)
else:
    raise AssertionError("Image.fromarray should refuse a float32 HWC array")

pixels = (scaled.clamp(0, 1) * 255).round().byte().permute(1, 2, 0)
restored = Image.fromarray(pixels.numpy())
print(restored.mode, restored.size, np.array(restored)[0, 0])
print(".byte() of 127.9:", torch.tensor([127.9]).byte().item())

assert restored.mode == "RGB" and restored.tobytes() == img.tobytes()
assert torch.tensor([127.9, 0.5]).byte().tolist() == [127, 0]  # .byte() truncates
outside = torch.tensor([-0.2, 1.2])
assert (outside.clamp(0, 1) * 255).round().byte().tolist() == [0, 255]

# %%
# ``pixels`` kept the pixel-by-pixel layout through ``.float()`` and the
# arithmetic, so after ``permute(1, 2, 0)`` it is contiguous again and
# ``.numpy()`` shares its memory. The image does not: ``Image.fromarray`` copies the pixels into Pillow's own
# storage, so a later change of the tensor leaves the image as it was.

pixel_array = pixels.numpy()
pixels.zero_()
assert pixels.is_contiguous() and not pixel_array.any()  # the array shares
assert restored.tobytes() == img.tobytes()  # the image does not

# %%
# More on the calls: :ref:`sphx_glr_auto_examples_numpy_to_tensor_plot_01_from_numpy.py`
# (sharing and the read-only warning),
# :ref:`sphx_glr_auto_examples_edge_cases_plot_05_non_contiguous_tensors.py`
# (views such as ``permute``) and
# :ref:`sphx_glr_auto_examples_edge_cases_plot_11_unsigned_integers.py`
# (16-bit images).
