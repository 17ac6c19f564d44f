"""What the reference pages' probes share: the sharing test, and how an outcome is written.

The notebook pages ``quick-reference.md``, ``conversion-matrix.md`` and
``dtypes.md`` import it::

    from reference_probes import code, shares, short_message

    assert shares(t, t.numpy())                      # an in-place change shows through
    code("RuntimeError: a | b")                      # "`RuntimeError: a \\| b`"

The build puts this folder on the kernels' path, and each page's Colab notebook
writes this file next to itself (colab.py), so it imports nothing from the site:
only torch, NumPy and the standard library. A change here makes the compatibility grid's results for those pages
stale, as a change to the pages themselves does.
"""

from __future__ import annotations

import copy
import re

import numpy as np
import torch


def code(text):
    """An inline code span that is safe inside a Markdown table cell.

    Messages go in code spans too, so that they appear exactly as torch and
    NumPy wrote them (plain text would get typographic quotes).
    """
    longest = max((len(run) for run in re.findall("`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return fence + pad + text.replace("|", "\\|") + pad + fence


def first_sentence(message):
    """The first line of a message, cut after its first sentence when it is long.

    Torch's note of where in its C++ source a warning came from is left out.
    """
    text = str(message).split(" (Triggered internally")[0].strip()
    line = text.splitlines()[0] if text else ""
    if len(line) > 100 and ". " in line:
        line = line[: line.index(". ") + 1]
    return line


def short_message(error):
    """The error type and the first sentence of its message."""
    return f"{type(error).__name__}: {first_sentence(error)}"


def snapshot(value):
    """The values held by an array, a tensor, a list or a number, as plain Python."""
    if isinstance(value, torch.Tensor):
        return value.detach().cpu().tolist()
    if isinstance(value, np.ndarray):
        return value.tolist()
    return copy.deepcopy(value)


def cpu_buffer(value):
    """A NumPy view of the memory of a CPU array, tensor, buffer, NumPy scalar or
    DataFrame, else None."""
    if isinstance(value, np.ndarray):
        return value
    if isinstance(value, torch.Tensor) and value.device.type == "cpu":
        try:
            return value.detach().numpy()
        except TypeError:  # a dtype NumPy lacks (bfloat16): only the write test tells
            return None
    if isinstance(value, (bytes, bytearray)):
        return np.frombuffer(value, dtype=np.uint8)
    if isinstance(value, np.generic):  # read-only: scalars are immutable
        return np.frombuffer(value, dtype=value.dtype)
    if hasattr(value, "to_numpy") and hasattr(value, "columns"):
        # A pandas DataFrame of one dtype: to_numpy() is a view of its memory
        # (read-only from pandas 3.0, so the probe then compares memory).
        return value.to_numpy()
    return None


def add_one_in_place(source):
    if isinstance(source, list):  # a list of arrays: change every one of them
        for item in source:
            add_one_in_place(item)
    elif isinstance(source, torch.Tensor) and source.layout == torch.sparse_coo:
        source.detach().values().add_(1)  # the stored values of a coalesced tensor
    elif isinstance(source, torch.Tensor):
        source.detach().add_(1)  # detach() shares storage: this writes into source
    elif hasattr(source, "paste") and hasattr(source, "point"):  # a PIL image
        source.paste(source.point(lambda value: value + 1))  # in place, every pixel
    else:
        buffer = cpu_buffer(source)
        np.add(buffer, 1, out=buffer)


def shares(source, result):
    """Whether result uses the memory of source.

    A source that can be written is changed in place, and the result is looked
    at again; np.shares_memory must agree. A source that cannot be written (a
    read-only array, bytes, a NumPy scalar) is checked with np.shares_memory.
    """
    buffers = cpu_buffer(source), cpu_buffer(result)
    if buffers[0] is not None and not buffers[0].flags.writeable:
        return buffers[1] is not None and bool(np.shares_memory(*buffers))
    before = snapshot(result)
    add_one_in_place(source)
    changed = snapshot(result) != before
    if buffers[0] is not None and buffers[1] is not None:
        agree = np.shares_memory(*buffers) == changed
        assert agree, "write test and np.shares_memory disagree"
    return changed
