"""The print renderer: every product for every municipality and language, with a preview of each.

The print-shop files of one municipality and language are made in one job, with their preflight and
the print pack (``trykkpakke.zip``), since the pack holds exactly those files. Screen and office
files are made one job each.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from ...artifacts import Job, content_digest, timed_part
from ...context import LocalContext, Material, SiteContext
from ...preflight import report_language, require_print_ready
from ...products import ProductSpec, product, products_for
from .data import print_data
from .pack import ORDER_SHEET, PACK_FILE, REPORT_FILE, order_rows, pack_language, pack_zip, preflight_text
from .pdf import render_order_sheet, render_product
from .preview import png_size, preview_png

FAMILY = "print"
MATERIALS_PAGE = "materiell"
PACK_PRODUCT = "print-pack"


class PrintRenderer:
    name = FAMILY

    def jobs(self, site: SiteContext) -> list[Job]:
        jobs = []
        for local in site.building:
            data = print_data(site, local)
            data_key = content_digest(data)   # one municipality's files share it: hashed once
            specs = products_for(local.scope)
            kit = (data, local.files_path(), _order(local, data, specs), tuple(s.id for s in specs if s.bleed))
            jobs.append(Job("pdf/print-kit", (data_key, *kit[1:]), render_print_kit, kit))
            for spec in specs:
                if not spec.bleed:
                    payload = (data, spec.id, local.files_path())
                    jobs.append(Job(f"pdf/{spec.id}", (data_key, *payload[1:]), render_print_file, payload))
        return jobs

    def materials(self, site: SiteContext, out: Path) -> list[Material]:
        materials = []
        for local in site.building:
            materials.append(_pack_material(local, out))
            materials += [_material(local, spec, out) for spec in products_for(local.scope)]
        return materials


def render_print_file(payload: tuple[dict[str, Any], str, str]) -> dict[str, bytes]:
    """A screen or office PDF and its PNG preview; a module-level function of plain data, for the cache and the pool."""
    data, product_id, folder = payload
    spec = product(product_id)
    with timed_part(f"pdf/{spec.id}"):
        pdf = render_product(data, spec)
    with timed_part("png/preview"):
        png = preview_png(pdf, spec)
    return {f"{folder}{spec.file}.pdf": pdf, f"{folder}{spec.file}.png": png}


def render_print_kit(payload: tuple[dict[str, Any], str, dict[str, Any], tuple[str, ...]]) -> dict[str, bytes]:
    """The language's print-shop files with their previews, each checked as a print shop would, and the print pack."""
    data, folder, order, product_ids = payload
    lang = pack_language(data["lang"])
    files: dict[str, bytes] = {}
    packed: dict[str, bytes] = {}
    reports = []
    for spec in map(product, product_ids):
        with timed_part(f"pdf/{spec.id}"):
            pdf = render_product(data, spec)
        with timed_part("preflight"):
            reports.append(require_print_ready(pdf, f"{folder}{spec.file}.pdf", report_language(lang)).render())
        with timed_part("png/preview"):
            files[f"{folder}{spec.file}.png"] = preview_png(pdf, spec)
        files[f"{folder}{spec.file}.pdf"] = packed[f"{spec.file}.pdf"] = pdf
    with timed_part("pdf/order-sheet"):
        packed[ORDER_SHEET] = render_order_sheet(order, lang)
    packed[REPORT_FILE] = preflight_text(reports, lang, order["heading"])
    files[folder + PACK_FILE] = pack_zip(packed, date.fromisoformat(data["print_date"]))
    return files


def _order(local: LocalContext, data: dict[str, Any], specs: tuple[ProductSpec, ...]) -> dict[str, Any]:
    """What the order sheet shows, as plain data made in the main process."""
    municipality = local.municipality
    page = MATERIALS_PAGE if any(p.key == MATERIALS_PAGE for p in local.pages) else "index"
    example = local.strings["ui"]["example_label"] if municipality.example else ""
    return {"name": data["name"], "print_date": data["print_date"], "example": example, "phone": data["phone"],
            "rows": order_rows(municipality, local.lang, data["data_version"], {s.id for s in specs}),
            "condition": data["profile"]["condition"],
            "report": REPORT_FILE, "url": local.base_url + local.page_path(page),
            "default_copies": municipality.campaign is None,
            "heading": f"TryggEst {data['name']} · {local.lang} · {data['print_date']} · {data['data_version']}"}


def _material(local: LocalContext, spec: ProductSpec, out: Path) -> Material:
    path = f"{local.files_path()}{spec.file}.pdf"
    preview = f"{local.files_path()}{spec.file}.png"
    with (out / preview).open("rb") as image:
        width, height = png_size(image.read(24))   # the header is enough
    texts = local.strings["print"]["products"][spec.id]
    return Material(municipality=local.municipality.id, lang=local.lang, family=FAMILY, product=spec.id,
                    title=texts["title"], purpose=texts["purpose"], path=path, preview=preview,
                    format="PDF", size=spec.size, bytes=(out / path).stat().st_size,
                    preview_width=width, preview_height=height)


def _pack_material(local: LocalContext, out: Path) -> Material:
    path = local.files_path() + PACK_FILE
    texts = local.strings["print"]["products"][PACK_PRODUCT]
    return Material(municipality=local.municipality.id, lang=local.lang, family=FAMILY, product=PACK_PRODUCT,
                    title=texts["title"], purpose=texts["purpose"], path=path, preview=None, format="ZIP",
                    size="PDF/X-4", bytes=(out / path).stat().st_size)
