"""Where everything goes on each slide and image: boxes in pixels, colour roles, type sizes.

This module is data. The drawing engine (``draw``) reads it and knows nothing about any one slide.
A text box names the largest and the smallest type size it may use: long text is wrapped, then
shrunk, and a text that does not fit at the smallest size stops the build instead of overflowing.
Colours are roles of ``colours.Palette`` ("band", "ink", ...), never literal values.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from .fonts import Weight

Kind = Literal["fill", "text", "qr", "badge"]

FORMATS: dict[str, tuple[int, int]] = {
    "landscape": (1920, 1080),
    "portrait": (1080, 1920),
    "post": (1080, 1080),
    "og": (1200, 630),
}

# The slides, in the order they are shown. Each has a landscape and a portrait layout.
SLIDES: tuple[str, ...] = ("about", "who", "violence", "call", "acute")
ORIENTATIONS: tuple[str, ...] = ("landscape", "portrait")


@dataclass(frozen=True)
class Box:
    name: str                 # the content key it shows (text, qr) or a label (fill)
    kind: Kind
    x: int
    y: int
    w: int
    h: int
    colour: str = "ink"       # text colour for text; background for fill and badge
    weight: Weight = "regular"
    size: int = 48            # largest type size in px
    min_size: int = 28        # smallest type size in px before the build stops
    align: Literal["left", "center", "right"] = "left"
    valign: Literal["top", "middle", "bottom"] = "top"
    leading: float = 1.25     # line height as a multiple of the type size
    max_lines: int = 0        # 0: as many as fit
    bullets: bool = False     # a list: one item per entry, with a bullet in the rule colour
    gap: float = 0.45         # space between entries, as a share of the line height
    hyphens: bool = True      # may break after a hyphen or slash before shrinking (False for URLs)


def fill(name: str, x: int, y: int, w: int, h: int, colour: str) -> Box:
    return Box(name, "fill", x, y, w, h, colour=colour)


def text(name: str, x: int, y: int, w: int, h: int, **style: Any) -> Box:
    return Box(name, "text", x, y, w, h, **style)


def qr(x: int, y: int, side: int) -> Box:
    return Box("qr", "qr", x, y, side, side)


def badge(x: int, y: int, w: int, h: int, size: int) -> Box:
    """The EKSEMPEL mark; drawn only for municipalities with ``example: true``."""
    return Box("badge", "badge", x, y, w, h, colour="badge", weight="bold", size=size, min_size=18,
               align="center", valign="middle", max_lines=1)


def title(x: int, y: int, w: int, h: int, size: int, lines: int = 2) -> Box:
    return text("title", x, y, w, h, weight="bold", size=size, min_size=48, leading=1.15, max_lines=lines)


def _cards(x: int, y: int, w: int, h: int, columns: int, gap: int, name_size: int, text_size: int) -> list[Box]:
    """Four violence-type cards: a quiet panel, an accent stripe, the name and one short line."""
    boxes: list[Box] = []
    rows = 4 // columns
    card_w, card_h = (w - gap * (columns - 1)) // columns, (h - gap * (rows - 1)) // rows
    pad = 40
    for i in range(4):
        cx, cy = x + (i % columns) * (card_w + gap), y + (i // columns) * (card_h + gap)
        name_h = round(name_size * 1.45)
        boxes += [
            fill(f"card{i + 1}", cx, cy, card_w, card_h, "tint"),
            fill(f"card{i + 1}_stripe", cx, cy, 12, card_h, "rule"),
            text(f"card{i + 1}_name", cx + pad, cy + 24, card_w - 2 * pad, name_h, weight="bold",
                 size=name_size, min_size=26, max_lines=1),
            text(f"card{i + 1}_text", cx + pad, cy + 24 + name_h, card_w - 2 * pad, card_h - name_h - 44,
                 size=text_size, min_size=22, leading=1.3),
        ]
    return boxes


# -- landscape 1920 x 1080 -----------------------------------------------------------------------

_L = 110  # side margin

_LANDSCAPE_FRAME = [
    fill("band", 0, 0, 1920, 150, "band"),
    text("brand", _L, 0, 640, 150, colour="on_band", weight="bold", size=64, min_size=36, valign="middle",
         max_lines=1),
    text("place", 800, 0, 1920 - _L - 800, 150, colour="on_band", size=52, min_size=26, align="right",
         valign="middle", max_lines=1),
]
_LANDSCAPE_FOOTER = [
    fill("footer", 0, 930, 1920, 150, "tint"),
    text("footer", _L, 930, 1300, 150, weight="bold", size=60, min_size=30, valign="middle", max_lines=2,
         leading=1.1),
    badge(1450, 965, 360, 80, 44),
]
_LANDSCAPE_RULE = fill("rule", _L, 230, 140, 14, "rule")

_LANDSCAPE: dict[str, list[Box]] = {
    "about": [
        _LANDSCAPE_RULE,
        title(_L, 280, 1700, 300, 112),
        text("lead", _L, 600, 1500, 310, size=56, min_size=30, leading=1.3),
        *_LANDSCAPE_FOOTER,
    ],
    "who": [
        _LANDSCAPE_RULE,
        title(_L, 280, 1700, 180, 96, lines=1),
        text("groups", _L, 470, 1700, 440, size=52, min_size=28, leading=1.3, bullets=True),
        *_LANDSCAPE_FOOTER,
    ],
    "violence": [
        _LANDSCAPE_RULE,
        title(_L, 270, 1700, 130, 88, lines=1),
        *_cards(_L, 420, 1700, 480, columns=2, gap=40, name_size=48, text_size=34),
        *_LANDSCAPE_FOOTER,
    ],
    "call": [
        fill("panel", 0, 150, 1120, 930, "band"),
        text("call_title", _L, 220, 940, 110, colour="on_band", weight="bold", size=72, min_size=36,
             max_lines=1),
        text("phone", _L, 335, 960, 275, colour="on_band", weight="bold", size=200, min_size=96,
             valign="middle", max_lines=1),
        text("hours", _L, 625, 940, 310, colour="on_band", size=52, min_size=28, leading=1.3, gap=0.2),
        badge(_L, 955, 360, 80, 44),
        qr(1240, 210, 560),
        text("scan", 1150, 800, 740, 80, size=44, min_size=26, align="center", valign="middle", max_lines=1),
        text("url", 1150, 880, 740, 130, weight="bold", size=44, min_size=22, align="center", max_lines=2,
             leading=1.2, hyphens=False),
    ],
    "acute": [
        _LANDSCAPE_RULE,
        title(_L, 265, 1700, 135, 96, lines=1),
        *[box for row, y in enumerate((440, 600, 760)) for box in (
            text(f"number{row + 1}", _L, y, 480, 155, colour="band", weight="bold", size=112, min_size=56,
                 valign="middle", max_lines=1),
            text(f"label{row + 1}", 640, y, 1920 - _L - 640, 155, size=52, min_size=28, valign="middle",
                 max_lines=2, leading=1.2, gap=0.05),
        )],
        *_LANDSCAPE_FOOTER,
    ],
}

# -- portrait 1080 x 1920 ------------------------------------------------------------------------

_P = 80
_P_W = 1080 - 2 * _P

_PORTRAIT_FRAME = [
    fill("band", 0, 0, 1080, 160, "band"),
    text("brand", _P, 0, 420, 160, colour="on_band", weight="bold", size=60, min_size=32, valign="middle",
         max_lines=1),
    text("place", 520, 0, 1080 - _P - 520, 160, colour="on_band", size=46, min_size=24, align="right",
         valign="middle", max_lines=2, leading=1.1),
]
_PORTRAIT_BADGE = badge(_P, 200, 320, 76, 42)   # drawn last: the "call" panel lies under it
_PORTRAIT_FOOTER = [
    fill("footer", 0, 1720, 1080, 200, "tint"),
    text("footer", _P, 1720, _P_W, 200, weight="bold", size=56, min_size=30, valign="middle", max_lines=2,
         leading=1.15),
]
_PORTRAIT_RULE = fill("rule", _P, 340, 140, 14, "rule")

_PORTRAIT: dict[str, list[Box]] = {
    "about": [
        _PORTRAIT_RULE,
        title(_P, 390, _P_W, 420, 104, lines=4),
        text("lead", _P, 840, _P_W, 820, size=58, min_size=32, leading=1.3),
        *_PORTRAIT_FOOTER,
    ],
    "who": [
        _PORTRAIT_RULE,
        title(_P, 390, _P_W, 300, 96, lines=3),
        text("groups", _P, 720, _P_W, 940, size=56, min_size=30, leading=1.3, bullets=True),
        *_PORTRAIT_FOOTER,
    ],
    "violence": [
        _PORTRAIT_RULE,
        title(_P, 390, _P_W, 230, 88, lines=2),
        *_cards(_P, 650, _P_W, 1030, columns=1, gap=28, name_size=50, text_size=36),
        *_PORTRAIT_FOOTER,
    ],
    "call": [
        fill("panel", 0, 160, 1080, 860, "band"),
        text("call_title", _P, 320, _P_W, 100, colour="on_band", weight="bold", size=72, min_size=36,
             max_lines=1),
        text("phone", _P, 430, _P_W, 235, colour="on_band", weight="bold", size=170, min_size=84,
             valign="middle", max_lines=1),
        text("hours", _P, 680, _P_W, 320, colour="on_band", size=52, min_size=28, leading=1.3, gap=0.2),
        qr(210, 1045, 660),
        text("scan", _P, 1720, _P_W, 75, size=44, min_size=26, align="center", valign="middle", max_lines=1),
        text("url", _P, 1800, _P_W, 100, weight="bold", size=40, min_size=22, align="center", max_lines=2,
             leading=1.2, hyphens=False),
    ],
    "acute": [
        _PORTRAIT_RULE,
        title(_P, 390, _P_W, 250, 96, lines=2),
        *[box for row, y in enumerate((690, 1010, 1330)) for box in (
            text(f"number{row + 1}", _P, y, _P_W, 165, colour="band", weight="bold", size=120, min_size=60,
                 max_lines=1),
            text(f"label{row + 1}", _P, y + 165, _P_W, 130, size=48, min_size=26, max_lines=2, leading=1.2,
                 gap=0.05),
        )],
        *_PORTRAIT_FOOTER,
    ],
}

# -- social images -------------------------------------------------------------------------------

_POST: list[Box] = [
    fill("background", 0, 0, 1080, 1080, "paper"),
    fill("band", 0, 0, 1080, 140, "band"),
    text("brand", 70, 0, 440, 140, colour="on_band", weight="bold", size=56, min_size=30, valign="middle",
         max_lines=1),
    text("place", 540, 0, 470, 140, colour="on_band", size=44, min_size=22, align="right", valign="middle",
         max_lines=2, leading=1.1),
    badge(70, 170, 290, 72, 40),
    title(70, 265, 940, 270, 80, lines=3),
    fill("panel", 0, 560, 1080, 520, "band"),
    text("call_title", 70, 592, 620, 72, colour="on_band", weight="bold", size=52, min_size=28, max_lines=1),
    text("phone", 70, 665, 620, 130, colour="on_band", weight="bold", size=95, min_size=56, valign="middle",
         max_lines=1),
    text("hours", 70, 805, 620, 200, colour="on_band", size=38, min_size=20, leading=1.3, gap=0.2),
    text("url", 70, 1010, 620, 50, colour="on_band", size=30, min_size=16, max_lines=1, hyphens=False),
    qr(720, 660, 300),
]

_OG: list[Box] = [
    fill("background", 0, 0, 1200, 630, "band"),
    text("brand", 80, 50, 700, 80, colour="on_band", weight="bold", size=48, min_size=28, valign="middle",
         max_lines=1),
    badge(880, 58, 240, 64, 36),
    text("place", 80, 140, 1040, 180, colour="on_band", weight="bold", size=100, min_size=40,
         valign="middle", max_lines=2, leading=1.05),
    text("tagline", 80, 325, 1040, 130, colour="on_band", size=46, min_size=26, max_lines=2, leading=1.2),
    fill("strip", 0, 470, 1200, 160, "paper"),
    text("call_line", 80, 470, 1040, 160, weight="bold", size=72, min_size=32, valign="middle", max_lines=1),
]

LAYOUTS: dict[tuple[str, str], tuple[Box, ...]] = {
    **{(kind, "landscape"): (*_LANDSCAPE_FRAME, *_LANDSCAPE[kind]) for kind in SLIDES},
    **{(kind, "portrait"): (*_PORTRAIT_FRAME, *_PORTRAIT[kind], _PORTRAIT_BADGE) for kind in SLIDES},
    ("post", "post"): tuple(_POST),
    ("og", "og"): tuple(_OG),
    # The portal's link image: no municipality, so no badge.
    ("portal-og", "og"): tuple(box for box in _OG if box.kind != "badge"),
}


def layout(kind: str, form: str) -> tuple[Box, ...]:
    return LAYOUTS[(kind, form)]
