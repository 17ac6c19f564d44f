"""Show on each page where its code was checked: the compatibility grid's results.

``nox -s compat`` runs every page in every environment of
``compatibility/range.toml`` and records the results in
``compatibility/results.json``. This module reads both and renders:

* one line per page, under its provenance: the torch and NumPy versions the page
  passed on, every environment where it failed (with the failing line and its
  message), and how many results are stale;
* the whole grid, pages by environments, on the Compatibility page.

A result recorded for another version of a page's code is stale: it shows as
"not re-checked since this page's code changed", never as a pass. A change to the
page's prose alone leaves its results current; a notebook page's code includes
the modules of docs/_ext that it imports.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import tokenize
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.util.docutils import SphinxDirective

from .wording import compatibility_wording, untranslated

# The page that shows the whole grid (docs/compatibility.md).
GRID_PAGE = "compatibility"


@dataclass
class Grid:
    """The declared range and the recorded results."""

    range: dict
    cells: dict[str, dict]  # name -> {"environment": ..., "pages": ...}, in range order

    @classmethod
    def load(cls, folder: Path) -> Grid:
        with (folder / "range.toml").open("rb") as handle:
            declared = tomllib.load(handle)
        results_path = folder / "results.json"
        recorded = (
            expand_outputs(json.loads(results_path.read_text()))["cells"]
            if results_path.is_file()
            else {}
        )
        order = [cell["name"] for cell in declared["cells"]]
        names = [name for name in order if name in recorded]
        names += sorted(name for name in recorded if name not in order)
        return cls(range=declared, cells={name: recorded[name] for name in names})

    def pins(self) -> dict[str, dict[str, str]]:
        """Each declared cell's pins beyond torch and NumPy (``{"pandas": "2.3.3"}``)."""
        return {cell["name"]: cell.get("pins", {}) for cell in self.range["cells"]}


# results.json keeps each distinct output of a code block once, under "outputs"
# (page -> block -> its distinct outputs); a cell's page record names them by
# their place in that list. In memory, a record's "blocks" are the outputs.


def compact_outputs(results: dict) -> dict:
    """The results as results.json keeps them: every distinct output once."""
    outputs: dict[str, list[list[dict]]] = {}
    cells = {}
    for name, cell in results["cells"].items():
        pages = {}
        for key, record in cell["pages"].items():
            record = dict(record)
            if "blocks" in record:
                table = outputs.setdefault(key, [])
                indices = []
                for number, block in enumerate(record["blocks"]):
                    while len(table) <= number:
                        table.append([])
                    if block not in table[number]:
                        table[number].append(block)
                    indices.append(table[number].index(block))
                record["blocks"] = indices
            pages[key] = record
        cells[name] = {**cell, "pages": pages}
    return {"cells": cells, "outputs": dict(sorted(outputs.items()))}


def expand_outputs(results: dict) -> dict:
    """The results with each record's outputs in place of their numbers."""
    outputs = results.get("outputs", {})
    cells = {}
    for name, cell in results["cells"].items():
        pages = {}
        for key, record in cell["pages"].items():
            if "blocks" in record:
                table = outputs[key]
                record = {
                    **record,
                    "blocks": [
                        table[number][index]
                        for number, index in enumerate(record["blocks"])
                    ],
                }
            pages[key] = record
        cells[name] = {**cell, "pages": pages}
    return {"cells": cells}


def record_state(record: dict, current_hash: str) -> str:
    """ "needs-cuda", "stale", or the status of a result for the page's current source."""
    # A cell without a GPU never runs a CUDA page, whichever version it saw.
    if record["status"] == "needs-cuda":
        return "needs-cuda"
    if record.get("source") != current_hash:
        return "stale"
    return record["status"]


def results_digest(folder: Path) -> str:
    """Changes whenever the range or the results change, so that pages are re-read."""
    digest = hashlib.sha256()
    for name in ("range.toml", "results.json"):
        path = folder / name
        digest.update(path.read_bytes() if path.is_file() else b"")
    return digest.hexdigest()[:16]


EXTENSIONS = Path(__file__).resolve().parents[1]  # docs/_ext, on the kernels' path
IMPORT = re.compile(r"^\s*(?:from|import)\s+(\w+)", re.MULTILINE)


def site_modules(code: str, extensions: Path = EXTENSIONS) -> list[Path]:
    """The modules of docs/_ext that code imports, sorted by name."""
    names = sorted(set(IMPORT.findall(code)))
    return [
        extensions / f"{name}.py"
        for name in names
        if (extensions / f"{name}.py").is_file()
    ]


CODE_CELL = re.compile(r"^```\{code-cell\}.*?^```$", re.MULTILINE | re.DOTALL)


def page_code(path: Path) -> str:
    """What a page runs: a script's tokens without its docstring and comments
    (its text blocks are comments), or a notebook page's code cells."""
    source = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        return "\n".join(CODE_CELL.findall(source))
    try:
        tokens = [
            token
            for token in tokenize.generate_tokens(io.StringIO(source).readline)
            if token.type not in (tokenize.COMMENT, tokenize.NL)
        ]
    except (tokenize.TokenError, SyntaxError):
        return source  # not Python: every byte counts
    if tokens and tokens[0].type == tokenize.STRING:
        tokens = tokens[1:]  # the docstring: the page's title and answer
    return "\0".join(token.string for token in tokens)


def page_key(path: Path, root: Path | str) -> str:
    """A page's key in results.json, which tools/compat.py writes and the build
    reads: its path from the repository's root."""
    return Path(path).resolve().relative_to(Path(root).resolve()).as_posix()


def source_hash(path: Path, extensions: Path = EXTENSIONS) -> str:
    """The hash tools/compat.py records with each result, and the build compares.

    It covers the code a page runs, not its prose: a result stays current when
    only the text around the code changes. A notebook page runs the site
    modules it imports as its own code, so they are part of it.
    """
    code = page_code(path)
    digest = hashlib.sha256(code.encode("utf-8"))
    if path.suffix == ".md":
        for module in site_modules(code, extensions):
            digest.update(module.read_bytes())
    return digest.hexdigest()[:16]


@dataclass
class PageStatus:
    """What the grid says about one page, in its current version."""

    passed: list[dict] = field(default_factory=list)  # environments
    passed_cells: list[str] = field(default_factory=list)  # their names
    failed: list[tuple[str, dict, dict]] = field(
        default_factory=list
    )  # name, env, failure
    stale: list[str] = field(default_factory=list)
    needs_cuda: list[str] = field(default_factory=list)
    # Ran without a library the page looks for (CuPy, JAX): its checks skipped.
    not_run: dict[str, list[str]] = field(default_factory=dict)  # library -> cells


def page_status(grid: Grid, key: str, current_hash: str) -> PageStatus:
    status = PageStatus()
    for name, cell in grid.cells.items():
        record = cell["pages"].get(key)
        state = None if record is None else record_state(record, current_hash)
        if state == "needs-cuda":
            status.needs_cuda.append(name)
        elif state == "stale":
            status.stale.append(name)
        elif state == "pass":
            status.passed.append(cell["environment"])
            status.passed_cells.append(name)
        elif state == "fail":
            status.failed.append((name, cell["environment"], record.get("failure", {})))
        elif state == "not-run":
            for library in record.get("missing", []):
                status.not_run.setdefault(library, []).append(name)
    return status


def support_range(declared: dict) -> dict:
    """The range that the cells of range.toml span: oldest and newest torch, each NumPy and Python."""
    cells = declared["cells"]
    torch_versions = version_span([cell["torch"] for cell in cells])
    default_python = declared["range"]["python"]
    return {
        "torch_oldest": torch_versions[0],
        "torch_newest": torch_versions[-1],
        "numpy": version_span([cell["numpy"] for cell in cells]),
        "python": version_span([cell.get("python", default_python) for cell in cells]),
    }


def spoken_list(items: list[str], wording: dict[str, str]) -> str:
    """``a, b and c`` (``a、b 和 c`` in Chinese)."""
    if len(items) < 2:
        return "".join(items)
    return wording["list_separator"].join(items[:-1]) + wording["and"] + items[-1]


def version_key(version: str) -> tuple:
    public = version.split("+", 1)[0]
    return tuple(int(part) if part.isdigit() else 0 for part in public.split("."))


def version_span(versions: list[str]) -> list[str]:
    """Distinct versions (local labels such as +cpu dropped), oldest first."""
    public = {version.split("+", 1)[0] for version in versions}
    return sorted(public, key=version_key)


def environment_name(environment: dict) -> str:
    """``torch 2.3.1, NumPy 1.26.4, Python 3.11.7`` (and the GPU, where there is one)."""
    text = (
        f"torch {environment['torch']}, NumPy {environment['numpy']}, "
        f"Python {environment['python']}"
    )
    if "gpu" in environment:
        text += f", {environment['gpu']}"
    return text


def environments(count: int, wording: dict[str, str]) -> str:
    return wording["environment_one" if count == 1 else "environment_many"]


def gpu_note(passed: list[dict], wording: dict[str, str]) -> str:
    """Whether the environments a page passed in include a GPU, or are all GPUs."""
    on_gpu = sum("gpu" in environment for environment in passed)
    if not on_gpu:
        return wording["without_gpu"]
    return wording["with_gpu_only" if on_gpu == len(passed) else "with_gpu"]


# Import names whose distribution is called otherwise, for the requirement pins.
DISTRIBUTIONS = {"PIL": "pillow"}


def imported_distributions(source: Path) -> set[str]:
    names = IMPORT.findall(source.read_text(encoding="utf-8"))
    return {DISTRIBUTIONS.get(name, name).lower() for name in names}


def required_version(root: Path, distribution: str) -> str | None:
    """The version that requirements.txt pins for a distribution, if it pins one."""
    requirements = root / "requirements.txt"
    if not requirements.is_file():
        return None
    for line in requirements.read_text(encoding="utf-8").splitlines():
        name, _, version = line.partition("==")
        if name.strip().lower() == distribution and version:
            return version.split()[0]
    return None


def library_versions(
    grid: Grid, cells: list[str], imported: set[str], root: Path
) -> dict[str, list[str]]:
    """The releases of each library that the page imports and some cell pins
    (pandas), as the page's passing cells ran them."""
    pins = grid.pins()
    pinned = {name for cell in pins.values() for name in cell} & imported
    versions = {}
    for library in sorted(pinned):
        default = required_version(root, library)
        ran = [pins.get(cell, {}).get(library, default) for cell in cells]
        versions[library] = version_span([version for version in ran if version])
    return versions


def summary_sentences(
    status: PageStatus, wording: dict[str, str], libraries: dict | None = None
) -> list[str]:
    sentences = []
    if status.passed:
        torch_versions = version_span([env["torch"] for env in status.passed])
        numpy_versions = version_span([env["numpy"] for env in status.passed])
        torch_text = (
            torch_versions[0]
            if len(torch_versions) == 1
            else f"{torch_versions[0]}–{torch_versions[-1]}"
        )
        sentences.append(
            wording["checked_on"].format(
                torch=torch_text,
                numpy=spoken_list(numpy_versions, wording),
                libraries="".join(
                    f"{wording['library_separator']}{name} {spoken_list(versions, wording)}"
                    for name, versions in (libraries or {}).items()
                ),
                count=len(status.passed),
                environments=environments(len(status.passed), wording),
                date=max(env.get("date", "") for env in status.passed),
                gpu=gpu_note(status.passed, wording),
            )
        )
    elif status.needs_cuda and not status.failed:
        sentences.append(wording["needs_gpu_cell"])
    elif not status.failed:
        sentences.append(wording["never_checked"])
    for library, cells in sorted(status.not_run.items()):
        count = len(cells)
        sentences.append(
            wording["not_run"].format(
                library=library, count=count, environments=environments(count, wording)
            )
        )
    if status.stale:
        count = len(status.stale)
        sentences.append(
            wording["stale"].format(
                count=count, environments=environments(count, wording)
            )
        )
    return sentences


def compatibility_summary(directive: SphinxDirective, source: Path) -> list[nodes.Node]:
    """The per-page line of the example and notebook directives, and its failures."""
    config = directive.config
    folder = compatibility_folder(config)
    if not (folder / "range.toml").is_file():
        return []
    wording = compatibility_wording(config.language)
    grid = Grid.load(folder)
    root = Path(config.executed_gallery_repository)
    status = page_status(grid, page_key(source, root), source_hash(source))
    libraries = library_versions(
        grid, status.passed_cells, imported_distributions(source), root
    )
    paragraph = nodes.paragraph(classes=["compatibility-summary"])
    paragraph += nodes.strong(text=wording["heading"])
    gap = wording["sentence_gap"]  # Chinese sentences end in 。 and need none
    paragraph += nodes.Text(
        gap + gap.join(summary_sentences(status, wording, libraries))
    )
    if GRID_PAGE in directive.env.found_docs:
        paragraph += nodes.Text(gap)
        paragraph += page_link(wording["see_grid"], GRID_PAGE)
    result: list[nodes.Node] = [paragraph]
    for name, environment, failure in status.failed:
        result.append(failure_node(name, environment, failure, wording))
    return [untranslated(node) for node in result]


def page_link(text: str | None, docname: str) -> nodes.Node:
    """A link to a page, showing ``text`` or, without it, the page's title."""
    reference = addnodes.pending_xref(
        "",
        refdomain="std",
        reftype="doc",
        reftarget="/" + docname,
        refexplicit=text is not None,
    )
    reference += nodes.inline(text=text or docname)
    return reference


def failure_node(
    name: str, environment: dict, failure: dict, wording: dict
) -> nodes.Node:
    """Which cell failed, at which line, and what it printed."""
    paragraph = nodes.paragraph(classes=["compatibility-failure"])
    paragraph += nodes.Text(
        wording["fails_with"].format(
            environment=environment_name(environment), cell=name
        )
        + " "
    )
    if failure.get("line"):
        paragraph += nodes.Text(wording["at_line"].format(line=failure["line"]) + " ")
    if failure.get("code"):
        paragraph += nodes.literal(text=failure["code"])
        paragraph += nodes.Text(" ")
    container = nodes.container(classes=["compatibility-failure"])
    container += paragraph
    container += nodes.literal_block(
        text=failure.get("output") or failure.get("message", ""), language="text"
    )
    return container


# -- The Compatibility page ----------------------------------------------------------


def page_docname(key: str) -> str:
    """``examples/cost/plot_01_x.py`` -> ``auto_examples/cost/plot_01_x``; ``docs/x.md`` -> ``x``."""
    path = Path(key)
    if path.parts[0] == "examples":
        return Path("auto_examples", *path.parts[1:]).with_suffix("").as_posix()
    return Path(*path.parts[1:]).with_suffix("").as_posix()


def reading_order(index: str, sections: list[str]):
    """A sort key for result keys: the order in which a reader meets the pages.

    Pages follow the root document's toctree entries (``index`` is its text);
    examples sit where ``auto_examples/index`` is listed, by gallery section
    (``sections``, the gallery's folder names in order), then by file name.
    """

    def position(docname: str) -> int:
        listed = re.search(rf"^{re.escape(docname)}\s*$", index, flags=re.MULTILINE)
        return listed.start() if listed else len(index)

    def key(result_key: str) -> tuple:
        path = Path(result_key)
        if path.parts[0] == "examples":
            section = path.parts[1]
            rank = sections.index(section) if section in sections else len(sections)
            return (position("auto_examples/index"), rank, path.name)
        return (position(page_docname(result_key)), 0, "")

    return key


def compatibility_folder(config) -> Path:
    """Where range.toml and results.json are: a path from conf.py's folder."""
    return (
        Path(config.executed_gallery_repository) / config.executed_gallery_compatibility
    )


class CompatibilityRange(SphinxDirective):
    """The declared support range and why it starts where it does."""

    def run(self) -> list[nodes.Node]:
        wording = compatibility_wording(self.config.language)
        declared = Grid.load(compatibility_folder(self.config)).range
        span = support_range(declared)
        reasons = declared["range"]["reasons"]
        reasons = reasons.get(self.config.language, reasons["en"])
        gap = wording["sentence_gap"]
        items = nodes.bullet_list()
        problems = []
        for text in (
            wording["range_torch"].format(**span) + gap + reasons["torch"],
            wording["range_numpy"].format(numpy=spoken_list(span["numpy"], wording))
            + gap
            + reasons["numpy"],
            wording["range_python"].format(python=spoken_list(span["python"], wording)),
        ):
            item = nodes.list_item()
            inline, messages = self.parse_inline(text)  # reasons may hold ``code``
            item += nodes.paragraph("", "", *inline)
            items += item
            problems += messages
        return [untranslated(items), *problems]


class CompatibilityGrid(SphinxDirective):
    """Every page by every environment, from the results file."""

    def run(self) -> list[nodes.Node]:
        wording = compatibility_wording(self.config.language)
        folder = compatibility_folder(self.config)
        grid = Grid.load(folder)
        root = Path(self.config.executed_gallery_repository)
        pins = grid.pins()
        index = Path(self.env.doc2path(self.config.root_doc)).read_text(
            encoding="utf-8"
        )
        # sphinx-gallery turns the configured list into an ExplicitOrder.
        order = self.config.sphinx_gallery_conf.get("subsection_order", [])
        sections = [
            Path(folder).name for folder in getattr(order, "ordered_list", order)
        ]
        keys = {key for cell in grid.cells.values() for key in cell["pages"]}
        keys = sorted(
            (key for key in keys if (root / key).is_file()),
            key=reading_order(index, sections),
        )

        table = nodes.table(classes=["compatibility-grid"])
        group = nodes.tgroup(cols=1 + len(grid.cells))
        table += group
        for _ in range(1 + len(grid.cells)):
            group += nodes.colspec(colwidth=1)
        head = nodes.thead()
        group += head
        head += self.row(
            [nodes.Text(wording["page"])]
            + [
                self.column_heading(cell["environment"], pins.get(name, {}))
                for name, cell in grid.cells.items()
            ]
        )
        body = nodes.tbody()
        group += body
        failures = []
        for key in keys:
            current = source_hash(root / key)
            cells = []
            for name, cell in grid.cells.items():
                record = cell["pages"].get(key)
                cells.append(nodes.Text(self.mark(record, current, wording)))
                if record and record_state(record, current) == "fail":
                    failures.append(
                        (key, name, cell["environment"], record.get("failure", {}))
                    )
            body += self.row([page_link(None, page_docname(key))] + cells)

        environments = nodes.bullet_list()
        for name, cell in grid.cells.items():
            item = nodes.list_item()
            paragraph = nodes.paragraph()
            paragraph += nodes.literal(text=name)
            env = cell["environment"]
            details = environment_name(env) + f", CPU {env.get('cpu', '?')}"
            details += "".join(
                f", {library} {version}"
                for library, version in env.get("libraries", {}).items()
            )
            if "cuda" in env:
                details += f", CUDA {env['cuda']}"
            # The description is data, shown as the provenance line shows it.
            before, _, after = wording["environment_line"].partition("{details}")
            paragraph += nodes.Text(before)
            paragraph += nodes.literal(text=details)
            paragraph += nodes.Text(after.format(date=env.get("date", "?")))
            item += paragraph
            environments += item

        result: list[nodes.Node] = [nodes.paragraph(text=wording["legend"]), table]
        result += [nodes.rubric(text=wording["environments"]), environments]
        if failures:
            result.append(nodes.rubric(text=wording["failures"]))
            for key, name, environment, failure in failures:
                result.append(
                    nodes.paragraph("", "", page_link(None, page_docname(key)))
                )
                result.append(failure_node(name, environment, failure, wording))
        return [untranslated(node) for node in result]

    @staticmethod
    def column_heading(environment: dict, pins: dict) -> nodes.Node:
        """``torch 2.3.1 / NumPy 1.26.4``, the cell's other pins (``pandas 2.3.3``),
        and the GPU where there is one."""
        text = (
            f"torch {environment['torch'].split('+')[0]} / NumPy {environment['numpy']}"
        )
        text += "".join(f" / {name} {version}" for name, version in pins.items())
        if "gpu" in environment:
            text += f" / {environment['gpu']}"
        return nodes.Text(text)

    @staticmethod
    def mark(record: dict | None, current: str, wording: dict) -> str:
        if record is None:
            return "·"
        state = record_state(record, current)
        if state == "stale":
            return wording["mark_stale"]
        marks = {"pass": "✓", "fail": "✗", "needs-cuda": "—", "not-run": "○"}
        return marks.get(state, "?")

    @staticmethod
    def row(cells: list[nodes.Node]) -> nodes.row:
        row = nodes.row()
        for content in cells:
            entry = nodes.entry()
            paragraph = nodes.paragraph()
            paragraph += content
            entry += paragraph
            row += entry
        return row
