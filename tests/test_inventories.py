"""The offline intersphinx inventories cover every API name the site uses."""

from __future__ import annotations

import zlib

import make_inventories
from site_builds import REPO_ROOT


def entries(path) -> list[str]:
    data = path.read_bytes()
    body = data.split(b"# The remainder of this file is compressed using zlib.\n", 1)[1]
    return zlib.decompress(body).decode().splitlines()


def test_committed_inventories_are_current(tmp_path):
    make_inventories.write_all(output=tmp_path)
    for name in ("torch.inv", "numpy.inv", "python.inv"):
        committed = REPO_ROOT / "docs" / "_inventories" / name
        assert entries(committed) == entries(tmp_path / name), (
            f"{name} is out of date: run `nox -s inventories`"
        )


def test_inventories_name_the_core_conversions():
    torch_names = {
        line.split()[0] for line in entries(REPO_ROOT / "docs/_inventories/torch.inv")
    }
    assert {
        "torch.from_numpy",
        "torch.Tensor.numpy",
        "torch.Tensor.item",
    } <= torch_names
    numpy_names = {
        line.split()[0] for line in entries(REPO_ROOT / "docs/_inventories/numpy.inv")
    }
    assert "numpy.shares_memory" in numpy_names
