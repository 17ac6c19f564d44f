"""Shared fixtures: real builds of the site in temporary folders."""

from __future__ import annotations

import shutil
import sys
import textwrap
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT / "tools"))
sys.path.insert(0, str(REPO_ROOT / "docs" / "_ext"))

import build_site  # noqa: E402


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


GOOD_EXAMPLE = '''\
"""
Add one to a tensor
===================

A tiny example that runs.
"""

# %%
# Add one
# -------

import torch

tensor = torch.zeros(2)
tensor.add_(1)
print(tensor)
assert tensor.tolist() == [1.0, 1.0]
'''


# Where a fork's hosted workflow says its site lives (.github/workflows/docs.yml):
# the site that the tests build carries these in every repository and hosted link.
FORK_SITE = {
    "SITE_REPOSITORY_URL": "https://github.com/a-fork-owner/tensor-conversions-fork",
    "SITE_BRANCH": "fork-main",
    "SITE_HOSTED_URL": "https://a-fork-owner.github.io/tensor-conversions-fork",
}


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The whole site, built once for the session from a copy of the sources,
    with the settings that a fork's hosted workflow gives it."""
    root = copy_site(tmp_path_factory.mktemp("site"))
    status = build_site.build(root=root, env=FORK_SITE)
    assert status == 0, "the site's build failed; its output is above"
    return root
