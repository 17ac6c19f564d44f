"""Run sphinx-build, then leave without the interpreter's teardown.

    python tools/sphinx_build.py [SPHINX-BUILD ARGS ...]

The same command line as ``python -m sphinx``. Once a build has written
everything, Python would still free the environment's objects one by one and
finalise every module it imported, torch's among them, with nothing left to
write: on a build with nothing to do, that teardown is the largest part. Like
mypy, this leaves with ``os._exit`` once the output streams are flushed. Every file Sphinx writes is closed by then, and the notebooks'
kernels are shut down; the example workers (joblib's, which sphinx-gallery
keeps for reuse) are shut down here, as the teardown would have done.
"""

from __future__ import annotations

import os
import sys

from sphinx.cmd.build import main


def stop_example_workers() -> None:
    if "joblib" not in sys.modules:
        return
    from joblib.externals.loky import reusable_executor

    executor = getattr(reusable_executor, "_executor", None)
    if executor is not None:
        executor.shutdown(wait=True)


if __name__ == "__main__":
    status = main(sys.argv[1:])
    stop_example_workers()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)
