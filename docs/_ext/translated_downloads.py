"""The downloads of each edition, in its language.

sphinx-gallery writes one script and one notebook per example, from the English
source, and both editions offer those same files. A translated edition replaces
them, after Sphinx has copied them into ``_downloads``, with copies whose text
blocks come from the page's catalog and whose code comments come from
``code-comments.po`` (the same translations that the page shows). The zips hold
the translated files too. The code itself is left as it is, byte for byte, so a
download runs as the English one does.

The translation works on the source text, a paragraph, title, list item or
table cell at a time: each is looked up, with its lines joined, as the msgid
that Sphinx's gettext builder made of it. What the catalog does not know stays
as it is. ``colab.py`` uses the same functions for the edition's Colab
notebooks, the reference pages' MyST cells included.
"""

from __future__ import annotations

import json
import re
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import nbformat
from docutils.utils import column_width
from sphinx.application import Sphinx
from sphinx.errors import ExtensionError
from sphinx.util import docname_join, logging
from sphinx_gallery import py_source_parser
from sphinx_gallery.notebook import jupyter_notebook

from executed_gallery.gallery import example_pages
from folded_sections import without_fold_markers
from translated_comments import (
    catalog_path,
    edition_translations,
    read_translations,
    translate_comments,
)

logger = logging.getLogger(__name__)

Translate = Callable[[str], "str | None"]

RST_UNDERLINE = re.compile(r"^([=\-~^\"'`#*+])\1+\s*$")
MARKDOWN_HEADING = re.compile(r"^(#{1,6}\s+)(.+)$")
LIST_ITEM = re.compile(r"^(\s*(?:[*+-]|\d+\.|#\.)\s+)(.*)$")
DIRECTIVE = re.compile(r"^\s*\.\. ")
MYST_TARGET = re.compile(r"^\(([\w-]+)\)=[ \t]*$", re.MULTILINE)  # "(label)="
TEXT_BLOCK_START = re.compile(r"^# ?%%")


# -- Text ------------------------------------------------------------------------


def joined(lines: list[str]) -> str:
    return " ".join(line.strip() for line in lines)


def paragraphs(lines: list[str]) -> Iterator[list[str]]:
    """Runs of non-blank lines, and each blank line on its own."""
    run: list[str] = []
    for line in lines:
        if line.strip():
            run.append(line)
            continue
        if run:
            yield run
            run = []
        yield [line]
    if run:
        yield run


def translate_table_row(line: str, translate: Translate) -> str:
    cells = line.strip().strip("|").split("|")
    if all(set(cell.strip()) <= set("-: ") for cell in cells):
        return line  # the rule under the header
    translated = [translate(cell.strip()) or cell.strip() for cell in cells]
    return "| " + " | ".join(translated) + " |"


def translate_list(run: list[str], translate: Translate) -> list[str] | None:
    """Each item of a list that the catalog knows; None when the run is no list."""
    if not LIST_ITEM.match(run[0]):
        return None
    items: list[list[str]] = []
    for line in run:
        if LIST_ITEM.match(line) or not items:
            items.append([line])
        else:
            items[-1].append(line)
    lines = []
    for item in items:
        marker, first = LIST_ITEM.match(item[0]).groups()
        translated = translate(joined([first, *item[1:]]))
        lines += [marker + translated] if translated else item
    return lines


def translate_run(run: list[str], translate: Translate) -> list[str]:
    """One paragraph's lines, translated where the catalog knows them."""
    indent = run[0][: len(run[0]) - len(run[0].lstrip())]
    whole = translate(joined(run))
    if whole:
        return [indent + whole]
    if len(run) == 2 and RST_UNDERLINE.match(run[1]):
        title = translate(run[0].strip())
        if title:
            return [title, run[1].strip()[0] * column_width(title)]
    heading = MARKDOWN_HEADING.match(run[0])
    if len(run) == 1 and heading:
        title = translate(heading.group(2).strip())
        return [heading.group(1) + title] if title else run
    if len(run) > 1 and run[1].startswith(": "):  # a MyST definition list's item
        term = translate(run[0].strip()) or run[0]
        definition = translate(joined([run[1][2:], *run[2:]]))
        return [term, ": " + definition] if definition else [term, *run[1:]]
    if all(line.lstrip().startswith("|") for line in run):
        return [translate_table_row(line, translate) for line in run]
    if (DIRECTIVE.match(run[0]) or MYST_TARGET.match(run[0])) and len(run) > 1:
        return [run[0], *translate_run(run[1:], translate)]
    return translate_list(run, translate) or run


def translate_text(text: str, translate: Translate) -> str:
    """reStructuredText or Markdown, translated a paragraph at a time."""
    lines: list[str] = []
    for run in paragraphs(text.split("\n")):
        lines.extend(run if not run[0].strip() else translate_run(run, translate))
    return "\n".join(lines)


# -- Scripts and notebooks --------------------------------------------------------


def translate_script(source: str, texts: Translate, comments: dict[str, str]) -> str:
    """A sphinx-gallery script: its docstring and ``# %%`` text blocks translated,
    and the comments of its code."""
    lines = source.split("\n")
    out: list[str] = []
    index = 0
    if lines and lines[0].strip() == '"""':
        end = lines.index('"""', 1)
        docstring = translate_text("\n".join(lines[1:end]), texts)
        # reST escapes (``code``\\ （) are not Python escapes: a raw string keeps them.
        opening = 'r"""' if "\\" in docstring else '"""'
        out += [opening, *docstring.split("\n"), '"""']
        index = end + 1
    code: list[str] = []

    def flush_code() -> None:
        if code:
            out.extend(translate_comments("\n".join(code), comments).split("\n"))
            code.clear()

    while index < len(lines):
        line = lines[index]
        if TEXT_BLOCK_START.match(line):
            flush_code()
            out.append(line)
            block = []
            index += 1
            while index < len(lines) and lines[index].startswith("#"):
                block.append(re.sub(r"^# ?", "", lines[index]))
                index += 1
            out += [
                f"# {text}".rstrip()
                for text in translate_text("\n".join(block), texts).split("\n")
            ]
            continue
        code.append(line)
        index += 1
    flush_code()
    return "\n".join(out)


def script_notebook(
    script: Path,
    gallery_conf: dict,
    first_cell: str,
    references: Callable[[str], str] = str,
) -> dict:
    """The notebook of a script, made as sphinx-gallery makes its own, with
    its cross-references resolved by ``references``."""
    _, blocks = py_source_parser.split_code_and_text_blocks(script)
    blocks = [
        py_source_parser.Block(
            label,
            py_source_parser.remove_config_comments(
                py_source_parser.remove_ignore_blocks(
                    references(content) if label == "text" else content
                )
            ),
            line,
        )
        for label, content, line in blocks
    ]
    conf = {**gallery_conf, "first_notebook_cell": first_cell}
    notebook = jupyter_notebook(blocks, conf, script.parent)
    for cell in notebook["cells"]:
        if cell["cell_type"] == "markdown":
            # reStructuredText's escaped space joins a code span to the
            # full-width bracket after it; Markdown would show the backslash.
            text = "".join(cell["source"]).replace("\\ ", "")
            cell["source"] = [without_fold_markers(text)]
    return notebook


# A cross-reference in reStructuredText or MyST: :ref:`label`, {doc}`title <path>`.
REFERENCE = re.compile(
    r"(?::(?P<rest>ref|doc):|\{(?P<myst>ref|doc)\})`(?P<body>[^`]+)`"
)
TITLED = re.compile(r"^(?P<title>.*?)\s*<(?P<target>[^<>]+)>$", re.DOTALL)


def reference_resolver(app: Sphinx, docname: str) -> Callable[[str], str]:
    """Text with each cross-reference replaced by what the page shows for it,
    the title of its target, linked to the hosted page where the site has one:
    Jupyter shows roles as they are."""
    env = app.env
    labels = env.domaindata["std"]["labels"]
    anonymous = env.domaindata["std"]["anonlabels"]
    base = app.config.html_baseurl.rstrip("/")

    def target_of(kind: str, target: str) -> tuple[str, str, str] | None:
        if kind == "doc":
            path = docname_join(docname, target)  # as Sphinx's :doc: resolves it
            if path not in env.titles:
                return None
            return path, "", env.titles[path].astext()
        key = target.lower()
        if key in labels:
            page, anchor, title = labels[key]
            return page, anchor, title
        if key in anonymous:
            page, anchor = anonymous[key]
            return page, anchor, env.titles[page].astext()
        return None

    def replace(match: re.Match) -> str:
        kind = match.group("rest") or match.group("myst")
        body = match.group("body")
        titled = TITLED.match(body)
        target = titled.group("target") if titled else body
        found = target_of(kind, target.strip())
        if found is None:
            return match.group()
        page, anchor, title = found
        text = titled.group("title") if titled else title
        if not base:
            return text
        url = f"{base}/{page}.html" + (f"#{anchor}" if anchor else "")
        return f"[{text}]({url})"

    return lambda text: REFERENCE.sub(replace, text)


# -- Catalogs -----------------------------------------------------------------------


def page_catalog(app: Sphinx, docname: str) -> Translate:
    """Lookup in the page's own catalog (gettext_compact is off: one per page)."""
    path = catalog_path(app, docname)
    return read_translations(path).get if path else {}.get


def translated_script(app: Sphinx, docname: str, script: Path) -> str:
    return translate_script(
        script.read_text(encoding="utf-8"),
        page_catalog(app, docname),
        edition_translations(app),
    )


def script_notebook_text(
    app: Sphinx, docname: str, name: str, text: str, first_cell: str
) -> str | None:
    """The notebook (JSON, as sphinx-gallery saves one) of an example's script
    text; None for a script that does not parse, which sphinx-gallery reports."""
    with tempfile.TemporaryDirectory() as scratch:
        script = Path(scratch, name)
        script.write_text(text, "utf-8")
        try:
            notebook = script_notebook(
                script,
                app.config.sphinx_gallery_conf,
                first_cell,
                reference_resolver(app, docname),
            )
        except (SyntaxError, ExtensionError):
            return None
    # Read back as nbformat reads a saved notebook: each cell's source one string.
    notebook = nbformat.reads(json.dumps(notebook), as_version=4)
    return json.dumps(notebook, indent=2, ensure_ascii=False)


def example_download(app: Sphinx, docname: str, script: Path) -> tuple[str, str] | None:
    """(script, notebook JSON) of an example in the edition's language, made once
    a build: its downloads and its Colab notebook (colab.py) both start from them."""
    from colab import runtime_check_cell  # colab imports this module

    made = getattr(app, "example_downloads", None)
    if made is None:
        made = app.example_downloads = {}
    if docname not in made:
        text = translated_script(app, docname, script)
        first_cell = runtime_check_cell(app.config, app.config.language)
        notebook = script_notebook_text(app, docname, script.name, text, first_cell)
        made[docname] = None if notebook is None else (text, notebook)
    return made[docname]


# -- The edition's downloads -------------------------------------------------------


def replace_in_zip(path: Path, replacements: dict[str, bytes]) -> None:
    """Rewrite the zip with the members whose file name has a replacement."""
    with zipfile.ZipFile(path) as old:
        members = [(info, old.read(info)) for info in old.infolist()]
    if not any(Path(info.filename).name in replacements for info, _ in members):
        return
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        for info, data in members:
            new.writestr(info, replacements.get(Path(info.filename).name, data))


def write_downloads(app: Sphinx, exception) -> None:
    """Replace the downloads that Sphinx copied with this edition's: translated,
    and in every edition without the page's fold markers in the notebooks."""
    if exception is not None or app.builder.format != "html":
        return
    replacements: dict[str, bytes] = {}
    for script, docname in example_pages(app.srcdir, app.config).items():
        made = example_download(app, docname, script)
        if made is None:
            continue
        text, notebook = made
        replacements[script.name] = text.encode()
        replacements[script.with_suffix(".ipynb").name] = notebook.encode()
    downloads = Path(app.outdir, "_downloads")
    written = 0
    for path in sorted(downloads.rglob("*")) if downloads.is_dir() else []:
        if path.name in replacements:
            path.write_bytes(replacements[path.name])
            written += 1
        elif path.suffix == ".zip":
            replace_in_zip(path, replacements)
    logger.info("translated_downloads: %d files in %s", written, app.config.language)


def setup(app: Sphinx) -> dict:
    app.connect("build-finished", write_downloads)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
