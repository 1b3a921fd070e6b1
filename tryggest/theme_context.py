"""What the theme templates show that is the same on every page of a municipality and language.

Built in the context stage, once per build, and handed to the engine (``tryggest_page(page)`` in
``overrides/``): the contact box, the language switcher, the quick-exit labels, the link preview,
the writing direction. Text from YAML is escaped here, once, because the theme prints it as it is.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlsplit

import holidays

from .context import LocalContext, SiteContext, local_name, municipality_values
from .escape import html_values
from .problems import SourceProblem
from .structured import script_json, service_jsonld
from .urls import language_name, site_languages, site_prefix
from .webfonts import WEB_FONTS

OG_SIZE = (1200, 630)
OG_FILE = "delingsbilde.png"


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


def local_key(local: LocalContext) -> str:
    return f"{local.lang}/{local.municipality.id}"


def public_holidays(site: SiteContext) -> list[str]:
    """Norwegian public holidays this year and next, for the browser's "open now" line."""
    years = [site.build_date.year, site.build_date.year + 1]
    return sorted(d.isoformat() for d in holidays.country_holidays("NO", years=years))


def exit_target(site: SiteContext) -> dict[str, str]:
    """Where the quick-exit button goes, for page texts that explain it: the URL and the bare host."""
    url = site.project.portal.portal.exit_url
    host = urlsplit(url).hostname or url
    return {"url": url, "site": host.removeprefix("www.")}


def safety_front(site: SiteContext, strings: dict[str, Any]) -> dict[str, Any]:
    """The quick-exit button's target and its labels, for the theme's partials/tryggest-exit.html."""
    return {**strings["safety"], "exit_url": site.project.portal.portal.exit_url}


def og_image_path(local: LocalContext) -> str:
    """The link-preview (Open Graph) image of a municipality in one language, shared by its pages."""
    return local.files_path() + OG_FILE


def portal_og_image_path(lang: str) -> str:
    # Beside the municipality folders in filer/, so it can never clash with a municipality id.
    return f"filer/delingsbilde-{lang}.png"


def og_meta(local: LocalContext) -> dict[str, Any]:
    """The Open Graph image of every page of a municipality in one language (absolute URL).

    ``suffix`` follows the page title in ``og:title``: "Materiell – TryggEst Sandefjord".
    """
    values = {"name": local_name(local), "phone": municipality_values(local)["phone"]["display"]}
    text = str(local.strings.get("slides", {}).get("og_alt", ""))
    try:
        alt = text.format(**values)
    except (KeyError, IndexError, ValueError) as exc:
        raise SourceProblem(f"content/{local.lang}/strings.yml", "slides.og_alt",
                            f"cannot fill in {exc}; this text may use {{name}}, {{phone}}") from None
    return {"image": local.base_url + og_image_path(local), "alt": alt, "width": OG_SIZE[0],
            "height": OG_SIZE[1], "suffix": f" – TryggEst {values['name']}"}


def portal_og_meta(site: SiteContext, lang: str) -> dict[str, Any]:
    portal = site.project.portal.portal
    strings = site.texts[lang].strings
    return {"image": portal.base_url + portal_og_image_path(lang), "alt": strings["portal_title"],
            "width": OG_SIZE[0], "height": OG_SIZE[1], "suffix": ""}


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
    return {"lang": lang, "municipality": None, "home": site_prefix(site, lang), "nav": [], "jsonld": None,
            "accessibility_statement": None, "og": portal_og_meta(site, lang),
            "languages": [{"lang": other, "name": language_name(site, other), "pages": ["portal"],
                           "home": site_prefix(site, other)} for other in site_languages(site)]}
