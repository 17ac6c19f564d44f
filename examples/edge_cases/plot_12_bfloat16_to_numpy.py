"""
Convert bfloat16 tensors to NumPy
=================================

NumPy has no bfloat16 dtype (nor float8 or complex32), so ``t.numpy()``
raises ``TypeError``. Use ``t.float().numpy()``: a float32 copy that loses
nothing, because every bfloat16 value is a float32 value. To keep the raw
bits instead, ``t.view(torch.int16).numpy()`` shares memory. float16 needs
none of this: it converts directly.
"""

import numpy as np
import torch

t = torch.tensor([1.0, 0.1, -3.5], dtype=torch.bfloat16)
array = t.float().numpy()  # a float32 copy, exact; t.numpy() raises TypeError
t.add_(1)  # an in-place change of t does not reach the copy
assert array.dtype == np.float32 and array.tolist() == [1.0, 0.10009765625, -3.5]

# %%
# ``.numpy()`` raises, even with ``force=True``
# ---------------------------------------------
#
# ``.numpy()`` gives an array of the tensor's own dtype, and NumPy has none
# for bfloat16, the float8 types or complex32. ``force=True`` does not help:
# its documentation describes it as
# ``t.detach().cpu().resolve_conj().resolve_neg().numpy()``, and none of these
# steps changes the dtype.

import warnings

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # torch may warn that complex32 is experimental
    tensors = [
        torch.zeros(2, dtype=dtype)
        for dtype in (torch.bfloat16, torch.float8_e4m3fn, torch.float8_e5m2)
    ] + [torch.zeros(2, dtype=torch.complex32)]

for tensor in tensors:
    for force in (False, True):
        try:
            tensor.numpy(force=force)
        except TypeError as error:
            print(f"{tensor.dtype}, force={force}: {type(error).__name__}: {error}")
            assert "unsupported ScalarType" in str(error)
        else:
            raise AssertionError(f"{tensor.dtype} has no NumPy dtype")

try:
    t.numpy()
except TypeError as error:
    assert "BFloat16" in str(error)
else:
    raise AssertionError("bfloat16 has no NumPy dtype")

# %%
# ``.float()`` loses nothing
# --------------------------
#
# A bfloat16 number is the top half of a float32: the same sign, the same
# 8-bit exponent, and the first 7 bits of the fraction. So ``.float()`` only
# appends 16 zero bits, and ``.bfloat16()`` takes the float32 back to the very
# same bits. The check below runs over all 65,536 bit patterns of bfloat16.
# The one exception is NaN: it stays NaN, but its payload bits may change.

patterns = torch.arange(-(2**15), 2**15, dtype=torch.int32).to(torch.int16)
every_bfloat16 = patterns.view(torch.bfloat16)
as_float32 = every_bfloat16.float().numpy()
back = torch.from_numpy(as_float32).bfloat16()
nan = torch.isnan(every_bfloat16)
print("bit patterns:", len(patterns), "of which NaN:", int(nan.sum()))

assert (as_float32.view(np.uint32) >> 16).astype(np.uint16).tolist() == (
    patterns.numpy().view(np.uint16).tolist()
)
assert (as_float32.view(np.uint32) & 0xFFFF == 0).all()
assert torch.equal(back.view(torch.int16)[~nan], patterns[~nan])
assert torch.isnan(back[nan]).all()

# %%
# The same holds for the two float8 types, checked here over all 256 bit
# patterns of each: every float8 value is a float32 value. complex32 converts
# with ``.to(torch.complex64)``. And ``.tolist()`` needs no detour: it gives
# the exact values as Python floats.

for dtype in (torch.float8_e4m3fn, torch.float8_e5m2):
    patterns = torch.arange(256, dtype=torch.int32).to(torch.uint8)
    every_float8 = patterns.view(dtype)
    back = torch.from_numpy(every_float8.float().numpy()).to(dtype)
    nan = torch.isnan(every_float8)
    assert torch.equal(back.view(torch.uint8)[~nan], patterns[~nan])
    assert torch.isnan(
        back.float()[nan]
    ).all()  # indexing float8 raises on older torch, 2.9 among them

complex64 = tensors[-1].to(torch.complex64).numpy()
print(complex64.dtype, t.tolist())

assert complex64.dtype == np.complex64 and complex64.tolist() == [0j, 0j]
assert t.tolist() == [2.0, 1.1015625, -2.5]

# %%
# The raw bits: ``view(torch.int16)``
# -----------------------------------
#
# ``t.view(torch.int16)`` reads the same 2 bytes per number as 16-bit
# integers, and ``.numpy()`` of that view shares memory with ``t``: an
# in-place change of ``t`` shows in the array. ``torch.from_numpy(bits)``
# followed by ``.view(torch.bfloat16)`` gives the numbers back, bit for bit.

bits = t.view(torch.int16).numpy()
t.mul_(2)
again = torch.from_numpy(bits).view(torch.bfloat16)
print("bits:", bits, "read back:", again)

assert bits.dtype == np.int16 and np.shares_memory(bits, t.view(torch.int16).numpy())
assert again.tolist() == [4.0, 2.203125, -5.0] == t.tolist()

# %%
# NumPy itself cannot read those bits as numbers. The ``ml_dtypes`` package,
# which JAX uses for its bfloat16 and float8 types, adds NumPy dtypes for
# them: ``bits.view(ml_dtypes.bfloat16)`` reads the same memory as bfloat16
# numbers, still without a copy. (It is not installed for this site, so this
# page does not run it. ``torch.from_numpy`` refuses an ``ml_dtypes`` array;
# view it as ``np.int16`` first.)
#
# float16 converts directly
# -------------------------
#
# NumPy has float16, so a float16 tensor needs none of this: ``.numpy()``
# shares its memory. For a bfloat16 tensor on the GPU, call ``.cpu()`` before
# ``.float()``: the copy to the host then moves 2 bytes per number instead
# of 4.

half = torch.tensor([1.5, 0.1], dtype=torch.float16)
half_array = half.numpy()
half.add_(1)

assert half_array.dtype == np.float16 and half_array.tolist() == half.tolist()
assert t.element_size() == 2 and t.float().element_size() == 4
