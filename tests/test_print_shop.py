"""Print files as a print shop's preflight reads them: PDF/X-4 in CMYK with an embedded CMYK output
intent, boxes on every page, no RGB anywhere, fonts embedded; black text and QR codes on the black
plate only (Ghostscript separations); the preflight command and the build's own check."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pikepdf
import pytest
from conftest import REPO, make_project
from PIL import Image

from tryggest.cli import main
from tryggest.pipeline import check
from tryggest.preflight import PreflightFailed, preflight, require_print_ready
from tryggest.preflight.inspect import colour_space_name
from tryggest.products import PRODUCTS, product, products_for
from tryggest.render.print.colours import accent_cmyk, rgb_to_cmyk
from tryggest.render.print.data import print_data
from tryggest.render.print.pdf import render_product

DEMO = check(REPO)
PRINT_SPECS = [spec for spec in PRODUCTS if spec.bleed]
OFFICE_SPECS = [spec for spec in PRODUCTS if not spec.bleed]
RGB = {"DeviceRGB", "CalRGB", "ICCBased/3"}


def _print_files(site: Path) -> list[Path]:
    return [site / local.files_path() / f"{spec.file}.pdf" for local in DEMO.locals
            for spec in products_for(local.scope) if spec.bleed]


def _spaces_in(pdf: pikepdf.Pdf) -> set[str]:
    """Every colour space named anywhere: resources, images, shadings, groups and content operators."""
    found: set[str] = set()
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
            if "/Group" in obj and "/CS" in obj.Group:
                found.add(colour_space_name(obj.Group.CS))
            if obj.get("/Subtype") == "/Image" or "/ShadingType" in obj:
                found.add(colour_space_name(obj.get("/ColorSpace", pikepdf.Name.DeviceGray)))
            for space in obj.get("/ColorSpace", {}).values() if isinstance(obj.get("/ColorSpace"), pikepdf.Dictionary) else []:
                found.add(colour_space_name(space))
        if isinstance(obj, pikepdf.Stream) and (obj.get("/Type") == "/Page" or obj.get("/Subtype") == "/Form"):
            found |= _operators(obj)
    for page in pdf.pages:
        found |= _operators(page.obj)
    return found


def _operators(holder: object) -> set[str]:
    """Device colour spaces set by operators: ``rg``/``k`` name theirs, ``cs``/``CS`` take it as an operand."""
    named = {"rg": "DeviceRGB", "RG": "DeviceRGB", "k": "DeviceCMYK", "K": "DeviceCMYK"}
    found = set()
    for instruction in pikepdf.parse_content_stream(holder):  # type: ignore[arg-type]
        if not isinstance(instruction, pikepdf.ContentStreamInstruction):
            continue
        operator = str(instruction.operator)
        if operator in named:
            found.add(named[operator])
        elif operator in ("cs", "CS") and str(instruction.operands[0]).startswith("/Device"):
            found.add(str(instruction.operands[0]).lstrip("/"))
    return found


def test_every_print_file_is_pdfx4_cmyk_with_boxes_and_embedded_fonts(demo_site: Path) -> None:
    files = _print_files(demo_site)
    # Six print-shop files a language; a core-scope language has the brochure, the A4 poster and the sticker.
    assert len(files) == sum(6 if local.scope == "full" else 3 for local in DEMO.locals)
    for path in files:
        with pikepdf.open(path) as pdf:
            intents = list(pdf.Root.OutputIntents)
            assert [str(i.S) for i in intents] == ["/GTS_PDFX"], path
            assert int(intents[0].DestOutputProfile.N) == 4, path
            assert intents[0].OutputConditionIdentifier == "Artifex CMYK SWOP Profile", path
            assert "<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>" in pdf.Root.Metadata.read_bytes().decode()
            for page in pdf.pages:
                assert "/TrimBox" in page.obj and "/BleedBox" in page.obj, path
            spaces = _spaces_in(pdf)
            assert "DeviceCMYK" in spaces and not spaces & RGB, (path, spaces)
            for font in (f for page in pdf.pages for f in page.Resources.Font.values()):
                descendant = font.DescendantFonts[0] if "/DescendantFonts" in font else font
                assert "/FontFile2" in descendant.FontDescriptor or "/FontFile3" in descendant.FontDescriptor, path


def test_office_sheets_and_screen_brochure_stay_rgb(demo_site: Path) -> None:
    local = DEMO.local("sandefjord", "nb")
    for spec in OFFICE_SPECS:
        with pikepdf.open(demo_site / local.files_path() / f"{spec.file}.pdf") as pdf:
            assert "/OutputIntents" not in pdf.Root
            assert "DeviceRGB" in _spaces_in(pdf)
    with pikepdf.open(demo_site / local.files_path() / "brosjyre-skjerm.pdf") as pdf:
        assert "pdfuaid:part" in pdf.Root.Metadata.read_bytes().decode()
        assert "/StructTreeRoot" in pdf.Root


def test_preflight_passes_every_print_file_and_fails_an_office_sheet(demo_site: Path) -> None:
    local = DEMO.local("porsanger", "se")
    for spec in PRINT_SPECS:
        report = preflight(demo_site / local.files_path() / f"{spec.file}.pdf", "en")
        assert report.ok, report.render()
        text = report.render()
        assert "PDF/X-4" in text and "no RGB" in text and "reads https://" in text
    sheet = preflight(demo_site / local.files_path() / "visittkort-ark.pdf", "nb")
    assert not sheet.ok
    assert any("RGB" in failure for failure in sheet.failures())


def test_preflight_command_reports_in_norwegian_and_exits_1_on_a_failure(
        demo_site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = demo_site / DEMO.local("gjovik", "nb").files_path()
    assert main(["preflight", str(folder / "klistremerke-trykk.pdf")]) == 0
    out = capsys.readouterr().out
    assert "klar til trykk" in out and "ferdig format 90 × 90 mm, 3 mm utfallende" in out
    assert "fri sone" in out and "leses som https://" in out
    assert main(["preflight", "--lang", "en", str(folder / "klistremerke-ark.pdf")]) == 1
    assert "not ready to print" in capsys.readouterr().out
    assert main(["preflight", str(folder / "finnes-ikke.pdf")]) == 2


def test_the_build_refuses_a_print_file_that_fails_a_check() -> None:
    local = DEMO.local("sandefjord", "nb")
    sheet = render_product(print_data(DEMO, local), product("sticker-sheet"))
    with pytest.raises(PreflightFailed, match=r"klistremerke-ark.pdf did not pass the print checks:(?s:.*)\n  - Colour.*RGB"):
        require_print_ready(sheet, "filer/sandefjord/nb/klistremerke-ark.pdf")


def test_brand_colour_is_converted_with_the_output_profile_or_taken_from_the_yaml() -> None:
    profile = str(Path("/usr/share/color/icc/ghostscript/default_cmyk.icc"))
    blue = rgb_to_cmyk("#005a8c", profile)
    assert len(blue) == 4 and blue[0] > 0.8 and blue[2] < 0.5          # a blue: much cyan, little yellow
    assert accent_cmyk("#005a8c", [100, 40, 0, 20], profile) == (1.0, 0.4, 0.0, 0.2)
    assert rgb_to_cmyk("#ffffff", profile) == (0.0, 0.0, 0.0, 0.0)


def test_print_profile_from_the_portal_names_the_condition(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    (root / "trykkeri.icc").write_bytes(Path("/usr/share/color/icc/ghostscript/default_cmyk.icc").read_bytes())
    portal = root / "municipalities.yml"
    portal.write_text(portal.read_text(encoding="utf-8").replace(
        "portal:\n", "portal:\n  print_profile: {path: trykkeri.icc, condition: Trykkeriets papir}\n", 1), encoding="utf-8")
    site = check(root)
    local = site.locals[0]
    pdf = render_product(print_data(site, local), product("sticker"))
    with pikepdf.open(__import__("io").BytesIO(pdf)) as document:
        assert document.Root.OutputIntents[0].OutputConditionIdentifier == "Trykkeriets papir"


def test_a_missing_or_rgb_profile_is_an_input_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_project(tmp_path)
    (root / "skjerm.icc").write_bytes(Path("/usr/share/color/icc/ghostscript/srgb.icc").read_bytes())
    portal = root / "municipalities.yml"
    portal.write_text(portal.read_text(encoding="utf-8").replace(
        "portal:\n", "portal:\n  print_profile: {path: skjerm.icc}\n", 1), encoding="utf-8")
    assert main(["--root", str(root), "check"]) == 2
    err = capsys.readouterr().err
    assert "municipalities.yml:2:" in err and "portal.print_profile.path" in err and "a print shop profile is CMYK" in err


@pytest.mark.skipif(subprocess.run(["which", "gs"], capture_output=True).returncode != 0, reason="needs ghostscript")
def test_body_text_and_qr_code_are_on_the_black_plate_only(tmp_path: Path) -> None:
    """One file (the A4 poster, Sandefjord, Bokmål) drawn to separations: the lead text and the QR code
    leave ink on the K plate and none on C, M or Y; the brand colour band does use C."""
    pdf = tmp_path / "plakat-a4-trykk.pdf"
    pdf.write_bytes(render_product(print_data(DEMO, DEMO.local("sandefjord", "nb")), product("poster-a4")))
    dpi = 50
    subprocess.run(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=tiffsep", f"-r{dpi}",
                    f"-sOutputFile={tmp_path / 'sep.tif'}", str(pdf)], check=True)
    plates = {name: Image.open(tmp_path / f"sep({name}).tif").convert("L")
              for name in ("Cyan", "Magenta", "Yellow", "Black")}

    def ink(plate: str, box_mm: tuple[float, float, float, float]) -> int:
        # The page starts at the slug (9 mm); separations are drawn with ink as dark pixels.
        left, top, right, bottom = (round((v + 9) / 25.4 * dpi) for v in box_mm)
        return 255 - int(plates[plate].crop((left, top, right, bottom)).getextrema()[0])  # type: ignore[arg-type]

    # The left part of the lead paragraph, black on white: the demo's EKSEMPEL watermark (red, across the
    # middle) does not reach it.
    lead_text = (16, 93, 70, 110)
    qr_code = (17, 246, 45, 274)       # the QR code at the foot
    head = (20, 5, 190, 20)            # the brand colour band
    for area in (lead_text, qr_code):
        assert ink("Black", area) > 128
        assert all(ink(plate, area) == 0 for plate in ("Cyan", "Magenta", "Yellow")), area
    assert ink("Cyan", head) > 128


def test_preflight_names_four_colour_black_text_and_a_missing_code(tmp_path: Path) -> None:
    from weasyprint import HTML

    html = ('<html><head><style>@page { size: 90mm 90mm; margin: 0; bleed: 3mm }'
            'p { font: 9pt "Noto Sans"; color: device-cmyk(0.6 0.5 0.5 1) }</style></head>'
            '<body><p>Ring TryggEst</p></body></html>')
    path = tmp_path / "rik-svart.pdf"
    path.write_bytes(HTML(string=html).write_pdf())
    failures = preflight(path, "en").failures()
    assert any("four inks" in failure for failure in failures)
    assert "No readable QR code found" in failures
