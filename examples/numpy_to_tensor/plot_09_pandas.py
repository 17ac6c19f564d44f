"""
Convert a pandas DataFrame or Series to a tensor
================================================

``torch.tensor(df.to_numpy(), dtype=torch.float32)`` gives an independent
float32 tensor, for a DataFrame whose columns are all numbers. Avoid
``torch.from_numpy(df.to_numpy())``: from pandas 3.0, where all columns have
one dtype, the array is a read-only view of the DataFrame, and torch warns.
Text columns must be encoded first.
"""

import numpy as np
import pandas as pd
import torch

df = pd.DataFrame({"height": [1.62, 1.75, 1.80], "age": [31, 45, 27]})
x = torch.tensor(df.to_numpy(), dtype=torch.float32)  # one copy: x is independent
x.add_(1)  # an in-place change of the tensor does not reach the DataFrame
assert x.shape == (3, 2) and x.dtype == torch.float32
assert df["age"].tolist() == [31, 45, 27]

# %%
# What ``to_numpy()`` gives: one dtype for all columns
# ----------------------------------------------------
#
# A tensor has one dtype, and so does the array that ``df.to_numpy()`` returns:
# pandas picks a dtype that holds every column, here ``float64`` for a float
# column and an integer column. ``df.values`` is the older spelling of the same
# call. A ``Series`` (one column) gives a one-dimensional array of its own
# dtype.

print("pandas", pd.__version__)
print(df.dtypes.to_dict())
print("df.to_numpy():", df.to_numpy().dtype, df.to_numpy().shape)
print("df['age'].to_numpy():", df["age"].to_numpy().dtype)

assert df.to_numpy().dtype == np.float64 and df.to_numpy().shape == (3, 2)
assert np.array_equal(df.values, df.to_numpy())
assert df["age"].to_numpy().dtype == np.int64 and df["age"].to_numpy().ndim == 1
assert torch.from_numpy(df["age"].to_numpy().copy()).dtype == torch.int64

# %%
# ``torch.from_numpy(df.to_numpy())`` shares, and may warn
# --------------------------------------------------------
#
# Where all columns have one dtype, ``to_numpy()`` returns a view of the
# DataFrame's own memory instead of a copy (with mixed dtypes it makes a new
# array). pandas 3.0 made copy-on-write the
# default, and since then that view is read-only, so that a write through it
# cannot change the DataFrame behind pandas' back. ``torch.from_numpy`` shares
# it, cannot make the tensor read-only, and warns. In pandas 2 the view is
# writable: the tensor then shares the DataFrame's memory, and an in-place
# change of it changes the DataFrame. Either way, copy: ``torch.tensor``, or
# ``to_numpy(copy=True)`` before ``torch.from_numpy``. (torch gives the
# warning once per process; ``torch.set_warn_always(True)`` shows it here
# whatever ran before.)

import warnings

PANDAS_3 = int(pd.__version__.split(".")[0]) >= 3
same_dtype = pd.DataFrame({"a": [1.0, 2.0], "b": [3.0, 4.0]})
view = same_dtype.to_numpy()
warn_always = torch.is_warn_always_enabled()
torch.set_warn_always(True)
try:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        shared = torch.from_numpy(view)
finally:
    torch.set_warn_always(warn_always)
column = same_dtype["a"].to_numpy()
print("writable:", view.flags.writeable)
print("shares the DataFrame's memory:", np.shares_memory(view, column))
print("warnings:", [f"{w.category.__name__}: {str(w.message)[:48]}..." for w in caught])

assert np.shares_memory(view, column)
assert not np.shares_memory(df.to_numpy(), df["height"].to_numpy())  # mixed dtypes
assert view.flags.writeable is not PANDAS_3
assert bool(caught) is PANDAS_3
assert all("not writable" in str(w.message) for w in caught)

if not PANDAS_3:  # the writable view: a write through the tensor reaches the DataFrame
    writable = pd.DataFrame({"a": [1.0, 2.0]})
    torch.from_numpy(writable.to_numpy())[0, 0] = 100.0
    assert writable["a"].iloc[0] == 100.0

copied = torch.from_numpy(same_dtype.to_numpy(copy=True))
copied.add_(10)  # a copy: the DataFrame is unchanged
assert same_dtype["a"].tolist() == [1.0, 2.0]

# %%
# Text columns raise: encode them first
# -------------------------------------
#
# A DataFrame with a text column gives an array of dtype ``object`` (Python
# objects), which torch refuses with a ``TypeError``. Turn text into numbers
# first, for example category codes, then convert the numeric columns.

mixed = pd.DataFrame({"size": [1.5, 2.5, 3.5], "colour": ["red", "blue", "red"]})
print("mixed.to_numpy():", mixed.to_numpy().dtype)
try:
    torch.tensor(mixed.to_numpy())
except TypeError as error:
    print(f"{type(error).__name__}: {str(error).split('. ')[0]}.")
    assert "numpy.object_" in str(error)
else:
    raise AssertionError("torch.tensor should refuse an object array")

codes = mixed["colour"].astype("category").cat.codes  # blue → 0, red → 1
features = torch.tensor(
    np.stack([mixed["size"].to_numpy(), codes.to_numpy()], axis=1), dtype=torch.float32
)
print(features)

assert mixed.to_numpy().dtype == object
assert codes.tolist() == [1, 0, 1]
assert features.tolist() == [[1.5, 1.0], [2.5, 0.0], [3.5, 1.0]]

# %%
# Missing values: choose what they become
# ---------------------------------------
#
# pandas' nullable integer dtype (``"Int64"``, with a capital I) can hold
# ``pd.NA``. Say what a missing value becomes and which dtype you want:
# ``to_numpy(dtype="float32", na_value=np.nan)`` gives NaN in a float array. A
# plain integer array has no missing value to offer.

counts = pd.Series([3, None, 5], dtype="Int64")
as_float = torch.from_numpy(counts.to_numpy(dtype="float32", na_value=np.nan))
print(counts.to_list(), "→", as_float)

assert as_float.dtype == torch.float32 and torch.isnan(as_float[1])
assert as_float[[0, 2]].tolist() == [3.0, 5.0]
try:
    counts.to_numpy(dtype="int64")
except ValueError as error:
    print(f"{type(error).__name__}: {error}")
else:
    raise AssertionError("an Int64 Series with a missing value should refuse int64")

# %%
# ``torch.tensor(df)`` does not work
# ----------------------------------
#
# torch does not read a DataFrame directly: ``torch.tensor(df)`` raises
# ``ValueError``. A ``Series`` of numbers converts, as any sequence of
# numbers does; ``torch.tensor(series.to_numpy())`` says what happens.

try:
    torch.tensor(df)
except ValueError as error:
    print(f"{type(error).__name__}: {error}")
    assert "DataFrame" in str(error)
else:
    raise AssertionError("torch.tensor(df) should raise")
assert torch.equal(torch.tensor(df["height"]), torch.tensor(df["height"].to_numpy()))

# %%
# Back: a tensor to a DataFrame
# -----------------------------
#
# ``pd.DataFrame(t.numpy(), columns=..., copy=True)`` makes a DataFrame from a
# CPU tensor (``t.detach().cpu().numpy()`` for one that requires grad or is on
# a GPU) that does not follow later changes of the tensor. Without
# ``copy=True``, pandas 3.0 and later copy the array anyway; pandas 2 keeps a
# view of it, so an in-place change of the tensor changes the DataFrame.

t = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
frame = pd.DataFrame(t.numpy(), columns=["a", "b"], copy=True)
default = pd.DataFrame(t.numpy(), columns=["a", "b"])  # copy=None: pandas decides
t.zero_()
print(frame)
print("without copy=True, it follows the tensor:", (default.to_numpy() == 0).all())

assert frame.to_numpy().tolist() == [[1.0, 2.0], [3.0, 4.0]]
assert bool((default.to_numpy() == 0).all()) is not PANDAS_3

# %%
# More on the calls: :ref:`sphx_glr_auto_examples_numpy_to_tensor_plot_02_torch_tensor_copies.py`
# (``torch.tensor`` copies) and
# :ref:`sphx_glr_auto_examples_edge_cases_plot_03_byte_order_and_object_arrays.py`
# (object arrays).
