"""The core pages of every municipality: present in each written language, with the municipality's
own number, the right language, and the team and local help from its YAML file."""

from __future__ import annotations

from html import escape
from pathlib import Path

import pytest
from conftest import REPO

from tryggest.load import load_project
from tryggest.pipeline import check, write_markdown

DEMO = load_project(REPO)
DEFAULT = DEMO.portal.portal.languages[0]
WRITTEN_IN = ("nb", "nn", "en")  # languages that have every core page; Sami has only some
CORE = ("index", "hvem-gjelder-det", "nar-du-tar-kontakt", "for-ansatte", "teamet", "lokal-hjelp")
EASY_READ = ("lettlest/index", "lettlest/hva-er-vold", "lettlest/du-kan-fa-hjelp", "lettlest/ring-oss")
EASY_READ_LANGS = ("nb", "nn", "en")   # easy-read pages in every fully written language
MEETS = {"nb": "hver {}. dag", "nn": "kvar {}. dag", "en": "every {} days"}  # for intervals other than 1 and 7


def _html(site: Path, lang: str, mid: str, key: str) -> str:
    prefix = "" if lang == DEFAULT else f"{lang}/"
    folder = "" if key == "index" else key.removesuffix("/index") + "/"
    return (site / f"{prefix}{mid}/{folder}index.html").read_text(encoding="utf-8")


def _written_languages(mid: str) -> list[str]:
    return [lang for lang in DEMO.languages_of(DEMO.municipalities[mid]) if lang in WRITTEN_IN]


@pytest.mark.parametrize("mid", sorted(DEMO.municipalities))
def test_every_core_page_has_the_number_and_language(demo_site: Path, mid: str) -> None:
    tel = DEMO.municipalities[mid].contact.phone.tel
    for lang in _written_languages(mid):
        keys = CORE + (EASY_READ if lang in EASY_READ_LANGS else ())
        for key in keys:
            html = _html(demo_site, lang, mid, key)
            assert f'<html lang="{lang}"' in html, (lang, key)
            assert f'href="{tel}"' in html, (lang, key)


@pytest.mark.parametrize("mid", sorted(DEMO.municipalities))
def test_easy_read_number_is_large_and_linked_from_the_home_page(demo_site: Path, mid: str) -> None:
    tel = DEMO.municipalities[mid].contact.phone.tel
    for lang in DEMO.languages_of(DEMO.municipalities[mid]):
        prefix = "" if lang == DEFAULT else "../"
        if lang not in EASY_READ_LANGS:
            assert not (demo_site / lang / mid / "lettlest").exists(), lang
            continue
        html = _html(demo_site, lang, mid, "lettlest/ring-oss")
        assert f'<p class="tg-huge"><a href="{tel}">' in html, lang
        assert 'class="tg-icon"' in html and f'src="{prefix}../../../assets/icons/phone.svg"' in html, lang
        assert 'href="lettlest/"' in _html(demo_site, lang, mid, "index"), lang
    assert (demo_site / "assets/icons/phone.svg").is_file()


@pytest.mark.parametrize("mid", sorted(DEMO.municipalities))
def test_team_page_lists_every_member_unit(demo_site: Path, mid: str) -> None:
    team = DEMO.municipalities[mid].team
    for lang in _written_languages(mid):
        html = _html(demo_site, lang, mid, "teamet")
        for unit in team.members:
            assert f"<li>{escape(unit, quote=False)}</li>" in html, (lang, unit)
        assert escape(team.coordinator.unit, quote=False) in html
        if team.meets.every_days not in (1, 7):
            assert MEETS[lang].format(team.meets.every_days) in html, lang


@pytest.mark.parametrize("mid", sorted(DEMO.municipalities))
def test_local_help_page_shows_local_and_national_help(demo_site: Path, mid: str) -> None:
    municipality = DEMO.municipalities[mid]
    for lang in _written_languages(mid):
        html = _html(demo_site, lang, mid, "lokal-hjelp")
        for help in municipality.local_help:
            assert f">{escape(help.name, quote=False)}</h3>" in html, (lang, help.name)
            if help.phone:
                assert f'href="{help.phone.tel}"' in html
        for line in DEMO.national.lines:
            assert f'href="{line.number.tel}"' in html, (lang, line.id)


def test_local_help_without_entries_sends_the_reader_to_the_team(tmp_path: Path, project: Path) -> None:
    site = check(project)
    empty = [m for m in site.project.municipalities.values() if not m.local_help]
    assert empty, "the valid fixture has a municipality without local help"
    write_markdown(site, tmp_path)
    for municipality in empty:
        for lang in site.project.languages_of(municipality):
            page = tmp_path / "docs" / lang / municipality.id / "lokal-hjelp.md"
            if not page.exists():
                continue
            text = page.read_text(encoding="utf-8")
            local = text.split("\n## ")[2]  # emergency numbers, then local help
            assert f"({municipality.contact.phone.tel})" in local
            assert "\n### " not in local


def test_easy_read_hours_are_written_out_in_words(tmp_path: Path, project: Path) -> None:
    write_markdown(check(project), tmp_path)
    text = (tmp_path / "docs/nb/ostre-dal/lettlest/ring-oss.md").read_text(encoding="utf-8")
    assert "Vi svarer på mandag og onsdag." in text
    assert "Vi svarer fra klokken 8 til klokken 12." in text
    assert "Vi svarer på fredag." in text
    assert "Vi svarer fra klokken 12 til klokken 15.30." in text
    assert "kl." not in text.split("<div", 1)[1], "no abbreviations in easy-read text"


def test_bokmal_nynorsk_and_english_have_the_same_pages() -> None:
    def pages(lang: str) -> set[str]:
        folder = REPO / "content" / lang / "pages"
        return {p.relative_to(folder).as_posix() for p in folder.rglob("*.md")}

    assert pages("nb") == pages("nn") == pages("en")
    assert set(CORE) <= {name.removesuffix(".md") for name in pages("nb")}
    assert all((REPO / "content/nb/pages" / f"{key}.md").is_file() for key in EASY_READ)
