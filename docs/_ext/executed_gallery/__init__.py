"""Keep the executed gallery honest: every output on a page comes from this environment.

What this extension adds to sphinx-gallery and myst-nb:

* An **environment fingerprint** (Python, torch, NumPy, CPU, GPU, CUDA). Both
  caches key on code alone; when the fingerprint changes, every example and
  every notebook page is executed again, so no page keeps another machine's
  output.
* **Provenance** on every example page: the versions and the device that
  produced its output, or a plain notice that the page was not executed.
* A **CUDA policy**: examples under ``executed_gallery_cuda_dir`` are executed
  only where CUDA exists; ``executed_gallery_require_cuda`` makes a build fail
  at once without CUDA, and fail at the end if any CUDA example did not run.
* A **per-example time limit**, so a hanging example fails the build instead of
  hanging it.
* "Edit this page" links on gallery pages that lead to the example script
  rather than to the generated reST.
"""

from __future__ import annotations

import os
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.errors import ConfigError

from . import environment
from .cache import (
    invalidate_outputs_from_other_environments,
    skip_workers_for_small_builds,
)
from .compatibility import CompatibilityGrid, CompatibilityRange, results_digest
from .gallery import check_every_executed_example_ran, executed_examples_pattern
from .links import link_gallery_pages_to_their_scripts
from .provenance import (
    CudaBuildStatus,
    ExampleDownloads,
    ExampleProvenance,
    NotebookProvenance,
    lay_out_example_page,
    torch_build_summary,
)
from .recorded_outputs import RecordedOutput, note_notebook_differences
from .reset import TIME_LIMIT_VARIABLE


def configure(app: Sphinx, config) -> None:
    """Fill in the settings that depend on this machine (runs before sphinx-gallery's)."""
    build_env = environment.current()
    digest = environment.fingerprint(build_env)
    config.executed_gallery_environment = build_env
    # A config value with rebuild="env": Sphinx re-reads every document when it
    # changes, so myst-nb pages are re-executed too, not only the gallery.
    config.executed_gallery_fingerprint = digest

    if config.executed_gallery_require_cuda and not environment.has_cuda(build_env):
        raise ConfigError(
            "CUDA is required for this build (--require-cuda), but "
            f"{torch_build_summary(build_env)}: no CUDA device is visible. "
            "Nothing was built."
        )

    gallery_conf = config.sphinx_gallery_conf
    gallery_conf["filename_pattern"] = executed_examples_pattern(
        config.executed_gallery_cuda_dir, environment.has_cuda(build_env)
    )
    os.environ[TIME_LIMIT_VARIABLE] = str(config.executed_gallery_time_limit)

    # Pages show the compatibility results: new results mean re-reading them.
    config.executed_gallery_repository = str(Path(app.confdir).resolve())
    config.executed_gallery_compatibility_digest = results_digest(
        Path(app.confdir) / config.executed_gallery_compatibility
    )

    # One notebook cache per environment and per edition: once the notebooks
    # print words, the English outputs cannot serve the Chinese edition.
    if not config.nb_execution_cache_path:
        cache_root = Path(app.outdir).parent / ".jupyter_cache"
        config.nb_execution_cache_path = str(cache_root / digest / config.language)

    # What depends on the environment is set up now, still before sphinx-gallery
    # reads its configuration: the order is this function's, not a priority's.
    app.emit("executed-gallery-configured", config)


def setup(app: Sphinx) -> dict:
    app.setup_extension("language_switcher")  # site_url: where the site is hosted
    app.add_config_value("executed_gallery_cuda_dir", "gpu", "env", types=[str])
    app.add_config_value("executed_gallery_require_cuda", False, "env", types=[bool])
    app.add_config_value("executed_gallery_time_limit", 120, "", types=[int, float])
    # The folder of range.toml and results.json (nox -s compat), from conf.py's folder.
    app.add_config_value(
        "executed_gallery_compatibility", "compatibility", "env", types=[str]
    )
    # Computed by configure(), not set in conf.py.
    app.add_config_value("executed_gallery_fingerprint", "", "env", types=[str])
    app.add_config_value("executed_gallery_environment", {}, "", types=[dict])
    app.add_config_value(
        "executed_gallery_compatibility_digest", "", "env", types=[str]
    )
    # conf.py's folder, the repository root: pages are named relative to it.
    app.add_config_value("executed_gallery_repository", "", "", types=[str])

    # Handlers receive (app, config), once the environment is described.
    app.add_event("executed-gallery-configured")
    # Before sphinx-gallery fills its defaults (config-inited, priority 10).
    app.connect("config-inited", configure, priority=5)
    # After sphinx-gallery has parsed plot_gallery (builder-inited, priority 10),
    # before it runs the examples (priority 500).
    app.connect(
        "builder-inited", invalidate_outputs_from_other_environments, priority=12
    )
    app.connect("builder-inited", skip_workers_for_small_builds, priority=13)
    app.connect("source-read", lay_out_example_page)
    app.connect("html-page-context", link_gallery_pages_to_their_scripts)
    app.connect("build-finished", check_every_executed_example_ran)
    app.add_directive("example-provenance", ExampleProvenance)
    app.add_directive("example-downloads", ExampleDownloads)
    app.add_directive("cuda-build-status", CudaBuildStatus)
    app.add_directive("notebook-provenance", NotebookProvenance)
    app.add_directive("compatibility-range", CompatibilityRange)
    app.add_directive("compatibility-grid", CompatibilityGrid)
    app.add_directive("recorded-output", RecordedOutput)
    app.connect("doctree-read", note_notebook_differences)
    app.add_js_file("recorded-outputs.js")  # in html_static_path (docs/_static)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
