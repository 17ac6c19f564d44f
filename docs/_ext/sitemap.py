"""``sitemap.xml`` of each edition, every page with its ``hreflang`` alternates.

Each edition is its own Sphinx build, so each writes the sitemap of its own
pages (``LANG/sitemap.xml``); ``tools/build_site.py`` lists the editions' sitemaps
in a sitemap index at the site root and points ``robots.txt`` at it. A page's
alternates are the same as the ``<link rel="alternate" hreflang>`` tags in its
head (docs/_ext/language_switcher.py): every edition, and ``x-default`` for
English.

Sitemaps need absolute URLs, so a build that knows no hosted URL (``site_url``)
writes none.

Why not sphinx-sitemap (2.9.0): it lists only the pages written by the
current build, so an incremental build after an edit to one page rewrites its
sitemap with only the few pages that build wrote; it gives no ``x-default``; it registers a
``site_url`` setting of its own, which clashes with this site's; and it starts
a multiprocessing manager on every build to collect what this reads from the
environment.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from sphinx.application import Sphinx
from sphinx.util import logging

from language_switcher import alternates

logger = logging.getLogger(__name__)

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"


def sitemap_xml(
    docnames: list[str], language: str, languages: dict[str, str], site_url: str
) -> str:
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<urlset xmlns="{SITEMAP_NS}" xmlns:xhtml="{XHTML_NS}">',
    ]
    base = site_url.rstrip("/")
    for docname in docnames:
        lines.append("  <url>")
        lines.append(f"    <loc>{escape(f'{base}/{language}/{docname}.html')}</loc>")
        if len(languages) > 1:
            for hreflang, url in alternates(docname, language, languages, site_url):
                lines.append(
                    f'    <xhtml:link rel="alternate" hreflang={quoteattr(hreflang)}'
                    f" href={quoteattr(url)}/>"
                )
        lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def write_sitemap(app: Sphinx, exception) -> None:
    if exception is not None or app.builder.name != "html":
        return
    target = Path(app.outdir) / "sitemap.xml"
    if not app.config.site_url:
        target.unlink(missing_ok=True)  # no stale sitemap from a hosted build
        return
    text = sitemap_xml(
        sorted(app.env.found_docs),
        app.config.language,
        app.config.site_languages,
        app.config.site_url,
    )
    if not target.is_file() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")


def setup(app: Sphinx) -> dict:
    app.connect("build-finished", write_sitemap)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
