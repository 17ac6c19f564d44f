"""The built site, checked the way a reader meets it: through its HTML files."""

from __future__ import annotations

import platform
import re
import zipfile
from collections import Counter
from pathlib import Path

import nbformat
import pytest
import torch

import build_site
import publish_notebooks
import site_location
from run_examples import CUDA_DIR, example_scripts, needs_cuda
from site_builds import FORK_SITE, REPO_ROOT, built_page, code_blocks, example_page

HOSTED = FORK_SITE["SITE_HOSTED_URL"]
REPOSITORY = FORK_SITE["SITE_REPOSITORY_URL"]
BRANCH = FORK_SITE["SITE_BRANCH"]

EXAMPLES = example_scripts()
CPU_EXAMPLES = [path for path in EXAMPLES if not needs_cuda(path)]
GPU_EXAMPLES = [path for path in EXAMPLES if needs_cuda(path)]
CUDA = torch.cuda.is_available()


def page_for(site: Path, script: Path, language: str = "en") -> Path:
    return site / "_build" / "html" / language / example_page(script)


def test_the_gallery_has_examples_in_every_section():
    sections = {path.parent.name for path in EXAMPLES}
    assert {
        "tensor_to_numpy",
        "numpy_to_tensor",
        "tensor_to_python",
        CUDA_DIR,
    } <= sections


@pytest.mark.parametrize("script", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_page_shows_its_script_and_offers_it_for_download(
    built_site, script
):
    page = built_page(page_for(built_site, script))
    source = script.read_text()
    code = [pre.get_text() for pre in page.select("div.highlight-Python pre")]
    assert code, f"{script.stem}: no code blocks"
    for text in code:
        assert text.strip() in source, f"a code block is not from the script:\n{text}"
    hrefs = [
        a["href"] for a in page.select('.sphx-glr-download a[href*="_downloads/"]')
    ]
    downloads = {}
    for suffix in (".py", ".ipynb"):
        links = [href for href in hrefs if href.endswith(f"/{script.stem}{suffix}")]
        assert links, f"no {suffix} download link on {script.stem}"
        downloads[suffix] = page_for(built_site, script).parent / links[0]
        assert downloads[suffix].resolve().is_file(), (
            f"{links[0]} is linked but missing"
        )
    assert downloads[".py"].read_text() == source, "the .py download is not the script"
    notebook = nbformat.read(downloads[".ipynb"], as_version=nbformat.NO_CONVERT)
    assert notebook.nbformat == 4
    nbformat.validate(notebook)
    # The runtime check (test_every_colab_notebook_opens_with_the_runtime_check),
    # then the script's code blocks, each as it is.
    cells = [cell.source for cell in notebook.cells if cell.cell_type == "code"]
    assert cells[1:] == [block.strip() for block in code_blocks(script)]


@pytest.mark.parametrize("script", CPU_EXAMPLES, ids=lambda p: p.stem)
def test_every_cpu_example_page_shows_executed_output_and_provenance(
    built_site, script
):
    page = built_page(page_for(built_site, script))
    assert page.select("div.sphx-glr-script-out"), (
        f"{script.stem} shows no executed output"
    )
    import numpy

    provenance = page.select_one("div.example-provenance")
    assert provenance, f"{script.stem} has no provenance"
    text = provenance.get_text()
    assert f"torch {torch.__version__}" in text
    assert f"NumPy {numpy.__version__}" in text
    assert "Python 3." in text and "CPU:" in text
    assert not page.select("div.example-not-executed")
    # Errors are caught and printed by the examples; a traceback means one escaped.
    assert "Traceback (most recent call last)" not in page.get_text()


def test_gallery_index_offers_zips_that_hold_every_example(built_site):
    index = (built_site / "_build/html/en/auto_examples/index.html").read_text()
    assert "auto_examples_python.zip" in index and "auto_examples_jupyter.zip" in index
    downloads = built_site / "_build" / "html" / "en" / "_downloads"
    (python_zip,) = downloads.rglob("auto_examples_python.zip")
    (notebook_zip,) = downloads.rglob("auto_examples_jupyter.zip")
    python_names = {Path(name).name for name in zipfile.ZipFile(python_zip).namelist()}
    notebook_names = {
        Path(name).name for name in zipfile.ZipFile(notebook_zip).namelist()
    }
    for script in EXAMPLES:
        assert script.name in python_names
        assert script.with_suffix(".ipynb").name in notebook_names


def test_edit_links_on_example_pages_lead_to_the_script(built_site):
    script = CPU_EXAMPLES[0]
    page = built_page(page_for(built_site, script))
    relative = script.relative_to(REPO_ROOT).as_posix()
    edit_links = [a["href"] for a in page.select(".edit-this-page a[href]")]
    assert edit_links == [f"{REPOSITORY}/edit/{BRANCH}/{relative}"]


def test_published_root_sends_readers_to_english(built_site):
    root_page = (built_site / "_build" / "html" / "index.html").read_text()
    assert "url=en/" in root_page


@pytest.mark.skipif(CUDA, reason="checks the pages of a build without CUDA")
@pytest.mark.parametrize("script", GPU_EXAMPLES, ids=lambda p: p.stem)
def test_cuda_example_pages_say_plainly_that_they_were_not_executed(built_site, script):
    page = built_page(page_for(built_site, script))
    notice = page.select_one("div.example-not-executed")
    assert notice, f"{script.stem} has no not-executed notice"
    text = notice.get_text()
    assert "Needs CUDA" in text
    assert f"torch {torch.__version__}, CUDA not available" in text
    assert "hosted site" in text
    assert not page.select("div.sphx-glr-script-out"), (
        "no output may appear without a run"
    )
    assert not page.select("div.example-provenance"), (
        "provenance claims outputs that were not produced"
    )
    assert "Traceback" not in page.get_text()
    assert page.select("div.highlight-Python"), "the code itself is still shown"


@pytest.mark.skipif(CUDA, reason="checks the pages of a build without CUDA")
def test_gallery_marks_the_cuda_section_as_not_executed(built_site):
    for page in ("auto_examples/index.html", "auto_examples/gpu/index.html"):
        status = built_page(built_site / "_build/html/en" / page).select_one(
            "div.warning.cuda-build-status"
        )
        assert status, page
        assert "This build had no CUDA" in status.get_text()


def test_not_found_page_at_the_root_leads_to_pages_that_exist(site_html):
    page = built_page(site_html / "404.html")
    assert page.select_one("base")["href"] == "/tensor-conversions-fork/"
    links = [
        a["href"]
        for a in page.select("a[href]")
        if a["href"].startswith(("en/", "zh_CN/"))
    ]
    assert len(links) >= 6
    for link in links:
        assert (site_html / link).is_file(), link


def test_pages_carry_link_preview_tags(site_html):
    """og:url and the canonical link: on every page, in the test that follows
    every link to where the site lives."""
    page = "auto_examples/tensor_to_numpy/plot_01_numpy_shares_memory.html"
    for language in ("en", "zh_CN"):
        html = built_page(site_html / language / page)
        tags = {
            meta["property"]: meta["content"]
            for meta in html.select('meta[property^="og:"]')
        }
        assert tags["og:locale"] == language
        assert len(tags["og:description"]) > 40
        assert "Go to the end" not in tags["og:description"]
    english = built_page(site_html / "en" / page)
    title = english.select_one('meta[property="og:title"]')["content"]
    assert title == "Convert a CPU tensor to a NumPy array"
    assert "Tensor.numpy()" in english.select_one('meta[name="description"]')["content"]


@pytest.mark.parametrize(
    "page", ["quick-reference", "misconceptions", "conversion-matrix", "dtypes"]
)
def test_computed_reference_pages_name_what_computed_them(built_site, page):
    html = built_page(built_site / "_build/html/en" / f"{page}.html")
    provenance = html.select_one("div.example-provenance")
    assert provenance, page
    assert f"torch {torch.__version__}" in provenance.get_text()


# -- Open in Colab ---------------------------------------------------------------------

EDITIONS = ("en", "zh_CN")
NOT_CONTENT_PAGES = {"search.html", "genindex.html"}


def content_pages(site_html: Path, edition: str) -> list[str]:
    """Every page of an edition that comes from a source, relative to the edition."""
    root = site_html / edition
    return sorted(
        path.relative_to(root).as_posix()
        for path in root.rglob("*.html")
        if path.relative_to(root).as_posix() not in NOT_CONTENT_PAGES
    )


def notebook_docnames() -> list[str]:
    """Pages that have a notebook: every example, and every myst-nb page."""
    examples = [example_page(script).removesuffix(".html") for script in EXAMPLES]
    notebook_pages = [
        page.stem
        for page in (REPO_ROOT / "docs").glob("*.md")
        if "file_format: mystnb"
        in page.read_text(encoding="utf-8").split("\n---", 1)[0]
    ]
    assert {"quick-reference", "conversion-matrix", "dtypes"} <= set(notebook_pages)
    return sorted(examples + notebook_pages)


def colab_prefix() -> str:
    owner_name = REPOSITORY.removeprefix("https://github.com/")
    return (
        f"https://colab.research.google.com/github/{owner_name}/blob/"
        f"{site_location.NOTEBOOKS_BRANCH}/"
    )


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_page_with_a_notebook_opens_it_in_colab(site_html, edition):
    published = {
        path.as_posix() for path in publish_notebooks.notebook_files(site_html)
    }
    notebook_dir = site_location.NOTEBOOK_DIR
    with_notebook = notebook_docnames()
    for docname in with_notebook:
        page = built_page(site_html / edition / f"{docname}.html")
        buttons = page.select("a.open-in-colab-link")
        assert len(buttons) == 1, f"{docname}: {len(buttons)} Colab buttons"
        href = buttons[0]["href"]
        assert href.startswith(colab_prefix()), href
        path = href.removeprefix(colab_prefix())
        assert path == f"{edition}/{notebook_dir}/{docname}.ipynb"
        # The file that the link names was built, and the workflow publishes it there.
        assert (site_html / path).is_file(), f"{docname}: {path} was not built"
        assert path in published, f"{docname}: {path} is not on the notebooks branch"
    for relative in content_pages(site_html, edition):
        if relative.removesuffix(".html") not in with_notebook:
            assert not built_page(site_html / edition / relative).select(
                ".open-in-colab"
            ), f"{relative} has no notebook, but a Colab button"
    # Every published notebook belongs to a page.
    assert len([p for p in published if p.startswith(f"{edition}/")]) == len(
        with_notebook
    )


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_colab_notebook_opens_with_the_runtime_check(site_html, edition):
    import numpy

    notebook_dir = site_location.NOTEBOOK_DIR
    notebooks = sorted((site_html / edition / notebook_dir).rglob("*.ipynb"))
    assert notebooks
    for path in notebooks:
        notebook = nbformat.read(path, as_version=4)
        nbformat.validate(notebook)
        name = path.relative_to(site_html).as_posix()
        assert notebook.cells[0].cell_type == "code", name
        check = notebook.cells[0].source
        assert "_check_runtime()" in check, name
        for version in (
            torch.__version__,
            numpy.__version__,
            platform.python_version(),
        ):
            assert f'"{version}"' in check, (
                f"{name}: the build's {version} is not named"
            )
        # The compatibility page of the same edition, on the hosted site.
        assert f"{HOSTED}/{edition}/compatibility.html" in check, name
        assert (site_html / edition / "compatibility.html").is_file()
        if edition == "zh_CN":
            assert "当前运行" in check, name
        gpu = f"/{CUDA_DIR}/" in name
        assert ("raise SystemExit" in check) == gpu, name
        assert ("Change runtime type" in check) == gpu, name
        assert (notebook.metadata.get("accelerator") == "GPU") == gpu, name
        assert not [c for c in notebook.cells if c.get("outputs")], (
            f"{name} has outputs"
        )


@pytest.mark.parametrize("edition", EDITIONS)
def test_downloaded_notebooks_are_the_colab_notebooks(site_html, edition):
    notebook_dir = site_location.NOTEBOOK_DIR
    for script in CPU_EXAMPLES:
        relative = script.relative_to(REPO_ROOT / "examples").with_suffix(".ipynb")
        (download,) = (site_html / edition / "_downloads").rglob(relative.name)
        downloaded = nbformat.read(download, as_version=4)
        colab = nbformat.read(
            site_html / edition / notebook_dir / "auto_examples" / relative,
            as_version=4,
        )
        assert [c.source for c in downloaded.cells] == [c.source for c in colab.cells]


# -- Sitemap, alternates, robots.txt ---------------------------------------------------

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
HREFLANGS = {"en": "en", "zh_CN": "zh-CN"}


def local_file(html_root: Path, url: str) -> Path:
    assert url.startswith(HOSTED + "/"), url
    return html_root / url.removeprefix(HOSTED + "/")


def test_sitemap_lists_every_page_of_both_editions_once(site_html):
    from xml.etree import ElementTree

    index = ElementTree.parse(site_html / "sitemap.xml").getroot()
    assert index.tag == f"{SITEMAP}sitemapindex"
    sitemaps = [loc.text for loc in index.iter(f"{SITEMAP}loc")]
    assert sitemaps == [f"{HOSTED}/{edition}/sitemap.xml" for edition in EDITIONS]
    listed, alternates = [], []
    for url in sitemaps:
        urlset = ElementTree.parse(local_file(site_html, url)).getroot()
        assert urlset.tag == f"{SITEMAP}urlset"
        for entry in urlset.iter(f"{SITEMAP}url"):
            listed.append(entry.find(f"{SITEMAP}loc").text)
            links = {
                link.get("hreflang"): link.get("href")
                for link in entry.iter(f"{XHTML}link")
                if link.get("rel") == "alternate"
            }
            assert set(links) == {*HREFLANGS.values(), "x-default"}, listed[-1]
            assert links["x-default"] == links["en"]
            assert listed[-1] in links.values()
            alternates += links.values()
    expected = [
        f"{HOSTED}/{edition}/{page}"
        for edition in EDITIONS
        for page in content_pages(site_html, edition)
    ]
    duplicates = [url for url, count in Counter(listed).items() if count > 1]
    assert not duplicates, duplicates
    assert sorted(listed) == sorted(expected)
    missing = sorted(
        {url for url in alternates if not local_file(site_html, url).is_file()}
    )
    assert not missing, missing
    robots = (site_html / "robots.txt").read_text()
    assert f"Sitemap: {HOSTED}/sitemap.xml" in robots.splitlines()


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_page_names_its_editions_in_its_head(site_html, edition):
    for path in sorted((site_html / edition).rglob("*.html")):
        relative = path.relative_to(site_html / edition).as_posix()
        links = {
            link["hreflang"]: link["href"]
            for link in built_page(path).select('head link[rel="alternate"][hreflang]')
        }
        assert set(links) == {*HREFLANGS.values(), "x-default"}, relative
        for code, hreflang in HREFLANGS.items():
            assert links[hreflang] == f"{HOSTED}/{code}/{relative}", relative
            assert local_file(site_html, links[hreflang]).is_file()
        assert links["x-default"] == links["en"]


# -- Every link to where the site lives carries the fork's values -----------------------


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_repository_and_hosted_link_carries_the_forks_values(site_html, edition):
    kinds = Counter()
    for relative in content_pages(site_html, edition):
        page = built_page(site_html / edition / relative)
        expected_page = f"{HOSTED}/{edition}/{relative}"
        canonical = page.select_one('link[rel="canonical"]')
        assert canonical and canonical["href"] == expected_page, relative
        og_url = page.select_one('meta[property="og:url"]')
        assert og_url and og_url["content"] == expected_page, relative
        kinds["canonical"] += 1
        for link in page.select(".edit-this-page a"):
            assert link["href"].startswith(f"{REPOSITORY}/edit/{BRANCH}/"), relative
            kinds["edit"] += 1
        for link in page.select(".view-this-page a"):
            assert link["href"].startswith(f"{REPOSITORY}/blob/{BRANCH}/"), relative
            kinds["view"] += 1
        for link in page.select("a.open-in-colab-link"):
            assert link["href"].startswith(colab_prefix()), relative
            kinds["colab"] += 1
        for link in page.select('.example-not-executed a[href^="http"]'):
            assert link["href"] == expected_page, relative
            kinds["hosted"] += 1
    assert kinds["edit"] and kinds["view"] and kinds["colab"], kinds
    if not CUDA:
        assert kinds["hosted"] == len(GPU_EXAMPLES), kinds


def test_no_built_file_names_another_host_for_the_site(site_html):
    placeholders = ("tensor-conversions.github.io", "github.com/tensor-conversions/")
    for path in site_html.rglob("*"):
        if path.suffix in {".html", ".xml", ".txt", ".ipynb", ".js"}:
            text = path.read_text(encoding="utf-8", errors="replace")
            for placeholder in placeholders:
                assert placeholder not in text, f"{path.relative_to(site_html)}"


# -- Examples using X -----------------------------------------------------------------

# The calls that the issue names, and the site's own key calls.
KEY_APIS = (
    "torch.from_numpy",
    "torch.Tensor.numpy",
    "torch.as_tensor",
    "torch.Tensor.item",
    "torch.Tensor.tolist",
    "torch.tensor",
    "numpy.asarray",
)


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_called_api_lists_the_examples_that_use_it(built_site, edition):
    html_root = built_site / "_build" / "html" / edition
    page = built_page(html_root / "api-examples.html")
    sections = {
        section["id"]: section
        for section in page.select("section[id]")
        if section["id"].startswith(("torch.", "numpy."))
    }
    assert set(KEY_APIS) <= set(sections), sorted(sections)
    for api, section in sections.items():
        assert section.select_one("h2 code").get_text() == api
        examples = [a["href"] for a in section.select(".api-example-pages a[href]")]
        assert examples, f"{api}: lists no example"
        for link in section.select(".api-example-pages a[href]"):
            assert link.get_text().strip() not in ("", link["href"]), link  # a title
        name = api.rsplit(".", 1)[1]
        sources = {}
        for href in examples:
            target = (html_root / "api-examples.html").parent / href
            assert target.is_file(), f"{api}: {href}"
            relative = Path(href).relative_to("auto_examples").with_suffix(".py")
            sources[href] = (REPO_ROOT / "examples" / relative).read_text()
        # sphinx-gallery also lists examples that only hold a value of a class
        # (a torch.Size from .shape); a method or function is called by name.
        if api.startswith(("torch.Tensor.", "numpy.ndarray.")):
            for href, source in sources.items():
                assert f".{name}(" in source, f"{api}: {href} does not call it"
        assert any(name in source for source in sources.values()), api


@pytest.mark.parametrize("edition", EDITIONS)
@pytest.mark.parametrize("page_name", ["quick-reference", "conversion-matrix"])
def test_reference_tables_link_each_call_to_its_examples(
    built_site, edition, page_name
):
    html_root = built_site / "_build" / "html" / edition
    anchors = {
        section["id"]
        for section in built_page(html_root / "api-examples.html").select("section[id]")
    }
    page = built_page(html_root / f"{page_name}.html")
    links = {}
    for link in page.select("table a.api-examples-link"):
        target, _, anchor = link["href"].partition("#")
        assert target == "api-examples.html" and anchor in anchors, link["href"]
        links[link.get_text()] = anchor
    assert links.get("t.numpy()") == "torch.Tensor.numpy", links
    assert links.get("torch.from_numpy(a)") == "torch.from_numpy", links
    if page_name == "conversion-matrix":
        assert links.get("np.asarray(t)") == "numpy.asarray", links
    else:
        assert links.get("t.item()") == "torch.Tensor.item", links


def test_the_site_location_comes_from_the_environment():
    local = site_location.site_location({})
    assert local == site_location.SiteLocation(
        repository_url="", branch="main", hosted_url=""
    )
    fork = site_location.site_location(
        {
            "SITE_REPOSITORY_URL": "https://github.com/someone/fork/",
            "SITE_BRANCH": "work",
            "SITE_HOSTED_URL": "https://someone.github.io/fork/",
        }
    )
    assert fork == site_location.SiteLocation(
        "https://github.com/someone/fork", "work", "https://someone.github.io/fork"
    )


def test_literal_settings_are_read_from_conf_py_without_running_it(tmp_path):
    assert build_site.literal_setting("executed_gallery_cuda_dir") == "gpu"
    assert list(build_site.literal_setting("site_languages")) == ["en", "zh_CN"]
    # A setting that conf.py computes has no literal to read, and one it lacks none.
    with pytest.raises(ValueError):
        build_site.literal_setting("HOSTED_URL")
    with pytest.raises(KeyError):
        build_site.literal_setting("no_such_setting")
    # Reading it runs nothing: a conf.py that would fail when run is still read.
    (tmp_path / "conf.py").write_text('raise SystemExit("ran")\ncuda_dir = "gpu"\n')
    assert build_site.literal_setting("cuda_dir", tmp_path) == "gpu"


# -- Folded sections (docs/_ext/folded_sections.py) ----------------------------------

FOLD_SUMMARY = {"en": "Show the code and its output", "zh_CN": "展开代码和输出"}


@pytest.mark.parametrize("edition", EDITIONS)
def test_a_folded_section_shows_its_claim_and_folds_its_proof(built_site, edition):
    """Each ``.. rst-class:: fold`` of a script is one closed ``<details>`` on its
    page, after the section's title and first paragraph, holding its code."""
    folded_pages = 0
    for script in EXAMPLES:
        markers = script.read_text().count(".. rst-class:: fold")
        page = built_page(page_for(built_site, script, edition))
        folds = page.select("details.folded-proof")
        assert len(folds) == markers, script.stem
        for fold in folds:
            assert not fold.has_attr("open")
            assert fold.summary.get_text() == FOLD_SUMMARY[edition]
            shown = [child.name for child in fold.parent.find_all(recursive=False)]
            assert shown[:2] in (["h2", "p"], ["h3", "p"]), (script.stem, shown)
            assert fold.select("div.highlight-Python"), f"{script.stem}: no code"
        folded_pages += bool(folds)
    assert folded_pages >= 20


def test_notebooks_leave_the_fold_marker_out(site_html):
    notebooks = {
        path.relative_to(site_html): path.read_text()
        for path in site_html.rglob("*.ipynb")
    }
    for archive in site_html.rglob("*.zip"):
        with zipfile.ZipFile(archive) as members:
            notebooks.update(
                {
                    archive.relative_to(site_html) / name: members.read(name).decode()
                    for name in members.namelist()
                    if name.endswith(".ipynb")
                }
            )
    assert len(notebooks) > 100
    marked = [str(name) for name, text in notebooks.items() if "rst-class" in text]
    assert not marked, marked


@pytest.mark.parametrize("edition", EDITIONS)
def test_notebooks_show_cross_references_as_linked_titles(built_site, edition):
    """Jupyter does not resolve roles: a notebook names the page it points to,
    linked to the hosted site."""
    html = built_site / "_build" / "html" / edition
    raw, linked = [], 0
    for path in [*html.rglob("*.ipynb")]:
        notebook = nbformat.read(path, as_version=4)
        for cell in notebook.cells:
            if cell.cell_type != "markdown":
                continue
            if re.search(r":(ref|doc):`|\{(ref|doc)\}`|sphx_glr_", cell.source):
                raw.append(f"{path.relative_to(html)}: {cell.source[:80]!r}")
            linked += cell.source.count(f"]({HOSTED}/{edition}/")
    assert not raw, "\n".join(raw[:5])
    assert linked > 50, linked
