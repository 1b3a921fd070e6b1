"""The site's address rules, in one place: which languages the site has and where each page lives.

The default language is served from the site's root, every other language from ``<lang>/``;
region pages live under ``regioner/``. Renderers, the sitemap and incremental builds ask here
instead of writing the rule again.
"""

from __future__ import annotations

from typing import Any

from .context import LocalContext, PageContext, SiteContext, language_prefix

REGION_DIR = "regioner"


def site_languages(site: SiteContext) -> list[str]:
    """Every language the site has pages in, the portal's default language first."""
    portal_languages = list(site.project.portal.portal.languages)
    return [*portal_languages, *sorted(set(site.texts) - set(portal_languages))]


def site_prefix(site: SiteContext, lang: str) -> str:
    """The folder of ``lang`` in the site: "" for the default language, "<lang>/" for the others."""
    return language_prefix(site_languages(site)[0], lang)


def region_path(site: SiteContext, lang: str, region_id: str) -> str:
    return f"{site_prefix(site, lang)}{REGION_DIR}/{region_id}/"


def language_name(site: SiteContext, lang: str) -> str:
    """What the language switcher calls a language: its own name, in its own script (meta.yml)."""
    return site.project.languages[lang].name


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
