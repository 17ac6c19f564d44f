"""Extract the site's messages and update the translation catalogs.

    python tools/update_catalogs.py [--language zh_CN ...]

Runs the gettext builder with execution off (examples and notebooks are not
run: their outputs are never translated), then ``sphinx-intl update``, which
adds new messages to ``docs/locale/LANG/LC_MESSAGES/*.po``, marks changed ones
fuzzy and drops obsolete ones.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from build_site import editions, literal_setting

REPO_ROOT = Path(__file__).resolve().parent.parent


def translations() -> list[str]:
    """Every edition but the source language's."""
    source = literal_setting("language")
    return [name for name in editions() if name != source]


def extract_messages(root: Path = REPO_ROOT) -> Path:
    """Write one .pot file per page into ``_build/gettext`` and return that folder."""
    pot_dir = root / "_build" / "gettext"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-b",
            "gettext",
            "-c",
            str(root),
            str(root / "docs"),
            str(pot_dir),
            "-d",
            str(root / "_build" / "doctrees" / "gettext"),
            "-E",  # read every page, so that no catalog misses a message
            "-W",
            "--keep-going",
            "-D",
            "plot_gallery=0",  # messages only: run no example
            "-D",
            "nb_execution_mode=off",  # and no notebook
        ],  # fmt: skip
        check=True,
        cwd=root,
    )
    return pot_dir


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--language", action="append", choices=translations())
    options = parser.parse_args(argv)
    pot_dir = extract_messages()
    for language in options.language or translations():
        subprocess.run(
            [
                sys.executable,
                "-m",
                "sphinx_intl",
                "update",
                "--pot-dir",
                str(pot_dir),
                "--locale-dir",
                str(REPO_ROOT / "docs" / "locale"),
                "--language",
                language,
                "--line-width",
                "-1",  # never rewrap: diffs stay one line per change
            ],  # fmt: skip
            check=True,
            cwd=REPO_ROOT,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
