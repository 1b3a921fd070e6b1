"""The print pack: one zip per municipality and language with exactly the print-shop files, an order
sheet and the preflight report, linked from the materials page and the same bytes on every build."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from conftest import REPO
from pypdf import PdfReader

from tryggest.context import LocalContext
from tryggest.load import load_project
from tryggest.model import PRODUCT_ALIASES
from tryggest.pipeline import check
from tryggest.products import CATALOGUE, PRODUCTS, products_for
from tryggest.render.print.data import print_data
from tryggest.render.print.pdf import render_order_sheet
from tryggest.render.print.renderer import _order, render_print_kit

DEMO = check(REPO)
PRINT_FILES = sorted(f"{spec.file}.pdf" for spec in PRODUCTS if spec.bleed)


def _pack(site: Path, mid: str, lang: str) -> zipfile.ZipFile:
    return zipfile.ZipFile(site / DEMO.local(mid, lang).files_path() / "trykkpakke.zip")


def test_every_print_file_is_named_the_same_way() -> None:
    assert all(name.endswith("-trykk.pdf") for name in PRINT_FILES) and len(PRINT_FILES) == 6
    assert not [spec for spec in PRODUCTS if not spec.bleed and spec.file.endswith("-trykk")]


def _print_files_of(local: LocalContext) -> list[str]:
    """The print-shop files of a language: all six, or the core ones of a core-scope language."""
    return sorted(spec.pdf for spec in products_for(local.scope) if spec.bleed)


def test_each_pack_holds_exactly_the_print_files_an_order_sheet_and_the_report(demo_site: Path) -> None:
    for local in DEMO.locals:
        folder = demo_site / local.files_path()
        files = _print_files_of(local)
        assert len(files) == (6 if local.scope == "full" else 3), local.lang
        with _pack(demo_site, local.municipality.id, local.lang) as pack:
            assert sorted(pack.namelist()) == sorted([*files, "bestillingsskjema.pdf", "preflight.txt"])
            for name in files:
                assert pack.read(name) == (folder / name).read_bytes(), (folder, name)
            report = pack.read("preflight.txt").decode("utf-8")
            assert report.count("klar til trykk" if local.lang != "en" else "ready to print") == len(files)
            assert "ikke klar" not in report and "not ready" not in report


def test_order_sheet_lists_size_bleed_paper_copies_and_data_version() -> None:
    local = DEMO.local("sandefjord", "nb")
    data = print_data(DEMO, local)
    sheet = render_order_sheet(_order(local, data, products_for(local.scope)), "nb")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(sheet)).pages)
    flat = " ".join(text.split())
    for name in PRINT_FILES:
        assert name in flat
    assert "297 × 210 mm, falset til 99 × 210 mm" in flat and "3 mm, skjæremerker" in flat
    assert "350 g matt bestrøket kartong" in flat and data["data_version"] in flat
    assert "https://tryggest.example.no/sandefjord/materiell/" in flat
    sandefjord = load_project(REPO).municipalities["sandefjord"]
    assert sandefjord.campaign is not None
    planned = {spec.pdf: 0 for spec in CATALOGUE.values()}
    for placement in sandefjord.campaign.placements:
        planned[CATALOGUE[placement.product].pdf] += placement.copies
    assert {row["file"]: row["copies"] for row in _order(local, data, products_for(local.scope))["rows"]} == planned
    assert sum(planned.values()) > 0


def test_the_materials_page_links_the_pack(demo_site: Path) -> None:
    html = (demo_site / "sandefjord/materiell/index.html").read_text(encoding="utf-8")
    assert "trykkpakke.zip" in html and "Trykkpakke til trykkeriet" in html
    english = (demo_site / "en/sandefjord/materiell/index.html").read_text(encoding="utf-8")
    assert "Print pack for the print shop" in english


def test_the_pack_is_the_same_bytes_when_made_again(demo_site: Path) -> None:
    local = DEMO.local("porsanger", "se")
    data = print_data(DEMO, local)
    specs = products_for(local.scope)
    again = render_print_kit((data, local.files_path(), _order(local, data, specs), tuple(s.id for s in specs if s.bleed)))
    made = (demo_site / local.files_path() / "trykkpakke.zip").read_bytes()
    assert again[local.files_path() + "trykkpakke.zip"] == made
    with zipfile.ZipFile(io.BytesIO(made)) as pack:
        assert {info.date_time for info in pack.infolist()} == {(2026, 11, 22, 0, 0, 0)}


@pytest.mark.parametrize(("alias", "product_id"), sorted(PRODUCT_ALIASES.items()))
def test_products_may_be_written_in_norwegian(alias: str, product_id: str) -> None:
    from tryggest.model import Placement

    assert Placement.model_validate({"where": "Biblioteket", "product": alias, "copies": 2}).product == product_id
