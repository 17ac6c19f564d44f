"""
Turn a list of arrays into one tensor
=====================================

Stack the arrays in NumPy, then wrap the result:
``torch.from_numpy(np.stack(arrays))`` makes one copy (``np.stack``) and
shares it. ``torch.tensor(arrays)`` gives the same values, but reads them one
by one, slowly, and warns.
"""

import numpy as np
import torch

arrays = [np.full(3, float(i), dtype=np.float32) for i in range(4)]
batch = np.stack(arrays)  # one copy of all the arrays, shape (4, 3)
tensor = torch.from_numpy(batch)  # shares memory with batch, not with the arrays
batch[0, 0] = 100.0  # an in-place write into the stacked array shows in the tensor
assert tensor.shape == (4, 3) and tensor[0, 0].item() == 100.0
assert arrays[0][0] == 0.0  # the original arrays are separate from the stack

# %%
# ``torch.tensor`` of a list of arrays warns
# ------------------------------------------
#
# ``torch.tensor(arrays)`` treats the list as a nested sequence and reads it
# element by element, and it emits a ``UserWarning`` that calls this
# extremely slow.
# ``torch.as_tensor`` and ``torch.Tensor`` take the same path and warn too. By
# default torch gives this warning only once per process: a long program shows
# it once, and a program that triggered it earlier not at all.
# ``torch.set_warn_always(True)`` makes torch repeat it; the setting is
# restored afterwards.

import warnings

warn_always = torch.is_warn_always_enabled()
try:
    torch.set_warn_always(True)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        slow = torch.tensor(arrays)
    with warnings.catch_warnings(record=True) as caught_others:
        warnings.simplefilter("always")
        torch.as_tensor(arrays)
        torch.Tensor(arrays)
    torch.set_warn_always(False)  # torch's default: once per process
    for _ in range(2):  # the second of two calls is silent, whatever came before
        with warnings.catch_warnings(record=True) as caught_again:
            warnings.simplefilter("always")
            torch.tensor(arrays)
finally:
    torch.set_warn_always(warn_always)
first_line = str(caught[0].message).split(" (Triggered internally")[0]
print(f"{caught[0].category.__name__}: {first_line}")

fragment = "Creating a tensor from a list of numpy.ndarrays is extremely slow"
assert caught and all(warning.category is UserWarning for warning in caught)
assert all(fragment in str(warning.message) for warning in caught)
assert caught_others and all(fragment in str(w.message) for w in caught_others)
assert not caught_again, "torch should not repeat the warning by default"

# %%
# The torch that built this page emits the warning, as the check above
# requires. The same text is in the compiled library of torch 2.3.1, 2.6.0,
# 2.7.0 and 2.14.1, the other releases checked.
#
# The values and the dtype are those of a fresh ``np.stack(arrays)``, and
# the result is a copy that shares memory with none of the arrays.

print(slow)

assert slow.dtype == tensor.dtype == torch.float32
assert torch.equal(slow, torch.from_numpy(np.stack(arrays)))
assert not any(np.shares_memory(slow.numpy(), array) for array in arrays)

# %%
# How much slower: measured
# -------------------------
#
# The timings below are measured while this page was built, for 500 arrays of
# 1,000 ``float32`` values each (the best of three runs). They change from one
# machine and one run to the next, so the page prints them and checks nothing
# about them. ``torch.stack`` of ``torch.from_numpy`` views is another fast way:
# like ``np.stack``, it copies once.

import timeit

rng = np.random.default_rng(0)
many = [rng.standard_normal(1000).astype(np.float32) for _ in range(500)]


def list_to_tensor():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        return torch.tensor(many)


ways = {
    "torch.tensor(arrays)": list_to_tensor,
    "torch.from_numpy(np.stack(arrays))": lambda: torch.from_numpy(np.stack(many)),
    "torch.stack([from_numpy(a) ...])": lambda: torch.stack(
        [torch.from_numpy(a) for a in many]
    ),
}
for name, way in ways.items():
    seconds = min(timeit.repeat(way, number=1, repeat=3))
    print(f"measured: {name:<36} {seconds * 1000:8.2f} ms")

results = [way() for way in ways.values()]
assert all(torch.equal(results[0], other) for other in results[1:])
assert not any(np.shares_memory(r.numpy(), many[0]) for r in results)

# %%
# The arrays must have the same shape
# -----------------------------------
#
# ``np.stack`` refuses arrays of different shapes with a ``ValueError``, and
# so does ``torch.tensor`` for such a list. Pad them to one length first.

uneven = [np.zeros(2), np.zeros(3)]
for name, call, fragment in [
    ("np.stack", np.stack, "same shape"),
    ("torch.tensor", torch.tensor, "expected sequence of length"),
]:
    try:
        call(uneven)
    except ValueError as error:
        print(f"{name}: {type(error).__name__}: {error}")
        assert fragment in str(error)
    else:
        raise AssertionError(f"{name} should refuse arrays of different shapes")

# %%
# Do not wrap the stack in ``torch.tensor``: ``torch.tensor(np.stack(arrays))``
# copies a second time, where ``torch.from_numpy`` shares the stacked array.

stacked = np.stack(arrays)
copied_twice = torch.tensor(stacked)
shared_once = torch.from_numpy(stacked)

assert not np.shares_memory(stacked, copied_twice.numpy())
assert np.shares_memory(stacked, shared_once.numpy())

# %%
# More on the two calls:
# :ref:`sphx_glr_auto_examples_numpy_to_tensor_plot_01_from_numpy.py` and
# :ref:`sphx_glr_auto_examples_numpy_to_tensor_plot_02_torch_tensor_copies.py`.
