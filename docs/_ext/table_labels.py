"""Words for the tables that the reference pages compute, in the edition's language.

The notebook pages (``quick-reference.md``, ``conversion-matrix.md``,
``dtypes.md``) are executed while each edition is built, and the words in the
tables they print must be those of the edition. In a notebook cell::

    from table_labels import label

    label("copies")                                   # "copies" / "复制"
    label("shares_memory_with", name="`t`")           # "shares memory with `t`" / "与 `t` 共享内存"

Add a key to every language in ``LABELS`` (a test checks that each language has
every key, with the same placeholders).

As a Sphinx extension (in conf.py), this module tells the notebook kernels which
edition is being built (``SITE_LANGUAGE``) and lets them import it
(``PYTHONPATH``). It also keeps each edition's executed notebooks in a cache of
their own: the English outputs cannot be reused for the Chinese edition once
the notebooks print words, so each edition runs its notebooks itself.
"""

from __future__ import annotations

import os
from pathlib import Path

LANGUAGE_VARIABLE = "SITE_LANGUAGE"
DEFAULT_LANGUAGE = "en"

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "yes": "yes",
        "no": "no",
        "copies": "copies",
        "no_copies": "no, copies",
        "shares_memory": "shares memory",
        "shares_memory_with": "shares memory with {name}",
        "not_run_no_cuda": "not run on this build (no CUDA)",
        "no_warning": "No call emitted a warning.",
    },
    "zh_CN": {
        "yes": "是",
        "no": "否",
        "copies": "复制",
        "no_copies": "否，复制",
        "shares_memory": "共享内存",
        "shares_memory_with": "与 {name} 共享内存",
        "not_run_no_cuda": "本次构建未运行（没有 CUDA）",
        "no_warning": "没有任何调用发出警告。",
    },
}


def language() -> str:
    """The edition being built (``SITE_LANGUAGE``); English outside a build."""
    chosen = os.environ.get(LANGUAGE_VARIABLE) or DEFAULT_LANGUAGE
    return chosen if chosen in LABELS else DEFAULT_LANGUAGE


def label(key: str, **fields: str) -> str:
    """The words for ``key`` in the edition's language, with ``fields`` filled in."""
    return LABELS[language()][key].format(**fields)


# -- Sphinx extension ---------------------------------------------------------------


def tell_notebooks_the_language(app, config) -> None:
    edition = config.language or DEFAULT_LANGUAGE
    os.environ[LANGUAGE_VARIABLE] = edition
    here = str(Path(__file__).parent)
    paths = os.environ.get("PYTHONPATH", "").split(os.pathsep)
    if here not in paths:
        os.environ["PYTHONPATH"] = os.pathsep.join(p for p in [here, *paths] if p)
    # One notebook cache per edition (executed_gallery keys it on the environment).
    if config.nb_execution_cache_path:
        cache = Path(config.nb_execution_cache_path)
        if cache.name != edition:
            config.nb_execution_cache_path = str(cache / edition)


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
    # After executed_gallery (priority 5) has chosen the cache folder.
    app.connect("config-inited", tell_notebooks_the_language, priority=6)
    app.connect("builder-inited", create_notebook_cache)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
