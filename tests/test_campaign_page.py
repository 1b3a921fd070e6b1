"""The campaign page for staff: every link leads somewhere real, and it works with and without a plan."""

from __future__ import annotations

import csv
import io
import posixpath
import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urlparse

import icalendar
import pytest
from conftest import REPO, make_project
from pypdf import PdfReader

from tryggest.campaign_values import campaign_page_values
from tryggest.cli import main
from tryggest.context import Material
from tryggest.load import load_project
from tryggest.pipeline import check
from tryggest.products import CATALOGUE
from tryggest.products import product as print_product

DEMO = load_project(REPO)
BASE = DEMO.portal.portal.base_url
DEFAULT = DEMO.portal.portal.languages[0]
# Every municipality and language whose pages include the campaign page (core-scope languages and
# Northern Sami, with its three translated pages, have none).
PAGES = [(mid, lang) for mid in sorted(DEMO.municipalities) for lang in DEMO.languages_of(DEMO.municipalities[mid])
         if (REPO / "content" / lang / "pages" / "kampanje.md").is_file()]


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(str(values["id"]))
        if tag in ("a", "link") and values.get("href"):
            self.hrefs.append(str(values["href"]))


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def _page_url(mid: str, lang: str) -> str:
    return ("" if lang == DEFAULT else f"{lang}/") + f"{mid}/kampanje/"


def _target(site: Path, page_url: str, href: str) -> tuple[Path, str] | None:
    """The file an href of the page at ``page_url`` leads to, and its fragment; None for other sites."""
    if href.startswith(BASE):
        href = "/" + href.removeprefix(BASE)
    parsed = urlparse(href)
    if parsed.scheme or parsed.netloc:
        return None
    address, fragment = urldefrag(href)
    if not address:
        return site / page_url / "index.html", fragment
    joined = address.lstrip("/") if address.startswith("/") else posixpath.normpath(posixpath.join(page_url, address))
    path = site / joined
    return (path / "index.html" if address.endswith("/") or path.is_dir() else path), fragment


@pytest.mark.parametrize(("mid", "lang"), PAGES)
def test_every_link_on_the_campaign_page_leads_to_a_file_or_page_of_the_site(demo_site: Path, mid: str,
                                                                               lang: str) -> None:
    url = _page_url(mid, lang)
    page = _parse(demo_site / url / "index.html")
    checked = 0
    for href in page.hrefs:
        target = _target(demo_site, url, href)
        if target is None:
            continue
        path, fragment = target
        assert path.is_file(), f"{href} on {url} leads nowhere"
        if fragment:
            assert fragment in _parse(path).ids, f"{href} on {url}: no element with id {fragment}"
        checked += 1
    assert checked > 10


PRINT_FILES = {p: print_product(p).file + ".pdf" for p in ("brochure", "card", "poster-a4", "poster-a3", "poster-tabs",
                                                          "sticker")}


@pytest.mark.parametrize(("mid", "lang"), PAGES)
def test_campaign_page_links_the_plans_files_and_the_texts_for_the_first_wave(demo_site: Path, mid: str,
                                                                            lang: str) -> None:
    page = _parse(demo_site / _page_url(mid, lang) / "index.html")
    files = [href for href in page.hrefs if f"filer/{mid}/{lang}/" in href]
    linked = {posixpath.basename(f) for f in files}
    assert {"kampanje.ics", "sjekkliste.pdf", "trykkbestilling.csv", "trykkbestilling.pdf"} <= linked
    ordered = {placement.product for placement in DEMO.municipalities[mid].campaign.placements}  # type: ignore[union-attr]
    assert {PRINT_FILES[product] for product in ordered} <= linked, "each ordered product's print file is linked"
    assert {"#intranettsak", "#e-post"} <= set(page.hrefs)
    html = (demo_site / _page_url(mid, lang) / "index.html").read_text(encoding="utf-8")
    assert html.count('<pre class="tg-copytext">') == 2   # the e-mail and intranet texts; the YAML example left the public page
    assert DEMO.municipalities[mid].contact.phone.display in html
    assert "https://www.bufdir.no/vold/tryggest/kurs/" in html


def test_print_files_are_linked_only_once_they_exist() -> None:
    site = check(REPO)
    local = site.local("sandefjord", "nb")
    before = campaign_page_values(local, [])
    assert before is not None
    assert all(not p["materials"] for phase in before["phases"] for p in phase["placements"])
    assert all(row["link"] is None for row in before["print_order"])
    card = Material("sandefjord", "nb", "print", "card", "Visittkort", "Til fastlegene",
                    "filer/sandefjord/nb/visittkort-trykk.pdf", None, "PDF", "85 × 55 mm", 1000)
    after = campaign_page_values(local, [card])
    assert after is not None
    placed = {p["product"]: p["materials"] for phase in after["phases"] for p in phase["placements"]}
    assert [m["path"] for m in placed["card"]] == [card.path]
    assert placed["brochure"] == []
    links = {row["product"]: row["link"] for row in after["print_order"]}
    assert links == {"brochure": None, "card": card.path, "poster-a3": None, "sticker": None}


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test fixture's portal: Fjordby with a plan of its own dates, Østre Dal without any plan."""
    root = make_project(tmp_path_factory.mktemp("campaign"))
    path = root / "content/municipalities/fjordby.yml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "  launch: 2026-02-02\n",
        "  launch: 2026-02-02\n  phases:\n    - {wave: employees, start: 2026-02-02}\n"
        "    - {wave: partners, start: 2026-03-07}\n    - {wave: citizens, start: 2026-07-04}\n"), encoding="utf-8")
    assert main(["--root", str(root), "build"]) == 0
    return root / "site"


def test_municipality_without_a_plan_gets_a_page_that_says_how_to_add_one_and_only_a_print_order(
        fixture_site: Path) -> None:
    html = (fixture_site / "ostre-dal/kampanje/index.html").read_text(encoding="utf-8")
    assert "Ingen plan ennå" in html
    assert "den som oppdaterer TryggEst-sidene" in html and ".yml" not in html.split("<article", 1)[1]
    body = html.split("<article", 1)[1]
    assert not re.search(r'href="[^"]*(?:trykkbestilling|kampanje\.ics|sjekkliste)', body)
    plan_files = ("kampanje.ics", "sjekkliste.pdf")
    assert not [p for p in (fixture_site / "filer/ostre-dal").rglob("*") if p.name in plan_files]
    # The print order exists without a plan: one copy of each product, pointing at the materials page.
    rows = list(csv.reader(io.StringIO((fixture_site / "filer/ostre-dal/nb/trykkbestilling.csv").read_bytes()
                                       .decode("utf-8-sig")), delimiter=";"))[1:]
    assert [row[1] for row in rows] == [spec.pdf for spec in CATALOGUE.values()]
    assert {row[7] for row in rows} == {"1"}
    order = "".join(page.extract_text() for page in PdfReader(fixture_site / "filer/ostre-dal/nb/trykkbestilling.pdf").pages)
    assert "ett eksemplar av hver trykksak" in order
    assert "https://tryggest.test/ostre-dal/materiell/" in order.replace("\n", "")
    english = (fixture_site / "en/ostre-dal/kampanje/index.html").read_text(encoding="utf-8")
    assert "No plan yet" in english


def test_phases_from_the_yaml_reach_the_page_and_the_calendar_unchanged(fixture_site: Path) -> None:
    calendar = icalendar.Calendar.from_ical((fixture_site / "filer/fjordby/nb/kampanje.ics").read_bytes())
    starts = {str(e["uid"]): e.decoded("dtstart") for e in calendar.walk("VEVENT")}
    assert starts["fjordby-partners@tryggest.test"] == date(2026, 3, 7), "a Saturday written in the YAML stays"
    assert starts["fjordby-citizens@tryggest.test"] == date(2026, 7, 4)
    assert "fjordby-businesses@tryggest.test" not in starts
    html = (fixture_site / "fjordby/kampanje/index.html").read_text(encoding="utf-8")
    assert "7. mars 2026" in html and "4. juli 2026" in html
    assert "forslag" not in html, "no note about suggested dates when the YAML gives them"
    assert re.search(r"4 × Plakat A3: Svømmehallen", html)
