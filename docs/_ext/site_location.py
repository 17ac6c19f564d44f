"""Where the site lives: the repository, the branch its pages are built from, the
hosted site, and where the notebooks that "Open in Colab" opens are kept.

The one place that names them. ``conf.py`` reads it for the build, and the tools
(``tools/build_site.py``, ``tools/publish_notebooks.py``) read it without running
``conf.py``. The hosted workflow (.github/workflows/docs.yml) fills the
environment variables from the repository that runs it, so a fork publishes
links to itself. A local build knows none of them: its pages then link to no
repository and no hosted site, rather than to a host that may not exist.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

# The branch of the repository that the workflow writes the notebooks to
# (tools/publish_notebooks.py lays it out), and their folder in each edition:
# LANG/notebooks/DOCNAME.ipynb.
NOTEBOOKS_BRANCH = "notebooks"
NOTEBOOK_DIR = "notebooks"


@dataclass(frozen=True)
class SiteLocation:
    repository_url: str  # "" for a local build
    branch: str
    hosted_url: str  # "" for a local build


def site_location(environ: Mapping[str, str] = os.environ) -> SiteLocation:
    return SiteLocation(
        repository_url=environ.get("SITE_REPOSITORY_URL", "").rstrip("/"),
        branch=environ.get("SITE_BRANCH", "") or "main",
        hosted_url=environ.get("SITE_HOSTED_URL", "").rstrip("/"),
    )
