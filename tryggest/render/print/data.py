"""Everything a print template shows, as plain data: one dict per municipality and language.

Rendering is a pure function of this dict and a product spec, so a file can be cached by a hash of
its inputs and made in another process. Numbers and hours come formatted from ``context``.
"""

from __future__ import annotations

from typing import Any

from ...context import LocalContext, SiteContext, municipality_values
from ...dataversion import data_version as project_data_version
from ...print_profile import output_profile
from .colours import accent_cmyk, cmyk_palette, rgb_palette

TINT_STRENGTH = 0.1
# The national lines on the brochure's contact panel, in the order a reader needs them.
BROCHURE_LINES = ("politi", "ambulanse", "brann", "politi-ikke-akutt", "legevakt", "vold-og-overgrepslinjen",
                  "alarmtelefonen", "vern-for-eldre")
# The violence types named on posters: five common ones, so the poster stays short; the brochure has all.
POSTER_TYPES = ("fysisk", "psykisk", "seksuell", "okonomisk", "omsorgssvikt")


def data_version(site: SiteContext, municipality_id: str) -> str:
    """The data version printed on every item (see ``tryggest.dataversion``)."""
    return project_data_version(site.project, municipality_id)


def print_data(site: SiteContext, local: LocalContext) -> dict[str, Any]:
    values = municipality_values(local)
    strings = local.strings
    municipality = local.municipality
    url = local.qr_url
    profile = output_profile(site.project.root, site.project.portal.portal.print_profile)
    accent = values["accent"]
    cmyk = accent_cmyk(accent, municipality.branding.accent_cmyk, profile.path)
    colours = {"rgb": rgb_palette(accent, tint(accent, TINT_STRENGTH)), "cmyk": cmyk_palette(cmyk, TINT_STRENGTH)}
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
        "accent": accent,
        "colours": colours,
        "profile": {"path": profile.path, "condition": profile.condition, "digest": profile.digest},
        "url": url,
        "display_url": values["display_url"],
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
        "print_date": site.print_date(municipality.id).isoformat(),
        "print_date_shown": local.dated(site.print_date(municipality.id)),
        "data_version": data_version(site, municipality.id),
    }


def tint(colour: str, strength: float) -> str:
    """``colour`` mixed into white: a light background that keeps black text readable."""
    channels = [int(colour[i:i + 2], 16) for i in (1, 3, 5)]
    mixed = [round(255 - (255 - c) * strength) for c in channels]
    return "#" + "".join(f"{c:02x}" for c in mixed)

