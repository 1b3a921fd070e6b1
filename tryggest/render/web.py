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
from markupsafe import Markup

from ..context import LocalContext, PageContext, SiteContext, municipality_values
from ..escape import html_values
from ..structured import script_json, service_jsonld
from ..texts import PageTemplates
from ..webfonts import WEB_FONTS
from .campaign.values import campaign_placeholders
from .slides.social import og_meta, portal_og_meta


class WebRenderer:
    name = "web"

    def render(self, site: SiteContext, out: Path) -> None:
        docs = out / "docs"
        templates = PageTemplates()
        for local in site.building:
            shared = _local_values(site, local)
            for page in local.pages:
                body = templates.render(page.source, {**shared, **_page_links(page)})
                _write(docs / page.lang / _md_path(page), front_matter(local, page), body)


def _md_path(page: PageContext) -> str:
    return f"{page.municipality}/{page.key}.md"


def _local_values(site: SiteContext, local: LocalContext) -> dict[str, Any]:
    """The placeholders every page of one municipality and language shares (worked out once)."""
    materials = [asdict(item) for item in site.materials_of(local.municipality.id, local.lang)]
    return {"m": municipality_values(local), "national": local.national, "laws": local.laws, "s": local.strings,
            "pages": {p.key: p.source.title for p in local.pages}, "lang": local.lang, "materials": materials,
            "exit": exit_target(site), **campaign_placeholders(site, local)}


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


def public_holidays(site: SiteContext) -> list[str]:
    """Norwegian public holidays this year and next, for the browser's "open now" line."""
    years = [site.build_date.year, site.build_date.year + 1]
    return sorted(d.isoformat() for d in holidays.country_holidays("NO", years=years))


def front_matter(local: LocalContext, page: PageContext) -> dict[str, Any]:
    """Only what differs per page: the rest is shared per municipality in ``theme_data``.

    Keeping front matter small matters at national scale: it is parsed once per page.
    """
    return {"title": page.source.title, "description": page.source.description,
            "tryggest": {"local": local_key(local), "page": page.key, "path": page.path}}


def local_key(local: LocalContext) -> str:
    return f"{local.lang}/{local.municipality.id}"


def theme_data(site: SiteContext) -> dict[str, Any]:
    """Everything the theme templates show that is the same on every page of a municipality."""
    holiday_dates = public_holidays(site)
    languages = site_languages(site)
    return {
        "ui": {lang: texts.strings["ui"] for lang, texts in site.texts.items()},
        "safety": {lang: safety_front(site, texts.strings) for lang, texts in site.texts.items()},
        "locals": {local_key(local): _local_theme(site, local, holiday_dates) for local in site.building},
        "portals": {lang: _portal_theme(site, lang) for lang in languages},
        "scripts": {lang: _script(site, lang) for lang in languages},
        "default_language": languages[0],
        "base_url": site.project.portal.portal.base_url,   # its pattern allows no markup characters
    }


def site_languages(site: SiteContext) -> list[str]:
    """Every language the site has pages in, the portal's default language first."""
    portal_languages = list(site.project.portal.portal.languages)
    return [*portal_languages, *sorted(set(site.texts) - set(portal_languages))]


def _local_theme(site: SiteContext, local: LocalContext, holiday_dates: list[str]) -> dict[str, Any]:
    values = municipality_values(local)
    menu = sorted((p for p in local.pages if p.source.menu), key=lambda p: (p.source.order, p.key))
    return {
        "lang": local.lang,
        "base_url": local.base_url,
        # The theme's templates print these as they are: text from YAML is escaped here, once.
        "municipality": html_values({k: values[k] for k in ("id", "name", "phone", "hours", "example",
                                                            "closed_on_public_holidays", "accent")}),
        "open_data": json.dumps({"hours": values["hours_data"],
                                 "holidays": holiday_dates if values["closed_on_public_holidays"] else []},
                                separators=(",", ":")),
        "nav": [{"title": p.source.title, "path": p.path, "key": p.key} for p in menu],
        "home": local.home_path,
        "emergency": _number(local.national["politi"]),
        "helpline": _number(local.national["vold-og-overgrepslinjen"]),
        "opening_words": json.dumps(_opening_words(local.strings), ensure_ascii=False, separators=(",", ":")),
        "jsonld": script_json(service_jsonld(local, local.home_url, site.project.languages_of(local.municipality))),
        "accessibility_statement": local.municipality.accessibility_statement,
        "og": og_meta(local),
        "languages": [{"lang": lang, "name": language_name(site, lang),
                       "home": site.local(local.municipality.id, lang).home_path,
                       "pages": sorted(p.key for p in site.local(local.municipality.id, lang).pages)}
                      for lang in site.project.languages_of(local.municipality)],
    }


def language_name(site: SiteContext, lang: str) -> str:
    """What the language switcher calls a language: its own name, in its own script (meta.yml)."""
    return site.project.languages[lang].name


def _script(site: SiteContext, lang: str) -> dict[str, Any]:
    """Writing direction, draft notice and the web font a language's pages need."""
    meta = site.project.languages[lang]
    return {"dir": meta.dir, "draft_notice": meta.draft_notice if meta.status == "draft" else None,
            "font": WEB_FONTS[lang].css if lang in WEB_FONTS else None}


def _number(line: dict[str, Any]) -> dict[str, str]:
    return {"display": line["display"], "tel": line["tel"]}


def _opening_words(strings: dict[str, Any]) -> dict[str, Any]:
    """What the browser needs to write "opens Monday at 09.00" in the page's language."""
    ui = strings["ui"]
    return {"days": strings["weekdays"], "today": ui["today"], "tomorrow": ui["tomorrow"],
            "sep": strings["time_separator"], "text": ui["opens_next"]}


def _portal_theme(site: SiteContext, lang: str) -> dict[str, Any]:
    prefix = "" if lang == site_languages(site)[0] else f"{lang}/"
    return {"lang": lang, "municipality": None, "home": prefix, "nav": [], "jsonld": None,
            "accessibility_statement": None, "og": portal_og_meta(site, lang),
            "languages": [{"lang": other, "name": language_name(site, other), "pages": ["portal"],
                           "home": "" if other == site_languages(site)[0] else f"{other}/"}
                          for other in site_languages(site)]}


def alternates(site: SiteContext, local: LocalContext, page: PageContext) -> list[dict[str, Any]]:
    """Every language of this municipality; where this page is not translated, its home page.

    A reader who picks a language is never sent to a missing page.
    """
    out = []
    for lang in site.project.languages_of(local.municipality):
        other = site.local(local.municipality.id, lang)
        target = next((p for p in other.pages if p.key == page.key), None)
        path = target.path if target else other.home_path
        out.append({"lang": lang, "name": language_name(site, lang), "path": path, "exact": target is not None,
                    "href": local.base_url + path, "current": lang == local.lang})
    return out


def _write(path: Path, front: dict[str, Any], body: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    head = yaml.dump(front, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=True, width=1000)
    path.write_text(f"---\n{head}---\n\n{body}", encoding="utf-8")


def exit_target(site: SiteContext) -> dict[str, str]:
    """Where the quick-exit button goes, for page texts that explain it: the URL and the bare host."""
    url = site.project.portal.portal.exit_url
    host = urlsplit(url).hostname or url
    return {"url": url, "site": host.removeprefix("www.")}


def safety_front(site: SiteContext, strings: dict[str, Any]) -> dict[str, Any]:
    """The quick-exit button's target and its labels, for the theme's partials/tryggest-exit.html."""
    return {**strings["safety"], "exit_url": site.project.portal.portal.exit_url}
