"""Link every page to the same page in the site's other language editions.

Also gives each edition its own base URL (``site_url/LANG/``), so that the
canonical link of a Chinese page names the Chinese page, and puts in every
page's head a ``<link rel="alternate" hreflang>`` for each edition and for
``x-default`` (English), absolute on the hosted site (the sitemap lists the same).

Each edition is built into a sibling folder (``_build/html/en``,
``_build/html/zh_CN``), so the same page in another edition is found by going up
to the site root and down again. The links are relative, so they work on the
hosted site, from a local build, and behind any URL prefix.
"""

from __future__ import annotations

from sphinx.application import Sphinx


def language_links(
    pagename: str, current: str, languages: dict[str, str]
) -> list[dict]:
    """Return, for each edition, its name and the URL of this page in it."""
    to_site_root = "../" * (pagename.count("/") + 1)
    return [
        {
            "code": code,
            "name": name,
            "url": f"{to_site_root}{code}/{pagename}.html",
            "hreflang": code.replace("_", "-"),
            "current": code == current,
        }
        for code, name in languages.items()
    ]


def alternates(
    pagename: str, current: str, languages: dict[str, str], site_url: str
) -> list[tuple[str, str]]:
    """``(hreflang, URL)`` of this page in every edition, and ``x-default`` (English).

    Absolute on the hosted site (as search engines want them); relative in a
    build that knows no hosted URL.
    """
    links = language_links(pagename, current, languages)
    if site_url:
        base = site_url.rstrip("/")
        urls = [
            (link["hreflang"], f"{base}/{link['code']}/{pagename}.html")
            for link in links
        ]
    else:
        urls = [(link["hreflang"], link["url"]) for link in links]
    default = next((url for lang, url in urls if lang == "en"), urls[0][1])
    return [*urls, ("x-default", default)]


def add_language_links(app: Sphinx, pagename, templatename, context, doctree) -> None:
    languages = app.config.site_languages
    if len(languages) < 2:
        return
    current = app.config.language
    context["language_links"] = language_links(pagename, current, languages)
    tags = "".join(
        f'<link rel="alternate" hreflang="{hreflang}" href="{url}">\n'
        for hreflang, url in alternates(
            pagename, current, languages, app.config.site_url
        )
    )
    context["metatags"] = context.get("metatags", "") + tags


def set_edition_base_url(app: Sphinx, config) -> None:
    if config.site_url:
        config.html_baseurl = f"{config.site_url.rstrip('/')}/{config.language}/"


def setup(app: Sphinx) -> dict:
    app.add_config_value("site_languages", {"en": "English"}, "html", types=[dict])
    # "env": pages read with one address (a CUDA page's link to its hosted
    # version, executed_gallery) must be read again when it changes.
    app.add_config_value("site_url", "", "env", types=[str])
    app.connect("config-inited", set_edition_base_url)
    app.connect("html-page-context", add_language_links)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
