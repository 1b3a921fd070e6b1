"""The QR codes on a printed page, as a phone sees them: each page is drawn by poppler (``pdftoppm``) and
read by zxing-cpp, then measured: printed width, module size and the free margin around the symbol.
"""

from __future__ import annotations

import io
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

MM_PER_INCH = 25.4
LONG_SIDE_PX = 1800      # enough for 8+ pixels a module on every product, small enough to stay quick
DARK = 128
QUIET_ZONE_MODULES = 4


@dataclass(frozen=True)
class QrCode:
    page: int
    text: str
    width_mm: float          # the symbol itself, without its quiet zone
    module_mm: float
    quiet_modules: float     # the narrowest free margin on any side, in modules (capped at 2 × the rule)


class RenderError(RuntimeError):
    """pdftoppm is missing or refused the file."""


def find_codes(path: Path, page_sizes_mm: list[tuple[float, float]]) -> list[QrCode]:
    import zxingcpp

    codes = []
    for number, (width, height) in enumerate(page_sizes_mm, start=1):
        dpi = LONG_SIDE_PX / (max(width, height) / MM_PER_INCH)
        image = _page_image(path, number, dpi)
        for found in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)):
            codes.append(_measure(number, found, image, dpi))
    return codes


def _page_image(path: Path, page: int, dpi: float) -> Image.Image:
    args = ["pdftoppm", "-gray", "-png", "-singlefile", "-f", str(page), "-l", str(page), "-r", f"{dpi:.2f}", str(path)]
    try:
        result = subprocess.run(args, capture_output=True, check=True)
    except FileNotFoundError:
        raise RenderError("pdftoppm is not installed (Debian package poppler-utils; run scripts/setup)") from None
    except subprocess.CalledProcessError as exc:
        raise RenderError(f"pdftoppm could not draw {path.name}: {exc.stderr.decode(errors='replace').strip()}") from None
    return Image.open(io.BytesIO(result.stdout)).convert("L")


def _measure(page: int, found: object, image: Image.Image, dpi: float) -> QrCode:
    corners = found.position  # type: ignore[attr-defined]
    xs = [corners.top_left.x, corners.top_right.x, corners.bottom_right.x, corners.bottom_left.x]
    ys = [corners.top_left.y, corners.top_right.y, corners.bottom_right.y, corners.bottom_left.y]
    version = int(found.extra.get("Version", "1"))  # type: ignore[attr-defined]
    modules = 17 + 4 * version
    width_px = max(xs) - min(xs)
    module_px = width_px / modules
    quiet = _quiet_zone(image, (min(xs), min(ys), max(xs), max(ys)), module_px)
    mm_per_px = MM_PER_INCH / dpi
    return QrCode(page, str(found.text), round(width_px * mm_per_px, 1),  # type: ignore[attr-defined]
                  round(module_px * mm_per_px, 2), round(quiet, 1))


def _quiet_zone(image: Image.Image, box: tuple[int, int, int, int], module_px: float) -> float:
    """How far, in modules, the paper stays light outside the symbol on its tightest side."""
    left, top, right, bottom = box
    limit = round(2 * QUIET_ZONE_MODULES * module_px)
    width, height = image.size

    def free(line_at: Callable[[int], tuple[int, int, int, int]]) -> int:
        # ``line_at(d)``: the strip of pixels at distance ``d`` outside the symbol's edge.
        for distance in range(2, limit):
            strip = line_at(distance)
            if strip[0] < 0 or strip[1] < 0 or strip[2] > width or strip[3] > height:
                return distance
            darkest = image.crop(strip).getextrema()[0]
            if int(darkest) < DARK:  # type: ignore[arg-type]
                return distance
        return limit

    sides = [free(lambda d: (left - d, top, left - d + 1, bottom + 1)),
             free(lambda d: (right + d, top, right + d + 1, bottom + 1)),
             free(lambda d: (left, top - d, right + 1, top - d + 1)),
             free(lambda d: (left, bottom + d, right + 1, bottom + d + 1))]
    return min(sides) / module_px
