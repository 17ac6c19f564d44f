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


def _raise_time_limit(signum, frame):
    limit = os.environ.get(TIME_LIMIT_VARIABLE)
    raise ExampleTimeLimitExceeded(
        f"the example ran longer than its time limit of {limit} s "
        "(executed_gallery_time_limit in conf.py)"
    )


def reset_example_state(gallery_conf, fname, when):
    """Give every example the same starting state, and bound its run time."""
    import numpy
    import torch

    if when == "before":
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
