"""What must run again: outputs from another environment are thrown away.

sphinx-gallery's cache (its ``.md5`` files) and myst-nb's key on code alone.
The environment's fingerprint is written next to the generated pages; when it
changes, the ``.md5`` files go, so every example runs again (myst-nb's cache
folder is keyed on the fingerprint in ``configure()``). sphinx-gallery has no
setting that adds to the key of its cache: ``run_stale_examples`` would run
every example in every build.

The record holds the notebooks' first cell too (``first_notebook_cell``, set
by colab.py): sphinx-gallery writes an example's notebook only when it runs the
example, so a new first cell (another hosted URL) must run them all again.
"""

from __future__ import annotations

import json
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util import logging

from .gallery import (
    example_pages,
    gallery_dir_pairs,
    plot_gallery_enabled,
    runs_in_this_build,
)

logger = logging.getLogger(__name__)

FINGERPRINT_FILE = ".environment.json"


def invalidate_outputs_from_other_environments(app: Sphinx) -> None:
    """Delete sphinx-gallery's md5 caches when they were written under another environment."""
    if not plot_gallery_enabled(app.config):
        return  # nothing executes, so nothing cached may be thrown away
    build_env = app.config.executed_gallery_environment
    key = {
        "fingerprint": app.config.executed_gallery_fingerprint,
        "first_notebook_cell": app.config.sphinx_gallery_conf.get(
            "first_notebook_cell"
        ),
    }
    for _, gallery_dir in gallery_dir_pairs(app.srcdir, app.config):
        record = gallery_dir / FINGERPRINT_FILE
        previous = json.loads(record.read_text()) if record.is_file() else {}
        if {name: previous.get(name) for name in key} == key:
            continue
        stale = list(gallery_dir.rglob("*.md5")) if gallery_dir.is_dir() else []
        for md5 in stale:
            md5.unlink()
        if stale:
            logger.info(
                "executed_gallery: environment or notebooks' first cell changed "
                "(environment was %s, now %s): re-executing every example",
                previous.get("environment", "unrecorded"),
                build_env,
            )
        gallery_dir.mkdir(parents=True, exist_ok=True)
        record.write_text(
            json.dumps({**key, "environment": build_env}, indent=2) + "\n"
        )


def examples_to_run(srcdir, config) -> int:
    """How many examples sphinx-gallery will execute in this build.

    sphinx-gallery starts its workers before it compares the scripts with their
    ``.md5`` files, and tells no one the count, so its rule is repeated here.
    """
    from sphinx_gallery.utils import get_md5sum

    count = 0
    for script, docname in example_pages(srcdir, config).items():
        md5 = Path(srcdir, docname + ".py.md5")
        if runs_in_this_build(config, script) and (
            not md5.is_file() or md5.read_text() != get_md5sum(script, mode="t")
        ):
            count += 1
    return count


def skip_workers_for_small_builds(app: Sphinx) -> None:
    """Run at most one example without worker processes: starting them costs more.

    Decided here, after Sphinx has compared the configuration with the last
    build's, so that the choice does not make it rewrite every page.
    """
    gallery_conf = app.config.sphinx_gallery_conf
    if gallery_conf["parallel"] and examples_to_run(app.srcdir, app.config) <= 1:
        gallery_conf["parallel"] = False
