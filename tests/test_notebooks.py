"""The Colab notebooks, as a reader opens them: a page's button is followed to its
notebook, served with the site, and the notebook is run top to bottom with a
Jupyter kernel (their runs start as soon as the site is built: conftest.py)."""

from __future__ import annotations

import re

import nbformat
import pytest
from bs4 import BeautifulSoup

from early_work import early_result
from notebook_support import KERNEL_PAGES, run_edition_notebooks, run_notebooks
from run_examples import example_scripts
from site_builds import (
    FROM_NUMPY_PAGE,
    MACHINE_DEPENDENT,
    example_page,
    flat,
    page_outputs,
    parse_html,
)

# -- Open in Colab ---------------------------------------------------------------
# Colab opens, from the repository's notebooks branch, the notebook that the build
# wrote at the path that its link names (tests/test_site.py checks that path and
# the workflow's layout for every page). Here the buttons of the pages in
# KERNEL_PAGES are followed to their notebooks, served with the site, and each
# notebook is run top to bottom with a Jupyter kernel, as Colab would run it: the
# three reference pages, one example, and one CUDA example, which without CUDA
# must stop in its first cell and say how to get a GPU runtime. The Chinese
# notebooks differ from the English ones only in that first cell, which runs
# for two of them.

CUDA_PAGES = {example_page(script) for script in example_scripts(cuda_only=True)}
COLAB = "https://colab.research.google.com/github/"


def colab_notebook_path(page, base_url: str, edition: str, path: str) -> str:
    """Follow the page's Colab button to the path of the notebook it opens."""
    page.goto(f"{base_url}/{edition}/{path}")
    button = page.locator("a.open-in-colab-link")
    assert button.count() == 1, f"{edition}/{path} has no Colab button"
    assert button.is_visible()
    href = button.get_attribute("href")
    assert href.startswith(COLAB), href
    # github/OWNER/NAME/blob/BRANCH/PATH: the branch holds the site's notebook folders.
    return href.removeprefix(COLAB).split("/", 4)[4]


def cell_text(cell) -> str:
    return "".join(out.get("text", "") for out in cell.get("outputs", []))


@pytest.fixture(scope="module")
def colab_runs(shared_page, base_url, built_site, site_html, tmp_path_factory) -> dict:
    """The English Colab notebook of each page of KERNEL_PAGES, found through its
    button, and its run (started as soon as the site is built: conftest.built_site)."""
    runs = early_result(
        "colab_runs",
        lambda: run_edition_notebooks(
            site_html, "en", tmp_path_factory.mktemp("colab_runs"), KERNEL_PAGES
        ),
    )
    found = {}
    for path in KERNEL_PAGES:
        notebook_path = colab_notebook_path(shared_page, base_url, "en", path)
        response = shared_page.request.get(f"{base_url}/{notebook_path}")
        assert response.status == 200, f"{notebook_path}: HTTP {response.status}"
        assert notebook_path in runs, f"{path} opens {notebook_path}, which did not run"
        found[path] = runs[notebook_path]
    return found


@pytest.mark.parametrize("path", KERNEL_PAGES)
def test_colab_notebook_runs_top_to_bottom(colab_runs, path, cuda_available):
    from nbclient.exceptions import CellExecutionError

    notebook, error = colab_runs[path]
    if path in CUDA_PAGES and not cuda_available:
        assert isinstance(error, CellExecutionError), error
        assert "SystemExit" in str(error)
        assert "Runtime > Change runtime type" in str(error)
        assert notebook.cells[0].execution_count == 1
        assert all(cell.get("execution_count") is None for cell in notebook.cells[1:])
        return
    if error is not None:
        raise error
    import numpy
    import torch

    check = cell_text(notebook.cells[0])
    assert f"torch {torch.__version__}, NumPy {numpy.__version__}" in check
    assert "Same versions as the build" in check, check
    outputs = [out for cell in notebook.cells for out in cell.get("outputs", [])]
    assert len(outputs) > 1, "the notebook ran but printed nothing of its own"
    assert not [out for out in outputs if out.output_type == "error"]


# A cross-reference in a table that a notebook prints: the page shows the title
# of the page it names, which the notebook cannot know, so neither side counts it.
CROSS_REFERENCE = re.compile(r"\{(?:ref|doc)\}`[^`]*`")


def notebook_outputs(notebook) -> list[str]:
    """What each code cell printed, as its page would show it, less the cells
    that the page leaves out (tagged remove-cell)."""
    from markdown_it import MarkdownIt

    markdown = MarkdownIt("commonmark").enable("table")
    outputs = []
    for cell in notebook.cells:
        if cell.cell_type != "code" or "remove-cell" in cell.metadata.get("tags", []):
            continue
        texts = []
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if out.output_type == "stream":
                texts.append(out.text)
            elif "text/markdown" in data:
                source = CROSS_REFERENCE.sub("", data["text/markdown"])
                rendered = BeautifulSoup(markdown.render(source), "lxml")
                texts.append(rendered.get_text(" "))
            elif "text/plain" in data and not any(k.startswith("image/") for k in data):
                texts.append(data["text/plain"])
        outputs.append(flat(" ".join(texts)))
    return outputs


# Each page ran twice, in two processes: in the build, and here as its Colab
# notebook. The same outputs show that the page is deterministic and that the
# notebook prints what the page shows. Measured timings may differ, and say so.
@pytest.mark.parametrize("path", KERNEL_PAGES)
def test_the_notebook_prints_what_its_page_shows(
    colab_runs, site_html, path, cuda_available
):
    if path in CUDA_PAGES and not cuda_available:
        pytest.skip("a CUDA page: not executed in this build")
    notebook, error = colab_runs[path]
    assert error is None, error
    shown = page_outputs(parse_html(site_html / "en" / path))  # changed there
    printed = notebook_outputs(notebook)
    # The Colab notebook's own first cells: the runtime check, then one cell
    # per site module that the page imports (colab.site_module_cells).
    modules = [c for c in notebook.cells if c.source.startswith("%%writefile")]
    added = 1 + len(modules)
    assert len(printed) - len(shown) == added, (len(printed), len(shown))
    compared = 0
    for number, (on_page, in_notebook) in enumerate(
        zip(shown, printed[added:], strict=True)
    ):
        if any(words in on_page.lower() for words in MACHINE_DEPENDENT):
            continue
        assert in_notebook == on_page, f"code block {number + 1}"
        compared += 1
    assert compared >= len(shown) // 2


@pytest.mark.parametrize("path", [FROM_NUMPY_PAGE, sorted(CUDA_PAGES)[0]])
def test_chinese_colab_notebooks_check_the_runtime_in_chinese(
    shared_page, base_url, path, cuda_available, tmp_path
):
    from nbclient.exceptions import CellExecutionError

    notebook_path = colab_notebook_path(shared_page, base_url, "zh_CN", path)
    assert notebook_path.startswith("zh_CN/")
    notebook = nbformat.reads(
        shared_page.request.get(f"{base_url}/{notebook_path}").text(), as_version=4
    )
    error = run_notebooks({path: notebook}, tmp_path, cells=1)[path]
    if path in CUDA_PAGES and not cuda_available:
        assert isinstance(error, CellExecutionError), error
        assert "更改运行时类型" in str(error)
        return
    assert error is None, error
    assert "当前运行" in cell_text(notebook.cells[0])


@pytest.mark.parametrize("edition", ["en", "zh_CN"])
def test_colab_button_is_labelled_in_the_pages_language(shared_page, base_url, edition):
    label = {"en": "Open in Colab", "zh_CN": "在 Colab 中打开"}[edition]
    for path in (FROM_NUMPY_PAGE, "quick-reference.html"):
        shared_page.goto(f"{base_url}/{edition}/{path}")
        button = shared_page.get_by_role("link", name=label, exact=True)
        assert button.is_visible(), f"{edition}/{path}"
        # Under the title, before the page's first code.
        box = button.bounding_box()
        title = shared_page.locator("article h1").bounding_box()
        code = shared_page.locator("article div.highlight").first.bounding_box()
        assert title["y"] < box["y"] < code["y"]
