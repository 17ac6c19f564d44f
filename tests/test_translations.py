"""The Simplified Chinese edition: complete catalogs, and the same executed outputs."""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.pofile import read_po

import update_catalogs
from early_work import early_fixture
from site_builds import REPO_ROOT, built_page, copy_site

LOCALE = REPO_ROOT / "docs" / "locale" / "zh_CN" / "LC_MESSAGES"


@early_fixture
def fresh_templates(folder: Path) -> Path:
    """Messages extracted now from a copy of the sources, as `nox -s translations` does."""
    root = copy_site(folder)
    return update_catalogs.extract_messages(root)


def test_every_message_has_a_current_translation(fresh_templates):
    missing = []
    templates = sorted(fresh_templates.rglob("*.pot"))
    assert len(templates) > 20, "the extraction found too few pages"
    for template_path in templates:
        relative = template_path.relative_to(fresh_templates).with_suffix(".po")
        with template_path.open("rb") as handle:
            template = read_po(handle)
        catalog_path = LOCALE / relative
        catalog = None
        if catalog_path.is_file():
            with catalog_path.open("rb") as handle:
                catalog = read_po(handle)
        for message in template:
            if not message.id:
                continue
            entry = catalog.get(message.id) if catalog else None
            if entry is None or not entry.string or entry.fuzzy:
                missing.append(f"{relative}: {message.id[:100]!r}")
    assert not missing, "untranslated or fuzzy messages:\n" + "\n".join(missing)


# Code as the page shows it: ``literal`` in the examples' reST, `literal` in
# MyST, but not the text of a role (:ref:`text <target>`, {doc}`page`).
CODE_SPAN = re.compile(r"``[^`]+``|(?<![`}:\w])`[^`]+`(?![`_])")


def test_translations_keep_every_code_span_of_their_message():
    changed = []
    for path in LOCALE.rglob("*.po"):
        if path.name == "code-comments.po":  # comments: code spans are rare prose there
            continue
        for message in read_po(path.open("rb")):
            if not message.id or not message.string or message.fuzzy:
                continue
            kept = CODE_SPAN.findall(message.string)
            lost = [span for span in CODE_SPAN.findall(message.id) if span not in kept]
            if lost:
                changed.append(f"{path.relative_to(LOCALE)}: {lost}")
    assert not changed, "translations that change or drop code:\n" + "\n".join(changed)


def test_catalogs_hold_no_timings_or_line_numbers():
    timing = re.compile(r"\b\d+(\.\d+)?\s*(s|ms|seconds|minutes)\b|running time", re.I)
    for path in LOCALE.rglob("*.po"):
        text = path.read_text()
        assert "\n#: " not in text, f"{path} carries source locations"
        for message in read_po(path.open("rb")):
            assert not timing.search(str(message.id)), f"{path}: {message.id!r}"


def test_chinese_pages_wrap_the_same_executed_outputs(built_site):
    page = "auto_examples/tensor_to_numpy/plot_01_numpy_shares_memory.html"
    english = built_page(built_site / "_build/html/en" / page)
    chinese = built_page(built_site / "_build/html/zh_CN" / page)
    outputs = "div.sphx-glr-script-out"
    assert english.select(outputs), "the English page has no outputs"
    assert chinese.select(outputs) == english.select(outputs)
    assert chinese.html["lang"] == "zh-CN"
    text = chinese.get_text()
    assert "共享内存" in text  # the prose around the outputs is Chinese
    assert "本页的输出由本次构建实际运行产生" in text  # provenance, in Chinese
