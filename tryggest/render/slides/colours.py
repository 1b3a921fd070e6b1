"""Colours of the slides, and the WCAG 2.1 contrast rule every text on them must pass.

The municipality's accent colour is used behind white text only when that pair reaches 4.5:1;
otherwise the slides fall back to a dark blue that always does, and the build says so.
"""

from __future__ import annotations

from dataclasses import dataclass

MIN_TEXT_CONTRAST = 4.5
SAFE_BAND = "#00466e"     # dark blue: 10.0:1 against white, 9.2:1 against the paper colour
WHITE = "#ffffff"
PAPER = "#f7f6f2"      # warm off-white: calmer than pure white on a bright screen


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def rgb(hex_colour: str) -> tuple[int, int, int]:
    h = hex_colour.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def hex_of(colour: tuple[int, ...]) -> str:
    return "#{:02x}{:02x}{:02x}".format(*colour[:3])


def luminance(hex_colour: str) -> float:
    """Relative luminance as defined in WCAG 2.1."""
    r, g, b = (_channel(v) for v in rgb(hex_colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def mix(a: str, b: str, share_of_a: float) -> str:
    return hex_of(tuple(round(x * share_of_a + y * (1 - share_of_a)) for x, y in zip(rgb(a), rgb(b), strict=True)))


@dataclass(frozen=True)
class Palette:
    """Colour roles the layouts name; the values are what gets drawn."""

    paper: str      # page background
    ink: str        # main text
    muted: str      # secondary text on paper
    band: str       # strong background: top bar, the "call us" panel
    on_band: str    # text on band
    tint: str       # quiet background: cards, footer
    badge: str      # EKSEMPEL badge background
    on_badge: str
    rule: str       # thin decorative lines and bullets

    def role(self, name: str) -> str:
        value: str = getattr(self, name)
        return value


def palette_for(accent: str) -> tuple[Palette, str | None]:
    """The palette for an accent colour, and a warning when the accent could not be used."""
    warning = None
    band = accent.lower()
    # The accent is a background for white text and a text colour on paper: both must pass.
    worst = min(contrast(WHITE, band), contrast(PAPER, band))
    if worst < MIN_TEXT_CONTRAST:
        warning = (f"branding.accent {accent} gives only {worst:.1f}:1 against white or paper; the slides and "
                   f"images use {SAFE_BAND} instead (text needs {MIN_TEXT_CONTRAST}:1)")
        band = SAFE_BAND
    palette = Palette(paper=PAPER, ink="#1a1a1a", muted="#404040", band=band, on_band=WHITE,
                      tint=mix(band, WHITE, 0.09), badge="#ffd633", on_badge="#1a1a1a", rule=band)
    return palette, warning
