"""One walk through every built page in Chromium, shared by the tests that read it.

Each page of both editions loads once. The walk notes what goes wrong while it
loads (console errors, uncaught exceptions, failed or foreign requests, HTTP
errors, the favicon), checks its language and its language switcher, on the
example and reference pages measures the layout on a phone and then, resized,
on a desktop, and on the pages that stand for the others (AXE_PAGES) runs
axe-core on a desktop. tests/test_browser.py asserts the problems and axe's
findings, and tests/test_answer_first.py the measurements.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlparse

from run_examples import example_scripts
from site_builds import FROM_NUMPY_PAGE, example_page

EDITIONS = ["en", "zh_CN"]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
# The English pages that axe-core checks: one of each kind.
AXE_PAGES = [
    "index.html",
    FROM_NUMPY_PAGE,
    "quick-reference.html",
    "api-examples.html",
    "auto_examples/index.html",  # thumbnails, as on the mini-galleries
]
MEASURED_PAGES = [
    *(example_page(script) for script in example_scripts()),
    "quick-reference.html",
    "misconceptions.html",
    "conversion-matrix.html",
    "dtypes.html",
]

# Measured in the page once it has loaded, at scroll position 0: the page as
# it opens (folds closed), and its outputs with every fold opened, then closed again.
MEASURE_JS = """() => {
  const top = (element) => element.getBoundingClientRect().top + window.scrollY;
  const article = document.querySelector("article");
  const code = [...article.querySelectorAll("div.highlight pre, table td code")]
    .filter((element) => element.offsetParent !== null);
  const height = document.documentElement.scrollHeight;
  const closed = [...article.querySelectorAll("details:not([open])")];
  closed.forEach((details) => { details.open = true; });
  const outputs = [...article.querySelectorAll(".sphx-glr-script-out pre, .cell_output pre")];
  const sidewaysOutputs = outputs
    .filter((pre) => pre.scrollWidth > pre.clientWidth + 1)
    .map((pre) => pre.innerText.split("\\n").sort((a, b) => b.length - a.length)[0]);
  closed.forEach((details) => { details.open = false; });
  return {
    firstCode: code.length ? Math.min(...code.map(top)) : null,
    goToTheEnd: document.querySelectorAll(".sphx-glr-download-link-note").length,
    sidewaysOutputs,
    height,
    widestTable: Math.max(0, ...[...article.querySelectorAll("table")].map((t) => t.scrollWidth)),
    smallestTableCode: Math.min(
      99, ...[...article.querySelectorAll("table td code")].map((c) => parseFloat(getComputedStyle(c).fontSize)),
    ),
  };
}"""

FAVICON_JS = """() => {
  const link = document.querySelector("link[rel~='icon']");
  return link ? link.href : new URL("/favicon.ico", location.href).href;
}"""


@dataclass
class Tour:
    pages: list[str]  # every page visited, relative to the site's root
    problems: list[str] = field(default_factory=list)  # while loading
    structure: list[str] = field(default_factory=list)  # language and switcher
    measured: dict = field(default_factory=dict)  # (size, edition, path) -> facts
    # AXE_PAGES path -> axe-core's serious and critical violations, one line each
    accessibility: dict = field(default_factory=dict)


def walk(browser, base_url: str, site_html: Path) -> Tour:
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    tour = Tour(
        pages=sorted(
            path.relative_to(site_html).as_posix()
            for edition in EDITIONS
            for path in (site_html / edition).rglob("*.html")
        )
    )
    origin = urlparse(base_url).netloc
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    current = {"page": ""}

    def same_origin(url: str) -> bool:
        return urlparse(url).netloc == origin

    def note(kind: str, detail: str) -> None:
        tour.problems.append(f"{current['page']}: {kind}: {detail}")

    def on_console(message) -> None:
        if message.type == "error":
            location = message.location.get("url", "")
            note("console error", f"{message.text} ({location})")

    page.on("console", on_console)
    page.on("pageerror", lambda error: note("uncaught exception", str(error)))
    page.on(
        "request",
        lambda request: (
            None
            if same_origin(request.url) or request.url.startswith(("data:", "blob:"))
            else note("request to another host", request.url)
        ),
    )
    page.on(
        "requestfailed",
        lambda request: (
            note("request failed", f"{request.url} {request.failure}")
            if same_origin(request.url)
            else None
        ),
    )
    page.on(
        "response",
        lambda response: (
            note("HTTP error", f"{response.status} {response.url}")
            if same_origin(response.url) and response.status >= 400
            else None
        ),
    )

    icons: dict[str, str] = {}
    for relative in tour.pages:
        current["page"] = relative
        edition, path = relative.split("/", 1)
        page.set_viewport_size(PHONE)
        response = page.goto(f"{base_url}/{relative}", wait_until="load")
        if response is None or response.status != 200:
            note("HTTP status", str(response and response.status))
            continue
        if path in MEASURED_PAGES:
            tour.measured["phone", edition, path] = page.evaluate(MEASURE_JS)
            page.set_viewport_size(DESKTOP)  # the same page, laid out again
            tour.measured["desktop", edition, path] = page.evaluate(MEASURE_JS)
        # Browsers fetch the favicon after "load" and Chromium remembers a
        # failure for the whole browser, so its 404 may never reach this page's
        # console: ask for it directly. Without <link rel="icon"> it is
        # /favicon.ico at the server root (outside the site when hosted).
        if edition == "en" and path in AXE_PAGES:
            page.set_viewport_size(DESKTOP)
            tour.accessibility[path] = serious_violations(axe.run(page).response)
        icons.setdefault(page.evaluate(FAVICON_JS), relative)
        check_language(page, base_url, site_html, relative, tour.structure)
    for icon, first_page in icons.items():
        status = context.request.get(icon).status
        if status != 200:
            tour.problems.append(
                f"{first_page} (and others): favicon {icon}: HTTP {status}"
            )
    context.close()
    return tour


def serious_violations(response: dict) -> list[str]:
    return [
        f"{v['id']} ({v['impact']}): {v['help']}; nodes: "
        + ", ".join(" ".join(node["target"]) for node in v["nodes"][:8])
        for v in response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def check_language(
    page, base_url: str, site_html: Path, relative: str, found: list
) -> None:
    """The page's html[lang], and a switcher link to the same page in the other edition."""
    edition = relative.split("/")[0]
    lang = page.evaluate("document.documentElement.lang")
    expected_lang = {"en": "en", "zh_CN": "zh-CN"}[edition]
    if lang != expected_lang:
        found.append(f"{relative}: html[lang] is {lang!r}, not {expected_lang!r}")
    other = {"en": "zh_CN", "zh_CN": "en"}[edition]
    switch = page.locator(
        f"nav.language-switcher a[hreflang='{other.replace('_', '-')}']"
    )
    if switch.count() != 1:
        found.append(f"{relative}: no switcher link to {other}")
        return
    target = urljoin(page.url, switch.get_attribute("href"))
    expected_target = f"{base_url}/{other}/{relative.split('/', 1)[1]}"
    if (
        target != expected_target
        or not (site_html / urlparse(target).path.lstrip("/")).is_file()
    ):
        found.append(f"{relative}: switcher leads to {target}")
