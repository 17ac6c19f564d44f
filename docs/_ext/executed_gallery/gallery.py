"""The gallery's layout and which of its examples run in this build.

Examples under ``executed_gallery_cuda_dir`` run only where CUDA exists; with
``executed_gallery_require_cuda`` a build fails at the end if any of them did
not run, and so does any build in which an example that should have run
reports no run time.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.errors import ExtensionError


def executed_examples_pattern(cuda_dir: str, cuda_available: bool) -> str:
    """Return sphinx-gallery's ``filename_pattern`` for this machine.

    Every ``plot_*.py`` is executed, except those under ``cuda_dir`` where
    CUDA is absent: those are rendered with their code and downloads only.
    """
    if cuda_available:
        return r"[\\/]plot_[^\\/]*\.py$"
    return rf"^(?!.*[\\/]{re.escape(cuda_dir)}[\\/]).*[\\/]plot_[^\\/]*\.py$"


def gallery_dir_pairs(srcdir, config) -> list[tuple[Path, Path]]:
    """Return ``(examples_dir, gallery_dir)`` pairs as absolute paths."""
    conf = config.sphinx_gallery_conf
    examples_dirs, gallery_dirs = conf["examples_dirs"], conf["gallery_dirs"]
    if isinstance(examples_dirs, str):
        examples_dirs, gallery_dirs = [examples_dirs], [gallery_dirs]
    return [
        ((Path(srcdir) / src).resolve(), (Path(srcdir) / out).resolve())
        for src, out in zip(examples_dirs, gallery_dirs, strict=True)
    ]


def example_pages(srcdir, config) -> dict[Path, str]:
    """``{script: the docname of its page}`` for every example, in a stable order."""
    srcdir = Path(srcdir).resolve()
    found = {}
    for examples_dir, gallery_dir in gallery_dir_pairs(srcdir, config):
        for script in sorted(examples_dir.rglob("plot_*.py")):
            page = gallery_dir / script.relative_to(examples_dir).with_suffix("")
            found[script] = page.relative_to(srcdir).as_posix()
    return found


def plot_gallery_enabled(config) -> bool:
    """Whether this build runs examples: sphinx-gallery's own parsed setting.

    sphinx-gallery parses ``plot_gallery`` (``-D plot_gallery=0``) into its
    configuration at builder-inited, priority 10; every caller runs later.
    """
    return bool(config.sphinx_gallery_conf["plot_gallery"])


def example_source(srcdir, config, docname: str) -> Path | None:
    """Return the source behind a generated gallery page: a script, or a section header."""
    page = (Path(srcdir) / docname).resolve()
    for examples_dir, gallery_dir in gallery_dir_pairs(srcdir, config):
        if page.is_relative_to(gallery_dir):
            relative = page.relative_to(gallery_dir)
            script = examples_dir / relative.with_suffix(".py")
            if script.is_file():
                return script
            if relative.name == "index":
                return examples_dir / relative.parent / "GALLERY_HEADER.rst"
    return None


def in_cuda_section(srcdir, config, script: Path) -> bool:
    """Whether a script sits in the gallery section of CUDA examples."""
    for examples_dir, _ in gallery_dir_pairs(srcdir, config):
        if script.is_relative_to(examples_dir):
            parts = script.relative_to(examples_dir).parts
            return config.executed_gallery_cuda_dir in parts
    return False


def runs_in_this_build(config, script: Path) -> bool:
    """Whether sphinx-gallery runs this script in the build under way."""
    pattern = config.sphinx_gallery_conf["filename_pattern"]
    return plot_gallery_enabled(config) and re.search(pattern, str(script)) is not None


def check_every_executed_example_ran(app: Sphinx, exception) -> None:
    """Fail when an example that should have run did not, or reports no run time.

    sphinx-gallery writes an example's ``.cost.json`` each time it runs it; a
    page whose run time is zero shows output that no run of this build made.
    Its ``junit`` report cannot replace this: it lists only the examples run in
    this build, and a cached page is the one to vouch for.
    """
    if exception is not None or not plot_gallery_enabled(app.config):
        return
    if app.builder.name not in {"html", "dirhtml", "singlehtml"}:
        return
    problems = []
    require_cuda = app.config.executed_gallery_require_cuda
    for script, docname in example_pages(app.srcdir, app.config).items():
        if not runs_in_this_build(app.config, script):
            if require_cuda and in_cuda_section(app.srcdir, app.config, script):
                problems.append(f"{script}: was not executed")
            continue
        cost = Path(app.srcdir, docname + ".cost.json")
        seconds = json.loads(cost.read_text())["time"] if cost.is_file() else 0.0
        if seconds <= 0:
            problems.append(f"{script}: reports no run time, so it did not really run")
    if problems:
        raise ExtensionError(
            "executed_gallery: examples that should have run did not:\n  "
            + "\n  ".join(problems)
        )
