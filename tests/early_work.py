"""Work that tests read later, started as soon as it can be.

A build keeps both cores busy only while its examples run: it reads and writes
pages on one, and the browser tests leave one idle too. So the builds and runs
that fixtures return start in threads of their own when the tests are
collected (conftest.py), and the tests that need one wait for it:

    @early_fixture
    def tinybuild() -> Tinybuild:
        return build_tinybuild(...)

makes a session fixture ``tinybuild`` whose value is that function's, started
early when a selected test needs it (and run when first needed otherwise).
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pytest

from site_builds import FORK_SITE, Build, copy_site, run_build

EARLY_FIXTURES: dict[str, Callable[[], object]] = {}
EARLY_WORK: dict[str, Future] = {}
REQUESTED_FIXTURES: set[str] = set()


def early_fixture(work: Callable[[], object]):
    """A session fixture named as ``work``, whose value ``work()`` returns."""
    name = work.__name__
    EARLY_FIXTURES[name] = work

    def fixture():
        return early_result(name, work)

    fixture.__doc__ = work.__doc__
    return pytest.fixture(scope="session", name=name)(fixture)


def start_early(name: str, work, *arguments) -> None:
    """Run work in a thread of its own; early_result(name, ...) waits for it."""
    thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"early-{name}")
    EARLY_WORK[name] = thread.submit(work, *arguments)
    thread.shutdown(wait=False)


def early_result(name: str, work):
    future = EARLY_WORK.get(name)
    return future.result() if future is not None else work()


def cancel_early_work() -> None:
    for future in EARLY_WORK.values():
        future.cancel()  # those not started yet; a running one runs to its end


def run_every_example() -> dict[Path, subprocess.CompletedProcess]:
    """Every example run with plain python, each in a process of its own, as
    many at a time as there are cores."""
    from run_examples import example_scripts, run_standalone

    scripts = example_scripts()
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as runs:
        return dict(zip(scripts, runs.map(run_standalone, scripts), strict=True))


def run_english_notebooks(site_html: Path) -> dict[str, tuple]:
    """Every notebook of the English edition run top to bottom, keyed by its path
    under ``site_html``: (the notebook with its outputs, its error or None)."""
    import nbformat

    from notebook_support import run_notebooks

    notebooks = {
        path.relative_to(site_html).as_posix(): nbformat.read(path, as_version=4)
        for path in sorted((site_html / "en" / "notebooks").rglob("*.ipynb"))
    }
    errors = run_notebooks(notebooks, Path(tempfile.mkdtemp(prefix="colab-")))
    return {name: (notebooks[name], errors[name]) for name in notebooks}


def build_whole_site() -> tuple[Path, Build]:
    """The whole site, built from a copy of the sources with a fork's hosted settings."""
    root = copy_site(Path(tempfile.mkdtemp(prefix="site-")))
    build = run_build(root, env=FORK_SITE)
    if build.status == 0 and "colab_runs" in REQUESTED_FIXTURES:
        start_early("colab_runs", run_english_notebooks, root / "_build" / "html")
    return root, build
