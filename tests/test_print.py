"""The print kit, checked the way a print shop and a reader would: every file exists, every QR code
decodes to a page of the built site, the phone number in the text equals the YAML, page boxes and
fonts are right, and a changed number reaches every file of that municipality and no other."""

from __future__ import annotations

import hashlib
import io
import re
from pathlib import Path

import pytest
from conftest import REPO, make_project
from pdfcheck import POINTS_PER_MM, fonts, page_boxes, pdf_text, qr_codes
from pypdf import PdfReader

from tryggest.cli import main
from tryggest.context import LRI, PDI, municipality_values
from tryggest.pipeline import check
from tryggest.products import BLEED_MM, PRODUCTS, product, products_for
from tryggest.qr import QUIET_ZONE, display_url, qr_modules
from tryggest.render.print.data import data_version, print_data
from tryggest.render.print.pdf import render_product

DEMO = check(REPO)
# Two municipalities checked in full: one in Bokmål, one in Northern Sami (other letters, other URL).
FULL = [("sandefjord", "nb"), ("porsanger", "se")]
PLACEHOLDERS = re.compile(r"\{\{|\}\}|\{[a-z_]+\}|\bNone\b|\bTODO\b|lorem|Undefined|\bnan\b", re.I)
PHONE_LIKE = re.compile(r"(?<!\d)(?<!\d )(?:\d{2} \d{2} \d{2} \d{2}|\d{3} \d{2} \d{3})(?![\d])")


def _files(site: Path, mid: str, lang: str) -> Path:
    return site / DEMO.local(mid, lang).files_path()


def _bare(text: str) -> str:
    return text.replace(LRI, "").replace(PDI, "")


def _squeezed(text: str) -> str:
    return re.sub(r"\s", "", text)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_every_product_exists_for_every_municipality_and_language(demo_site: Path) -> None:
    assert len(DEMO.locals) >= 20
    for local in DEMO.locals:
        folder = demo_site / local.files_path()
        for spec in products_for(local.scope):
            pdf, png = folder / f"{spec.file}.pdf", folder / f"{spec.file}.png"
            assert pdf.read_bytes().startswith(b"%PDF-"), pdf
            assert png.read_bytes().startswith(b"\x89PNG"), png


def test_every_pdf_shows_the_phone_number_hours_and_the_right_language(demo_site: Path) -> None:
    for local in DEMO.locals:
        values = municipality_values(local)
        # Right to left, numbers carry Unicode isolates (LRI ... PDI); text extraction drops them.
        national = {_bare(line["display"]) for line in local.national.values()}
        others = [x for x in DEMO.locals if x.municipality.id == local.municipality.id and x.lang != local.lang]
        for spec in products_for(local.scope):
            path = demo_site / local.files_path() / f"{spec.file}.pdf"
            text = pdf_text(path)
            assert _bare(values["phone"]["display"]) in text, path
            assert set(PHONE_LIKE.findall(text)) <= {_bare(values["phone"]["display"]), *national}, path
            if local.direction == "ltr":   # right to left, text extraction orders words its own way
                # A long hours line may wrap after its dash: extraction then adds a space there.
                assert all(_squeezed(line) in _squeezed(text) for line in values["hours"]), path
            for other in others:
                foreign = set(municipality_values(other)["hours"]) - set(values["hours"])
                assert not any(line in text for line in foreign), f"{path} shows hours in {other.lang}"
            assert not PLACEHOLDERS.search(text), f"{path}: {PLACEHOLDERS.search(text)}"
            assert PdfReader(path).trailer["/Root"]["/Lang"] == local.lang
            printed = (local.strings["print"]["printed"], DEMO.build_date.isoformat())
            if local.direction == "ltr":
                assert " ".join(printed) in text
            else:   # extraction gives right-to-left lines in visual order: label and date, each whole
                assert all(part in text for part in printed), path
            assert data_version(DEMO, local.municipality.id) in text
            assert ("EKSEMPEL" in text) == local.municipality.example, path


def test_tear_off_tabs_each_carry_the_number(demo_site: Path) -> None:
    local = DEMO.local("sandefjord", "nb")
    text = pdf_text(_files(demo_site, "sandefjord", "nb") / f"{product('poster-tabs').file}.pdf")
    assert text.count(local.municipality.contact.phone.display) >= 9, "8 tabs and the poster itself"


@pytest.mark.parametrize(("mid", "lang", "product_id"),
                         [(mid, lang, spec.id) for mid, lang in FULL for spec in products_for(DEMO.local(mid, lang).scope)])
def test_qr_codes_lead_to_a_page_of_the_site(demo_site: Path, mid: str, lang: str, product_id: str) -> None:
    local = DEMO.local(mid, lang)
    path = _files(demo_site, mid, lang) / f"{product(product_id).file}.pdf"
    codes = qr_codes(path, modules=qr_modules(local.qr_url) - 2 * QUIET_ZONE)
    expected = {"card-sheet": 10, "sticker-sheet": 6}.get(product_id, 1)
    assert len(codes) == expected, path
    page = demo_site / local.qr_url.removeprefix(DEMO.project.portal.portal.base_url) / "index.html"
    assert page.is_file(), f"{local.qr_url} is not a page of the site"
    text = pdf_text(path)
    assert display_url(local.qr_url) in text.replace("\n", ""), "the URL is printed beside the code"
    for code in codes:
        assert code.text == local.qr_url
        assert code.ec_level == "M"
        assert code.width_mm >= 20.0, f"{path}: code is {code.width_mm:.1f} mm wide"
        assert code.quiet_zone_clear, f"{path}: something is printed in the quiet zone"


@pytest.mark.parametrize(("mid", "lang"), FULL)
def test_page_boxes_bleed_and_embedded_fonts(demo_site: Path, mid: str, lang: str) -> None:
    bleed = BLEED_MM * POINTS_PER_MM
    for spec in products_for(DEMO.local(mid, lang).scope):
        path = _files(demo_site, mid, lang) / f"{spec.file}.pdf"
        for boxes in page_boxes(path):
            left, bottom, right, top = boxes.trim
            assert right - left == pytest.approx(spec.width_mm * POINTS_PER_MM, abs=0.05), path
            assert top - bottom == pytest.approx(spec.height_mm * POINTS_PER_MM, abs=0.05), path
            if spec.bleed:
                assert boxes.bleed == pytest.approx((left - bleed, bottom - bleed, right + bleed, top + bleed), abs=0.05)
                assert boxes.media[0] < boxes.bleed[0] and boxes.media[2] > boxes.bleed[2], "room for crop marks"
            else:
                assert boxes.media == pytest.approx(boxes.trim, abs=0.05), f"{path} has no bleed"
        used = fonts(path)
        assert used and all(font.embedded for font in used), path
        assert all("Noto" in font.name for font in used), f"{path} fell back to {used}"


def test_fonts_cover_norwegian_and_sami_letters() -> None:
    letters = "Æ Ø Å æ ø å Á á Č č Đ đ Ŋ ŋ Š š Ŧ ŧ Ž ž"
    local = DEMO.local("porsanger", "se")
    data = {**print_data(DEMO, local), "name": letters}
    pdf = render_product(data, product("card"))  # the card shows the name as written, not in capitals
    reader = PdfReader(io.BytesIO(pdf))
    text = "".join(page.extract_text() for page in reader.pages)
    assert all(letter in text for letter in letters.split())
    fonts_used = {str(font["/BaseFont"]) for page in reader.pages for font in page["/Resources"]["/Font"].values()
                  if "/BaseFont" in font}
    assert fonts_used and all("Noto" in name for name in fonts_used), fonts_used


def test_screen_brochure_is_tagged_and_titled(demo_site: Path) -> None:
    local = DEMO.local("sandefjord", "nb")
    reader = PdfReader(_files(demo_site, "sandefjord", "nb") / f"{product('brochure-screen').file}.pdf")
    root = reader.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"] in (True, "true")
    assert root["/Lang"] == "nb"
    assert local.strings["print"]["products"]["brochure-screen"]["title"] in reader.metadata.title
    tags = _structure_tags(root["/StructTreeRoot"])
    assert {"/H1", "/H2", "/P", "/L", "/LI", "/Figure"} <= set(tags)
    assert tags.count("/H1") == 1
    print_file = PdfReader(_files(demo_site, "sandefjord", "nb") / f"{product('brochure').file}.pdf")
    assert "/StructTreeRoot" not in print_file.trailer["/Root"], "the print file is not the accessible one"


def _structure_tags(node: object) -> list[str]:
    tags: list[str] = []
    stack = [node]
    while stack:
        item = stack.pop()
        item = item.get_object() if hasattr(item, "get_object") else item
        if isinstance(item, dict):
            if "/S" in item:
                tags.append(str(item["/S"]))
                if item["/S"] == "/Figure":
                    assert item.get("/Alt"), "every figure has a text alternative"
            kids = item.get("/K")
            stack.extend(kids if isinstance(kids, list) else [kids] if kids is not None else [])
        elif isinstance(item, list):
            stack.extend(item)
    return tags


def test_same_input_gives_the_same_bytes(demo_site: Path) -> None:
    local = DEMO.local("sandefjord", "nb")
    spec = product("card")
    fresh = render_product(print_data(DEMO, local), spec)
    assert fresh == render_product(print_data(DEMO, local), spec)
    assert fresh == (_files(demo_site, "sandefjord", "nb") / f"{spec.file}.pdf").read_bytes(), "same as the build"


def test_materials_page_lists_every_file_with_preview(demo_site: Path) -> None:
    for mid, lang in FULL:
        local = DEMO.local(mid, lang)
        page = demo_site / local.page_path("materiell") / "index.html"
        html = page.read_text(encoding="utf-8")
        for spec in products_for(local.scope):
            title = local.strings["print"]["products"][spec.id]["title"]
            assert f"{spec.file}.pdf\"" in html and f"{spec.file}.png\"" in html, (page, spec.id)
            assert re.search(rf'<img [^>]*src="[^"]*{spec.file}\.png"[^>]*alt="[^"]*{re.escape(title)}"[^>]*'
                             r'width="\d+" height="\d+"', html), (page, spec.id)
        assert local.strings["print"]["family_title"] in html
        for href in re.findall(r'href="([^"]+\.pdf)"', html):
            assert (page.parent / href).resolve().is_file(), href


def test_changed_phone_number_reaches_every_file_of_that_municipality_only(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    site = root / "site"
    assert main(["--root", str(root), "build"]) == 0
    before = {p.relative_to(site): _digest(p) for p in (site / "filer").rglob("*.pdf")}
    assert any(p.parts[1] == "ostre-dal" for p in before) and any(p.parts[1] == "fjordby" for p in before)
    assert all("EKSEMPEL" not in pdf_text(site / p) for p in before if p.parts[1] == "fjordby"), "real data"

    yml = root / "content/municipalities/fjordby.yml"
    yml.write_text(yml.read_text().replace('"+47 33 41 60 00"', '"+47 33 41 60 99"'))
    assert main(["--root", str(root), "build"]) == 0
    for relative, digest in before.items():
        text = pdf_text(site / relative)
        if relative.parts[1] == "fjordby":
            assert _digest(site / relative) != digest, relative
            assert "33 41 60 99" in text and "33 41 60 00" not in text, relative
        else:
            assert _digest(site / relative) == digest, f"{relative} changed, but its data did not"

    # Only the print files of one municipality: the rest of the site stays exactly as it was.
    pages = {p: _digest(p) for p in site.rglob("*.html")}
    others = {p: _digest(p) for p in (site / "filer/ostre-dal").rglob("*") if p.is_file()}
    yml.write_text(yml.read_text().replace('"+47 33 41 60 99"', '"+47 33 41 60 11"'))
    assert main(["--root", str(root), "build", "--only", "print", "--municipality", "fjordby"]) == 0
    assert {p: _digest(p) for p in site.rglob("*.html")} == pages
    assert {p: _digest(p) for p in (site / "filer/ostre-dal").rglob("*") if p.is_file()} == others
    print_files = {f"{spec.file}.pdf" for spec in PRODUCTS}
    for relative in before:
        if relative.parts[1] == "fjordby" and relative.name in print_files:
            assert "33 41 60 11" in pdf_text(site / relative), relative
    assert not [p for p in root.iterdir() if p.name.startswith(".site-")], "no temporary folder left behind"


def test_partial_build_names_an_unknown_municipality(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(project), "build", "--only", "print", "--municipality", "fjordbye"]) == 2
    err = capsys.readouterr().err
    assert "no municipality 'fjordbye'; did you mean 'fjordby'?" in err
    assert not (project / "site").exists() or not any((project / "site").iterdir())


def test_print_file_never_shows_another_municipality(demo_site: Path) -> None:
    names = {m.name for m in DEMO.project.municipalities.values()}
    for mid, lang in FULL:
        local = DEMO.local(mid, lang)
        shown = local.municipality.official_names.get(lang, local.municipality.name)
        for spec in products_for(local.scope):
            text = pdf_text(_files(demo_site, mid, lang) / f"{spec.file}.pdf").upper()
            assert shown.upper() in text
            assert not [name for name in names - {local.municipality.name} if name.upper() in text]

