"""Work that tests read later, started as soon as it can be.

A build keeps both cores busy only while its examples run: it reads and writes
pages on one, and the browser tests leave one idle too. So the whole site's
build, the tiny build, the examples' runs as plain scripts and (once the site
exists) its Colab notebooks' runs start in threads of their own when the tests
are collected (conftest.py), and the fixture that needs one waits for it, or
runs the work then if it was not started.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from site_builds import (
    FORK_SITE,
    Build,
    Tinybuild,
    build_tinybuild,
    copy_site,
    make_tinybuild,
    run_build,
)

EARLY = ThreadPoolExecutor(max_workers=4, thread_name_prefix="early")
EARLY_WORK: dict[str, Future] = {}
REQUESTED_FIXTURES: set[str] = set()


def start_early(name: str, work, *arguments) -> None:
    EARLY_WORK[name] = EARLY.submit(work, *arguments)


def early_result(name: str, work):
    future = EARLY_WORK.get(name)
    return future.result() if future is not None else work()


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


def build_tiny() -> Tinybuild:
    """tests/tinybuild, built four times (site_builds.build_tinybuild)."""
    return build_tinybuild(make_tinybuild(Path(tempfile.mkdtemp(prefix="tinybuild-"))))
