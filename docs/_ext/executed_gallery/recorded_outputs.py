"""What each code block printed in the other environments of the grid.

``tools/compat.py`` records, per cell of the grid, what each code block of an
example printed (``blocks`` in results.json). Under every code block of an
example page this module puts:

* a folded note where some environments print something else than the page
  shows, naming them and showing what they print;
* a marker that the page's version selector (``recorded-outputs.js``) uses to
  show the block's output as a chosen environment recorded it;
* on a page that did not run in this build because it needs CUDA, the output
  that a GPU environment of the grid recorded, labelled with that environment.

Outputs of results recorded for another version of the page's code are never
shown. A block that reports measured timings is recorded as such, without them.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from docutils import nodes
from sphinx.locale import _
from sphinx.util.docutils import SphinxDirective

from .compatibility import (
    Grid,
    compatibility_folder,
    imported_distributions,
    page_key,
    record_state,
    source_hash,
    version_key,
)
from .gallery import example_source, in_cuda_section, runs_in_this_build
from .wording import untranslated

# The page's recorded outputs, for recorded-outputs.js.
DATA_ID = "recorded-outputs-data"


def block_text(block: dict) -> str | None:
    """What a reader sees of a block's run: its output, then the warnings that
    reached stderr and the error that stopped it. None where it measured timings."""
    if block.get("measured"):
        return None
    lines = block.get("out", "")
    lines += "".join(f"{warning}\n" for warning in block.get("warnings", []))
    if "error" in block:
        lines += block["error"] + "\n"
    return lines.rstrip("\n")


# Where in torch's C++ source a warning was raised: a path and a line number
# that change from build to build of the same code.
CPP_SOURCE = re.compile(r"\(Triggered internally at [^)]*\)")


def comparable(text: str, environment: dict) -> str:
    """The text with its environment's torch and NumPy versions and torch's
    source lines left out, and its whitespace and quotes as page_outputs
    compares them: two environments that print the same but for those print
    the same."""
    text = CPP_SOURCE.sub("(Triggered internally)", text)
    for name in ("torch", "numpy"):
        public = re.escape(environment[name].split("+")[0])
        text = re.sub(rf"(?<![\d.]){public}(?:\+\w+)?(?![\d.])", f"<{name}>", text)
    return " ".join(text.replace("’", "'").replace("‘", "'").split())


# The states of a record for the page's current code that ran it.
RAN = {"pass", "fail", "not-run"}


def current_cells(grid: Grid, key: str, current_hash: str) -> list[tuple[str, dict]]:
    """The cells whose record of the page is for its code as it is, with outputs,
    ordered by torch, then NumPy."""
    found = []
    for name, cell in grid.cells.items():
        record = cell["pages"].get(key)
        if record and "blocks" in record and record_state(record, current_hash) in RAN:
            found.append((name, cell))
    return sorted(
        found,
        key=lambda item: (
            "gpu" in item[1]["environment"],
            version_key(item[1]["environment"]["torch"]),
            version_key(item[1]["environment"]["numpy"]),
            item[0],
        ),
    )


def environment_cell(grid: Grid, build_environment: dict) -> str | None:
    """The cell of the grid whose environment is this build's: the same torch,
    NumPy and Python, and no pins of its own."""
    pins = grid.pins()
    return next(
        (
            name
            for name, cell in grid.cells.items()
            if not pins.get(name)
            and all(
                cell["environment"][key] == build_environment.get(key)
                for key in ("torch", "numpy", "python")
            )
        ),
        None,
    )


def cell_label(environment: dict, pins: dict) -> str:
    """``torch 2.7.1, NumPy 2.4.6`` (and the cell's pins and GPU)."""
    parts = [
        f"torch {environment['torch'].split('+')[0]}",
        f"NumPy {environment['numpy']}",
    ]
    parts += [f"{name} {version}" for name, version in pins.items()]
    if "gpu" in environment:
        parts.append(f"{environment['gpu']}, CUDA {environment.get('cuda', '?')}")
    return _(", ").join(parts)


def cells_description(names: list[str], grid: Grid, pins: dict[str, dict]) -> str:
    """Cells in few words: torch releases as spans, per NumPy and ``pins``
    (each cell's pins that matter to the page)."""

    def setting(name: str) -> tuple:
        environment = grid.cells[name]["environment"]
        return (
            environment["numpy"],
            tuple(sorted(pins.get(name, {}).items())),
            environment.get("gpu", ""),
        )

    groups: dict[tuple, list[str]] = {}
    for name in names:
        groups.setdefault(setting(name), []).append(name)
    parts = []
    for (numpy, pinned, gpu), members in groups.items():
        # Spans over the releases that cells of this setting ran, in order.
        alike = sorted(
            (name for name in grid.cells if setting(name) == (numpy, pinned, gpu)),
            key=lambda name: version_key(grid.cells[name]["environment"]["torch"]),
        )
        runs: list[list[str]] = []
        previous = None  # the place in alike of the last member seen
        for place, name in enumerate(alike):
            if name in members:
                if runs and place == previous + 1:
                    runs[-1].append(name)
                else:
                    runs.append([name])
                previous = place
        versions = []
        for run in runs:
            first = grid.cells[run[0]]["environment"]["torch"].split("+")[0]
            last = grid.cells[run[-1]]["environment"]["torch"].split("+")[0]
            versions.append(first if first == last else f"{first}–{last}")
        others = "".join(f"{_(', ')}{name} {version}" for name, version in pinned)
        text = _("torch {torch} with NumPy {numpy}").format(
            torch=_(", ").join(versions), numpy=numpy + others
        )
        parts.append(text + (f" ({gpu})" if gpu else ""))
    return _("; ").join(parts)


class RecordedOutput(SphinxDirective):
    """``.. recorded-output:: N``, after the Nth code block (from 0) of an example
    page; its content is what the page shows under that block."""

    required_arguments = 1
    has_content = True

    def run(self) -> list[nodes.Node]:
        number = int(self.arguments[0])
        marker = nodes.raw(
            "",
            f'<div class="recorded-output" data-block="{number}"></div>',
            format="html",
        )
        page = PageOutputs.of(self)
        if page is None:
            return [marker]
        if not page.executed:
            return [*page.recorded_gpu_output(number), marker]
        return [marker, *page.difference_note(number, "\n".join(self.content))]


class PageOutputs:
    """The grid's records of one page, as its directives and notes use them."""

    def __init__(self, config, srcdir: str, source: Path):
        self.grid = Grid.load(compatibility_folder(config))
        self.key = page_key(source, config.executed_gallery_repository)
        self.cells = current_cells(self.grid, self.key, source_hash(source))
        self.build_environment = config.executed_gallery_environment
        # A cell's pins (pandas) name it only on a page that imports them.
        imported = imported_distributions(source)
        self.pins = {
            name: {library: v for library, v in pins.items() if library in imported}
            for name, pins in self.grid.pins().items()
        }
        if source.suffix == ".py":
            self.executed = runs_in_this_build(config, source)
            self.cuda_page = in_cuda_section(srcdir, config, source)
        else:  # a notebook page
            self.executed = config.nb_execution_mode != "off"
            self.cuda_page = False

    @classmethod
    def for_source(cls, config, srcdir: str, source: Path) -> PageOutputs | None:
        """The page's records, or None where the grid has recorded nothing yet."""
        results = compatibility_folder(config) / "results.json"
        return cls(config, srcdir, source) if results.is_file() else None

    @classmethod
    def of(cls, directive: SphinxDirective) -> PageOutputs | None:
        env = directive.env
        script = example_source(env.srcdir, directive.config, env.docname)
        if script is None:
            return None
        # One reading of the grid per page, not per block.
        cache = env.temp_data.setdefault("recorded_outputs", {})
        if env.docname not in cache:
            cache[env.docname] = cls.for_source(directive.config, env.srcdir, script)
        return cache[env.docname]

    def own_cell(self) -> tuple[str, dict] | None:
        """The cell whose environment is this build's, with its record of the page."""
        name = environment_cell(self.grid, self.build_environment)
        return next((item for item in self.cells if item[0] == name), None)

    def gpu_cell(self) -> tuple[str, dict] | None:
        """The GPU environment whose outputs a page that needs CUDA shows where it
        did not run: the latest recorded."""
        gpu_cells = [item for item in self.cells if "gpu" in item[1]["environment"]]
        if not gpu_cells:
            return None
        return max(gpu_cells, key=lambda item: item[1]["environment"].get("date", ""))

    def recorded_gpu_output(self, number: int) -> list[nodes.Node]:
        found = self.gpu_cell() if self.cuda_page else None
        if found is None:
            return []
        text = self.text(found[1], number)
        if not text:
            return []
        label = nodes.paragraph(classes=["recorded-output-label"])
        label += nodes.Text(recorded_label(found[1]["environment"]))
        output = nodes.literal_block(text=text, language="none")
        output["classes"] += ["sphx-glr-script-out", "recorded-gpu-output"]
        return [untranslated(label), output]

    def text(self, cell: dict, number: int) -> str | None:
        """What the cell recorded under the page's block ``number`` ("" for nothing)."""
        blocks = cell["pages"][self.key]["blocks"]
        return block_text(blocks[number]) if number < len(blocks) else ""

    def difference_note(self, number: int, shown: str) -> list[nodes.Node]:
        """A folded note naming the environments that print something else than
        the page shows under the block, with what each group of them prints."""
        seen = comparable(shown, self.build_environment)
        groups: dict[str, list[str]] = {}
        texts: dict[str, str] = {}
        for name, cell in self.cells:
            text = self.text(cell, number)
            if text is None:
                continue
            printed = comparable(text, cell["environment"])
            if printed != seen:
                groups.setdefault(printed, []).append(name)
                texts.setdefault(printed, text)
        if not groups:
            return []
        everyone = [name for names in groups.values() for name in names]
        summary = _("Prints something else on {cells}").format(
            cells=cells_description(everyone, self.grid, self.pins)
        )
        note = nodes.container(classes=["version-outputs"])
        note += nodes.raw(
            "", f"<details><summary>{html.escape(summary)}</summary>", format="html"
        )
        for printed, names in groups.items():
            if len(groups) > 1:  # one group: the summary has named it
                note += nodes.paragraph(
                    text=_("{cells}:").format(
                        cells=cells_description(names, self.grid, self.pins)
                    )
                )
            output = nodes.literal_block(
                text=texts[printed] or _("(nothing)"), language="none"
            )
            output["classes"].append("version-output")
            note += output
        note += nodes.raw("", "</details>", format="html")
        return [untranslated(note)]

    def selector(self) -> list[nodes.Node]:
        """The page's version selector and the outputs it chooses from."""
        if not self.cells:
            return []
        texts: list[str] = []
        cells = []
        for name, cell in self.cells:
            indices = []
            for block in cell["pages"][self.key]["blocks"]:
                text = block_text(block)
                if text is None:
                    indices.append(-1)
                    continue
                if text not in texts:
                    texts.append(text)
                indices.append(texts.index(text))
            label = cell_label(cell["environment"], self.pins.get(name, {}))
            cells.append({"label": label, "blocks": indices})
        own_label = cell_label(self.build_environment, {})
        options = []
        if self.executed:
            options.append(("build", _("this build ({environment})").format(
                environment=own_label
            )))  # fmt: skip
        gpu = self.gpu_cell() if not self.executed and self.cuda_page else None
        for index, (name, _cell) in enumerate(self.cells):
            label = cells[index]["label"]
            if self.executed and label == own_label:
                continue  # this build's environment: the first option
            if gpu is not None and name == gpu[0]:
                options.insert(0, (str(index), label + _(" (shown)")))
            else:
                options.append((str(index), label))
        measured = _("(timings: measured on each machine; the grid does not keep them)")
        data = {"cells": cells, "texts": texts, "measured": measured}
        select = "".join(
            f'<option value="{value}">{html.escape(text)}</option>'
            for value, text in options
        )
        payload = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
        markup = (
            f'<div class="recorded-outputs"><label>{html.escape(_("Outputs as printed by"))} '
            f'<select class="recorded-outputs-select">{select}</select></label></div>'
            f'<script type="application/json" id="{DATA_ID}">{payload}</script>'
        )
        return [nodes.raw("", markup, format="html")]


def note_notebook_differences(app, doctree: nodes.document) -> None:
    """Under each code cell of a notebook page: where other environments print
    something else than the build did (as the grid's cell of this build's
    environment recorded it), the same folded note as on an example page."""
    code_cells = [
        node
        for node in doctree.findall(nodes.container)
        if node.get("nb_element") == "cell_code" and node.get("exec_count")
    ]
    if not code_cells:
        return
    source = Path(app.env.doc2path(app.env.docname)).resolve()
    page = PageOutputs.for_source(app.config, app.srcdir, source)
    own = page.own_cell() if page is not None and page.executed else None
    if own is None:
        return
    for cell in code_cells:
        number = cell["exec_count"] - 1  # cells removed from the page ran too
        shown = page.text(own[1], number)
        if shown is not None:
            cell.parent.insert(
                cell.parent.index(cell) + 1, page.difference_note(number, shown)
            )


def recorded_label(environment: dict) -> str:
    return _("Output recorded on {gpu} with torch {torch}, CUDA {cuda}, {date}").format(
        gpu=environment.get("gpu", "?"),
        torch=environment["torch"],
        cuda=environment.get("cuda", "?"),
        date=environment.get("date", "?"),
    )
