"""One product, one PDF: fill the product's HTML template and let WeasyPrint lay it out.

Print files get 3 mm bleed and crop marks; the PDF's BleedBox is set to exactly 3 mm around the
TrimBox (WeasyPrint would put it up to 10 pt out). The screen brochure is a tagged PDF/UA-1.
Dates and the document ID come from the data, so the same input gives the same bytes.
"""

from __future__ import annotations

import functools
from typing import Any

import jinja2

from .products import BLEED_MM, SLUG_MM, ProductSpec

POINTS_PER_MM = 72 / 25.4


@functools.cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("tryggest.render.print", "templates"),
        undefined=jinja2.StrictUndefined,
        autoescape=jinja2.select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )


@functools.cache
def _fonts() -> Any:
    # One font configuration per process: building it scans fontconfig, which costs more than a page.
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


def product_html(data: dict[str, Any], spec: ProductSpec) -> str:
    page = {"width": spec.width_mm, "height": spec.height_mm, "bleed": spec.bleed, "slug": SLUG_MM,
            "bleed_mm": BLEED_MM, "kind": spec.kind, "id": spec.id}
    return _environment().get_template(spec.template).render(d=data, t=data["t"], page=page)


def render_product(data: dict[str, Any], spec: ProductSpec) -> bytes:
    """The PDF of one product for one municipality and language."""
    from weasyprint import HTML

    html = HTML(string=product_html(data, spec))
    options: dict[str, Any] = {"pdf_identifier": True, "font_config": _fonts()}
    if spec.tagged:
        options["pdf_variant"] = "pdf/ua-1"
    pdf: bytes = html.write_pdf(finisher=_exact_bleed_box if spec.bleed else None, **options)
    return pdf


def _exact_bleed_box(document: Any, pdf: Any) -> None:
    import pydyf

    bleed = BLEED_MM * POINTS_PER_MM
    for item in pdf.objects:
        if isinstance(item, pydyf.Dictionary) and item.get("Type") == "/Page" and "TrimBox" in item:
            left, top, right, bottom = item["TrimBox"]
            item["BleedBox"] = pydyf.Array([left - bleed, top - bleed, right + bleed, bottom + bleed])
