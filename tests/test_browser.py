"""The built site in a real browser: headless Chromium driven by Playwright.

The site that ``built_site`` builds is served over HTTP on 127.0.0.1 and read
the way a reader meets it: two example pages and their downloads (every one is
read through its HTML in test_site.py), the links from the reference tables to
Examples by API, the copy button, the light and dark themes, the language
switcher, console errors, accessibility (axe-core) and screenshots for a
reviewer (``test-artifacts/screenshots/``). The Colab buttons and the notebooks
they open: test_notebooks.py. Search, in both editions: test_search.py.

In the Chinese edition: structure (lang, switcher links, pages).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from urllib.parse import urlparse

import pytest

from browser_support import (
    COLORS_JS,
    INSTALL_CHROMIUM,
    contrast_ratio,
    effective_colors,
)
from run_examples import example_scripts, needs_cuda
from site_builds import FROM_NUMPY_PAGE, REPO_ROOT, example_page
from site_tour import AXE_PAGES, DESKTOP, PHONE

SCREENSHOTS = REPO_ROOT / "test-artifacts" / "screenshots"


# -- Without Chromium -----------------------------------------------------------


def test_without_chromium_the_browser_tests_stop_with_one_line(tmp_path):
    """Not a traceback per test: one line, before anything is built."""
    nothing = tmp_path / "nothing"
    nothing.mkdir()
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider",
         f"{__file__}::test_links_jump_for_a_reader_who_asks_for_less_motion"],
        capture_output=True, text=True, timeout=120, cwd=REPO_ROOT,
        env={**os.environ, "CHROMIUM_SEARCH_PATH": str(nothing),
             "PLAYWRIGHT_BROWSERS_PATH": str(nothing)},
    )  # fmt: skip
    output = result.stdout + result.stderr
    assert result.returncode == pytest.ExitCode.INTERRUPTED, output
    assert [line for line in output.splitlines() if "Chromium" in line] == [
        f"! _pytest.outcomes.Exit: {INSTALL_CHROMIUM} !"
    ], output
    assert "Traceback" not in output and "no tests ran" in output


# -- Example pages -----------------------------------------------------------


def download_links(page) -> dict[str, str]:
    """The ``.py`` and ``.ipynb`` download links in the page's download area."""
    hrefs = page.eval_on_selector_all(
        ".sphx-glr-download a[href]", "links => links.map(a => a.href)"
    )
    return {
        suffix: next((h for h in hrefs if h.endswith(suffix)), None)
        for suffix in (".py", ".ipynb")
    }


# Every example page's code, downloads and provenance are checked through its
# HTML (test_site.py); here, one page of each kind is shown in the browser, and
# its downloads are fetched from the server as a reader's click fetches them.
BROWSED_EXAMPLES = [
    REPO_ROOT / "examples" / "numpy_to_tensor" / "plot_01_from_numpy.py",
    example_scripts(cuda_only=True)[0],
]


@pytest.mark.parametrize(
    "script", BROWSED_EXAMPLES, ids=lambda p: f"{p.parent.name}/{p.stem}"
)
def test_example_page_shows_its_output_and_serves_its_downloads(
    shared_page, base_url, script, cuda_available
):
    page = shared_page
    response = page.goto(f"{base_url}/en/{example_page(script)}")
    assert response is not None and response.status == 200
    outputs = page.locator(".sphx-glr-script-out")
    if needs_cuda(script) and not cuda_available:
        assert page.locator(".example-not-executed").is_visible(), (
            "a CUDA example that did not run must say so"
        )
        recorded = page.locator(".sphx-glr-script-out.recorded-gpu-output")
        assert outputs.count() == recorded.count(), (
            "a CUDA example that did not run shows output not labelled as recorded"
        )
    else:
        assert outputs.first.is_visible(), "no executed output"
        assert page.locator(".example-provenance").is_visible(), "no provenance line"

    links = download_links(page)
    assert links[".py"] and links[".ipynb"], f"download links: {links}"
    for url in links.values():
        assert urlparse(url).netloc == urlparse(base_url).netloc
        assert page.request.get(url).status == 200, url
    python = page.request.get(links[".py"]).text()
    assert python == script.read_text(), "the .py download is not the example script"


VISIBLE_OUTPUTS_JS = """() => [...document.querySelectorAll(
    'article .sphx-glr-script-out pre, article div.recorded-output pre')]
    .filter(pre => !pre.closest('[hidden]')).map(pre => pre.textContent.trim())"""


def test_the_version_selector_shows_each_output_as_a_chosen_environment_printed_it(
    shared_page, base_url
):
    page = shared_page
    script = (
        REPO_ROOT / "examples/tensor_to_python/plot_03_scalars_that_require_grad.py"
    )
    page.goto(f"{base_url}/en/{example_page(script)}")
    built = page.evaluate(VISIBLE_OUTPUTS_JS)
    data = page.evaluate(
        "() => JSON.parse(document.getElementById('recorded-outputs-data').textContent)"
    )
    select = page.locator("select.recorded-outputs-select")
    labels = select.locator("option").all_inner_texts()
    assert labels[0].startswith("this build")
    chosen = next(i for i, label in enumerate(labels) if label.startswith("torch 2.7."))
    value = select.locator("option").nth(chosen).get_attribute("value")
    select.select_option(value)
    cell = data["cells"][int(value)]
    expected = [
        data["measured"] if index < 0 else data["texts"][index].strip()
        for index in cell["blocks"]
    ]
    assert page.evaluate(VISIBLE_OUTPUTS_JS) == [text for text in expected if text]
    assert any("float() should warn: False" in text for text in expected)
    select.select_option("build")
    assert page.evaluate(VISIBLE_OUTPUTS_JS) == built


# -- Examples using X ------------------------------------------------------------


@pytest.mark.parametrize("edition", ["en", "zh_CN"])
def test_a_call_in_the_quick_reference_leads_to_its_examples(page, base_url, edition):
    page.goto(f"{base_url}/{edition}/quick-reference.html")
    page.locator("table a.api-examples-link", has_text="t.numpy()").first.click()
    page.wait_for_url("**/api-examples.html#torch.Tensor.numpy")
    section = page.locator('section[id="torch.Tensor.numpy"]')
    heading = section.locator("h2")
    assert heading.inner_text().startswith("torch.Tensor.numpy")
    # The browser scrolls to the section once the page is laid out.
    page.wait_for_function(
        "document.getElementById('torch.Tensor.numpy').getBoundingClientRect().top < 400"
    )
    assert heading.is_visible()
    examples = section.locator(".api-example-pages a[href]")
    assert examples.count() >= 2
    examples.first.click()
    # The click only starts the navigation: wait for the example page itself.
    page.wait_for_url("**/auto_examples/**")
    page.locator("article h1").wait_for(state="visible")


SECTION_OFFSET_JS = (
    "document.getElementById('edge-cases').getBoundingClientRect().top + window.scrollY"
)


def test_thumbnails_hold_their_place_before_their_images_arrive(browser, base_url):
    """The examples index does not move while its thumbnails load.

    Were it to move, the smooth scroll to a section below the thumbnails would
    stop short of it whenever the images came late: on a slow network, or a
    loaded machine.
    """
    url = f"{base_url}/en/auto_examples/index.html"
    offsets = {}
    for images in ("loaded", "never arrive"):
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        if images == "never arrive":
            context.route("**/*.png", lambda route: route.abort())
        page = context.new_page()
        page.goto(url)
        page.wait_for_load_state("load")
        widths = page.eval_on_selector_all(
            ".sphx-glr-thumbcontainer img", "images => images.map(i => i.naturalWidth)"
        )
        assert len(widths) > 20
        assert (max(widths) > 0) == (images == "loaded")
        offsets[images] = page.evaluate(SECTION_OFFSET_JS)
        context.close()
    assert offsets["never arrive"] == pytest.approx(offsets["loaded"], abs=1), offsets


@pytest.mark.parametrize(
    ("motion", "scrolling"), [("no-preference", "smooth"), ("reduce", "auto")]
)
def test_links_jump_for_a_reader_who_asks_for_less_motion(
    browser, base_url, motion, scrolling
):
    context = browser.new_context(reduced_motion=motion)
    page = context.new_page()
    page.goto(f"{base_url}/en/quick-reference.html")
    behaviour = page.evaluate(
        "getComputedStyle(document.documentElement).scrollBehavior"
    )
    context.close()
    assert behaviour == scrolling


# -- Copy button -------------------------------------------------------------


@pytest.fixture
def clipboard_page(page, base_url):
    page.context.grant_permissions(
        ["clipboard-read", "clipboard-write"], origin=base_url
    )
    return page


def copy_with_button(page, block) -> str:
    page.evaluate("navigator.clipboard.writeText('')")
    block.hover()
    block.locator("button.copybtn").click()
    page.wait_for_function("async () => (await navigator.clipboard.readText()) !== ''")
    return page.evaluate("navigator.clipboard.readText()")


def test_copy_button_copies_the_code_of_an_example_without_output(
    clipboard_page, base_url
):
    page = clipboard_page
    page.goto(f"{base_url}/en/{FROM_NUMPY_PAGE}")
    script = (
        REPO_ROOT / "examples" / "numpy_to_tensor" / "plot_01_from_numpy.py"
    ).read_text()
    block = page.locator("article div.highlight-Python div.highlight").first
    shown = block.locator("pre").inner_text()
    output = page.locator(".sphx-glr-script-out pre").first.inner_text()
    copied = copy_with_button(page, block)
    assert copied.rstrip("\n") == shown.rstrip("\n")
    assert copied.strip() in script
    assert output.strip() and output.strip() not in copied


def test_copy_button_copies_the_index_code_block(clipboard_page, base_url):
    page = clipboard_page
    page.goto(f"{base_url}/en/index.html")
    block = page.locator("article div.highlight-python div.highlight").first
    copied = copy_with_button(page, block)
    source = (REPO_ROOT / "docs" / "index.md").read_text()
    assert copied.strip() and copied.strip() in source
    assert copied.rstrip("\n") == block.locator("pre").inner_text().rstrip("\n")


def test_copy_button_leaves_out_shell_prompts(clipboard_page, base_url):
    # The site has no ">>>" prompts; its prompts are the "$ " of console blocks.
    page = clipboard_page
    page.goto(f"{base_url}/en/building.html")
    block = page.locator("div.highlight-console div.highlight").first
    shown = block.locator("pre").inner_text()
    assert re.search(r"^\$ ", shown, re.M), "the console block shows no prompt"
    copied = copy_with_button(page, block)
    assert copied.rstrip("\n") == re.sub(r"^\$ ", "", shown, flags=re.M).rstrip("\n")
    assert not re.search(r"^\$ ", copied, re.M)


# -- Light and dark themes ---------------------------------------------------

THEMED_TEXT_JS = (
    """(elements) => elements
  .filter(e => e.textContent.trim() !== "" && e.getClientRects().length > 0)
  .map(e => Object.assign(("""
    + COLORS_JS
    + """)(e), {what: e.tagName.toLowerCase() + "." + e.className,
                sample: e.textContent.trim().slice(0, 40)}))"""
)


def set_theme_with_toggle(page, theme: str) -> None:
    """Click furo's theme toggle until the page is in ``theme``."""
    toggle = page.locator("button.theme-toggle:visible").first
    for _ in range(3):
        if page.evaluate("document.body.dataset.theme") == theme:
            return
        toggle.click()
    assert page.evaluate("document.body.dataset.theme") == theme


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_code_and_output_have_enough_contrast(page, base_url, theme):
    page.goto(f"{base_url}/en/{FROM_NUMPY_PAGE}")
    set_theme_with_toggle(page, theme)
    assert page.evaluate("localStorage.getItem('theme')") == theme
    page.reload()
    assert page.evaluate("document.body.dataset.theme") == theme, "theme not kept"

    selectors = (
        ".sphx-glr-script-out pre",
        "div.highlight pre",
        "div.highlight pre span",  # syntax-highlighted tokens, each with its colour
    )
    failures, checked = [], 0
    for selector in selectors:
        for item in page.eval_on_selector_all(selector, THEMED_TEXT_JS):
            foreground, background = effective_colors(item["text"], item["layers"])
            ratio = contrast_ratio(foreground, background)
            checked += 1
            if ratio < 4.5:
                failures.append(f"{ratio:.2f} {item['what']} {item['sample']!r}")
    assert checked > 20, f"only {checked} elements checked"
    assert not failures, f"contrast below 4.5 in the {theme} theme:\n" + "\n".join(
        sorted(set(failures))[:20]
    )


# -- Language switcher -------------------------------------------------------


@pytest.mark.parametrize(
    ("locale", "edition"), [("zh-CN", "zh_CN"), ("zh-TW", "zh_CN"), ("en-US", "en")]
)
def test_the_site_root_opens_the_readers_edition(browser, base_url, locale, edition):
    context = browser.new_context(locale=locale)
    try:
        page = context.new_page()
        page.goto(f"{base_url}/index.html")
        page.wait_for_url(f"{base_url}/{edition}/**")
    finally:
        context.close()


def test_language_switcher_goes_to_the_same_page_and_back(page, base_url):
    english = f"{base_url}/en/{FROM_NUMPY_PAGE}"
    page.goto(english)
    assert page.evaluate("document.documentElement.lang") == "en"
    page.locator("nav.language-switcher").get_by_role("link", name="简体中文").click()
    page.wait_for_url(f"**/zh_CN/{FROM_NUMPY_PAGE}")
    assert urlparse(page.url).path == f"/zh_CN/{FROM_NUMPY_PAGE}"
    assert page.evaluate("document.documentElement.lang") == "zh-CN"
    current = page.locator("nav.language-switcher [aria-current]")
    assert current.inner_text() == "简体中文"
    page.locator("nav.language-switcher").get_by_role("link", name="English").click()
    page.wait_for_url(f"**/en/{FROM_NUMPY_PAGE}")
    assert page.url == english
    assert page.evaluate("document.documentElement.lang") == "en"


# -- Every page: no errors ---------------------------------------------------


def test_every_page_loads_without_errors(site_tour):
    # Every page of both editions, search and genindex included: about 90
    # pages load in well under 30 s on 2 cores, so nothing is sampled.
    assert len(site_tour.pages) > 60
    problems = site_tour.problems
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems[:40])
    assert not site_tour.structure, "\n".join(site_tour.structure[:40])


# -- Accessibility -----------------------------------------------------------


@pytest.mark.parametrize("path", AXE_PAGES)
def test_axe_finds_no_serious_violations(site_tour, path):
    violations = site_tour.accessibility[path]
    assert not violations, f"axe-core on en/{path}:\n" + "\n".join(violations)


# -- Screenshots ---------------------------------------------------------------

VIEWPORTS = {"desktop": DESKTOP, "mobile": PHONE}


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_screenshots_for_review(browser, base_url, viewport):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(
        viewport=VIEWPORTS[viewport],
        is_mobile=viewport == "mobile",
        has_touch=viewport == "mobile",
        device_scale_factor=1,
    )
    page = context.new_page()
    shots = [("en", "index", "index.html"), ("en", "example", FROM_NUMPY_PAGE)]
    shots += [
        ("zh_CN", name, path)
        for name, path in (
            ("index", "index.html"),
            ("example", FROM_NUMPY_PAGE),
            ("gallery", "auto_examples/index.html"),
            ("quick-reference", "quick-reference.html"),
        )
    ]
    for edition, name, path in shots:
        page.goto(f"{base_url}/{edition}/{path}")
        page.evaluate("document.fonts.ready")
        prefix = "" if edition == "en" else f"{edition}-"
        target = SCREENSHOTS / f"{prefix}{name}-{viewport}.png"
        target.unlink(missing_ok=True)
        page.screenshot(path=str(target), full_page=True)
        assert target.stat().st_size > 10_000
        # Nothing but scrollable code may be wider than the screen.
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        width = VIEWPORTS[viewport]["width"]
        assert overflow <= 0, f"{path} is {overflow}px wider than a {width}px screen"
    context.close()
