"""The Chinese edition as a Chinese reader sees it: Chinese words, Chinese punctuation.

Every zh_CN page of the built site is parsed, and its visible text (plus the
text of tooltips, labels and titles) is read outside code, program output and
the provenance line: what is left must be Chinese prose. Code, outputs, API
names and version strings stay as they are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup, CData, NavigableString, Tag

import table_labels
import translated_figures
import translated_theme
import translated_thumbnails
from executed_gallery.compatibility import page_code
from executed_gallery.wording import catalog
from site_builds import REPO_ROOT, built_page
from zh_typography import HAN, english_words_in_text

# What is not prose: code, program output (figures included), and the line
# naming versions and devices. What a notebook cell computes as Markdown (the
# tables of the reference pages and their captions) is prose; what it prints
# (.cell_output .output) is output.
NOT_PROSE = (
    "script, style, pre, code, kbd, samp, tt, .highlight, .sphx-glr-script-out,"
    " .cell_output .output, .sig, .example-provenance, [lang=en], .headerlink,"
    " img.sphx-glr-single-img, img.sphx-glr-multi-img"
)
CODE = "pre, code, .sphx-glr-script-out, .cell_output"
ATTRIBUTES = ("title", "alt", "aria-label", "placeholder", "tooltip")
META = ("og:title", "og:description", "og:site_name", "description")

# Half-width punctuation next to Chinese text that is right where it is: none yet.
PUNCTUATION_EXCEPTIONS: dict[str, set[str]] = {}

WORD = re.compile(r"[A-Za-z]\w*")


@dataclass
class Page:
    """What a reader reads on a page: its prose, and its text without markup.

    ``plain`` holds the page title, tooltips, labels, link previews and gallery
    thumbnail titles: code in them has lost its markup (a tooltip says "torch.tensor(a) 总是复制"), so
    there the names that the site's code uses count as code.
    """

    prose: str
    plain: str
    code_words: set[str]


def read_page(soup: BeautifulSoup) -> Page:
    """The page's prose and plain text, read without changing it (built_page)."""
    code_words = {
        word
        for element in soup.select(CODE)
        for word in WORD.findall(element.get_text(" "))
    }
    plain = [soup.title.get_text() if soup.title else ""]
    for meta in soup.find_all("meta"):
        if meta.get("property") in META or meta.get("name") in META:
            plain.append(meta.get("content", ""))
    left_out = {id(element) for element in soup.select(NOT_PROSE)}
    # sphinx-gallery's thumbnails show titles as plain text, code and all.
    for element in soup.select(".sphx-glr-thumbcontainer"):
        plain += [element.get("tooltip", ""), " ".join(texts(element, left_out))]
        left_out.add(id(element))
    for element in tags(soup, left_out):
        plain += [element[name] for name in ATTRIBUTES if element.has_attr(name)]
    prose = " ".join(texts(soup.body, left_out)) if soup.body else ""
    return Page(prose, "\n".join(plain), code_words)


def tags(element, left_out: set[int]):
    """The element's tags, in order, without those in left_out and theirs."""
    for child in element.children:
        if isinstance(child, Tag) and id(child) not in left_out:
            yield child
            yield from tags(child, left_out)


def texts(element, left_out: set[int], code: set[int] = frozenset()):
    """The element's text, as get_text() reads it, without left_out's, and
    with the word CODE for each element in ``code``."""
    for child in element.children:
        if type(child) in (NavigableString, CData):  # not a comment
            yield str(child)
        elif isinstance(child, Tag) and id(child) not in left_out:
            if id(child) in code:
                yield "CODE"
            else:
                yield from texts(child, left_out, code)


@pytest.fixture(scope="module")
def chinese_pages(built_site) -> dict[str, Page]:
    root = built_site / "_build" / "html" / "zh_CN"
    pages = {
        path.relative_to(root).as_posix(): read_page(built_page(path))
        for path in sorted(root.rglob("*.html"))
        if not path.relative_to(root).as_posix().startswith("_")
    }
    assert len(pages) > 30
    return pages


def test_no_english_prose_on_chinese_pages(chinese_pages):
    site_code = set().union(*(page.code_words for page in chinese_pages.values()))
    found = []
    for name, page in chinese_pages.items():
        words = set(english_words_in_text(page.prose))
        words |= set(english_words_in_text(page.plain)) - site_code
        if words:
            found.append(f"{name}: {sorted(words)}")
    assert not found, (
        "English words outside code and outputs (translate them, or add a name "
        "to zh_typography.ENGLISH_ALLOWED):\n" + "\n".join(found)
    )


# In prose, half-width ,;:?( ) next to Chinese text, except the "()" of a call
# in a link whose text lost its code markup ("用 .item() 从张量中获取").
# In plain text, where any code has lost its markup, only ,;:? count.
PROSE_MARKS = re.compile(rf"[{HAN}] ?[,;:?()]|[,;:?] ?[{HAN}]|(?<!\()\) ?[{HAN}]")
PLAIN_MARKS = re.compile(rf"[{HAN}] ?[,;:?]|[,;:?] ?[{HAN}]")


def test_no_half_width_punctuation_next_to_chinese(chinese_pages):
    found = []
    for name, page in chinese_pages.items():
        allowed = PUNCTUATION_EXCEPTIONS.get(name, set())
        for pattern, text in ((PROSE_MARKS, page.prose), (PLAIN_MARKS, page.plain)):
            for match in pattern.finditer(text):
                context = " ".join(
                    text[max(0, match.start() - 12) : match.end() + 12].split()
                )
                if match.group() not in allowed:
                    found.append(f"{name}: {context!r}")
    assert not found, (
        f"{len(found)} half-width marks next to Chinese text "
        "(run `python tools/zh_typography.py`):\n" + "\n".join(found[:40])
    )


def test_no_markup_shows_as_raw_characters(chinese_pages):
    raw = [
        f"{name}: {' '.join(text[max(0, m.start() - 20) : m.end() + 20].split())!r}"
        for name, page in chinese_pages.items()
        for text in (page.prose, page.plain)
        for m in re.finditer(r"``|\*\*|(?<![\w\\])\\ ", text)
    ]
    assert not raw, "inline markup that docutils did not recognise:\n" + "\n".join(raw)


def test_site_title_and_theme_are_chinese(built_site):
    html = (built_site / "_build/html/zh_CN/auto_examples/index.html").read_text()
    soup = BeautifulSoup(html, "lxml")
    assert soup.title.get_text() == "示例 - 张量转换"
    assert soup.select_one(".sidebar-brand-text").get_text(strip=True) == "张量转换"
    assert soup.find("meta", property="og:site_name")["content"] == "张量转换"
    assert soup.select_one(".skip-to-content").get_text(strip=True) == "跳到正文"
    assert "版权所有" in soup.select_one(".copyright").get_text()
    english = (built_site / "_build/html/en/auto_examples/index.html").read_text()
    assert "<title>Examples - Tensor Conversions</title>" in english


def test_thumbnails_carry_the_titles_of_the_pages_they_open(built_site):
    root = built_site / "_build" / "html" / "zh_CN"
    galleries = [root / "auto_examples" / "index.html"]
    galleries += sorted((root / "auto_examples").glob("*/index.html"))
    checked = 0
    for gallery in galleries:
        for thumbnail in built_page(gallery).select(".sphx-glr-thumbcontainer"):
            target = (gallery.parent / thumbnail.select_one("a")["href"]).resolve()
            heading = built_page(target).select_one("article h1")
            words = [
                text
                for text in heading.find_all(string=True)
                if not text.find_parent(class_="headerlink")
            ]
            title = thumbnail.select_one(".sphx-glr-thumbnail-title").get_text()
            assert title == "".join(words).strip(), gallery.name
            assert re.search(f"[{HAN}]", thumbnail["tooltip"]), thumbnail["tooltip"]
            checked += 1
    assert checked >= 20


def test_plain_text_of_a_translated_message():
    message = "用 ``.item()`` 从\\ **张量**\\ 中获取，见 :ref:`跳到页尾 <x.py>`"
    assert (
        translated_thumbnails.plain_text(message)
        == "用 .item() 从张量中获取，见 跳到页尾"
    )


def test_thumbnail_html_is_translated_and_escaped():
    raw = (
        '<div class="sphx-glr-thumbcontainer" tooltip="Copy &quot;a&quot; here.">'
        '<div class="sphx-glr-thumbnail-title">Copy a</div>'
    )
    translations = {'Copy "a" here.': "在这里复制“a” & 检查", "Copy a": "复制 a"}
    html = translated_thumbnails.translate_thumbnail_html(raw, translations)
    assert 'tooltip="在这里复制“a” &amp; 检查"' in html
    assert '<div class="sphx-glr-thumbnail-title">复制 a</div>' in html


# -- The theme's strings -----------------------------------------------------------


def theme_messages() -> set[str]:
    """What furo's templates put through gettext, and what this site adds to them."""
    import furo
    from jinja2.ext import babel_extract

    templates = Path(furo.__file__).parent / "theme" / "furo"
    found = set()
    for name in ("page.html", "base.html", "search.html", "components/*.html"):
        for path in templates.glob(name):
            with path.open("rb") as handle:
                for _, _, message, _ in babel_extract(
                    handle, ["_", "gettext"], [], {"extensions": "jinja2.ext.i18n"}
                ):
                    found.add(message if isinstance(message, str) else message[0])
    found |= set(translated_theme.UNTRANSLATED_THEME_STRINGS) | {"'s", "Language"}
    found |= set(translated_theme.PROMPTS.values())
    found |= {"Toggle navigation of %(title)s", "Toggle hidden content"}
    return found


def test_every_theme_string_has_a_chinese_translation():
    import sphinx

    sphinx_catalog = Path(sphinx.__file__).parent / "locale/zh_CN/LC_MESSAGES/sphinx.po"
    with sphinx_catalog.open("rb") as handle:
        translated = {m.id for m in read_po(handle) if m.string and not m.fuzzy}
    translated |= set(catalog("zh_CN"))  # the site's own sphinx.po
    missing = sorted(m for m in theme_messages() if m not in translated)
    assert not missing, "add these to docs/locale/zh_CN/LC_MESSAGES/sphinx.po: " + repr(
        missing
    )


def test_every_message_the_sites_extensions_translate_has_a_chinese_translation():
    """``_("...")`` in docs/_ext: the words the extensions add to pages."""
    import ast

    messages = set()
    for path in (REPO_ROOT / "docs" / "_ext").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", "") == "_"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                messages.add(node.args[0].value)
    assert len(messages) >= 10
    assert sorted(messages - set(catalog("zh_CN"))) == []


def test_hard_coded_theme_strings_are_put_through_gettext():
    source = (
        '<input aria-label="Toggle site navigation sidebar"><title>Light mode</title>'
        '<a href="https://pradyunsg.me">@pradyunsg</a>\'s'
    )
    wrapped = translated_theme.wrap_in_gettext(source)
    assert "{{ _('Toggle site navigation sidebar') }}" in wrapped
    assert "<title>{{ _('Light mode') }}</title>" in wrapped
    assert '</a>{{ _("\'s") }}' in wrapped


def test_furo_still_has_the_strings_that_are_translated_by_wrapping():
    """A furo upgrade that rewords a hard-coded string must not leave it English."""
    import furo

    templates = Path(furo.__file__).parent / "theme" / "furo"
    source = "".join(path.read_text() for path in templates.rglob("*.html"))
    for text in translated_theme.UNTRANSLATED_THEME_STRINGS:
        assert f'"{text}"' in source or f">{text}<" in source, text
    assert translated_theme.FOOTER_POSSESSIVE in source


# -- The words of the computed tables --------------------------------------------


def test_every_language_has_every_table_label_with_the_same_placeholders():
    placeholders = re.compile(r"{(\w+)}")
    english = table_labels.WORDING["en"]
    for language, labels in table_labels.WORDING.items():
        assert labels.keys() == english.keys(), language
        for key, text in labels.items():
            assert set(placeholders.findall(text)) == set(
                placeholders.findall(english[key])
            ), (language, key)


def test_table_labels_follow_the_edition_being_built(monkeypatch):
    monkeypatch.setenv(table_labels.LANGUAGE_VARIABLE, "zh_CN")
    assert table_labels.label("shares_memory_with", name="`t`") == "与 `t` 共享内存"
    monkeypatch.setenv(table_labels.LANGUAGE_VARIABLE, "en")
    assert table_labels.label("copies") == "copies"
    monkeypatch.delenv(table_labels.LANGUAGE_VARIABLE)
    assert table_labels.label("yes") == "yes"  # outside a build: English


COMPUTED_PAGES = ["quick-reference.html", "conversion-matrix.html", "dtypes.html"]


def computed_tables(built_site, language: str, page: str) -> list[list[list[str]]]:
    """The tables that a reference page's notebook cells printed: rows of cell texts.

    Code in the cells (calls, dtypes, messages) is left out: what remains is
    the words of the table.
    """
    path = built_site / "_build" / "html" / language / page
    soup = BeautifulSoup(path.read_text(), "lxml")
    tables = []
    for table in soup.select(".cell_output table"):
        for element in table.select("code"):
            element.decompose()
        tables.append(
            [
                [cell.get_text(" ", strip=True) for cell in row.select("th, td")]
                for row in table.select("tr")
            ]
        )
    return tables


@pytest.mark.parametrize("page", COMPUTED_PAGES)
def test_the_computed_tables_are_chinese(built_site, page):
    english = computed_tables(built_site, "en", page)
    chinese = computed_tables(built_site, "zh_CN", page)
    assert chinese and [len(t) for t in chinese] == [len(t) for t in english]
    for table in chinese:
        header, *rows = table
        # Every column is named in Chinese, except one named by a term kept as it is.
        assert all(re.search(f"[{HAN}]", name) or name == "dtype" for name in header), (
            header
        )
        words = english_words_in_text("\n".join(" ".join(row) for row in table))
        assert not words, (page, header, words)
    # The words came from table_labels: the English edition's tables are English.
    assert all(
        not re.search(f"[{HAN}]", cell)
        for table in english
        for row in table
        for cell in row
    )


def test_the_cost_chart_has_chinese_alt_text_from_its_section_title(built_site):
    page = "auto_examples/cost/plot_01_conversion_cost.html"
    alts = {}
    for language in ("en", "zh_CN"):
        path = built_site / "_build" / "html" / language / page
        soup = BeautifulSoup(path.read_text(), "lxml")
        (image,) = soup.select("img.sphx-glr-single-img")
        heading = image.find_parent("section").find(["h2", "h3"])
        for link in heading.select(".headerlink"):
            link.decompose()
        alts[language] = image["alt"]
        assert image["alt"] == heading.get_text().strip(), language
    assert alts["en"] == "Time per call against array size"
    assert re.search(f"[{HAN}]", alts["zh_CN"]) and not english_words_in_text(
        alts["zh_CN"]
    )


def test_a_figure_alt_text_is_translated_as_escaped_plain_text():
    translations = {"A chart": '``x`` 的"图"', "Same": "Same"}
    translate = lambda text: translations.get(text, text)  # noqa: E731
    assert (
        translated_figures.translated_alt("A chart", translate) == "x 的&quot;图&quot;"
    )
    assert translated_figures.translated_alt("Same", translate) is None
    assert translated_figures.translated_alt("Untranslated", translate) is None
    assert translated_figures.translated_alt("", translate) is None


# -- Comments in code (docs/_ext/translated_comments.py) -----------------------------


def test_a_comment_is_translated_and_nothing_else():
    from translated_comments import translate_comments

    code = 'x = t.numpy()  # shares memory\ns = "# not a comment"\nf(x)  # noqa: E731\n'
    translated = translate_comments(
        code, {"shares memory": "共享内存", "not a comment": "X", "noqa: E731": "X"}
    )
    assert (
        translated
        == 'x = t.numpy()  # 共享内存\ns = "# not a comment"\nf(x)  # noqa: E731\n'
    )
    assert translate_comments("def broken(:  # a copy", {"a copy": "副本"}).endswith(
        "a copy"
    )
    shell = '$ nox -s docs    # builds the site\n$ echo "# not a comment"\n'
    assert translate_comments(shell, {"builds the site": "构建站点"}, "shell") == (
        '$ nox -s docs    # 构建站点\n$ echo "# not a comment"\n'
    )


def code_without_comments(code: str) -> str:
    from translated_comments import comments

    lines = code.split("\n")
    for line, column, _ in reversed(comments(code)):
        lines[line - 1] = lines[line - 1][:column].rstrip()
    return "\n".join(lines)


def python_code(path: Path) -> list[str]:
    """The text of each Python code block in a built page's article."""
    soup = built_page(path)
    python = re.compile("highlight-(python|ipython3|Python)")
    return [
        pre.get_text()
        for pre in soup.select("article div[class*='highlight-'] pre")
        if pre.find_parent(class_=python)
    ]


def test_chinese_pages_show_the_same_code_with_chinese_comments(site_html):
    pages = [
        "index.html",
        "quick-reference.html",
        "misconceptions.html",
    ] + sorted(
        path.relative_to(site_html / "en").as_posix()
        for path in (site_html / "en" / "auto_examples").rglob("plot_*.html")
    )
    translated = 0
    for page in pages:
        blocks = {
            edition: python_code(site_html / edition / page)
            for edition in ("en", "zh_CN")
        }
        assert len(blocks["en"]) == len(blocks["zh_CN"]), page
        for english, chinese in zip(blocks["en"], blocks["zh_CN"], strict=True):
            assert code_without_comments(chinese) == code_without_comments(english), (
                page
            )
            translated += english != chinese
    assert translated >= 30, f"only {translated} code blocks have Chinese comments"
    home = built_page(site_html / "zh_CN" / "index.html")
    rules = home.select_one("article div.highlight pre").get_text()
    assert re.search(f"#[^\n]*[{HAN}]", rules), (
        "the home page's rules keep English comments"
    )


def test_at_most_five_english_comments_are_left_on_chinese_pages(built_site):
    """Those left quote what torch prints or name values (``"tensor", "cuda tensor"``)."""
    from translated_comments import comments

    html = built_site / "_build" / "html" / "zh_CN"
    english = []
    for path in html.rglob("*.html"):
        for code in python_code(path):
            for _, _, text in comments(code):
                if (
                    not re.search(f"[{HAN}]", text)
                    and len(re.findall("[A-Za-z]{2,}", text)) > 1
                ):
                    english.append(f"{path.relative_to(html)}: # {text}")
    assert len(english) <= 5, "\n".join(english)


def test_the_compatibility_line_joins_chinese_sentences_without_spaces(built_site):
    page = "auto_examples/numpy_to_tensor/plot_01_from_numpy.html"
    soup = BeautifulSoup((built_site / "_build/html/zh_CN" / page).read_text(), "lxml")
    line = soup.select_one(".compatibility-summary").get_text()
    assert line.startswith("兼容性：已在 torch"), line
    assert not re.search("[：。] ", line), line


# -- Downloads and notebooks (docs/_ext/translated_downloads.py) -----------------------

ZH_TEXTS = {
    "Share memory": "共享内存",
    "The tensor and the array use the same memory": "张量与数组使用同一块内存",
    "Both start at the same address. An in-place write shows.": "两者起始地址相同。原地写入可见。",
    "first item": "第一项",
    "Belief": "误解",
    "Shares memory": "共享内存",
    "yes means the write shows.": "yes 表示写入可见。",
}


def test_text_is_translated_a_paragraph_title_item_and_cell_at_a_time():
    from translated_downloads import translate_text

    rst = (
        "The tensor and the array use the same memory\n"
        "--------------------------------------------\n"
        "\n"
        "Both start at the same address.\n"
        "An in-place write shows.\n"
        "\n"
        "* first item\n"
        "* second item, which the catalog\n"
        "  does not know\n"
        "\n"
        "::\n"
        "\n"
        "    - not a list: a literal block\n"
    )
    assert translate_text(rst, ZH_TEXTS.get) == (
        "张量与数组使用同一块内存\n"
        "------------------------\n"  # as wide as the title: 12 wide characters
        "\n"
        "两者起始地址相同。原地写入可见。\n"
        "\n"
        "* 第一项\n"
        "* second item, which the catalog\n"
        "  does not know\n"
        "\n"
        "::\n"
        "\n"
        "    - not a list: a literal block\n"
    )
    markdown = (
        "(label)=\n## Share memory\n\n| Belief | Other |\n| --- | --- |\n\n"
        "Shares memory\n: yes means the write shows.\n"
    )
    assert translate_text(markdown, ZH_TEXTS.get) == (
        "(label)=\n## 共享内存\n\n| 误解 | Other |\n| --- | --- |\n\n"
        "共享内存\n: yes 表示写入可见。\n"
    )


def test_a_script_keeps_its_code_and_translates_text_and_comments():
    from translated_downloads import translate_script

    script = (
        '"""\nShare memory\n============\n"""\n\nimport torch\n\n'
        "t = torch.zeros(2)  # shares memory\n\n"
        "# %%\n# The tensor and the array use the same memory\n"
        "# --------------------------------------------\n#\n"
        "# Both start at the same address.\n# An in-place write shows.\n\n"
        's = "# shares memory"\n'
    )
    assert translate_script(script, ZH_TEXTS.get, {"shares memory": "共享内存"}) == (
        '"""\n共享内存\n========\n"""\n\nimport torch\n\n'
        "t = torch.zeros(2)  # 共享内存\n\n"
        "# %%\n# 张量与数组使用同一块内存\n# ------------------------\n#\n"
        "# 两者起始地址相同。原地写入可见。\n\n"
        's = "# shares memory"\n'
    )


def markdown_cells(notebook) -> list[str]:
    return [cell.source for cell in notebook.cells if cell.cell_type == "markdown"]


def test_chinese_downloads_are_chinese_and_run_the_same_code(site_html):
    import ast
    import zipfile

    import nbformat
    from sphinx_gallery.py_source_parser import split_code_and_text_blocks

    from run_examples import example_scripts

    downloads = {
        edition: {
            path.name: path for path in (site_html / edition / "_downloads").rglob("*")
        }
        for edition in ("en", "zh_CN")
    }
    cells = chinese = 0
    for script in example_scripts():
        download = downloads["zh_CN"][script.name]
        text = download.read_text(encoding="utf-8")
        assert re.search(f"[{HAN}]", ast.get_docstring(ast.parse(text))), script.name
        _, blocks = split_code_and_text_blocks(download)
        for label, content, line in blocks:
            if label == "text" and re.search("[A-Za-z]{3,} [a-z]{2,}", content):
                assert re.search(f"[{HAN}]", content), f"{script.name}:{line}"
        assert text.lstrip().startswith(('"""', 'r"""')), (
            "a script opens with its docstring"
        )
        assert page_code(download) == page_code(script)  # the code the grid hashes
        notebooks = {
            edition: nbformat.read(
                downloads[edition][script.with_suffix(".ipynb").name], as_version=4
            )
            for edition in ("en", "zh_CN")
        }
        code = {
            edition: [
                code_without_comments(cell.source)
                for cell in notebook.cells[1:]  # after the edition's runtime check
                if cell.cell_type == "code"
            ]
            for edition, notebook in notebooks.items()
        }
        assert code["zh_CN"] == code["en"], script.name
        assert "当前运行" in notebooks["zh_CN"].cells[0].source
        found = markdown_cells(notebooks["zh_CN"])
        assert len(found) == len(markdown_cells(notebooks["en"])), script.name
        cells += len(found)
        chinese += sum(bool(re.search(f"[{HAN}]", cell)) for cell in found)
    assert chinese >= 0.9 * cells, f"{chinese} of {cells} markdown cells are Chinese"
    for archive in (p for p in downloads["zh_CN"].values() if p.suffix == ".zip"):
        with zipfile.ZipFile(archive) as members:
            for name in members.namelist():
                inside = members.read(name)
                assert inside == downloads["zh_CN"][Path(name).name].read_bytes(), (
                    f"{archive.name}: {name} is not the edition's download"
                )


def test_chinese_colab_notebooks_are_chinese(built_site):
    import nbformat

    import site_location

    root = built_site / "_build" / "html" / "zh_CN" / site_location.NOTEBOOK_DIR
    cells = [
        cell
        for path in sorted(root.rglob("*.ipynb"))
        for cell in markdown_cells(nbformat.read(path, as_version=4))
    ]
    chinese = [cell for cell in cells if re.search(f"[{HAN}]", cell)]
    assert len(cells) > 300 and len(chinese) >= 0.9 * len(cells), (
        f"{len(chinese)} of {len(cells)} markdown cells are Chinese"
    )
    for page in ("dtypes", "misconceptions", "conversion-matrix", "quick-reference"):
        notebook = nbformat.read(root / f"{page}.ipynb", as_version=4)
        assert all(re.search(f"[{HAN}]", cell) for cell in markdown_cells(notebook)), (
            page
        )


# Chinese text takes no space after full-width punctuation, and none between
# two Chinese characters; code in the text stands in as a Latin word.
SPACE_AFTER_FULL_WIDTH = re.compile("[，。：；！？、）》」』”][ \u00a0]+\\S")
SPACE_INSIDE_CHINESE = re.compile(f"[{HAN}][ \u00a0]+[{HAN}]")
PARAGRAPHS = "article :is(p, li, td, th, dd, dt, h1, h2, h3, caption, figcaption)"


def test_at_most_five_spaces_break_chinese_text(built_site):
    root = built_site / "_build" / "html" / "zh_CN"
    found = []
    for path in sorted(root.rglob("*.html")):
        if path.relative_to(root).as_posix().startswith("_"):
            continue
        page = built_page(path)
        # As a reader reads it: code as one word; no code blocks or heading links.
        left_out = {id(e) for e in page.select("pre, script, style, a.headerlink")}
        code = {id(element) for element in page.select("code")}
        for element in page.select(PARAGRAPHS):
            if element.find(["p", "li"]):
                continue  # its paragraphs are read on their own
            text = re.sub(r"\s+", " ", "".join(texts(element, left_out, code)))
            for pattern in (SPACE_AFTER_FULL_WIDTH, SPACE_INSIDE_CHINESE):
                found += [
                    f"{path.relative_to(root)}: …{text[max(0, m.start() - 12) : m.end() + 12]}…"
                    for m in pattern.finditer(text)
                ]
    assert len(found) <= 5, "\n".join(found)
