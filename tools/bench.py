"""Measure what a build costs: cold, no-op, one edit, environment change, floor.

    python tools/bench.py [--repeat N] [--keep] [--write-readme]

Every measurement runs on a fresh copy of the site's sources in a temporary
folder, never on this checkout's ``_build``. Prints a Markdown table. Timings
are wall-clock seconds on this machine, the median of ``--repeat`` runs (a
small shared machine is noisy); the counts of executed examples and notebooks
are exact, and the same in every run. ``--write-readme`` puts the table into
README.md, between its bench markers, instead of printing it alone.

The "fresh clone" rows time what the README asks of a newcomer: in a clean
clone of this repository's HEAD, a new virtual environment gets
``pip install "nox[uv]"``, then that nox runs ``nox -s docs -- --language en``,
creating its environment and installing the pins. With a warm package cache,
and with an empty one (every package downloaded except what lies on disk).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import build_site  # tools/, next to this file
import run_examples

REPO_ROOT = Path(__file__).resolve().parent.parent
EXAMPLES_EXECUTED = re.compile(r"Sphinx-Gallery successfully executed (\d+) out of")
# myst-nb runs a notebook page itself, or finds it run beside the examples.
NOTEBOOK_EXECUTED = re.compile(r"Executing notebook using|early_notebooks: executed ")


@dataclass
class Measurement:
    name: str
    seconds: float
    examples: int | None = None
    notebooks: int | None = None
    note: str = ""


def timed_build(
    root: Path, name: str, *args: str, env: dict | None = None
) -> Measurement:
    """Run tools/build_site.py in ``root`` and count what it executed."""
    command = [sys.executable, str(root / "tools" / "build_site.py"), *args]
    started = time.perf_counter()
    result = subprocess.run(
        command,
        cwd=root,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
    )
    return counted(name, result, time.perf_counter() - started)


def counted(name: str, result, seconds: float, note: str = "") -> Measurement:
    """A build's time, and the examples and notebooks its output says it executed."""
    output = result.stdout + result.stderr
    if result.returncode != 0:
        raise RuntimeError(f"{name}: the build failed:\n{output[-3000:]}")
    examples = sum(int(count) for count in EXAMPLES_EXECUTED.findall(output))
    notebooks = len(NOTEBOOK_EXECUTED.findall(output))
    return Measurement(name, seconds, examples, notebooks, note)


def example_to_edit(root: Path) -> Path:
    """A typical example, the first of the first section (not the slow cost one)."""
    scripts = run_examples.example_scripts(examples=root / "examples")
    typical = [path for path in scripts if path.parent.name == "tensor_to_numpy"]
    return (typical or scripts)[0]


def measure_floor(root: Path) -> Measurement:
    """Examples once in one interpreter, plus a build that executes no example."""
    examples = root / "examples"
    scripts = [
        str(path)
        for path in run_examples.example_scripts(examples=examples)
        if not run_examples.needs_cuda(path, examples)
    ]
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            str(root / "tools" / "run_examples.py"),
            "--one-process",
            *scripts,
        ],
        cwd=root,
        check=True,
        capture_output=True,
    )
    scripts_seconds = time.perf_counter() - started
    build = timed_build(root, "floor", "--language", "en", "-D", "plot_gallery=0")
    return Measurement(
        "floor",
        scripts_seconds + build.seconds,
        0,
        build.notebooks,
        f"{scripts_seconds:.1f} s of examples in one process "
        f"+ {build.seconds:.1f} s of build without gallery execution",
    )


def measure_nox_overhead(root: Path) -> Measurement | None:
    """A no-op ``nox -s docs`` with the docs venv reused, if this checkout has one."""
    envdir = REPO_ROOT / ".nox"
    nox = shutil.which("nox")
    if nox is None or not (envdir / "docs").is_dir():
        return None
    shutil.copy2(REPO_ROOT / "noxfile.py", root / "noxfile.py")
    for name in ("requirements.txt", "constraints.txt"):
        shutil.copy2(REPO_ROOT / name, root / name)
    command = [nox, "--envdir", str(envdir), "-s", "docs", "--", "--language", "en"]
    # The first run settles the build in that venv; the second is the one measured.
    subprocess.run(command, cwd=root, check=True, capture_output=True)
    started = time.perf_counter()
    subprocess.run(command, cwd=root, check=True, capture_output=True)
    seconds = time.perf_counter() - started
    return Measurement("nox -s docs, no-op", seconds)


README = REPO_ROOT / "README.md"
README_TABLE = re.compile(r"(<!-- bench:start -->\n).*?(<!-- bench:end -->)", re.DOTALL)
# The README's install line, as a newcomer runs it (kept in step by a test).
NOX_REQUIREMENT = "nox[uv]"


def measure_fresh_clone(workdir: Path, name: str, cold_cache: bool) -> Measurement:
    """The README's two set-up steps in a clean clone, environments included."""
    clone = workdir / "clone"
    subprocess.run(["git", "clone", "-q", str(REPO_ROOT), str(clone)], check=True)
    env = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    if cold_cache:
        env["UV_CACHE_DIR"] = str(workdir / "uv-cache")
        env["PIP_NO_CACHE_DIR"] = "1"
    tool_venv = workdir / "nox-venv"
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "venv", str(tool_venv)], check=True)
    python = tool_venv / "bin" / "python"
    subprocess.run(
        [python, "-m", "pip", "install", "-q", NOX_REQUIREMENT], check=True, env=env
    )
    installed = time.perf_counter() - started
    result = subprocess.run(
        [python, "-m", "nox", "-s", "docs", "--", "--language", "en"],
        cwd=clone,
        capture_output=True,
        text=True,
        env=env,
    )
    note = f"{installed:.1f} s to install nox, then nox -s docs"
    return counted(name, result, time.perf_counter() - started, note)


def measure_once(workdir: Path, source: Path, with_nox: bool) -> list[Measurement]:
    results = []
    english = build_site.copy_site_sources(workdir / "english", source)
    if (english / "docs" / "locale").exists():
        shutil.rmtree(english / "docs" / "locale")  # English alone: the baseline
    cold = timed_build(english, "cold (en)", "--language", "en")
    results.append(cold)
    no_op = timed_build(english, "no-op (en)", "--language", "en")
    results.append(no_op)

    edited = example_to_edit(english)
    edited.write_text(edited.read_text() + "\n# edited by the benchmark\n")
    one_edit = timed_build(english, "one edit (en)", "--language", "en")
    one_edit.note = f"edited {edited.relative_to(english / 'examples')}"
    results.append(one_edit)

    salt = {"EXECUTED_GALLERY_SALT": "benchmark"}
    results.append(
        timed_build(english, "env change (en)", "--language", "en", env=salt)
    )

    results.append(
        measure_floor(build_site.copy_site_sources(workdir / "floor", source))
    )

    if (source / "docs" / "locale").is_dir():
        results.append(
            timed_build(
                build_site.copy_site_sources(workdir / "both", source),
                "cold (en + zh_CN)",
            )
        )

    nox_run = measure_nox_overhead(english) if with_nox else None
    if nox_run is not None:
        results.append(nox_run)
    if with_nox:
        # The cold-cache clone first: it must not profit from the warm one.
        for cold_cache in (True, False):
            cache = "empty" if cold_cache else "warm"
            results.append(
                measure_fresh_clone(
                    workdir / f"clone-{cache}",
                    f"fresh clone to built site (en), {cache} package cache",
                    cold_cache,
                )
            )
    return results


def median_rows(runs: list[list[Measurement]]) -> list[Measurement]:
    """One row per build: the median time; counts and notes from the first run."""
    rows = []
    for same_build in zip(*runs, strict=True):
        first = same_build[0]
        seconds = statistics.median(row.seconds for row in same_build)
        rows.append(
            Measurement(
                first.name, seconds, first.examples, first.notebooks, first.note
            )
        )
    return rows


def measure(
    workdir: Path, source: Path = REPO_ROOT, repeat: int = 1, with_nox: bool = True
) -> list[Measurement]:
    runs = [
        measure_once(workdir / f"run{index}", source, with_nox)
        for index in range(repeat)
    ]
    results = median_rows(runs)
    by_name = {row.name: row for row in results}
    cold, floor, no_op = by_name["cold (en)"], by_name["floor"], by_name["no-op (en)"]
    cold.note = f"{cold.seconds / floor.seconds:.2f}x the floor"
    no_op.note = f"{100 * no_op.seconds / cold.seconds:.0f}% of cold"
    if "cold (en + zh_CN)" in by_name:
        both = by_name["cold (en + zh_CN)"]
        both.note = f"{both.seconds / cold.seconds:.2f}x the English-only cold build"
    if "nox -s docs, no-op" in by_name:
        nox_run = by_name["nox -s docs, no-op"]
        nox_run.note = (
            f"{nox_run.seconds - no_op.seconds:+.1f} s over the no-op build itself"
        )
    return results


def markdown_table(results: list[Measurement]) -> str:
    lines = [
        "| build | seconds | examples executed | notebooks executed | note |",
        "| --- | ---: | ---: | ---: | --- |",
    ]
    for row in results:
        examples = "" if row.examples is None else str(row.examples)
        notebooks = "" if row.notebooks is None else str(row.notebooks)
        lines.append(
            f"| {row.name} | {row.seconds:.1f} | {examples} | {notebooks} | {row.note} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per build (median)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary copies")
    parser.add_argument(
        "--write-readme", action="store_true", help="put the table into README.md"
    )
    options = parser.parse_args(argv)
    workdir = Path(tempfile.mkdtemp(prefix="site-bench-"))
    try:
        results = measure(workdir, repeat=options.repeat)
    finally:
        if not options.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    import torch

    heading = (
        f"Measured on {os.cpu_count()} cores, Python {sys.version.split()[0]}, "
        f"torch {torch.__version__}, {time.strftime('%Y-%m-%d')}, "
        f"median of {options.repeat} runs:"
    )
    table = f"{heading}\n\n{markdown_table(results)}\n"
    print("\n" + table)
    if options.write_readme:
        text = README.read_text()
        if not README_TABLE.search(text):
            raise SystemExit("README.md has no <!-- bench:start --> marker")
        README.write_text(README_TABLE.sub(lambda m: m[1] + table + m[2], text))
    return 0


if __name__ == "__main__":
    sys.exit(main())
