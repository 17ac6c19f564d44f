"""Describe the software and hardware that execute the examples.

The description is shown on every executed page (its provenance), and its
digest is the environment fingerprint: when the digest changes, every cached
output was produced somewhere else and must be executed again.
"""

from __future__ import annotations

import hashlib
import json
import platform
from pathlib import Path


def cpu_model() -> str:
    """Return the CPU's marketing name, or the architecture where none is readable."""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        for line in cpuinfo.read_text(errors="replace").splitlines():
            key, _, value = line.partition(":")
            if key.strip() in {"model name", "Model", "Hardware"} and value.strip():
                return value.strip()
    return platform.processor() or platform.machine()


def describe() -> dict[str, str]:
    """Return the versions and the device that the examples run on."""
    import numpy
    import torch

    description = {
        "python": platform.python_version(),
        "torch": torch.__version__,
        "numpy": numpy.__version__,
        "cpu": cpu_model(),
    }
    if torch.cuda.is_available():
        description["gpu"] = torch.cuda.get_device_name(0)
        description["cuda"] = str(torch.version.cuda)
    return description


def fingerprint(description: dict[str, str]) -> str:
    """Return a short, stable digest of an environment description."""
    canonical = json.dumps(description, sort_keys=True).encode()
    return hashlib.sha256(canonical).hexdigest()[:16]


def has_cuda(description: dict[str, str]) -> bool:
    return "gpu" in description
