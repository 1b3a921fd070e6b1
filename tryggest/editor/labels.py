"""Norwegian labels for the editor's form, by field.

The help text under each field comes from the model's ``description`` (Bokmål first); only the short
label is kept here. A field that is not listed (one added to the model later) still gets a label:
the first words of its Norwegian description, so regenerating the configuration never fails.
"""

from __future__ import annotations

import re

# "Model.field" wins over "field", for names that mean different things in different places.
LABELS: dict[str, str] = {
    "id": "Id (filnavn)",
    "name": "Navn",
    "official_names": "Andre offisielle navn",
    "kind": "Type",
    "number": "Kommunenummer",
    "county": "Fylke",
    "languages": "Språk",
    "example": "Eksempeldata",
    "accessibility_statement": "Tilgjengelighetserklæring",
    "contact": "Kontakt",
    "phone": "Telefon",
    "hours": "Åpningstider",
    "days": "Dager",
    "open": "Åpner",
    "close": "Stenger",
    "closed_on_public_holidays": "Stengt på helligdager",
    "email": "E-post",
    "team": "Teamet",
    "coordinator": "Koordinator",
    "role": "Tittel",
    "unit": "Enhet",
    "members": "Tjenester i teamet",
    "meets": "Møter",
    "every_days": "Møtes hver (dager)",
    "launched": "Startdato",
    "local_help": "Lokal hjelp",
    "web": "Nettside",
    "open_all_hours": "Åpent hele døgnet",
    "note": "Merknad",
    "campaign": "Kampanje",
    "launch": "Kampanjestart",
    "phases": "Faser",
    "wave": "Målgruppe",
    "start": "Startdato",
    "placements": "Plasseringer",
    "where": "Hvor",
    "product": "Trykksak",
    "copies": "Antall",
    "branding": "Farger",
    "accent": "Profilfarge",
    "portal": "Nettstedet",
    "title": "Tittel",
    "base_url": "Adresse (base_url)",
    "exit_url": "Forlat siden går til",
    "print_date": "Trykkdato",
    "regions": "Regioner",
    "municipalities": "Kommuner som bygges",
    "LocalHelp.kind": "Slag hjelp",
    "LocalHelp.name": "Navn på stedet",
    "Region.id": "Id",
    "Region.name": "Navn på regionen",
    "Region.members": "Kommuner i regionen",
    "Portal.languages": "Språk på nettstedet",
    "NationalLine.number": "Nummer",
    # Keys of per-language and per-code objects.
    "nb": "Bokmål",
    "nn": "Nynorsk",
    "en": "Engelsk",
    "se": "Nordsamisk",
    "sma": "Sørsamisk",
    "smj": "Lulesamisk",
    "fkv": "Kvensk",
}

# Codes offered for a map with free language codes (official_names): Sami and Kven forms.
NAME_CODES = ("se", "sma", "smj", "fkv")


def norwegian(description: str | None) -> str:
    """The Bokmål part of a model description (``about(nb, en)`` puts it first)."""
    return (description or "").split("\n\nEN:", 1)[0].strip()


def label_for(model: str, field: str, description: str | None = None) -> str:
    known = LABELS.get(f"{model}.{field}") or LABELS.get(field)
    if known:
        return known
    # A new field: the first clause of its Norwegian help text, else its key.
    first = re.split(r"[.:,(]", norwegian(description), maxsplit=1)[0].strip()
    return first[:1].upper() + first[1:] if 0 < len(first) <= 40 else field
