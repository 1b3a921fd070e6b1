"""What each slide and image says, for one municipality in one language.

Texts come from ``content/<lang>/strings.yml`` (section ``slides``, and ``violence``), numbers and
hours from ``context.municipality_values`` (already formatted for the language), national numbers
from ``content/national.yml`` and the QR target from ``LocalContext.qr_url``. Nothing is formatted
here; this module only picks and places.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ...context import LocalContext, SiteContext, local_name, municipality_values
from ...load import NATIONAL_FILE, PORTAL_FILE
from ...problems import SourceProblem
from ...qr import display_url
from ...urls import site_prefix
from .colours import Palette
from .draw import Content, Element, ImageSpec
from .fonts import script_of
from .layouts import FORMATS, layout

# Four forms of violence that adults at risk meet most often, in the order shown.
VIOLENCE_ON_SLIDE = ("psykisk", "fysisk", "okonomisk", "omsorgssvikt")
# Numbers on the "acute" slide, by id in content/national.yml.
ACUTE_LINES = ("politi", "ambulanse", "vold-og-overgrepslinjen")


@dataclass(frozen=True)
class Text:
    """A text for a box and where it comes from, so a message can point at the line to edit."""

    value: Content
    file: str
    key: str


def strings_file(lang: str) -> str:
    return f"content/{lang}/strings.yml"


def municipality_file(local: LocalContext) -> str:
    return f"content/municipalities/{local.municipality.id}.yml"


class Wording:
    """The ``slides`` strings of one language, with placeholders filled and misses reported."""

    def __init__(self, strings: dict[str, Any], lang: str) -> None:
        self.file = strings_file(lang)
        self.section: Any = strings.get("slides")

    def get(self, key: str, **values: str) -> Text:
        dotted = f"slides.{key}"
        raw = self.lookup(key)
        if isinstance(raw, list):
            return Text([str(item) for item in raw], self.file, dotted)
        try:
            return Text(str(raw).format(**values), self.file, dotted)
        except (KeyError, IndexError, ValueError) as exc:
            allowed = ", ".join("{" + v + "}" for v in sorted(values)) or "no placeholders"
            raise SourceProblem(self.file, dotted, f"cannot fill in {exc}; this text may use {allowed}") from None

    def lookup(self, key: str) -> Any:
        node: Any = self.section
        for part in key.split("."):
            if not isinstance(node, dict) or part not in node:
                raise SourceProblem(self.file, f"slides.{key}", "this text is missing; every language needs the same keys")
            node = node[part]
        return node


def unbroken(text: str) -> str:
    """Join with no-break spaces, so a phone number is never split over two lines."""
    return text.replace(" ", "\u00a0")


def _frame(local: LocalContext, brand: str) -> dict[str, Text]:
    mfile = municipality_file(local)
    badge = local.strings["ui"]["example_label"] if local.municipality.example else None
    name_key = f"official_names.{local.lang}" if local.lang in local.municipality.official_names else "name"
    return {"brand": Text(brand, PORTAL_FILE, "portal.title"), "place": Text(local_name(local), mfile, name_key),
            "badge": Text(badge, strings_file(local.lang), "ui.example_label")}


def _contact(local: LocalContext, values: dict[str, Any], wording: Wording) -> dict[str, Text]:
    """The phone number, hours, QR code and its URL in words: the same on every image that has them."""
    mfile = municipality_file(local)
    hours = list(values["hours"])
    if values["closed_on_public_holidays"]:
        hours.append(str(wording.get("closed_holidays").value))
    return {"call_title": wording.get("call_title"),
            "phone": Text(values["phone"]["display"], mfile, "contact.phone"),
            "hours": Text(hours, mfile, "contact.hours"),
            "url": Text(values["display_url"], PORTAL_FILE, "portal.base_url"),
            "qr": Text(local.qr_url, PORTAL_FILE, "portal.base_url")}


def _cards(local: LocalContext) -> dict[str, Text]:
    violence, file = local.strings["violence"], strings_file(local.lang)
    cards: dict[str, Text] = {}
    for i, key in enumerate(VIOLENCE_ON_SLIDE, start=1):
        cards[f"card{i}_name"] = Text(violence[key]["name"], file, f"violence.{key}.name")
        cards[f"card{i}_text"] = Text(violence[key]["short"], file, f"violence.{key}.short")
    return cards


def _acute(site: SiteContext, local: LocalContext) -> dict[str, Text]:
    index = {line.id: i for i, line in enumerate(site.project.national.lines)}
    texts: dict[str, Text] = {}
    for i, line_id in enumerate(ACUTE_LINES, start=1):
        line, at = local.national[line_id], f"lines.{index[line_id]}"
        # Emergency numbers need no hours; the helpline says when it is open, on a line of its own.
        label = [line["name"]] if line["emergency"] else [line["name"], line["hours"][0]]
        texts[f"number{i}"] = Text(line["display"], NATIONAL_FILE, f"{at}.number")
        texts[f"label{i}"] = Text(label, NATIONAL_FILE, f"{at}.name.{local.lang}")
    return texts


def slide_texts(site: SiteContext, local: LocalContext) -> dict[str, dict[str, Text]]:
    """Texts of every slide kind, by box name."""
    values = municipality_values(local)
    wording = Wording(local.strings, local.lang)
    phone = unbroken(values["phone"]["display"])
    frame = {**_frame(local, site.project.portal.portal.title), "footer": wording.get("footer", phone=phone)}
    about = wording.get("about_text", name=local_name(local))
    lead = Text([str(about.value), str(wording.get("about_more").value)], about.file, about.key)
    return {
        "about": {**frame, "title": wording.get("about_title"), "lead": lead},
        "who": {**frame, "title": wording.get("who_title"), "groups": wording.get("who_groups")},
        "violence": {**frame, "title": wording.get("violence_title"), **_cards(local)},
        "call": {**frame, **_contact(local, values, wording), "scan": wording.get("scan")},
        "acute": {**frame, "title": wording.get("acute_title"), **_acute(site, local),
                  "footer": wording.get("footer_acute", phone=phone)},
    }


def social_texts(site: SiteContext, local: LocalContext) -> dict[str, dict[str, Text]]:
    values = municipality_values(local)
    wording = Wording(local.strings, local.lang)
    frame = _frame(local, site.project.portal.portal.title)
    return {
        "post": {**frame, **_contact(local, values, wording), "title": wording.get("post_title")},
        "og": {**frame, "tagline": wording.get("og_tagline"),
               "call_line": wording.get("og_call", phone=unbroken(values["phone"]["display"]))},
    }


def portal_texts(site: SiteContext, lang: str) -> dict[str, Text]:
    portal = site.project.portal.portal
    strings = site.texts[lang].strings
    prefix = site_prefix(site, lang)
    return {"brand": Text(portal.title, PORTAL_FILE, "portal.title"),
            "place": Text(strings["portal_title"], strings_file(lang), "portal_title"),
            "tagline": Wording(strings, lang).get("portal_tagline"),
            "call_line": Text(display_url(portal.base_url + prefix), PORTAL_FILE, "portal.base_url")}


def spec(name: str, kind: str, form: str, palette: Palette, texts: dict[str, Text], lang: str = "nb",
         direction: str = "ltr") -> ImageSpec:
    """Pair each box of the layout with its text; a box without a text is a programming error."""
    elements = []
    for box in layout(kind, form):
        if box.kind == "fill":
            elements.append(Element(box, None))
        else:
            text = texts[box.name]
            elements.append(Element(box, text.value, (text.file, text.key)))
    return ImageSpec(name, FORMATS[form], palette, tuple(elements), script_of(lang), direction)
