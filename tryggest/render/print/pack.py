"""The print pack: one zip per municipality and language with what a print shop needs and nothing else.

``trykkpakke.zip`` holds the print files (all named ``*-trykk.pdf``), an order sheet (finished size,
bleed, paper, copies and data version of each file) and the preflight report of every file. The
copies come from the campaign plan, or one of each product without one. Entries are sorted and
dated with the print date, so the same input gives the same bytes.
"""

from __future__ import annotations

import io
import zipfile
from datetime import date
from typing import Any

from ...campaign import print_order
from ...model import Municipality
from ...products import CATALOGUE, format_mm

PACK_FILE = "trykkpakke.zip"
ORDER_SHEET = "bestillingsskjema.pdf"
REPORT_FILE = "preflight.txt"
# The order sheet and report are read by a Norwegian print shop; an English site gets them in English.
PACK_LANGUAGES = ("nb", "nn", "en")

TEXTS: dict[str, dict[str, Any]] = {
    "nb": {
        "title": "Bestillingsskjema for trykk",
        "columns": ["Fil", "Produkt", "Ferdig format", "Utfallende", "Papir", "Trykk", "Antall", "Dataversjon"],
        "sides": {1: "Én side", 2: "Begge sider"}, "folded": "falset til {size}", "bleed": "3 mm, skjæremerker",
        "notes": ["Trykkfilene er PDF/X-4 i CMYK med fargeprofilen «{condition}» lagt inn.",
                  "Svart tekst og QR-kodene er bare i svart (K). Kontrollrapporten ligger i {report}.",
                  "Kontroller at telefonnummeret på prøvetrykket er {phone}.",
                  "Filene og en forhåndsvisning av hver fil: {url}"],
        "date": "Trykkdato {date}", "report_title": "Kontroll av trykkfilene (preflight)",
        "default_copies": "Kommunen har ingen kampanjeplan ennå, så det står ett eksemplar av hver trykksak.",
        "plan_copies": "Antallet er fra kampanjeplanen og gjelder alle språk til sammen.",
    },
    "nn": {
        "title": "Bestillingsskjema for trykk",
        "columns": ["Fil", "Produkt", "Ferdig format", "Utfallande", "Papir", "Trykk", "Tal", "Dataversjon"],
        "sides": {1: "Éi side", 2: "Begge sider"}, "folded": "falsa til {size}", "bleed": "3 mm, skjeremerke",
        "notes": ["Trykkfilene er PDF/X-4 i CMYK med fargeprofilen «{condition}» lagd inn.",
                  "Svart tekst og QR-kodane er berre i svart (K). Kontrollrapporten ligg i {report}.",
                  "Kontroller at telefonnummeret på prøvetrykket er {phone}.",
                  "Filene og ei førehandsvising av kvar fil: {url}"],
        "date": "Trykkdato {date}", "report_title": "Kontroll av trykkfilene (preflight)",
        "default_copies": "Kommunen har ingen kampanjeplan enno, så det står eitt eksemplar av kvar trykksak.",
        "plan_copies": "Talet er frå kampanjeplanen og gjeld alle språka til saman.",
    },
    "en": {
        "title": "Print order sheet",
        "columns": ["File", "Product", "Finished size", "Bleed", "Paper", "Printed", "Copies", "Data version"],
        "sides": {1: "One side", 2: "Both sides"}, "folded": "folded to {size}", "bleed": "3 mm, crop marks",
        "notes": ["The print files are PDF/X-4 in CMYK with the profile \"{condition}\" embedded.",
                  "Black text and the QR codes are in black ink (K) only. The preflight report is in {report}.",
                  "Check that the phone number on the proof is {phone}.",
                  "The files, with a preview of each: {url}"],
        "date": "Print date {date}", "report_title": "Print file check (preflight)",
        "default_copies": "The municipality has no campaign plan yet, so the order lists one copy of each item.",
        "plan_copies": "The copies come from the campaign plan and cover all languages together.",
    },
}


def pack_language(lang: str) -> str:
    return lang if lang in PACK_LANGUAGES else "nb"


def order_rows(municipality: Municipality, lang: str, data_version: str, products: set[str]) -> list[dict[str, Any]]:
    """One row per print file in ``products``: what the print shop makes, and how many (0 for a file the plan
    does not use)."""
    texts = TEXTS[pack_language(lang)]
    copies = {line.product.id: line.copies for line in print_order(municipality.campaign)}
    rows = []
    for spec in (spec for spec in CATALOGUE.values() if spec.id in products):
        size = format_mm(spec.trim_mm)
        if spec.folded_mm:
            size += ", " + texts["folded"].format(size=format_mm(spec.folded_mm))
        rows.append({"file": spec.pdf, "product": spec.name(pack_language(lang)), "size": size,
                     "bleed": texts["bleed"], "paper": spec.paper_for(lang), "sides": texts["sides"][spec.sides],
                     "copies": copies.get(spec.id, 0), "data_version": data_version})
    return rows


def preflight_text(reports: list[str], lang: str, heading: str) -> bytes:
    title = TEXTS[pack_language(lang)]["report_title"]
    return "\n\n".join([f"{title}\n{heading}", *reports]).encode("utf-8") + b"\n"


def pack_zip(files: dict[str, bytes], day: date) -> bytes:
    """A zip whose bytes depend only on the files: sorted names, one fixed date, fixed permissions."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in sorted(files):
            entry = zipfile.ZipInfo(name, date_time=(day.year, day.month, day.day, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            entry.create_system = 3
            archive.writestr(entry, files[name])
    return buffer.getvalue()
