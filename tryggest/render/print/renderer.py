"""The print renderer: every product for every municipality and language, with a preview of each."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ...context import LocalContext, Material, SiteContext
from .data import print_data
from .pdf import render_product
from .preview import png_size, preview_png
from .products import PRODUCTS, ProductSpec

FAMILY = "print"


class PrintRenderer:
    name = FAMILY

    def render(self, site: SiteContext, out: Path) -> list[Material]:
        materials = []
        for local in site.locals:
            data = print_data(site, local)
            for spec in PRODUCTS:
                materials.append(write_product(local, data, spec, out))
        return materials


def write_product(local: LocalContext, data: dict[str, Any], spec: ProductSpec, out: Path) -> Material:
    pdf = render_product(data, spec)
    path = f"{local.files_path()}{spec.file}.pdf"
    preview = f"{local.files_path()}{spec.file}.png"
    target = out / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(pdf)
    png = preview_png(pdf, spec)
    (out / preview).write_bytes(png)
    width, height = png_size(png)
    texts = local.strings["print"]["products"][spec.id]
    return Material(municipality=local.municipality.id, lang=local.lang, family=FAMILY, product=spec.id,
                    title=texts["title"], purpose=texts["purpose"], path=path, preview=preview,
                    format="PDF", size=spec.size, bytes=len(pdf), preview_width=width, preview_height=height)
