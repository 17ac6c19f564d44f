""" "Examples using X": for every torch and NumPy API the examples call, the examples that call it.

sphinx-gallery's backreferences resolve a method call through the variables
that an example left behind, which finds Python methods but not the C methods
that matter most here (``tensor.numpy()``, ``tensor.item()``,
``tensor.tolist()``). So this extension reads every example script itself: it
follows, within a script, which names hold a tensor or an array, records each
torch and NumPy call (``torch.from_numpy``, ``torch.Tensor.numpy``,
``numpy.asarray``...) and the example pages that make it, and

* ``.. api-example-list::`` (on ``api_examples_page``) writes one section per
  called API, anchored at the API's full name (``api-examples.html#torch.from_numpy``),
  listing the titles of the examples that call it (an A-Z list, not thumbnails);
* in the tables of ``api_examples_link_pages`` (the quick reference and the
  conversion matrix), a code span that starts with one of those calls
  (``torch.from_numpy(a)``, ``t.numpy()``) becomes a link to its section.
  ``api_examples_receivers`` says which variable names those tables use for a
  tensor and for an array.

The analysis imports torch and NumPy only when an example changed: its result
is kept next to the backreferences, keyed by the scripts' contents.
"""

from __future__ import annotations

import ast
import hashlib
import json
import pkgutil
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.osutil import relative_uri

from executed_gallery.compatibility import page_link
from executed_gallery.gallery import example_pages
from executed_gallery.wording import untranslated

logger = logging.getLogger(__name__)

CACHE_FILE = "api_calls.json"
TENSOR, ARRAY = "torch.Tensor", "numpy.ndarray"
# Methods whose result is neither a tensor nor an array (or, numpy(), an array).
NOT_AN_ARRAY = {
    TENSOR: {
        "item", "tolist", "data_ptr", "dim", "size", "numel", "element_size",
        "is_contiguous", "stride", "storage_offset", "untyped_storage",
        "is_pinned", "is_conj", "is_neg", "__dlpack__", "__dlpack_device__",
    },
    ARRAY: {"item", "tolist", "tobytes"},
}  # fmt: skip
BECOMES = {TENSOR: {"numpy": ARRAY}, ARRAY: {}}
# Attributes that keep the kind of what they are read from.
SAME_KIND_ATTRIBUTES = {"T", "mT", "H", "data", "grad", "real", "imag"}


# -- Which APIs a script calls ------------------------------------------------------


def dotted(node: ast.AST) -> str | None:
    """``a.b.c`` for a chain of names, else None."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        return ".".join([node.id, *reversed(parts)])
    return None


class CallFinder:
    """Find the torch and NumPy calls of one script, in source order."""

    def __init__(self):
        import numpy
        import torch

        self.types = {TENSOR: torch.Tensor, ARRAY: numpy.ndarray}
        self.modules: dict[str, str] = {}  # local name -> what it was imported as
        self.kinds: dict[str, str | None] = {}  # variable -> TENSOR, ARRAY or None
        self.calls: set[str] = set()

    # Names that come from torch or NumPy ------------------------------------

    def imported(self, node: ast.AST) -> str | None:
        """The full name of ``torch.x.y`` / ``np.x``, when its root was imported."""
        path = dotted(node)
        if path is None:
            return None
        root, _, rest = path.partition(".")
        if root not in self.modules:
            return None
        return self.modules[root] + ("." + rest if rest else "")

    @staticmethod
    def resolve(name: str):
        if name.split(".")[0] not in ("torch", "numpy"):
            return None
        try:
            return pkgutil.resolve_name(name)  # imports the modules, then getattr
        except (ImportError, AttributeError, ValueError):
            return None

    # What kind of value an expression gives ---------------------------------

    def kind_of(self, node: ast.AST) -> str | None:
        if isinstance(node, ast.Name):
            return self.kinds.get(node.id)
        if isinstance(node, ast.Subscript):
            return self.kind_of(node.value)
        if isinstance(node, ast.BinOp):
            return self.kind_of(node.left) or self.kind_of(node.right)
        if isinstance(node, ast.Attribute) and node.attr in SAME_KIND_ATTRIBUTES:
            return self.kind_of(node.value)
        if isinstance(node, ast.Call):
            return self.call_result(node.func)
        return None

    def call_result(self, func: ast.AST) -> str | None:
        full = self.imported(func)
        if full is not None:
            obj = self.resolve(full)
            if obj is None or isinstance(obj, type):
                return None
            return TENSOR if full.startswith("torch.") else ARRAY
        if isinstance(func, ast.Attribute):
            kind = self.kind_of(func.value)
            if kind is not None:
                if func.attr in NOT_AN_ARRAY[kind]:
                    return None
                return BECOMES[kind].get(func.attr, kind)
        return None

    # The calls ---------------------------------------------------------------

    def called_api(self, func: ast.AST) -> str | None:
        full = self.imported(func)
        if full is not None:
            return full if callable(self.resolve(full)) else None
        if not isinstance(func, ast.Attribute) or func.attr.startswith("_"):
            return None
        kind = self.kind_of(func.value)
        if kind is not None:
            return (
                f"{kind}.{func.attr}" if hasattr(self.types[kind], func.attr) else None
            )
        # Unknown receiver: a method that only tensors have is a tensor's.
        tensor, array = self.types[TENSOR], self.types[ARRAY]
        if hasattr(tensor, func.attr) and not hasattr(array, func.attr):
            return f"{TENSOR}.{func.attr}"
        return None

    def visit(self, tree: ast.AST) -> set[str]:
        ordered = sorted(
            (n for n in ast.walk(tree) if hasattr(n, "lineno")),
            key=lambda n: (n.lineno, n.col_offset),
        )
        for node in ordered:
            if isinstance(node, ast.Import):
                for alias in node.names:
                    local = alias.asname or alias.name.split(".")[0]
                    self.modules[local] = alias.name if alias.asname else local
            elif isinstance(node, ast.ImportFrom) and node.module:
                for alias in node.names:
                    self.modules[alias.asname or alias.name] = (
                        f"{node.module}.{alias.name}"
                    )
            elif isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value:
                targets = (
                    node.targets if isinstance(node, ast.Assign) else [node.target]
                )
                for target in targets:
                    if isinstance(target, ast.Name):
                        self.kinds[target.id] = self.kind_of(node.value)
            elif isinstance(node, ast.Call):
                api = self.called_api(node.func)
                if api is not None:
                    self.calls.add(api)
        return self.calls


def called_apis(source: str) -> set[str]:
    """The public torch and NumPy callables that a script calls.

    No calls for a script that does not parse: sphinx-gallery reports its error,
    with file and line, and fails the build; an exception here would end the
    build before that report, as a crash of this extension.
    """
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return set()
    calls = CallFinder().visit(tree)
    return {
        name
        for name in calls
        if not any(part.startswith("_") for part in name.split("."))
    }


# -- Every example, cached -----------------------------------------------------------


def backreferences_dir(app: Sphinx) -> Path:
    return Path(app.srcdir) / app.config.sphinx_gallery_conf["backreferences_dir"]


def api_calls_by_example(app: Sphinx) -> dict[str, list[str]]:
    """``{script path: [API, ...]}``, from the cache when no script changed."""
    scripts = example_pages(app.srcdir, app.config)
    digest = hashlib.sha256()
    for script in scripts:
        digest.update(str(script).encode() + b"\0" + script.read_bytes() + b"\0")
    cache = backreferences_dir(app) / CACHE_FILE
    if cache.is_file():
        cached = json.loads(cache.read_text())
        if cached.get("digest") == digest.hexdigest():
            return cached["calls"]
    calls = {
        str(script): sorted(called_apis(script.read_text(encoding="utf-8")))
        for script in scripts
    }
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_text(
        json.dumps({"digest": digest.hexdigest(), "calls": calls}, indent=1) + "\n"
    )
    return calls


def record_example_pages(app: Sphinx) -> None:
    """``app.api_example_pages``: each called API, with the pages that call it."""
    if not app.config.sphinx_gallery_conf.get("backreferences_dir"):
        return
    calls = api_calls_by_example(app)
    pages = {}
    for script, docname in example_pages(app.srcdir, app.config).items():
        for api in calls.get(str(script), []):
            pages.setdefault(api, []).append(docname)
    app.api_example_pages = dict(sorted(pages.items()))


def outdated_with_the_apis(app: Sphinx, env, added, changed, removed) -> list[str]:
    """Re-read the API page and the linked tables when the calls changed."""
    pages = getattr(app, "api_example_pages", {})
    if getattr(env, "api_example_pages", None) == pages:
        return []
    env.api_example_pages = pages
    outdated = [app.config.api_examples_page, *app.config.api_examples_link_pages]
    return [page for page in outdated if page in env.found_docs]


# -- The page ------------------------------------------------------------------------


class ApiExampleList(SphinxDirective):
    """An A-Z list: each API that the examples call, and the example pages that
    call it, by title. A section per API, anchored at its full name."""

    def run(self) -> list[nodes.Node]:
        for script in example_pages(self.env.srcdir, self.config):
            self.env.note_dependency(str(script))
        # Chinese separates titles, which may hold 、, with a full-width ；.
        separator = "；" if self.config.language.startswith("zh") else " · "
        sections = []
        for api, docnames in getattr(self.env, "api_example_pages", {}).items():
            section = nodes.section(ids=[api], classes=["api-examples"])
            section += nodes.title("", "", nodes.literal(api, api))
            pages = nodes.paragraph(classes=["api-example-pages"])
            for docname in docnames:
                if len(pages):
                    pages += nodes.Text(separator)
                pages += page_link(None, docname)
            section += pages
            sections.append(untranslated(section))
        # Two columns where the screen is wide enough (docs/_static/site.css).
        return [nodes.container("", *sections, classes=["api-example-list"])]


# -- Links from the reference tables -----------------------------------------------------


def api_for_code(text: str, apis: set[str], receivers: dict[str, str]) -> str | None:
    """The API that a code span such as ``t.numpy()`` or ``np.asarray(t)`` starts with."""
    head = text.strip().split("(", 1)[0]
    root, _, rest = head.partition(".")
    if not rest:
        return None
    receiver = receivers.get(root, root)
    # An attribute that keeps the kind (``t.T.numpy()``) is no API of its own,
    # and a call on a tensor or an array is never the bare class.
    kept = [part for part in rest.split(".") if part not in SAME_KIND_ATTRIBUTES]
    parts = [*receiver.split("."), *kept]
    shortest = 3 if receiver in (TENSOR, ARRAY) else 2
    for end in range(len(parts), shortest - 1, -1):
        name = ".".join(parts[:end])
        if name in apis:
            return name
    return None


class LinkTableCallsToMiniGalleries(SphinxPostTransform):
    default_priority = 800
    formats = ("html",)

    def run(self, **kwargs) -> None:
        config, docname = self.config, self.env.docname
        if docname not in config.api_examples_link_pages:
            return
        apis = set(getattr(self.env, "api_example_pages", {}))
        page = config.api_examples_page
        if not apis or page not in self.env.found_docs:
            return
        uri = relative_uri(f"{docname}.html", f"{page}.html")
        for table in list(self.document.findall(nodes.table)):
            for literal in list(table.findall(nodes.literal)):
                if isinstance(literal.parent, nodes.reference):
                    continue
                api = api_for_code(
                    literal.astext(), apis, config.api_examples_receivers
                )
                if api is None:
                    continue
                link = nodes.reference(
                    "", "", internal=True, refuri=f"{uri}#{api}",
                    reftitle=api, classes=["api-examples-link"],
                )  # fmt: skip
                literal.replace_self(link)
                link += literal


def setup(app: Sphinx) -> dict:
    app.add_config_value("api_examples_page", "api-examples", "env", types=[str])
    app.add_config_value("api_examples_link_pages", [], "env", types=[list])
    app.add_config_value("api_examples_receivers", {}, "env", types=[dict])
    # After sphinx-gallery has generated the gallery and its backreferences.
    app.connect("builder-inited", record_example_pages, priority=600)
    app.connect("env-get-outdated", outdated_with_the_apis)
    app.add_directive("api-example-list", ApiExampleList)
    app.add_post_transform(LinkTableCallsToMiniGalleries)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
