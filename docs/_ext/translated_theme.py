"""The words around each page in the edition's language: theme, site title, prompts.

Their translations live in ``docs/locale/LANG/LC_MESSAGES/sphinx.po``, the
catalog of Sphinx's own domain, which Sphinx compiles and puts in front of its
built-in one. From that catalog this extension translates:

* furo's strings that go through gettext but that neither furo nor Sphinx
  translates (Next, Previous, On this page, Back to top, Skip to content,
  Edit / View this page, the footer);
* furo's strings that do not go through gettext at all (the labels of its
  buttons and the titles of its icons): ``UNTRANSLATED_THEME_STRINGS`` are
  wrapped in ``_()`` while furo's templates are compiled;
* ``project``, ``html_title`` and the author in ``copyright``, so that
  ``<title>``, the sidebar brand, the footer and ``og:site_name`` name the site
  in the reader's language;
* myst-nb's "Show code cell source" / "Hide code cell source" prompts;
* labels that Python code writes into the page: furo's "Toggle navigation of
  …" in the sidebar and myst-nb's "Toggle hidden content".
"""

from __future__ import annotations

import html
import re

from jinja2.ext import Extension
from sphinx.application import Sphinx
from sphinx.locale import get_translation

_ = get_translation("sphinx")

# Hard-coded English in furo's templates (furo 2025.12.19): aria labels, icon
# titles, and the "'s" of "@pradyunsg's Furo" in the footer.
UNTRANSLATED_THEME_STRINGS = (
    "Toggle site navigation sidebar",
    "Toggle table of contents sidebar",
    "Toggle Light / Dark / Auto color theme",
    "Contents",
    "Menu",
    "Expand",
    "Light mode",
    "Dark mode",
    "Auto light/dark, in light mode",
    "Auto light/dark, in dark mode",
)
FOOTER_POSSESSIVE = "</a>'s"

# Labels that Python code writes into the HTML: furo's navigation tree, myst-nb's cells.
NAVIGATION_LABEL = re.compile(r'aria-label="Toggle navigation of ([^"]*)"')
HIDDEN_CELL_LABEL = 'aria-label="Toggle hidden content"'

# myst-nb's defaults (nb_code_prompt_show / nb_code_prompt_hide).
PROMPTS = {
    "nb_code_prompt_show": "Show code cell {type}",
    "nb_code_prompt_hide": "Hide code cell {type}",
}


def gettext_call(text: str) -> str:
    return "{{ _(" + repr(text) + ") }}"


def wrap_in_gettext(source: str) -> str:
    """Template source with the hard-coded theme strings turned into ``_()`` calls."""
    for text in UNTRANSLATED_THEME_STRINGS:
        call = gettext_call(text)
        source = source.replace(f'aria-label="{text}"', f'aria-label="{call}"')
        source = source.replace(f"<title>{text}</title>", f"<title>{call}</title>")
    return source.replace(FOOTER_POSSESSIVE, "</a>" + gettext_call("'s"))


class ThemeStringsExtension(Extension):
    """Jinja: gettext around the theme's hard-coded strings, before a template compiles."""

    def preprocess(self, source, name, filename=None):
        return wrap_in_gettext(source)


def localise_config(app: Sphinx, config) -> None:
    """Site title, copyright holder and prompts, from the ``sphinx`` catalog."""
    if config.language == "en":
        return
    author = config.author
    config.project = str(_(config.project))
    config.html_title = str(_(config.html_title))
    if author and author in config.copyright:
        # "2026, The … contributors" → "2026，…的贡献者"
        year, _comma, _holder = config.copyright.partition(author)
        year = re.sub(r",\s*$", "，", year)
        config.copyright = year + str(_(author))
    for name, default in PROMPTS.items():
        if getattr(config, name, default) == default:
            setattr(config, name, str(_(default)))


def translate_theme_templates(app: Sphinx) -> None:
    templates = getattr(app.builder, "templates", None)
    environment = getattr(templates, "environment", None)
    if environment is not None and app.config.language != "en":
        environment.add_extension(ThemeStringsExtension)


def translate_generated_labels(app: Sphinx, pagename, templatename, context, doctree):
    if app.config.language == "en":
        return

    def navigation_label(match: re.Match) -> str:
        title = html.unescape(match.group(1))
        label = str(_("Toggle navigation of %(title)s")) % {"title": title}
        return f'aria-label="{html.escape(label)}"'

    tree = context.get("furo_navigation_tree")
    if tree:
        context["furo_navigation_tree"] = NAVIGATION_LABEL.sub(navigation_label, tree)
    body = context.get("body")
    if body and HIDDEN_CELL_LABEL in body:
        label = html.escape(str(_("Toggle hidden content")))
        context["body"] = body.replace(HIDDEN_CELL_LABEL, f'aria-label="{label}"')


def setup(app: Sphinx) -> dict:
    app.connect("config-inited", localise_config)
    # After furo's own handler, which writes the navigation tree.
    app.connect("html-page-context", translate_generated_labels, priority=900)
    app.connect("builder-inited", translate_theme_templates)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
