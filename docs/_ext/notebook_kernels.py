"""The notebook pages' kernels: the edition they print in, and the site's modules.

The notebook pages (``quick-reference.md``, ``conversion-matrix.md``,
``dtypes.md``, ``misconceptions.md``) are executed while each edition is built.
This extension tells their kernels which edition is being built
(``SITE_LANGUAGE``, which docs/_ext/table_labels.py reads) and lets them import
the site's modules (``PYTHONPATH``). executed_gallery gives each edition a
notebook cache of its own, so each edition runs its notebooks itself.
"""

from __future__ import annotations

import os
from pathlib import Path

from table_labels import LANGUAGE_VARIABLE


def tell_notebooks_the_language(app, config) -> None:
    os.environ[LANGUAGE_VARIABLE] = config.language
    here = str(Path(__file__).parent)
    paths = os.environ.get("PYTHONPATH", "").split(os.pathsep)
    if here not in paths:
        os.environ["PYTHONPATH"] = os.pathsep.join(p for p in [here, *paths] if p)


def create_notebook_cache(app) -> None:
    """Create the cache's database now, before parallel readers race to create it.

    The second edition is read with ``-j auto`` (tools/build_site.py), and now
    executes its notebooks, each in whichever reader process gets it.
    """
    config = app.config
    if config.nb_execution_mode != "cache" or not config.nb_execution_cache_path:
        return
    from jupyter_cache.cache.db import create_db

    path = Path(config.nb_execution_cache_path)
    path.mkdir(parents=True, exist_ok=True)
    create_db(path).dispose()


def setup(app) -> dict:
    app.connect("config-inited", tell_notebooks_the_language)
    app.connect("builder-inited", create_notebook_cache)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
