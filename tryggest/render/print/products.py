"""The print kit as a catalogue: what each file is, its trim size and how it is made.

Product ids of the print-shop files match the campaign model's ``Product`` literal, so a campaign
placement can name the file it orders. Screen and office-sheet variants carry their own ids.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Kind = Literal["print", "screen", "sheet"]

BLEED_MM = 3.0        # what the print shop trims off: background colour runs this far past the edge
SLUG_MM = 9.0         # media beyond the trim edge: bleed plus room for crop and fold marks outside it


@dataclass(frozen=True)
class ProductSpec:
    id: str             # Material.product
    file: str           # file name without extension, the same in every language
    template: str       # template in templates/
    width_mm: float     # trim size of one page
    height_mm: float
    kind: Kind          # print: bleed and crop marks; screen: tagged PDF/UA; sheet: A4 for office printers
    size: str           # as shown on the materials page

    @property
    def bleed(self) -> bool:
        return self.kind == "print"

    @property
    def tagged(self) -> bool:
        return self.kind == "screen"


PRODUCTS: tuple[ProductSpec, ...] = (
    ProductSpec("brochure", "brosjyre-trykk", "brochure.html", 297, 210, "print", "A4, 297 × 210 mm"),
    ProductSpec("brochure-screen", "brosjyre-skjerm", "brochure.html", 297, 210, "screen", "A4, 297 × 210 mm"),
    ProductSpec("card", "visittkort-trykk", "card.html", 85, 55, "print", "85 × 55 mm"),
    ProductSpec("card-sheet", "visittkort-ark", "card_sheet.html", 210, 297, "sheet", "A4, 10 × 85 × 55 mm"),
    ProductSpec("poster-a4", "plakat-a4-trykk", "poster.html", 210, 297, "print", "A4, 210 × 297 mm"),
    ProductSpec("poster-a3", "plakat-a3-trykk", "poster.html", 297, 420, "print", "A3, 297 × 420 mm"),
    ProductSpec("poster-tabs", "plakat-rivelapper-trykk", "poster_tabs.html", 210, 297, "print", "A4, 210 × 297 mm"),
    ProductSpec("sticker", "klistremerke-trykk", "sticker.html", 90, 90, "print", "90 × 90 mm"),
    ProductSpec("sticker-sheet", "klistremerke-ark", "sticker_sheet.html", 210, 297, "sheet", "A4, 6 × 90 × 90 mm"),
)


# A core-scope language gets the brochure (print and screen), the A4 poster and the toilet sticker.
CORE_PRODUCTS = frozenset({"brochure", "brochure-screen", "poster-a4", "sticker"})


def products_for(scope: str) -> tuple[ProductSpec, ...]:
    return PRODUCTS if scope == "full" else tuple(spec for spec in PRODUCTS if spec.id in CORE_PRODUCTS)


def product(product_id: str) -> ProductSpec:
    for spec in PRODUCTS:
        if spec.id == product_id:
            return spec
    raise KeyError(product_id)
