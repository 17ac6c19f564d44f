"""Where the torch wheel comes from: the one setting that picks its build.

A plain ``pip install torch==X`` on Linux gives the CUDA build, several GB with
its NVIDIA libraries, which a machine without a GPU never uses. So nox asks
for the build that fits the machine, with one setting, ``TORCH_INDEX``:

* unset (``auto``): a machine with an NVIDIA driver gets the CUDA build from
  PyPI. Any other machine gets the CPU build: from the local wheel folders and
  indexes that pip is configured with, where it has any (the build machines
  keep torch there and reach no other index), else from PyTorch's CPU index.
* ``cpu``: PyTorch's CPU index; ``pypi``: PyPI's default build (CUDA on
  Linux); any URL: that index (for example PyTorch's ``cu128`` index).

:func:`install_arguments` turns the setting into installer arguments, the same
for uv and pip, except that uv reads no pip configuration and is told the local
sources explicitly.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

SETTING = "TORCH_INDEX"
CPU_INDEX = "https://download.pytorch.org/whl/cpu"


def has_nvidia_driver() -> bool:
    return (
        shutil.which("nvidia-smi") is not None or Path("/proc/driver/nvidia").exists()
    )


def pip_local_sources() -> tuple[list[str], list[str]]:
    """The local find-links folders and ``file://`` indexes in pip's configuration."""
    # This interpreter's pip, else the first on PATH: uv's environments have none.
    commands = [[sys.executable, "-m", "pip"], ["pip3"], ["pip"]]
    listing = ""
    for command in commands:
        if command[0] != sys.executable and shutil.which(command[0]) is None:
            continue
        result = subprocess.run(
            [*command, "config", "list"], capture_output=True, text=True, check=False
        )
        if result.returncode == 0:
            listing = result.stdout
            break
    find_links: list[str] = []
    indexes: list[str] = []
    for line in listing.splitlines():
        key, _, value = line.partition("=")
        values = value.strip().strip("'\"").split()
        if key.endswith(".find-links"):
            find_links += [
                v for v in values if v not in find_links and Path(v).is_dir()
            ]
        elif key.endswith((".extra-index-url", ".index-url")):
            indexes += [
                v for v in values if v.startswith("file://") and v not in indexes
            ]
    return find_links, indexes


def install_arguments(
    installer: str,
    setting: str | None = None,
    nvidia: bool | None = None,
    local: tuple[list[str], list[str]] | None = None,
) -> list[str]:
    """Installer arguments that make ``torch==X`` resolve to the right build.

    ``installer`` is ``"uv"`` or ``"pip"``. The other parameters default to this
    machine (the environment variable, the driver, pip's configuration).
    """
    setting = (
        setting if setting is not None else os.environ.get(SETTING, "")
    ) or "auto"
    if setting == "auto":
        if nvidia if nvidia is not None else has_nvidia_driver():
            return []
        find_links, indexes = local if local is not None else pip_local_sources()
        if find_links or indexes:
            if installer == "pip":
                return []  # pip reads its own configuration
            arguments = [arg for path in find_links for arg in ("--find-links", path)]
            arguments += [arg for url in indexes for arg in ("--extra-index-url", url)]
            return arguments + ["--index-strategy", "unsafe-best-match"]
        setting = "cpu"
    if setting == "pypi":
        return []
    url = CPU_INDEX if setting == "cpu" else setting
    arguments = ["--extra-index-url", url]
    if installer == "uv":
        # uv takes each package from the first index that has it; torch's
        # local build label (+cpu) must win over PyPI's plain version.
        arguments += ["--index-strategy", "unsafe-best-match"]
    return arguments
