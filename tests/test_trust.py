"""Words a person in danger can trust: the safety rules of the content, pinned in every language.

Each test reads the built demo site (or the generated Markdown) and checks one rule a reader relies
on: 112 before anything else when someone is in danger, staff who call 112 themselves, anonymity
that is explained, law that is cited, crisis centres that can be reached, and no guessed hours.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterator
from html import unescape
from pathlib import Path

import pytest
from conftest import REPO, make_project

from tryggest.load import load_project
from tryggest.pipeline import check, write_markdown

DEMO = load_project(REPO)
DEFAULT = DEMO.portal.portal.languages[0]
FULL_LANGUAGES = ("nb", "nn", "en")
# The word for the person's manager, per language: the acute procedure must name 112 before it.
MANAGER = {"nb": "leder", "nn": "leiar", "en": "manager"}
# The sentence that promises anonymity; it must always link to what anonymity means here.
ANONYMITY = {"nb": "Du kan være anonym", "nn": "Du kan vere anonym", "en": "You can stay anonymous"}
# A cited section of law as a reader sees it: "straffeloven § 196", "Penal Code section 196".
SECTION = re.compile(r"§ ?\d|\bsection \d")
LINK = re.compile(r'<a\b[^>]*href="([^"]*)"[^>]*>(.*?)</a>', re.S)


def _path(lang: str, mid: str, key: str = "") -> str:
    prefix = "" if lang == DEFAULT else f"{lang}/"
    return f"{prefix}{mid}/{key}"


def _article(site: Path, path: str) -> str:
    html = (site / path / "index.html").read_text(encoding="utf-8")
    found = re.search(r"<article\b.*?</article>", html, re.S)
    assert found, path
    return found.group(0)


def _text(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", " ", html))


def _municipalities(lang: str) -> list[str]:
    return [mid for mid, m in sorted(DEMO.municipalities.items()) if lang in DEMO.languages_of(m)]


def _articles(site: Path, lang: str) -> Iterator[tuple[str, str]]:
    """Every municipality page in ``lang``: its site path and its main part."""
    for mid in _municipalities(lang):
        for page in sorted((site / _path(lang, mid)).rglob("index.html")):
            path = page.parent.relative_to(site).as_posix() + "/"
            yield path, _article(site, path)


def _section(article: str, heading_id: str) -> str:
    """The HTML from the heading with ``heading_id`` to the next heading of the same level."""
    start = re.search(rf'<h2 id="{heading_id}"', article)
    assert start, heading_id
    end = article.find("<h2", start.end())
    return article[start.start(): end if end != -1 else len(article)]


@pytest.mark.parametrize("lang", FULL_LANGUAGES)
def test_staff_call_112_themselves_before_any_manager(demo_site: Path, lang: str) -> None:
    for mid in _municipalities(lang):
        text = _text(_article(demo_site, _path(lang, mid, "for-ansatte/")))
        first_112 = text.find("112")
        first_manager = text.lower().find(MANAGER[lang])
        assert first_112 != -1 and first_manager != -1, (lang, mid)
        assert first_112 < first_manager, (lang, mid, text[first_manager - 200: first_manager + 50])


@pytest.mark.parametrize("lang", [*FULL_LANGUAGES, "se"])
def test_first_phone_link_of_every_page_is_112(demo_site: Path, lang: str) -> None:
    """In the page's main part, before the municipality's number or anything else: 112."""
    for mid in _municipalities(lang):
        for page in sorted((demo_site / _path(lang, mid)).rglob("index.html")):
            path = page.parent.relative_to(demo_site).as_posix() + "/"
            if "/filer/" in f"/{path}":
                continue
            tel = [href for href, _ in LINK.findall(_article(demo_site, path)) if href.startswith("tel:")]
            assert tel and tel[0] == "tel:112", (path, tel[:3])


@pytest.mark.parametrize("lang", [*FULL_LANGUAGES, "se"])
def test_home_page_says_call_112_above_call_us(demo_site: Path, lang: str) -> None:
    for mid in _municipalities(lang):
        article = _article(demo_site, _path(lang, mid))
        contact_box_end = article.find("</aside>")
        body = article[contact_box_end:]
        own = DEMO.municipalities[mid].contact.phone.tel
        assert body.find('href="tel:112"') < body.find(f'href="{own}"'), (lang, mid)


@pytest.mark.parametrize("lang", FULL_LANGUAGES)
def test_every_anonymity_promise_links_to_what_it_means(demo_site: Path, lang: str) -> None:
    seen = 0
    for path, article in _articles(demo_site, lang):
        linked = [href for href, label in LINK.findall(article) if ANONYMITY[lang] in _text(label)]
        assert all(href.endswith("nar-du-tar-kontakt/#anonym") for href in linked), (path, linked)
        assert _text(article).count(ANONYMITY[lang]) == len(linked), path
        seen += len(linked)
    assert seen, "the demo promises anonymity somewhere"
    contact = _article(demo_site, _path(lang, "sandefjord", "nar-du-tar-kontakt/"))
    assert 'id="anonym"' in contact


@pytest.mark.parametrize("lang", FULL_LANGUAGES)
def test_every_cited_section_of_law_links_to_lovdata(demo_site: Path, lang: str) -> None:
    cited = 0
    for path, article in _articles(demo_site, lang):
        in_links = sum(len(SECTION.findall(_text(label))) for href, label in LINK.findall(article)
                       if href.startswith("https://lovdata.no/lov/"))
        assert len(SECTION.findall(_text(article))) == in_links, path
        cited += in_links
    assert cited >= 5, "the staff and contact pages cite the law"


def test_duty_to_avert_is_stated_as_trying_to_avert() -> None:
    """Straffeloven § 196: "søke å avverge"; the list names grov kroppsskade, not "grov vold"."""
    for lang in FULL_LANGUAGES:
        text = (REPO / "content" / lang / "pages" / "for-ansatte.md").read_text(encoding="utf-8")
        assert "grov vold" not in text and "serious violence" not in text, lang
    nb = (REPO / "content/nb/pages/for-ansatte.md").read_text(encoding="utf-8")
    assert "prøve å avverge" in nb and "grov kroppsskade" in nb and "Du trenger ikke klare å stoppe det selv" in nb


def test_every_crisis_centre_of_the_demo_can_be_called(demo_site: Path) -> None:
    centres = [(mid, h) for mid, m in DEMO.municipalities.items() for h in m.local_help if h.kind == "krisesenter"]
    assert centres
    for mid, centre in centres:
        assert centre.phone is not None, mid
        page = _article(demo_site, _path(DEFAULT, mid, "lokal-hjelp/"))
        after_name = page[page.index(centre.name):]
        assert f'href="{centre.phone.tel}"' in after_name[:600], mid


def test_a_line_with_disputed_hours_shows_no_hours(demo_site: Path) -> None:
    line = next(x for x in DEMO.national.lines if x.id == "rode-kors-tvangsekteskap")
    assert line.hours_unconfirmed and not line.hours
    for lang in FULL_LANGUAGES:
        article = _article(demo_site, _path(lang, "sandefjord", "lokal-hjelp/"))
        start = article.index(f'href="{line.number.tel}"')
        entry = _text(article[start: article.find("<h3", start)])
        assert not re.search(r"\d{2}[.:]\d{2}", entry), (lang, entry)


def test_children_in_the_home_name_alarmtelefonen(demo_site: Path) -> None:
    alarm = next(x for x in DEMO.national.lines if x.id == "alarmtelefonen")
    for lang in FULL_LANGUAGES:
        for key in ("", "for-ansatte/", "vold/fysisk/", "vold/omsorgssvikt/"):
            assert f'href="{alarm.number.tel}"' in _article(demo_site, _path(lang, "sandefjord", key)), (lang, key)


def test_when_closed_the_home_page_lists_the_legevakt(demo_site: Path) -> None:
    legevakt = next(x for x in DEMO.national.lines if x.id == "legevakt")
    for lang in FULL_LANGUAGES:
        assert f'href="{legevakt.number.tel}"' in _article(demo_site, _path(lang, "sandefjord")), lang


def test_brochure_puts_112_before_the_closed_hours_and_names_the_legevakt(demo_site: Path) -> None:
    from pypdf import PdfReader

    for lang in FULL_LANGUAGES:
        text = "\n".join(p.extract_text() for p in PdfReader(demo_site / f"filer/sandefjord/{lang}/brosjyre-skjerm.pdf").pages)
        flat = re.sub(r"\s+", " ", text)
        assert "116 117" in flat and "116 111" in flat, lang
        closed = {"nb": "Når vi er stengt", "nn": "Når vi har stengt", "en": "When we are closed"}[lang]
        if closed in flat:
            assert flat.index("112") < flat.index(closed), lang


def test_region_shared_contact_reaches_members_without_their_own(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    member = root / "content/municipalities/fjordby.yml"
    text = member.read_text(encoding="utf-8")
    start, end = text.index("contact:"), text.index("team:")
    member.write_text(text[:start] + text[end:], encoding="utf-8")
    portal = root / "municipalities.yml"
    portal.write_text(portal.read_text(encoding="utf-8").replace(
        "    members: [fjordby, ostre-dal]\n",
        '    members: [fjordby, ostre-dal]\n    contact:\n      phone: "+47 55 55 10 10"\n'
        '      hours:\n        - {days: mon-fri, open: "08:00", close: "15:00"}\n'), encoding="utf-8")
    loaded = load_project(root)
    assert loaded.municipalities["fjordby"].contact.phone.display == "55 55 10 10"
    assert loaded.municipalities["ostre-dal"].contact.phone.display == "00 00 99 02", "its own number wins"
    site = check(root)
    write_markdown(site, tmp_path / "out")
    home = (tmp_path / "out/docs/nb/fjordby/index.md").read_text(encoding="utf-8")
    assert "tel:+4755551010" in home


@pytest.mark.parametrize(("answered_by", "expected"), [
    ("{kind: team}", "bytter på å ha telefonen"),
    ("{kind: legevakt, name: Fjordby legevakt}", "Det er legevakten som svarer på TryggEst-telefonen (Fjordby legevakt)"),
    ("{kind: tjeneste, name: Servicetorget}", "Det er Servicetorget som svarer"),
])
def test_who_answers_follows_the_data(tmp_path: Path, answered_by: str, expected: str) -> None:
    root = make_project(tmp_path)
    path = root / "content/municipalities/fjordby.yml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "  closed_on_public_holidays: true\n",
        f"  closed_on_public_holidays: true\n  answered_by: {answered_by}\n  interpreter: true\n"
        '  sms: "+47 41 23 45 67"\n', 1), encoding="utf-8")
    write_markdown(check(root), tmp_path / "out")
    page = (tmp_path / "out/docs/nb/fjordby/nar-du-tar-kontakt.md").read_text(encoding="utf-8")
    assert expected in page
    assert "tolk" in page and "sms:+4741234567" in page
    others = {"bytter på å ha telefonen", "legevakten som svarer", "Servicetorget som svarer"} - {expected}
    assert not any(other in page for other in others if other not in expected)


BLOCK = re.compile(r"</?(?:p|li|h[1-6]|dt|dd|td|th|div|br|ol|ul|dl|table|tr)\b[^>]*>", re.I)
STAFF_PAGES = ("kampanje", "materiell")   # planning pages for staff, not text for readers


def lix(html: str) -> float:
    """LIX readability: words per sentence plus the share of words longer than six letters, in
    per cent. Every block (paragraph, list item, heading) ends a sentence; the contact box is left
    out because it is the same on every page."""
    html = re.sub(r"<aside\b.*?</aside>|<(script|style|pre)\b.*?</\1>", " ", html, flags=re.S)
    text = unescape(re.sub(r"<[^>]+>", " ", BLOCK.sub(" \n ", html)))
    sentences = [s for block in text.split("\n") for s in re.split(r"[.!?:]+(?:\s|$)", block)
                 if re.search(r"[^\W\d_]", s)]
    words = re.findall(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", text)
    return len(words) / len(sentences) + 100 * sum(len(w) > 6 for w in words) / len(words)


@pytest.mark.parametrize("lang", FULL_LANGUAGES)
def test_plain_language_median_lix(demo_site: Path, lang: str) -> None:
    """The median page stays plain (LIX 30 or below); easy-read pages stay very easy (20 or below)."""
    home = demo_site / _path(lang, "sandefjord")
    ordinary, easy = [], []
    for page in sorted(home.rglob("index.html")):
        key = page.parent.relative_to(home).as_posix()
        if key.startswith(STAFF_PAGES):
            continue
        score = lix(_article(demo_site, page.parent.relative_to(demo_site).as_posix() + "/"))
        (easy if key.startswith("lettlest") else ordinary).append(score)
    assert len(ordinary) >= 15 and len(easy) >= 4, (len(ordinary), len(easy))
    assert statistics.median(ordinary) <= 30, sorted(ordinary)
    assert statistics.median(easy) <= 20, sorted(easy)


def test_lix_tells_plain_from_dense_text() -> None:
    plain = "<p>Du kan ringe oss. Vi hjelper deg. Det er gratis.</p>"
    dense = ("<p>Kommunens tverrfaglige operative innsatsteam koordinerer forebyggende intervensjoner "
             "overfor sårbare innbyggere.</p>")
    assert lix(plain) < 20 < 60 < lix(dense)
