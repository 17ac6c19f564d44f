"""Gallery thumbnails in the edition's language.

sphinx-gallery writes every thumbnail on the gallery pages (the examples page
and each section's page) as raw HTML: a ``tooltip`` from the example's
introduction and a title from the example's title. Raw HTML is never
translated, so in a translated edition both would stay English under a
translated sidebar. This extension translates them while a page is read, from
the example pages' own catalogs: the translation of the title and of the
introduction, reduced to plain text the way sphinx-gallery reduces the English.
A text that has no translation yet stays English (the translation tests name it).
"""

from __future__ import annotations

import html
import re
from functools import cache
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx

from executed_gallery.wording import read_translations

TOOLTIP = re.compile(
    r'(<div class="sphx-glr-thumbcontainer"[^>]*\btooltip=")([^"]*)(")'
)
TITLE = re.compile(r'(<div class="sphx-glr-thumbnail-title">)(.*?)(</div>)', re.S)


def plain_text(rest: str) -> str:
    """A reST message as the text a reader sees: markup and escapes removed."""
    text = re.sub(r"\\ ", "", rest)  # an escaped space renders as nothing
    # :role:`title <target>` -> title; :role:`~a.b.c` -> c; :role:`x` -> x
    text = re.sub(r"(?::[\w.+-]+)+:`([^`<]*?)\s*<[^`>]*>`", r"\1", text)
    text = re.sub(r"(?::[\w.+-]+)+:`~(?:[^`]*\.)?([^`.]+)`", r"\1", text)
    text = re.sub(r"(?::[\w.+-]+)+:`([^`]*)`", r"\1", text)
    text = re.sub(r"``(.+?)``", r"\1", text)  # inline literal
    text = re.sub(r"`([^`<]*?)\s*<[^`>]*>`__?", r"\1", text)  # hyperlink
    text = re.sub(r"\*\*(.+?)\*\*", r"\1", text)
    text = re.sub(r"\*(.+?)\*", r"\1", text)
    text = re.sub(r"\\(.)", r"\1", text)  # other escapes
    return " ".join(text.split())


def catalogs(catalog_dir: Path) -> tuple[tuple[Path, int], ...]:
    """The catalogs in a folder, with their modification times (the cache key)."""
    return tuple(
        (path, path.stat().st_mtime_ns) for path in sorted(catalog_dir.rglob("*.po"))
    )


@cache
def _translations(catalog_files: tuple[tuple[Path, int], ...]) -> dict[str, str]:
    """English thumbnail text -> translated text."""
    from sphinx_gallery.gen_rst import _sanitize_rst

    found: dict[str, str] = {}
    for path, _mtime in catalog_files:
        for english, translated in read_translations(path).items():
            english = _sanitize_rst(" ".join(str(english).split()))
            found.setdefault(english, plain_text(translated))
    return found


def translate_thumbnail_html(raw: str, translations: dict[str, str]) -> str:
    """Return the raw HTML with its tooltip and title translated."""

    def replace(match: re.Match, quote: bool) -> str:
        english = html.unescape(match.group(2)).strip()
        if english not in translations:
            return match.group()
        translated = html.escape(translations[english], quote=quote)
        return match.group(1) + translated + match.group(3)

    raw = TOOLTIP.sub(lambda match: replace(match, quote=True), raw)
    return TITLE.sub(lambda match: replace(match, quote=False), raw)


def gallery_catalog_dirs(app: Sphinx) -> list[Path]:
    language = app.config.language
    gallery_dirs = app.config.sphinx_gallery_conf.get("gallery_dirs", [])
    if isinstance(gallery_dirs, str):
        gallery_dirs = [gallery_dirs]
    return [
        Path(app.srcdir, locale_dir, language, "LC_MESSAGES", gallery_dir).resolve()
        for locale_dir in app.config.locale_dirs
        for gallery_dir in gallery_dirs
    ]


def translate_thumbnails(app: Sphinx, doctree: nodes.document) -> None:
    if app.config.language == "en":
        return
    translations: dict[str, str] = {}
    files: list[Path] = []
    for catalog_dir in reversed(gallery_catalog_dirs(app)):
        if catalog_dir.is_dir():
            found = catalogs(catalog_dir)
            translations.update(_translations(found))
            files += [path for path, _mtime in found]
    if not translations:
        return
    for raw in list(doctree.findall(nodes.raw)):
        if "html" not in raw.get("format", "").split():
            continue
        text = raw.astext()
        if "sphx-glr-thumb" not in text:
            continue
        translated = translate_thumbnail_html(text, translations)
        if translated != text:
            raw.replace_self(nodes.raw(raw.rawsource, translated, format="html"))
        # Re-read this page when any example's translation changes (or first appears).
        for catalog in files:
            app.env.note_dependency(str(catalog))


def setup(app: Sphinx) -> dict:
    app.connect("doctree-read", translate_thumbnails)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
