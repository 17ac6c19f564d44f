"""OpenGraph tags, so that a link to a page previews with its title and first sentences.

Each page gets ``og:title``, ``og:description`` (its ``description`` meta field,
else its first paragraph), ``og:url`` on the hosted site, ``og:site_name``,
``og:type`` and ``og:locale``, plus a plain ``<meta name="description">`` for
search engines.

Not sphinxext-opengraph (0.13): its description is the text of the whole page
run together, section titles joined with ":", list items with ",", and cut
with "...", which puts half-width punctuation into the Chinese edition's
previews; it ignores a page's own description; and it has no ``og:locale``.
"""

from __future__ import annotations

import re
from html import escape, unescape

from docutils import nodes
from sphinx.application import Sphinx

DESCRIPTION_LENGTH = 200
META_DESCRIPTION = re.compile(r'<meta[^>]*name="description"[^>]*>')
META_CONTENT = re.compile(r'content="([^"]*)"')
# Where a page's own words are not: notes, generated boxes, code and outputs.
SKIPPED_ANCESTORS = (
    nodes.Admonition,
    nodes.container,
    nodes.literal_block,
    nodes.table,
)


def first_paragraph(doctree: nodes.document) -> str:
    for paragraph in doctree.findall(nodes.paragraph):
        parent = paragraph.parent
        while parent is not None and not isinstance(parent, SKIPPED_ANCESTORS):
            parent = parent.parent
        if parent is None:
            return paragraph.astext()
    return ""


def shorten(text: str, length: int = DESCRIPTION_LENGTH) -> str:
    text = " ".join(text.split())
    if len(text) <= length:
        return text
    return text[: length - 1].rsplit(" ", 1)[0] + "…"


def add_link_preview_tags(
    app: Sphinx, pagename, templatename, context, doctree
) -> None:
    if doctree is None:
        return
    # A page's own description (MyST's html_meta) wins over its first paragraph.
    existing = META_DESCRIPTION.search(context.get("metatags", ""))
    own = META_CONTENT.search(existing.group(0)) if existing else None
    description = shorten(unescape(own.group(1)) if own else first_paragraph(doctree))
    title = unescape(re.sub(r"<[^>]+>", "", context.get("title") or app.config.project))
    base_url = app.config.html_baseurl.rstrip("/")
    tags = {
        "og:title": title,
        "og:type": "website",
        "og:site_name": app.config.project,
        "og:locale": app.config.language.replace("-", "_"),
    }
    if base_url:
        tags["og:url"] = f"{base_url}/{pagename}.html"
    if description:
        tags["og:description"] = description
    lines = [
        f'<meta property="{name}" content="{escape(value, quote=True)}">'
        for name, value in tags.items()
    ]
    if description and not existing:
        lines.append(
            f'<meta name="description" content="{escape(description, quote=True)}">'
        )
    context["metatags"] = context.get("metatags", "") + "\n".join(lines) + "\n"


def setup(app: Sphinx) -> dict:
    app.connect("html-page-context", add_link_preview_tags)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
