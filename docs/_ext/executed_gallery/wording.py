"""Text that the extension adds to pages, in English, and its translations.

These strings are generated at build time, so gettext never extracts them. Each
edition's translations are in its catalog of the theme's words,
``docs/locale/LANG/LC_MESSAGES/sphinx.po`` (the English text is the msgid),
where the glossary and ``tools/zh_typography.py`` see them too.
"""

from __future__ import annotations

import functools
from pathlib import Path

from docutils import nodes

LOCALE = Path(__file__).resolve().parents[2] / "locale"  # docs/locale

# English, and the msgids of the translations.
WORDING = {
    "produced_by": "Outputs on this page were produced by this build:",
    "produced_by_short": "Outputs: torch {torch}, NumPy {numpy}, this build",
    "downloads": "Download:",
    "download_script": "Python script",
    "download_notebook": "Jupyter notebook",
    "torch_build": "torch {torch}, {cuda}",
    "cuda_version": "CUDA {cuda}",
    "no_cuda": "CUDA not available",
    "gpu_summary": "GPU: {gpu} (CUDA {cuda})",
    "cpu_summary": "CPU: {cpu}",
    "not_executed_title": "Not executed in this build",
    "not_executed": (
        "This build ran with example execution turned off, so the code "
        "below is shown without its output."
    ),
    "needs_cuda_title": "Needs CUDA: not executed in this build",
    "needs_cuda": (
        "This example needs an NVIDIA GPU with CUDA. The machine that built "
        "this page had none ({torch_build}), so the code below was not run "
        "here. The hosted site is built on a GPU machine, where this page "
        "shows the output that CUDA really gives."
    ),
    "gpu_output": (
        "Under each block is what it printed on the GPU machine of the "
        "compatibility grid, for this version of the page ({label})."
    ),
    "no_gpu_output": (
        "No GPU output was recorded for this version of the page, so none is shown."
    ),
    "hosted_link": "Read this page on the hosted site.",
    "cuda_section_executed": (
        "This build had CUDA ({gpu}, CUDA {cuda}): the examples below were executed."
    ),
    "cuda_section_skipped": (
        "This build had no CUDA ({torch_build}): the examples below are shown "
        "with their code and downloads, but were not executed."
    ),
}


def wording_for(language: str | None) -> dict[str, str]:
    """The wording in a Sphinx ``language``, English where it has no translation."""
    return translated(WORDING, language)


def sentence_gap(language: str | None) -> str:
    """What separates two sentences: a space, none between Chinese ones."""
    return compatibility_wording(language)["sentence_gap"]


#: Sentences of the compatibility grid (compatibility.py), in English.
COMPATIBILITY_WORDING = {
    "heading": "Compatibility:",
    "sentence_gap": " ",
    "checked_on": (
        "checked on torch {torch}, NumPy {numpy}{libraries}{gpu} ({count} {environments}, {date})."
    ),
    "with_gpu": ", on a GPU among them",
    "with_gpu_only": ", on a GPU",
    "without_gpu": "",
    "environment_one": "environment",
    "environment_many": "environments",
    "and": " and ",
    "list_separator": ", ",
    "library_separator": "; ",
    "needs_gpu_cell": "needs CUDA: no GPU environment has checked it yet.",
    "not_run": "Checks skipped where {library} is not installed: {count} {environments}.",
    "never_checked": "not checked in any environment of the grid yet.",
    "stale": "Not re-checked since this page's code changed: {count} {environments}.",
    "see_grid": "All environments.",
    "fails_with": "Fails with {environment} (cell {cell}):",
    "at_line": "line {line},",
    "page": "Page",
    "legend": (
        "✓ passed · ✗ failed (see below) · — not run: needs CUDA · "
        "○ not run: a library the page needs (CuPy, JAX) is not installed · "
        "stale: not re-checked since the page's code changed · · no result"
    ),
    "mark_stale": "stale",
    "environments": "Environments",
    "environment_line": ": {details}, checked {date}",
    "failures": "Failures",
    "range_torch": "torch {torch_oldest} to {torch_newest}.",
    "range_numpy": "NumPy {numpy}.",
    "range_python": "Python {python}.",
}


def compatibility_wording(language: str | None) -> dict[str, str]:
    punctuation = PUNCTUATION.get(language or "en", {})
    return {**translated(COMPATIBILITY_WORDING, language), **punctuation}


# Spacing and separators, which differ between languages but are no words to
# translate (an empty msgstr would mean "untranslated").
PUNCTUATION = {
    # No space between Chinese sentences; one between a version number and the
    # Chinese that follows it; a full-width comma between libraries.
    "zh_CN": {"sentence_gap": "", "without_gpu": " ", "library_separator": "，"},
}


def translated(wording: dict[str, str], language: str | None) -> dict[str, str]:
    return {key: translate(text, language) for key, text in wording.items()}


def translate(text: str, language: str | None) -> str:
    return catalog(language or "en").get(text, text)


@functools.cache
def catalog(language: str) -> dict[str, str]:
    """The translations of an edition's sphinx.po: English -> its language."""
    path = LOCALE / language / "LC_MESSAGES" / "sphinx.po"
    return read_translations(path) if path.is_file() else {}


def read_translations(path: Path) -> dict[str, str]:
    """{message: translation} of a catalog, for the messages translated and current."""
    from babel.messages.pofile import read_po

    with path.open("rb") as handle:
        return {
            m.id: m.string for m in read_po(handle) if m.id and m.string and not m.fuzzy
        }


def untranslated(node: nodes.Element) -> nodes.Element:
    """Keep a generated node out of the gettext catalogs: its text comes from here."""
    for element in node.findall(nodes.TextElement):
        element["translatable"] = False
    return node
