"""Everything a print template shows, as plain data: one dict per municipality and language.

Rendering is a pure function of this dict and a product spec, so a file can be cached by a hash of
its inputs and made in another process. Numbers and hours come formatted from ``context``.
"""

from __future__ import annotations

import base64
import hashlib
from typing import Any

from ...context import LocalContext, SiteContext, municipality_values
from ...qr import QUIET_ZONE, qr_modules, qr_svg

MIN_SYMBOL_MM = 20.5   # 20 mm is the smallest code that scans reliably at arm's length, plus a margin
# The national lines on the brochure's contact panel, in the order a reader needs them.
BROCHURE_LINES = ("politi", "ambulanse", "brann", "politi-ikke-akutt", "legevakt", "vold-og-overgrepslinjen",
                  "alarmtelefonen", "vern-for-eldre")
# The violence types named on posters: five common ones, so the poster stays short; the brochure has all.
POSTER_TYPES = ("fysisk", "psykisk", "seksuell", "okonomisk", "omsorgssvikt")


def data_version(site: SiteContext, municipality_id: str) -> str:
    """A short fingerprint of the data a file was made from: this municipality's YAML and national.yml.

    Printed on every item, so a printed copy can be matched to the data it shows.
    """
    project = site.project
    digest = hashlib.sha256()
    digest.update(project.municipalities[municipality_id].model_dump_json(warnings=False).encode())
    digest.update(project.national.model_dump_json(warnings=False).encode())
    return digest.hexdigest()[:8]


def print_data(site: SiteContext, local: LocalContext) -> dict[str, Any]:
    values = municipality_values(local)
    strings = local.strings
    municipality = local.municipality
    url = local.qr_url
    example_labels = ["EKSEMPEL"]
    if strings["ui"]["example_label"] not in example_labels:
        example_labels.append(strings["ui"]["example_label"])
    return {
        "lang": local.lang,
        "dir": local.direction,
        "name": municipality.official_names.get(local.lang, municipality.name),
        "phone": values["phone"]["display"],
        "hours": values["hours"],
        "closed_on_public_holidays": values["closed_on_public_holidays"],
        "email": values["email"],
        "accent": values["accent"],
        "tint": tint(values["accent"], 0.1),
        "url": url,
        "display_url": values["display_url"],
        "qr_image": svg_data_uri(qr_svg(url)),
        "qr_min_mm": qr_min_width(url),
        "police": local.national["politi"]["display"],
        "helpline": local.national["vold-og-overgrepslinjen"]["display"],
        "legevakt": local.national["legevakt"]["display"],
        "team": values["team"]["members"],
        "national": [{"number": local.national[key]["display"], "name": local.national[key]["name"]}
                     for key in BROCHURE_LINES if key in local.national],
        "violence": [{"key": key, "name": item["name"], "short": item["short"]}
                     for key, item in strings["violence"].items()],
        "poster_types": [strings["violence"][key]["name"] for key in POSTER_TYPES],
        "t": strings["print"],
        "example": municipality.example,
        "example_labels": example_labels,
        "print_date": site.build_date.isoformat(),
        "print_date_shown": local.dated(site.build_date),
        "data_version": data_version(site, municipality.id),
    }


def qr_min_width(url: str) -> float:
    """Smallest printed width (quiet zone included) that keeps the symbol itself 20 mm wide."""
    modules = qr_modules(url)
    return round(MIN_SYMBOL_MM * modules / (modules - 2 * QUIET_ZONE), 1)


def tint(colour: str, strength: float) -> str:
    """``colour`` mixed into white: a light background that keeps black text readable."""
    channels = [int(colour[i:i + 2], 16) for i in (1, 3, 5)]
    mixed = [round(255 - (255 - c) * strength) for c in channels]
    return "#" + "".join(f"{c:02x}" for c in mixed)


def svg_data_uri(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")
