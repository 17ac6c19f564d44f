"""
Share memory through DLPack
===========================

``np.from_dlpack(tensor)`` and ``torch.from_dlpack(array)`` share memory, and
the result keeps the original alive. DLPack refuses a tensor that requires
grad or has the conjugate bit, but silently drops the negative bit. Whether
the NumPy array is writable depends on the torch and NumPy versions.
"""

import numpy as np
import torch

tensor = torch.arange(3.0)
array = np.from_dlpack(tensor)  # shares the tensor's memory
tensor.add_(1)  # an in-place change shows through both
assert array.tolist() == [1.0, 2.0, 3.0]

source = np.zeros(3)
from_source = torch.from_dlpack(source)  # shares the array's memory
from_source.add_(7)  # this tensor is writable with every version
assert source.tolist() == [7.0, 7.0, 7.0]

# %%
# .. rst-class:: fold
#
# Two forms of DLPack
# -------------------
#
# DLPack 1.0 added a *versioned* form, and only that form can say that memory
# must not be written. A consumer asks for it by passing ``max_version`` to the
# producer's ``__dlpack__`` method, and gets a capsule named
# ``dltensor_versioned`` instead of the old ``dltensor``. torch speaks it from
# **torch 2.9** (before 2.9, ``torch.from_dlpack`` also takes no ``copy=`` or
# ``device=``), NumPy from **NumPy 2.1** (where ``np.from_dlpack`` gains
# ``copy=`` and ``device=``).

torch_version = tuple(
    int(part) for part in torch.__version__.split("+")[0].split(".")[:2]
)
TORCH_2_9 = torch_version >= (2, 9)
NUMPY_2_1 = np.lib.NumpyVersion(np.__version__) >= "2.1.0"
print(f"torch {torch.__version__}, NumPy {np.__version__}")


def raises(label, expected, call, *args, **kwargs):
    """``call(*args, **kwargs)`` must raise ``expected``: print and return it."""
    try:
        call(*args, **kwargs)
    except expected as error:
        print(f"{label}: {type(error).__name__}: {str(error).splitlines()[0]}")
        return error
    else:
        raise AssertionError(f"{label} should raise {expected}")


for owner, speaks_versioned in [(tensor, TORCH_2_9), (source, NUMPY_2_1)]:
    label = f"{type(owner).__name__}.__dlpack__(max_version=(1, 0))"
    assert '"dltensor"' in repr(owner.__dlpack__())  # <capsule object "NAME" ...>
    if speaks_versioned:
        print(f"{label}: a dltensor_versioned capsule")
        assert '"dltensor_versioned"' in repr(owner.__dlpack__(max_version=(1, 0)))
    else:
        raises(label, TypeError, owner.__dlpack__, max_version=(1, 0))

label = "torch.from_dlpack(source, copy=True)"
if TORCH_2_9:
    copied = torch.from_dlpack(source, copy=True)
    print(f"{label}: shares memory: {copied.data_ptr() == source.ctypes.data}")
    assert copied.data_ptr() != source.ctypes.data and copied.tolist() == [7.0] * 3
    assert torch.from_dlpack(source, device="cpu").data_ptr() == source.ctypes.data
else:
    raises(label, TypeError, torch.from_dlpack, source, copy=True)
    raises(
        "...(source, device='cpu')", TypeError, torch.from_dlpack, source, device="cpu"
    )

# %%
# Is the array from ``np.from_dlpack`` writable?
# ----------------------------------------------
#
# Only with **NumPy 2.2.5 or newer and torch 2.9 or newer**. NumPy 2.2.5 is the
# first release that marks an array writable when a versioned capsule allows
# it (earlier ones mark every array from DLPack read-only), and it still marks
# arrays from old-form capsules read-only: that form cannot say. Elsewhere a
# write through the array raises ``ValueError``, although the tensor can
# write to the same memory.

NUMPY_2_2_5 = np.lib.NumpyVersion(np.__version__) >= "2.2.5"
print("writeable:", array.flags.writeable)

assert array.flags.writeable == (NUMPY_2_2_5 and TORCH_2_9)
if array.flags.writeable:
    array[0] = 100
    assert tensor.tolist() == [100.0, 2.0, 3.0]
else:
    raises("array[0] = 100", ValueError, array.__setitem__, 0, 100)
    assert tensor.tolist() == [1.0, 2.0, 3.0]

# %%
# The consumer keeps the producer alive
# -------------------------------------
#
# The *consumer* (the object that receives the data) keeps the *producer*
# alive, in both directions: deleting your name for the producer frees nothing
# while the consumer exists. ``weakref.ref`` watches it without keeping it.

import gc
import weakref

for label, convert, make in [
    ("np.from_dlpack(tensor)", np.from_dlpack, lambda: torch.arange(3.0)),
    ("torch.from_dlpack(array)", torch.from_dlpack, lambda: np.arange(3.0)),
]:
    producer = make()
    watch = weakref.ref(producer)
    consumer = convert(producer)
    del producer
    gc.collect()
    kept = watch() is not None and consumer.tolist() == [0.0, 1.0, 2.0]
    del consumer
    gc.collect()
    print(f"{label}: producer kept: {kept}, freed with the consumer: {watch() is None}")
    assert kept and watch() is None

# %%
# .. rst-class:: fold
#
# What DLPack refuses, and what it gets wrong
# -------------------------------------------
#
# DLPack has no place for autograd or for the conjugate bit, so a tensor that
# requires grad or has the conjugate bit refuses to export itself: with a
# ``BufferError`` from torch 2.9 on, a ``RuntimeError`` before (not a subclass
# of each other: code that catches one misses the other). As the first
# message says, ``.detach()`` first: the array then shares the memory.

refusal = BufferError if TORCH_2_9 else RuntimeError
weights = torch.ones(3, requires_grad=True)
conjugated = torch.conj(torch.tensor([1 + 2j, 3 - 4j]))
for label, convert, refused, fragment in [
    ("np.from_dlpack(weights)", np.from_dlpack, weights, "require gradient"),
    ("torch.from_dlpack(weights)", torch.from_dlpack, weights, "require gradient"),
    ("np.from_dlpack(conjugated)", np.from_dlpack, conjugated, "conjugate bit"),
]:
    error = raises(label, refusal, convert, refused)
    assert type(error) is refusal and fragment in str(error)

assert not issubclass(BufferError, RuntimeError)
assert np.from_dlpack(weights.detach()).ctypes.data == weights.data_ptr()

# %%
# A tensor with the *negative* bit (``.imag`` of a conjugated tensor) is
# **not** refused, and the sign is lost: the consumer sees the numbers stored,
# not the numbers shown. Call ``.resolve_neg()`` before exporting such a view.

negative = conjugated.imag
print("tensor shows:", negative.tolist(), "is_neg:", negative.is_neg())
print("np.from_dlpack:", np.from_dlpack(negative).tolist())

assert negative.is_neg() and negative.tolist() == [-2.0, 4.0]
assert np.from_dlpack(negative).tolist() == [2.0, -4.0]  # the sign is lost
assert np.from_dlpack(negative.resolve_neg()).tolist() == [-2.0, 4.0]

# %%
# Read-only arrays
# ----------------
#
# NumPy refuses to hand a read-only array over in the old form, which cannot
# carry the mark. So ``torch.from_dlpack`` takes one only with **torch 2.9 or
# newer and NumPy 2.1 or newer**, and raises that ``BufferError`` elsewhere
# (then use ``torch.from_numpy``, which warns, see
# :ref:`sphx_glr_auto_examples_edge_cases_plot_02_read_only_arrays.py`, or
# ``torch.tensor``, which copies). Where it works it does not warn, even with
# ``torch.set_warn_always(True)``, and the tensor can write into the
# "read-only" array (safe here only because this page turned the flag off on
# an ordinary array): ask for ``copy=True`` to protect it.

import warnings

read_only = np.arange(3.0)
read_only.flags.writeable = False
takes_read_only = TORCH_2_9 and NUMPY_2_1
torch.set_warn_always(True)

error = raises("read_only.__dlpack__()", BufferError, read_only.__dlpack__)
assert "readonly" in str(error)

label = "torch.from_dlpack(read_only)"
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    if takes_read_only:
        shared = torch.from_dlpack(read_only)  # shares memory
        shared.add_(10)  # writes into the "read-only" array
        protected = torch.from_dlpack(read_only, copy=True)
        protected.zero_()  # a copy: the array keeps its numbers
        print("read_only after shared.add_(10), protected.zero_():", read_only)
        assert shared.data_ptr() == read_only.ctypes.data
        assert read_only.tolist() == [10.0, 11.0, 12.0]
    else:
        raises(label, BufferError, torch.from_dlpack, read_only)
assert not caught and not read_only.flags.writeable

# %%
# .. rst-class:: fold
#
# ``np.asarray(tensor)`` and the promise not to copy
# --------------------------------------------------
#
# ``np.asarray(tensor)`` uses ``Tensor.__array__``, not DLPack, and shares
# memory too (``np.array(tensor)`` copies: see :ref:`matrix-warnings`). But
# ``np.asarray(tensor, copy=False)``, a promise not to copy, raises: NumPy
# cannot tell ``__array__`` not to copy (and NumPy 1.26 has no ``copy=``
# there). ``np.from_dlpack(tensor, copy=False)`` makes that promise; it needs
# NumPy 2.1 or newer and torch 2.9 or newer (NumPy passes the keyword on to
# ``Tensor.__dlpack__``), and raises ``TypeError`` elsewhere.

NUMPY_2 = np.lib.NumpyVersion(np.__version__) >= "2.0.0"
assert np.shares_memory(np.asarray(tensor), tensor.numpy())

label = "np.asarray(tensor, copy=False)"
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    error = raises(label, (ValueError, TypeError), np.asarray, tensor, copy=False)
assert type(error) is (ValueError if NUMPY_2 else TypeError)
assert bool(caught) == NUMPY_2  # NumPy 2 also shows a DeprecationWarning
assert all(issubclass(warning.category, DeprecationWarning) for warning in caught)

label = "np.from_dlpack(tensor, copy=False)"
if NUMPY_2_1 and TORCH_2_9:
    no_copy = np.from_dlpack(tensor, copy=False)
    print(f"{label}: shares memory: {no_copy.ctypes.data == tensor.data_ptr()}")
    assert no_copy.ctypes.data == tensor.data_ptr()
    assert np.from_dlpack(tensor, device="cpu").ctypes.data == tensor.data_ptr()
else:
    raises(label, TypeError, np.from_dlpack, tensor, copy=False)
    raises("...(tensor, device='cpu')", TypeError, np.from_dlpack, tensor, device="cpu")
