"""One product, one PDF: fill the product's HTML template and let WeasyPrint lay it out.

Print files are PDF/X-4 in CMYK with 3 mm bleed and crop marks. Their output intent embeds the
output profile and names the print shop's printing condition; the PDF's BleedBox is set to exactly
3 mm around the TrimBox (WeasyPrint would put it up to 10 pt out). The screen brochure is a tagged
PDF/UA-1 in RGB, as are the office sheets. Dates and document IDs come from the data, so the same
input gives the same bytes.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import uuid
from pathlib import Path
from typing import Any

import jinja2

from ...products import BLEED_MM, SLUG_MM, ProductSpec
from ...qr import QUIET_ZONE, qr_modules, qr_svg, qr_svg_in

POINTS_PER_MM = 72 / 25.4
MIN_SYMBOL_MM = 20.5   # 20 mm is the smallest code that scans reliably at arm's length, plus a margin


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
            "bleed_mm": BLEED_MM, "kind": spec.kind, "id": spec.id, "colour": "cmyk" if spec.bleed else "rgb"}
    # The QR code is drawn here, in the worker, not in the data: the data is the cache key, and the URL
    # in it already decides the code.
    shown = {**data, "qr_image": qr_image(data["url"], str(page["colour"]), data["colours"]["cmyk"]),
             "qr_min_mm": qr_min_width(data["url"])}
    return _environment().get_template(spec.template).render(d=shown, t=data["t"], page=page)


def qr_image(url: str, colour: str, cmyk: dict[str, str]) -> str:
    """The code in the colours of a file: black ink only for the print shop, RGB black for screens."""
    svg = qr_svg_in(url, cmyk["black"], cmyk["white"]) if colour == "cmyk" else qr_svg(url)
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def qr_min_width(url: str) -> float:
    """Smallest printed width (quiet zone included) that keeps the symbol itself 20 mm wide."""
    modules = qr_modules(url)
    return round(MIN_SYMBOL_MM * modules / (modules - 2 * QUIET_ZONE), 1)


def render_order_sheet(order: dict[str, Any], lang: str) -> bytes:
    """The print pack's order sheet: a tagged A4 page in RGB, read on screen or on any printer."""
    from weasyprint import HTML

    from .pack import TEXTS

    html = _environment().get_template("order_sheet.html").render(o=order, t=TEXTS[lang], lang=lang)
    return bytes(HTML(string=html).write_pdf(pdf_identifier=True, pdf_tags=True, font_config=_fonts()))


def render_product(data: dict[str, Any], spec: ProductSpec) -> bytes:
    """The PDF of one product for one municipality and language."""
    from weasyprint import HTML

    html = HTML(string=product_html(data, spec))
    options: dict[str, Any] = {"pdf_identifier": True, "font_config": _fonts()}
    if spec.tagged:
        options["pdf_variant"] = "pdf/ua-1"
    if not spec.bleed:
        return bytes(html.write_pdf(**options))
    profile = data["profile"]
    options["pdf_variant"] = "pdf/x-4"
    options["color_profiles"] = {"device-cmyk": _colour_profile(profile["path"], profile["digest"])}

    def finish(document: Any, pdf: Any) -> None:
        _exact_bleed_box(pdf)
        _name_condition(pdf, profile["condition"])
        _stable_document_id(pdf, f"{spec.id}/{data['lang']}/{data['data_version']}/{profile['digest']}")

    return bytes(html.write_pdf(finisher=finish, **options))


@functools.cache
def _colour_profile(path: str, digest: str) -> Any:
    """The output profile as WeasyPrint's ``device-cmyk`` profile (``digest`` keys the cache on the file's bytes).

    The file is embedded byte for byte: littleCMS cannot write some valid profiles back out, and the print
    shop's profile should reach the PDF exactly as the print shop sent it.
    """
    import io

    from weasyprint.css import ColorProfile

    raw = Path(path).read_bytes()

    class FileProfile(ColorProfile):  # type: ignore[misc]
        @property
        def content(self) -> bytes:
            return raw

    return FileProfile(io.BytesIO(raw), Path(path).name, "relative-colorimetric", (["c"], ["m"], ["y"], ["k"]))


def _name_condition(pdf: Any, condition: str) -> None:
    """WeasyPrint names the output condition after the profile; a print shop knows it by its own name."""
    import pydyf

    for intent in pdf.catalog["OutputIntents"]:
        intent["OutputConditionIdentifier"] = pydyf.String(condition)
        intent["Info"] = pydyf.String(condition)


def _stable_document_id(pdf: Any, seed: str) -> None:
    """PDF/X-4 metadata needs a document ID; WeasyPrint draws a random one, which would change every build."""
    metadata = pdf.catalog["Metadata"]
    stable = uuid.UUID(hashlib.sha256(seed.encode()).hexdigest()[:32])
    for item in pdf.objects:
        if getattr(item, "reference", None) == metadata:
            item.stream = [_replace_document_id(part, stable) for part in item.stream]


def _replace_document_id(part: Any, stable: uuid.UUID) -> Any:
    if not isinstance(part, bytes) or b"xmp.did:" not in part:
        return part
    start = part.index(b"xmp.did:") + len(b"xmp.did:")
    return part[:start] + str(stable).encode() + part[start + 36:]


def _exact_bleed_box(pdf: Any) -> None:
    import pydyf

    bleed = BLEED_MM * POINTS_PER_MM
    for item in pdf.objects:
        if isinstance(item, pydyf.Dictionary) and item.get("Type") == "/Page" and "TrimBox" in item:
            left, top, right, bottom = item["TrimBox"]
            item["BleedBox"] = pydyf.Array([left - bleed, top - bleed, right + bleed, bottom + bleed])
