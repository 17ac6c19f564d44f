"""Helpers for the browser tests: a local HTTP server, Chromium, colour contrast."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# The Chromium that .ci/run installs, else a full one. The headless shell is
# Chromium's engine without the desktop browser around it (what Playwright's own
# headless runs use), so it comes first. They are looked for on PATH, then in
# /usr/bin; CHROMIUM_SEARCH_PATH, where set, is the only place looked in.
SYSTEM_CHROMIUMS = ("chromium-headless-shell", "chromium")
# What the browser tests say, and all they say, where neither that Chromium nor
# Playwright's own is installed.
INSTALL_CHROMIUM = (
    "The browser tests need Chromium: install Debian's headless shell "
    "(apt-get install chromium-headless-shell, as .ci/run does) or Playwright's "
    "own (python -m playwright install chromium), or leave them out with "
    "-m 'not browser'."
)
# Flags for a system Chromium (Playwright starts its own with its defaults).
SYSTEM_CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Every host name except the local server's fails to resolve, so a page that
# reaches for the network fails visibly instead of quietly depending on it.
LOCAL_ONLY_ARG = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"


def system_chromium() -> str | None:
    """The Chromium that .ci/run installs with apt-get, or None."""
    search = os.environ.get(
        "CHROMIUM_SEARCH_PATH",
        os.pathsep.join([os.environ.get("PATH", ""), "/usr/bin"]),
    )
    for name in SYSTEM_CHROMIUMS:
        found = shutil.which(name, path=search)
        if found:
            return found
    return None


def launch_chromium(playwright):
    """Headless Chromium: the system's when installed, else Playwright's own."""
    executable = system_chromium()
    if executable:
        return playwright.chromium.launch(
            executable_path=executable,
            headless=True,
            args=[*SYSTEM_CHROMIUM_ARGS, LOCAL_ONLY_ARG],
        )
    return playwright.chromium.launch(headless=True, args=[LOCAL_ONLY_ARG])


def has_chromium() -> bool:
    """Whether launch_chromium finds a Chromium (Playwright's is tried at once)."""
    if system_chromium():
        return True
    from playwright.sync_api import Error, sync_playwright

    with sync_playwright() as playwright:
        try:
            launch_chromium(playwright).close()
        except Error as error:
            if "Executable doesn't exist" in str(error):
                return False
            raise
    return True


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1 with a free port; yield the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


# -- WCAG 2.x contrast --------------------------------------------------------


def parse_css_color(value: str) -> tuple[float, float, float, float]:
    """``rgb(r, g, b)`` / ``rgba(r, g, b, a)`` (what getComputedStyle returns)."""
    value = value.strip()
    if value == "transparent":
        return (0.0, 0.0, 0.0, 0.0)
    if not value.startswith(("rgb(", "rgba(")):
        raise ValueError(f"unexpected computed colour {value!r}")
    inside = value[value.index("(") + 1 : value.rindex(")")]
    parts = [p for p in inside.replace("/", " ").replace(",", " ").split() if p]
    r, g, b = (float(p) for p in parts[:3])
    a = float(parts[3]) if len(parts) > 3 else 1.0
    return (r, g, b, a)


def relative_luminance(rgb: tuple[float, float, float]) -> float:
    def channel(c: float) -> float:
        c /= 255.0
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(
    foreground: tuple[float, float, float], background: tuple[float, float, float]
) -> float:
    lighter, darker = sorted(
        (relative_luminance(foreground), relative_luminance(background)), reverse=True
    )
    return (lighter + 0.05) / (darker + 0.05)


def composite(
    top: tuple[float, float, float, float], bottom: tuple[float, float, float]
) -> tuple[float, float, float]:
    """``top`` painted with its alpha over the opaque ``bottom``."""
    alpha = top[3]
    return tuple(
        alpha * t + (1 - alpha) * b for t, b in zip(top[:3], bottom, strict=True)
    )  # type: ignore[return-value]


# In the page: the element's text colour, and the background colours from the
# element up to the first opaque one (the canvas is white if none is opaque).
COLORS_JS = """
(element) => {
  const text = getComputedStyle(element).color;
  const layers = [];
  for (let node = element; node; node = node.parentElement) {
    const background = getComputedStyle(node).backgroundColor;
    layers.push(background);
    const alpha = background.startsWith("rgba") ? parseFloat(background.split(",")[3]) : 1;
    if (background !== "transparent" && alpha >= 1) break;
  }
  return {text, layers};
}
"""


def effective_colors(
    text: str, layers: list[str]
) -> tuple[tuple[float, float, float], tuple[float, float, float]]:
    """Text and background as the reader sees them, translucency resolved."""
    background = (255.0, 255.0, 255.0)
    for layer in reversed(layers):
        background = composite(parse_css_color(layer), background)
    foreground = composite(parse_css_color(text), background)
    return foreground, background
