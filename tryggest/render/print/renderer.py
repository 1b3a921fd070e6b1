"""The print renderer: every product for every municipality and language, with a preview of each."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ...artifacts import Job, timed_part
from ...context import LocalContext, Material, SiteContext
from .data import print_data
from .pdf import render_product
from .preview import png_size, preview_png
from .products import ProductSpec, product, products_for

FAMILY = "print"


class PrintRenderer:
    name = FAMILY

    def jobs(self, site: SiteContext) -> list[Job]:
        jobs = []
        for local in site.building:
            data = print_data(site, local)
            for spec in products_for(local.scope):
                payload = (data, spec.id, local.files_path())
                jobs.append(Job(f"pdf/{spec.id}", payload, render_print_file, payload))
        return jobs

    def materials(self, site: SiteContext, out: Path) -> list[Material]:
        return [_material(local, spec, out) for local in site.building for spec in products_for(local.scope)]


def render_print_file(payload: tuple[dict[str, Any], str, str]) -> dict[str, bytes]:
    """The PDF and its PNG preview; a module-level function of plain data, for the cache and the pool."""
    data, product_id, folder = payload
    spec = product(product_id)
    with timed_part(f"pdf/{spec.id}"):
        pdf = render_product(data, spec)
    with timed_part("png/preview"):
        png = preview_png(pdf, spec)
    return {f"{folder}{spec.file}.pdf": pdf, f"{folder}{spec.file}.png": png}


def _material(local: LocalContext, spec: ProductSpec, out: Path) -> Material:
    path = f"{local.files_path()}{spec.file}.pdf"
    preview = f"{local.files_path()}{spec.file}.png"
    width, height = png_size((out / preview).read_bytes())
    texts = local.strings["print"]["products"][spec.id]
    return Material(municipality=local.municipality.id, lang=local.lang, family=FAMILY, product=spec.id,
                    title=texts["title"], purpose=texts["purpose"], path=path, preview=preview,
                    format="PDF", size=spec.size, bytes=(out / path).stat().st_size,
                    preview_width=width, preview_height=height)
