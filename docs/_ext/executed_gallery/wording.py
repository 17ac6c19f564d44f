"""Text that the extension adds to pages, in each language the site is built in.

These strings are generated at build time, so gettext never sees them; they are
kept here, next to each other, so that a new language is added in one place.
"""

from __future__ import annotations

from docutils import nodes

WORDING = {
    "en": {
        "produced_by": "Outputs on this page were produced by this build:",
        "produced_by_short": "Outputs: torch {torch}, NumPy {numpy}, this build",
        "downloads": "Download:",
        "download_script": "Python script",
        "download_notebook": "Jupyter notebook",
        "torch_build": "torch {torch}, {cuda}",
        "cuda_version": "CUDA {cuda}",
        "no_cuda": "CUDA not available",
        "gpu_summary": "GPU: {gpu} (CUDA {cuda})",
        "cpu_summary": "CPU: {cpu}",
        "not_executed_title": "Not executed in this build",
        "not_executed": (
            "This build ran with example execution turned off, so the code "
            "below is shown without its output."
        ),
        "needs_cuda_title": "Needs CUDA: not executed in this build",
        "needs_cuda": (
            "This example needs an NVIDIA GPU with CUDA. The machine that built "
            "this page had none ({torch_build}), so the code below was not run "
            "here. The hosted site is built on a GPU machine, where this page "
            "shows the output that CUDA really gives."
        ),
        "gpu_output": (
            "Under each block is what it printed on the GPU machine of the "
            "compatibility grid, for this version of the page ({label})."
        ),
        "no_gpu_output": (
            "No GPU output was recorded for this version of the page, so none is shown."
        ),
        "hosted_link": "Read this page on the hosted site.",
        "cuda_section_executed": (
            "This build had CUDA ({gpu}, CUDA {cuda}): the examples below were executed."
        ),
        "cuda_section_skipped": (
            "This build had no CUDA ({torch_build}): the examples below are shown "
            "with their code and downloads, but were not executed."
        ),
    },
    "zh_CN": {
        "produced_by": "本页的输出由本次构建实际运行产生：",
        "produced_by_short": "输出来自本次构建：torch {torch}、NumPy {numpy}",
        "downloads": "下载：",
        "download_script": "Python 源代码",
        "download_notebook": "Jupyter notebook",
        "torch_build": "torch {torch}，{cuda}",
        "cuda_version": "CUDA {cuda}",
        "no_cuda": "没有可用的 CUDA",
        "gpu_summary": "GPU：{gpu}（CUDA {cuda}）",
        "cpu_summary": "CPU：{cpu}",
        "not_executed_title": "本次构建未运行此示例",
        "not_executed": "本次构建关闭了示例运行，因此下方只显示代码，没有输出。",
        "needs_cuda_title": "需要 CUDA：本次构建未运行此示例",
        "needs_cuda": (
            "此示例需要带 CUDA 的 NVIDIA GPU。构建本页的机器没有 GPU"
            "（{torch_build}），因此下方代码没有在这里运行。"
            "线上站点在 GPU 机器上构建，那里的本页会显示 CUDA 的真实输出。"
        ),
        "gpu_output": "每个代码块下方是兼容性网格中的 GPU 机器针对本页当前版本记录的输出（{label}）。",
        "no_gpu_output": "本页当前版本还没有记录过 GPU 输出，因此这里不显示输出。",
        "hosted_link": "在线上站点阅读本页。",
        "cuda_section_executed": "本次构建有 CUDA（{gpu}，CUDA {cuda}）：下列示例均已运行。",
        "cuda_section_skipped": (
            "本次构建没有 CUDA（{torch_build}）：下列示例只展示代码和下载链接，没有运行。"
        ),
    },
}


def wording_for(language: str | None) -> dict[str, str]:
    """Return the wording for a Sphinx ``language`` value, falling back to English."""
    return WORDING.get(language, WORDING["en"])


#: Sentences of the compatibility grid (compatibility.py), per language.
COMPATIBILITY_WORDING = {
    "en": {
        "heading": "Compatibility:",
        "sentence_gap": " ",
        "checked_on": (
            "checked on torch {torch}, NumPy {numpy}{libraries}{gpu} ({count} {environments}, {date})."
        ),
        "with_gpu": ", on a GPU among them",
        "with_gpu_only": ", on a GPU",
        "without_gpu": "",
        "environment_one": "environment",
        "environment_many": "environments",
        "and": " and ",
        "list_separator": ", ",
        "library_separator": "; ",
        "needs_gpu_cell": "needs CUDA: no GPU environment has checked it yet.",
        "not_run": "Checks skipped where {library} is not installed: {count} {environments}.",
        "never_checked": "not checked in any environment of the grid yet.",
        "stale": "Not re-checked since this page's code changed: {count} {environments}.",
        "see_grid": "All environments.",
        "fails_with": "Fails with {environment} (cell {cell}):",
        "at_line": "line {line},",
        "page": "Page",
        "legend": (
            "✓ passed · ✗ failed (see below) · — not run: needs CUDA · "
            "○ not run: a library the page needs (CuPy, JAX) is not installed · "
            "stale: not re-checked since the page's code changed · · no result"
        ),
        "mark_stale": "stale",
        "environments": "Environments",
        "environment_line": ": {details}, checked {date}",
        "failures": "Failures",
        "range_torch": "torch {torch_oldest} to {torch_newest}.",
        "range_numpy": "NumPy {numpy}.",
        "range_python": "Python {python}.",
    },
    "zh_CN": {
        "heading": "兼容性：",
        "sentence_gap": "",
        "checked_on": "已在 torch {torch}、NumPy {numpy}{libraries}{gpu}上检查（{count} {environments}，{date}）。",
        "with_gpu": "（其中包括 GPU 环境）",
        "with_gpu_only": "（GPU 环境）",
        # A space between a version number and the Chinese that follows it.
        "without_gpu": " ",
        "environment_one": "个环境",
        "environment_many": "个环境",
        "and": " 和 ",
        "list_separator": "、",
        "library_separator": "，",
        "needs_gpu_cell": "需要 CUDA：还没有 GPU 环境检查过本页。",
        "not_run": "未安装 {library}，检查被跳过：{count} {environments}。",
        "never_checked": "兼容性网格中还没有任何环境检查过本页。",
        "stale": "本页代码修改后尚未重新检查：{count} {environments}。",
        "see_grid": "查看全部环境。",
        "fails_with": "在 {environment}（单元 {cell}）上失败：",
        "at_line": "第 {line} 行，",
        "page": "页面",
        "legend": "✓ 通过 · ✗ 失败（见下文）· — 未运行：需要 CUDA · ○ 未运行：未安装本页所需的库（CuPy、JAX）· 过期：本页代码修改后尚未重新检查 · · 无结果",
        "mark_stale": "过期",
        "environments": "环境",
        "environment_line": "：{details}，检查于 {date}",
        "failures": "失败详情",
        "range_torch": "torch {torch_oldest} 至 {torch_newest}。",
        "range_numpy": "NumPy {numpy}。",
        "range_python": "Python {python}。",
    },
}


def compatibility_wording(language: str | None) -> dict[str, str]:
    return COMPATIBILITY_WORDING.get(language, COMPATIBILITY_WORDING["en"])


def untranslated(node: nodes.Element) -> nodes.Element:
    """Keep a generated node out of the gettext catalogs: its text comes from here."""
    for element in node.findall(nodes.TextElement):
        element["translatable"] = False
    return node
