"""Write the local intersphinx inventories in ``docs/_inventories/``.

    python tools/make_inventories.py

intersphinx first asks the torch, NumPy and Python sites for their inventories
(``conf.py``); where there is no network it falls back to these files, so that
an offline build still links every API name that the site uses. They hold only
those names: each entry is found in the examples and pages, checked to exist in
the installed torch or NumPy (or among Python's builtins), and pointed at the
page that the project's documentation generates for it, following the URL
layout of that documentation. Run it again after an example starts using a new
API (``nox -s inventories``).
"""

from __future__ import annotations

import inspect
import re
import sys
import zlib
from pathlib import Path

import numpy
import torch

REPO_ROOT = Path(__file__).resolve().parent.parent
OUTPUT = REPO_ROOT / "docs" / "_inventories"

TORCH_NAME = re.compile(r"\btorch(?:\.[A-Za-z_]\w*)+")
NUMPY_NAME = re.compile(r"\bnp\.([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)")
METHOD_CALL = re.compile(r"\.([a-z_][a-z0-9_]*)\(")
# Modules whose members get a page of their own under generated/ in torch's docs.
TORCH_GENERATED_MODULES = {"torch", "torch.cuda", "torch.nn"}
PYTHON_BUILTINS = ("bool", "complex", "float", "int", "list")
# Tensor attributes that exist but have no page in torch's documentation.
UNDOCUMENTED_TENSOR_METHODS = {"index"}
# torch classes documented on a shared page rather than a generated one.
TORCH_SHARED_PAGES = {
    "torch.Tensor": "tensors.html#torch.Tensor",
    "torch.Size": "size.html#torch.Size",
    "torch.device": "tensor_attributes.html#torch.device",
    "torch.dtype": "tensor_attributes.html#torch.dtype",
}


def site_code(root: Path = REPO_ROOT) -> str:
    sources = list((root / "examples").rglob("*.py")) + list(
        (root / "docs").glob("*.md")
    )
    return "\n".join(path.read_text() for path in sources)


def resolve(dotted: str, module) -> object | None:
    target = module
    for part in dotted.split(".")[1:]:
        target = getattr(target, part, None)
        if target is None:
            return None
    return target


def role_of(obj: object) -> str:
    if inspect.isclass(obj):
        return "py:class"
    if inspect.ismodule(obj):
        return "py:module"
    return "py:function"


def torch_entries(code: str) -> dict[str, tuple[str, str]]:
    entries = {}
    for name in set(TORCH_NAME.findall(code)):
        obj = resolve(name, torch)
        module, _, short = name.rpartition(".")
        if obj is None or not callable(obj) or module not in TORCH_GENERATED_MODULES:
            continue
        if short.startswith("_"):  # private helpers have no page in torch's docs
            continue
        entries[name] = (role_of(obj), f"generated/{name}.html#{name}")
    for method in set(METHOD_CALL.findall(code)):
        # Documented tensor methods only: the same call may be on a str or a list.
        attribute = getattr(torch.Tensor, method, None)
        if method.startswith("_") or not callable(attribute) or not attribute.__doc__:
            continue
        if method in UNDOCUMENTED_TENSOR_METHODS:
            continue
        name = f"torch.Tensor.{method}"
        entries[name] = ("py:method", f"generated/{name}.html#{name}")
    for name, page in TORCH_SHARED_PAGES.items():
        entries[name] = ("py:class", page)
    return entries


def numpy_entries(code: str) -> dict[str, tuple[str, str]]:
    entries = {}
    for short in set(NUMPY_NAME.findall(code)):
        name = f"numpy.{short}"
        obj = resolve(name, numpy)
        if obj is None or not callable(obj) or short.startswith("_"):
            continue
        if "." in short:
            # Of the dotted names, only ndarray methods have generated pages.
            if short.startswith("ndarray."):
                entries[name] = ("py:method", f"reference/generated/{name}.html#{name}")
            continue
        if inspect.isclass(obj) and issubclass(obj, numpy.generic):
            entries[name] = ("py:class", f"reference/arrays.scalars.html#{name}")
            continue
        entries[name] = (role_of(obj), f"reference/generated/{name}.html#{name}")
    return entries


def python_entries() -> dict[str, tuple[str, str]]:
    return {
        name: ("py:class", f"library/functions.html#{name}") for name in PYTHON_BUILTINS
    }


def write_inventory(path: Path, project: str, version: str, entries: dict) -> None:
    """Write a Sphinx inventory, version 2: a plain header, then zlib-compressed lines."""
    header = (
        "# Sphinx inventory version 2\n"
        f"# Project: {project}\n"
        f"# Version: {version}\n"
        "# The remainder of this file is compressed using zlib.\n"
    )
    lines = "".join(
        f"{name} {role} 1 {uri} -\n" for name, (role, uri) in sorted(entries.items())
    )
    path.write_bytes(header.encode() + zlib.compress(lines.encode()))


def write_all(output: Path = OUTPUT, root: Path = REPO_ROOT) -> dict[str, int]:
    """Write the three inventories into ``output``; return how many names each holds."""
    output.mkdir(parents=True, exist_ok=True)
    code = site_code(root)
    inventories = {
        "torch.inv": ("PyTorch", torch.__version__.split("+")[0], torch_entries(code)),
        "numpy.inv": ("NumPy", numpy.__version__, numpy_entries(code)),
        "python.inv": ("Python", "3", python_entries()),
    }
    for filename, (project, version, entries) in inventories.items():
        write_inventory(output / filename, project, version, entries)
    return {filename: len(entries) for filename, (*_, entries) in inventories.items()}


def main() -> int:
    for filename, count in write_all().items():
        print(f"{filename}: {count} names")
    return 0


if __name__ == "__main__":
    sys.exit(main())
