"""Alt text of the examples' charts in the edition's language.

sphinx-gallery gives each figure that an example draws its title as alt text,
in a node of its own (``imgsgnode``) that Sphinx's translation never looks
into: in a translated edition that alt text would stay English. The chart of
an example carries the title of the section that shows it, so its page's
catalog holds the translation of that title. This extension gives a figure
whose alt text is a message of its page that message's translation, as plain
text. A figure whose title is no message of its page keeps it.
"""

from __future__ import annotations

import html

from sphinx.application import Sphinx
from sphinx.locale import init as init_locale
from sphinx.transforms import SphinxTransform
from sphinx.util.i18n import docname_to_domain

from translated_thumbnails import plain_text


def translated_alt(alt: str, translate) -> str | None:
    """The translation of ``alt`` as an HTML attribute value, or None if it has none.

    sphinx-gallery writes the alt text into the ``<img>`` tag as it is, so the
    translation is escaped here.
    """
    if not alt:
        return None
    translated = translate(alt)
    if not translated or translated == alt:
        return None
    return html.escape(plain_text(translated), quote=True)


class TranslateFigureAltText(SphinxTransform):
    default_priority = 21  # right after Sphinx's Locale transform (20)

    def apply(self, **kwargs) -> None:
        from sphinx_gallery.directives import imgsgnode

        if self.config.language == "en":
            return
        domain = docname_to_domain(
            self.env.current_document.docname, self.config.gettext_compact
        )
        dirs = [self.env.srcdir / directory for directory in self.config.locale_dirs]
        catalog, has_catalog = init_locale(dirs, self.config.language, domain)
        if not has_catalog:
            return
        for node in self.document.findall(imgsgnode):
            alt = translated_alt(node.get("alt", ""), catalog.gettext)
            if alt is not None:
                node["alt"] = alt


def setup(app: Sphinx) -> dict:
    app.add_transform(TranslateFigureAltText)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
