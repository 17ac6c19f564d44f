"""Answer first: a reader with one question finds its answer on the first screen.

Every example page and reference page of both editions is opened in Chromium on
a 390 x 844 phone and a 1280 x 800 desktop. On the phone, code (an example's
answer block, or a reference table's first row) is on the first screen and the
quick reference is no wider than the phone; code in tables is at least 13 px;
no page opens with sphinx-gallery's "Go to the end" note; no output block scrolls
sideways at either width; on the desktop no example page runs past eight
screens, and Examples by API is a list of at most ten.

Each test walks every page and reports every page that fails, at once.
"""

from __future__ import annotations

import pytest

from run_examples import example_scripts
from site_builds import example_page

PAGES = [
    *(example_page(script) for script in example_scripts()),
    "quick-reference.html",
    "misconceptions.html",
    "conversion-matrix.html",
    "dtypes.html",
]
EDITIONS = ["en", "zh_CN"]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
MOST_DESKTOP_SCREENS = 8

# Measured in the page once it has loaded, at scroll position 0.
MEASURE_JS = """() => {
  const top = (element) => element.getBoundingClientRect().top + window.scrollY;
  const article = document.querySelector("article");
  const code = [...article.querySelectorAll("div.highlight pre, table td code")]
    .filter((element) => element.offsetParent !== null);
  const outputs = [...article.querySelectorAll(".sphx-glr-script-out pre, .cell_output pre")];
  return {
    firstCode: code.length ? Math.min(...code.map(top)) : null,
    goToTheEnd: document.querySelectorAll(".sphx-glr-download-link-note").length,
    sidewaysOutputs: outputs
      .filter((pre) => pre.scrollWidth > pre.clientWidth + 1)
      .map((pre) => pre.innerText.split("\\n").sort((a, b) => b.length - a.length)[0]),
    height: document.documentElement.scrollHeight,
    widestTable: Math.max(0, ...[...article.querySelectorAll("table")].map((t) => t.scrollWidth)),
    smallestTableCode: Math.min(
      99, ...[...article.querySelectorAll("table td code")].map((c) => parseFloat(getComputedStyle(c).fontSize)),
    ),
  };
}"""


@pytest.fixture(scope="module")
def measured(browser, base_url) -> dict:
    """Every page of both editions, measured at both sizes: {(size, edition, path): facts}."""
    results = {}
    for name, viewport in (("phone", PHONE), ("desktop", DESKTOP)):
        context = browser.new_context(viewport=viewport)
        page = context.new_page()
        for edition in EDITIONS:
            for path in PAGES:
                page.goto(f"{base_url}/{edition}/{path}")
                results[name, edition, path] = page.evaluate(MEASURE_JS)
        context.close()
    return results


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


# Its tables of six columns still wrap into 9-10 desktop screens in the
# 46em column; known and open, so it has a test of its own that fails once
# the page fits (then it joins the others).
STILL_TOO_LONG = "conversion-matrix.html"


def test_no_page_runs_past_eight_desktop_screens(measured):
    found = [
        failure
        for failure in failures(measured, "desktop", too_long)
        if f"/{STILL_TOO_LONG}: " not in failure
    ]
    assert not found, "\n".join(found)


@pytest.mark.xfail(strict=True, reason=f"{STILL_TOO_LONG} is over 8 desktop screens")
def test_the_conversion_matrix_fits_eight_desktop_screens(measured):
    found = [
        too_long(measured["desktop", edition, STILL_TOO_LONG]) for edition in EDITIONS
    ]
    assert not any(found), found


def test_examples_by_api_is_a_compact_list(browser, base_url):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    for edition in EDITIONS:
        page.goto(f"{base_url}/{edition}/api-examples.html")
        screens = page.evaluate("document.documentElement.scrollHeight") / 800
        assert screens <= 10, f"{edition}: {screens:.1f} desktop screens"
        assert page.locator("article img").count() == 0, "placeholder thumbnails"
    context.close()
