"""QR codes: error correction M, a quiet zone of 4 modules, always pointing at a page of the site.

Print and slides take their codes from here so a code and the URL printed beside it agree.
"""

from __future__ import annotations

import functools
import io

import segno

QUIET_ZONE = 4


@functools.lru_cache(maxsize=64)
def make_qr(url: str) -> segno.QRCode:
    # Cached: a municipality's files and slides all point at one URL, and finding the best mask is
    # the slow part. Nothing here changes a code once made.
    # boost_error=False: keep M exactly, so module size on a sticker is predictable.
    return segno.make_qr(url, error="m", boost_error=False)


def qr_svg(url: str, dark: str = "#000000") -> str:
    """A standalone SVG, 1 unit per module, scaled by whoever places it."""
    buffer = io.BytesIO()
    make_qr(url).save(buffer, kind="svg", scale=1, border=QUIET_ZONE, dark=dark, light="#ffffff",
                      xmldecl=False, svgns=True, nl=False)
    return buffer.getvalue().decode("ascii")


def qr_svg_in(url: str, dark: str, light: str) -> str:
    """The code drawn in any CSS colours, e.g. ``device-cmyk(0 0 0 1)`` for black ink only in print files."""
    svg = qr_svg(url)
    # The modules are stroked lines; "fill: none" keeps the renderer from setting an (RGB) default fill.
    for attribute, drawn in (('stroke="#000"', f'stroke="{dark}" fill="none"'), ('fill="#fff"', f'fill="{light}"')):
        if attribute not in svg:
            raise ValueError(f"segno's SVG no longer has {attribute}; update qr_svg_in")
        svg = svg.replace(attribute, drawn)
    return svg


def qr_png(url: str, scale: int) -> bytes:
    buffer = io.BytesIO()
    make_qr(url).save(buffer, kind="png", scale=scale, border=QUIET_ZONE, dark="#000000", light="#ffffff")
    return buffer.getvalue()


def qr_modules(url: str) -> int:
    """Width of the symbol in modules, quiet zone included."""
    width = int(make_qr(url).symbol_size(scale=1, border=QUIET_ZONE)[0])
    return width


def display_url(url: str) -> str:
    """The URL as printed beside a code: without scheme and trailing slash, short enough to type."""
    return url.removeprefix("https://").removeprefix("http://").rstrip("/")
