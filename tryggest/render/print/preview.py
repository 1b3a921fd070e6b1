"""PNG previews for the materials page: the first page, cut to the trim edge, made by poppler's pdftoppm."""

from __future__ import annotations

import subprocess

from ...products import SLUG_MM, ProductSpec

PREVIEW_WIDTH_PX = 560
MM_PER_INCH = 25.4


class PreviewError(RuntimeError):
    """pdftoppm is missing or refused the file."""


def preview_png(pdf: bytes, spec: ProductSpec, width_px: int = PREVIEW_WIDTH_PX) -> bytes:
    dpi = width_px / (spec.width_mm / MM_PER_INCH)
    args = ["pdftoppm", "-png", "-singlefile", "-f", "1", "-l", "1", "-r", f"{dpi:.3f}"]
    if spec.bleed:
        # Show the product as it comes back from the print shop: without the slug and its marks.
        offset = round(SLUG_MM / MM_PER_INCH * dpi)
        height = round(spec.height_mm / MM_PER_INCH * dpi)
        args += ["-x", str(offset), "-y", str(offset), "-W", str(width_px), "-H", str(height)]
    try:
        result = subprocess.run([*args, "-"], input=pdf, capture_output=True, check=True)
    except FileNotFoundError:
        raise PreviewError("pdftoppm is not installed (Debian package poppler-utils; run scripts/setup)") from None
    except subprocess.CalledProcessError as exc:
        raise PreviewError(f"pdftoppm failed: {exc.stderr.decode(errors='replace').strip()}") from None
    return result.stdout


def png_size(png: bytes) -> tuple[int, int]:
    """Width and height from the PNG header (the IHDR chunk always comes first)."""
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
