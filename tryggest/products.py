"""The products: one catalogue for everything that names, sizes, draws or orders a printed item.

The print renderer reads it for page sizes, templates and file names; the campaign plan, the print
order, the print pack and ``tryggest changes`` read the print-shop products (``CATALOGUE``). So a
file name or a trim size is written down exactly once. Each entry gives:

- ``file``: the file name without extension, the same in every language, published as
  ``filer/<municipality>/<lang>/<file>.pdf`` (``pdf``) with a PNG preview beside it;
- ``template``: the print template in ``render/print/templates/``;
- ``trim_mm``: the size of one page after trimming, width × height in millimetres, without bleed;
  for the brochure that is the flat sheet (A4 landscape) before it is folded;
- ``kind``: ``print`` (for the print shop: bleed, crop marks, CMYK), ``screen`` (a tagged PDF for
  the web) or ``sheet`` (A4 for an office printer);
- ``size``: the size as the materials page shows it;
- for the print-shop products also ``folded_mm`` (the size after folding, or ``None``), ``sides``
  (2 = both sides), and ``names`` and ``paper``: the product's name and a paper suggestion for the
  print shop, per language. The paper texts exist in nb, nn and en; other languages use the Bokmål
  text, because a Norwegian print shop reads it (see ``paper_for``).

The print-shop product ids are the ``Product`` values of ``model``; a test checks that both agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Kind = Literal["print", "screen", "sheet"]

BLEED_MM = 3.0        # what the print shop trims off: background colour runs this far past the edge
SLUG_MM = 9.0         # media beyond the trim edge: bleed plus room for crop and fold marks outside it


@dataclass(frozen=True)
class ProductSpec:
    id: str                       # Material.product, and a campaign placement's product
    file: str                     # file name without extension
    template: str
    trim_mm: tuple[int, int]
    kind: Kind
    size: str
    folded_mm: tuple[int, int] | None = None
    sides: int = 1
    names: dict[str, str] = field(default_factory=dict)
    paper: dict[str, str] = field(default_factory=dict)

    @property
    def pdf(self) -> str:
        return f"{self.file}.pdf"

    @property
    def width_mm(self) -> float:
        return float(self.trim_mm[0])

    @property
    def height_mm(self) -> float:
        return float(self.trim_mm[1])

    @property
    def bleed(self) -> bool:
        return self.kind == "print"

    @property
    def tagged(self) -> bool:
        return self.kind == "screen"

    def name(self, lang: str) -> str:
        return self.names.get(lang, self.names["nb"])

    def paper_for(self, lang: str) -> str:
        return self.paper.get(lang, self.paper["nb"])


_COATED_170 = {
    "nb": "170 g matt bestrøket papir",
    "nn": "170 g matt bestroke papir",
    "en": "170 gsm matt coated paper",
}

PRINT_SHOP: tuple[ProductSpec, ...] = (
    ProductSpec(
        "brochure", "brosjyre-trykk", "brochure.html", (297, 210), "print", "A4, 297 × 210 mm", (99, 210), 2,
        {"nb": "Brosjyre", "nn": "Brosjyre", "en": "Brochure", "se": "Brošyra"},
        {"nb": "170 g matt bestrøket papir, falset i tre (rullfals)",
         "nn": "170 g matt bestroke papir, falsa i tre (rullfals)",
         "en": "170 gsm matt coated paper, tri-folded (roll fold)"},
    ),
    ProductSpec(
        "card", "visittkort-trykk", "card.html", (85, 55), "print", "85 × 55 mm", None, 2,
        {"nb": "Visittkort", "nn": "Visittkort", "en": "Business card", "se": "Visihttakoarta"},
        {"nb": "350 g matt bestrøket kartong", "nn": "350 g matt bestroken kartong",
         "en": "350 gsm matt coated board"},
    ),
    ProductSpec(
        "poster-a4", "plakat-a4-trykk", "poster.html", (210, 297), "print", "A4, 210 × 297 mm", None, 1,
        {"nb": "Plakat A4", "nn": "Plakat A4", "en": "Poster A4", "se": "Plakáhta A4"},
        _COATED_170,
    ),
    ProductSpec(
        "poster-a3", "plakat-a3-trykk", "poster.html", (297, 420), "print", "A3, 297 × 420 mm", None, 1,
        {"nb": "Plakat A3", "nn": "Plakat A3", "en": "Poster A3", "se": "Plakáhta A3"},
        _COATED_170,
    ),
    ProductSpec(
        "poster-tabs", "plakat-rivelapper-trykk", "poster_tabs.html", (210, 297), "print", "A4, 210 × 297 mm", None, 1,
        {"nb": "Plakat med rivelapper", "nn": "Plakat med rivelappar", "en": "Poster with tear-off tabs",
         "se": "Plakáhta mas leat gaikkihanlihput"},
        {"nb": "120 g ubestrøket papir, lett å rive", "nn": "120 g ubestroke papir, lett å riva",
         "en": "120 gsm uncoated paper, easy to tear"},
    ),
    ProductSpec(
        "sticker", "klistremerke-trykk", "sticker.html", (90, 90), "print", "90 × 90 mm", None, 1,
        {"nb": "Klistremerke", "nn": "Klistremerke", "en": "Sticker", "se": "Liibmamearka"},
        {"nb": "Matt vinyl som tåler vann og vask", "nn": "Matt vinyl som toler vatn og vask",
         "en": "Matt vinyl that withstands water and cleaning"},
    ),
)

_BY_ID = {spec.id: spec for spec in PRINT_SHOP}
_A4 = (210, 297)
# Every file in the order the materials page lists them: each print-shop file, then its screen or
# office-printer variant.
PRODUCTS: tuple[ProductSpec, ...] = (
    _BY_ID["brochure"],
    ProductSpec("brochure-screen", "brosjyre-skjerm", "brochure.html", (297, 210), "screen", "A4, 297 × 210 mm"),
    _BY_ID["card"],
    ProductSpec("card-sheet", "visittkort-ark", "card_sheet.html", _A4, "sheet", "A4, 10 × 85 × 55 mm"),
    _BY_ID["poster-a4"],
    _BY_ID["poster-a3"],
    _BY_ID["poster-tabs"],
    _BY_ID["sticker"],
    ProductSpec("sticker-sheet", "klistremerke-ark", "sticker_sheet.html", _A4, "sheet", "A4, 6 × 90 × 90 mm"),
)
# What a print shop makes, in the order of an order sheet.
CATALOGUE: dict[str, ProductSpec] = {spec.id: spec for spec in PRINT_SHOP}
# A core-scope language gets the brochure (print and screen), the A4 poster and the toilet sticker.
CORE_PRODUCTS = frozenset({"brochure", "brochure-screen", "poster-a4", "sticker"})


def products_for(scope: str) -> tuple[ProductSpec, ...]:
    return PRODUCTS if scope == "full" else tuple(spec for spec in PRODUCTS if spec.id in CORE_PRODUCTS)


def product(product_id: str) -> ProductSpec:
    for spec in PRODUCTS:
        if spec.id == product_id:
            return spec
    raise KeyError(product_id)


def format_mm(size: tuple[int, int]) -> str:
    return f"{size[0]} × {size[1]} mm"
