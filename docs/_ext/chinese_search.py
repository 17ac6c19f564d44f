"""Make search work in the Chinese edition under Sphinx 9.0.

Sphinx 9.0's Chinese search data ends with ``window.Stemmer = ChineseStemmer;``,
but no ``ChineseStemmer`` is defined, so ``search.html`` throws and never shows
a result (sphinx-doc/sphinx#14229, fixed after 9.0; 9.1 needs Python 3.12).
Chinese words are split by jieba when the index is built; the stemmer is only
applied to the Latin words in a query, for which the English one is right.

A query gets the same treatment in the browser. Sphinx splits a query only at
spaces and punctuation, so "张量转换" or "复制张量" would be looked up as one
word that the index, split by jieba, does not hold. ``SPLIT_QUERY`` splits each
run of Chinese characters into the longest words the index knows, as jieba split
the pages, and drops single characters it does not know (转, 的).
"""

from __future__ import annotations

import logging

from sphinx.application import Sphinx
from sphinx.search.zh import SearchChinese

SPLIT_QUERY = r"""
/* docs/_ext/chinese_search.py: split Chinese runs into words the index knows. */
var splitQuery = (query) => {
  const words = query
    .split(/[^\p{Letter}\p{Number}_\p{Emoji_Presentation}]+/gu)
    .filter((term) => term);
  const index = typeof Search !== "undefined" ? Search._index : null;
  if (!index) return words;
  const known = (word) => {
    const lower = word.toLowerCase();
    return lower in index.terms || lower in index.titleterms;
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


class SearchChineseWithEnglishStemmer(SearchChinese):
    language_name = "English"  # only names the JavaScript stemmer class
    js_splitter_code = SPLIT_QUERY


def setup(app: Sphinx) -> dict:
    # jieba logs every dictionary load at DEBUG level, into every build's output.
    logging.getLogger("jieba").setLevel(logging.WARNING)
    app.add_search_language(SearchChineseWithEnglishStemmer)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
