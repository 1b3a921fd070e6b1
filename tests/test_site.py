"""The website as a whole: languages complete, structured data from the YAML, search per language,
sitemap, Norwegian order."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import REPO

from tryggest.collation import norwegian_key
from tryggest.load import load_project
from tryggest.model import LANGUAGES

DEMO = load_project(REPO)
LANGS = ("nb", "nn", "en")


def _keys(data: Any, prefix: str = "") -> set[str]:
    if isinstance(data, dict):
        return set().union(*[{prefix + k} | _keys(v, f"{prefix}{k}.") for k, v in data.items()])
    return set()


def _strings(lang: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((REPO / "content" / lang / "strings.yml").read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize("lang", ["nn", "en", "se", "pl", "lt", "uk", "ar", "so", "ti"])
def test_every_language_has_every_string(lang: str) -> None:
    """Full languages have every key; core languages every key but the campaign's (they have no campaign page)."""
    scope = yaml.safe_load((REPO / "content" / lang / "meta.yml").read_text(encoding="utf-8"))["scope"]
    expected = _keys(_strings("nb"))
    if scope == "core" and "campaign" not in _strings(lang):
        expected = {key for key in expected if key != "campaign" and not key.startswith("campaign.")}
    assert _keys(_strings(lang)) == expected


def _page_files(lang: str) -> set[str]:
    base = REPO / "content" / lang / "pages"
    return {p.relative_to(base).as_posix() for p in base.rglob("*.md")}


@pytest.mark.parametrize("lang", ["nn", "en"])
def test_full_languages_have_the_same_pages(lang: str) -> None:
    assert _page_files(lang) == _page_files("nb")


def test_sami_pages_are_a_subset_with_a_home_page() -> None:
    assert "index.md" in _page_files("se")
    assert _page_files("se") <= _page_files("nb")


def _html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.name == "index.html" and "filer" not in p.parts)


def _lang_of(site: Path, page: Path) -> str:
    first = page.relative_to(site).parts[0]
    return first if first in LANGUAGES else "nb"


def test_every_page_has_lang_description_and_one_h1(demo_site: Path) -> None:
    for page in _html_pages(demo_site):
        html = page.read_text(encoding="utf-8")
        assert f'<html lang="{_lang_of(demo_site, page)}"' in html, page
        assert re.search(r'<meta name="description" content="[^"]{20,}">', html), page
        assert len(re.findall(r"<h1[ >]", html)) == 1, page


def test_no_untranslated_interface_string(demo_site: Path) -> None:
    bokmal = _strings("nb")["ui"]
    for page in _html_pages(demo_site):
        lang = _lang_of(demo_site, page)
        if lang == "nb":
            continue
        own = _strings(lang)["ui"]
        foreign = [v for k, v in bokmal.items() if isinstance(v, str) and v != own[k] and len(v) > 6]
        html = page.read_text(encoding="utf-8")
        assert not [v for v in foreign if f">{v}<" in html or f'"{v}"' in html], page


def _jsonld(html: str) -> dict[str, Any]:
    found = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(found) == 1
    data: dict[str, Any] = json.loads(found[0])
    return data


@pytest.mark.parametrize("mid", sorted(DEMO.municipalities))
def test_jsonld_matches_the_yaml(demo_site: Path, mid: str) -> None:
    municipality = DEMO.municipalities[mid]
    pages = [p for p in _html_pages(demo_site) if mid in p.relative_to(demo_site).parts]
    assert pages
    for page in pages:
        data = _jsonld(page.read_text(encoding="utf-8"))
        assert data["@type"] == "GovernmentService"
        point = data["availableChannel"]["servicePhone"]
        assert point["@type"] == "ContactPoint"
        assert point["telephone"] == municipality.contact.phone.e164
        assert point["availableLanguage"] == DEMO.languages_of(municipality)
        opens = [(h["opens"], h["closes"], len(h["dayOfWeek"])) for h in point["hoursAvailable"]]
        assert opens == [(f"{e.opens:%H:%M}", f"{e.closes:%H:%M}", len(e.days)) for e in municipality.contact.hours]


@pytest.mark.parametrize("lang", ["nb", "nn", "en", "se"])
def test_search_index_holds_only_its_language(demo_site: Path, lang: str) -> None:
    root = demo_site if lang == "nb" else demo_site / lang
    index = json.loads((root / "search/search_index.json").read_text(encoding="utf-8"))
    assert index["docs"]
    for doc in index["docs"]:
        target = root / doc["location"].split("#")[0] / "index.html"
        assert target.is_file(), doc["location"]
        assert f'<html lang="{lang}"' in target.read_text(encoding="utf-8"), doc["location"]


def test_pages_search_in_their_own_language(demo_site: Path) -> None:
    html = (demo_site / "en/sandefjord/index.html").read_text(encoding="utf-8")
    config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.S)[1])
    assert config["base"] == "../../en"


def test_sitemap_lists_every_page_with_absolute_alternates(demo_site: Path) -> None:
    sitemap = (demo_site / "sitemap.xml").read_text(encoding="utf-8")
    base = DEMO.portal.portal.base_url
    listed = set(re.findall(r"<loc>([^<]+)</loc>", sitemap))
    for page in _html_pages(demo_site):
        path = page.parent.relative_to(demo_site).as_posix()
        assert base + ("" if path == "." else path + "/") in listed, page
    for href in re.findall(r'hreflang="[a-z]+" href="([^"]+)"', sitemap):
        assert href.startswith(base)
    assert 'hreflang="se" href="https://tryggest.example.no/se/porsanger/"' in sitemap


def test_norwegian_order() -> None:
    names = ["Åsnes", "Ørland", "Ås", "Zebra", "Ærøy", "Aurskog", "Østre Toten", "Kárášjohka", "Karmøy"]
    assert sorted(names, key=norwegian_key) == [
        "Aurskog", "Kárášjohka", "Karmøy", "Zebra", "Ærøy", "Ørland", "Østre Toten", "Ås", "Åsnes"]


def test_portal_lists_municipalities_in_norwegian_order(demo_site: Path) -> None:
    html = (demo_site / "index.html").read_text(encoding="utf-8")
    innlandet = html.split('id="innlandet"')[1].split("<h3")[0]
    shown = re.findall(r'<li data-search="[^"]*"><a href="[^"]*">([^<]+?) <span', innlandet)
    assert shown == ["Gjøvik", "Nordre Land", "Søndre Land", "Vestre Toten", "Østre Toten"]
    counties = re.findall(r'<h3 id="[^"]*">([^<]+)</h3>', html)
    assert counties == sorted(counties, key=norwegian_key) and len(counties) == 3


@pytest.mark.parametrize("lang", ["", "en"])
def test_region_page_lists_its_members_with_their_numbers(demo_site: Path, lang: str) -> None:
    html = (demo_site / lang / "regioner/gjovikregionen/index.html").read_text(encoding="utf-8")
    region = DEMO.portal.regions[0]
    for mid in region.members:
        member = DEMO.municipalities[mid]
        assert f'href="tel:{member.contact.phone.e164}"' in html
        assert f">{member.name} <span" in html
    front = (demo_site / lang / "index.html").read_text(encoding="utf-8")
    assert 'href="regioner/gjovikregionen/"' in front


def test_language_choice_never_leads_to_a_missing_page(demo_site: Path) -> None:
    checked = 0
    for page in _html_pages(demo_site):
        html = page.read_text(encoding="utf-8")
        block = re.search(r'<details class="tg-languages">(.*?)</details>', html, re.S)
        if not block:
            continue
        for href in re.findall(r'href="([^"]+)"', block[1]):
            target = (page.parent / href).resolve()
            assert (target / "index.html").is_file(), f"{page}: {href}"
            checked += 1
    assert checked > 40


def test_every_link_on_the_front_pages_leads_to_a_page(demo_site: Path) -> None:
    for lang in ("", "nn", "en", "se"):
        page = demo_site / lang / "index.html"
        for href in re.findall(r'<article.*?</article>', page.read_text(encoding="utf-8"), re.S)[0].split('href="')[1:]:
            target = href.split('"', 1)[0]
            if target.startswith(("#", "http", "tel:")):
                continue
            assert (page.parent / target / "index.html").resolve().is_file(), f"{page}: {target}"
