"""What makes a cold build quicker must not change what it builds or leave anything behind."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from conftest import GOOD_EXAMPLE, make_small_site, notebook_page

SITE = {
    "tensor_to_numpy/plot_01_good.py": GOOD_EXAMPLE,
    "tensor_to_numpy/plot_02_good.py": GOOD_EXAMPLE,
}
PAGE = notebook_page("A probe", "import torch\n\nprint(torch.ones(2).sum().item())")


def build(root: Path, env: dict | None = None) -> tuple[int, str]:
    result = subprocess.run(
        [sys.executable, str(root / "tools" / "build_site.py"), "--language", "en"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, **(env or {})},
    )
    return result.returncode, result.stdout + result.stderr


def test_notebook_pages_run_beside_the_examples_and_are_read_from_the_cache(tmp_path):
    root = make_small_site(tmp_path, SITE, {"probe.md": PAGE})
    status, output = build(root)
    assert status == 0, output
    started = output.index("early_notebooks: executing probe.md beside the examples")
    assert started < output.index("generating gallery")
    assert "early_notebooks: executed probe.md" in output
    # myst-nb found the outputs under its own hash, so it ran nothing itself.
    assert "probe.md: Using cached notebook" in output
    assert "Executing notebook using" not in output
    page = (root / "_build/html/en/probe.html").read_text()
    assert "2.0" in page

    status, output = build(root)  # nothing changed: nothing runs
    assert status == 0, output
    assert "early_notebooks: executing" not in output


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="one core: no example workers")
def test_the_build_leaves_no_example_worker_behind(tmp_path):
    root = make_small_site(tmp_path, SITE)
    marker = uuid.uuid4().hex
    status, output = build(root, {"BUILD_MARKER": marker})
    assert status == 0, output
    assert "generating gallery (with parallel=" in output
    left = []
    for environ in Path("/proc").glob("[0-9]*/environ"):
        try:
            if f"BUILD_MARKER={marker}".encode() in environ.read_bytes():
                left.append(environ.parent.name)
        except OSError:  # gone, or not ours to read
            continue
    assert left == [], f"processes of the build still running: {left}"


def test_a_failing_build_still_exits_with_its_status(tmp_path):
    broken = GOOD_EXAMPLE.replace("[1.0, 1.0]", "[2.0, 2.0]")
    root = make_small_site(tmp_path, {"tensor_to_numpy/plot_01_bad.py": broken})
    status, output = build(root)
    assert status != 0
    assert "plot_01_bad.py" in output
