"""The benchmark's code: its table, and (slow) a smoke test on a tiny gallery (the
real run is `nox -s bench`). That one edit runs exactly that example again, which
the smoke test counts, the tiny build checks on every run (test_tinybuild.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

import bench
from early_work import early_fixture
from site_builds import GOOD_EXAMPLE, make_small_site


@early_fixture
def bench_rows(folder: Path) -> dict[str, bench.Measurement]:
    """bench.measure() on a site of two examples, by row name."""
    site = make_small_site(
        folder / "site",
        {
            "tensor_to_numpy/plot_01_first.py": GOOD_EXAMPLE,
            "tensor_to_numpy/plot_02_second.py": GOOD_EXAMPLE,
        },
    )
    measured = bench.measure(folder / "work", site, with_nox=False)
    return {row.name: row for row in measured}


@pytest.mark.slow
def test_benchmark_counts_what_each_build_executes(bench_rows):
    assert bench_rows["cold (en)"].examples == 2
    assert bench_rows["no-op (en)"].examples == 0
    assert bench_rows["one edit (en)"].examples == 1
    assert bench_rows["env change (en)"].examples == 2
    assert bench_rows["floor"].examples == 0
    assert all(row.seconds > 0 for row in bench_rows.values())
    table = bench.markdown_table(list(bench_rows.values()))
    assert "| cold (en) |" in table and "x the floor" in table


def test_the_table_has_a_row_per_build_with_its_counts():
    rows = [
        bench.Measurement("cold (en)", 36.74, 25, 3, "1.19x the floor"),
        bench.Measurement("nox -s docs, no-op", 2.7),
    ]
    assert bench.markdown_table(rows).splitlines()[2:] == [
        "| cold (en) | 36.7 | 25 | 3 | 1.19x the floor |",
        "| nox -s docs, no-op | 2.7 |  |  |  |",
    ]


def test_the_readme_table_is_the_benchmarks_and_its_install_line_is_measured():
    from site_builds import REPO_ROOT

    readme = (REPO_ROOT / "README.md").read_text()
    table = bench.README_TABLE.search(readme)
    assert table, "README.md lost its bench markers"
    assert "| fresh clone to built site (en), warm package cache |" in table[0]
    assert f'python3 -m pip install "{bench.NOX_REQUIREMENT}"' in readme
