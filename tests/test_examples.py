"""Every example runs as a standalone script, the way a reader runs a download.

(That it prints what its page shows is checked in test_browser.py, through the
notebook that its page's Colab button opens.)
"""

from __future__ import annotations

import ast
import os
import re
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import torch

from early_work import early_fixture
from run_examples import example_scripts, needs_cuda, run_standalone

EXAMPLES = example_scripts()
CUDA = torch.cuda.is_available()


def example_id(script: Path) -> str:
    return f"{script.parent.name}/{script.stem}"


@early_fixture
def standalone_runs(_folder: Path) -> dict[Path, subprocess.CompletedProcess]:
    """Every example run once with plain python, each in a process of its own
    and an empty folder of its own (run_standalone), as many at a time as there
    are cores."""
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as runs:
        return dict(zip(EXAMPLES, runs.map(run_standalone, EXAMPLES), strict=True))


@pytest.mark.parametrize("script", EXAMPLES, ids=example_id)
def test_example_runs_standalone(standalone_runs, script):
    if needs_cuda(script) and not CUDA:
        pytest.skip(f"needs CUDA; torch {torch.__version__} sees no CUDA device here")
    result = standalone_runs[script]
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip(), "an example that prints nothing teaches nothing"


@pytest.mark.skipif(CUDA, reason="checks the behaviour on machines without CUDA")
@pytest.mark.parametrize(
    "script", example_scripts(cuda_only=True), ids=lambda p: p.stem
)
def test_cuda_example_without_cuda_stops_with_one_line(standalone_runs, script):
    result = standalone_runs[script]
    assert result.returncode == 1
    assert result.stdout == ""
    message = result.stderr.strip()
    assert "Traceback" not in message
    assert len(message.splitlines()) == 1
    assert "CUDA" in message


def test_examples_import_nothing_from_this_repository():
    local_names = {
        "conftest",
        "site_builds",
        "build_site",
        "run_examples",
        "executed_gallery",
        "noxfile",
        "conf",
    }
    for script in EXAMPLES:
        text = script.read_text()
        for name in local_names:
            assert f"import {name}" not in text and f"from {name}" not in text, script


def test_examples_hold_no_hand_written_output():
    pattern = re.compile(r"#\s*(Output|Prints?|输出|結果|结果)\s*[:：]", re.IGNORECASE)
    for script in EXAMPLES:
        for number, line in enumerate(script.read_text().splitlines(), 1):
            assert not pattern.search(line), f"{script}:{number}: {line.strip()}"


def test_every_example_asserts_its_claims():
    for script in EXAMPLES:
        tree = ast.parse(script.read_text())
        asserts = [node for node in ast.walk(tree) if isinstance(node, ast.Assert)]
        assert len(asserts) >= 3, (
            f"{script}: a page that asserts nothing proves nothing"
        )


def test_every_error_an_example_shows_must_be_raised():
    """A ``try`` that catches an error to print it needs ``else: raise AssertionError``."""
    for script in EXAMPLES:
        for node in ast.walk(ast.parse(script.read_text())):
            if not isinstance(node, ast.Try) or node.finalbody:
                continue
            prints = any(
                isinstance(call, ast.Call) and getattr(call.func, "id", "") == "print"
                for handler in node.handlers
                for call in ast.walk(handler)
            )
            raises = any(isinstance(statement, ast.Raise) for statement in node.orelse)
            if prints:
                assert raises, (
                    f"{script}:{node.lineno}: the error is shown but not required"
                )
