"""Running notebooks as Colab would: top to bottom, each in a kernel of its own."""

from __future__ import annotations

import asyncio
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from run_examples import example_scripts
from site_builds import FROM_NUMPY_PAGE, example_page

# The pages whose Colab notebooks run in a kernel (tests/test_notebooks.py): the
# three reference pages, whose notebooks our own code writes (docs/_ext/colab.py),
# one example, for sphinx-gallery's notebook with the runtime check in front, and
# one CUDA example, which stops in its first cell where there is no CUDA. The
# other examples' notebooks are the same check in front of their scripts' code
# blocks (tests/test_site.py), and each script's own run prints what its page
# shows (tests/test_examples.py).
KERNEL_PAGES = (
    FROM_NUMPY_PAGE,
    example_page(example_scripts(cuda_only=True)[0]),
    "quick-reference.html",
    "conversion-matrix.html",
    "dtypes.html",
)


def python3_kernel_spec(kernels: Path) -> Path:
    """``kernels``, now holding a ``python3`` kernel spec for this interpreter,
    whatever else is installed."""
    from ipykernel.kernelspec import write_kernel_spec

    write_kernel_spec(kernels / "python3")
    return kernels


def notebook_client(notebook, kernel_specs: Path, workdir: Path, cells=None):
    from jupyter_client import AsyncKernelManager
    from jupyter_client.kernelspec import KernelSpecManager
    from nbclient import NotebookClient

    if cells is not None:
        notebook.cells = notebook.cells[:cells]
    specs = KernelSpecManager(kernel_dirs=[str(kernel_specs)])
    manager = AsyncKernelManager(kernel_name="python3", kernel_spec_manager=specs)
    return NotebookClient(
        notebook,
        km=manager,
        timeout=120,
        resources={"metadata": {"path": str(workdir)}},
    )


def run_notebooks(notebooks: dict, workdir: Path, cells=None) -> dict:
    """Run notebooks top to bottom, each in its own kernel and folder, as many at
    a time as there are cores. Returns each one's error (CellExecutionError,
    naming the cell), or None where it ran through; the notebooks keep their
    outputs."""
    kernel_specs = python3_kernel_spec(workdir / "kernels")

    async def run_all():
        slots = asyncio.Semaphore(os.cpu_count() or 1)

        async def run(name, notebook):
            folder = workdir / name.replace("/", "_")
            folder.mkdir(parents=True)
            async with slots:
                client = notebook_client(notebook, kernel_specs, folder, cells)
                try:
                    await client.async_execute()
                except Exception as error:  # reported by the test that reads it
                    return error
                finally:  # the client leaves a kernel it did not start running
                    if client.km.has_kernel:
                        await client.km.shutdown_kernel(now=True)
            return None

        errors = await asyncio.gather(*(run(*item) for item in notebooks.items()))
        return dict(zip(notebooks, errors, strict=True))

    # In a thread of its own: Playwright's sync API keeps an event loop running
    # in the tests' thread.
    with ThreadPoolExecutor(max_workers=1) as thread:
        return thread.submit(asyncio.run, run_all()).result()


def run_edition_notebooks(
    site_html: Path, edition: str, workdir: Path, pages=KERNEL_PAGES
) -> dict:
    """The notebooks of these pages of an edition run top to bottom, keyed by
    their paths under ``site_html``: (the notebook with its outputs, its error or
    None)."""
    import nbformat

    folder = site_html / edition / "notebooks"
    notebooks = {
        path.relative_to(site_html).as_posix(): nbformat.read(path, as_version=4)
        for path in sorted(folder.rglob("*.ipynb"))
        if path.relative_to(folder).with_suffix(".html").as_posix() in pages
    }
    errors = run_notebooks(notebooks, workdir)
    return {name: (notebooks[name], errors[name]) for name in notebooks}
