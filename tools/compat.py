"""Check every page of the site in one environment of the compatibility grid.

    python tools/compat.py run --cell NAME [--results FILE | --output FILE] [PAGE ...]
    python tools/compat.py merge CELL.json ... [--results FILE]
    python tools/compat.py cells [--cuda]

``run`` is what ``nox -s compat`` does inside each cell's environment: every
example runs the way a reader runs a download (plain ``python``, from an empty
folder) and every notebook page's code runs under nbclient, as the build runs
it. Per page it records pass or fail, the first failing line and its message,
the run time and a hash of the page's source, then merges that cell into the
results file (``compatibility/results.json``), replacing what that cell held.
With ``--output``, the cell goes to a file of its own instead (one per CI
job), and ``merge`` folds such files into the results file. ``cells`` prints
the names of the CPU cells (or, with ``--cuda``, the CUDA cells) as JSON, for
the hosted workflow's matrix.
"""

from __future__ import annotations

import argparse
import datetime
import importlib
import importlib.util
import json
import re
import sys
import tempfile
import time
import tomllib
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
RANGE_FILE = REPO_ROOT / "compatibility" / "range.toml"
RESULTS_FILE = REPO_ROOT / "compatibility" / "results.json"
# A page whose code takes longer than this in a reader's environment fails.
TIME_LIMIT = 300

sys.path.insert(0, str(REPO_ROOT / "docs" / "_ext"))
sys.path.insert(0, str(REPO_ROOT / "tools"))


def load_range(path: Path = RANGE_FILE) -> dict:
    with path.open("rb") as handle:
        return tomllib.load(handle)


def buildable_cells(declared: dict | None = None) -> list[dict]:
    """The cells whose environment nox builds (a cell recorded as found on a GPU machine is not)."""
    declared = declared or load_range()
    return [cell for cell in declared["cells"] if not cell.get("as_found")]


def is_notebook_page(path: Path) -> bool:
    """A MyST page that myst-nb executes (its front matter names the format)."""
    head = path.read_text(encoding="utf-8")[:400]
    return head.startswith("---") and "file_format: mystnb" in head


def site_pages(root: Path = REPO_ROOT) -> list[Path]:
    """Every page with code: the example scripts, then the notebook pages."""
    from run_examples import example_scripts

    examples = example_scripts(examples=root / "examples")
    notebooks = [p for p in sorted((root / "docs").glob("*.md")) if is_notebook_page(p)]
    return examples + notebooks


# -- Running a page ----------------------------------------------------------------

TRACEBACK_FRAME = re.compile(r'^\s*File "(?P<file>[^"]+)", line (?P<line>\d+)')
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def first_failing_line(traceback: str, filename: str) -> int | None:
    """The line of ``filename`` in the innermost frame of a traceback that is in that file."""
    line = None
    for text in traceback.splitlines():
        match = TRACEBACK_FRAME.match(text)
        if match and Path(match["file"]).name == filename:
            line = int(match["line"])
    return line


def error_message(stderr: str) -> str:
    """The exception line that closes a traceback (``ValueError: ...``)."""
    lines = [line for line in stderr.strip().splitlines() if line.strip()]
    return lines[-1].strip() if lines else ""


# How much of a failing page's traceback the results keep, to show on the page.
OUTPUT_LINES = 12


def failure(path: Path, line: int | None, message: str, output: str = "") -> dict:
    code = None
    if line is not None:
        lines = path.read_text(encoding="utf-8").splitlines()
        if 0 < line <= len(lines):
            code = lines[line - 1].strip()
    tail = "\n".join(output.strip().splitlines()[-OUTPUT_LINES:])
    return {"line": line, "code": code, "message": message, "output": tail or message}


# A page that checks for an optional library (CuPy, JAX) before using it:
# ``importlib.util.find_spec("cupy")``.
OPTIONAL_LIBRARY = re.compile(r"""find_spec\(\s*["'](\w+)["']\s*\)""")


def optional_libraries(script: Path) -> set[str]:
    """The optional libraries a page looks for."""
    return set(OPTIONAL_LIBRARY.findall(script.read_text(encoding="utf-8")))


def missing_libraries(script: Path) -> list[str]:
    """The optional libraries the page looks for that this environment lacks."""
    names = sorted(optional_libraries(script))
    return [name for name in names if importlib.util.find_spec(name) is None]


# Words of a block's output that reports measured timings or the process that
# ran it: they change from run to run, so the grid keeps that the block
# measured, not what it measured.
MEASURED = ("measured", "torch threads:")


def recorded_block(block: dict) -> dict:
    """A code block's record as the results keep it."""
    if any(words in block.get("out", "").lower() for words in MEASURED):
        return {"measured": True, **{k: v for k, v in block.items() if k != "out"}}
    return {key: value for key, value in block.items() if value}


def run_examples(scripts: list[Path], cuda: bool) -> dict[Path, dict]:
    """Run each script as a reader runs its download (its own process, an empty
    folder, nothing of this repository importable), a code block at a time
    (block_runner.py), one after the other."""
    import signal

    from block_runner import run_scripts
    from run_examples import needs_cuda

    records = {
        script: {"status": "needs-cuda"}
        for script in scripts
        if needs_cuda(script, script.parents[1]) and not cuda
    }
    runnable = [script for script in scripts if script not in records]
    for script, run in zip(
        runnable, run_scripts(runnable, time_limit=TIME_LIMIT), strict=True
    ):
        record = {"status": "pass" if run["status"] == 0 else "fail"}
        missing = missing_libraries(script)
        if run["status"] == 0 and missing:
            # It ran to the end, but skipped the checks that need the library.
            record = {"status": "not-run", "missing": missing}
        if run["status"] == -signal.SIGALRM:
            message = f"ran past its time limit of {TIME_LIMIT} s"
            record["failure"] = failure(script, None, message)
        elif run["status"] != 0:
            stderr = run["stderr"]
            line = first_failing_line(stderr, script.name)
            record["failure"] = failure(script, line, error_message(stderr), stderr)
        record["blocks"] = [recorded_block(block) for block in run.get("blocks", [])]
        record["seconds"] = run["seconds"]
        records[script] = record
    return records


def notebook_blocks(notebook) -> list[dict]:
    """What each code cell of an executed notebook showed: its printed text, its
    value (as Markdown where it has one, else as text), and its error."""
    blocks = []
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        out, error = [], None
        for output in cell.get("outputs", []):
            if output.output_type == "stream" and output.name == "stdout":
                out.append(output.text)
            elif output.output_type in {"execute_result", "display_data"}:
                data = output.get("data", {})
                text = data.get("text/markdown") or data.get("text/plain")
                if text:
                    out.append(text if text.endswith("\n") else text + "\n")
            elif output.output_type == "error":
                error = f"{output.ename}: {output.evalue}"
        blocks.append(recorded_block({"out": "".join(out), "error": error}))
    return blocks


def notebook_cell_line(page: Path, cell_source: str, traceback: str) -> int | None:
    """Map the failing line inside a notebook cell back to a line of the page."""
    text = page.read_text(encoding="utf-8")
    offset = text.find(cell_source)
    lines = re.findall(r"Cell In\s*\[\d*\],\s*line (\d+)", traceback)
    if offset < 0 or not lines:
        return None
    return text.count("\n", 0, offset) + int(lines[-1])


def run_notebook_page(page: Path, root: Path = REPO_ROOT) -> dict:
    """Execute a MyST notebook page's cells with nbclient, from an empty folder.

    The kernel can import the site's table words (docs/_ext/table_labels.py),
    as in the build, and prints them in English.
    """
    import os

    extensions = str(root / "docs" / "_ext")
    os.environ["PYTHONPATH"] = os.pathsep.join(
        filter(None, [extensions, os.environ.get("PYTHONPATH")])
    )
    os.environ.setdefault("SITE_LANGUAGE", "en")
    from myst_nb.core.read import read_myst_markdown_notebook
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    notebook = read_myst_markdown_notebook(page.read_text(encoding="utf-8"))
    started = time.perf_counter()
    record: dict = {"status": "pass"}
    with tempfile.TemporaryDirectory() as workdir:
        client = NotebookClient(
            notebook,
            timeout=TIME_LIMIT,
            kernel_name="python3",
            resources={"metadata": {"path": workdir}},
        )
        try:
            client.execute()
        except CellExecutionError as error:
            cell = next(
                (
                    cell
                    for cell in notebook.cells
                    if any(
                        out.get("output_type") == "error"
                        for out in cell.get("outputs", [])
                    )
                ),
                None,
            )
            traceback = ANSI.sub("", str(error))
            line = notebook_cell_line(page, cell.source, traceback) if cell else None
            message = f"{error.ename}: {error.evalue}"
            output = traceback.split("------------------", 2)[-1]
            record = {"status": "fail", "failure": failure(page, line, message, output)}
        except Exception as error:  # noqa: BLE001 - a dead kernel or a time-out
            record = {"status": "fail", "failure": failure(page, None, repr(error))}
    record["blocks"] = notebook_blocks(notebook)
    record["seconds"] = round(time.perf_counter() - started, 2)
    return record


def cell_environment(pages: list[Path] = ()) -> dict:
    """The environment of this cell, as every page's provenance describes it,
    dated, with the version of each optional library the pages look for
    (CuPy, JAX), or "absent"."""
    from executed_gallery import environment

    build_env = environment.current()
    build_env.pop("salt", None)
    build_env["date"] = datetime.date.today().isoformat()
    names = sorted(
        set().union(
            *(optional_libraries(page) for page in pages if page.suffix == ".py")
        )
    )
    if names:
        # A distribution's name is not its module's (cupy-cuda12x): ask the module.
        build_env["libraries"] = {
            name: importlib.import_module(name).__version__
            if importlib.util.find_spec(name)
            else "absent"
            for name in names
        }
    return build_env


def run_cell(name: str, pages: list[Path], root: Path = REPO_ROOT) -> dict:
    # The build reads pages by this key and compares them with this hash.
    from executed_gallery import environment
    from executed_gallery.compatibility import page_key, source_hash

    build_env = cell_environment(pages)
    examples = run_examples(
        [page for page in pages if page.suffix == ".py"],
        environment.has_cuda(build_env),
    )
    results = {}
    for page in pages:
        record = examples.get(page) or run_notebook_page(page, root)
        record["source"] = source_hash(page)
        if "failure" in record:  # paths as a reader of the repository sees them
            output = record["failure"]["output"]
            record["failure"]["output"] = output.replace(f"{root}/", "")
        results[page_key(page, root)] = record
        print(f"{name}: {page_key(page, root)}: {record['status']}", flush=True)
        if record["status"] == "fail":
            print(
                f"    line {record['failure']['line']}: {record['failure']['message']}"
            )
    return {name: {"environment": build_env, "pages": results}}


# -- The results file --------------------------------------------------------------


def read_results(path: Path) -> dict:
    from executed_gallery.compatibility import expand_outputs

    return (
        expand_outputs(json.loads(path.read_text()))
        if path.is_file()
        else {"cells": {}}
    )


def merge(results: dict, cells: dict) -> dict:
    """Fold cells into the results: a whole-cell run replaces that cell.

    A run of some pages only, in the same environment as the recorded one,
    updates those pages and keeps the others.
    """
    merged = {name: dict(cell) for name, cell in results.get("cells", {}).items()}
    for name, cell in cells.items():
        previous = merged.get(name)
        same_environment = previous is not None and {
            key: value
            for key, value in previous["environment"].items()
            if key != "date"
        } == {key: value for key, value in cell["environment"].items() if key != "date"}
        if same_environment and cell.get("partial"):
            pages = {**previous["pages"], **cell["pages"]}
            merged[name] = {"environment": cell["environment"], "pages": pages}
        else:
            merged[name] = {"environment": cell["environment"], "pages": cell["pages"]}
    return {"cells": dict(sorted(merged.items()))}


def write_results(path: Path, results: dict) -> None:
    from executed_gallery.compatibility import compact_outputs

    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(
        compact_outputs(results), indent=1, sort_keys=True, ensure_ascii=False
    )
    # A record's list of output numbers on one line, not one line per number.
    text = NUMBER_LIST.sub(
        lambda match: "[" + ", ".join(re.findall(r"-?\d+", match[0])) + "]", text
    )
    path.write_text(text + "\n")


NUMBER_LIST = re.compile(r"\[(?:\s*-?\d+,)*\s*-?\d+\s*\]")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="check the pages in this environment")
    run.add_argument("--cell", required=True, help="the cell's name in range.toml")
    destination = run.add_mutually_exclusive_group()
    destination.add_argument("--results", type=Path, default=RESULTS_FILE)
    destination.add_argument("--output", type=Path, help="write this cell alone here")
    run.add_argument("--root", type=Path, default=REPO_ROOT, help="the site's sources")
    run.add_argument("pages", nargs="*", type=Path, help="pages (default: all)")
    fold = commands.add_parser(
        "merge", help="fold partial results into the results file"
    )
    fold.add_argument("partials", nargs="+", type=Path)
    fold.add_argument("--results", type=Path, default=RESULTS_FILE)
    names = commands.add_parser("cells", help="print the cells' names as JSON")
    names.add_argument("--cuda", action="store_true", help="the cells that need CUDA")
    options = parser.parse_args(argv)

    if options.command == "cells":
        cells = buildable_cells()
        print(
            json.dumps(
                [
                    c["name"]
                    for c in cells
                    if bool(c.get("requires_cuda")) == options.cuda
                ]
            )
        )
        return 0
    if options.command == "merge":
        results = read_results(options.results)
        for partial in options.partials:
            results = merge(results, read_results(partial)["cells"])
        write_results(options.results, results)
        return 0

    root = options.root.resolve()
    pages = [page.resolve() for page in options.pages] or site_pages(root)
    cell = run_cell(options.cell, pages, root)
    if options.pages:
        cell[options.cell]["partial"] = True
    if options.output:
        write_results(options.output, {"cells": cell})
    else:
        write_results(options.results, merge(read_results(options.results), cell))
    failed = [
        key
        for key, record in cell[options.cell]["pages"].items()
        if record["status"] == "fail"
    ]
    print(f"{options.cell}: {len(failed)} of {len(pages)} pages failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
