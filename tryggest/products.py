"""The print products: one catalogue for everything that names, sizes or orders a printed item.

The campaign plan reads it for the print order, and the print renderer can read it for its page
sizes and file names, so a file name or trim size is written down exactly once. Each entry gives:

- ``file``: the print-shop file, published at ``filer/<municipality>/<lang>/<file>``;
- ``trim_mm``: the finished size the print shop cuts to, width × height in millimetres, without
  bleed; for the brochure that is the flat sheet (A4 landscape) before it is folded;
- ``folded_mm``: the size after folding, or ``None`` for products that are not folded;
- ``sides``: printed sides (2 = both sides);
- ``names`` and ``paper``: the product's name and a paper suggestion for the print shop, per
  language. The paper texts exist in nb, nn and en; a Sami print order uses the Bokmål paper text,
  because it is read by a Norwegian print shop (see ``paper_for``).

Product ids are the ``Product`` values of ``model``; a test checks that both lists agree.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ProductSpec:
    id: str
    file: str
    trim_mm: tuple[int, int]
    folded_mm: tuple[int, int] | None
    sides: int
    names: dict[str, str]
    paper: dict[str, str]

    def name(self, lang: str) -> str:
        return self.names[lang]

    def paper_for(self, lang: str) -> str:
        return self.paper.get(lang, self.paper["nb"])


_COATED_170 = {
    "nb": "170 g matt bestrøket papir",
    "nn": "170 g matt bestroke papir",
    "en": "170 gsm matt coated paper",
}

CATALOGUE: dict[str, ProductSpec] = {
    spec.id: spec
    for spec in (
        ProductSpec(
            "brochure", "brosjyre-trykk.pdf", (297, 210), (99, 210), 2,
            {"nb": "Brosjyre", "nn": "Brosjyre", "en": "Brochure", "se": "Brošyra"},
            {"nb": "170 g matt bestrøket papir, falset i tre (rullfals)",
             "nn": "170 g matt bestroke papir, falsa i tre (rullfals)",
             "en": "170 gsm matt coated paper, tri-folded (roll fold)"},
        ),
        ProductSpec(
            "card", "visittkort-trykk.pdf", (85, 55), None, 2,
            {"nb": "Visittkort", "nn": "Visittkort", "en": "Business card", "se": "Visihttakoarta"},
            {"nb": "350 g matt bestrøket kartong", "nn": "350 g matt bestroken kartong",
             "en": "350 gsm matt coated board"},
        ),
        ProductSpec(
            "poster-a4", "plakat-a4-trykk.pdf", (210, 297), None, 1,
            {"nb": "Plakat A4", "nn": "Plakat A4", "en": "Poster A4", "se": "Plakáhta A4"},
            _COATED_170,
        ),
        ProductSpec(
            "poster-a3", "plakat-a3-trykk.pdf", (297, 420), None, 1,
            {"nb": "Plakat A3", "nn": "Plakat A3", "en": "Poster A3", "se": "Plakáhta A3"},
            _COATED_170,
        ),
        ProductSpec(
            "poster-tabs", "plakat-rivelapper-trykk.pdf", (210, 297), None, 1,
            {"nb": "Plakat med rivelapper", "nn": "Plakat med rivelappar", "en": "Poster with tear-off tabs",
             "se": "Plakáhta mas leat gaikkihanlihput"},
            {"nb": "120 g ubestrøket papir, lett å rive", "nn": "120 g ubestroke papir, lett å riva",
             "en": "120 gsm uncoated paper, easy to tear"},
        ),
        ProductSpec(
            "sticker", "klistremerke-trykk.pdf", (90, 90), None, 1,
            {"nb": "Klistremerke", "nn": "Klistremerke", "en": "Sticker", "se": "Liibmamearka"},
            {"nb": "Matt vinyl som tåler vann og vask", "nn": "Matt vinyl som toler vatn og vask",
             "en": "Matt vinyl that withstands water and cleaning"},
        ),
    )
}


def product(product_id: str) -> ProductSpec:
    return CATALOGUE[product_id]


def format_mm(size: tuple[int, int]) -> str:
    return f"{size[0]} × {size[1]} mm"
