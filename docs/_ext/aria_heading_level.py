"""Give toctree captions the aria-level that their role="heading" requires.

Sphinx renders a toctree's caption as ``<p class="caption" role="heading">``
without ``aria-level`` (sphinx-doc/sphinx#14030; WAI-ARIA 1.2 requires it, and
axe-core reports it as a critical violation). Level 2 is what browsers assume
when it is missing, so the outline does not change.
"""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.writers.html5 import HTML5Translator


class HeadingLevelTranslator(HTML5Translator):
    def starttag(self, node, tagname, suffix="\n", empty=False, **attributes):
        if str(attributes.get("ROLE", attributes.get("role", ""))) == "heading":
            attributes.setdefault("aria-level", "2")
        return super().starttag(node, tagname, suffix, empty, **attributes)


def setup(app: Sphinx) -> dict:
    app.set_translator("html", HeadingLevelTranslator)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
