"""Execute the notebook pages while sphinx-gallery runs the examples.

myst-nb executes a notebook page when Sphinx reads it, after sphinx-gallery
has run every example, so a cold build waits for the two one after the
other. Here each notebook page that the cache does not hold yet starts at
``builder-inited``, in a thread of its own (the work is in the kernel
processes), and the reading of the pages waits for them. myst-nb then finds
their outputs in the cache.

The notebook is read with myst-nb's own reader and configuration, and cached
under the hash that myst-nb computes, so a page that would be read any
differently, or that failed here, only misses the cache: myst-nb then
executes it itself, and reports any error as it always does.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

from sphinx.util import logging

logger = logging.getLogger(__name__)

# The executions started by each Sphinx application (one per build).
RUNNING: dict[int, list[tuple[threading.Thread, dict]]] = {}


def notebook_pages(app) -> list[tuple[Path, object, object]]:
    """Each page that myst-nb reads as a notebook: its path, notebook and configuration."""
    from myst_nb.core.nb_to_tokens import nb_node_to_dict
    from myst_nb.core.read import create_nb_reader

    md_config, nb_config = app.env.myst_config, app.env.mystnb_config
    pages = []
    for docname in sorted(app.project.discover(app.config.exclude_patterns)):
        path = Path(app.env.doc2path(docname))
        if path.suffix != ".md":
            continue
        text = path.read_text(encoding="utf-8")
        reader = create_nb_reader(str(path), md_config, nb_config, text)
        if reader is None:
            continue
        notebook = reader.read(text)
        page_config = nb_config
        if nb_config.metadata_key in notebook.metadata:  # as myst-nb applies it
            overrides = nb_node_to_dict(notebook.metadata[nb_config.metadata_key])
            overrides.pop("output_folder", None)
            page_config = nb_config.copy(**overrides)
        pages.append((path, notebook, page_config))
    return pages


def execute_into_cache(path: Path, notebook, nb_config, outcome: dict) -> None:
    from jupyter_cache import get_cache
    from jupyter_cache.base import CacheBundleIn
    from jupyter_cache.executors.utils import single_nb_execution

    started = time.perf_counter()
    try:
        result = single_nb_execution(
            notebook,
            cwd=str(path.parent),
            allow_errors=nb_config.execution_allow_errors,
            timeout=nb_config.execution_timeout,
            meta_override=True,
        )
    except Exception as error:  # noqa: BLE001 - a kernel that dies at start, say
        # Kernels started side by side can race for a port and one can die;
        # myst-nb then executes the page itself, as it would without this.
        outcome["error"] = f"{error.__class__.__name__}: {error}"
        return
    outcome["seconds"] = time.perf_counter() - started
    if result.err is not None:
        outcome["error"] = f"{result.err.__class__.__name__}"
        return
    cache = get_cache(nb_config.execution_cache_path)
    cache.cache_notebook_bundle(
        CacheBundleIn(notebook, str(path), data={"execution_seconds": result.time}),
        check_validity=False,
        overwrite=True,
    )


def start_notebooks(app) -> None:
    running = RUNNING.setdefault(id(app), [])
    nb_config = app.env.mystnb_config
    if nb_config.execution_mode != "cache":
        return
    from jupyter_cache import get_cache

    cache = get_cache(nb_config.execution_cache_path)
    for path, notebook, page_config in notebook_pages(app):
        try:
            cache.match_cache_notebook(notebook)
            continue  # already cached for this version of the page
        except KeyError:
            pass
        outcome: dict = {"page": path.name}
        thread = threading.Thread(
            target=execute_into_cache,
            args=(path, notebook, page_config, outcome),
            name=f"notebook {path.name}",
            daemon=True,
        )
        thread.start()
        running.append((thread, outcome))
        logger.info("early_notebooks: executing %s beside the examples", path.name)


def wait_for_notebooks(app, env, docnames) -> None:
    for thread, outcome in RUNNING.pop(id(app), []):
        thread.join()
        if "error" in outcome:
            logger.info(
                "early_notebooks: %s failed (%s); myst-nb runs it again and reports it",
                outcome["page"],
                outcome["error"],
            )
        else:
            logger.info(
                "early_notebooks: executed %s in %.1f s",
                outcome["page"],
                outcome["seconds"],
            )


def setup(app) -> dict:
    # myst-nb's configuration is created at builder-inited, and sphinx-gallery
    # runs the examples at builder-inited: this handler goes between the two,
    # so conf.py lists this extension after myst_nb and before sphinx-gallery.
    app.setup_extension("myst_nb")
    app.connect("builder-inited", start_notebooks)
    app.connect("env-before-read-docs", wait_for_notebooks)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
