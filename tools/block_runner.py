"""Run an example script block by block and record what each code block printed.

    python -I tools/block_runner.py SCRIPT OUTPUT.json

The compatibility grid runs every example with this, from an empty folder, in
a process of its own (``-I``: nothing from this repository is importable). It
runs the script the way its page shows it: cut where sphinx-gallery cuts it
(``# %%``), every part in one namespace named ``__main__``, and, as
``capture_repr`` in conf.py makes the page do, a part that ends in a bare
expression prints that value's repr. Per code block it writes the block's
stdout, the warnings that reached no ``catch_warnings`` (a reader sees them on
stderr), and the error that stopped the script, if any. The exit status is the
script's: 1 where a block raised.

It needs the standard library only, so that it runs in any environment the
grid has, a GPU machine without Sphinx included.
"""

from __future__ import annotations

import ast
import contextlib
import io
import json
import sys
import traceback
import warnings

SEPARATOR = "# %%"


def script_parts(source: str) -> list[tuple[int, str]]:
    """The script cut at every ``# %%`` line: (first line number, text) each.

    A part after a separator opens with the comment block that the page shows
    as text; comments run as nothing, so each part runs as it stands.
    """
    parts, start, lines = [], 1, []
    for number, line in enumerate(source.splitlines(keepends=True), start=1):
        if line.rstrip() == SEPARATOR or line.startswith(SEPARATOR + " "):
            parts.append((start, "".join(lines)))
            start, lines = number, []
        lines.append(line)
    parts.append((start, "".join(lines)))
    return parts


def code_parts(source: str) -> list[tuple[int, ast.Module]]:
    """The parts that hold code (sphinx-gallery's code blocks, in order), parsed
    with the line numbers they have in the script, the docstring left out."""
    blocks = []
    for start, text in script_parts(source):
        tree = ast.parse("\n" * (start - 1) + text)
        body = tree.body
        if start == 1 and body and isinstance(body[0], ast.Expr):
            if isinstance(body[0].value, ast.Constant) and isinstance(
                body[0].value.value, str
            ):
                body = body[1:]  # the module docstring: the page's title and text
        if body:
            blocks.append((start, ast.Module(body=body, type_ignores=[])))
    return blocks


def warning_line(message: warnings.WarningMessage) -> str:
    first = str(message.message).splitlines()[0] if str(message.message) else ""
    return f"{message.category.__name__}: {first}"


def run_blocks(path: str) -> tuple[list[dict], int]:
    """Run the script's code blocks in order; per block, what it printed."""
    with open(path, encoding="utf-8") as handle:
        source = handle.read()
    namespace = {"__name__": "__main__", "__file__": path, "__builtins__": __builtins__}
    records: list[dict] = []
    for _, tree in code_parts(source):
        last = tree.body[-1]
        value_expression = None
        if isinstance(last, ast.Expr):
            tree = ast.Module(body=tree.body[:-1], type_ignores=[])
            value_expression = ast.Expression(body=last.value)
        stdout = io.StringIO()
        record: dict = {}
        with warnings.catch_warnings(record=True) as loose_warnings:
            try:
                with contextlib.redirect_stdout(stdout):
                    exec(compile(tree, path, "exec"), namespace)
                    if value_expression is not None:
                        value = eval(compile(value_expression, path, "eval"), namespace)
                        if value is not None:
                            print(repr(value))
            except BaseException as error:  # noqa: BLE001 - the page's error is the record
                first = str(error).splitlines()[0] if str(error) else ""
                record["error"] = f"{type(error).__name__}: {first}"
                traceback.print_exc()
        record["out"] = stdout.getvalue()
        if loose_warnings:
            record["warnings"] = [warning_line(message) for message in loose_warnings]
        sys.stdout.write(record["out"])
        records.append(record)
        if "error" in record:
            return records, 1
    return records, 0


def main(argv: list[str]) -> int:
    script, output = argv
    records, status = run_blocks(script)
    with open(output, "w", encoding="utf-8") as handle:
        json.dump(records, handle, ensure_ascii=False)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
