"""Build the site: every language edition, strict, published only when the build passed.

``nox -s docs`` runs this; so do the tests and the benchmark. Usage::

    python tools/build_site.py [--require-cuda] [--language LANG ...] [SPHINX-BUILD ARGS ...]

Each edition is built into ``_build/work/html/LANG`` (kept between builds, so
rebuilds are incremental) and copied to ``_build/html/LANG`` only when
sphinx-build succeeded. After a failed build, ``_build/html`` still holds the
last good build, untouched. Arguments this script does not know go to
sphinx-build unchanged, so an unknown option fails there, by name.
"""

from __future__ import annotations

import argparse
import ast
import shutil
import string
import subprocess
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT / "docs" / "_ext"))  # the site's own modules

from site_location import site_location  # noqa: E402

# The pages at the site's root, above the editions' folders.
SITE_ROOT_PAGES = Path(__file__).with_name("site_root")


def literal_setting(name: str, root: Path = REPO_ROOT):
    """A setting that conf.py assigns a literal to, read without running conf.py."""
    tree = ast.parse((root / "conf.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == name
            for target in node.targets
        ):
            return ast.literal_eval(node.value)
    raise KeyError(f"conf.py assigns no literal to {name}")


def editions(root: Path = REPO_ROOT) -> list[str]:
    """The site's editions, the source language first (conf.py's site_languages)."""
    return list(literal_setting("site_languages", root))


def hosted_path(hosted_url: str) -> str:
    """The URL path under which the hosted site lives (``/`` for a local build)."""
    path = "/" + hosted_url.split("://", 1)[-1].partition("/")[2].strip("/")
    return path.rstrip("/") + "/"


SITEMAP_INDEX = """<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
{entries}</sitemapindex>
"""

ROBOTS = """User-agent: *
Allow: /

Sitemap: {hosted}/sitemap.xml
"""


def write_sitemap_index(html: Path, hosted_url: str, languages: list[str]) -> None:
    """List every published edition's sitemap at the root, and point robots.txt at it.

    Crawlers read robots.txt only at the root of a host: it takes effect where
    the site is served from a domain's root (a custom domain or a user site).
    For a project site under a path, submit the sitemap to the search engines.
    """
    index, robots = html / "sitemap.xml", html / "robots.txt"
    editions = sorted(
        path.parent.name
        for path in html.glob("*/sitemap.xml")
        if path.parent.name in languages
    )
    if not hosted_url or not editions:
        index.unlink(missing_ok=True)
        robots.unlink(missing_ok=True)
        return
    hosted = hosted_url.rstrip("/")
    entries = "".join(
        f"  <sitemap><loc>{hosted}/{edition}/sitemap.xml</loc></sitemap>\n"
        for edition in editions
    )
    index.write_text(SITEMAP_INDEX.format(entries=entries))
    robots.write_text(ROBOTS.format(hosted=hosted))


# What a build needs from the repository (for copies: tests, benchmark).
# requirements.txt: the pins that the Compatibility lines name for cells that keep them.
SITE_SOURCES = (
    "conf.py",
    "requirements.txt",
    "compatibility",
    "docs",
    "examples",
    "tools",
)


def ignore_build_products(folder: str, names: list[str]) -> set[str]:
    """Skip build products; ``docs/auto_examples`` only, not catalogs of that name."""
    ignored = {"_build", "__pycache__", ".jupyter_cache"}
    ignored |= {name for name in names if name.endswith(".mo")}
    if Path(folder).name == "docs":
        ignored |= {"auto_examples", "gen_modules"}
    return ignored & set(names)


def copy_site_sources(destination: Path, source: Path = REPO_ROOT) -> Path:
    """Copy the site's sources, without any build product, into ``destination``."""
    destination.mkdir(parents=True, exist_ok=True)
    for name in SITE_SOURCES:
        path = source / name
        if path.is_dir():
            shutil.copytree(path, destination / name, ignore=ignore_build_products)
        else:
            shutil.copy2(path, destination / name)
    return destination


def available_languages(root: Path = REPO_ROOT) -> list[str]:
    """The source language, plus every edition that has a catalog folder."""
    source = literal_setting("language", root)
    return [
        language
        for language in editions(root)
        if language == source or (root / "docs" / "locale" / language).is_dir()
    ]


def sphinx_command(
    root: Path, language: str, extra: list[str], require_cuda: bool
) -> list[str]:
    """sphinx-build for one edition (tools/sphinx_build.py: python -m sphinx, quicker to exit)."""
    command = [
        sys.executable, str(Path(__file__).with_name("sphinx_build.py")),
        "-b", "html",
        "-c", str(root),  # conf.py sits at the repository root
        str(root / "docs"),
        str(root / "_build" / "work" / "html" / language),
        "-d", str(root / "_build" / "doctrees" / language),  # one environment per edition
        "-n",  # nitpicky: warn about every reference that does not resolve
        "-W",  # warnings are errors
        "--keep-going",  # report every problem before failing
        "-D", f"language={language}",
    ]  # fmt: skip
    if require_cuda:
        command += ["-D", "executed_gallery_require_cuda=1"]
    return command + extra


def publish(root: Path, language: str) -> None:
    """Replace ``_build/html/LANG`` with the freshly built edition, all at once."""
    built = root / "_build" / "work" / "html" / language
    published = root / "_build" / "html" / language
    incoming = published.with_name(f".{language}.incoming")
    outgoing = published.with_name(f".{language}.outgoing")
    for leftover in (incoming, outgoing):
        shutil.rmtree(leftover, ignore_errors=True)
    shutil.copytree(built, incoming, ignore=shutil.ignore_patterns(".doctrees"))
    if published.exists():
        published.rename(outgoing)
    incoming.rename(published)
    shutil.rmtree(outgoing, ignore_errors=True)
    html = root / "_build" / "html"
    shutil.copyfile(SITE_ROOT_PAGES / "index.html", html / "index.html")
    # GitHub Pages answers every unknown URL with the 404.html at the site root.
    template = string.Template((SITE_ROOT_PAGES / "404.html").read_text())
    hosted_url = site_location().hosted_url
    not_found = template.substitute(base=hosted_path(hosted_url))
    (html / "404.html").write_text(not_found)
    (html / ".nojekyll").touch()
    write_sitemap_index(html, hosted_url, editions(root))


def build(languages: list[str] | None, extra: list[str], require_cuda: bool) -> int:
    """Build and publish each edition in turn; return sphinx-build's exit status."""
    from executed_gallery import environment  # its own test, before Sphinx starts

    if require_cuda and not environment.has_cuda(environment.current()):
        print(
            "build_site: --require-cuda was given, but torch sees no CUDA device "
            "on this machine. Nothing was built.",
            file=sys.stderr,
        )
        return 2
    root = REPO_ROOT
    for index, language in enumerate(languages or available_languages(root)):
        started = time.perf_counter()
        command = sphinx_command(root, language, extra, require_cuda)
        if index > 0:
            # The first edition ran every example and notebook, so this one only
            # reads cached outputs: Sphinx can read and write with every core.
            command += ["-j", "auto"]
        status = subprocess.call(command, cwd=root)
        if status != 0:
            print(
                f"build_site: the {language} edition failed (exit {status}). "
                f"_build/html/{language} still holds the last good build.",
                file=sys.stderr,
            )
            return status
        publish(root, language)
        seconds = time.perf_counter() - started
        print(
            f"build_site: {language} edition built in {seconds:.1f} s -> _build/html/{language}/"
        )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--require-cuda",
        action="store_true",
        help="fail at once without CUDA, and fail if any CUDA example did not run",
    )
    parser.add_argument(
        "--language",
        action="append",
        choices=editions(),
        help="build only this edition (repeatable); default: every edition",
    )
    options, extra = parser.parse_known_args(argv)
    return build(options.language, extra, options.require_cuda)


if __name__ == "__main__":
    sys.exit(main())
