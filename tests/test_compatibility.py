"""The compatibility grid: real cells run real pages, and pages show what the grid found."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
import torch
from bs4 import BeautifulSoup

import compat
import torch_index
from early_work import early_fixture
from executed_gallery.compatibility import (
    CompatibilityGrid,
    Grid,
    PageStatus,
    compact_outputs,
    expand_outputs,
    gpu_note,
    library_versions,
    page_status,
    reading_order,
    required_version,
    source_hash,
    spoken_list,
    summary_sentences,
    support_range,
)
from executed_gallery.wording import compatibility_wording
from site_builds import (
    GOOD_EXAMPLE,
    REPO_ROOT,
    TWO_CELL_RANGE,
    make_small_site,
    notebook_page,
    parse_html,
)

# Fails under NumPy 1.x only: numpy.dtypes.StringDType arrived in NumPy 2.0.
NUMPY_2_ONLY = '''\
"""
Make a string array
===================

Only NumPy 2 has a variable-width string dtype.
"""

import numpy as np

dtype = np.dtypes.StringDType()
array = np.array(["a", "bc"], dtype=dtype)
print(array)
assert array.dtype == dtype
'''

BROKEN = '''\
"""
Claim something false
=====================

This page is broken on purpose.
"""

import torch

value = torch.zeros(1).item()
print(value)
assert value == 1.0, "deliberately broken: zeros are not ones"
'''

NOTEBOOK = notebook_page(
    "Probe", "import numpy as np\nimport torch\nprint(torch.from_numpy(np.ones(2)))"
).replace("# Probe\n", "# Probe\n\n```{notebook-provenance}\n```\n")


GOOD_KEY = "examples/tensor_to_numpy/plot_01_good.py"
NUMPY_2_ONLY_KEY = "examples/tensor_to_numpy/plot_02_numpy_2_only.py"
BROKEN_KEY = "examples/tensor_to_numpy/plot_03_broken.py"
NOTEBOOK_KEY = "docs/probe.md"
OPTIONAL_KEY = "examples/tensor_to_numpy/plot_04_optional_library.py"
ALL_KEYS = {GOOD_KEY, NUMPY_2_ONLY_KEY, BROKEN_KEY, NOTEBOOK_KEY, OPTIONAL_KEY}
# A page that looks for a library this environment lacks, as the CuPy and JAX
# pages do, and skips its checks without it.
OPTIONAL_LIBRARY = (
    GOOD_EXAMPLE
    + """
import importlib.util

if importlib.util.find_spec("a_library_not_installed_here") is None:
    print("a_library_not_installed_here is not installed: its checks are skipped.")
"""
)


def grid_site(folder: Path) -> Path:
    """A small site of four pages, with a grid of two cells: the pins, and NumPy 1.26."""
    root = make_small_site(
        folder,
        {
            "tensor_to_numpy/plot_01_good.py": GOOD_EXAMPLE,
            "tensor_to_numpy/plot_02_numpy_2_only.py": NUMPY_2_ONLY,
            "tensor_to_numpy/plot_03_broken.py": BROKEN,
            "tensor_to_numpy/plot_04_optional_library.py": OPTIONAL_LIBRARY,
        },
        {"probe.md": NOTEBOOK},
    )
    (root / "compatibility" / "results.json").unlink(missing_ok=True)
    (root / "compatibility" / "range.toml").write_text(TWO_CELL_RANGE)
    return root


@early_fixture
def cell_run(folder: Path) -> tuple[Path, dict]:
    """The small site's pages checked in this environment, the way each cell of
    the grid checks them (`tools/compat.py run`), without nox: the site, and
    the cell it recorded."""
    root = grid_site(folder / "site")
    output = folder / "cell.json"
    result = subprocess.run(
        [sys.executable, str(root / "tools" / "compat.py"), "run",
         "--cell", "here", "--output", str(output)],
        cwd=root, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    # The broken page fails, so the run fails.
    assert result.returncode == 1, result.stdout + result.stderr
    return root, compat.read_results(output)["cells"]["here"]


def test_every_page_is_recorded_with_its_source_hash_and_time(cell_run):
    root, cell = cell_run
    assert set(cell["pages"]) == ALL_KEYS
    for key, record in cell["pages"].items():
        assert record["source"] == source_hash(root / key)
        assert record["seconds"] > 0
    assert cell["pages"][GOOD_KEY]["status"] == "pass"
    assert cell["pages"][NOTEBOOK_KEY]["status"] == "pass"
    assert cell["pages"][NUMPY_2_ONLY_KEY]["status"] == "pass"  # NumPy 2 here


def test_a_cell_records_what_each_code_block_printed(cell_run):
    pages = cell_run[1]["pages"]
    assert pages[GOOD_KEY]["blocks"] == [{"out": "tensor([1., 1.])\n"}]
    assert pages[NOTEBOOK_KEY]["blocks"] == [
        {"out": "tensor([1., 1.], dtype=torch.float64)\n"}
    ]
    # The failing block records its error; no block after it ran.
    assert pages[BROKEN_KEY]["blocks"][-1]["error"] == (
        "AssertionError: deliberately broken: zeros are not ones"
    )


RUNNER_SCRIPT = '''\
"""
Blocks
======
"""
import warnings

print("one")

# %%
# A value: the page shows its repr.

value = 41
value + 1

# %%
warnings.warn("loose")
with warnings.catch_warnings(record=True):
    warnings.simplefilter("always")
    warnings.warn("caught")
print("three")

# %%
raise ValueError("stop\\nhere")

# %%
print("never")
'''


def test_the_block_runner_records_output_value_warnings_and_error(tmp_path):
    from block_runner import run_scripts

    script = tmp_path / "plot_blocks.py"
    script.write_text(RUNNER_SCRIPT)
    (tmp_path / "plot_slow.py").write_text("import time\ntime.sleep(5)\n")
    (tmp_path / "plot_exits.py").write_text("raise SystemExit('needs a GPU')\n")
    scripts = [script, tmp_path / "plot_slow.py", tmp_path / "plot_exits.py"]
    by_blocks, slow, exits = run_scripts(scripts, jobs=2, time_limit=1)
    assert by_blocks["status"] == 1
    assert by_blocks["stdout"] == "one\n42\nthree\n"
    # The traceback, with its line:
    assert 'raise ValueError("stop' in by_blocks["stderr"]
    assert by_blocks["blocks"] == [
        {"out": "one\n"},
        {"out": "42\n"},
        {"out": "three\n", "warnings": ["UserWarning: loose"]},
        {"out": "", "error": "ValueError: stop"},
    ]
    assert slow["status"] == -signal.SIGALRM
    assert exits["status"] == 1
    assert exits["blocks"] == [{"out": "", "error": "SystemExit: needs a GPU"}]
    # As `python SCRIPT` runs it: no value printed, SystemExit's message on stderr.
    plain, _, exits = run_scripts(scripts, plain=True, jobs=2, time_limit=1)
    assert plain["status"] == 1
    assert plain["stdout"] == "one\nthree\n"
    assert "blocks" not in plain
    assert (exits["status"], exits["stderr"]) == (1, "needs a GPU\n")


def test_the_block_runner_cuts_every_example_where_sphinx_gallery_does():
    import ast

    from block_runner import code_parts
    from site_builds import code_blocks

    for script in compat.site_pages():
        if script.suffix != ".py":
            continue
        ours = [ast.unparse(tree) for _, tree in code_parts(script.read_text())]
        theirs = [ast.unparse(ast.parse(code)) for code in code_blocks(script)]
        assert ours == theirs, script


def test_results_keep_each_distinct_output_once():
    one, other = {"out": "a\n"}, {"out": "b\n", "warnings": ["UserWarning: w"]}
    results = {"cells": {
        "x": {"environment": {}, "pages": {"p": {"status": "pass", "blocks": [one, one]}}},
        "y": {"environment": {}, "pages": {"p": {"status": "pass", "blocks": [one, other]},
                                           "q": {"status": "needs-cuda"}}},
    }}  # fmt: skip
    kept = compact_outputs(results)
    assert kept["outputs"] == {"p": [[one], [one, other]]}
    assert kept["cells"]["y"]["pages"]["p"]["blocks"] == [0, 1]
    assert expand_outputs(kept) == results


def test_a_cell_records_the_environment_it_ran_in(cell_run):
    import numpy

    environment = cell_run[1]["environment"]
    # The optional libraries that its pages look for, each with its version or absent.
    assert environment["libraries"] == {"a_library_not_installed_here": "absent"}
    assert environment["torch"] == torch.__version__
    assert environment["numpy"] == numpy.__version__
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", environment["date"])


def test_a_page_whose_optional_library_is_missing_is_recorded_as_not_run(cell_run):
    record = cell_run[1]["pages"][OPTIONAL_KEY]
    assert record["status"] == "not-run"
    assert record["missing"] == ["a_library_not_installed_here"]


def test_a_not_run_result_is_neither_a_pass_nor_a_failure():
    environment = {"torch": "2.11.0", "numpy": "2.5.2", "date": "2026-12-07"}
    record = {"status": "not-run", "missing": ["cupy"], "source": "abc"}
    grid = Grid(
        range={"cells": []},
        cells={"gpu": {"environment": environment, "pages": {"page.py": record}}},
    )
    status = page_status(grid, "page.py", "abc")
    assert not status.passed and not status.failed
    assert status.not_run == {"cupy": ["gpu"]}
    english = compatibility_wording("en")
    assert (
        "Checks skipped where cupy is not installed: 1 environment."
        in summary_sentences(status, english)
    )
    assert "未安装 cupy，检查被跳过：1 个环境。" in summary_sentences(
        status, compatibility_wording("zh_CN")
    )
    assert CompatibilityGrid.mark(record, "abc", english) == "○"


def test_the_runner_records_a_broken_page_with_its_line_and_message(cell_run):
    record = cell_run[1]["pages"][BROKEN_KEY]
    assert record["status"] == "fail"
    assert record["failure"]["line"] == 12
    assert record["failure"]["message"] == (
        "AssertionError: deliberately broken: zeros are not ones"
    )
    assert "Traceback" in record["failure"]["output"]
    assert "/tmp" not in record["failure"]["output"]  # paths from the repository


# -- The grid through nox, in two environments (slow: CI runs it on every push to
# main, beside the real grid) ----------------------------------------------------


def nox_command() -> list[str]:
    """How the tests session runs nox (it passes its own interpreter), else this one's."""
    return shlex.split(os.environ.get("NOX_COMMAND", f"{sys.executable} -m nox"))


@early_fixture
def mini_grid(folder: Path) -> Path:
    """The small site whose two-cell grid was run for real with `nox -s compat`."""
    root = grid_site(folder)
    for name in ("noxfile.py", "requirements.txt", "constraints.txt"):
        shutil.copy2(REPO_ROOT / name, root / name)
    # Environments outlive the test run, so that a second run reuses them.
    envdir = REPO_ROOT / "_build" / "test-grid-envs"
    result = subprocess.run(
        [*nox_command(), "-f", str(root / "noxfile.py"), "-s", "compat",
         "--envdir", str(envdir)],
        cwd=root, capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    # The broken page fails in both cells, so nox reports failed sessions.
    assert result.returncode != 0, result.stdout + result.stderr
    assert (root / "compatibility" / "results.json").is_file(), result.stderr
    return root


@pytest.fixture(scope="module")
def mini_results(mini_grid) -> dict:
    return compat.read_results(mini_grid / "compatibility" / "results.json")


@pytest.mark.slow
def test_each_cell_records_its_real_environment_and_every_page(mini_results):
    cells = mini_results["cells"]
    assert set(cells) == {"pinned", "numpy1.26"}
    assert cells["pinned"]["environment"]["numpy"] == "2.4.6"
    assert cells["numpy1.26"]["environment"]["numpy"] == "1.26.4"
    for cell in cells.values():
        assert cell["environment"]["torch"].startswith("2.13.0")
        assert re.fullmatch(r"\d{4}-\d\d-\d\d", cell["environment"]["date"])
        assert set(cell["pages"]) == ALL_KEYS
        assert cell["pages"][OPTIONAL_KEY]["status"] == "not-run"
        assert cell["pages"][BROKEN_KEY]["failure"]["line"] == 12
        assert cell["pages"][NOTEBOOK_KEY]["status"] == "pass"


@pytest.mark.slow
def test_a_version_boundary_shows_as_a_failure_in_one_cell_only(mini_results):
    assert (
        mini_results["cells"]["pinned"]["pages"][NUMPY_2_ONLY_KEY]["status"] == "pass"
    )
    record = mini_results["cells"]["numpy1.26"]["pages"][NUMPY_2_ONLY_KEY]
    assert record["status"] == "fail"
    assert record["failure"]["line"] == 10
    assert record["failure"]["code"] == "dtype = np.dtypes.StringDType()"
    assert "StringDType" in record["failure"]["message"]


def test_rerunning_one_page_merges_into_its_cell(tmp_path):
    results = {"cells": {"a": {"environment": {"torch": "1", "date": "x"}, "pages": {
        "p1": {"status": "fail"}, "p2": {"status": "pass"}}}}}  # fmt: skip
    partial = {"a": {"environment": {"torch": "1", "date": "y"}, "partial": True,
                     "pages": {"p1": {"status": "pass"}}}}  # fmt: skip
    merged = compat.merge(results, partial)["cells"]["a"]
    assert merged["pages"] == {"p1": {"status": "pass"}, "p2": {"status": "pass"}}
    # A whole-cell run, or another environment, replaces the cell.
    partial["a"]["environment"]["torch"] = "2"
    assert compat.merge(results, partial)["cells"]["a"]["pages"] == {
        "p1": {"status": "pass"}
    }


# -- What the build shows ------------------------------------------------------------


@pytest.fixture(scope="module")
def fixture_site(tinybuild) -> Path:
    """The tiny build, whose grid results site_builds.write_grid() wrote, not ran."""
    assert tinybuild.cold.status == 0, tinybuild.cold.output
    return tinybuild.root


def page(root: Path, name: str) -> BeautifulSoup:
    return parse_html(root / "_build/html/en" / name)


def summary(root: Path, name: str) -> str:
    found = page(root, name).select_one(".compatibility-summary")
    return " ".join(found.get_text().split())


def test_a_checked_page_names_the_versions_it_passed_on(fixture_site):
    text = summary(fixture_site, "auto_examples/tensor_to_numpy/plot_01_good.html")
    assert "checked on torch 2.3.1–2.13.0, NumPy 1.26.4 and 2.4.6" in text
    assert "(2 environments, 2026-01-02)" in text
    # A notebook page carries the same line.
    assert "checked on torch 2.3.1–2.13.0" in summary(fixture_site, "probe.html")


def test_a_result_for_an_older_source_is_never_a_pass(fixture_site):
    text = summary(
        fixture_site, "auto_examples/tensor_to_numpy/plot_05_changed_since.html"
    )
    assert "checked on" not in text
    assert "Not re-checked since this page’s code changed: 2 environments." in text


def test_a_failing_cell_is_named_with_its_line_and_output(fixture_site):
    name = "auto_examples/tensor_to_numpy/plot_06_fails_somewhere.html"
    text = summary(fixture_site, name)
    assert "checked on torch 2.13.0, NumPy 2.4.6 (1 environment," in text
    html = page(fixture_site, name)
    failure = " ".join(html.select_one("div.compatibility-failure").get_text().split())
    assert "Fails with torch 2.3.1+cu121, NumPy 1.26.4" in failure
    assert "(cell numpy1.26)" in failure and "line 16" in failure
    assert "tensor.add_(1)" in failure and "RuntimeError: boom" in failure


def test_the_grid_page_shows_every_page_in_every_environment(fixture_site):
    html = page(fixture_site, "compatibility.html")
    table = html.select_one("table.compatibility-grid")
    headings = [" ".join(th.get_text().split()) for th in table.select("thead th")]
    assert headings[1:] == [
        "torch 2.13.0 / NumPy 2.4.6",
        "torch 2.3.1 / NumPy 1.26.4 / pandas 3.0.3",
        "torch 2.11.0 / NumPy 2.5.2 / NVIDIA H100 80GB HBM3",
    ]
    rows = {
        " ".join(tr.select("td")[0].get_text().split()): [
            td.get_text().strip() for td in tr.select("td")[1:]
        ]
        for tr in table.select("tbody tr")
    }
    assert rows["Add one to a tensor"] == ["✓", "✓", "·"]
    assert rows["Add two to a tensor"] == ["✓", "✗", "·"]
    assert rows["Probe"] == ["✓", "✓", "·"]
    assert rows["Add six to a tensor"] == ["stale", "stale", "·"]
    supported = " ".join(
        html.select_one("section#supported-versions").get_text().split()
    )
    assert (
        "torch 2.3.1 to 2.13.0" not in supported
    )  # the range is the cells', not results'
    assert (
        "torch 2.13.0 to 2.13.0" in supported and "NumPy 1.26.4 and 2.4.6" in supported
    )


def test_a_block_that_prints_otherwise_elsewhere_names_where_and_shows_what(
    fixture_site,
):
    html = page(fixture_site, "auto_examples/tensor_to_numpy/plot_01_good.html")
    notes = html.select("div.version-outputs")
    assert len(notes) == 1  # the pinned cell prints what the page shows
    summary = " ".join(notes[0].select_one("summary").get_text().split())
    # The cell's pandas pin goes unnamed: the page does not import pandas.
    assert summary == "Prints something else on torch 2.3.1 with NumPy 1.26.4"
    assert not notes[0].select("p")  # one group of cells: the summary names it
    assert notes[0].select_one("pre").get_text().strip() == (
        "tensor([1., 1.])\nUserWarning: only under NumPy 1.26"
    )
    # The note follows the block's output, and the selector's marker sits between.
    marker = notes[0].find_previous_sibling()
    assert marker["class"] == ["recorded-output"] and marker["data-block"] == "0"
    assert "sphx-glr-script-out" in marker.find_previous_sibling()["class"]


def test_a_page_offers_the_outputs_each_environment_recorded(fixture_site):
    html = page(fixture_site, "auto_examples/tensor_to_numpy/plot_01_good.html")
    options = [
        option.get_text()
        for option in html.select("select.recorded-outputs-select option")
    ]
    # This build's environment is the pinned cell's, which has no option of its own.
    assert options == [
        "this build (torch 2.13.0, NumPy 2.4.6)",
        "torch 2.3.1, NumPy 1.26.4",
    ]
    data = json.loads(html.select_one("#recorded-outputs-data").string)
    shown = [data["texts"][cell["blocks"][0]] for cell in data["cells"]]
    assert shown == [
        "tensor([1., 1.])\nUserWarning: only under NumPy 1.26",
        "tensor([1., 1.])",
    ]
    # A page whose records are for older code offers none of them.
    stale = page(
        fixture_site, "auto_examples/tensor_to_numpy/plot_05_changed_since.html"
    )
    assert stale.select_one("select.recorded-outputs-select") is None


def test_a_cpu_build_shows_a_gpu_pages_recorded_output_with_its_environment(
    fixture_site,
):
    html = page(fixture_site, "auto_examples/gpu/plot_01_on_gpu.html")
    notice = " ".join(html.select_one(".example-not-executed").get_text().split())
    assert "the code below was not run here" in notice
    label = (
        "Output recorded on NVIDIA H100 80GB HBM3 with torch 2.11.0, CUDA 13.0, "
        "2026-11-26"
    )
    assert "what it printed on the GPU machine of the compatibility grid" in notice
    assert label in notice
    outputs = html.select("div.recorded-gpu-output")
    assert [output.get_text().strip() for output in outputs] == ["cuda:0"]
    assert outputs[0].find_previous_sibling("p").get_text() == label
    # Where no GPU output was recorded, the page says so and shows none.
    html = page(fixture_site, "auto_examples/gpu/plot_02_not_recorded.html")
    notice = " ".join(html.select_one(".example-not-executed").get_text().split())
    assert "No GPU output was recorded for this version of the page" in notice
    assert not html.select("div.recorded-gpu-output, div.sphx-glr-script-out")


def test_the_requires_grad_page_shows_what_torch_2_7_prints_where_later_releases_warn(
    site_html,
):
    html = parse_html(
        site_html / "en/auto_examples/tensor_to_python"
        / "plot_03_scalars_that_require_grad.html"
    )  # fmt: skip
    note = next(
        note
        for note in html.select("div.version-outputs")
        if "float() should warn" in note.get_text()
    )
    summary = " ".join(note.select_one("summary").get_text().split())
    assert summary.startswith("Prints something else on ")
    assert "torch 2.3.1–2.7.1 with NumPy 2.4.6" in summary
    shown = note.select_one("pre").get_text()
    assert "float() should warn: False" in shown
    assert "warnings from float(): 0" in shown


# -- The declared range --------------------------------------------------------------


def test_the_range_spans_at_least_four_torch_releases_and_both_numpy_lines():
    cells = compat.load_range()["cells"]
    assert len({cell["torch"] for cell in cells}) >= 4
    numpy_lines = {cell["numpy"].split(".")[0] for cell in cells}
    assert numpy_lines == {"1", "2"}
    pinned = [cell for cell in cells if cell.get("pinned")]
    requirements = (REPO_ROOT / "requirements.txt").read_text()
    assert len(pinned) == 1
    assert f"torch=={pinned[0]['torch']}" in requirements
    assert f"numpy=={pinned[0]['numpy']}" in requirements


def test_the_readme_states_the_declared_range():
    span = support_range(compat.load_range())
    readme = " ".join((REPO_ROOT / "README.md").read_text().split())
    assert f"torch {span['torch_oldest']} to {span['torch_newest']}" in readme
    wording = compatibility_wording("en")
    assert f"NumPy {spoken_list(span['numpy'], wording)}" in readme
    assert f"Python {spoken_list(span['python'], wording)}" in readme


def test_lists_of_versions_read_as_prose_in_both_editions():
    english, chinese = compatibility_wording("en"), compatibility_wording("zh_CN")
    assert spoken_list(["3.11"], english) == "3.11"
    assert spoken_list(["1.26.4", "2.4.6"], english) == "1.26.4 and 2.4.6"
    assert (
        spoken_list(["1.26.4", "2.4.6", "2.5.2"], english) == "1.26.4, 2.4.6 and 2.5.2"
    )
    assert (
        spoken_list(["1.26.4", "2.4.6", "2.5.2"], chinese) == "1.26.4、2.4.6 和 2.5.2"
    )


def test_a_cell_naming_its_own_python_widens_the_range():
    declared = {
        "range": {"python": "3.11"},
        "cells": [
            {"name": "a", "torch": "2.3.1", "numpy": "1.26.4"},
            {"name": "b", "torch": "2.11.0", "numpy": "2.5.2", "python": "3.12"},
        ],
    }
    span = support_range(declared)
    assert span["python"] == ["3.11", "3.12"]
    assert span["numpy"] == ["1.26.4", "2.5.2"]


def test_a_page_checked_only_on_a_gpu_says_so_plainly():
    english = compatibility_wording("en")
    cpu, gpu = {"torch": "2.13.0"}, {"torch": "2.11.0", "gpu": "H100"}
    assert gpu_note([cpu], english) == ""
    assert gpu_note([gpu], english) == ", on a GPU"
    assert gpu_note([cpu, gpu], english) == ", on a GPU among them"
    chinese = compatibility_wording("zh_CN")
    assert gpu_note([gpu], chinese) == "（GPU 环境）"
    assert gpu_note([cpu], chinese) == " "  # "NumPy 2.4.6 上检查", spaced as Chinese is


def test_a_notebook_pages_source_includes_the_site_modules_it_imports(tmp_path):
    extensions = tmp_path / "_ext"
    extensions.mkdir()
    (extensions / "probes.py").write_text("def shares(a, b):\n    return True\n")
    (extensions / "unused.py").write_text("X = 1\n")
    page = tmp_path / "page.md"
    page.write_text("```{code-cell} ipython3\nfrom probes import shares\n```\n")
    before = source_hash(page, extensions)
    (extensions / "unused.py").write_text("X = 2\n")
    assert source_hash(page, extensions) == before
    (extensions / "probes.py").write_text("def shares(a, b):\n    return False\n")
    assert source_hash(page, extensions) != before


def test_rows_come_in_the_order_a_reader_meets_the_pages():
    index = "```{toctree}\nquick-reference\nauto_examples/index\n```\n\n```{toctree}\ndtypes\n```\n"
    keys = [
        "docs/dtypes.md",
        "examples/gpu/plot_01_a.py",
        "examples/tensor_to_numpy/plot_02_b.py",
        "docs/quick-reference.md",
        "examples/tensor_to_numpy/plot_01_c.py",
    ]
    ordered = sorted(keys, key=reading_order(index, ["tensor_to_numpy", "gpu"]))
    assert ordered == [
        "docs/quick-reference.md",
        "examples/tensor_to_numpy/plot_01_c.py",
        "examples/tensor_to_numpy/plot_02_b.py",
        "examples/gpu/plot_01_a.py",
        "docs/dtypes.md",
    ]


def test_a_cuda_page_shows_a_dash_in_a_cell_without_a_gpu_even_after_it_changed():
    record = {"status": "needs-cuda", "source": "old"}
    wording = compatibility_wording("en")
    assert CompatibilityGrid.mark(record, "new", wording) == "—"
    assert (
        CompatibilityGrid.mark({"status": "pass", "source": "old"}, "new", wording)
        == (wording["mark_stale"])
    )


def test_a_page_that_imports_a_pinned_library_names_the_releases_it_ran_on(tmp_path):
    (tmp_path / "requirements.txt").write_text("pandas==3.1.1\nsympy==1.14.0\n")
    declared = {
        "range": {"python": "3.11"},
        "cells": [
            {"name": "a", "torch": "2.13.0", "numpy": "2.4.6"},
            {
                "name": "b",
                "torch": "2.13.0",
                "numpy": "2.4.6",
                "pins": {"pandas": "2.3.3"},
            },
            {
                "name": "c",
                "torch": "2.5.1",
                "numpy": "2.4.6",
                "pins": {"sympy": "1.13.1"},
            },
        ],
    }
    grid = Grid(range=declared, cells={})
    ran = library_versions(
        grid, ["a", "b", "c"], {"pandas", "numpy", "torch"}, tmp_path
    )
    assert ran == {"pandas": ["2.3.3", "3.1.1"]}  # sympy: pinned, but not imported
    assert library_versions(grid, ["a", "c"], {"torch"}, tmp_path) == {}
    status = PageStatus(passed=[{"torch": "2.13.0", "numpy": "2.4.6", "date": "d"}] * 2)
    line = summary_sentences(status, compatibility_wording("en"), ran)[0]
    assert "NumPy 2.4.6; pandas 2.3.3 and 3.1.1 (2 environments" in line


def test_a_column_names_the_pins_that_set_its_cell_apart():
    environment = {"torch": "2.13.0+cpu", "numpy": "2.4.6"}
    plain = CompatibilityGrid.column_heading(environment, {})
    pinned = CompatibilityGrid.column_heading(environment, {"pandas": "2.3.3"})
    assert plain.astext() == "torch 2.13.0 / NumPy 2.4.6"
    assert pinned.astext() == "torch 2.13.0 / NumPy 2.4.6 / pandas 2.3.3"


def test_a_cuda_page_is_not_stale_in_a_cell_that_cannot_run_it():
    cell = {"environment": {"torch": "2.13.0"}, "pages": {}}
    grid = Grid(
        range={},
        cells={
            "cpu": {
                **cell,
                "pages": {"gpu.py": {"status": "needs-cuda", "source": "old"}},
            },
            "gpu": {
                "environment": {"torch": "2.11.0", "gpu": "H100"},
                "pages": {"gpu.py": {"status": "pass", "source": "new"}},
            },
        },
    )
    status = page_status(grid, "gpu.py", "new")
    assert status.stale == [] and status.needs_cuda == ["cpu"]
    assert [env["gpu"] for env in status.passed] == ["H100"]


def test_cells_recorded_as_found_are_not_built_by_nox_or_ci():
    as_found = [c["name"] for c in compat.load_range()["cells"] if c.get("as_found")]
    assert as_found, "the GPU machine's cell is declared in range.toml"
    listed = subprocess.run(
        [sys.executable, str(REPO_ROOT / "tools" / "compat.py"), "cells", "--cuda"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert not set(json.loads(listed.stdout)) & set(as_found)
    built = {cell["name"] for cell in compat.buildable_cells()}  # nox's sessions
    assert built and not built & set(as_found)


def test_committed_results_belong_to_cells_of_the_range():
    grid = Grid.load(REPO_ROOT / "compatibility")
    declared = {cell["name"] for cell in grid.range["cells"]}
    for name, cell in grid.cells.items():
        # A GPU machine may record a cell of its own torch, outside the declared ones.
        assert name in declared or "gpu" in cell["environment"], name


# -- Where torch comes from ------------------------------------------------------------


def test_a_machine_with_local_wheels_gets_them_with_uv_and_pip_reads_its_own_config():
    local = (["/wheels"], ["file:///index"])
    assert torch_index.install_arguments("pip", "", nvidia=False, local=local) == []
    arguments = torch_index.install_arguments("uv", "", nvidia=False, local=local)
    assert arguments[:4] == [
        "--find-links",
        "/wheels",
        "--extra-index-url",
        "file:///index",
    ]


def test_a_machine_without_gpu_or_local_wheels_gets_the_cpu_index():
    for installer in ("uv", "pip"):
        arguments = torch_index.install_arguments(
            installer, "", nvidia=False, local=([], [])
        )
        assert torch_index.CPU_INDEX in arguments


def test_a_gpu_machine_gets_pypis_cuda_build_and_the_setting_overrides():
    assert torch_index.install_arguments("uv", "", nvidia=True, local=([], [])) == []
    assert (
        torch_index.install_arguments("pip", "pypi", nvidia=False, local=([], [])) == []
    )
    url = "https://download.pytorch.org/whl/cu128"
    assert url in torch_index.install_arguments("uv", url, nvidia=False, local=([], []))


def test_this_machine_installs_the_build_that_fits_it():
    if torch.cuda.is_available():
        pytest.skip("checks the CPU build on machines without CUDA")
    assert torch.__version__.endswith("+cpu"), torch.__version__


def test_a_pages_prose_does_not_change_its_source_hash_and_its_code_does(tmp_path):
    script = tmp_path / "plot_01.py"
    script.write_text(
        '"""\nTitle\n=====\n"""\n\nx = 1  # one\n\n# %%\n# Text.\n\nprint(x)\n'
    )
    before = source_hash(script)
    script.write_text(
        '"""\nAnother title\n=============\n"""\n\nx = 1  # uno\n\n# %%\n'
        "# .. rst-class:: fold\n#\n# Other text.\n\nprint(x)\n"
    )
    assert source_hash(script) == before
    script.write_text(
        '"""\nTitle\n=====\n"""\n\nx = 2  # one\n\n# %%\n# Text.\n\nprint(x)\n'
    )
    assert source_hash(script) != before
    page = tmp_path / "page.md"
    page.write_text("# Title\n\nProse.\n\n```{code-cell} ipython3\nprint(1)\n```\n")
    before = source_hash(page)
    page.write_text(
        "# Title\n\nOther prose.\n\n```{code-cell} ipython3\nprint(1)\n```\n"
    )
    assert source_hash(page) == before
    page.write_text("# Title\n\nProse.\n\n```{code-cell} ipython3\nprint(2)\n```\n")
    assert source_hash(page) != before
    broken = tmp_path / "plot_02.py"
    broken.write_text('"""\nTitle\n=====\n"""\n\ntensor.add_(1\n')
    assert source_hash(broken) != source_hash(script)  # a script that does not parse


# A page that says where behaviour changes ("from torch 2.9", "NumPy 2.1 or
# newer", "torch 2.7 and older") names a boundary, which the grid must straddle
# with a cell on each side: the release before it and the first release after
# it, or the page's claim is only read.
BOUNDARY = re.compile(
    r"\b(?:since|from|before) (?P<a>torch|NumPy|pandas) (?P<av>\d+\.\d+(?:\.\d+)?)"
    r"|\b(?P<b>torch|NumPy|pandas) (?P<bv>\d+\.\d+(?:\.\d+)?)"
    r" (?:or|and) (?P<side>newer|later|older)"
)


def version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", text)[:3])


def stated_boundaries() -> set[tuple[str, tuple[int, ...]]]:
    """(library, first version on the new side) for every boundary a page states."""
    found = set()
    sources = [
        *(REPO_ROOT / "examples").rglob("plot_*.py"),
        *(REPO_ROOT / "docs").glob("*.md"),
    ]
    for path in sources:
        for match in BOUNDARY.finditer(re.sub(r"\s+", " ", path.read_text())):
            library = (match["a"] or match["b"]).lower()
            stated = version(match["av"] or match["bv"])
            if match["side"] == "older":  # "torch 2.7 and older": 2.8 is the new side
                stated = (*stated[:1], stated[1] + 1)
            found.add((library, stated))
    return found


def test_every_boundary_a_page_states_has_a_cell_on_each_side():
    cells = [
        cell for cell in compat.load_range()["cells"] if not cell.get("requires_cuda")
    ]

    def ran(cell: dict, library: str) -> tuple[int, ...]:
        """The release of the library that the cell runs: its own, a pin, or the site's."""
        pins = {"torch": cell["torch"], "numpy": cell["numpy"], **cell.get("pins", {})}
        return version(pins.get(library) or required_version(REPO_ROOT, library))

    oldest_torch = min(version(cell["torch"]) for cell in cells)
    boundaries = stated_boundaries()
    assert ("torch", (2, 8)) in boundaries and ("numpy", (2, 1)) in boundaries
    unstraddled = []
    for library, first in sorted(boundaries):
        if library == "torch" and first <= oldest_torch:
            continue  # the range's own edge: range.toml says why it starts there
        versions = [ran(cell, library) for cell in cells]
        if first[-1] > 0:  # 2.4: a 2.3 cell; 2.2.5: a 2.2.4 cell
            before = (*first[:-1], first[-1] - 1)
            below = [v for v in versions if v[: len(first)] == before]
        else:  # 2.0: the last 1.x
            below = [v for v in versions if v[0] == first[0] - 1]
        above = [v for v in versions if v[: len(first)] == first]
        if not (below and above):
            unstraddled.append(f"{library} {'.'.join(map(str, first))}")
    assert not unstraddled, f"no cell on each side of: {', '.join(unstraddled)}"
