"""Fixtures and hooks shared by the tests: the builds they read, started early.

The helpers live in site_builds.py (building copies of the site),
early_work.py (work started before a test needs it), browser_support.py and
notebook_support.py.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

import early_work
from early_work import cancel_early_work, early_fixture, start_early
from notebook_support import run_edition_notebooks
from site_builds import (
    FORK_SITE,
    Tinybuild,
    build_tinybuild,
    copy_site,
    make_tinybuild,
    run_build,
)


@early_fixture(nice=0)
def built_site(folder: Path) -> Path:
    """The whole site, built once for the session from a copy of the sources,
    with the settings that a fork's hosted workflow gives it. Its English
    notebooks' Colab runs (colab_runs) start as soon as it is built."""
    root = copy_site(folder / "site")
    build = run_build(root, env=FORK_SITE)
    assert build.status == 0, f"the site's build failed:\n{build.output[-6000:]}"
    if "colab_runs" in early_work.REQUESTED_FIXTURES:
        html, runs = root / "_build" / "html", folder / "colab"
        start_early("colab_runs", run_edition_notebooks, html, "en", runs)
    return root


@early_fixture(nice=early_work.BESIDE)
def tinybuild(folder: Path) -> Tinybuild:
    """tests/tinybuild, built four times (site_builds.build_tinybuild)."""
    return build_tinybuild(make_tinybuild(folder))


@pytest.fixture(scope="session", autouse=True)
def temporary_files_in_pytests_folders(tmp_path_factory) -> Iterator[Path]:
    """TMPDIR, for this process and all it starts, in pytest's own folders,
    which pytest removes after a few runs. What would otherwise stay in /tmp:
    the traceback logs that Sphinx writes for each build that must fail."""
    folder = tmp_path_factory.mktemp("tmp")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TMPDIR", str(folder))
        patch.setattr(tempfile, "tempdir", None)  # else gettempdir() keeps /tmp
        yield folder


@pytest.fixture(scope="session", autouse=True)
def early_work_started(
    request, tmp_path_factory, temporary_files_in_pytests_folders
) -> None:
    """Before the first test: the early work that the selected tests need."""
    early_work.start_requested(request.session.items, tmp_path_factory)


def pytest_itemcollected(item) -> None:
    """Mark the tests that drive Chromium ``browser``, so that ``-m`` can pick them."""
    if {"browser", "site_tour"} & set(getattr(item, "fixturenames", ())):
        item.add_marker(pytest.mark.browser)


def pytest_collection_modifyitems(session, config, items) -> None:
    """Leave out the slow tests unless ``-m`` names them (``-m slow``). Order the
    rest so that the tests' thread seldom waits: first those that wait for no
    early work, then those that read the whole site (the browser tests, the
    longest), then those that wait for other early work, and last those that
    wait for the notebooks' runs, which start when the site is built."""
    if "slow" not in (config.option.markexpr or ""):
        slow = [item for item in items if item.get_closest_marker("slow")]
        if slow:
            config.hook.pytest_deselected(items=slow)
            items[:] = [item for item in items if not item.get_closest_marker("slow")]

    def rank(item) -> int:
        fixtures = set(getattr(item, "fixturenames", ()))
        if "colab_runs" in fixtures:
            return 3
        early = fixtures & set(early_work.EARLY_FIXTURES)
        return 0 if not early else 1 if early == {"built_site"} else 2

    items.sort(key=rank)


def pytest_collection_finish(session) -> None:
    """Without Chromium, the browser tests stop the run before anything is built,
    with one line that says what to install."""
    from browser_support import INSTALL_CHROMIUM, has_chromium

    wanted = any(item.get_closest_marker("browser") for item in session.items)
    if wanted and not session.config.option.collectonly and not has_chromium():
        pytest.exit(INSTALL_CHROMIUM)


def pytest_sessionfinish(session, exitstatus) -> None:
    cancel_early_work()


# -- The site in a browser --------------------------------------------------------


@pytest.fixture(scope="session")
def cuda_available() -> bool:
    # The same interpreter ran the build, so it saw the same devices.
    import torch

    return torch.cuda.is_available()


@pytest.fixture(scope="session")
def site_html(built_site) -> Path:
    return built_site / "_build" / "html"


@pytest.fixture(scope="session")
def base_url(site_html) -> str:
    from browser_support import serve

    with serve(site_html) as url:
        yield url


@early_fixture(nice=0, needs="built_site")
def site_tour(_folder: Path):
    """Every built page, loaded once in Chromium (site_tour.py), as soon as the
    site is built: in a Chromium and a server of its own, beside the tests
    that read the site in the other browser and with lxml."""
    from playwright import sync_api as playwright_sync

    from browser_support import launch_chromium, serve
    from site_tour import walk

    site_html = early_work.wait_for("built_site") / "_build" / "html"
    with playwright_sync.sync_playwright() as playwright, serve(site_html) as url:
        chromium = launch_chromium(playwright)
        try:
            return walk(chromium, url, site_html)
        finally:
            chromium.close()


@pytest.fixture(scope="session")
def browser():
    from playwright import sync_api as playwright_sync

    from browser_support import launch_chromium

    with playwright_sync.sync_playwright() as playwright:
        chromium = launch_chromium(playwright)  # pytest_collection_finish found one
        yield chromium
        chromium.close()


def desktop_page(browser):
    from site_tour import DESKTOP

    context = browser.new_context(viewport=DESKTOP)
    yield context.new_page()
    context.close()


@pytest.fixture(scope="module")
def shared_page(browser):
    """One page for the read-only checks that need no special context."""
    yield from desktop_page(browser)


@pytest.fixture
def page(browser):
    yield from desktop_page(browser)
