"""The site's search page: what search.html needs beyond Sphinx's index.

``docs/_ext/search_scorer.js`` ranks the pages (conf.py's html_search_scorer).
This extension hands it, inside search.html itself, each page's summary (its
``<meta name="description">``, from docs/_ext/link_previews.py), the
synonyms that readers search with (conf.py's ``site_search_synonyms``) and the
pages' reading order (which breaks ties: the basics before the edge cases), and
leaves out of that page the styles and scripts that only the content pages use,
so that a query downloads little; for the same reason it writes the index
smaller.

It also makes search work in the Chinese edition under Sphinx 9.0, whose
Chinese search data ends with ``window.Stemmer = ChineseStemmer;`` but defines
no ``ChineseStemmer``, so ``search.html`` throws and never shows a result
(sphinx-doc/sphinx#14229, fixed after 9.0; 9.1 needs Python 3.12). Chinese
words are split by jieba when the index is built; the stemmer is only applied
to the Latin words in a query, for which the English one is right.

A query gets the same treatment in the browser. Sphinx splits a query only at
spaces and punctuation, so "张量转换" or "复制张量" would be looked up as one
word that the index, split by jieba, does not hold. ``SPLIT_QUERY`` splits each
run of Chinese characters into the longest words the index knows, as jieba split
the pages (or the synonyms know: 大端), and drops single characters it does not
know (转, 的).
"""

from __future__ import annotations

import json
import logging
import re
from html import unescape
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.locale import _ as sphinx_gettext
from sphinx.search.zh import SearchChinese

SPLIT_QUERY = r"""
/* docs/_ext/site_search.py: split Chinese runs into words the index knows. */
var splitQuery = (query) => {
  const words = query
    .split(/[^\p{Letter}\p{Number}_\p{Emoji_Presentation}]+/gu)
    .filter((term) => term);
  const index = typeof Search !== "undefined" ? Search._index : null;
  if (!index) return words;
  const synonyms = new Set((window.SITE_SEARCH?.synonyms || []).flat());
  const known = (word) => {
    const lower = word.toLowerCase();
    return lower in index.terms || lower in index.titleterms || synonyms.has(lower);
  };
  const longestWord = 8;
  const segment = (run) => {
    if (known(run)) return [run];
    const parts = [];
    let start = 0;
    while (start < run.length) {
      let end = Math.min(run.length, start + longestWord);
      while (end > start + 1 && !known(run.slice(start, end))) end -= 1;
      if (end > start + 1) parts.push(run.slice(start, end));
      start = end;
    }
    return parts;
  };
  const split = words.flatMap((word) =>
    (word.match(/\p{Script=Han}+|[^\p{Script=Han}]+/gu) || []).flatMap((run) =>
      /\p{Script=Han}/u.test(run) ? segment(run) : [run],
    ),
  );
  return split.length ? split : words;
};
"""

DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)"')
# Styles and scripts of the content pages (code blocks, gallery, notebooks,
# copy buttons) that the search page does not use.
NOT_ON_SEARCH_PAGE = re.compile(
    r"mystnb|pygments|copybutton|clipboard|sg_gallery|sg-tags|open-in-colab|scrollable-code"
)


class SearchChineseWithEnglishStemmer(SearchChinese):
    language_name = "English"  # only names the JavaScript stemmer class
    js_splitter_code = SPLIT_QUERY


def page_summaries(outdir: Path, docnames: list[str], suffix: str) -> dict[str, str]:
    """Each built page's description, as link_previews wrote it into the page."""
    summaries = {}
    for docname in docnames:
        path = outdir / f"{docname}{suffix}"
        if not path.is_file():
            continue
        found = DESCRIPTION.search(path.read_text(encoding="utf-8"))
        if found:
            summaries[docname] = unescape(found.group(1))
    return summaries


def reading_order(app: Sphinx) -> list[str]:
    """The pages in the order of the site's navigation, from its root page."""
    order: list[str] = []

    def visit(docname: str) -> None:
        if docname in order:
            return
        order.append(docname)
        for child in app.env.toctree_includes.get(docname, []):
            visit(child)

    visit(app.config.root_doc)
    return order


# Sphinx's message for a query without results, which its translations.js
# serves from Sphinx's own catalog: the edition's sphinx.po words it for this site.
NO_RESULTS = (
    "Your search did not match any documents. Please make sure that all words are "
    "spelled correctly and that you've selected enough categories."
)


def search_page_data(app: Sphinx) -> str:
    """The script that gives search_scorer.js the summaries, synonyms and page
    order, and searchtools.js the edition's wording of its messages."""
    data = {
        "messages": {NO_RESULTS: sphinx_gettext(NO_RESULTS)},
        "order": reading_order(app),
        "summaries": page_summaries(
            Path(app.outdir), sorted(app.env.found_docs), app.builder.out_suffix
        ),
        "synonyms": [
            [word.lower() for word in group]
            for group in app.config.site_search_synonyms
        ],
    }
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (
        "window.SITE_SEARCH = " + text.replace("</", "<\\/") + ";\n"
        "Object.assign(Documentation.TRANSLATIONS, window.SITE_SEARCH.messages);"
    )


def prepare_search_page(app: Sphinx, pagename, templatename, context, doctree) -> None:
    if pagename != "search":
        return
    # The search page is written last, once every other page is on disk.
    app.add_js_file(None, body=search_page_data(app))
    context["css_files"] = [
        css
        for css in context["css_files"]
        if not NOT_ON_SEARCH_PAGE.search(str(css.filename))
    ]
    context["script_files"] = [
        js
        for js in context["script_files"]
        if not NOT_ON_SEARCH_PAGE.search(str(js.filename or ""))
    ]


def write_index_in_utf8(app: Sphinx, exception: Exception | None) -> None:
    """Rewrite searchindex.js smaller: in UTF-8, without the section titles.

    Sphinx escapes every character outside ASCII (``\\uXXXX``): six bytes for a
    Chinese character instead of three. And search_scorer.js does not read
    ``alltitles``, the text of every section title with its anchor (a fifth of
    the index); the headings' words stay, in ``titleterms``. The Chinese index
    was 115 KiB, the English one 68. Sphinx reads the file back in UTF-8 on the
    next build, and starts its section titles afresh then.
    """
    if exception is not None or app.builder.format != "html":
        return
    path = Path(app.outdir) / app.builder.searchindex_filename
    prefix, suffix = "Search.setIndex(", ")"
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    if not (text.startswith(prefix) and text.endswith(suffix)):
        return
    index = json.loads(text[len(prefix) : -len(suffix)])
    index["alltitles"] = {}
    compact = json.dumps(
        index, ensure_ascii=False, separators=(",", ":"), sort_keys=True
    )
    path.write_text(prefix + compact + suffix, encoding="utf-8")


def setup(app: Sphinx) -> dict:
    # jieba logs every dictionary load at DEBUG level, into every build's output.
    logging.getLogger("jieba").setLevel(logging.WARNING)
    app.add_search_language(SearchChineseWithEnglishStemmer)
    app.add_config_value("site_search_synonyms", [], "html", types=frozenset({list}))
    # After link_previews (500), whose descriptions it reads.
    app.connect("html-page-context", prepare_search_page, priority=900)
    app.connect("build-finished", write_index_in_utf8)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
