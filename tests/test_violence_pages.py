"""The violence pages: an index and one explainer per type, in every full language of every
municipality, each ending with the municipality's own number taken from its YAML file."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml
from conftest import REPO

from tryggest.load import load_project

DEMO = load_project(REPO)
FULL_LANGUAGES = ("nb", "nn", "en")
TYPES = ("fysisk", "psykisk", "seksuell", "materiell", "okonomisk", "digital", "omsorgssvikt", "aresrelatert",
         "negativ-sosial-kontroll", "tvangsekteskap", "kjonnslemlestelse", "latent")
VIOLENCE_FILES = {"vold/index.md", *(f"vold/{t}.md" for t in TYPES)}


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.hrefs.extend(value for name, value in attrs if name == "href" and value)


def _article_links(html: str) -> list[str]:
    """Links in the page's main text only, so the header, menu and footer cannot make a test pass."""
    article = re.search(r"<article\b.*?</article>", html, re.S)
    assert article, "page has an article"
    parser = _Links()
    parser.feed(article.group(0))
    return parser.hrefs


def _page_files(lang: str) -> set[str]:
    pages = REPO / "content" / lang / "pages"
    return {p.relative_to(pages).as_posix() for p in pages.rglob("*.md")}


def _front_matter(lang: str, key: str) -> dict[str, object]:
    text = (REPO / "content" / lang / "pages" / f"{key}.md").read_text(encoding="utf-8")
    meta = yaml.safe_load(text.split("---\n", 2)[1])
    assert isinstance(meta, dict)
    return meta


def _url_path(lang: str, mid: str, key: str) -> str:
    prefix = "" if lang == DEMO.portal.portal.languages[0] else f"{lang}/"
    return f"/{prefix}{mid}/{key.removesuffix('index')}"


def _cases() -> list[tuple[str, str]]:
    return [(mid, lang) for mid in sorted(DEMO.municipalities)
            for lang in DEMO.languages_of(DEMO.municipalities[mid]) if lang in FULL_LANGUAGES]


@pytest.mark.parametrize("lang", FULL_LANGUAGES)
def test_every_full_language_has_the_same_violence_pages(lang: str) -> None:
    violence = {p for p in _page_files(lang) if p.startswith("vold/")}
    assert violence == VIOLENCE_FILES, f"content/{lang}/pages/vold differs from the twelve types and the index"


@pytest.mark.parametrize("lang", FULL_LANGUAGES)
def test_type_pages_carry_the_names_from_strings(lang: str) -> None:
    strings = yaml.safe_load((REPO / "content" / lang / "strings.yml").read_text(encoding="utf-8"))
    assert tuple(strings["violence"]) == TYPES
    orders = []
    for key in TYPES:
        meta = _front_matter(lang, f"vold/{key}")
        assert meta["title"] == strings["violence"][key]["name"], (lang, key)
        assert meta["menu"] is False, (lang, key)
        orders.append(meta["order"])
    assert orders == sorted(set(orders)), f"{lang}: each type has its own place, in the order of strings.yml"


@pytest.mark.parametrize("lang", FULL_LANGUAGES)
def test_no_phone_number_is_typed_into_the_text(lang: str) -> None:
    for key in sorted(VIOLENCE_FILES):
        text = (REPO / "content" / lang / "pages" / key).read_text(encoding="utf-8")
        prose = re.sub(r"\{\{.*?\}\}|\{%.*?%\}", "", text.split("---\n", 2)[2])
        assert not re.search(r"\d{3,}|\d\d \d\d", prose), f"content/{lang}/pages/{key}: use a placeholder for numbers"


@pytest.mark.parametrize(("mid", "lang"), _cases())
def test_type_pages_end_with_the_municipality_number(demo_site: Path, mid: str, lang: str) -> None:
    phone = DEMO.municipalities[mid].contact.phone
    call_box = f'<p class="tg-big"><a href="{phone.tel}">{phone.display}</a></p>'
    for key in TYPES:
        page = demo_site / _url_path(lang, mid, f"vold/{key}/").lstrip("/") / "index.html"
        assert page.is_file(), page
        html = page.read_text(encoding="utf-8")
        assert f'<html lang="{lang}"' in html, page
        assert call_box in html, f"{page}: no call box with {phone.tel}"


@pytest.mark.parametrize(("mid", "lang"), _cases())
def test_index_links_to_every_type_page(demo_site: Path, mid: str, lang: str) -> None:
    here = _url_path(lang, mid, "vold/index")
    page = demo_site / here.lstrip("/") / "index.html"
    html = page.read_text(encoding="utf-8")
    assert f'<html lang="{lang}"' in html
    targets = {urljoin(here, href).split("#")[0] for href in _article_links(html)}
    for key in TYPES:
        assert _url_path(lang, mid, f"vold/{key}/") in targets, f"{page}: no link to {key}"
    for target in targets:
        if target.startswith("/"):
            assert (demo_site / target.lstrip("/") / "index.html").is_file(), f"{page}: broken link {target}"
