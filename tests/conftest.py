"""Fixtures and hooks shared by the tests: the builds they read, started early.

The helpers live in site_builds.py (building copies of the site),
early_work.py (work started before a test needs it), browser_support.py and
notebook_support.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import early_work
from early_work import (
    build_tiny,
    build_whole_site,
    early_result,
    run_every_example,
    start_early,
)
from site_builds import Tinybuild


@pytest.fixture(scope="session")
def built_site() -> Path:
    """The whole site, built once for the session from a copy of the sources,
    with the settings that a fork's hosted workflow gives it (started early)."""
    root, build = early_result("built_site", build_whole_site)
    assert build.status == 0, f"the site's build failed:\n{build.output[-6000:]}"
    return root


@pytest.fixture(scope="session")
def tinybuild() -> Tinybuild:
    """tests/tinybuild, built four times (started early)."""
    return early_result("tinybuild", build_tiny)


def pytest_collection_modifyitems(session, config, items) -> None:
    """Order the tests so that the tests' thread seldom waits and both cores
    stay busy: first those that wait for nothing, then those that read the
    whole site (the browser), then those that run a build of their own
    (marked own_build) while the site's notebooks run, then the rest in the
    order their early work is usually ready."""
    order = ("built_site", "own_build", "tinybuild", "standalone_runs", "colab_runs")

    def rank(item) -> int:
        waits = {*getattr(item, "fixturenames", ())}
        if item.get_closest_marker("own_build"):
            waits.add("own_build")
        return max(
            (order.index(name) + 1 for name in waits if name in order), default=0
        )

    items.sort(key=rank)


def pytest_collection_finish(session) -> None:
    if session.config.option.collectonly:
        return
    early_work.REQUESTED_FIXTURES.update(
        name for item in session.items for name in getattr(item, "fixturenames", ())
    )
    if "built_site" in early_work.REQUESTED_FIXTURES:
        start_early("built_site", build_whole_site)
    if "tinybuild" in early_work.REQUESTED_FIXTURES:
        start_early("tinybuild", build_tiny)
    if "standalone_runs" in early_work.REQUESTED_FIXTURES:
        start_early("standalone_runs", run_every_example)


def pytest_sessionfinish(session, exitstatus) -> None:
    early_work.EARLY.shutdown(wait=False, cancel_futures=True)


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
