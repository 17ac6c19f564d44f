"""Edit and view links of gallery pages lead to the example script."""

from __future__ import annotations

from pathlib import Path

from .gallery import example_source


def link_gallery_pages_to_their_scripts(app, pagename, templatename, context, doctree):
    """Point furo's edit and view links at ``examples/…`` instead of generated reST."""
    script = example_source(app.srcdir, app.config, pagename)
    options = app.config.html_theme_options
    repository = options.get("source_repository", "").rstrip("/")
    branch = options.get("source_branch", "main")
    if script is None or not repository:
        return
    path = script.relative_to(Path(app.confdir).resolve()).as_posix()
    context["theme_source_edit_link"] = f"{repository}/edit/{branch}/{path}"
    context["theme_source_view_link"] = f"{repository}/blob/{branch}/{path}"
