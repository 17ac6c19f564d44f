"""Make search work in the Chinese edition under Sphinx 9.0.

Sphinx 9.0's Chinese search data ends with ``window.Stemmer = ChineseStemmer;``,
but no ``ChineseStemmer`` is defined, so ``search.html`` throws and never shows
a result (sphinx-doc/sphinx#14229, fixed after 9.0; 9.1 needs Python 3.12).
Chinese words are split by jieba when the index is built; the stemmer is only
applied to the Latin words in a query, for which the English one is right.
"""

from __future__ import annotations

import logging

from sphinx.application import Sphinx
from sphinx.search.zh import SearchChinese


class SearchChineseWithEnglishStemmer(SearchChinese):
    language_name = "English"  # only names the JavaScript stemmer class


def setup(app: Sphinx) -> dict:
    # jieba logs every dictionary load at DEBUG level, into every build's output.
    logging.getLogger("jieba").setLevel(logging.WARNING)
    app.add_search_language(SearchChineseWithEnglishStemmer)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
