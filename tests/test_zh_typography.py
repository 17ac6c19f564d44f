"""tools/zh_typography.py: full-width punctuation in the Chinese catalogs, markup kept intact."""

from __future__ import annotations

import re

import pytest
from babel.messages.pofile import read_po
from docutils import nodes
from docutils.core import publish_doctree
from docutils.parsers.rst import roles

import zh_typography
from zh_typography import normalise

REST_CASES = {
    # Half-width marks next to Chinese become full-width; spaces around them go.
    "先复制到 CPU,再转换": "先复制到 CPU，再转换",
    "其实不必:``.item()`` 会": "其实不必：``.item()`` 会",
    "对 CUDA 张量， ``.cpu()`` 返回": "对 CUDA 张量，``.cpu()`` 返回",
    "抛出 ``TypeError``;请改用": "抛出 ``TypeError``；请改用",
    "赶时间?": "赶时间？",
    # ...but numbers keep theirs.
    "从 1,000 个到 12:30 为止": "从 1,000 个到 12:30 为止",
    # Parentheses that hold or touch Chinese text.
    "dtype(数据类型)": "dtype（数据类型）",
    "主机(CPU)内存": "主机（CPU）内存",
    "在 GPU 上(需要 CUDA)": "在 GPU 上（需要 CUDA）",
    # reST needs an escaped space between inline markup and "（", and between "）" and markup.
    "抛出的是 ``TypeError`` (而不是 ``RuntimeError``),错误": "抛出的是 ``TypeError``\\ （而不是 ``RuntimeError``），错误",
    "（见上）``x`` 的值": "（见上）\\ ``x`` 的值",
    # ...and none next to "，" or "：", which docutils accepts directly.
    "调用 ``x``\\ ，然后": "调用 ``x``，然后",
    # Bold Chinese text inside Chinese text: no gaps, an escaped space instead.
    "得到的数组 **与克隆张量** 共享内存": "得到的数组\\ **与克隆张量**\\ 共享内存",
    "返回的是 0 维 *数组*，而不是": "返回的是 0 维\\ *数组*，而不是",
    # Code, roles, link targets and URLs are never touched.
    "以 ``function(a, b)`` 的形式": "以 ``function(a, b)`` 的形式",
    ":ref:`跳到页尾 <sphx_glr_download_x.py>` 下载": ":ref:`跳到页尾 <sphx_glr_download_x.py>` 下载",
    "参见 :ref:`sphx_glr_x.py`。": "参见《:ref:`sphx_glr_x.py`》。",
    "《:ref:`sphx_glr_x.py`》一页": "《:ref:`sphx_glr_x.py`》一页",
    # ...but the title of a role is prose.
    ":download:`下载压缩包:x.zip <x.zip>`": ":download:`下载压缩包：x.zip <x.zip>`",
    "见 https://example.org/a?b=1,2 页面": "见 https://example.org/a?b=1,2 页面",
    # Call notation in prose stays half-width.
    "函数 f(x)的值": "函数 f(x)的值",
    # Nothing Chinese: nothing changes.
    "Copy (then convert): done.": "Copy (then convert): done.",
}

MYST_CASES = {
    "对于 `t.item()`,`t` 只含一个元素": "对于 `t.item()`，`t` 只含一个元素",
    "参考页面({doc}`dtypes`)是": "参考页面（{doc}`dtypes`）是",
    "使用 **同一块内存**,只是": "使用**同一块内存**，只是",
    # A bold run that ends in punctuation keeps its space (CommonMark flanking rules)...
    "**赶时间?** 先看": "**赶时间？** 先看",
    # A reference that shows a page's title quotes it, without spaces.
    "**赶时间?** {doc}`quick-reference` 只有": "**赶时间？**《{doc}`quick-reference`》只有",
    "见 {ref}`matrix-warnings`，以及": "见《{ref}`matrix-warnings`》，以及",
    "{doc}`quick-reference` 和 {doc}`dtypes`": "《{doc}`quick-reference`》和《{doc}`dtypes`》",
    "[速查表](quick-reference.md) 只有": "[速查表](quick-reference.md) 只有",
    "见 [说明(英文)](https://example.org/a_(b)) 一节": "见 [说明（英文）](https://example.org/a_(b)) 一节",
    "`f(x, y)` 的结果": "`f(x, y)` 的结果",
}


@pytest.mark.parametrize("before", REST_CASES)
def test_rest_messages(before):
    assert normalise(before, rest=True) == REST_CASES[before]


@pytest.mark.parametrize("before", MYST_CASES)
def test_myst_messages(before):
    assert normalise(before, rest=False) == MYST_CASES[before]


@pytest.mark.parametrize("case", [*REST_CASES.values(), *MYST_CASES.values()])
def test_normalising_twice_changes_nothing(case):
    for rest in (True, False):
        once = normalise(case, rest)
        assert normalise(once, rest) == once


def test_english_words_outside_code_are_reported():
    message = "用 ``tensor.copy_()`` 复制(copy)后，dtype 不变，见 plot_01_x.py 与 NumPy"
    assert zh_typography.english_words(message, rest=True) == ["copy"]


def translations(rest: bool):
    language_dir = zh_typography.LOCALE_ROOT / "zh_CN" / "LC_MESSAGES"
    for path in zh_typography.catalogs():
        if zh_typography.catalog_is_rest(path, language_dir) != rest:
            continue
        with path.open("rb") as handle:
            for message in read_po(handle):
                if message.id and isinstance(message.string, str) and message.string:
                    yield path.relative_to(language_dir).as_posix(), message.string


def test_catalogs_follow_chinese_typography():
    """After adding or changing translations, run ``python tools/zh_typography.py``."""
    unfixed = [
        f"{name}: {text[:80]!r}"
        for rest in (True, False)
        for name, text in translations(rest)
        if normalise(text, rest) != text
    ]
    assert not unfixed, (
        "run `python tools/zh_typography.py` to fix these translations:\n"
        + "\n".join(unfixed)
    )


def _any_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    return [nodes.inline(rawtext, text)], []


def test_every_gallery_translation_parses_as_clean_rest():
    """No warning from docutils, and no inline markup left as raw backquotes or stars."""
    failures = []
    for name, text in translations(rest=True):
        for role in set(re.findall(r":([\w.+-]+):`", text)):
            roles.register_local_role(role, _any_role)
        doctree = publish_doctree(
            text,
            settings_overrides={
                "report_level": 2,
                "halt_level": 5,
                "warning_stream": False,
            },
        )
        problems = list(doctree.findall(nodes.system_message))
        prose = "".join(
            node.astext()
            for node in doctree.findall(nodes.Text)
            if not isinstance(node.parent, nodes.literal | nodes.inline)
        )
        if problems or "``" in prose or "**" in prose:
            failures.append(f"{name}: {text[:100]!r}")
    assert not failures, "\n".join(failures)


# The glossary's first-use glosses (docs/locale/zh_CN/GLOSSARY.md): where a page
# first uses the term in a sentence (outside code), it gives the gloss, the
# reader's word. Titles, which end in no punctuation, are left out.
FIRST_USE_GLOSSES = {
    "复制": "复制（拷贝）",
    "dtype": "dtype（数据类型）",
    "GPU 内存": "GPU 内存（显存）",
    "锁页内存": "锁页内存（又称固定内存",
    "自动求导": "自动求导（autograd）",
}
GLOSSED_PAGES = re.compile(
    r"auto_examples/(.+/)?(plot_\w+|index)\.po"
    r"|(index|building|quick-reference|misconceptions|dtypes|conversion-matrix)\.po"
)
CODE_SPAN = re.compile(r"``[^`]*``|`[^`]*`")


def test_every_page_glosses_a_glossary_term_where_it_first_uses_it():
    pages: dict[str, list[str]] = {}
    for rest in (True, False):
        for name, text in translations(rest):
            if GLOSSED_PAGES.fullmatch(name) and text.rstrip().endswith(
                ("。", "：", "）", "？")
            ):
                pages.setdefault(name, []).append(CODE_SPAN.sub("CODE", text))
    assert len(pages) > 45
    missing = []
    for name, sentences in sorted(pages.items()):
        for term, gloss in FIRST_USE_GLOSSES.items():
            first = next((text for text in sentences if term in text), None)
            if first is not None and gloss not in first:
                missing.append(f"{name}: {term} without {gloss}: {first[:60]}")
    assert not missing, "\n".join(missing)
