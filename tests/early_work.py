"""Work that tests read later, started as soon as it can be.

A build keeps both cores busy only while its examples run: it reads and writes
pages on one, and the browser tests leave one idle too. So the builds and runs
that fixtures return start in threads of their own before the first test runs
(conftest.py), and the tests that need one wait for it:

    @early_fixture
    def tinybuild(folder: Path) -> Tinybuild:
        return build_tinybuild(make_tinybuild(folder))

makes a session fixture ``tinybuild`` whose value is that function's, given a
new folder of pytest's temporary ones (which pytest removes after a few runs).
It is started early when a selected test needs it, and run when first needed
otherwise.

The whole site is what the tests wait for longest: the browser tests read it,
and they take a core for a minute after it is built. So it is declared
``@early_fixture(nice=0)``, and the other early work runs at a lower priority
(a higher nice value): by default BEHIND, the lowest, in the time the site's
build leaves a core idle and beside the tests once it is done. The builds that
hold an example to a time limit of a few seconds (the tiny build's) run at
BESIDE: below the site, but never starved past their limit.
"""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pytest

EARLY_FIXTURES: dict[str, Callable[[Path], object]] = {}
EARLY_WORK: dict[str, Future] = {}
REQUESTED_FIXTURES: set[str] = set()
NICE: dict[str, int] = {}  # early work -> its nice value
NEEDS: dict[str, str] = {}  # early work -> the early work whose result it reads
# The lowest priority, so that the work takes only what the site's build leaves
# idle (at 5, the site was built 24 s later and the whole run took longer).
BEHIND = 19
# Below the site's build, for the builds with a time limit of a few seconds:
# at 0 they delayed the site by about 15 s (built at +87 s instead of +73 s);
# at BEHIND an example of theirs could wait for a core past that limit.
BESIDE = 5


def early_fixture(
    work: Callable[[Path], object] | None = None, *, nice=BEHIND, needs: str = ""
):
    """A session fixture named as ``work``, whose value ``work(folder)`` returns,
    run at the priority ``nice``; ``needs``: the early fixture whose value the
    work reads (with wait_for)."""
    if work is None:
        return functools.partial(early_fixture, nice=nice, needs=needs)
    name = work.__name__
    EARLY_FIXTURES[name] = work
    NICE[name] = nice
    if needs:
        NEEDS[name] = needs

    def fixture(tmp_path_factory):
        return early_result(name, lambda: work(tmp_path_factory.mktemp(name)))

    fixture.__doc__ = work.__doc__
    return pytest.fixture(scope="session", name=name)(fixture)


def start_requested(items, tmp_path_factory) -> None:
    """Start the early fixtures that the selected tests need."""
    REQUESTED_FIXTURES.update(
        name for item in items for name in getattr(item, "fixturenames", ())
    )
    REQUESTED_FIXTURES.update(NEEDS[name] for name in REQUESTED_FIXTURES & set(NEEDS))
    for name, work in EARLY_FIXTURES.items():
        if name in REQUESTED_FIXTURES:
            start_early(name, work, tmp_path_factory.mktemp(name))


def start_early(name: str, work, *arguments) -> None:
    """Run work in a thread of its own, at its priority; early_result(name, ...)
    waits for it."""
    thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"early-{name}")
    work = functools.partial(at_priority, NICE.get(name, BEHIND), work)
    EARLY_WORK[name] = thread.submit(work, *arguments)
    thread.shutdown(wait=False)


def at_priority(nice: int, work, *arguments):
    """Run work in this thread at the priority ``nice``. On Linux a priority is
    a thread's, and the threads and processes that it starts inherit it."""
    try:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), nice)
    except (AttributeError, OSError):  # elsewhere: the same work, unordered
        pass
    return work(*arguments)


def early_result(name: str, work):
    future = EARLY_WORK.get(name)
    return future.result() if future is not None else work()


def wait_for(name: str):
    """The value of the early work ``name``, which the work calling it needs
    (``needs=name``), so it was started with it."""
    return EARLY_WORK[name].result()


def cancel_early_work() -> None:
    for future in EARLY_WORK.values():
        future.cancel()  # those not started yet; a running one runs to its end
