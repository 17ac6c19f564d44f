"""Build the site: every language edition, strict, published only when the build passed.

``nox -s docs`` runs this; so do the tests and the benchmark. Usage::

    python tools/build_site.py [--require-cuda] [--language LANG ...] [SPHINX-BUILD ARGS ...]

Each edition is built into ``_build/work/html/LANG`` (kept between builds, so
rebuilds are incremental) and copied to ``_build/html/LANG`` only when
sphinx-build succeeded. After a failed build, ``_build/html`` still holds the
last good build, untouched. Arguments this script does not know go to
sphinx-build unchanged, so an unknown option fails there, by name.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("en", "zh_CN")

ROOT_REDIRECT = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Tensor Conversions</title>
<meta http-equiv="refresh" content="0; url=en/">
<link rel="canonical" href="en/">
</head>
<body>
<p><a href="en/">Tensor Conversions (English)</a> · <a href="zh_CN/">张量转换(简体中文)</a></p>
</body>
</html>
"""


def available_languages(root: Path = REPO_ROOT) -> list[str]:
    """English, plus every language that has a catalog folder."""
    return [
        language
        for language in LANGUAGES
        if language == "en" or (root / "docs" / "locale" / language).is_dir()
    ]


def gallery_jobs() -> int:
    """Worker processes for the examples: one per core above two, at most four."""
    cores = os.cpu_count() or 1
    return 1 if cores <= 2 else min(cores, 4)


def cuda_is_available() -> bool:
    import torch

    return torch.cuda.is_available()


def sphinx_command(
    root: Path, language: str, extra: list[str], require_cuda: bool
) -> list[str]:
    command = [
        sys.executable, "-m", "sphinx",
        "-b", "html",
        "-c", str(root),  # conf.py sits at the repository root
        str(root / "docs"),
        str(root / "_build" / "work" / "html" / language),
        "-d", str(root / "_build" / "doctrees" / language),  # one environment per edition
        "-n",  # nitpicky: warn about every reference that does not resolve
        "-W",  # warnings are errors
        "--keep-going",  # report every problem before failing
        "-D", f"language={language}",
    ]  # fmt: skip
    if require_cuda:
        command += ["-D", "executed_gallery_require_cuda=1"]
    return command + extra


def publish(root: Path, language: str) -> None:
    """Replace ``_build/html/LANG`` with the freshly built edition, all at once."""
    built = root / "_build" / "work" / "html" / language
    published = root / "_build" / "html" / language
    incoming = published.with_name(f".{language}.incoming")
    outgoing = published.with_name(f".{language}.outgoing")
    for leftover in (incoming, outgoing):
        shutil.rmtree(leftover, ignore_errors=True)
    shutil.copytree(built, incoming, ignore=shutil.ignore_patterns(".doctrees"))
    if published.exists():
        published.rename(outgoing)
    incoming.rename(published)
    shutil.rmtree(outgoing, ignore_errors=True)
    (root / "_build" / "html" / "index.html").write_text(ROOT_REDIRECT)
    (root / "_build" / "html" / ".nojekyll").touch()


def build(
    root: Path = REPO_ROOT,
    languages: list[str] | None = None,
    extra: list[str] | None = None,
    require_cuda: bool = False,
    env: dict[str, str] | None = None,
) -> int:
    """Build and publish each edition in turn; return sphinx-build's exit status."""
    if require_cuda and not cuda_is_available():
        print(
            "build_site: --require-cuda was given, but torch sees no CUDA device "
            "on this machine. Nothing was built.",
            file=sys.stderr,
        )
        return 2
    run_env = {**os.environ, "GALLERY_JOBS": str(gallery_jobs()), **(env or {})}
    for language in languages or available_languages(root):
        started = time.perf_counter()
        command = sphinx_command(root, language, list(extra or []), require_cuda)
        status = subprocess.call(command, cwd=root, env=run_env)
        if status != 0:
            print(
                f"build_site: the {language} edition failed (exit {status}). "
                f"_build/html/{language} still holds the last good build.",
                file=sys.stderr,
            )
            return status
        publish(root, language)
        seconds = time.perf_counter() - started
        print(
            f"build_site: {language} edition built in {seconds:.1f} s -> _build/html/{language}/"
        )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--require-cuda",
        action="store_true",
        help="fail at once without CUDA, and fail if any CUDA example did not run",
    )
    parser.add_argument(
        "--language",
        action="append",
        choices=LANGUAGES,
        help="build only this edition (repeatable); default: every edition",
    )
    options, extra = parser.parse_known_args(argv)
    return build(
        languages=options.language, extra=extra, require_cuda=options.require_cuda
    )


if __name__ == "__main__":
    sys.exit(main())
