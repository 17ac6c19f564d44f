"""Pages are deterministic: a second clean build prints the same outputs."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

import build_site
from conftest import copy_site, make_small_site

OUTPUT_BLOCK = re.compile(
    r'<div class="sphx-glr-script-out.*?</pre>|<div class="cell_output.*?</div>\s*</div>',
    re.S,
)


@pytest.fixture(scope="module")
def second_build(tmp_path_factory) -> Path:
    root = copy_site(tmp_path_factory.mktemp("second"))
    assert build_site.build(root=root, languages=["en"]) == 0
    return root


def page_outputs(root: Path, page: Path) -> list[str]:
    html = (root / "_build/html/en" / page).read_text()
    # Measured timings are the one thing allowed to change, and they say so.
    return [
        block for block in OUTPUT_BLOCK.findall(html) if "measured" not in block.lower()
    ]


def test_two_clean_builds_print_identical_outputs(built_site, second_build):
    pages = sorted(
        path.relative_to(built_site / "_build/html/en")
        for path in (built_site / "_build/html/en").rglob("*.html")
    )
    compared = 0
    for page in pages:
        first = page_outputs(built_site, page)
        if first:
            assert page_outputs(second_build, page) == first, (
                f"{page} changed between builds"
            )
            compared += 1
    assert compared >= 20, "too few pages with outputs were compared"


RESET_CHECKER = '''\
"""
Check the starting state
========================

Runs after an example that changed global state.
"""

import numpy as np
import torch

print(torch.get_default_dtype(), torch.get_default_device())
print(torch.rand(2), np.random.rand(1))
assert torch.get_default_dtype() == torch.float32
assert torch.get_default_device() == torch.device("cpu")
torch.manual_seed(0)
expected = torch.rand(2)
'''

STATE_CHANGER = '''\
"""
Change global state
===================

Sets a seed, a default dtype and a default device, and leaves them set.
"""

import numpy as np
import torch

torch.manual_seed(1234)
np.random.seed(1234)
torch.set_default_dtype(torch.float64)
torch.set_default_device("meta")
print(torch.get_default_dtype())
'''


def test_every_example_starts_from_the_same_state(tmp_path):
    root = make_small_site(
        tmp_path,
        {
            "tensor_to_numpy/plot_01_changes_state.py": STATE_CHANGER,
            "tensor_to_numpy/plot_02_checks_state.py": RESET_CHECKER,
        },
    )
    result = subprocess.run(
        [sys.executable, "tools/build_site.py", "--language", "en"],
        cwd=root,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    html = (
        root / "_build/html/en/auto_examples/tensor_to_numpy/plot_02_checks_state.html"
    )
    text = html.read_text()
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
    ).stdout.strip()
    assert fresh in text.replace("&nbsp;", " ")
