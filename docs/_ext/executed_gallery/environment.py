"""Describe the software and hardware that execute the examples.

The environment is shown on every executed page (its provenance), and its
digest is the environment fingerprint: when the digest changes, every cached
output was produced somewhere else and must be executed again.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
from importlib import metadata
from pathlib import Path

#: Set to any text to force every example to run again, as if the environment
#: had changed (for a change that the fingerprint cannot see, such as a driver).
SALT_VARIABLE = "EXECUTED_GALLERY_SALT"


def cpu_model() -> str:
    """Return the CPU's marketing name, or the architecture where none is readable."""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        for line in cpuinfo.read_text(errors="replace").splitlines():
            key, _, value = line.partition(":")
            if key.strip() in {"model name", "Model", "Hardware"} and value.strip():
                return value.strip()
    return platform.processor() or platform.machine()


def cuda_device(torch_version: str) -> tuple[str, str] | None:
    """Return the GPU's name and CUDA version that torch sees, or None.

    A CPU-only build of torch (``+cpu``) can never see CUDA, so it is not
    imported: a rebuild with nothing to run then never imports torch.
    """
    if torch_version.endswith("+cpu"):
        return None
    import torch

    if not torch.cuda.is_available():
        return None
    return torch.cuda.get_device_name(0), str(torch.version.cuda)


def current() -> dict[str, str]:
    """Return the versions and the device that the examples run on."""
    build_env = {
        "python": platform.python_version(),
        "torch": metadata.version("torch"),
        "numpy": metadata.version("numpy"),
        "cpu": cpu_model(),
    }
    device = cuda_device(build_env["torch"])
    if device is not None:
        build_env["gpu"], build_env["cuda"] = device
    if os.environ.get(SALT_VARIABLE):
        build_env["salt"] = os.environ[SALT_VARIABLE]
    return build_env


def fingerprint(build_env: dict[str, str]) -> str:
    """Return a short, stable digest of a build environment."""
    canonical = json.dumps(build_env, sort_keys=True).encode()
    return hashlib.sha256(canonical).hexdigest()[:16]


def has_cuda(build_env: dict[str, str]) -> bool:
    return "gpu" in build_env
