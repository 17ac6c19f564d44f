"""Lay out the notebooks that "Open in Colab" opens, as the notebooks branch holds them.

    python tools/publish_notebooks.py SITE DEST

SITE is a built site (``_build/html``). Every edition's notebooks
(``LANG/<NOTEBOOK_DIR>/**.ipynb``, written by docs/_ext/colab.py) are
copied into DEST at the same paths, which are the paths that the Colab links on
the pages name, and a README says what the branch is. The hosted workflow
commits DEST as the only commit of the branch that conf.py names
(``NOTEBOOKS_BRANCH``); this script prints ``branch=NAME`` for it, in the form
of a GitHub Actions step output.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from build_site import editions  # tools/, next to this file; puts docs/_ext on the path

# isort: split
from site_location import NOTEBOOK_DIR, NOTEBOOKS_BRANCH

README = """# Notebooks for Colab

Generated: the "Open in Colab" links of the site's pages open these notebooks.
The docs workflow rewrites this branch on every published build, from the
commit named in its only commit's message. Edit the examples and pages on the
main branch instead.
"""


def notebook_files(site: Path) -> list[Path]:
    """Every edition's Colab notebooks, relative to the site root."""
    notebook_dir = NOTEBOOK_DIR
    return sorted(
        path.relative_to(site)
        for language in editions()
        for path in (site / language / notebook_dir).rglob("*.ipynb")
    )


def lay_out(site: Path, destination: Path) -> list[Path]:
    files = notebook_files(site)
    if not files:
        raise SystemExit(
            f"publish_notebooks: {site} holds no notebooks; build it first"
        )
    destination.mkdir(parents=True, exist_ok=True)
    for relative in files:
        target = destination / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(site / relative, target)
    (destination / "README.md").write_text(README)
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="the built site, e.g. _build/html")
    parser.add_argument("destination", type=Path, help="an empty folder")
    options = parser.parse_args(argv)
    files = lay_out(options.site, options.destination)
    print(f"publish_notebooks: {len(files)} notebooks", file=sys.stderr)
    print(f"branch={NOTEBOOKS_BRANCH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
