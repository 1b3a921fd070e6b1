"""The website, as Markdown pages with front matter for the site engine (see ``engine``).

Nothing here knows about MkDocs: it writes ``docs/<lang>/<id>/<page>.md`` and a description of
each page in front matter, which the theme templates in ``overrides/`` read.
"""

from __future__ import annotations

import posixpath
from dataclasses import asdict
from pathlib import Path
from typing import Any

from markupsafe import Markup

from ..campaign_values import campaign_placeholders
from ..context import LocalContext, Material, PageContext, SiteContext, municipality_values
from ..manifest import Manifest
from ..texts import PageTemplates
from ..theme_context import exit_target, local_key
from .markdown import write_page


class WebRenderer:
    name = "web"

    def render(self, site: SiteContext, manifest: Manifest, out: Path) -> None:
        docs = out / "docs"
        templates = PageTemplates()
        for local in site.building:
            shared = _local_values(site, local, manifest.materials_of(local.municipality.id, local.lang))
            for page in local.pages:
                body = templates.render(page.source, {**shared, **_page_links(page)})
                write_page(docs / page.lang / _md_path(page), front_matter(local, page), body)


def _md_path(page: PageContext) -> str:
    return f"{page.municipality}/{page.key}.md"


def _local_values(site: SiteContext, local: LocalContext, made: list[Material]) -> dict[str, Any]:
    """The placeholders every page of one municipality and language shares (worked out once)."""
    return {"m": municipality_values(local), "national": local.national, "laws": local.laws, "s": local.strings,
            "pages": {p.key: p.source.title for p in local.pages}, "lang": local.lang,
            "materials": [asdict(item) for item in made], "exit": exit_target(site),
            **campaign_placeholders(local, made)}


def _page_links(page: PageContext) -> dict[str, Any]:
    here = _md_path(page)

    def link(key: str) -> Markup:
        # Relative links to the .md source let the engine check every link in strict mode.
        return Markup(posixpath.relpath(f"{page.municipality}/{key}.md", posixpath.dirname(here)))

    def site_link(site_path: str) -> Markup:
        # Files (PDF, PNG) are not pages: link to them relative to this page's URL.
        relative = posixpath.relpath(site_path, page.path)
        return Markup(relative + "/" if site_path.endswith("/") else relative)

    return {"link": link, "site_link": site_link}


def front_matter(local: LocalContext, page: PageContext) -> dict[str, Any]:
    """Only what differs per page: the rest is shared per municipality in ``theme_data``.

    Keeping front matter small matters at national scale: it is parsed once per page.
    """
    return {"title": page.source.title, "description": page.source.description,
            "tryggest": {"local": local_key(local), "page": page.key, "path": page.path}}
