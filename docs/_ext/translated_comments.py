"""The comments in the pages' Python code, in the edition's language.

Sphinx translates prose, never code. A comment in a code block is prose, so
this extension gives comments a catalog of their own:

* the gettext build (``nox -s translations``) collects every comment of every
  Python code block the pages show (the examples' blocks, the notebook pages'
  cells, ``code-block`` directives), and of the notebook pages' cells that the
  pages leave out, into ``code-comments.pot``, which
  ``sphinx-intl`` turns into ``locale/LANG/LC_MESSAGES/code-comments.po``;
* a translated edition replaces each comment that has a translation there.

Only comments change: the code around them stays as it is, byte for byte
(``tokenize`` finds them, so a ``#`` inside a string is left alone). The
downloads get them too (translated_downloads.py).
"""

from __future__ import annotations

import hashlib
import io
import re
import tokenize
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po
from docutils import nodes
from myst_nb.core.read import read_myst_markdown_notebook
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform

from executed_gallery.compatibility import site_modules
from executed_gallery.wording import read_translations

DOMAIN = "code-comments"
PYTHON = {"python", "python3", "py", "ipython", "ipython3", "default"}
TOOL_DIRECTIVES = ("noqa", "fmt:", "type:", "pragma")  # for tools, not readers: kept


SHELL = {"console", "bash", "shell", "sh", "shell-session"}
# A shell comment: a "#" at the start of a line or after a space, with no quote
# before it on the line (where it could be inside a string).
SHELL_COMMENT = re.compile(r"""^([^'"#]*?(?:^|\s))#\s?(.*)$""")


def comments(code: str, language: str = "python") -> list[tuple[int, int, str]]:
    """Each comment of the code for readers: (line, column, its text after ``#``)."""
    found = []
    if language in SHELL:
        for number, line in enumerate(code.split("\n"), start=1):
            match = SHELL_COMMENT.match(line)
            if match and match.group(2).strip():
                found.append((number, len(match.group(1)), match.group(2).strip()))
        return found
    try:
        for token in tokenize.generate_tokens(io.StringIO(code).readline):
            text = token.string.lstrip("#").strip()
            if token.type == tokenize.COMMENT and not text.startswith(TOOL_DIRECTIVES):
                line, column = token.start
                found.append((line, column, text))
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return []  # not Python after all: leave it alone
    return found


def translate_comments(
    code: str, translations: dict[str, str], language: str = "python"
) -> str:
    """The code, each of its comments replaced by its translation where it has one."""
    lines = code.split("\n")
    for line, column, text in reversed(comments(code, language)):
        translated = translations.get(text)
        if translated:
            row = lines[line - 1]
            lines[line - 1] = row[:column] + "# " + translated
    return "\n".join(lines)


def commented_blocks(document: nodes.Node):
    """Each code block whose comments this extension reads, with its language."""
    for node in document.findall(nodes.literal_block):
        language = str(node.get("language", "default")).lower()
        if language in PYTHON:
            yield node, "python"
        elif language in SHELL:
            yield node, "shell"


class TranslateCodeComments(SphinxTransform):
    default_priority = 21  # right after Sphinx's Locale transform (20)

    def apply(self, **kwargs) -> None:
        if self.app.builder.name == "gettext":
            seen = self.env.code_comments = getattr(self.env, "code_comments", {})
            docname = self.env.current_document.docname
            for node, language in commented_blocks(self.document):
                for _, _, text in comments(node.astext(), language):
                    seen.setdefault(text, set()).add(docname)
            return
        translations = edition_translations(self.app)
        if not translations:
            return
        for node, language in commented_blocks(self.document):
            code = node.astext()
            translated = translate_comments(code, translations, language)
            if translated != code:
                node.children = [nodes.Text(translated)]
                node.rawsource = translated


def catalog_path(app: Sphinx, domain: str = DOMAIN) -> Path | None:
    """This edition's catalog of a domain (a page's docname, or code-comments)."""
    if app.config.language == "en":
        return None
    for directory in app.config.locale_dirs:
        path = Path(
            app.srcdir, directory, app.config.language, "LC_MESSAGES", f"{domain}.po"
        )
        if path.is_file():
            return path
    return None


def edition_translations(app: Sphinx) -> dict[str, str]:
    """{English comment: translation} from this edition's catalog, read once."""
    if not hasattr(app, "comment_translations"):
        path = catalog_path(app)
        app.comment_translations = read_translations(path) if path else {}
    return app.comment_translations


def catalog_digest(app: Sphinx) -> str:
    path = catalog_path(app)
    return hashlib.sha256(path.read_bytes()).hexdigest() if path else ""


def reread_when_the_catalog_changes(app, env, added, changed, removed) -> list[str]:
    """Every page again when the catalog changed: Sphinx watches only the pages' own."""
    digest = catalog_digest(app)
    if getattr(env, "code_comments_digest", None) == digest:
        return []
    env.code_comments_digest = digest
    return sorted(env.found_docs - set(added) - set(changed) - set(removed))


def merge_comments(app, env, docnames, other) -> None:
    seen = env.code_comments = getattr(env, "code_comments", {})
    for text, pages in getattr(other, "code_comments", {}).items():
        seen.setdefault(text, set()).update(pages)


def purge_comments(app, env, docname) -> None:
    for pages in getattr(env, "code_comments", {}).values():
        pages.discard(docname)


def notebook_comments(app: Sphinx) -> dict[str, set[str]]:
    """The comments of every code cell of the notebook pages, the cells that the
    page leaves out (remove-cell) included, and of the site modules they import:
    their Colab notebooks hold them all."""

    found: dict[str, set[str]] = {}
    for docname in sorted(app.env.found_docs):
        if "kernelspec" not in app.env.metadata.get(docname, {}):
            continue
        path = Path(app.env.doc2path(docname))
        notebook = read_myst_markdown_notebook(path.read_text(encoding="utf-8"))
        code = [cell.source for cell in notebook.cells if cell.cell_type == "code"]
        modules = site_modules("\n".join(code), Path(__file__).parent)
        for source in [*code, *(module.read_text("utf-8") for module in modules)]:
            for _, _, text in comments(source):
                found.setdefault(text, set()).add(docname)
    return found


def write_template(app: Sphinx, exception) -> None:
    """The gettext build's ``code-comments.pot``, beside the pages' templates."""
    if exception is not None or app.builder.name != "gettext":
        return
    seen = getattr(app.env, "code_comments", {})
    for text, pages in notebook_comments(app).items():
        seen.setdefault(text, set()).update(pages)
    catalog = Catalog(project=app.config.project, fuzzy=False)
    for text, pages in sorted(seen.items()):
        if pages:
            catalog.add(text, locations=[(page, None) for page in sorted(pages)])
    with Path(app.outdir, f"{DOMAIN}.pot").open("wb") as handle:
        write_po(handle, catalog, width=-1, no_location=not app.config.gettext_location)


def setup(app: Sphinx) -> dict:
    app.add_transform(TranslateCodeComments)
    app.connect("env-get-outdated", reread_when_the_catalog_changes)
    app.connect("env-merge-info", merge_comments)
    app.connect("env-purge-doc", purge_comments)
    app.connect("build-finished", write_template)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
