"""Reading print PDFs the way a print shop's preflight would: text, page boxes, fonts and QR codes."""

from __future__ import annotations

import io
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import zxingcpp
from PIL import Image
from pypdf import PdfReader

POINTS_PER_MM = 72 / 25.4


def pdf_text(path: Path) -> str:
    reader = PdfReader(path)
    return "\n".join(page.extract_text() for page in reader.pages)


def flat(text: str) -> str:
    """Line breaks and runs of spaces as single spaces, for phrases that may wrap."""
    return re.sub(r"\s+", " ", text)


@dataclass(frozen=True)
class Boxes:
    trim: tuple[float, float, float, float]
    bleed: tuple[float, float, float, float]
    media: tuple[float, float, float, float]


def page_boxes(path: Path) -> list[Boxes]:
    def box(rect: object) -> tuple[float, float, float, float]:
        left, bottom, right, top = (float(v) for v in rect)  # type: ignore[attr-defined]
        return left, bottom, right, top

    return [Boxes(box(p.trimbox), box(p.bleedbox), box(p.mediabox)) for p in PdfReader(path).pages]


@dataclass(frozen=True)
class Font:
    name: str
    embedded: bool


def fonts(path: Path) -> list[Font]:
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = out.splitlines()[2:]
    # Columns: name type encoding emb sub uni object ID; the type may contain spaces, so read from the right.
    return [Font(row.split()[0], row.split()[-5] == "yes") for row in rows if row.strip()]


@dataclass(frozen=True)
class Code:
    text: str
    ec_level: str
    width_mm: float        # the symbol, without its quiet zone
    page: int
    quiet_zone_clear: bool


def qr_codes(path: Path, dpi: int = 300, modules: int | None = None) -> list[Code]:
    """Every QR code on every page, read from a raster as a phone camera would see the print."""
    codes = []
    for number in range(1, len(PdfReader(path).pages) + 1):
        png = subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "-f", str(number), "-l", str(number),
                              "-singlefile", str(path)], capture_output=True, check=True).stdout
        image = Image.open(io.BytesIO(png)).convert("L")
        for result in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode):
            position = result.position
            width_px = ((position.top_right.x - position.top_left.x) ** 2
                        + (position.top_right.y - position.top_left.y) ** 2) ** 0.5
            clear = _quiet_zone_clear(image, result, modules) if modules else True
            codes.append(Code(result.text, result.ec_level, width_px / dpi * 25.4, number, clear))
    return codes


def _quiet_zone_clear(image: Image.Image, result: zxingcpp.Barcode, modules: int) -> bool:
    """True when the band from half a module to 3.5 modules around the symbol is light everywhere."""
    p = result.position
    xs = [p.top_left.x, p.top_right.x, p.bottom_left.x, p.bottom_right.x]
    ys = [p.top_left.y, p.top_right.y, p.bottom_left.y, p.bottom_right.y]
    left, right, top, bottom = min(xs), max(xs), min(ys), max(ys)
    module = (right - left) / modules
    near, far = 0.5 * module, 3.5 * module
    strips = [
        (left - far, top - far, right + far, top - near),          # above
        (left - far, bottom + near, right + far, bottom + far),    # below
        (left - far, top - far, left - near, bottom + far),        # left
        (right + near, top - far, right + far, bottom + far),      # right
    ]
    darkest = min(image.crop(tuple(round(v) for v in strip)).getextrema()[0] for strip in strips)  # type: ignore[misc]
    return bool(darkest >= 128)
