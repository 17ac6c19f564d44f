"""Sections that fold their proof: the claim stays in view, the code behind it folds.

An example page gives a section the class ``fold`` where only some readers want
its proof (``.. rst-class:: fold`` before the section's title). Its title and
its first paragraph, the claim, stay as they are; the rest (code, output and any
further text) goes into a ``<details>`` element that the reader opens with one
click. Everything still runs and asserts in the build and in the downloads;
only the page folds it. Search indexes the folded text like the rest, and the
notebooks leave the marker out (``without_fold_markers``).
"""

from __future__ import annotations

import re

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.locale import _
from sphinx.transforms.post_transforms import SphinxPostTransform

FOLD_CLASS = "fold"
SUMMARY = "Show the code and its output"


FOLD_MARKER = re.compile(r"^\.\. rst-class:: fold\n\n?", re.MULTILINE)


def without_fold_markers(text: str) -> str:
    """A text block without its fold markers: a notebook has no folds to mark."""
    return FOLD_MARKER.sub("", text)


class folded(nodes.General, nodes.Element):
    """The folded part of a section, with the words of its summary."""


def visit_folded(translator, node: folded) -> None:
    summary = translator.encode(node["summary"])
    translator.body.append(
        f'<details class="folded-proof"><summary>{summary}</summary>\n'
    )


def depart_folded(translator, node: folded) -> None:
    translator.body.append("</details>\n")


class FoldSections(SphinxPostTransform):
    default_priority = 200
    formats = ("html",)

    def run(self, **kwargs) -> None:
        for section in list(self.document.findall(nodes.section)):
            if FOLD_CLASS not in section["classes"]:
                continue
            section["classes"].remove(FOLD_CLASS)
            shown = 1  # the title
            if len(section) > 1 and isinstance(section[1], nodes.paragraph):
                shown = 2  # and the claim
            rest = section.children[shown:]
            if not rest:
                continue
            fold = folded(summary=_(SUMMARY))
            fold.extend(rest)
            section.children = section.children[:shown]
            section += fold


def setup(app: Sphinx) -> dict:
    app.add_node(folded, html=(visit_folded, depart_folded))
    app.add_post_transform(FoldSections)
    app.add_css_file("folded-sections.css")
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
