"""The site's search, in Chromium: ``search.html?q=QUERY`` in both editions.

Every question of tests/search_questions.py must find a page that answers it
among the first three results, in its edition. The ranking runs in each
edition's search page, loaded once: the questions ask search_scorer.js's
``SiteSearch.rank``, the function that search.html lists its results with, so
that the whole set costs about a second. A few queries go through the address
itself, as a reader's browser sends them, and one of them counts what a query
downloads.
"""

from __future__ import annotations

from urllib.parse import quote, urlparse

import pytest
from playwright import sync_api as playwright_sync

from search_questions import QUESTIONS, Question
from site_builds import FROM_NUMPY_PAGE

RESULTS_DONE_JS = """() => {
  const summary = document.querySelector("#search-results p.search-summary");
  return summary !== null && summary.innerText.trim().length > 0;
}"""


def search(page, base_url: str, language: str, query: str) -> list[str]:
    """Result links (page paths within the edition), best first."""
    errors: list[str] = []

    def on_error(error) -> None:
        errors.append(str(error))

    page.on("pageerror", on_error)
    try:
        page.goto(f"{base_url}/{language}/search.html?q={query}")
        # The summary line is written once every result has been rendered.
        page.wait_for_function(RESULTS_DONE_JS, timeout=10_000)
    except playwright_sync.TimeoutError:
        pytest.fail(
            f"search.html in {language} never finished searching {query!r}; "
            f"JavaScript errors on the page: {errors or 'none'}"
        )
    finally:
        page.remove_listener("pageerror", on_error)
    hrefs = page.eval_on_selector_all(
        "#search-results ul.search li > a",
        "links => links.map(a => a.getAttribute('href'))",
    )
    return [href.split("#")[0] for href in hrefs]


# -- The question set ------------------------------------------------------------

RANK_JS = """(query) => SiteSearch.rank(query).results.map(
  (result) => result.docname + DOCUMENTATION_OPTIONS.LINK_SUFFIX)"""


@pytest.fixture(scope="module")
def search_pages(browser, base_url):
    """Each edition's search page, loaded once, its index ready."""
    context = browser.new_context()
    pages = {}
    for language in QUESTIONS:
        page = context.new_page()
        page.goto(f"{base_url}/{language}/search.html")
        page.wait_for_function("() => Search.hasIndex()", timeout=10_000)
        pages[language] = page
    yield pages
    context.close()


def answering_pages(site_html, language: str, question: Question) -> list[str]:
    """The question's pages that this build has: a question must name one."""
    built = [page for page in question.pages if (site_html / language / page).is_file()]
    assert built, f"{question.query!r} names no page of this build: {question.pages}"
    return built


@pytest.mark.parametrize(
    ("language", "question"),
    [
        (language, question)
        for language, questions in QUESTIONS.items()
        for question in questions
    ],
    ids=lambda value: value.query if isinstance(value, Question) else value,
)
def test_search_answers_the_question_in_the_first_three(
    search_pages, site_html, language, question
):
    pages = answering_pages(site_html, language, question)
    results = search_pages[language].evaluate(RANK_JS, question.query)
    ranks = {page: results.index(page) + 1 for page in pages if page in results}
    assert min(ranks.values(), default=99) <= 3, (
        f"searching {question.query!r} in {language}: {pages[0]} is result "
        f"{ranks.get(pages[0], 'absent')}; the first three are {results[:3]}"
    )


@pytest.mark.parametrize("language", list(QUESTIONS))
def test_search_page_lists_the_ranked_pages_as_links(
    shared_page, search_pages, base_url, language
):
    query = QUESTIONS[language][0].query
    ranked = search_pages[language].evaluate(RANK_JS, query)
    assert search(shared_page, base_url, language, query) == ranked


# -- What a query downloads ------------------------------------------------------

# Sphinx's own search fetched every result page to cut a snippet from it: 67
# requests and 3.6 MB for "numpy". Measured from the plain server the tests use,
# which compresses nothing.
MAX_QUERY_BYTES = 300 * 1024


@pytest.mark.parametrize(
    ("language", "query"), [("en", "numpy"), ("zh_CN", "共享内存")]
)
def test_a_query_downloads_little(browser, base_url, language, query):
    context = browser.new_context()  # an empty cache
    page = context.new_page()
    finished = []
    page.on("requestfinished", lambda request: finished.append(request))
    try:
        page.goto(f"{base_url}/{language}/search.html?q={quote(query)}")
        page.wait_for_function(RESULTS_DONE_JS, timeout=10_000)
        page.wait_for_load_state("networkidle")
        links = page.eval_on_selector_all(
            "#search-results ul.search li > a", "l => l.length"
        )
        sizes = {
            urlparse(request.url).path: request.sizes()["responseBodySize"]
            + request.sizes()["responseHeadersSize"]
            for request in finished
        }
    finally:
        context.close()
    assert links > 5, f"searching {query!r} in {language} listed {links} results"
    total = sum(sizes.values())
    largest = sorted(sizes.items(), key=lambda item: -item[1])[:5]
    assert total <= MAX_QUERY_BYTES, (
        f"searching {query!r} in {language}: {len(sizes)} requests, "
        f"{total / 1024:.0f} KiB; the largest: {largest}"
    )
    fetched_pages = [path for path in sizes if "/auto_examples/" in path]
    assert not fetched_pages, f"the search fetched result pages: {fetched_pages}"


# -- Queries that readers type, through the address ------------------------------

# Each page must be the *first* result, not merely listed: the page about the
# call is what a reader wants.
SEARCH_FIRST = {
    "from_numpy": FROM_NUMPY_PAGE,
    "item": "auto_examples/tensor_to_python/plot_01_item.html",
    "detach": "auto_examples/tensor_to_numpy/plot_03_requires_grad.html",
}


@pytest.mark.parametrize("query", SEARCH_FIRST)
def test_search_ranks_the_example_about_a_call_first(shared_page, base_url, query):
    results = search(shared_page, base_url, "en", query)
    assert results, f"searching {query!r} found nothing"
    assert results[0] == SEARCH_FIRST[query], (
        f"searching {query!r}: {SEARCH_FIRST[query]} is result "
        f"{results.index(SEARCH_FIRST[query]) + 1 if SEARCH_FIRST[query] in results else 'absent'}"
        f"; the top five are {results[:5]}"
    )


# The words Chinese readers type (colloquial ones, and those of the article the
# site grew out of), and the page each must find among the first five results.
CHINESE_SEARCHES = {
    # Code is not translated, so an API name finds its page in any edition.
    "from_numpy": FROM_NUMPY_PAGE,
    "拷贝": "auto_examples/tensor_to_numpy/plot_02_independent_copies.html",
    "独立副本": "auto_examples/tensor_to_numpy/plot_02_independent_copies.html",
    "共享内存": "auto_examples/tensor_to_numpy/plot_01_numpy_shares_memory.html",
    "内存共享": "auto_examples/tensor_to_numpy/plot_01_numpy_shares_memory.html",
    "原地修改": "auto_examples/tensor_to_numpy/plot_01_numpy_shares_memory.html",
    "显存": "auto_examples/gpu/plot_02_numpy_to_cuda.html",
    "固定内存": "auto_examples/gpu/plot_04_host_to_device_transfers.html",
    "锁页内存": "auto_examples/gpu/plot_04_host_to_device_transfers.html",
    "分离计算图": "auto_examples/tensor_to_numpy/plot_03_requires_grad.html",
    "标量张量": "auto_examples/tensor_to_python/plot_01_item.html",
    "张量转 NumPy": "auto_examples/tensor_to_numpy/index.html",
    "NumPy 转张量": "auto_examples/numpy_to_tensor/index.html",
    "数据类型": "dtypes.html",
}
# Page furniture that must not open a result's snippet.
SNIPPET_BOILERPLATE = ("跳到页尾", "本页的输出由本次构建")


@pytest.mark.parametrize("query", CHINESE_SEARCHES)
def test_chinese_search_finds_the_page_for_a_readers_word(
    shared_page, base_url, site_html, query
):
    results = search(shared_page, base_url, "zh_CN", query)
    expected = CHINESE_SEARCHES[query]
    assert expected in results[:5], (
        f"searching {query!r}: {expected} is not among the first five: {results[:5]}"
    )
    for result in results:
        assert (site_html / "zh_CN" / result).is_file(), (
            f"{result} is listed but missing"
        )
    # Each result shows its page's summary, written with the list.
    snippets = shared_page.eval_on_selector_all(
        "#search-results ul.search li p.context", "ps => ps.map(p => p.innerText)"
    )
    assert len(snippets) >= min(len(results), 5), "results without a summary"
    for snippet in snippets:
        assert not any(words in snippet for words in SNIPPET_BOILERPLATE), snippet


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "Your search did not match any documents"),
        ("zh_CN", "没有找到匹配的页面"),
    ],
)
def test_a_query_without_results_says_so_in_the_editions_words(
    shared_page, base_url, language, message
):
    shared_page.goto(f"{base_url}/{language}/search.html?q=qqzzxxyy")
    shared_page.wait_for_function(RESULTS_DONE_JS, timeout=10_000)
    assert message in shared_page.locator("#search-results").inner_text()
