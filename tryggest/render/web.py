"""The website, as Markdown pages with front matter for the site engine (see ``engine``).

Nothing here knows about MkDocs: it writes ``docs/<lang>/<id>/<page>.md`` and a description of
each page in front matter, which the theme templates in ``overrides/`` read.
"""

from __future__ import annotations

import json
import posixpath
from dataclasses import asdict
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import holidays
import yaml

from ..context import LocalContext, PageContext, SiteContext, municipality_values
from ..texts import render_page, template_environment

LANGUAGE_NAMES = {"nb": "Norsk (bokmål)", "nn": "Norsk (nynorsk)", "en": "English", "se": "Davvisámegiella"}


class WebRenderer:
    name = "web"

    def render(self, site: SiteContext, out: Path) -> None:
        docs = out / "docs"
        env = template_environment()
        holiday_dates = public_holidays(site)
        for local in site.locals:
            values = municipality_values(local)
            for page in local.pages:
                body = render_page(env, page.source, _template_values(site, local, page, values))
                front = front_matter(site, local, page, values, holiday_dates)
                _write(docs / page.lang / _md_path(page), front, body)


def _md_path(page: PageContext) -> str:
    return f"{page.municipality}/{page.key}.md"


def _template_values(site: SiteContext, local: LocalContext, page: PageContext,
                     values: dict[str, Any]) -> dict[str, Any]:
    here = _md_path(page)

    def link(key: str) -> str:
        # Relative links to the .md source let the engine check every link in strict mode.
        return posixpath.relpath(f"{page.municipality}/{key}.md", posixpath.dirname(here))

    def site_link(site_path: str) -> str:
        # Files (PDF, PNG) are not pages: link to them relative to this page's URL.
        relative = posixpath.relpath(site_path, page.path)
        return relative + "/" if site_path.endswith("/") else relative

    materials = [asdict(item) for item in site.materials_of(local.municipality.id, local.lang)]
    return {"m": values, "national": local.national, "s": local.strings, "link": link, "site_link": site_link,
            "pages": {p.key: p.source.title for p in local.pages}, "lang": local.lang, "materials": materials,
            "exit": exit_target(site)}


def public_holidays(site: SiteContext) -> list[str]:
    """Norwegian public holidays this year and next, for the browser's "open now" line."""
    years = [site.build_date.year, site.build_date.year + 1]
    return sorted(d.isoformat() for d in holidays.country_holidays("NO", years=years))


def front_matter(site: SiteContext, local: LocalContext, page: PageContext, values: dict[str, Any],
                 holiday_dates: list[str]) -> dict[str, Any]:
    menu = sorted((p for p in local.pages if p.source.menu), key=lambda p: (p.source.order, p.key))
    return {
        "title": page.source.title,
        "description": page.source.description,
        "tryggest": {
            "lang": local.lang,
            "page": page.key,
            "municipality": {k: values[k] for k in ("id", "name", "phone", "hours", "example",
                                                    "closed_on_public_holidays", "accent")},
            "open_data": json.dumps({"hours": values["hours_data"],
                                     "holidays": holiday_dates if values["closed_on_public_holidays"] else []},
                                    separators=(",", ":")),
            "nav": [{"title": p.source.title, "path": p.path, "current": p.key == page.key} for p in menu],
            "alternates": alternates(site, local, page),
            "canonical": local.base_url + page.path,
            "home": local.home_path,
            "ui": local.strings["ui"],
            "safety": safety_front(site, local.strings),
            "accessibility_statement": local.municipality.accessibility_statement,
        },
    }


def alternates(site: SiteContext, local: LocalContext, page: PageContext) -> list[dict[str, Any]]:
    """Every language of this municipality; where this page is not translated, its home page.

    A reader who picks a language is never sent to a missing page.
    """
    out = []
    for lang in site.project.languages_of(local.municipality):
        other = site.local(local.municipality.id, lang)
        target = next((p for p in other.pages if p.key == page.key), None)
        path = target.path if target else other.home_path
        out.append({"lang": lang, "name": LANGUAGE_NAMES[lang], "path": path, "exact": target is not None,
                    "href": local.base_url + path, "current": lang == local.lang})
    return out


def _write(path: Path, front: dict[str, Any], body: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    head = yaml.safe_dump(front, allow_unicode=True, sort_keys=True, width=1000)
    path.write_text(f"---\n{head}---\n\n{body}", encoding="utf-8")


class PortalIndexRenderer:
    """The portal's front page per language: every municipality, grouped by county, in Norwegian order."""

    name = "portal-index"

    def render(self, site: SiteContext, out: Path) -> None:
        from ..collation import norwegian_key

        portal = site.project.portal.portal
        for lang in site.texts:
            strings = site.texts[lang].strings
            counties: dict[str, list[str]] = {}
            for m in site.project.municipalities.values():
                home = _portal_link(site, m.id, lang)
                label = m.name + (f" ({m.number})" if m.number else "")
                counties.setdefault(m.county, []).append(f"- [{label}]({home})")
            lines = [strings["portal_intro"], ""]
            for county in sorted(counties, key=norwegian_key):
                items = sorted(counties[county], key=lambda item: norwegian_key(item.split("](")[0]))
                lines += [f"## {county}", "", *items, ""]
            prefix = "" if lang == portal.languages[0] else f"{lang}/"
            front = {"title": strings["portal_title"], "description": strings["portal_description"],
                     "tryggest": {"lang": lang, "page": "portal", "municipality": None, "home": prefix,
                                  "canonical": portal.base_url + prefix, "ui": strings["ui"], "nav": [],
                                  "safety": safety_front(site, strings),
                                  "accessibility_statement": None,
                                  "alternates": _portal_alternates(site, lang)}}
            _write(out / "docs" / lang / "index.md", front, "\n".join(lines))


def _portal_link(site: SiteContext, mid: str, lang: str) -> str:
    """Link from the portal page of ``lang`` to the municipality, in ``lang`` when it has it."""
    languages = site.project.languages_of(site.project.municipalities[mid])
    if lang in languages:
        return f"{mid}/index.md"
    here = site.local(mid, languages[0])
    default = site.project.portal.portal.languages[0]
    origin = "" if lang == default else f"{lang}/"
    return posixpath.relpath(here.home_path, origin or ".") + "/"


def _portal_alternates(site: SiteContext, current: str) -> list[dict[str, Any]]:
    portal = site.project.portal.portal
    out = []
    for lang in [*portal.languages, *sorted(set(site.texts) - set(portal.languages))]:
        path = "" if lang == portal.languages[0] else f"{lang}/"
        out.append({"lang": lang, "name": LANGUAGE_NAMES[lang], "path": path, "exact": True,
                    "href": portal.base_url + path, "current": lang == current})
    return out


def page_defaults(site: SiteContext) -> dict[str, Any]:
    """What the theme shows on pages the generator did not write, such as the 404 page."""
    portal = site.project.portal.portal
    lang = portal.languages[0]
    return {"lang": lang, "page": "404", "municipality": None, "home": "", "canonical": portal.base_url,
            "ui": site.texts[lang].strings["ui"], "nav": [], "accessibility_statement": None,
            "alternates": [], "safety": safety_front(site, site.texts[lang].strings)}


def exit_target(site: SiteContext) -> dict[str, str]:
    """Where the quick-exit button goes, for page texts that explain it: the URL and the bare host."""
    url = site.project.portal.portal.exit_url
    host = urlsplit(url).hostname or url
    return {"url": url, "site": host.removeprefix("www.")}


def safety_front(site: SiteContext, strings: dict[str, Any]) -> dict[str, Any]:
    """The quick-exit button's target and its labels, for the theme's partials/tryggest-exit.html."""
    return {**strings["safety"], "exit_url": site.project.portal.portal.exit_url}
