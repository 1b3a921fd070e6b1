"""The portal's own pages: the front page (find your municipality) and one page per region.

At national scale the front page lists every municipality once, grouped by county in Norwegian
order, with its TryggEst number; a filter box (plain JavaScript, no server) narrows the list.
"""

from __future__ import annotations

import posixpath
from html import escape
from pathlib import Path
from typing import Any

from ..collation import norwegian_key
from ..context import SiteContext
from ..escape import markdown_text
from ..manifest import Manifest
from ..model import Municipality, Region
from ..urls import REGION_DIR, region_path, site_languages, site_prefix
from .markdown import write_page


class PortalRenderer:
    name = "portal"

    def render(self, site: SiteContext, manifest: Manifest, out: Path) -> None:
        for lang in site_languages(site):
            prefix = site_prefix(site, lang)
            strings = site.texts[lang].strings
            body = "\n".join([strings["portal_intro"], "", *_finder(strings), *_regions(site, lang, prefix),
                              *_counties(site, lang, prefix)])
            front = {"title": strings["portal_title"], "description": strings["portal_description"],
                     "tryggest": {"local": None, "portal": lang, "page": "portal", "path": prefix}}
            write_page(out / "docs" / lang / "index.md", front, body)
            for region in site.project.portal.regions:
                _region_page(site, lang, region, out)


def _finder(strings: dict[str, Any]) -> list[str]:
    texts = strings["portal"]
    # Hidden until the script shows it: without JavaScript the full list is the way to find it.
    return [
        '<div class="tg-finder" data-tg-finder hidden>',
        f'<label for="tg-filter">{escape(texts["filter_label"])}</label>',
        '<input id="tg-filter" type="search" autocomplete="off" spellcheck="false" aria-describedby="tg-filter-count">',
        f'<p id="tg-filter-count" role="status" data-count-text="{escape(texts["filter_count"])}" '
        f'data-none-text="{escape(texts["filter_none"])}"></p>',
        "</div>", ""]


def _regions(site: SiteContext, lang: str, prefix: str) -> list[str]:
    regions = sorted(site.project.portal.regions, key=lambda r: norwegian_key(r.name))
    if not regions:
        return []
    texts = site.texts[lang].strings["portal"]
    items = [f"- [{markdown_text(r.name)}]({REGION_DIR}/{r.id}/) – {texts['region_members'].format(count=len(r.members))}"
             for r in regions]
    return [f"## {texts['regions_heading']}", "", *items, ""]


def _counties(site: SiteContext, lang: str, prefix: str) -> list[str]:
    counties: dict[str, list[Municipality]] = {}
    for municipality in site.project.municipalities.values():
        counties.setdefault(municipality.county, []).append(municipality)
    lines = [f"## {site.texts[lang].strings['portal']['counties_heading']}", ""]
    for county in sorted(counties, key=norwegian_key):
        members = sorted(counties[county], key=lambda m: norwegian_key(m.name))
        lines += [f"### {markdown_text(county)}", "", '<ul class="tg-municipalities">',
                  *(_item(site, m, lang, prefix) for m in members), "</ul>", ""]
    return lines


def _item(site: SiteContext, municipality: Municipality, lang: str, origin: str) -> str:
    phone = municipality.contact.phone
    number = f' <span class="tg-number">{municipality.number}</span>' if municipality.number else ""
    label = str(markdown_text(municipality.name)) + number
    search = escape(" ".join([municipality.name, municipality.id, municipality.county, municipality.number or "",
                              *municipality.official_names.values()]).casefold())
    call = escape(site.texts[lang].strings["portal"]["call"])
    return (f'<li data-search="{search}"><a href="{_link(site, municipality, lang, origin)}">{label}</a> '
            f'<a class="tg-phone" href="{phone.tel}">{call} {phone.display}</a></li>')


def _link(site: SiteContext, municipality: Municipality, lang: str, origin: str) -> str:
    """Relative URL from a portal page to the municipality, in ``lang`` when it has that language."""
    # URLs, not .md links: an incremental build has only some municipalities' pages to check against.
    languages = site.project.languages_of(municipality)
    target = site.local(municipality.id, lang if lang in languages else languages[0])
    return posixpath.relpath(target.home_path, origin or ".") + "/"


def _region_page(site: SiteContext, lang: str, region: Region, out: Path) -> None:
    strings = site.texts[lang].strings
    texts = strings["portal"]
    path = region_path(site, lang, region.id)
    members = sorted((site.project.municipalities[mid] for mid in region.members), key=lambda m: norwegian_key(m.name))
    body = [f"# {markdown_text(region.name)}", "", texts["region_intro"], "", '<ul class="tg-municipalities">',
            *(_item(site, m, lang, path) for m in members), "</ul>", ""]
    front = {"title": region.name, "description": texts["region_description"].format(region=region.name),
             "tryggest": {"local": None, "portal": lang, "page": "region", "path": path}}
    write_page(out / "docs" / lang / REGION_DIR / f"{region.id}.md", front, "\n".join(body))
