"""Run gallery examples as plain scripts, the way a reader runs a downloaded one.

    python tools/run_examples.py [--cuda-only] [--one-process] [PATH ...]

By default each script runs as ``python script.py`` runs it, in a process of
its own, from an empty folder, with nothing of this repository importable
(``block_runner.py --plain``). ``--one-process`` runs them all in this
interpreter instead (the benchmark's floor: the cost of the code itself, with
torch imported once). Exits non-zero if any script fails.
"""

from __future__ import annotations

import argparse
import os
import runpy
import sys
import time
from pathlib import Path

from block_runner import run_scripts  # tools/, next to this file
from build_site import literal_setting

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


def run_downloads(scripts: list[Path], jobs: int = os.cpu_count() or 1) -> list[dict]:
    """Run each script as a reader runs its download (block_runner.py --plain),
    ``jobs`` at a time: each one's exit status, stdout, stderr and seconds."""
    return run_scripts(scripts, plain=True, jobs=jobs)


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
        import matplotlib

        matplotlib.use("Agg")
        for script in scripts:
            runpy.run_path(str(script), run_name="__main__")
        print(
            f"ran {len(scripts)} examples in one process in {time.perf_counter() - started:.1f} s"
        )
        return 0

    failures = 0
    # One at a time: the GPU examples measure transfers, and each time printed
    # here is a script's own.
    for script, run in zip(scripts, run_downloads(scripts, jobs=1), strict=True):
        status = "ok" if run["status"] == 0 else f"FAILED (exit {run['status']})"
        print(
            f"=== {script.relative_to(REPO_ROOT)}: {status} in {run['seconds']:.1f} s (measured)"
        )
        print(run["stdout"], end="")
        if run["status"] != 0:
            failures += 1
            print(run["stderr"], end="")
    print(f"{len(scripts) - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
