"""A build that cannot be trusted fails, names the file, and leaves the last good site alone."""

from __future__ import annotations

import subprocess
import sys

import pytest
import torch

import build_site
from conftest import GOOD_EXAMPLE, make_small_site, notebook_page


def run_build(root, *extra):
    """Run the real build script; return its exit status and everything it printed."""
    result = subprocess.run(
        [
            sys.executable,
            str(root / "tools" / "build_site.py"),
            "--language",
            "en",
            *extra,
        ],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=600,
    )
    return result.returncode, result.stdout + result.stderr


def test_a_good_small_site_builds(tmp_path):
    root = make_small_site(tmp_path, {"tensor_to_numpy/plot_01_good.py": GOOD_EXAMPLE})
    status, output = run_build(root)
    assert status == 0, output
    page = root / "_build/html/en/auto_examples/tensor_to_numpy/plot_01_good.html"
    assert "tensor([1., 1.])" in page.read_text()


def test_an_example_that_raises_fails_the_build_naming_file_and_line(tmp_path):
    broken = GOOD_EXAMPLE.replace(
        "tensor.add_(1)", "tensor.numpy(force=False, bogus=1)"
    )
    root = make_small_site(tmp_path, {"tensor_to_numpy/plot_01_broken.py": broken})
    status, output = run_build(root)
    assert status != 0
    assert "plot_01_broken.py" in output
    assert "line 15" in output  # the line of the call that raised
    assert "TypeError" in output


def test_a_failed_claim_fails_the_build(tmp_path):
    wrong = GOOD_EXAMPLE.replace("[1.0, 1.0]", "[2.0, 2.0]")
    root = make_small_site(tmp_path, {"tensor_to_numpy/plot_01_wrong_claim.py": wrong})
    status, output = run_build(root)
    assert status != 0
    assert "plot_01_wrong_claim.py" in output and "AssertionError" in output


def test_an_error_that_is_not_raised_fails_the_build(tmp_path):
    expects_error = (
        GOOD_EXAMPLE
        + """
try:
    tensor.numpy()
except RuntimeError as error:
    print(f"{type(error).__name__}: {error}")
else:
    raise AssertionError("numpy() was expected to refuse this tensor")
"""
    )
    root = make_small_site(
        tmp_path, {"tensor_to_numpy/plot_01_no_error.py": expects_error}
    )
    status, output = run_build(root)
    assert status != 0
    assert "plot_01_no_error.py" in output
    assert "numpy() was expected to refuse this tensor" in output


def test_a_failed_build_leaves_the_last_good_site_untouched(tmp_path):
    root = make_small_site(tmp_path, {"tensor_to_numpy/plot_01_good.py": GOOD_EXAMPLE})
    status, output = run_build(root)
    assert status == 0, output
    published = root / "_build/html/en/auto_examples/tensor_to_numpy/plot_01_good.html"
    good_html = published.read_text()

    script = root / "examples/tensor_to_numpy/plot_01_good.py"
    script.write_text(GOOD_EXAMPLE.replace("[1.0, 1.0]", "[3.0, 3.0]"))
    status, output = run_build(root)
    assert status != 0
    assert "_build/html/en still holds the last good build" in output
    assert published.read_text() == good_html


def test_an_unknown_option_fails_by_name(tmp_path):
    root = make_small_site(tmp_path, {"tensor_to_numpy/plot_01_good.py": GOOD_EXAMPLE})
    status, output = run_build(root, "--no-such-option")
    assert status != 0
    assert "--no-such-option" in output


NO_CUDA = pytest.mark.skipif(
    torch.cuda.is_available(), reason="checks strict mode on a machine without CUDA"
)


@NO_CUDA
def test_require_cuda_fails_at_once_without_cuda(tmp_path):
    import time

    root = make_small_site(tmp_path, {"tensor_to_numpy/plot_01_good.py": GOOD_EXAMPLE})
    started = time.perf_counter()
    status, output = run_build(root, "--require-cuda")
    assert time.perf_counter() - started < 30
    assert status != 0
    assert "--require-cuda" in output and "no CUDA" in output
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


def test_an_example_with_a_syntax_error_fails_the_build(tmp_path):
    broken = GOOD_EXAMPLE.replace("tensor.add_(1)", "tensor.add_(1")
    root = make_small_site(tmp_path, {"tensor_to_numpy/plot_01_syntax.py": broken})
    status, output = run_build(root)
    assert status != 0
    assert "plot_01_syntax.py" in output and "SyntaxError" in output


# With one example to run the build runs it in-process; with two, in worker
# processes (on a machine with 2 or more cores). The limit must hold in both.
@pytest.mark.parametrize("with_a_second_example", [False, True])
def test_an_example_that_hangs_is_stopped_by_the_time_limit(
    tmp_path, with_a_second_example
):
    hangs = GOOD_EXAMPLE.replace("tensor.add_(1)", "import time\ntime.sleep(600)")
    examples = {"tensor_to_numpy/plot_01_hangs.py": hangs}
    if with_a_second_example:
        examples["tensor_to_numpy/plot_02_good.py"] = GOOD_EXAMPLE
    root = make_small_site(tmp_path, examples)
    status, output = run_build(root, "-D", "executed_gallery_time_limit=3")
    assert status != 0
    assert "plot_01_hangs.py" in output
    assert "ExampleTimeLimitExceeded" in output and "time limit of 3 s" in output


def test_a_notebook_page_whose_cell_raises_fails_the_build(tmp_path):
    page = notebook_page(
        "A page that breaks", "import torch\n\ntorch.tensor([1, 2]).item()"
    )
    root = make_small_site(
        tmp_path, {"tensor_to_numpy/plot_01_good.py": GOOD_EXAMPLE}, {"breaks.md": page}
    )
    status, output = run_build(root)
    assert status != 0
    assert "breaks.md" in output
    # A failure beside the examples only misses the cache: myst-nb runs the page
    # again and reports the error as it always does.
    assert "early_notebooks: breaks.md failed" in output
    assert "a Tensor with 2 elements cannot be converted to Scalar" in output


def test_an_example_that_reports_no_run_time_fails_the_build(tmp_path):
    """A page must never pass off cached, never-run output as executed."""
    root = make_small_site(tmp_path, {"tensor_to_numpy/plot_01_good.py": GOOD_EXAMPLE})
    status, output = run_build(root)
    assert status == 0, output
    cost = root / "docs/auto_examples/tensor_to_numpy/plot_01_good.cost.json"
    cost.write_text('{"time": 0.0, "memory": 0.0}')
    status, output = run_build(root)
    assert status != 0
    assert "plot_01_good.py: reports no run time" in output
