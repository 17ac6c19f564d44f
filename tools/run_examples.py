"""Run gallery examples as plain scripts, the way a reader runs a downloaded one.

    python tools/run_examples.py [--cuda-only] [--one-process] [PATH ...]

By default each script runs in its own ``python`` process, from a temporary
folder, so nothing in this repository is importable from it. ``--one-process``
runs them all in this interpreter instead (the benchmark's floor: the cost of
the code itself, with torch imported once). Exits non-zero if any script fails.
"""

from __future__ import annotations

import argparse
import os
import runpy
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from build_site import literal_setting  # tools/, next to this file

REPO_ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = REPO_ROOT / "examples"
# The one setting that says which examples need CUDA: conf.py's.
CUDA_DIR = literal_setting("executed_gallery_cuda_dir")


def needs_cuda(script: Path, examples: Path = EXAMPLES) -> bool:
    return CUDA_DIR in script.relative_to(examples).parts


def example_scripts(cuda_only: bool = False, examples: Path = EXAMPLES) -> list[Path]:
    scripts = sorted(examples.rglob("plot_*.py"))
    if cuda_only:
        scripts = [path for path in scripts if needs_cuda(path, examples)]
    return scripts


def run_standalone(script: Path, timeout: float = 300) -> subprocess.CompletedProcess:
    """Run one script with plain python, from an empty folder, capturing its output."""
    with tempfile.TemporaryDirectory() as workdir:
        return subprocess.run(
            [sys.executable, str(script)],
            cwd=workdir,
            capture_output=True,
            text=True,
            timeout=timeout,
            env={**os.environ, "MPLBACKEND": "Agg"},
        )


def run_in_this_process(scripts: list[Path]) -> None:
    import matplotlib

    matplotlib.use("Agg")
    for script in scripts:
        runpy.run_path(str(script), run_name="__main__")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cuda-only", action="store_true", help="only examples/gpu/")
    parser.add_argument(
        "--one-process", action="store_true", help="run all in this process"
    )
    parser.add_argument("paths", nargs="*", type=Path, help="scripts (default: all)")
    options = parser.parse_args(argv)
    scripts = [path.resolve() for path in options.paths] or example_scripts(
        options.cuda_only
    )

    if options.one_process:
        started = time.perf_counter()
        run_in_this_process(scripts)
        print(
            f"ran {len(scripts)} examples in one process in {time.perf_counter() - started:.1f} s"
        )
        return 0

    failures = 0
    for script in scripts:
        started = time.perf_counter()
        result = run_standalone(script)
        seconds = time.perf_counter() - started
        status = (
            "ok" if result.returncode == 0 else f"FAILED (exit {result.returncode})"
        )
        print(
            f"=== {script.relative_to(REPO_ROOT)}: {status} in {seconds:.1f} s (measured)"
        )
        print(result.stdout, end="")
        if result.returncode != 0:
            failures += 1
            print(result.stderr, end="")
    print(f"{len(scripts) - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
