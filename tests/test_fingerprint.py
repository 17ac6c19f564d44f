"""Cached outputs are reused only in the environment that produced them."""

from __future__ import annotations

import re

import pytest
from sphinx.cmd.build import build_main

import build_site
import executed_gallery.environment
from conftest import make_small_site, notebook_page

# Each run prints a fresh random token, so a page shows whether it was re-executed.
TOKEN_EXAMPLE = '''\
"""
Print a fresh token
===================

Shows whether this example ran again.
"""

import os

print("token", os.urandom(8).hex())
'''

TOKEN_PAGE = notebook_page(
    "Notebook token", 'import os\n\nprint("token", os.urandom(8).hex())'
)


def build_in_process(root) -> None:
    arguments = build_site.sphinx_arguments(root, "en", [], require_cuda=False)
    assert build_main(arguments) == 0


def tokens(root) -> tuple[str, str]:
    html = root / "_build" / "work" / "html" / "en"
    example = (html / "auto_examples/tensor_to_numpy/plot_01_token.html").read_text()
    page = (html / "notebook.html").read_text()
    (example_token,) = re.findall(r"token ([0-9a-f]{16})", example)
    (page_token,) = re.findall(r"token ([0-9a-f]{16})", page)
    return example_token, page_token


@pytest.fixture
def token_site(tmp_path):
    return make_small_site(
        tmp_path,
        {"tensor_to_numpy/plot_01_token.py": TOKEN_EXAMPLE},
        {"notebook.md": TOKEN_PAGE},
    )


def test_unchanged_environment_reuses_outputs_and_changed_one_reexecutes(
    token_site, monkeypatch
):
    build_in_process(token_site)
    first = tokens(token_site)

    build_in_process(token_site)
    assert tokens(token_site) == first, "a no-op rebuild must execute nothing"

    real_current = executed_gallery.environment.current

    def newer_torch():
        return {**real_current(), "torch": "99.0.0+test"}

    monkeypatch.setattr(executed_gallery.environment, "current", newer_torch)
    build_in_process(token_site)
    example_token, page_token = tokens(token_site)
    assert example_token != first[0], "the gallery kept output from another environment"
    assert page_token != first[1], (
        "the notebook page kept output from another environment"
    )

    page = (
        token_site
        / "_build/work/html/en/auto_examples/tensor_to_numpy/plot_01_token.html"
    )
    assert "torch 99.0.0+test" in page.read_text()


def test_fingerprint_is_stable_and_sensitive_to_every_field():
    build_env = {"python": "3.11.7", "torch": "2.13.0", "numpy": "2.4.6", "cpu": "x"}
    digest = executed_gallery.environment.fingerprint(build_env)
    assert digest == executed_gallery.environment.fingerprint(dict(build_env))
    for key in build_env:
        changed = {**build_env, key: build_env[key] + "!"}
        assert executed_gallery.environment.fingerprint(changed) != digest, key
    with_gpu = {**build_env, "gpu": "H100", "cuda": "12.8"}
    assert executed_gallery.environment.fingerprint(with_gpu) != digest
