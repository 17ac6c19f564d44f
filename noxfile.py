"""Sessions for building, serving and testing the site. ``nox -l`` lists them."""

from __future__ import annotations

import hashlib
import os
import re
import sys
from pathlib import Path

import nox

# uv creates environments in seconds and links torch from its cache instead of
# copying it; where uv is missing, venv and pip do the same work, slower.
nox.options.default_venv_backend = "uv|venv"
nox.options.sessions = ["docs", "tests"]

ROOT = Path(__file__).parent
sys.path.insert(0, str(ROOT / "tools"))

import compat  # noqa: E402
import torch_index  # noqa: E402

GRID_CELLS = {cell["name"]: cell for cell in compat.buildable_cells()}

# Some machines turn bytecode caches off (PYTHONDONTWRITEBYTECODE=1). In the
# sessions' own environments they pay for themselves: a build imports torch in
# half a dozen processes (Sphinx, the example workers, each notebook's kernel),
# and without them each of those imports compiles torch from source again.
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
# And uv, unlike pip, leaves a new environment's bytecode to be written by its
# first imports, which then compile torch in several processes at once: the
# first test run in a fresh clone took 159 s of pytest instead of 142 s.
os.environ.setdefault("UV_COMPILE_BYTECODE", "1")
# Sessions use the Python that runs nox (3.11 or newer). On the build machines
# that is 3.11, for which the CPU wheel of the pinned torch lies on disk.
REQUIREMENT_FILES = (
    "requirements.txt",
    "requirements-dev.txt",
    "requirements-lint.txt",
)
REQUIREMENT_ARGS = [arg for name in REQUIREMENT_FILES for arg in ("-r", name)]


def install_pinned(
    session: nox.Session, *requirement_files: str, replace: dict[str, str] | None = None
) -> None:
    """Install the pinned requirements, skipping the installer when nothing changed.

    ``replace`` swaps pins (``{"torch": "2.15.0"}``): the compatibility grid
    installs the same site with another torch or NumPy in place of the pins.
    torch comes from where ``TORCH_INDEX`` says (tools/torch_index.py).
    """
    replace = replace or {}
    pins = [ROOT / name for name in (*requirement_files, "constraints.txt")]
    digest = hashlib.sha256(
        b"".join(path.read_bytes() for path in pins)
        + repr(sorted(replace.items())).encode()
        + os.environ.get(torch_index.SETTING, "").encode()
    ).hexdigest()
    location = Path(session.virtualenv.location)
    marker = location / ".installed-requirements"
    if marker.is_file() and marker.read_text() == digest:
        session.log("requirements unchanged since the last install: skipping it")
        return
    replaced = re.compile(
        rf"^({'|'.join(map(re.escape, replace)) or '(?!)'})==\S+$", re.M
    )
    files = []
    for name in (*requirement_files, "constraints.txt"):
        path = ROOT / name
        if replace:  # the same file, less the replaced pins
            path = location / f"grid-{name}"
            path.write_text(replaced.sub("", (ROOT / name).read_text()))
        files += ["-c" if name == "constraints.txt" else "-r", str(path)]
    installer = "uv" if session.venv_backend == "uv" else "pip"
    session.install(
        *torch_index.install_arguments(installer),
        *files,
        *[f"{package}=={version}" for package, version in replace.items()],
    )
    marker.write_text(digest)


@nox.session(reuse_venv=True)
def docs(session: nox.Session) -> None:
    """Build the site into _build/html/ (examples executed; `-- --require-cuda` on GPU builders)."""
    install_pinned(session, "requirements.txt")
    session.run("python", "tools/build_site.py", *session.posargs)


@nox.session(reuse_venv=True)
def translations(session: nox.Session) -> None:
    """Extract fresh messages (nothing executed) and update docs/locale/*/LC_MESSAGES/*.po."""
    install_pinned(session, "requirements.txt")
    session.run("python", "tools/update_catalogs.py", *session.posargs)


@nox.session(reuse_venv=True)
def inventories(session: nox.Session) -> None:
    """Rewrite the offline intersphinx inventories for the API names the site uses."""
    install_pinned(session, "requirements.txt")
    session.run("python", "tools/make_inventories.py")


@nox.session(reuse_venv=True)
def serve(session: nox.Session) -> None:
    """Serve the English edition on http://127.0.0.1:8000 and rebuild on every change."""
    install_pinned(session, "requirements.txt", "requirements-dev.txt")
    session.run(
        "python", "-m", "sphinx_autobuild",
        "-c", ".",
        "docs", "_build/serve/en",
        "-d", "_build/doctrees/serve-en",
        "--watch", "examples",
        "--watch", "docs/_ext",
        "--ignore", "docs/auto_examples/*",
        "--ignore", "docs/gen_modules/*",  # backreferences, rewritten by every build
        "--ignore", "*.md5",
        "--port", "8000",
        *session.posargs,
    )  # fmt: skip


@nox.session(reuse_venv=True)
def tests(session: nox.Session) -> None:
    """Run the test suite: real builds, the examples as scripts, a real browser."""
    install_pinned(session, "requirements.txt", "requirements-dev.txt")
    # The grid's tests run `nox -s compat` themselves, with the nox that runs this.
    session.run(
        "pytest", *session.posargs, env={"NOX_COMMAND": f"{sys.executable} -m nox"}
    )


@nox.session(reuse_venv=True)
def bench(session: nox.Session) -> None:
    """Time fresh-clone, cold, no-op, one-edit and env-change builds; update README."""
    install_pinned(session, "requirements.txt")
    session.run("python", "tools/bench.py", "--write-readme", *session.posargs)


@nox.session(reuse_venv=True)
@nox.parametrize("cell", list(GRID_CELLS))
def compat(session: nox.Session, cell: str) -> None:
    """Run every page in each environment of the compatibility grid (`-- CELL` for one)."""
    if session.posargs and cell not in session.posargs:
        session.skip(f"only {', '.join(session.posargs)} asked for")
    spec = GRID_CELLS[cell]
    if spec.get("requires_cuda") and not torch_index.has_nvidia_driver():
        session.skip("needs an NVIDIA GPU: the GPU builder runs this cell")
    # A cell may also swap a pin that its torch cannot share (torch 2.5 and 2.6
    # require sympy 1.13.1).
    pins = {"torch": spec["torch"], "numpy": spec["numpy"], **spec.get("pins", {})}
    install_pinned(session, "requirements.txt", replace=pins)
    # CI jobs each write their cell to a file of its own, merged afterwards.
    output = os.environ.get("COMPAT_OUTPUT_DIR")
    destination = ["--output", f"{output}/{cell}.json"] if output else []
    session.run("python", "tools/compat.py", "run", "--cell", cell, *destination)


@nox.session(reuse_venv=True)
def linkcheck(session: nox.Session) -> None:
    """Check the external links (needs the network, so it is not part of the tests)."""
    install_pinned(session, "requirements.txt")
    session.run(
        "python", "-m", "sphinx",
        "-b", "linkcheck",
        "-c", ".",
        "docs", "_build/linkcheck",
        "-d", "_build/doctrees/linkcheck",
        "-D", "plot_gallery=0",  # links only: run no example
        "-D", "nb_execution_mode=off",  # and no notebook
        *session.posargs,
    )  # fmt: skip


# No venv: the point is to check the torch that this machine already has.
@nox.session(venv_backend="none")
def gpu(session: nox.Session) -> None:
    """Run only the CUDA examples as plain scripts with this machine's torch, without Sphinx."""
    session.run("python", "tools/run_examples.py", "--cuda-only", *session.posargs)


@nox.session(reuse_venv=True)
def lint(session: nox.Session) -> None:
    """Lint and check formatting (ruff), and check the workflows (actionlint)."""
    install_pinned(session, "requirements-lint.txt")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    session.run("actionlint", external=False)


@nox.session
def constraints(session: nox.Session) -> None:
    """Re-pin every transitive dependency into constraints.txt from the requirement files."""
    session.install(*REQUIREMENT_ARGS)
    frozen = session.run(
        "python", "-m", "pip", "freeze", "--exclude-editable", silent=True
    )
    # Drop torch's local label (2.13.0+cpu): the same pin must take the CPU wheel
    # on CPU builders and the CUDA build on the GPU builder.
    frozen = re.sub(r"^(torch==[^+\s]+)\+\S+$", r"\1", frozen, flags=re.MULTILINE)
    header = (
        "# Every package that the requirement files pull in, pinned exactly.\n"
        "# Generated by `nox -s constraints`; do not edit by hand.\n"
    )
    (ROOT / "constraints.txt").write_text(header + frozen)
