"""Warnings a careful editor wants: valid input that is probably out of date or a mistake.

A warning never stops a build. Each one points at the line to look at, like an error does:
``file:line:col: warning: key.path: message``.

What is checked, and why:
- a national number whose ``verified`` date is more than 12 months old (numbers and hours change),
  or later than today (a typing mistake in the year);
- opening hours that start before 07:00 or end after 22:00 (often a typing mistake, such as
  ``"21:00"`` meant as ``"12:00"``), or that are open less than one hour;
- a municipality with no ``local_help`` (its pages then list only national numbers);
- a ``branding.accent`` colour too light for white text (WCAG 2.1 AA needs 4.5:1);
- a county that differs from another municipality's only in capital letters, and an SSB number
  that two municipalities share;
- a region member that is not in the ``municipalities`` list (it is left out of the region, so
  taking a municipality off the list never stops a build).
- a language whose texts are a ``draft``: not yet checked by a professional translator.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, time

from .load import META_FILE, MUNICIPALITY_DIR, NATIONAL_FILE, PORTAL_FILE, Project
from .model import HoursEntry, Municipality
from .problems import Problem
from .source import Document, KeyPath

EARLIEST_OPENING = time(7, 0)
LATEST_CLOSING = time(22, 0)
SHORTEST_OPENING_MINUTES = 60
VERIFIED_MAX_MONTHS = 12
MIN_CONTRAST = 4.5
WHITE = "#ffffff"


def warnings_for(project: Project, today: date) -> list[Problem]:
    """Every warning of the project, sorted like errors are."""
    found: list[Problem] = []
    portal = project.documents.get(PORTAL_FILE)
    if portal:
        found += _region_warnings(project, portal)
    national = project.documents.get(NATIONAL_FILE)
    if national:
        found += _national_warnings(project, national, today)
    for mid in sorted(project.municipalities):
        doc = project.documents.get(f"{MUNICIPALITY_DIR}/{mid}.yml")
        if doc:
            found += _municipality_warnings(project.municipalities[mid], doc)
    found += _shared_value_warnings(project)
    for lang, meta in project.languages.items():
        doc = project.documents.get(f"content/{lang}/{META_FILE}")
        if doc and meta.status == "draft":
            found.append(_warn(doc, ("status",), f"'{lang}' ({meta.name}) is a draft, not yet checked by a "
                                                 "professional translator; its pages say so"))
    return sorted(found)


def _shared_value_warnings(project: Project) -> list[Problem]:
    """A county written in two ways (a second heading on the front page) and an SSB number used twice."""
    found = []
    counties: dict[str, str] = {}
    numbers: dict[str, str] = {}
    for mid in sorted(project.municipalities):
        municipality = project.municipalities[mid]
        doc = project.documents.get(f"{MUNICIPALITY_DIR}/{mid}.yml")
        if doc is None:
            continue
        first = counties.setdefault(municipality.county.casefold(), municipality.county)
        if first != municipality.county:
            found.append(_warn(doc, ("county",), f"'{municipality.county}' differs from '{first}' (in another "
                                                 f"municipality's file) only in capital letters; write it the same way"))
        if municipality.number:
            owner = numbers.setdefault(municipality.number, mid)
            if owner != mid:
                found.append(_warn(doc, ("number",), f"SSB number {municipality.number} is also the number of "
                                                     f"'{owner}'; each municipality has its own"))
    return found


def _warn(doc: Document, keys: KeyPath, message: str) -> Problem:
    problem = doc.problem(keys, message)
    return Problem(problem.path, problem.line, problem.col, problem.key, message, level="warning")


def _region_warnings(project: Project, doc: Document) -> list[Problem]:
    """Region members the portal does not build: ``load`` left them out of their region."""
    found = []
    listed = set(project.portal.municipalities)
    regions = doc.data.get("regions") if isinstance(doc.data, dict) else None
    for i, region in enumerate(regions if isinstance(regions, list) else []):
        members = region.get("members") if isinstance(region, dict) else None
        unlisted = [(j, m) for j, m in enumerate(members if isinstance(members, list) else []) if m not in listed]
        for j, member in unlisted:
            found.append(_warn(doc, ("regions", i, "members", j),
                               f"'{member}' is not listed under 'municipalities', so it is left out of this region; "
                               "remove it here or add it to the list"))
        if members and len(unlisted) == len(members):
            found.append(_warn(doc, ("regions", i), f"region '{region.get('id')}' has no listed municipality "
                                                    "left and is left out of the site"))
    return found


def _national_warnings(project: Project, doc: Document, today: date) -> list[Problem]:
    found = []
    oldest_allowed = months_before(today, VERIFIED_MAX_MONTHS)
    for i, line in enumerate(project.national.lines):
        at = ("lines", i, "verified")
        if line.verified < oldest_allowed:
            found.append(_warn(doc, at, f"{line.number} was last checked {line.verified}, more than "
                                        f"{VERIFIED_MAX_MONTHS} months ago; check it at {line.source} and update 'verified'"))
        elif line.verified > today:
            found.append(_warn(doc, at, f"{line.verified} is later than today ({today}); is the year right?"))
        found += [_warn(doc, ("lines", i, "hours", j), text) for j, text in _odd_hours(line.hours)]
    return found


def _municipality_warnings(municipality: Municipality, doc: Document) -> list[Problem]:
    found = [_warn(doc, ("contact", "hours", j), text) for j, text in _odd_hours(municipality.contact.hours)]
    if not municipality.local_help:
        found.append(_warn(doc, ("local_help",), "no local help is listed; add at least the crisis centre "
                                                 "(krisesenter) and the out-of-hours doctor (legevakt)"))
    accent = municipality.branding.accent
    ratio = contrast_ratio(accent, WHITE)
    if ratio < MIN_CONTRAST:
        found.append(_warn(doc, ("branding", "accent"), f"white text on {accent} has contrast {ratio:.1f}:1; "
                                                        f"choose a darker colour (at least {MIN_CONTRAST}:1)"))
    return found


def _odd_hours(entries: list[HoursEntry]) -> Iterator[tuple[int, str]]:
    for j, entry in enumerate(entries):
        opens, closes = entry.interval.minutes()
        if entry.opens < EARLIEST_OPENING:
            yield j, f"opens at {entry.opens:%H:%M}, before {EARLIEST_OPENING:%H:%M}; is that right?"
        if closes > LATEST_CLOSING.hour * 60 + LATEST_CLOSING.minute:
            shown = "24:00" if closes == 24 * 60 else f"{entry.closes:%H:%M}"
            yield j, f"closes at {shown}, after {LATEST_CLOSING:%H:%M}; is that right?"
        if closes - opens < SHORTEST_OPENING_MINUTES:
            yield j, f"open only {closes - opens} minutes ({entry.opens:%H:%M}-{entry.closes:%H:%M}); is that right?"


def months_before(day: date, months: int) -> date:
    """The same day ``months`` earlier; the 29th-31st become the last day of a shorter month."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    for last in (day.day, 30, 29, 28):
        try:
            return date(year, month + 1, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("every month has 28 days")


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2.1 contrast ratio of two ``#rrggbb`` colours, from 1 to 21."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def relative_luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
