"""Copies of the site, built in temporary folders the way a reader builds it:
the whole site, small sites made for one test, and the tiny build
(tests/tinybuild/)."""

from __future__ import annotations

import dataclasses
import functools
import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
import uuid
from pathlib import Path

from bs4 import BeautifulSoup

import build_site
import compat

REPO_ROOT = Path(__file__).resolve().parent.parent


def parse_html(path: Path) -> BeautifulSoup:
    """A page of a site, parsed with lxml."""
    return BeautifulSoup(path.read_bytes(), "lxml")


@functools.cache
def built_page(path: Path) -> BeautifulSoup:
    """A page of ``built_site``, parsed once for every test that reads it.

    Only for a site that no test changes after its build: callers must not
    modify the tree they get.
    """
    return parse_html(path)


def example_page(script: Path) -> str:
    """An example's page, relative to an edition: ``auto_examples/<section>/<stem>.html``."""
    relative = script.relative_to(REPO_ROOT / "examples").with_suffix(".html")
    return f"auto_examples/{relative.as_posix()}"


# Sphinx curls the quotes of the prose that a page prints; a script leaves them.
STRAIGHT_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"'})
# Lines that describe the process that ran the page (the build's example
# workers run torch with one thread, a reader's process with every core):
# the grid's word for them.
MACHINE_DEPENDENT = compat.MEASURED


def flat(text: str) -> str:
    """Text with its quotes straight and its whitespace one space."""
    return " ".join(text.translate(STRAIGHT_QUOTES).split())


def page_outputs(page: BeautifulSoup) -> list[str]:
    """What each code block of a built page printed, in order ("" for nothing),
    flat. On a myst-nb page, cross-references are left out: the page shows the
    title of the page they name, which a notebook's run cannot know. (They are
    emptied in the tree: give it a myst-nb page parsed for the caller alone,
    parse_html; a gallery page is left as it is.)"""
    cells = page.select("div.cell")  # a myst-nb page
    if cells:
        outputs = []
        for cell in cells:
            for reference in cell.select("div.cell_output span.doc, span.std-ref"):
                reference.string = ""
            texts = [out.get_text(" ") for out in cell.select("div.cell_output")]
            outputs.append(flat(" ".join(texts)))
        return outputs
    outputs = []  # a gallery page: each output block follows its code block
    for block in page.select("div.highlight-Python, div.sphx-glr-script-out"):
        if "highlight-Python" in block["class"]:
            outputs.append("")
        else:
            outputs[-1] = flat(block.get_text())
    return outputs


def code_blocks(script: Path) -> list[str]:
    """The script's code blocks, as sphinx-gallery splits it into its page and
    its notebook's cells."""
    from sphinx_gallery.py_source_parser import split_code_and_text_blocks

    _, blocks = split_code_and_text_blocks(script)
    return [block.content for block in blocks if block.type == "code"]


# The page that the browser and notebook tests open when one example stands for all.
FROM_NUMPY_PAGE = "auto_examples/numpy_to_tensor/plot_01_from_numpy.html"


def copy_site(destination: Path) -> Path:
    """Copy the site's sources (not its build products) into ``destination``."""
    return build_site.copy_site_sources(destination)


def make_small_site(
    destination: Path, examples: dict[str, str], pages: dict[str, str] | None = None
) -> Path:
    """A site with the real conf.py and extension, but only the given examples and pages.

    ``examples`` maps paths under ``examples/`` to script text; ``pages`` maps
    paths under ``docs/`` to MyST text. Small enough to build in seconds.
    """
    copy_site(destination)
    shutil.rmtree(destination / "examples")
    for name in list((destination / "docs").glob("*.md")):
        name.unlink()
    shutil.rmtree(destination / "docs" / "locale", ignore_errors=True)
    (destination / "examples").mkdir()
    (destination / "examples" / "GALLERY_HEADER.rst").write_text("Examples\n========\n")
    for relative, text in examples.items():
        path = destination / "examples" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        header = path.parent / "GALLERY_HEADER.rst"
        if not header.exists():
            header.write_text(f"{path.parent.name}\n{'-' * len(path.parent.name)}\n")
        path.write_text(textwrap.dedent(text))
    toctree = [
        "auto_examples/index",
        *[Path(p).with_suffix("").as_posix() for p in pages or {}],
    ]
    index = "# Small site\n\n```{toctree}\n" + "\n".join(toctree) + "\n```\n"
    (destination / "docs" / "index.md").write_text(index)
    for relative, text in (pages or {}).items():
        (destination / "docs" / relative).write_text(textwrap.dedent(text))
    return destination


def notebook_page(title: str, code: str) -> str:
    """A MyST page that myst-nb executes: one code cell under a title."""
    return (
        "---\nfile_format: mystnb\nkernelspec:\n  name: python3\n"
        "  display_name: Python 3\n  language: python\n---\n\n"
        f"# {title}\n\n```{{code-cell}} ipython3\n{code}\n```\n"
    )


TINYBUILD = Path(__file__).parent / "tinybuild"
GOOD_EXAMPLE = (TINYBUILD / "examples/tensor_to_numpy/plot_01_good.py").read_text()
# The good example under other titles, for the compatibility lines (write_grid).
RETITLED_EXAMPLES = {
    "plot_05_changed_since.py": GOOD_EXAMPLE.replace("Add one", "Add six"),
    "plot_06_fails_somewhere.py": GOOD_EXAMPLE.replace("Add one", "Add two"),
}
# The good example, each changed in the one way that must fail a build.
BROKEN_EXAMPLES = {
    "plot_07_raises.py": GOOD_EXAMPLE.replace(
        "tensor.add_(1)", "tensor.numpy(force=False, bogus=1)"
    ),
    "plot_08_wrong_claim.py": GOOD_EXAMPLE.replace("[1.0, 1.0]", "[2.0, 2.0]"),
    "plot_09_no_error.py": GOOD_EXAMPLE
    + """
try:
    tensor.numpy()
except RuntimeError as error:
    print(f"{type(error).__name__}: {error}")
else:
    raise AssertionError("numpy() was expected to refuse this tensor")
""",
    "plot_10_syntax_error.py": GOOD_EXAMPLE.replace("tensor.add_(1)", "tensor.add_(1"),
    "plot_11_hangs.py": GOOD_EXAMPLE.replace(
        "tensor.add_(1)", "import time\n\ntime.sleep(600)"
    ),
}


# Where a fork's hosted workflow says its site lives (.github/workflows/docs.yml):
# the site that the tests build carries these in every repository and hosted link.
FORK_SITE = {
    "SITE_REPOSITORY_URL": "https://github.com/a-fork-owner/tensor-conversions-fork",
    "SITE_BRANCH": "fork-main",
    "SITE_HOSTED_URL": "https://a-fork-owner.github.io/tensor-conversions-fork",
}


# Build settings of a laptop: no hosted site, no repository (the workflow sets them).
LOCAL_BUILD = {"SITE_REPOSITORY_URL": "", "SITE_BRANCH": "", "SITE_HOSTED_URL": ""}


def run_build(root: Path, *arguments: str, env: dict | None = None) -> Build:
    """Run tools/build_site.py in ``root``, as a reader does; capture what it prints."""
    result = subprocess.run(
        [sys.executable, str(root / "tools" / "build_site.py"), *arguments],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, **(env or {})},
    )
    return Build(result.returncode, result.stdout + result.stderr)


@dataclasses.dataclass
class Build:
    status: int
    output: str


# -- The tiny build ----------------------------------------------------------------


@dataclasses.dataclass
class Tinybuild:
    """tests/tinybuild built in turn: cold, unchanged, in another environment, broken
    and edited (see build_tinybuild)."""

    root: Path
    cold: Build
    unchanged: Build
    other_environment: Build
    broken: Build
    # What the tests compare between builds, read after each.
    tokens: dict[str, tuple[str, str]]
    left_running: list[str]
    published_before_broken: str

    @property
    def html(self) -> Path:
        """The site as published by the last build that passed."""
        return self.root / "_build" / "html"

    @property
    def cold_html(self) -> Path:
        """The site as the first build published it: a local build."""
        return self.root / "_build" / "cold-html"


TOKEN_PAGES = ("auto_examples/tensor_to_numpy/plot_04_token.html", "probe.html")
GOOD_PAGE = "auto_examples/tensor_to_numpy/plot_01_good.html"


def make_tinybuild(destination: Path) -> Path:
    """The real conf.py and extensions with tests/tinybuild's examples and pages,
    and the site's own compatibility page with a grid written for them."""
    examples = TINYBUILD / "examples"
    scripts = {
        path.relative_to(examples).as_posix(): path.read_text()
        for path in sorted(examples.rglob("*.py"))
    }
    for name, text in RETITLED_EXAMPLES.items():
        scripts[f"tensor_to_numpy/{name}"] = text
    # The GPU page again, with no GPU output recorded for it.
    scripts["gpu/plot_02_not_recorded.py"] = scripts["gpu/plot_01_on_gpu.py"]
    root = make_small_site(
        destination,
        scripts,
        {
            "probe.md": (TINYBUILD / "docs" / "probe.md").read_text(),
            # The real page, less its links to pages that the tiny build lacks.
            "compatibility.md": re.sub(
                r"\{doc\}`([^`]+)`",
                "``\\1``",
                (REPO_ROOT / "docs" / "compatibility.md").read_text(),
            ),
        },
    )
    write_grid(root)
    return root


# Two cells: the pins, and NumPy 1.26 with the same (local) torch wheel.
TWO_CELL_RANGE = """\
[range]
python = "3.11"

[range.reasons.en]
torch = "Fixture."
numpy = "Fixture."

[[cells]]
name = "pinned"
torch = "2.13.0"
numpy = "2.4.6"

[[cells]]
name = "numpy1.26"
torch = "2.13.0"
numpy = "1.26.4"
pins = { pandas = "3.0.3" }  # pandas 3.1 needs NumPy 2.0.2 or newer
"""


def write_grid(root: Path) -> None:
    """A grid's results for the tiny build, written here rather than run: every
    page passes in two environments, except that plot_05 changed since it was
    checked, and plot_06 fails in one environment. plot_01 warns under NumPy
    1.26, and a GPU environment recorded the output of the first GPU page."""
    from executed_gallery.compatibility import compact_outputs, source_hash

    section = "examples/tensor_to_numpy"
    current = {
        key: source_hash(root / key)
        for key in (
            f"{section}/plot_01_good.py",
            f"{section}/plot_06_fails_somewhere.py",
            "docs/probe.md",
        )
    }

    def environment(torch_version, numpy_version):
        return {"torch": torch_version, "numpy": numpy_version, "python": "3.11.7",
                "cpu": "Test CPU", "date": "2026-01-02"}  # fmt: skip

    passing = {
        key: {"status": "pass", "seconds": 1.0, "source": digest}
        for key, digest in current.items()
    }
    changed = {
        f"{section}/plot_05_changed_since.py": {
            "status": "pass",
            "seconds": 1.0,
            "source": "0" * 16,
        }
    }
    failing = {"status": "fail", "seconds": 1.0, "source": current[f"{section}/plot_06_fails_somewhere.py"],
               "failure": {"line": 16, "code": "tensor.add_(1)", "message": "RuntimeError: boom",
                           "output": "Traceback (most recent call last):\nRuntimeError: boom"}}  # fmt: skip
    good, gpu_page = f"{section}/plot_01_good.py", "examples/gpu/plot_01_on_gpu.py"
    printed = [{"out": "tensor([1., 1.])\n"}]
    warned = [{**printed[0], "warnings": ["UserWarning: only under NumPy 1.26"]}]
    needs_cuda = {gpu_page: {"status": "needs-cuda"}}
    results = {"cells": {
        "pinned": {"environment": environment("2.13.0+cpu", "2.4.6"),
                   "pages": {**passing, **changed, **needs_cuda, good: {**passing[good], "blocks": printed}}},
        "numpy1.26": {"environment": environment("2.3.1+cu121", "1.26.4"),
                      "pages": {**passing, **changed, **needs_cuda, good: {**passing[good], "blocks": warned},
                                f"{section}/plot_06_fails_somewhere.py": failing}},
        "gpu": {"environment": {**environment("2.11.0", "2.5.2"), "python": "3.12.3",
                                "gpu": "NVIDIA H100 80GB HBM3", "cuda": "13.0", "date": "2026-11-26"},
                "pages": {gpu_page: {"status": "pass", "seconds": 1.0, "source": source_hash(root / gpu_page),
                                     "blocks": [{}, {"out": "cuda:0\n"}]}}},
    }}  # fmt: skip
    (root / "compatibility" / "range.toml").write_text(TWO_CELL_RANGE)
    (root / "compatibility" / "results.json").write_text(
        json.dumps(compact_outputs(results))
    )


def processes_with(marker: str) -> list[str]:
    """The processes whose environment holds ``BUILD_MARKER=marker``."""
    found = []
    for environ in Path("/proc").glob("[0-9]*/environ"):
        try:
            if f"BUILD_MARKER={marker}".encode() in environ.read_bytes():
                found.append(environ.parent.name)
        except OSError:  # gone, or not ours to read
            continue
    return found


def read_tokens(html: Path) -> tuple[str, str]:
    """The fresh tokens that the token example and the notebook page printed."""
    return tuple(
        re.search(r"token ([0-9a-f]{16})", (html / page).read_text())[1]
        for page in TOKEN_PAGES
    )


def add_broken_pages(root: Path) -> None:
    for name, text in BROKEN_EXAMPLES.items():
        (root / "examples" / "tensor_to_numpy" / name).write_text(text)


def build_tinybuild(root: Path) -> Tinybuild:
    """tests/tinybuild, built four times: once in both editions, as on a laptop;
    once more with nothing changed but one example's record of its run time,
    zeroed; once in another environment, for a hosted site; and once with the
    broken pages added (and a time limit of 3 s, for the page that hangs)."""
    published = root / "_build" / "html" / "en"
    built = root / "_build" / "work" / "html" / "en"  # written even by a failed build
    marker = uuid.uuid4().hex
    both_editions = ("--language", "en", "--language", "zh_CN")
    cold = run_build(root, *both_editions, env={**LOCAL_BUILD, "BUILD_MARKER": marker})
    left_running = processes_with(marker)
    tokens = {"cold": read_tokens(published)}
    shutil.copytree(published.parent, root / "_build" / "cold-html")
    cost = root / "docs/auto_examples/tensor_to_numpy/plot_01_good.cost.json"
    cost.write_text('{"time": 0.0, "memory": 0.0}')
    unchanged = run_build(root, "--language", "en", env=LOCAL_BUILD)
    tokens["unchanged"] = read_tokens(built)
    # Another environment, and a hosted site: the notebooks' first cell changes.
    elsewhere = {**FORK_SITE, "EXECUTED_GALLERY_SALT": "another environment"}
    other_environment = run_build(root, "--language", "en", env=elsewhere)
    tokens["other environment"] = read_tokens(published)
    published_page = (published / GOOD_PAGE).read_text()
    add_broken_pages(root)
    with (root / "examples" / "tensor_to_numpy" / "plot_04_token.py").open("a") as edit:
        edit.write("\n# One edit: this example alone runs again.\n")
    broken = run_build(
        root, "--language", "en", "-D", "executed_gallery_time_limit=3", env=elsewhere
    )
    tokens["broken"] = read_tokens(built)
    return Tinybuild(
        root, cold, unchanged, other_environment, broken,
        tokens, left_running, published_page,
    )  # fmt: skip
