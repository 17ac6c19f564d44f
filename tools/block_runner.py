"""Run example scripts as a reader runs a download, each in a process of its
own, and record what each code block printed.

    python -I tools/block_runner.py [--plain] [--jobs N] REPORT.json SCRIPT ...

Each script runs from an empty folder of its own, in a process forked from this
one (``-I``: nothing from this repository is importable), ``N`` at a time. This
process imports IMPORTED_FIRST before it forks: a fresh interpreter for each
script would spend most of its time (1.5 of about 2 CPU-seconds) importing
torch again. It runs no torch operation, so no thread pool or device is forked.

A script runs the way its page shows it: cut where sphinx-gallery cuts it
(``# %%``), every part in one namespace named ``__main__``, and, as
``capture_repr`` in conf.py makes the page do, a part that ends in a bare
expression prints that value's repr. Per code block it records the block's
stdout, the warnings that reached no ``catch_warnings`` (a reader sees them on
stderr), and the error that stopped the script, if any. With ``--plain`` it runs
as ``python SCRIPT`` runs it, whole, and records no blocks.

REPORT.json gets, per script: its exit status (1 where it raised, ``-SIGALRM``
where it ran past its time limit), stdout, stderr, measured seconds, and its
blocks. It needs the standard library only, so that it runs in any environment
the grid has, a GPU machine without Sphinx included.
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import io
import json
import os
import runpy
import signal
import subprocess
import sys
import tempfile
import time
import traceback
import warnings

SEPARATOR = "# %%"
# What every example imports first.
IMPORTED_FIRST = ("numpy", "torch")


def script_parts(source: str) -> list[tuple[int, str]]:
    """The script cut at every ``# %%`` line: (first line number, text) each.

    A part after a separator opens with the comment block that the page shows
    as text; comments run as nothing, so each part runs as it stands.
    """
    parts, start, lines = [], 1, []
    for number, line in enumerate(source.splitlines(keepends=True), start=1):
        if line.rstrip() == SEPARATOR or line.startswith(SEPARATOR + " "):
            parts.append((start, "".join(lines)))
            start, lines = number, []
        lines.append(line)
    parts.append((start, "".join(lines)))
    return parts


def code_parts(source: str) -> list[tuple[int, ast.Module]]:
    """The parts that hold code (sphinx-gallery's code blocks, in order), parsed
    with the line numbers they have in the script, the docstring left out."""
    blocks = []
    for start, text in script_parts(source):
        tree = ast.parse("\n" * (start - 1) + text)
        body = tree.body
        if start == 1 and body and isinstance(body[0], ast.Expr):
            if isinstance(body[0].value, ast.Constant) and isinstance(
                body[0].value.value, str
            ):
                body = body[1:]  # the module docstring: the page's title and text
        if body:
            blocks.append((start, ast.Module(body=body, type_ignores=[])))
    return blocks


def warning_line(message: warnings.WarningMessage) -> str:
    first = str(message.message).splitlines()[0] if str(message.message) else ""
    return f"{message.category.__name__}: {first}"


def run_blocks(path: str) -> tuple[list[dict], int]:
    """Run the script's code blocks in order; per block, what it printed."""
    with open(path, encoding="utf-8") as handle:
        source = handle.read()
    namespace = {"__name__": "__main__", "__file__": path, "__builtins__": __builtins__}
    records: list[dict] = []
    for _, tree in code_parts(source):
        last = tree.body[-1]
        value_expression = None
        if isinstance(last, ast.Expr):
            tree = ast.Module(body=tree.body[:-1], type_ignores=[])
            value_expression = ast.Expression(body=last.value)
        stdout = io.StringIO()
        record: dict = {}
        with warnings.catch_warnings(record=True) as loose_warnings:
            try:
                with contextlib.redirect_stdout(stdout):
                    exec(compile(tree, path, "exec"), namespace)
                    if value_expression is not None:
                        value = eval(compile(value_expression, path, "eval"), namespace)
                        if value is not None:
                            print(repr(value))
            except BaseException as error:  # noqa: BLE001 - the page's error is the record
                first = str(error).splitlines()[0] if str(error) else ""
                record["error"] = f"{type(error).__name__}: {first}"
                traceback.print_exc()
        record["out"] = stdout.getvalue()
        if loose_warnings:
            record["warnings"] = [warning_line(message) for message in loose_warnings]
        sys.stdout.write(record["out"])
        records.append(record)
        if "error" in record:
            return records, 1
    return records, 0


def run_plain(path: str) -> int:
    """Run the script as ``python path`` does; its exit status."""
    try:
        runpy.run_path(path, run_name="__main__")
    except SystemExit as stop:  # as the interpreter reads it
        if stop.code is None or isinstance(stop.code, int):
            return stop.code or 0
        print(stop.code, file=sys.stderr)
        return 1
    except BaseException as error:  # noqa: BLE001 - what `python path` prints
        traceback.print_exception(error)
        return 1
    return 0


def run_in_fork(script: str, folder: str, plain: bool, time_limit: int) -> None:
    """In a forked process: run the script from folder/cwd, with its stdout and
    stderr (C-level writes too) going to files in folder; exit."""
    signal.alarm(time_limit)  # its default action ends this process
    os.chdir(os.path.join(folder, "cwd"))
    for stream in (sys.stdout, sys.stderr):
        name = os.path.join(folder, "stdout" if stream is sys.stdout else "stderr")
        descriptor = os.open(name, os.O_WRONLY | os.O_CREAT)
        os.dup2(descriptor, stream.fileno())
        os.close(descriptor)
    sys.argv = [script]
    if plain:
        status = run_plain(script)
    else:
        records, status = run_blocks(script)
        with open(os.path.join(folder, "blocks.json"), "w", encoding="utf-8") as out:
            json.dump(records, out, ensure_ascii=False)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)


def fork_each(scripts: list[str], plain: bool, jobs: int, time_limit: int) -> list:
    """Run each script in a process forked from this one, jobs at a time."""
    for name in IMPORTED_FIRST:
        with contextlib.suppress(ImportError):  # then each script imports it
            __import__(name)
    # Each script's folder, its empty working folder and its output files.
    with tempfile.TemporaryDirectory() as work:
        running: dict[int, tuple[int, float]] = {}
        runs: list[dict] = [{} for _ in scripts]

        def collect_one() -> None:
            pid, wait_status = os.wait()
            number, started = running.pop(pid)
            run = {"status": os.waitstatus_to_exitcode(wait_status)}
            for name in ("stdout", "stderr", "blocks.json"):
                path = os.path.join(work, str(number), name)
                if os.path.isfile(path):
                    with open(path, encoding="utf-8", errors="replace") as handle:
                        run[name] = handle.read()
            run["seconds"] = round(time.perf_counter() - started, 2)
            if "blocks.json" in run:
                run["blocks"] = json.loads(run.pop("blocks.json"))
            runs[number] = run

        for number, script in enumerate(scripts):
            if len(running) >= jobs:
                collect_one()
            folder = os.path.join(work, str(number))
            os.makedirs(os.path.join(folder, "cwd"))
            sys.stdout.flush()
            sys.stderr.flush()
            pid = os.fork()
            if pid == 0:
                try:
                    run_in_fork(script, folder, plain, time_limit)
                finally:  # never back into this loop, nor out of it
                    os._exit(1)
            running[pid] = (number, time.perf_counter())
        while running:
            collect_one()
        return runs


def run_scripts(
    scripts: list, plain: bool = False, jobs: int = 1, time_limit: int = 300
) -> list[dict]:
    """This runner's report on scripts, run as the module docstring says, from a
    process of its own that this one starts."""
    with tempfile.TemporaryDirectory() as folder:
        report = os.path.join(folder, "report.json")
        options = ["--plain"] * plain + ["--jobs", str(jobs)]
        options += ["--time-limit", str(time_limit)]
        command = [sys.executable, "-I", __file__, *options, report, *map(str, scripts)]
        subprocess.run(
            command, cwd=folder, check=True, env={**os.environ, "MPLBACKEND": "Agg"}
        )
        with open(report, encoding="utf-8") as handle:
            return json.load(handle)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plain", action="store_true", help="record no blocks")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--time-limit", type=int, default=300, help="per script, s")
    parser.add_argument("report")
    parser.add_argument("scripts", nargs="+")
    options = parser.parse_args(argv)
    runs = fork_each(options.scripts, options.plain, options.jobs, options.time_limit)
    with open(options.report, "w", encoding="utf-8") as handle:
        json.dump(runs, handle, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
