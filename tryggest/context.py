"""Stage 2: from the validated project to everything the renderers need, per municipality and language.

Renderers never look at YAML or the model's raw fields for display: numbers are formatted,
hours are written out in the reader's language, and URLs are built here, once.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from .hours import Interval
from .load import Project
from .model import HoursEntry, LawReference, Municipality, NationalLine
from .phone import Phone
from .qr import display_url
from .texts import LanguageTexts, PageSource

# Unicode's left-to-right isolate and its end: a phone number, time or URL keeps its own order
# inside right-to-left text, on the web, in PDFs and on slides alike.
LRI, PDI = "\u2066", "\u2069"


def isolate(text: str, rtl: bool) -> str:
    """``text`` as one left-to-right unit when it stands in right-to-left text; unchanged otherwise.

    Phone numbers, times, dates (2026-11-22 would otherwise show as 22-11-2026) and URLs.
    """
    return f"{LRI}{text}{PDI}" if rtl and text else text


@dataclass(frozen=True)
class PageContext:
    municipality: str
    lang: str
    key: str            # "index", "vold/fysisk"
    path: str           # site path without leading slash: "en/sandefjord/vold/fysisk/"
    source: PageSource


@dataclass
class LocalContext:
    """One municipality in one language: the values page templates may use."""

    municipality: Municipality
    lang: str
    strings: dict[str, Any]
    base_url: str
    lang_prefix: str
    pages: list[PageContext] = field(default_factory=list)
    national: dict[str, dict[str, Any]] = field(default_factory=dict)
    laws: dict[str, dict[str, str]] = field(default_factory=dict)
    direction: str = "ltr"      # "rtl" for Arabic: numbers, times and URLs are then isolated
    draft_notice: str | None = None   # shown on every page while the language is a draft
    scope: str = "full"         # "core": the core pages and the core print files only

    @property
    def rtl(self) -> bool:
        return self.direction == "rtl"

    def dated(self, day: date) -> str:
        """A date as printed on files (year-month-day), isolated in right-to-left text."""
        return isolate(day.isoformat(), self.rtl)

    @property
    def home_path(self) -> str:
        return f"{self.lang_prefix}{self.municipality.id}/"

    @property
    def home_url(self) -> str:
        return self.base_url + self.home_path

    @property
    def qr_url(self) -> str:
        """What every QR code of this municipality and language points at: its home page."""
        return self.home_url

    def files_path(self) -> str:
        """Site folder of this municipality's print files, slides and images in this language."""
        return f"filer/{self.municipality.id}/{self.lang}/"

    def page_path(self, key: str) -> str:
        return page_path(self.home_path, key)


def page_path(home: str, key: str) -> str:
    """Site path of page ``key`` ("index", "vold/index", "vold/fysisk") under a municipality's home."""
    return home if key == "index" else f"{home}{key.removesuffix('/index')}/"


def format_phone(phone: Phone, rtl: bool = False) -> dict[str, str]:
    return {"display": isolate(phone.display, rtl), "tel": phone.tel, "e164": phone.e164}


def format_time(value: Any, strings: dict[str, Any], rtl: bool = False) -> str:
    text = "24:00" if (value.hour, value.minute) == (23, 59) else f"{value:%H:%M}"
    return isolate(text.replace(":", strings["time_separator"]), rtl)


def format_days(days: tuple[int, ...], strings: dict[str, Any]) -> str:
    names = strings["weekdays"]
    runs: list[list[int]] = []
    for day in days:
        if runs and runs[-1][-1] == day - 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    parts = [names[r[0]] if len(r) == 1 else f"{names[r[0]]}–{names[r[-1]]}" for r in runs]
    text = ", ".join(parts)
    return text[0].upper() + text[1:]


def format_hours(entries: list[HoursEntry], strings: dict[str, Any], rtl: bool = False) -> list[str]:
    return [
        strings["hours_line"].format(days=format_days(e.days, strings), open=format_time(e.opens, strings, rtl),
                                     close=format_time(e.closes, strings, rtl))
        for e in entries
    ]


def hours_data(entries: list[HoursEntry]) -> list[dict[str, Any]]:
    """Machine form of the hours for the browser's "open now" line."""
    return [{"days": list(e.days), "open": Interval(e.days, e.opens, e.closes).minutes()[0],
             "close": Interval(e.days, e.opens, e.closes).minutes()[1]} for e in entries]


def national_context(line: NationalLine, lang: str, strings: dict[str, Any], rtl: bool = False) -> dict[str, Any]:
    if line.hours_unconfirmed:
        # Sources disagree: a guessed time could send a reader to a closed line, so none is shown.
        hours = [strings["hours_unconfirmed"]]
    else:
        hours = [strings["open_all_hours"]] if line.open_all_hours else format_hours(line.hours, strings, rtl)
    if lang in line.hours_note:
        hours.append(line.hours_note[lang])
    return {"id": line.id, "name": _in(line.name, lang), "purpose": _in(line.purpose, lang), "hours": hours,
            "emergency": line.emergency, "verified": isolate(line.verified.isoformat(), rtl), "source": line.source,
            "source_site": isolate(source_site(line.source), rtl), "interpreter": line.interpreter,
            **format_phone(line.number, rtl)}


def source_site(url: str) -> str:
    """The bare host of a source page, as a reader would name it: "bufdir.no"."""
    return (urlsplit(url).hostname or url).removeprefix("www.")


def law_context(law: LawReference, lang: str) -> dict[str, str]:
    """A cited section of law: its name in the reader's language and where to read it."""
    return {"id": law.id, "name": _in(law.name, lang), "url": law.url, "verified": law.verified.isoformat()}


def _in(texts: Mapping[Any, str], lang: str) -> str:
    return texts[lang]


def municipality_values(local: LocalContext) -> dict[str, Any]:
    m, strings, rtl = local.municipality, local.strings, local.rtl
    contact = m.contact
    return {
        "id": m.id, "name": m.name, "kind": m.kind, "county": m.county, "number": m.number,
        "official_names": dict(sorted(m.official_names.items())),
        "example": m.example,
        "phone": format_phone(contact.phone, rtl),
        "hours": format_hours(contact.hours, strings, rtl),
        "hours_data": hours_data(contact.hours),
        "closed_on_public_holidays": contact.closed_on_public_holidays,
        "email": contact.email,
        "sms": {**format_phone(contact.sms, rtl), "sms": f"sms:{contact.sms.e164}"} if contact.sms else None,
        "answered_by": {"kind": contact.answered_by.kind, "name": contact.answered_by.name},
        "interpreter": contact.interpreter,
        "team": {
            "coordinator": {"role": m.team.coordinator.role, "unit": m.team.coordinator.unit},
            "members": list(m.team.members),
            "meets_every_days": m.team.meets.every_days,
            "launched": m.team.launched.isoformat() if m.team.launched else None,
        },
        "local_help": [_local_help(h, local.lang, rtl) for h in m.local_help],
        "accessibility_statement": m.accessibility_statement,
        "accent": m.branding.accent,
        "home_url": local.home_url,
        "display_url": isolate(display_url(local.qr_url), rtl),
        "email_shown": isolate(contact.email, rtl) if contact.email else None,
        "dir": local.direction,
    }


def _local_help(item: Any, lang: str, rtl: bool) -> dict[str, Any]:
    return {"kind": item.kind, "name": item.name, "web": item.web, "open_all_hours": item.open_all_hours,
            "note": item.note.get(lang, ""), "phone": format_phone(item.phone, rtl) if item.phone else None}


@dataclass(frozen=True)
class Material:
    """One file made for a municipality in one language, as listed on its materials page."""

    municipality: str
    lang: str
    family: str          # "print", "slides", "social", "campaign"
    product: str         # "brochure", "card", "poster-a3", "slide-1", ...
    title: str           # in the page's language
    purpose: str         # one sentence, in the page's language: what it is for
    path: str            # site path, e.g. "filer/sandefjord/nb/brochure-trykk.pdf"
    preview: str | None  # site path of a PNG preview
    format: str          # "PDF", "PNG", "HTML", "CSV", "ICS"
    size: str            # "A4", "85 × 55 mm", "1920 × 1080 px"
    bytes: int
    preview_width: int = 0    # pixel size of the preview, for the page's <img width height>
    preview_height: int = 0


@dataclass(frozen=True)
class SiteContext:
    project: Project
    texts: dict[str, LanguageTexts]
    locals: list[LocalContext]
    build_date: date
    only: frozenset[str] | None = None      # build just these municipalities

    @property
    def building(self) -> list[LocalContext]:
        """The municipality-language pairs this build writes: all, or those of an incremental build.

        Renderers iterate this; ``locals`` stays complete so links to other municipalities resolve.
        """
        return self.locals if self.only is None else [x for x in self.locals if x.municipality.id in self.only]

    def print_date(self, municipality_id: str) -> date:
        """The date printed on a municipality's files: its own ``print_date``, else the build's."""
        return self.project.municipalities[municipality_id].print_date or self.build_date

    def local(self, municipality_id: str, lang: str) -> LocalContext:
        for local in self.locals:
            if local.municipality.id == municipality_id and local.lang == lang:
                return local
        raise KeyError((municipality_id, lang))


def local_name(local: LocalContext) -> str:
    """The municipality's name in the reader's language where it has an official one (Porsáŋgu)."""
    m = local.municipality
    return m.official_names.get(local.lang, m.name)


def language_prefix(default: str, lang: str) -> str:
    """The address rule of languages: the default language at the site's root, the others in ``<lang>/``."""
    return "" if lang == default else f"{lang}/"


def build_context(project: Project, texts: dict[str, LanguageTexts], build_date: date) -> SiteContext:
    portal = project.portal.portal
    default = portal.languages[0]
    locals_: list[LocalContext] = []
    for mid in sorted(project.municipalities):
        municipality = project.municipalities[mid]
        for lang in project.languages_of(municipality):
            prefix = language_prefix(default, lang)
            meta = project.languages[lang]
            base_url = municipality.base_url or portal.base_url
            local = LocalContext(municipality, lang, texts[lang].strings, base_url, prefix,
                                 direction=meta.dir, draft_notice=meta.draft_notice if meta.status == "draft" else None,
                                 scope=meta.scope)
            local.national = {line.id: national_context(line, lang, local.strings, local.rtl)
                              for line in project.national.lines}
            local.laws = {law.id: law_context(law, lang) for law in project.national.laws}
            local.pages = [PageContext(mid, lang, key, local.page_path(key), source)
                           for key, source in sorted(texts[lang].pages.items())]
            locals_.append(local)
    return SiteContext(project, texts, locals_, build_date)
