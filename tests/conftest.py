"""Fixtures and hooks shared by the tests: the builds they read, started early.

The helpers live in site_builds.py (building copies of the site),
early_work.py (work started before a test needs it), browser_support.py and
notebook_support.py.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

import early_work
from early_work import build_whole_site, cancel_early_work, early_fixture, start_early
from site_builds import Tinybuild, build_tinybuild, make_tinybuild


@early_fixture
def built_site() -> Path:
    """The whole site, built once for the session from a copy of the sources,
    with the settings that a fork's hosted workflow gives it."""
    root, build = build_whole_site()
    assert build.status == 0, f"the site's build failed:\n{build.output[-6000:]}"
    return root


@early_fixture
def tinybuild() -> Tinybuild:
    """tests/tinybuild, built four times (site_builds.build_tinybuild)."""
    return build_tinybuild(make_tinybuild(Path(tempfile.mkdtemp(prefix="tinybuild-"))))


def pytest_collection_modifyitems(session, config, items) -> None:
    """Order the tests so that the tests' thread seldom waits: first those that
    wait for no early work, then those that read the whole site (the browser
    tests, the longest), then those that wait for other early work, and last
    those that wait for the notebooks' runs, which start when the site is built."""

    def rank(item) -> int:
        fixtures = set(getattr(item, "fixturenames", ()))
        if "colab_runs" in fixtures:
            return 3
        early = fixtures & set(early_work.EARLY_FIXTURES)
        return 0 if not early else 1 if early == {"built_site"} else 2

    items.sort(key=rank)


def pytest_collection_finish(session) -> None:
    if session.config.option.collectonly:
        return
    requested = early_work.REQUESTED_FIXTURES
    requested.update(
        name for item in session.items for name in getattr(item, "fixturenames", ())
    )
    for name, work in early_work.EARLY_FIXTURES.items():
        if name in requested:
            start_early(name, work)


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


@pytest.fixture(scope="session")
def browser():
    from playwright import sync_api as playwright_sync

    from browser_support import launch_chromium

    with playwright_sync.sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def shared_page(browser):
    """One page for the read-only checks that need no special context."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    yield page
    context.close()
