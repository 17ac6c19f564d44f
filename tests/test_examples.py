"""Every example runs as a standalone script, the way a reader runs a download,
and prints what its page shows."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
import torch

from early_work import early_fixture
from run_examples import example_scripts, needs_cuda, run_downloads
from site_builds import (
    MACHINE_DEPENDENT,
    REPO_ROOT,
    built_page,
    code_blocks,
    example_page,
    flat,
    page_outputs,
)

EXAMPLES = example_scripts()
CUDA = torch.cuda.is_available()


def example_id(script: Path) -> str:
    return f"{script.parent.name}/{script.stem}"


@early_fixture
def standalone_runs(_folder: Path) -> dict[Path, dict]:
    """Every example run once as a reader runs its download, each in a process
    of its own and an empty folder of its own (run_downloads)."""
    return dict(zip(EXAMPLES, run_downloads(EXAMPLES), strict=True))


@pytest.mark.parametrize("script", EXAMPLES, ids=example_id)
def test_example_runs_standalone(standalone_runs, script):
    if needs_cuda(script) and not CUDA:
        pytest.skip(f"needs CUDA; torch {torch.__version__} sees no CUDA device here")
    run = standalone_runs[script]
    assert run["status"] == 0, run["stderr"]
    assert run["stdout"].strip(), "an example that prints nothing teaches nothing"


def may_show_a_value(code: str) -> bool:
    """Whether the page may add the repr of the block's last value to what the
    block printed (``capture_repr`` in conf.py): its last statement is a bare
    expression other than a print."""
    body = ast.parse(code).body
    last = body[-1].value if body and isinstance(body[-1], ast.Expr) else None
    return last is not None and not (
        isinstance(last, ast.Call) and getattr(last.func, "id", "") == "print"
    )


def printed_pattern(shown: list[str], values: list[bool]) -> list[str]:
    """What a script must print, one regular expression per code block, from what
    its page shows under each block (flat): the same text; for a block that may
    show a value, the same text less that value's repr, which the page adds at
    its end and a script does not print; for a block whose output describes the
    machine (MACHINE_DEPENDENT), anything."""
    parts = []
    for text, value in zip(shown, values, strict=True):
        if any(words in text.lower() for words in MACHINE_DEPENDENT):
            parts.append(".*?")
        elif value and text:
            ends = [text] + [
                text[:i] for i in range(len(text) - 1, 0, -1) if text[i] == " "
            ]
            parts.append("(?:" + "|".join(map(re.escape, [*ends, ""])) + ")")
        else:
            parts.append(re.escape(text))
    return parts


def first_difference(printed: str, parts: list[str]) -> int | None:
    """The number of the first code block whose output the script did not print
    as its page shows it, or None where all of it matches."""
    for number in range(1, len(parts) + 1):
        if not re.match(r"\s*".join(parts[:number]), printed, re.DOTALL):
            return number
    whole = re.fullmatch(r"\s*".join(parts), printed, re.DOTALL)
    return None if whole else len(parts)


def test_a_script_must_print_what_its_page_shows_block_by_block():
    shown = ["a b", "", "c tensor([1.])", "d", "took 3.1 ms (measured)", "e"]
    parts = printed_pattern(shown, [False, False, True, False, False, False])
    # The page adds the value of block 3's last line; timings may differ.
    assert first_difference("a b c d took 9.9 ms (measured) e", parts) is None
    assert first_difference("a b c tensor([1.]) d took 1 ms e", parts) is None
    assert first_difference("a B c d e", parts) == 1
    assert first_difference("a b c e", parts) == 4
    # Block 3 may have printed nothing but its value, so the next block is where
    # its other output no longer fits.
    assert first_difference("a b x d e", parts) == 4
    assert first_difference("a b c d took 1 ms e f", parts) == 6
    assert may_show_a_value("t = 1\nt.add_(1)")
    assert not may_show_a_value("t.add_(1)\nprint(t)")
    assert not may_show_a_value("t = 1")


# Each example ran twice, in two processes: in the build, and here as the
# reader's download. The same output shows that the page is deterministic and
# that a reader's run prints what the page shows. Measured timings may differ,
# and say so.
@pytest.mark.parametrize("script", EXAMPLES, ids=example_id)
def test_the_downloaded_script_prints_what_its_page_shows(
    standalone_runs, site_html, script
):
    if needs_cuda(script) and not CUDA:
        pytest.skip("a CUDA page: not executed in this build")
    run = standalone_runs[script]
    assert run["status"] == 0, run["stderr"]
    shown = page_outputs(built_page(site_html / "en" / example_page(script)))
    blocks = code_blocks(script)
    assert len(shown) == len(blocks), (len(shown), len(blocks))
    parts = printed_pattern(shown, [may_show_a_value(code) for code in blocks])
    assert len([part for part in parts if part != ".*?"]) >= len(parts) // 2
    number = first_difference(flat(run["stdout"]), parts)
    assert number is None, (
        f"code block {number}: the page shows\n{shown[number - 1]}\n"
        f"the script printed\n{run['stdout']}"
    )


def test_the_grid_records_each_block_as_the_page_shows_it(site_html):
    """The grid's runner (tools/block_runner.py) prints each block as the build
    does: where a cell's environment is the build's, its record of every page
    is what the page shows, block by block."""
    from executed_gallery import environment
    from executed_gallery.compatibility import Grid, record_state, source_hash
    from executed_gallery.recorded_outputs import block_text, environment_cell

    grid = Grid.load(REPO_ROOT / "compatibility")
    build = environment.current()
    same = environment_cell(grid, build)
    if same is None:
        pytest.skip(f"no cell of the grid has this build's environment ({build})")
    compared = 0
    for script in EXAMPLES:
        key = script.relative_to(REPO_ROOT).as_posix()
        record = grid.cells[same]["pages"].get(key)
        if record is None or record_state(record, source_hash(script)) != "pass":
            continue
        shown = page_outputs(built_page(site_html / "en" / example_page(script)))
        recorded = [block_text(block) for block in record["blocks"]]
        assert len(recorded) == len(shown), key
        for number, (text, page) in enumerate(zip(recorded, shown, strict=True)):
            if text is not None:  # None: a block of measured timings
                assert flat(text) == page, f"{key}, code block {number + 1}"
                compared += 1
    assert compared > 200


@pytest.mark.skipif(CUDA, reason="checks the behaviour on machines without CUDA")
@pytest.mark.parametrize(
    "script", example_scripts(cuda_only=True), ids=lambda p: p.stem
)
def test_cuda_example_without_cuda_stops_with_one_line(standalone_runs, script):
    run = standalone_runs[script]
    assert run["status"] == 1
    assert run["stdout"] == ""
    message = run["stderr"].strip()
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


def test_every_example_opens_with_a_docstring_on_lines_of_its_own():
    """The form translated_downloads.translate_script reads: ``\"\"\"`` alone on
    the first line and alone on the line that closes the title and answer."""
    for script in EXAMPLES:
        lines = script.read_text().splitlines()
        assert lines[0] == '"""', script
        assert '"""' in lines[1:], f"{script}: close the docstring on a line of its own"


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
