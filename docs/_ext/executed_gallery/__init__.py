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

import json
import os
import re
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.errors import ConfigError, ExtensionError
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from . import environment
from .compatibility import (
    CompatibilityGrid,
    CompatibilityRange,
    CompatibilitySummary,
    results_digest,
)
from .labels import labels_for, untranslated
from .reset import TIME_LIMIT_VARIABLE

logger = logging.getLogger(__name__)

FINGERPRINT_FILE = ".environment.json"

# sphinx-gallery opens each block that follows the title and introduction with this comment.
FIRST_GENERATED_BLOCK = re.compile(
    r"^\.\. GENERATED FROM PYTHON SOURCE LINES", re.MULTILINE
)


def executed_examples_pattern(cuda_dir: str, cuda_available: bool) -> str:
    """Return sphinx-gallery's ``filename_pattern`` for this machine.

    Every ``plot_*.py`` is executed, except those under ``cuda_dir`` where
    CUDA is absent: those are rendered with their code and downloads only.
    """
    if cuda_available:
        return r"[\\/]plot_[^\\/]*\.py$"
    return rf"^(?!.*[\\/]{re.escape(cuda_dir)}[\\/]).*[\\/]plot_[^\\/]*\.py$"


def torch_build_summary(
    description: dict[str, str], labels: dict[str, str] | None = None
) -> str:
    labels = labels or labels_for("en")
    cuda = (
        labels["cuda_version"].format(**description)
        if "cuda" in description
        else labels["no_cuda"]
    )
    return labels["torch_build"].format(torch=description["torch"], cuda=cuda)


def provenance_summary(description: dict[str, str], labels: dict[str, str]) -> str:
    parts = [
        f"torch {description['torch']}",
        f"NumPy {description['numpy']}",
        f"Python {description['python']}",
    ]
    if "gpu" in description:
        parts.append(labels["gpu_summary"].format(**description))
    parts.append(labels["cpu_summary"].format(**description))
    return " · ".join(parts)


# -- Configuration -----------------------------------------------------------


def configure(app: Sphinx, config) -> None:
    """Fill in the settings that depend on this machine (runs before sphinx-gallery's)."""
    description = environment.describe()
    digest = environment.fingerprint(description)
    config.executed_gallery_environment = description
    # A config value with rebuild="env": Sphinx re-reads every document when it
    # changes, so myst-nb pages are re-executed too, not only the gallery.
    config.executed_gallery_fingerprint = digest

    if config.executed_gallery_require_cuda and not environment.has_cuda(description):
        raise ConfigError(
            "CUDA is required for this build (--require-cuda), but "
            f"{torch_build_summary(description)}: no CUDA device is visible. "
            "Nothing was built."
        )

    gallery_conf = config.sphinx_gallery_conf
    gallery_conf["filename_pattern"] = executed_examples_pattern(
        config.executed_gallery_cuda_dir, environment.has_cuda(description)
    )
    os.environ[TIME_LIMIT_VARIABLE] = str(config.executed_gallery_time_limit)

    # Pages show the compatibility results: new results mean re-reading them.
    config.executed_gallery_repository = str(Path(app.confdir).resolve())
    config.executed_gallery_compatibility_digest = results_digest(
        Path(app.confdir) / config.executed_gallery_compatibility
    )

    if not config.nb_execution_cache_path:
        cache_root = Path(app.outdir).parent / ".jupyter_cache"
        config.nb_execution_cache_path = str(cache_root / digest)


def gallery_dir_pairs(srcdir, config) -> list[tuple[Path, Path]]:
    """Return ``(examples_dir, gallery_dir)`` pairs as absolute paths."""
    conf = config.sphinx_gallery_conf
    examples_dirs, gallery_dirs = conf["examples_dirs"], conf["gallery_dirs"]
    if isinstance(examples_dirs, str):
        examples_dirs, gallery_dirs = [examples_dirs], [gallery_dirs]
    return [
        ((Path(srcdir) / src).resolve(), (Path(srcdir) / out).resolve())
        for src, out in zip(examples_dirs, gallery_dirs, strict=True)
    ]


def plot_gallery_enabled(config) -> bool:
    value = config.sphinx_gallery_conf.get("plot_gallery", config.plot_gallery)
    if isinstance(value, str):
        return value.strip().lower() not in {"0", "false", "no", "off", ""}
    return bool(value)


def invalidate_outputs_from_other_environments(app: Sphinx) -> None:
    """Delete sphinx-gallery's md5 caches when they were written under another environment."""
    if not plot_gallery_enabled(app.config):
        return  # nothing executes, so nothing cached may be thrown away
    description = app.config.executed_gallery_environment
    digest = app.config.executed_gallery_fingerprint
    for _, gallery_dir in gallery_dir_pairs(app.srcdir, app.config):
        record = gallery_dir / FINGERPRINT_FILE
        previous = json.loads(record.read_text()) if record.is_file() else None
        if previous and previous.get("fingerprint") == digest:
            continue
        stale = list(gallery_dir.rglob("*.md5")) if gallery_dir.is_dir() else []
        for md5 in stale:
            md5.unlink()
        if stale:
            old = previous["environment"] if previous else "unrecorded"
            logger.info(
                "executed_gallery: environment changed (was %s, now %s): "
                "re-executing every example",
                old,
                description,
            )
        gallery_dir.mkdir(parents=True, exist_ok=True)
        record.write_text(
            json.dumps({"fingerprint": digest, "environment": description}, indent=2)
            + "\n"
        )


def examples_to_run(srcdir, config) -> int:
    """How many examples sphinx-gallery will execute in this build (its md5 rule)."""
    from sphinx_gallery.utils import get_md5sum

    count = 0
    for examples_dir, gallery_dir in gallery_dir_pairs(srcdir, config):
        for script in examples_dir.rglob("plot_*.py"):
            if not runs_in_this_build(config, script):
                continue
            target = gallery_dir / script.relative_to(examples_dir)
            md5 = target.with_name(target.name + ".md5")
            if not md5.is_file() or md5.read_text() != get_md5sum(script, mode="t"):
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


# -- Pages ---------------------------------------------------------------------


def example_source(srcdir, config, docname: str) -> Path | None:
    """Return the source behind a generated gallery page: a script, or a section header."""
    page = (Path(srcdir) / docname).resolve()
    for examples_dir, gallery_dir in gallery_dir_pairs(srcdir, config):
        if page.is_relative_to(gallery_dir):
            relative = page.relative_to(gallery_dir)
            script = examples_dir / relative.with_suffix(".py")
            if script.is_file():
                return script
            if relative.name == "index":
                return examples_dir / relative.parent / "GALLERY_HEADER.rst"
    return None


def in_cuda_section(srcdir, config, script: Path) -> bool:
    """Whether a script sits in the gallery section of CUDA examples."""
    for examples_dir, _ in gallery_dir_pairs(srcdir, config):
        if script.is_relative_to(examples_dir):
            parts = script.relative_to(examples_dir).parts
            return config.executed_gallery_cuda_dir in parts
    return False


def runs_in_this_build(config, script: Path) -> bool:
    """Whether sphinx-gallery runs this script in the build under way."""
    pattern = config.sphinx_gallery_conf["filename_pattern"]
    return plot_gallery_enabled(config) and re.search(pattern, str(script)) is not None


def add_provenance_to_example_pages(
    app: Sphinx, docname: str, source: list[str]
) -> None:
    script = example_source(app.srcdir, app.config, docname)
    if script is None or script.suffix != ".py":
        return
    # Right under the title and introduction, above the first output.
    source[0] = FIRST_GENERATED_BLOCK.sub(
        lambda match: ".. example-provenance::\n\n" + match.group(0), source[0], count=1
    )


def provenance_box(
    description: dict[str, str], labels: dict[str, str]
) -> nodes.Element:
    """The line that names the versions and the device behind a page's outputs."""
    box = nodes.container(classes=["example-provenance"])
    paragraph = nodes.paragraph()
    paragraph += nodes.strong(text=labels["produced_by"])
    # No space after a full-width colon.
    space = "" if labels["produced_by"].endswith("：") else " "
    paragraph += nodes.Text(space + provenance_summary(description, labels))
    box += paragraph
    return untranslated(box)


def not_executed_notice(title: str, text: str) -> nodes.Element:
    notice = nodes.admonition(classes=["warning", "example-not-executed"])
    notice += nodes.title(text=title)
    notice += nodes.paragraph(text=text)
    return notice


class ExampleProvenance(SphinxDirective):
    """Say which environment produced this example page's output, or that none did."""

    def run(self) -> list[nodes.Node]:
        config, srcdir = self.config, self.env.srcdir
        labels = labels_for(config.language)
        description = config.executed_gallery_environment
        script = example_source(srcdir, config, self.env.docname)
        compatibility = []
        if script is not None:
            key = script.relative_to(config.executed_gallery_repository).as_posix()
            compatibility = CompatibilitySummary(self, key, script).nodes()
        if script is not None and runs_in_this_build(config, script):
            box = provenance_box(description, labels)
            box.extend(compatibility)
            return [box]

        in_cuda_dir = script is not None and in_cuda_section(srcdir, config, script)
        if in_cuda_dir and plot_gallery_enabled(config):
            title, text = labels["needs_cuda_title"], labels["needs_cuda"]
        else:
            title, text = labels["not_executed_title"], labels["not_executed"]
        notice = not_executed_notice(
            title, text.format(torch_build=torch_build_summary(description, labels))
        )
        hosted = config.site_url  # the hosted site (language_switcher's setting)
        if hosted and in_cuda_dir:
            language = config.language or "en"
            url = f"{hosted.rstrip('/')}/{language}/{self.env.docname}.html"
            link = nodes.paragraph()
            link += nodes.reference(text=labels["hosted_link"], refuri=url)
            notice += link
        notice.extend(compatibility)
        return [untranslated(notice)]


class NotebookProvenance(SphinxDirective):
    """On a page executed by myst-nb: the environment that produced its outputs."""

    def run(self) -> list[nodes.Node]:
        labels = labels_for(self.config.language)
        if self.config.nb_execution_mode == "off":
            notice = not_executed_notice(
                labels["not_executed_title"], labels["not_executed"]
            )
            return [untranslated(notice)]
        page = Path(self.env.doc2path(self.env.docname)).resolve()
        key = page.relative_to(self.config.executed_gallery_repository).as_posix()
        box = provenance_box(self.config.executed_gallery_environment, labels)
        box.extend(CompatibilitySummary(self, key, page).nodes())
        return [box]


class CudaBuildStatus(SphinxDirective):
    """State, in the CUDA gallery section, whether this build executed its examples."""

    def run(self) -> list[nodes.Node]:
        labels = labels_for(self.config.language)
        description = self.config.executed_gallery_environment
        if environment.has_cuda(description):
            text = labels["cuda_section_executed"].format(**description)
            classes = ["note", "cuda-build-status"]
        else:
            text = labels["cuda_section_skipped"].format(
                torch_build=torch_build_summary(description, labels)
            )
            classes = ["warning", "cuda-build-status"]
        box = nodes.container(classes=classes)
        box += nodes.paragraph(text=text)
        return [untranslated(box)]


def link_gallery_pages_to_their_scripts(app, pagename, templatename, context, doctree):
    """Point furo's edit and view links at ``examples/…`` instead of generated reST."""
    script = example_source(app.srcdir, app.config, pagename)
    options = app.config.html_theme_options
    repository = options.get("source_repository", "").rstrip("/")
    branch = options.get("source_branch", "main")
    if script is None or not repository:
        return
    path = script.relative_to(Path(app.confdir).resolve()).as_posix()
    context["theme_source_edit_link"] = f"{repository}/edit/{branch}/{path}"
    context["theme_source_view_link"] = f"{repository}/blob/{branch}/{path}"


# -- Checks at the end of the build ------------------------------------------------


def check_every_executed_example_ran(app: Sphinx, exception) -> None:
    """Fail when an example that should have run did not, or reports no run time."""
    if exception is not None or not plot_gallery_enabled(app.config):
        return
    if app.builder.name not in {"html", "dirhtml", "singlehtml"}:
        return
    problems = []
    require_cuda = app.config.executed_gallery_require_cuda
    for examples_dir, gallery_dir in gallery_dir_pairs(app.srcdir, app.config):
        for script in sorted(examples_dir.rglob("plot_*.py")):
            if not runs_in_this_build(app.config, script):
                if require_cuda and in_cuda_section(app.srcdir, app.config, script):
                    problems.append(f"{script}: was not executed")
                continue
            target = gallery_dir / script.relative_to(examples_dir)
            cost = target.with_name(target.stem + ".cost.json")
            seconds = json.loads(cost.read_text())["time"] if cost.is_file() else 0.0
            if seconds <= 0:
                problems.append(
                    f"{script}: reports no run time, so it did not really run"
                )
    if problems:
        raise ExtensionError(
            "executed_gallery: examples that should have run did not:\n  "
            + "\n  ".join(problems)
        )


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

    # Before sphinx-gallery fills its defaults (priority 10) and generates pages.
    app.connect("config-inited", configure, priority=5)
    app.connect(
        "builder-inited", invalidate_outputs_from_other_environments, priority=5
    )
    app.connect("builder-inited", skip_workers_for_small_builds, priority=6)
    app.connect("source-read", add_provenance_to_example_pages)
    app.connect("html-page-context", link_gallery_pages_to_their_scripts)
    app.connect("build-finished", check_every_executed_example_ran)
    app.add_directive("example-provenance", ExampleProvenance)
    app.add_directive("cuda-build-status", CudaBuildStatus)
    app.add_directive("notebook-provenance", NotebookProvenance)
    app.add_directive("compatibility-range", CompatibilityRange)
    app.add_directive("compatibility-grid", CompatibilityGrid)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
