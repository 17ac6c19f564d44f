"""Per-example state handling, called by sphinx-gallery before and after each example.

sphinx-gallery runs every example in one Python process (or a few worker
processes). Without a reset, a seed, a default dtype or a default device set by
one example would leak into the next, and the outputs of a page would depend on
the order in which pages happen to be built.

This module is named by dotted path in ``sphinx_gallery_conf["reset_modules"]``
so that parallel workers, which never read ``conf.py``, can import it.
"""

from __future__ import annotations

import os
import random
import signal

#: Set by the extension from ``executed_gallery_time_limit``; environment
#: variables reach parallel workers, module globals do not.
TIME_LIMIT_VARIABLE = "EXECUTED_GALLERY_TIME_LIMIT"


class ExampleTimeLimitExceeded(RuntimeError):
    """An example ran longer than the per-example time limit."""


#: The file name of the example that runs now (sphinx-gallery compiles its
#: code under its path), for the time-limit handler.
_running_example = ""
#: Seconds to wait before looking again when the limit runs out elsewhere.
_RETRY = 0.1


def _in_running_example(frame) -> bool:
    while frame is not None:
        if os.path.basename(frame.f_code.co_filename) == _running_example:
            return True
        frame = frame.f_back
    return False


def _raise_time_limit(signum, frame):
    # The timer runs from the reset before the example to the reset after it.
    # On a loaded machine it can run out in sphinx-gallery's own code around
    # the example, where an exception would crash the build instead of
    # failing the example: there, look again a moment later.
    if not _in_running_example(frame):
        signal.setitimer(signal.ITIMER_REAL, _RETRY)
        return
    limit = os.environ.get(TIME_LIMIT_VARIABLE)
    raise ExampleTimeLimitExceeded(
        f"the example ran longer than its time limit of {limit} s "
        "(executed_gallery_time_limit in conf.py)"
    )


def reset_example_state(gallery_conf, fname, when):
    """Give every example the same starting state, and bound its run time."""
    global _running_example
    import numpy
    import torch

    if when == "before":
        _running_example = os.path.basename(fname)
        random.seed(0)
        numpy.random.seed(0)
        torch.manual_seed(0)
        torch.set_default_dtype(torch.float32)
        torch.set_default_device(None)
        torch.set_warn_always(False)
        if gallery_conf.get("parallel"):
            # Worker processes each get one thread: OpenMP pools in several
            # processes on a small machine oversubscribe it, and can hang.
            torch.set_num_threads(1)
        limit = float(os.environ.get(TIME_LIMIT_VARIABLE, "0") or 0)
        if limit > 0 and hasattr(signal, "setitimer"):
            signal.signal(signal.SIGALRM, _raise_time_limit)
            signal.setitimer(signal.ITIMER_REAL, limit)
    elif hasattr(signal, "setitimer"):
        signal.setitimer(signal.ITIMER_REAL, 0)
