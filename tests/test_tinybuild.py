"""The tiny build (tests/tinybuild): what a build runs, caches, shows and refuses.

One site, built four times by ``build_tinybuild`` (site_builds.py); each test
reads the build it is about. A build that cannot be trusted fails, names the
file, and leaves the last good site alone.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import torch

import bench
import build_site
from early_work import BESIDE, early_fixture
from site_builds import (
    BROKEN_EXAMPLES,
    FORK_SITE,
    GOOD_EXAMPLE,
    GOOD_PAGE,
    TINYBUILD,
    Build,
    make_small_site,
    parse_html,
    run_build,
)

SECTION = "auto_examples/tensor_to_numpy"


def failure_report(output: str, script: str) -> str:
    """What sphinx-gallery printed about one failing script, up to the next report."""
    plain = re.sub(r"\x1b\[[0-9;]*m", "", output)  # its colours
    reports = re.split(r"\n(?=\S+\.py unexpectedly failed to execute correctly)", plain)
    found = [report for report in reports if report.split(" ")[0].endswith(script)]
    assert found, f"no failure reported for {script}:\n{plain[-4000:]}"
    return found[0]


# -- A good build ----------------------------------------------------------------------


def test_a_good_site_builds_and_shows_what_its_examples_printed(tinybuild):
    assert tinybuild.cold.status == 0, tinybuild.cold.output
    page = parse_html(tinybuild.html / "en" / GOOD_PAGE)
    assert "tensor([1., 1.])" in page.select_one("div.sphx-glr-script-out").get_text()


def test_every_example_starts_from_the_same_state(tinybuild):
    page = parse_html(tinybuild.html / "en" / SECTION / "plot_03_checks_state.html")
    text = " ".join(page.select_one("div.sphx-glr-script-out").get_text().split())
    assert "torch.float32 cpu" in text
    # The same numbers as a fresh interpreter seeded with 0 would print.
    fresh = subprocess.run(
        [
            sys.executable,
            "-c",
            "import numpy as np, torch; torch.manual_seed(0); np.random.seed(0); "
            "print(torch.rand(2), np.random.rand(1))",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert " ".join(fresh.split()) in text


def test_notebook_pages_run_beside_the_examples_and_are_read_from_the_cache(tinybuild):
    output = tinybuild.cold.output
    started = output.index("early_notebooks: executing probe.md beside the examples")
    assert started < output.index("generating gallery")
    assert "early_notebooks: executed probe.md" in output
    # myst-nb found the outputs under its own hash, so it ran nothing itself.
    assert "probe.md: Using cached notebook" in output
    assert "Executing notebook using" not in output
    page = parse_html(tinybuild.html / "en" / "probe.html")
    assert "tensor([1., 1.], dtype=torch.float64)" in page.get_text()


def test_the_build_leaves_no_example_worker_behind(tinybuild):
    if (os.cpu_count() or 1) < 2:
        pytest.skip("one core: no example workers")
    assert "generating gallery (with parallel=" in tinybuild.cold.output
    assert tinybuild.left_running == [], "processes of the build still running"


def test_each_edition_computes_its_tables_in_its_own_words(tinybuild):
    lines = {}
    for language in ("en", "zh_CN"):
        page = parse_html(tinybuild.html / language / "probe.html")
        lines[language] = page.select_one(".cell_output").get_text().splitlines()
    assert "copies yes" in lines["en"]
    assert "复制 是" in lines["zh_CN"]


# -- What runs again -------------------------------------------------------------------


def test_an_unchanged_site_runs_nothing_again(tinybuild):
    assert "early_notebooks: executing" not in tinybuild.unchanged.output
    assert "Executing notebook using" not in tinybuild.unchanged.output
    assert tinybuild.tokens["unchanged"] == tinybuild.tokens["cold"]


def test_an_example_that_reports_no_run_time_fails_the_build(tinybuild):
    """A page must never pass off cached, never-run output as executed."""
    assert tinybuild.unchanged.status != 0
    assert "plot_01_good.py: reports no run time" in tinybuild.unchanged.output


def test_another_environment_runs_every_page_again(tinybuild):
    assert tinybuild.other_environment.status == 0, tinybuild.other_environment.output
    example, notebook = tinybuild.tokens["other environment"]
    assert example != tinybuild.tokens["cold"][0], (
        "the gallery kept output from another environment"
    )
    assert notebook != tinybuild.tokens["cold"][1], (
        "the notebook page kept output from another environment"
    )
    # The examples ran again for their notebooks too: the first cell, which names
    # where the site is hosted, is the new one.
    notebook = tinybuild.html / "en/notebooks" / SECTION / "plot_01_good.ipynb"
    assert (
        f"{FORK_SITE['SITE_HOSTED_URL']}/en/compatibility.html" in notebook.read_text()
    )


def test_one_edit_runs_that_example_alone_again(tinybuild):
    """In the broken build, which also edits the token example (a comment)."""
    example, notebook = tinybuild.tokens["broken"]
    assert example != tinybuild.tokens["other environment"][0], "the edit did not run"
    assert notebook == tinybuild.tokens["other environment"][1]
    # What the benchmark counts: the token example ran, the five broken ones
    # failed, and the five others were not run again. (A failed build repeats
    # Sphinx's last messages.)
    output = tinybuild.broken.output
    assert set(bench.EXAMPLES_EXECUTED.findall(output)) == {"1"}
    assert "successfully executed 1 out of 6 files" in output
    assert "after excluding 5 files that had previously been run" in output


# -- A local build ---------------------------------------------------------------------


def test_a_local_build_links_to_no_host_it_does_not_know(tinybuild):
    pages = sorted((tinybuild.cold_html / "en").rglob("*.html"))
    assert len(pages) >= 4
    for path in pages:
        text = path.read_text(encoding="utf-8")
        page = parse_html(path)
        name = path.relative_to(tinybuild.cold_html).as_posix()
        # Links to other projects (Furo's credit, docs that pages cite) stay.
        for host in ("github.io", "colab.research.google.com"):
            assert host not in text, f"{name} names {host}"
        for link in page.select("[href]"):
            assert not re.search(r"github\.com/.+/(edit|blob|tree)/", link["href"]), (
                name
            )
        assert not page.select('link[rel="canonical"], meta[property="og:url"]'), name
        assert not page.select(
            ".edit-this-page a, .view-this-page a, .open-in-colab"
        ), name
        for link in page.select('head link[rel="alternate"][hreflang]'):
            assert not link["href"].startswith(("http:", "https:", "/")), name
    # No sitemap without absolute URLs to put in it, and no robots.txt naming one.
    assert not list(tinybuild.cold_html.rglob("sitemap.xml"))
    assert not (tinybuild.cold_html / "robots.txt").exists()


def test_a_local_build_still_writes_its_notebooks(tinybuild):
    notebooks = tinybuild.cold_html / "en" / "notebooks"
    assert (notebooks / "probe.ipynb").is_file()
    assert (notebooks / SECTION / "plot_01_good.ipynb").is_file()
    cell = (notebooks / "probe.ipynb").read_text(encoding="utf-8")
    assert "the site's compatibility page" in cell


# -- A broken build --------------------------------------------------------------------


def test_a_failed_build_leaves_the_last_good_site_untouched(tinybuild):
    assert tinybuild.broken.status != 0
    output = tinybuild.broken.output
    assert "_build/html/en still holds the last good build" in output
    published = (tinybuild.html / "en" / GOOD_PAGE).read_text()
    assert published == tinybuild.published_before_broken


def test_an_example_that_raises_fails_the_build_naming_file_and_line(tinybuild):
    report = failure_report(tinybuild.broken.output, "plot_07_raises.py")
    assert 'plot_07_raises.py", line 15' in report  # the call that raised
    assert "TypeError" in report


def test_a_failed_claim_fails_the_build(tinybuild):
    report = failure_report(tinybuild.broken.output, "plot_08_wrong_claim.py")
    assert "AssertionError" in report


def test_an_error_that_is_not_raised_fails_the_build(tinybuild):
    report = failure_report(tinybuild.broken.output, "plot_09_no_error.py")
    assert "numpy() was expected to refuse this tensor" in report


def test_an_example_with_a_syntax_error_fails_the_build(tinybuild):
    report = failure_report(tinybuild.broken.output, "plot_10_syntax_error.py")
    assert "SyntaxError" in report


def test_broken_examples_are_reported_by_the_gallery_not_as_a_crash(tinybuild):
    """The broken build ends with sphinx-gallery's summary of the failures, not
    with one of the site's extensions crashing on a broken script."""
    output = re.sub(r"\x1b\[[0-9;]*m", "", tinybuild.broken.output)
    assert "threw an exception" not in output  # Sphinx's words for a crashed handler
    assert "Here is a summary of the problems encountered" in output


def test_an_example_that_hangs_is_stopped_by_the_time_limit(tinybuild):
    # Several examples to run: they ran in worker processes.
    assert "generating gallery (with parallel=" in tinybuild.broken.output
    report = failure_report(tinybuild.broken.output, "plot_11_hangs.py")
    assert "ExampleTimeLimitExceeded" in report and "time limit of 3 s" in report


@early_fixture(nice=BESIDE)
def hang_build(folder: Path) -> Build:
    """A site of one example that hangs and a notebook page that breaks, built
    with a time limit of 3 s."""
    root = make_small_site(
        folder,
        {"tensor_to_numpy/plot_01_hangs.py": BROKEN_EXAMPLES["plot_11_hangs.py"]},
        {"breaks.md": (TINYBUILD / "docs" / "breaks.md").read_text()},
    )
    return run_build(root, "--language", "en", "-D", "executed_gallery_time_limit=3")


def test_a_hang_in_the_build_process_and_a_broken_notebook_both_fail_it(hang_build):
    """One example to run runs in the build's own process: the limit holds there
    too. A notebook that fails beside the examples only misses the cache: myst-nb
    runs it again and reports the error as it always does."""
    assert hang_build.status != 0
    assert "generating gallery (with parallel=" not in hang_build.output
    report = failure_report(hang_build.output, "plot_01_hangs.py")
    assert "ExampleTimeLimitExceeded" in report and "time limit of 3 s" in report
    assert "early_notebooks: breaks.md failed" in hang_build.output
    assert "a Tensor with 2 elements cannot be converted to Scalar" in hang_build.output


# -- Builds that need CUDA -------------------------------------------------------------

NO_CUDA = pytest.mark.skipif(
    torch.cuda.is_available(), reason="checks strict mode on a machine without CUDA"
)


@NO_CUDA
def test_require_cuda_fails_at_once_without_cuda(tmp_path):
    import time

    root = make_small_site(tmp_path, {"tensor_to_numpy/plot_01_good.py": GOOD_EXAMPLE})
    started = time.perf_counter()
    build = run_build(root, "--language", "en", "--require-cuda")
    assert time.perf_counter() - started < 30
    assert build.status != 0
    assert "--require-cuda" in build.output and "no CUDA" in build.output
    assert not (root / "_build").exists(), (
        "strict mode must fail before building anything"
    )


@NO_CUDA
def test_require_cuda_is_enforced_by_sphinx_build_too(tmp_path):
    root = make_small_site(tmp_path, {"tensor_to_numpy/plot_01_good.py": GOOD_EXAMPLE})
    command = build_site.sphinx_command(root, "en", [], require_cuda=True)
    result = subprocess.run(
        command, cwd=root, capture_output=True, text=True, timeout=120
    )
    assert result.returncode != 0
    assert "CUDA is required for this build" in result.stderr
