"""Each executed page names the environment that produced its outputs.

An example page that did not run says so instead, and why; a CUDA page links
to its hosted version, which a GPU machine built. The top of an example page is
laid out here too: its title, its downloads, its answer (the script's first
block), then that line.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from . import environment
from .compatibility import compatibility_summary
from .gallery import (
    example_source,
    in_cuda_section,
    plot_gallery_enabled,
    runs_in_this_build,
)
from .recorded_outputs import PageOutputs, recorded_label
from .wording import sentence_gap, untranslated, wording_for

# sphinx-gallery opens each block that follows the title and introduction with this comment.
GENERATED_BLOCK = re.compile(r"^\.\. GENERATED FROM PYTHON SOURCE LINES", re.MULTILINE)
# sphinx-gallery's "Go to the end to download the full example code" note, which
# stands above the title of every example page. The downloads move under the
# title instead, so the first screen is the page's answer.
GO_TO_THE_END_NOTE = re.compile(
    r"^\.\. only:: html\n\n    \.\. note::\n"
    r"        :class: sphx-glr-download-link-note\n(?:\n|        .*\n)*",
    re.MULTILINE,
)
# The page's title: the first underlined line after sphinx-gallery's header.
TITLE = re.compile(r"^[^\n.][^\n]*\n=+\n", re.MULTILINE)


def torch_build_summary(
    build_env: dict[str, str], wording: dict[str, str] | None = None
) -> str:
    wording = wording or wording_for("en")
    cuda = (
        wording["cuda_version"].format(**build_env)
        if "cuda" in build_env
        else wording["no_cuda"]
    )
    return wording["torch_build"].format(torch=build_env["torch"], cuda=cuda)


def provenance_summary(build_env: dict[str, str], wording: dict[str, str]) -> str:
    parts = [
        f"torch {build_env['torch']}",
        f"NumPy {build_env['numpy']}",
        f"Python {build_env['python']}",
    ]
    if "gpu" in build_env:
        parts.append(wording["gpu_summary"].format(**build_env))
    parts.append(wording["cpu_summary"].format(**build_env))
    return " · ".join(parts)


def lay_out_example_page(app: Sphinx, docname: str, source: list[str]) -> None:
    """The top of an example page is for its reader: the title, the downloads,
    the answer (the script's first block), then where its outputs came from."""
    script = example_source(app.srcdir, app.config, docname)
    if script is None or script.suffix != ".py":
        return
    text = GO_TO_THE_END_NOTE.sub("", source[0], count=1)
    text = TITLE.sub(
        lambda match: match.group(0) + "\n.. example-downloads::\n\n", text, count=1
    )
    # After each code block and its output: what other environments print
    # there (recorded_outputs.py); under the answer, where the outputs come from.
    starts = [match.start() for match in GENERATED_BLOCK.finditer(text)]
    footer = text.find("\n.. _sphx_glr_download_")
    ends = [*starts[1:], footer if footer >= 0 else len(text)]
    pieces, done, number = [], 0, 0
    for start, end in zip(starts, ends, strict=True):
        if GALLERY_CODE not in text[start:end]:
            continue
        pieces += [text[done:end], recorded_output_directive(number, text[start:end])]
        if number == 0:
            pieces.append("\n.. example-provenance::\n\n")
        done, number = end, number + 1
    source[0] = "".join([*pieces, text[done:]])


# How sphinx-gallery opens a block of the script's code, and the block's output.
GALLERY_CODE = "\n.. code-block:: Python\n"
GALLERY_OUTPUT = re.compile(
    r"^\.\. rst-class:: sphx-glr-script-out\n\n \.\. code-block:: none\n\n"
    r"((?:    .*\n|\n)*)",
    re.MULTILINE,
)


def recorded_output_directive(number: int, block: str) -> str:
    """``.. recorded-output:: N`` with what the page shows under code block N."""
    shown = GALLERY_OUTPUT.search(block)
    lines = shown[1].rstrip("\n").splitlines() if shown else []
    content = "".join(f"   {line[4:]}\n" if line else "\n" for line in lines)
    return f"\n.. recorded-output:: {number}\n\n{content}\n"


def provenance_box(
    build_env: dict[str, str], wording: dict[str, str], folded: list[nodes.Node]
) -> nodes.Element:
    """The line that names the versions and the device behind a page's outputs:
    one line to read, the rest (the machine, the grid: ``folded``) folded under it."""
    box = nodes.container(classes=["example-provenance"])
    summary = wording["produced_by_short"].format(**build_env)
    box += nodes.raw(
        "", f"<details><summary>{html.escape(summary)}</summary>", format="html"
    )
    paragraph = nodes.paragraph()
    paragraph += nodes.strong(text=wording["produced_by"])
    # No space after a full-width colon.
    space = "" if wording["produced_by"].endswith("：") else " "
    paragraph += nodes.Text(space + provenance_summary(build_env, wording))
    box += paragraph
    box.extend(folded)
    box += nodes.raw("", "</details>", format="html")
    return untranslated(box)


class ExampleDownloads(SphinxDirective):
    """The page's script and notebook as downloads, under its title (sphinx-gallery
    writes both next to the generated page, and links them again at its end)."""

    def run(self) -> list[nodes.Node]:
        wording = wording_for(self.config.language)
        name = Path(self.env.docname).name
        # No space after a full-width colon.
        space = "" if wording["downloads"].endswith("：") else " "
        line = (
            f"{wording['downloads']}{space}:download:`{wording['download_script']} <{name}.py>`"
            f" · :download:`{wording['download_notebook']} <{name}.ipynb>`"
        )
        box = nodes.container(classes=["page-actions"])
        box += self.parse_text_to_nodes(line)
        return [untranslated(box)]


def not_executed_notice(title: str, text: str) -> nodes.Element:
    notice = nodes.admonition(classes=["warning", "example-not-executed"])
    notice += nodes.title(text=title)
    notice += nodes.paragraph(text=text)
    return notice


class ExampleProvenance(SphinxDirective):
    """Say which environment produced this example page's output, or that none did."""

    def run(self) -> list[nodes.Node]:
        config, srcdir = self.config, self.env.srcdir
        wording = wording_for(config.language)
        build_env = config.executed_gallery_environment
        script = example_source(srcdir, config, self.env.docname)
        compatibility = [] if script is None else compatibility_summary(self, script)
        page = PageOutputs.of(self)
        selector = page.selector() if page is not None else []
        if script is not None and runs_in_this_build(config, script):
            box = provenance_box(build_env, wording, compatibility)
            box.extend(selector)
            return [box]

        in_cuda_dir = script is not None and in_cuda_section(srcdir, config, script)
        if in_cuda_dir and plot_gallery_enabled(config):
            title, text = wording["needs_cuda_title"], wording["needs_cuda"]
            recorded = page.gpu_cell() if page is not None else None
            text += sentence_gap(config.language)
            if recorded is None:
                text += wording["no_gpu_output"]
            else:
                text += wording["gpu_output"].format(
                    label=recorded_label(recorded[1]["environment"])
                )
        else:
            title, text = wording["not_executed_title"], wording["not_executed"]
        notice = not_executed_notice(
            title, text.format(torch_build=torch_build_summary(build_env, wording))
        )
        hosted = config.site_url  # the hosted site (language_switcher's setting)
        if hosted and in_cuda_dir:
            language = config.language
            url = f"{hosted.rstrip('/')}/{language}/{self.env.docname}.html"
            link = nodes.paragraph()
            link += nodes.reference(text=wording["hosted_link"], refuri=url)
            notice += link
        notice.extend(compatibility)
        notice.extend(selector)
        return [untranslated(notice)]


class NotebookProvenance(SphinxDirective):
    """On a page executed by myst-nb: the environment that produced its outputs."""

    def run(self) -> list[nodes.Node]:
        wording = wording_for(self.config.language)
        if self.config.nb_execution_mode == "off":
            notice = not_executed_notice(
                wording["not_executed_title"], wording["not_executed"]
            )
            return [untranslated(notice)]
        page = Path(self.env.doc2path(self.env.docname)).resolve()
        build_env = self.config.executed_gallery_environment
        return [provenance_box(build_env, wording, compatibility_summary(self, page))]


class CudaBuildStatus(SphinxDirective):
    """State, in the CUDA gallery section, whether this build executed its examples."""

    def run(self) -> list[nodes.Node]:
        wording = wording_for(self.config.language)
        build_env = self.config.executed_gallery_environment
        if environment.has_cuda(build_env):
            text = wording["cuda_section_executed"].format(**build_env)
            classes = ["note", "cuda-build-status"]
        else:
            text = wording["cuda_section_skipped"].format(
                torch_build=torch_build_summary(build_env, wording)
            )
            classes = ["warning", "cuda-build-status"]
        box = nodes.container(classes=classes)
        box += nodes.paragraph(text=text)
        return [untranslated(box)]
