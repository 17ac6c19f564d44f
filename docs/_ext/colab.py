"""Open every page's code in Google Colab, from notebooks that the build writes.

Every example page (sphinx-gallery writes its notebook) and every notebook page
(myst-nb reads its MyST source as a notebook) gets a notebook at a stable path
in its edition, ``LANG/<NOTEBOOK_DIR>/DOCNAME.ipynb``. The hosted workflow
copies those files, at the same paths, to the branch ``NOTEBOOKS_BRANCH`` of the
repository (``tools/publish_notebooks.py``), and the page's "Open in Colab"
link is built from the same two names (``site_location.py``), so a link always
names a file that this build wrote.

Each notebook opens with a cell that prints the torch, NumPy and Python
versions and the device it runs on, says when they differ from the ones that
built the site, and links to the compatibility page. In the CUDA examples that
cell also says how to get a GPU runtime in Colab, and stops the notebook when
none is attached. The same cell (without the GPU stop) opens the notebooks
that sphinx-gallery offers for download, through its ``first_notebook_cell``
option; a translated edition's downloads open with its own
(``translated_downloads.py``).

The button appears only where the site knows its repository and its hosted URL
(``colab_repository_url`` and ``site_url``): a local build has published no
notebooks for Colab to open.
"""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path
from urllib.parse import quote

import nbformat
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging

from executed_gallery.compatibility import GRID_PAGE, site_modules
from executed_gallery.gallery import (
    example_source,
    in_cuda_section,
)
from executed_gallery.wording import sentence_gap, translate, translated
from site_location import NOTEBOOK_DIR, NOTEBOOKS_BRANCH
from translated_comments import edition_translations, translate_comments
from translated_downloads import (
    MYST_TARGET,
    example_download,
    page_catalog,
    reference_resolver,
    translate_text,
)

logger = logging.getLogger(__name__)

COLAB_GITHUB = "https://colab.research.google.com/github"
GITHUB = re.compile(r"^https://github\.com/([^/\s]+)/([^/\s]+?)(?:\.git)?/?$")
# Names the cell that this extension writes, so that it is replaced, not repeated.
CHECK_CALL = "_check_runtime()"

# In English; each edition's translations are in its sphinx.po (wording.py).
MESSAGES = {
    "comment": (
        "# Which torch, NumPy and Python run this notebook, on which device, and\n"
        "# whether they are the versions that produced the outputs on the site."
    ),
    "running": "Running:",
    "device": "Device:",
    "cpu_only": "CPU only, no GPU attached",
    "same": "Same versions as the build that produced the site's outputs.",
    "differs": "The site's outputs were produced with:",
    "may_differ": (
        "Where behaviour changed between these versions, "
        "outputs here can differ from the site's."
    ),
    "compatibility": "What changes between versions:",
    "compatibility_offline": "See the site's compatibility page.",
    "gpu_comment": (
        "# This notebook needs an NVIDIA GPU. In Colab: Runtime > Change runtime type\n"
        "# > Hardware accelerator: a GPU (the free T4 works) > Save; then run all cells."
    ),
    "no_gpu": (
        "This notebook needs a CUDA GPU, and this runtime has none, so it stops "
        "here. In Colab: Runtime > Change runtime type > Hardware accelerator: "
        "a GPU (the free T4 works) > Save, then Runtime > Run all."
    ),
    "button": "Open in Colab",
    "button_note": "Run this page's code in Google Colab, in your browser.",
    "button_note_gpu": (
        "Run this page's code in Google Colab, on a free GPU: choose a GPU "
        "runtime there (Runtime > Change runtime type)."
    ),
}
# The comments of _check_runtime's own code, translated as MESSAGES are.
RUNTIME_COMMENTS = (
    "A local label (+cpu, +cu128) names a build of torch, not a behaviour,",
    "and Python's bugfix releases do not change what these pages show.",
)

CHECK_TEMPLATE = """\
{comment}
def _check_runtime():
    import platform

    import numpy
    import torch

    built = {built}
    running = {{
        "torch": torch.__version__,
        "NumPy": numpy.__version__,
        "Python": platform.python_version(),
    }}
    if torch.cuda.is_available():
        device = f"GPU {{torch.cuda.get_device_name()}} (CUDA {{torch.version.cuda}})"
    else:
        device = {cpu_only}
    print({running}, ", ".join(f"{{k}} {{v}}" for k, v in running.items()))
    print({device}, device)

    def release(name, version):
        # A local label (+cpu, +cu128) names a build of torch, not a behaviour,
        # and Python's bugfix releases do not change what these pages show.
        version = version.split("+")[0]
        return ".".join(version.split(".")[:2]) if name == "Python" else version

    if all(release(k, running[k]) == release(k, built[k]) for k in built):
        print({same})
    else:
        built_text = ", ".join(f"{{k}} {{v}}" for k, v in built.items())
        print({differs}, built_text)
        print({may_differ})
    print({compatibility})
{gpu_check}

{call}
del _check_runtime
"""

GPU_CHECK_TEMPLATE = """\
    if not torch.cuda.is_available():
        raise SystemExit({no_gpu})
"""


def literal(text: str, indent: int) -> str:
    """``text`` as the argument of a call at ``indent``, split over lines when long."""
    quoted = json.dumps(text, ensure_ascii=False)
    if len(quoted) + indent <= 80:
        return quoted
    pad = " " * (indent + 4)
    pieces = textwrap.wrap(
        text, width=64, drop_whitespace=False, break_on_hyphens=False
    )
    lines = "".join(f"\n{pad}{json.dumps(p, ensure_ascii=False)}" for p in pieces)
    return f"{lines}\n{' ' * indent}"


def github_repository(url: str) -> str | None:
    """``OWNER/NAME`` of a GitHub repository URL, or None for anything else."""
    match = GITHUB.match(url or "")
    return f"{match.group(1)}/{match.group(2)}" if match else None


def notebook_path(language: str, notebook_dir: str, docname: str) -> str:
    """Where a page's notebook lies, from the site root (and on the notebooks branch)."""
    return f"{language}/{notebook_dir.strip('/')}/{docname}.ipynb"


def colab_url(repository: str, branch: str, path: str) -> str:
    """The Colab link that opens ``path`` on ``branch`` of the GitHub ``repository``."""
    return f"{COLAB_GITHUB}/{repository}/blob/{quote(branch)}/{quote(path)}"


def compatibility_url(config, language: str) -> str | None:
    if not config.site_url:
        return None
    return f"{config.site_url.rstrip('/')}/{language}/{GRID_PAGE}.html"


def first_cell(
    environment: dict[str, str],
    language: str,
    compatibility: str | None,
    needs_gpu: bool,
) -> str:
    """The runtime check that opens a notebook."""
    messages = translated(MESSAGES, language)
    built = {
        "torch": environment["torch"],
        "NumPy": environment["numpy"],
        "Python": environment["python"],
    }
    if compatibility:
        compatibility_line = (
            f"{literal(messages['compatibility'], 4)}, {json.dumps(compatibility)}"
        )
    else:
        compatibility_line = literal(messages["compatibility_offline"], 4)
    comment = messages["comment"]
    gpu_check = ""
    if needs_gpu:
        comment += "\n#\n" + messages["gpu_comment"]
        gpu_check = GPU_CHECK_TEMPLATE.format(no_gpu=literal(messages["no_gpu"], 8))
    text = {
        name: literal(messages[name], 8)
        for name in ("cpu_only", "running", "device", "same", "differs", "may_differ")
    }
    cell = CHECK_TEMPLATE.format(
        comment=comment,
        built=json.dumps(built),
        compatibility=compatibility_line,
        gpu_check=gpu_check,
        call=CHECK_CALL,
        **text,
    )
    comments = {line: translate(line, language) for line in RUNTIME_COMMENTS}
    cell = translate_comments(cell, comments)
    return cell.rstrip("\n")  # sphinx-gallery stores a cell without its last newline


# -- Configuration ---------------------------------------------------------------


def runtime_check_cell(config, language: str, needs_gpu: bool = False) -> str:
    """The runtime check that opens an edition's notebooks: the Colab notebooks'
    (with the GPU stop on a CUDA page) and the downloads' (never with it)."""
    return first_cell(
        config.executed_gallery_environment,
        language,
        compatibility_url(config, language),
        needs_gpu,
    )


def set_first_notebook_cell(app: Sphinx, config) -> None:
    """The downloadable notebooks open with the same check (English, no GPU stop).

    executed_gallery calls this once it has described the environment, before
    sphinx-gallery reads its configuration. A translated edition replaces the
    downloads with its own (translated_downloads.py).
    """
    config.sphinx_gallery_conf["first_notebook_cell"] = runtime_check_cell(config, "en")


# -- Which pages have a notebook ---------------------------------------------------


def is_notebook_page(env, docname: str) -> bool:
    """A MyST page that myst-nb executes (it records the page's kernel)."""
    return "kernelspec" in env.metadata.get(docname, {})


def is_example_page(srcdir, config, docname: str) -> bool:
    script = example_source(srcdir, config, docname)
    return script is not None and script.suffix == ".py"


def has_notebook(env, config, docname: str) -> bool:
    return is_example_page(env.srcdir, config, docname) or is_notebook_page(
        env, docname
    )


def page_needs_gpu(srcdir, config, docname: str) -> bool:
    script = example_source(srcdir, config, docname)
    return script is not None and in_cuda_section(srcdir, config, script)


# -- The notebooks ------------------------------------------------------------------

# MyST that Jupyter's Markdown does not know: roles become their text,
# directives that only the site renders (an empty fenced block) disappear, and
# targets become anchors.
MYST_ROLE = re.compile(r"\{[a-z:-]+\}`(?:([^`<]*?)\s*<[^`>]*>|([^`]*))`")
EMPTY_DIRECTIVE = re.compile(r"^```\{[a-z-]+\}[^\n]*\n```\n?", re.MULTILINE)


def plain_markdown(text: str) -> str:
    text = EMPTY_DIRECTIVE.sub("", text)
    # A target becomes an anchor, so that the page's links to it (#label) still work.
    text = MYST_TARGET.sub(r'<a id="\1"></a>', text)
    return MYST_ROLE.sub(
        lambda m: (m.group(1) or m.group(2)).strip("/").split("/")[-1], text
    )


def read_myst_notebook(
    path: Path, translate=None, references=str
) -> nbformat.NotebookNode:
    """The MyST page as a notebook; its Markdown translated where ``translate``
    (a catalog lookup) knows it and its cross-references resolved by
    ``references``, before the MyST that Jupyter lacks is removed."""
    from myst_nb.core.read import read_myst_markdown_notebook

    notebook = read_myst_markdown_notebook(path.read_text(encoding="utf-8"), path=path)
    notebook.metadata = nbformat.from_dict(
        {
            key: value
            for key, value in notebook.metadata.items()
            if key in ("kernelspec", "language_info")
        }
    )
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            text = translate_text(cell.source, translate) if translate else cell.source
            cell.source = plain_markdown(references(text))
    return notebook


def site_module_cells(notebook, extensions: Path, comments: dict[str, str]) -> list:
    """Cells that write the site's own modules that the page's code imports.

    A notebook page may import a module of docs/_ext (the tables' words,
    table_labels.py), which the build puts on the kernel's path; Colab has no
    checkout, so the notebook writes each such module next to itself first,
    its comments in the edition's language.
    """
    code = "\n".join(c.source for c in notebook.cells if c.cell_type == "code")
    cells = []
    for module in site_modules(code, extensions):
        source = translate_comments(module.read_text(encoding="utf-8"), comments)
        cell = nbformat.v4.new_code_cell(f"%%writefile {module.name}\n{source}")
        cell.pop("id", None)
        cells.append(cell)
    return cells


def page_notebook(app: Sphinx, docname: str) -> nbformat.NotebookNode | None:
    """The page's notebook in the edition's language, made as sphinx-gallery
    makes an example's, or from the MyST source; translated from the page's catalog."""
    script = example_source(app.srcdir, app.config, docname)
    if script is not None and script.suffix == ".py":
        made = example_download(app, docname, script)
        return None if made is None else nbformat.reads(made[1], as_version=4)
    translate = None if app.config.language == "en" else page_catalog(app, docname)
    return read_myst_notebook(
        Path(app.env.doc2path(docname)), translate, reference_resolver(app, docname)
    )


def colab_notebook(app: Sphinx, docname: str) -> nbformat.NotebookNode | None:
    """The page's notebook, opened by this edition's runtime check, without outputs."""
    notebook = page_notebook(app, docname)
    if notebook is None:
        return None  # a script that does not parse: sphinx-gallery reports it
    needs_gpu = page_needs_gpu(app.srcdir, app.config, docname)
    check = nbformat.v4.new_code_cell(
        runtime_check_cell(app.config, app.config.language, needs_gpu)
    )
    check.pop("id", None)  # nbformat 4.4, as sphinx-gallery writes: no random ids
    cells = notebook.cells
    if cells and cells[0].cell_type == "code" and CHECK_CALL in cells[0].source:
        cells = cells[1:]  # sphinx-gallery's copy of the check (first_notebook_cell)
    comments = edition_translations(app)
    for cell in cells:
        cell.pop("id", None)
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
            cell.source = translate_comments(cell.source, comments)
    modules = []
    if not is_example_page(app.srcdir, app.config, docname):  # examples import none
        modules = site_module_cells(notebook, Path(__file__).parent, comments)
    notebook.cells = [check, *modules, *cells]
    notebook.nbformat, notebook.nbformat_minor = 4, 4
    notebook.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    if needs_gpu:
        # Colab asks for a GPU runtime when it opens a notebook marked like this.
        notebook.metadata["accelerator"] = "GPU"
        notebook.metadata["colab"] = {"gpuType": "T4"}
    nbformat.validate(notebook)
    return notebook


def write_colab_notebooks(app: Sphinx, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    written = 0
    for docname in sorted(app.env.found_docs):
        if not has_notebook(app.env, app.config, docname):
            continue
        notebook = colab_notebook(app, docname)
        if notebook is None:
            continue
        text = nbformat.writes(notebook) + "\n"
        target = Path(app.outdir, NOTEBOOK_DIR, f"{docname}.ipynb")
        if target.is_file() and target.read_text(encoding="utf-8") == text:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        written += 1
    if written:
        logger.info("colab: wrote %d notebooks", written)


# -- The button ----------------------------------------------------------------------


def page_colab_url(config, docname: str) -> str | None:
    repository = github_repository(config.colab_repository_url)
    if not repository or not config.site_url:
        return None
    path = notebook_path(config.language, NOTEBOOK_DIR, docname)
    return colab_url(repository, NOTEBOOKS_BRANCH, path)


def colab_button(url: str, language: str, needs_gpu: bool) -> nodes.Element:
    messages = translated(MESSAGES, language)
    box = nodes.container(classes=["open-in-colab"])
    paragraph = nodes.paragraph()
    paragraph += nodes.reference(
        "", messages["button"], refuri=url, classes=["open-in-colab-link"]
    )
    note = messages["button_note_gpu" if needs_gpu else "button_note"]
    # The button's margin sets the note apart; Chinese text takes no space too.
    gap = sentence_gap(language)
    paragraph += nodes.inline("", gap + note, classes=["open-in-colab-note"])
    box += paragraph
    return box


class AddColabButton(SphinxPostTransform):
    """Put "Open in Colab" under the title of every page that has a notebook."""

    default_priority = 900
    formats = ("html",)

    def run(self, **kwargs) -> None:
        srcdir, config, docname = self.env.srcdir, self.config, self.env.docname
        if not has_notebook(self.env, config, docname):
            return
        url = page_colab_url(config, docname)
        title = next(iter(self.document.findall(nodes.title)), None)
        if url is None or title is None:
            return
        section = title.parent
        needs_gpu = page_needs_gpu(srcdir, config, docname)
        button = colab_button(url, config.language, needs_gpu)
        # Beside the downloads where the page has them (executed_gallery), else
        # under the title.
        actions = next(
            (
                box
                for box in section.findall(nodes.container)
                if "page-actions" in box["classes"]
            ),
            None,
        )
        if actions is not None:
            actions.insert(0, button)
        else:
            section.insert(section.index(title) + 1, button)


def setup(app: Sphinx) -> dict:
    app.setup_extension("executed_gallery")
    app.add_config_value("colab_repository_url", "", "html", types=[str])
    app.connect("executed-gallery-configured", set_first_notebook_cell)
    app.add_post_transform(AddColabButton)
    app.add_css_file("open-in-colab.css")  # in html_static_path (docs/_static)
    app.connect("build-finished", write_colab_notebooks)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
