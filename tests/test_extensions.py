"""Unit tests of the site's own Sphinx extensions (docs/_ext), on their pure parts."""

from __future__ import annotations

import re

import pytest
from docutils.core import publish_doctree

import colab
import executed_gallery
import language_switcher
import link_previews
from executed_gallery.wording import (
    COMPATIBILITY_WORDING,
    PUNCTUATION,
    WORDING,
    catalog,
    wording_for,
)
from zh_typography import HAN, english_words_in_text


def test_cuda_examples_run_only_where_cuda_exists():
    cpu = executed_gallery.gallery.executed_examples_pattern(
        "gpu", cuda_available=False
    )
    gpu = executed_gallery.gallery.executed_examples_pattern("gpu", cuda_available=True)
    plain = "/site/examples/tensor_to_numpy/plot_01_shares.py"
    cuda = "/site/examples/gpu/plot_01_cuda.py"
    helper = "/site/examples/tensor_to_numpy/helper.py"
    assert re.search(cpu, plain) and not re.search(cpu, cuda)
    assert re.search(gpu, plain) and re.search(gpu, cuda)
    assert not re.search(cpu, helper) and not re.search(gpu, helper)


CPU_ONLY = {"python": "3.11.7", "torch": "2.13.0+cpu", "numpy": "2.4.6", "cpu": "EPYC"}
WITH_GPU = {**CPU_ONLY, "torch": "2.13.0", "gpu": "NVIDIA H100", "cuda": "12.8"}


def test_provenance_names_versions_and_devices():
    wording = wording_for("en")
    summary = executed_gallery.provenance.provenance_summary(CPU_ONLY, wording)
    assert summary == "torch 2.13.0+cpu · NumPy 2.4.6 · Python 3.11.7 · CPU: EPYC"
    assert (
        "GPU: NVIDIA H100 (CUDA 12.8)"
        in executed_gallery.provenance.provenance_summary(WITH_GPU, wording)
    )
    assert executed_gallery.provenance.torch_build_summary(CPU_ONLY).endswith(
        "CUDA not available"
    )


def test_chinese_notices_name_the_build_in_chinese():
    wording = wording_for("zh_CN")
    assert executed_gallery.provenance.provenance_summary(WITH_GPU, wording).endswith(
        "GPU：NVIDIA H100（CUDA 12.8） · CPU：EPYC"
    )
    summary = executed_gallery.provenance.torch_build_summary(CPU_ONLY, wording)
    assert summary == "torch 2.13.0+cpu，没有可用的 CUDA"
    texts = [
        wording["needs_cuda"].format(torch_build=summary),
        wording["cuda_section_skipped"].format(torch_build=summary),
        wording["cuda_section_executed"].format(**WITH_GPU),
    ]
    for text in texts:
        assert not english_words_in_text(text), text
        assert not re.search(rf"[{HAN}] ?[,;:()]|[,;:()] ?[{HAN}]", text), text


@pytest.mark.parametrize(
    "sentences",
    [
        WORDING,
        COMPATIBILITY_WORDING,
        colab.MESSAGES,
        dict(enumerate(colab.RUNTIME_COMMENTS)),
    ],
    ids=["gallery", "compatibility", "colab", "colab comments"],
)
def test_every_sentence_is_translated_with_the_same_placeholders(sentences):
    placeholders = re.compile(r"{(\w+)}")
    chinese = catalog("zh_CN")
    for key, text in sentences.items():
        if key in PUNCTUATION["zh_CN"]:
            continue
        assert text in chinese, (
            f"add to docs/locale/zh_CN/LC_MESSAGES/sphinx.po: {text!r}"
        )
        assert set(placeholders.findall(chinese[text])) == set(
            placeholders.findall(text)
        ), key


def test_language_links_lead_to_the_same_page_in_each_edition():
    links = language_switcher.language_links(
        "auto_examples/gpu/plot_01", "en", {"en": "English", "zh_CN": "简体中文"}
    )
    assert [link["url"] for link in links] == [
        "../../../en/auto_examples/gpu/plot_01.html",
        "../../../zh_CN/auto_examples/gpu/plot_01.html",
    ]
    assert [link["current"] for link in links] == [True, False]
    assert links[1]["hreflang"] == "zh-CN"


def test_link_preview_description_is_the_first_paragraph_of_the_page_itself():
    doctree = publish_doctree(
        ".. note:: Go to the end.\n\nTitle\n=====\n\nThe page's own first words.\n"
    )
    assert link_previews.first_paragraph(doctree) == "The page's own first words."


def test_link_preview_description_is_shortened_at_a_word():
    text = "word " * 100
    short = link_previews.shorten(text, length=23)
    assert short == "word word word word…"
    assert link_previews.shorten("  a   few words ") == "a few words"


def test_fingerprint_is_stable_and_sensitive_to_every_field():
    build_env = {"python": "3.11.7", "torch": "2.13.0", "numpy": "2.4.6", "cpu": "x"}
    digest = executed_gallery.environment.fingerprint(build_env)
    assert digest == executed_gallery.environment.fingerprint(dict(build_env))
    for key in build_env:
        changed = {**build_env, key: build_env[key] + "!"}
        assert executed_gallery.environment.fingerprint(changed) != digest, key
    with_gpu = {**build_env, "gpu": "H100", "cuda": "12.8"}
    assert executed_gallery.environment.fingerprint(with_gpu) != digest


def test_a_new_environment_or_first_notebook_cell_runs_every_example_again(tmp_path):
    """sphinx-gallery writes an example's notebook only when it runs the example,
    so a new first cell (another hosted URL) must run them all, as a new
    environment must."""
    from types import SimpleNamespace

    def build(fingerprint: str, first_cell: str) -> bool:
        """Whether an example's cached run survives a build with these settings."""
        md5 = tmp_path / "auto_examples" / "plot_01.py.md5"
        md5.parent.mkdir(exist_ok=True)
        md5.write_text("cached")
        gallery_conf = {
            "plot_gallery": True,
            "first_notebook_cell": first_cell,
            "examples_dirs": "examples",
            "gallery_dirs": "auto_examples",
        }
        config = SimpleNamespace(
            sphinx_gallery_conf=gallery_conf,
            executed_gallery_environment={"torch": fingerprint},
            executed_gallery_fingerprint=fingerprint,
        )
        app = SimpleNamespace(config=config, srcdir=tmp_path)
        executed_gallery.cache.invalidate_outputs_from_other_environments(app)
        return md5.exists()

    assert not build("a", "cell")  # no record yet
    assert build("a", "cell")
    assert not build("b", "cell")
    assert not build("b", "another cell")
    assert build("b", "another cell")


def test_an_example_page_opens_with_title_downloads_answer_then_provenance():
    """The patterns that lay out an example page match what sphinx-gallery writes."""
    from sphinx_gallery.gen_rst import EXAMPLE_HEADER, RST_BLOCK_HEADER

    provenance = executed_gallery.provenance
    page = (
        EXAMPLE_HEADER.format("x.py", "auto_examples_x.py", "")
        + "Do a thing\n==========\n\nThe answer.\n\n"
        + RST_BLOCK_HEADER.format(1, 5)
        + ".. code-block:: Python\n\n    answer()\n\n"
        + RST_BLOCK_HEADER.format(6, 9)
        + "The proof.\n"
    )
    assert provenance.GO_TO_THE_END_NOTE.search(page)
    without_note = provenance.GO_TO_THE_END_NOTE.sub("", page)
    assert "Go to the end" not in without_note
    assert ".. rst-class:: sphx-glr-example-title" in without_note
    assert provenance.TITLE.search(without_note).group(0) == "Do a thing\n==========\n"


def test_the_time_limit_fails_the_example_never_the_code_around_it(monkeypatch):
    import signal
    import sys

    reset = executed_gallery.reset
    monkeypatch.setattr(reset, "_running_example", "plot_01_hangs.py")
    armed = []
    monkeypatch.setattr(
        signal, "setitimer", lambda which, seconds: armed.append(seconds)
    )
    # Out of the example (here, in this test): the timer is armed again, no raise.
    reset._raise_time_limit(signal.SIGALRM, sys._getframe())
    assert armed == [reset._RETRY]
    # Inside the example's code (compiled under its path, as sphinx-gallery does).
    example = compile(
        "reset._raise_time_limit(signal.SIGALRM, sys._getframe())",
        "/site/examples/plot_01_hangs.py",
        "exec",
    )
    with pytest.raises(reset.ExampleTimeLimitExceeded, match="time limit"):
        exec(example, {"reset": reset, "signal": signal, "sys": sys})


def test_a_notebook_whose_kernel_dies_early_is_left_to_myst_nb(monkeypatch, tmp_path):
    """Kernels started side by side can race for a port, and one dies at start
    ("Address already in use"): the page then misses the cache, and myst-nb
    executes it itself, instead of the build failing on a missing key."""
    import types

    from jupyter_cache.executors import utils

    import early_notebooks

    def kernel_dies(*args, **kwargs):
        raise RuntimeError("Kernel died before replying to kernel_info")

    monkeypatch.setattr(utils, "single_nb_execution", kernel_dies)
    settings = types.SimpleNamespace(execution_allow_errors=False, execution_timeout=9)
    outcome: dict = {"page": "probe.md"}
    early_notebooks.execute_into_cache(tmp_path / "probe.md", None, settings, outcome)
    assert outcome["error"].startswith("RuntimeError: Kernel died")
