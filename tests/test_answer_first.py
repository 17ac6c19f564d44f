"""Answer first: a reader with one question finds its answer on the first screen.

Every example page and reference page of both editions is opened in Chromium on
a 390 x 844 phone and a 1280 x 800 desktop. On the phone, code (an example's
answer block, or a reference table's first row) is on the first screen and the
quick reference is no wider than the phone; code in tables is at least 13 px;
no page opens with sphinx-gallery's "Go to the end" note; no output block scrolls
sideways at either width; on the desktop no page runs past eight screens, half the example pages
fit five, and
Examples by API is a list of at most ten.

The pages are measured once, in the walk that tests/test_browser.py shares
(site_tour.py); each test reports every page that fails, at once.
"""

from __future__ import annotations

import statistics

import pytest

from site_tour import DESKTOP, EDITIONS, MEASURED_PAGES, PHONE

MOST_DESKTOP_SCREENS = 8
MEDIAN_DESKTOP_SCREENS = 5


@pytest.fixture(scope="module")
def measured(site_tour) -> dict:
    """Every page of both editions, measured at both sizes: {(size, edition, path): facts}."""
    assert len(site_tour.measured) == 2 * len(EDITIONS) * len(MEASURED_PAGES)
    return site_tour.measured


def failures(measured: dict, size: str, check) -> list[str]:
    found = []
    for (name, edition, path), facts in measured.items():
        problem = check(facts) if name == size else None
        if problem:
            found.append(f"{edition}/{path}: {problem}")
    return found


def test_code_is_on_the_first_phone_screen(measured):
    def check(facts):
        if facts["firstCode"] is None:
            return "no code at all"
        if facts["firstCode"] >= PHONE["height"]:
            return f"first code at y={facts['firstCode']:.0f} px"
        return None

    found = failures(measured, "phone", check)
    assert not found, "\n".join(found)


def test_the_quick_reference_fits_a_phone(measured):
    for edition in EDITIONS:
        facts = measured["phone", edition, "quick-reference.html"]
        assert facts["widestTable"] <= PHONE["width"], (edition, facts["widestTable"])


def test_code_in_tables_is_at_least_13_px(measured):
    found = failures(
        measured,
        "desktop",
        lambda facts: facts["smallestTableCode"] < 13 and facts["smallestTableCode"],
    )
    assert not found, "\n".join(found)


def test_no_page_opens_with_the_go_to_the_end_note(measured):
    found = failures(measured, "phone", lambda facts: facts["goToTheEnd"] or None)
    assert not found, "\n".join(found)


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_outputs_wrap_instead_of_scrolling_sideways(measured, size):
    found = failures(
        measured, size, lambda facts: "; ".join(facts["sidewaysOutputs"][:1]) or None
    )
    assert not found, "\n".join(found)


def too_long(facts: dict) -> str | None:
    screens = facts["height"] / DESKTOP["height"]
    return f"{screens:.1f} screens" if screens > MOST_DESKTOP_SCREENS else None


def test_no_page_runs_past_eight_desktop_screens(measured):
    found = failures(measured, "desktop", too_long)
    assert not found, "\n".join(found)


@pytest.mark.parametrize("edition", EDITIONS)
def test_half_the_example_pages_fit_five_desktop_screens(measured, edition):
    screens = sorted(
        facts["height"] / DESKTOP["height"]
        for (size, page_edition, path), facts in measured.items()
        if size == "desktop" and page_edition == edition and "auto_examples/" in path
    )
    assert screens, "no example page was measured"
    assert statistics.median(screens) <= MEDIAN_DESKTOP_SCREENS, (
        f"{edition}: the median example page is {statistics.median(screens):.2f} "
        f"desktop screens; fold what few readers want (.. rst-class:: fold)"
    )


def test_examples_by_api_is_a_compact_list(page, base_url):
    for edition in EDITIONS:
        page.goto(f"{base_url}/{edition}/api-examples.html")
        height = page.evaluate("document.documentElement.scrollHeight")
        screens = height / DESKTOP["height"]
        assert screens <= 10, f"{edition}: {screens:.1f} desktop screens"
        assert page.locator("article img").count() == 0, "placeholder thumbnails"
