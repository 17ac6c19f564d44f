"""The built site, checked the way a reader meets it: through its HTML files."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
import torch

from conftest import REPO_ROOT
from run_examples import CUDA_DIR, needs_cuda

EXAMPLES = sorted((REPO_ROOT / "examples").rglob("plot_*.py"))
CPU_EXAMPLES = [path for path in EXAMPLES if not needs_cuda(path)]
GPU_EXAMPLES = [path for path in EXAMPLES if needs_cuda(path)]
CUDA = torch.cuda.is_available()


def page_for(site: Path, script: Path, language: str = "en") -> Path:
    relative = script.relative_to(REPO_ROOT / "examples").with_suffix(".html")
    return site / "_build" / "html" / language / "auto_examples" / relative


def test_the_gallery_has_examples_in_every_section():
    sections = {path.parent.name for path in EXAMPLES}
    assert {
        "tensor_to_numpy",
        "numpy_to_tensor",
        "tensor_to_python",
        CUDA_DIR,
    } <= sections


@pytest.mark.parametrize("script", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_page_exists_with_downloads(built_site, script):
    html = page_for(built_site, script).read_text()
    for suffix in (".py", ".ipynb"):
        links = re.findall(
            rf'href="([^"]*_downloads/[^"]+/{script.stem}{re.escape(suffix)})"', html
        )
        assert links, f"no {suffix} download link on {script.stem}"
        downloaded = page_for(built_site, script).parent / links[0]
        assert downloaded.resolve().is_file(), f"{links[0]} is linked but missing"


@pytest.mark.parametrize("script", CPU_EXAMPLES, ids=lambda p: p.stem)
def test_every_cpu_example_page_shows_executed_output_and_provenance(
    built_site, script
):
    html = page_for(built_site, script).read_text()
    assert 'class="sphx-glr-script-out' in html, (
        f"{script.stem} shows no executed output"
    )
    import numpy
    import torch

    provenance = re.search(
        r'<div class="example-provenance[^"]*">(.*?)</div>', html, re.S
    )
    assert provenance, f"{script.stem} has no provenance"
    assert f"torch {torch.__version__}" in provenance.group(1)
    assert f"NumPy {numpy.__version__}" in provenance.group(1)
    assert "Python 3." in provenance.group(1) and "CPU:" in provenance.group(1)
    # Errors are caught and printed by the examples; a traceback means one escaped.
    assert "Traceback (most recent call last)" not in html


def test_downloaded_python_files_are_the_example_scripts(built_site):
    downloads = built_site / "_build" / "html" / "en" / "_downloads"
    for script in EXAMPLES:
        copies = list(downloads.rglob(script.name))
        assert copies, f"{script.name} is not downloadable"
        assert copies[0].read_text() == script.read_text()


def test_gallery_index_offers_zips_that_hold_every_example(built_site):
    index = (built_site / "_build/html/en/auto_examples/index.html").read_text()
    assert "auto_examples_python.zip" in index and "auto_examples_jupyter.zip" in index
    downloads = built_site / "_build" / "html" / "en" / "_downloads"
    (python_zip,) = downloads.rglob("auto_examples_python.zip")
    (notebook_zip,) = downloads.rglob("auto_examples_jupyter.zip")
    python_names = {Path(name).name for name in zipfile.ZipFile(python_zip).namelist()}
    notebook_names = {
        Path(name).name for name in zipfile.ZipFile(notebook_zip).namelist()
    }
    for script in EXAMPLES:
        assert script.name in python_names
        assert script.with_suffix(".ipynb").name in notebook_names


def test_edit_links_on_example_pages_lead_to_the_script(built_site):
    script = CPU_EXAMPLES[0]
    html = page_for(built_site, script).read_text()
    relative = script.relative_to(REPO_ROOT).as_posix()
    assert re.search(
        rf'href="https://github\.com/[^"]+/edit/main/{re.escape(relative)}"', html
    )
    assert (
        "auto_examples/"
        not in re.findall(r'href="(https://github\.com/[^"]+/edit/[^"]+)"', html)[0]
    )


def test_published_root_sends_readers_to_english(built_site):
    root_page = (built_site / "_build" / "html" / "index.html").read_text()
    assert "url=en/" in root_page


@pytest.mark.skipif(CUDA, reason="checks the pages of a build without CUDA")
@pytest.mark.parametrize("script", GPU_EXAMPLES, ids=lambda p: p.stem)
def test_cuda_example_pages_say_plainly_that_they_were_not_executed(built_site, script):
    html = page_for(built_site, script).read_text()
    notice = re.search(
        r'<div class="[^"]*example-not-executed[^"]*">(.*?)</div>', html, re.S
    )
    assert notice, f"{script.stem} has no not-executed notice"
    assert "Needs CUDA" in notice.group(1)
    assert f"torch {torch.__version__}, CUDA not available" in notice.group(1)
    assert "hosted site" in notice.group(1)
    assert 'class="sphx-glr-script-out' not in html, (
        "no output may appear without a run"
    )
    assert "Traceback" not in html
    assert 'class="highlight-Python' in html, "the code itself is still shown"


@pytest.mark.skipif(CUDA, reason="checks the pages of a build without CUDA")
def test_gallery_marks_the_cuda_section_as_not_executed(built_site):
    for page in ("auto_examples/index.html", "auto_examples/gpu/index.html"):
        html = (built_site / "_build/html/en" / page).read_text()
        status = re.search(
            r'<div class="warning cuda-build-status[^"]*">(.*?)</div>', html, re.S
        )
        assert status, page
        assert "This build had no CUDA" in status.group(1)


def test_not_found_page_at_the_root_leads_to_pages_that_exist(built_site):
    html_root = built_site / "_build" / "html"
    page = (html_root / "404.html").read_text()
    assert '<base href="/tensor-conversions/">' in page
    links = re.findall(r'<a href="((?:en|zh_CN)/[^"]+)"', page)
    assert len(links) >= 6
    for link in links:
        assert (html_root / link).is_file(), link


def test_pages_carry_link_preview_tags_and_their_own_canonical_url(built_site):
    page = "auto_examples/tensor_to_numpy/plot_01_numpy_shares_memory.html"
    hosted = "https://tensor-conversions.github.io/tensor-conversions"
    for language in ("en", "zh_CN"):
        html = (built_site / "_build/html" / language / page).read_text()
        tags = dict(
            re.findall(r'<meta property="(og:[a-z_]+)" content="([^"]*)"', html)
        )
        assert tags["og:url"] == f"{hosted}/{language}/{page}"
        assert tags["og:locale"] == language
        assert len(tags["og:description"]) > 40
        assert "Go to the end" not in tags["og:description"]
        assert f'<link rel="canonical" href="{hosted}/{language}/{page}"' in html
    english = (built_site / "_build/html/en" / page).read_text()
    assert 'content="Share memory between a CPU tensor and its NumPy array"' in english
    assert re.search(
        r'<meta name="description" content="[^"]*Tensor.numpy\(\)', english
    )


@pytest.mark.parametrize("page", ["quick-reference", "conversion-matrix", "dtypes"])
def test_computed_reference_pages_name_what_computed_them(built_site, page):
    html = (built_site / "_build/html/en" / f"{page}.html").read_text()
    provenance = re.search(
        r'<div class="example-provenance[^"]*">(.*?)</div>', html, re.S
    )
    assert provenance, page
    assert f"torch {torch.__version__}" in provenance.group(1)
