"""Where the site says it lives, Colab notebooks and "Examples using X": the parts
of docs/_ext/colab.py, api_examples.py and sitemap.py that need no build. (A
build that knows no hosted site, as a local build is: test_tinybuild.py.)"""

from __future__ import annotations

import platform
import textwrap
from xml.etree import ElementTree

import pytest
import torch

import api_examples
import colab
import language_switcher
import sitemap
from executed_gallery.wording import translated

ENVIRONMENT = {"python": "3.11.7", "torch": "2.13.0+cpu", "numpy": "2.4.6"}


# -- Colab ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "repository"),
    [
        ("https://github.com/owner/name", "owner/name"),
        ("https://github.com/owner/name.git", "owner/name"),
        ("https://github.com/owner/name/", "owner/name"),
        ("https://gitlab.com/owner/name", None),
        ("", None),
    ],
)
def test_colab_opens_notebooks_from_github_repositories_only(url, repository):
    assert colab.github_repository(url) == repository


def test_colab_link_names_the_branch_and_the_published_path():
    path = colab.notebook_path("zh_CN", "notebooks", "auto_examples/gpu/plot_01_x")
    assert path == "zh_CN/notebooks/auto_examples/gpu/plot_01_x.ipynb"
    assert colab.colab_url("owner/name", "notebooks", path) == (
        "https://colab.research.google.com/github/owner/name/blob/notebooks/"
        "zh_CN/notebooks/auto_examples/gpu/plot_01_x.ipynb"
    )


def run_cell(source: str, capsys) -> str:
    exec(compile(source, "first-cell", "exec"), {})
    return capsys.readouterr().out


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_first_cell_names_this_runtime_and_compares_it_with_the_build(language, capsys):
    import numpy

    url = f"https://owner.github.io/name/{language}/compatibility.html"
    built = {**ENVIRONMENT, "torch": "2.3.1", "numpy": "1.26.4"}
    out = run_cell(colab.first_cell(built, language, url, needs_gpu=False), capsys)
    assert torch.__version__ in out and numpy.__version__ in out
    assert url in out
    assert "2.3.1" in out and "1.26.4" in out, "the build's versions, since they differ"
    same = {
        "torch": torch.__version__,
        "numpy": numpy.__version__,
        # Another bugfix release of the same Python counts as the same.
        "python": ".".join(platform.python_version().split(".")[:2]) + ".99",
    }
    out = run_cell(colab.first_cell(same, language, url, needs_gpu=False), capsys)
    assert translated(colab.MESSAGES, language)["same"] in out


@pytest.mark.skipif(torch.cuda.is_available(), reason="checks a runtime without a GPU")
@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_first_cell_of_a_cuda_notebook_stops_without_a_gpu(language, capsys):
    cell = colab.first_cell(ENVIRONMENT, language, None, needs_gpu=True)
    with pytest.raises(SystemExit) as stopped:
        run_cell(cell, capsys)
    assert str(stopped.value) == translated(colab.MESSAGES, language)["no_gpu"]
    assert "Change runtime type" in str(stopped.value)


def test_myst_syntax_becomes_plain_markdown_in_notebooks():
    text = "See {doc}`dtypes` and {doc}`the matrix </conversion-matrix>`.\n"
    text += "```{notebook-provenance}\n```\nAfter."
    assert colab.plain_markdown(text) == "See dtypes and the matrix.\nAfter."
    assert colab.plain_markdown("(matrix-legacy)=\n## Legacy\n[up](#top)") == (
        '<a id="matrix-legacy"></a>\n## Legacy\n[up](#top)'
    )


def test_a_page_that_imports_a_site_module_writes_it_in_its_notebook(tmp_path):
    import nbformat

    (tmp_path / "table_labels.py").write_text(
        "def label(key):  # the words\n    return key\n"
    )
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [
        nbformat.v4.new_code_cell("import numpy as np\nfrom table_labels import label"),
        nbformat.v4.new_code_cell("import math"),
    ]
    (cell,) = colab.site_module_cells(notebook, tmp_path, {"the words": "词语"})
    assert cell.source.splitlines()[0] == "%%writefile table_labels.py"
    assert "def label(key):  # 词语" in cell.source  # in the edition's language


# -- Which APIs an example calls -------------------------------------------------------


def test_calls_are_found_through_the_names_that_hold_tensors_and_arrays():
    source = textwrap.dedent(
        """
        import numpy as np
        import torch

        tensor = torch.ones(3)
        array = tensor.numpy()
        back = torch.from_numpy(array).requires_grad_()
        value = tensor.sum().item()
        values = array.tolist()
        settings = {"a": 1}.copy()
        np.asarray(tensor).view()
        """
    )
    assert api_examples.called_apis(source) == {
        "torch.ones",
        "torch.Tensor.numpy",
        "torch.from_numpy",
        "torch.Tensor.requires_grad_",
        "torch.Tensor.sum",
        "torch.Tensor.item",
        "numpy.ndarray.tolist",
        "numpy.asarray",
        "numpy.ndarray.view",
    }


def test_a_script_that_does_not_parse_calls_nothing():
    assert api_examples.called_apis("import torch\ntorch.ones(3\n") == set()


@pytest.mark.parametrize(
    ("code", "api"),
    [
        ("t.numpy()", "torch.Tensor.numpy"),
        ("t.detach().numpy()", "torch.Tensor.detach"),
        ("np.asarray(t)", "numpy.asarray"),
        ('torch.from_numpy(a).to("cuda")', "torch.from_numpy"),
        ("a.tolist()", "numpy.ndarray.tolist"),
        ("TypeError", None),
        ('.to("cuda")', None),
        ("torch.float32", None),
        ("t.T.numpy()", "torch.Tensor.numpy"),
        ("t.T", None),
    ],
)
def test_a_table_call_links_to_the_api_it_starts_with(code, api):
    apis = {
        "torch.Tensor",
        "torch.Tensor.numpy",
        "torch.Tensor.detach",
        "numpy.asarray",
        "torch.from_numpy",
        "numpy.ndarray.tolist",
    }
    receivers = {"t": "torch.Tensor", "a": "numpy.ndarray", "np": "numpy"}
    assert api_examples.api_for_code(code, apis, receivers) == api


# -- Sitemap and alternates ----------------------------------------------------------------


def test_sitemap_is_valid_xml_with_every_edition_as_alternate():
    languages = {"en": "English", "zh_CN": "简体中文"}
    text = sitemap.sitemap_xml(["index", "a/b"], "zh_CN", languages, "https://h.io/s/")
    root = ElementTree.fromstring(text)
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    locs = [loc.text for loc in root.iter(f"{ns}loc")]
    assert locs == ["https://h.io/s/zh_CN/index.html", "https://h.io/s/zh_CN/a/b.html"]
    links = root.findall(f"{ns}url/{{http://www.w3.org/1999/xhtml}}link")
    assert {link.get("hreflang") for link in links} == {"en", "zh-CN", "x-default"}


def test_alternates_are_relative_without_a_hosted_site():
    languages = {"en": "English", "zh_CN": "简体中文"}
    links = dict(language_switcher.alternates("a/b", "en", languages, ""))
    assert links == {
        "en": "../../en/a/b.html",
        "zh-CN": "../../zh_CN/a/b.html",
        "x-default": "../../en/a/b.html",
    }
