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
``@early_fixture(ahead=True)``, and the other early work runs behind it, at a
lower priority: in the time the site's build leaves a core idle, and beside the
browser tests once it is done. So are the builds that hold an example to a time
limit of a few seconds (the tiny build's), which a build starved of CPU
behind the site could overrun.
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
AHEAD: set[str] = set()
NEEDS: dict[str, str] = {}  # early work -> the early work whose result it reads
# How much lower the priority of the work behind is (a nice value): the
# lowest, so that it takes only what the site's build leaves idle (at 5 the
# site was built 24 s later, and the whole run took longer).
BEHIND = 19


def early_fixture(
    work: Callable[[Path], object] | None = None, *, ahead=False, needs: str = ""
):
    """A session fixture named as ``work``, whose value ``work(folder)`` returns;
    ``ahead=True`` for the work that the other early work runs behind;
    ``needs``: the early fixture whose value the work reads (with wait_for)."""
    if work is None:
        return functools.partial(early_fixture, ahead=ahead, needs=needs)
    name = work.__name__
    EARLY_FIXTURES[name] = work
    if ahead:
        AHEAD.add(name)
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
    """Run work in a thread of its own, behind the work ahead unless it is that
    work; early_result(name, ...) waits for it."""
    thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"early-{name}")
    if name not in AHEAD:
        work = functools.partial(behind, work)
    EARLY_WORK[name] = thread.submit(work, *arguments)
    thread.shutdown(wait=False)


def behind(work, *arguments):
    """Run work in this thread at a lower priority. On Linux a priority is a
    thread's, and the threads and processes that it starts inherit it."""
    try:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), BEHIND)
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
