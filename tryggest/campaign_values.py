"""The campaign plan in the reader's language: what the page, the files and the calendar show.

Everything here is plain data (dicts, lists, strings), so page templates, the PDF templates and
the CSV writer read the same values and can never disagree on a date or a number of copies.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Any

from .campaign import (
    CITIZEN_GOAL_YEARS,
    DEFAULT_OFFSET_MONTHS,
    DEFAULT_WAVE,
    EMPLOYEE_GOAL_YEARS,
    CampaignPlan,
    PlannedPhase,
    PlannedPlacement,
    PrintLine,
    plan_campaign,
    print_order,
)
from .context import LocalContext, Material, SiteContext
from .model import WAVES
from .products import CATALOGUE, format_mm

# (key in strings.yml campaign.files, file name under filer/<id>/<lang>/, format shown on the page)
CAMPAIGN_FILES: tuple[tuple[str, str, str], ...] = (
    ("print_order_pdf", "trykkbestilling.pdf", "PDF"),
    ("print_order_csv", "trykkbestilling.csv", "CSV"),
    ("calendar", "kampanje.ics", "ICS"),
    ("checklist", "sjekkliste.pdf", "PDF"),
)
PRINT_ORDER_FILES = ("print_order_pdf", "print_order_csv")   # made for every municipality, plan or not
CAMPAIGN_PAGE = "kampanje"
MATERIALS_PAGE = "materiell"
PRINT_FAMILY = "print"
CAMPAIGN_FAMILY = "campaign"


def format_date(day: date, strings: dict[str, Any]) -> str:
    texts = strings["campaign"]
    return str(texts["date"]).format(day=day.day, month=texts["months"][day.month - 1], year=day.year)


def plan_values(plan: CampaignPlan, local: LocalContext) -> dict[str, Any]:
    strings = local.strings
    texts = strings["campaign"]
    # Each goal, keyed by the yearly review that checks it.
    goals = {EMPLOYEE_GOAL_YEARS: _sentence(texts["goals"]["employees"].format(
                 date=format_date(plan.employees_goal, strings))),
             CITIZEN_GOAL_YEARS: _sentence(texts["goals"]["citizens"].format(
                 date=format_date(plan.citizens_goal, strings)))}
    return {
        "launch": format_date(plan.launch, strings),
        "launch_iso": plan.launch.isoformat(),
        "phases_given": plan.phases_given,
        "phases": [_phase(phase, local) for phase in plan.phases],
        "goals": list(goals.values()),
        "reviews": [{"year": year, "date": format_date(day, strings), "iso": day.isoformat(),
                     "title": texts["review"]["title"].format(year=year), "goal": goals.get(year)}
                    for year, day in enumerate(plan.reviews, start=1)],
        "review_tasks": list(texts["review"]["tasks"]),
        "print_order": [print_row(line, local) for line in plan.print_order()],
        "default_copies": False,
    }


def order_values(local: LocalContext) -> dict[str, Any]:
    """The print order of a municipality without a campaign plan: one copy of each product."""
    return {"print_order": [print_row(line, local) for line in print_order(None)], "default_copies": True}


def _sentence(text: str) -> str:
    # A goal may begin with a date, and month names are written in lower case.
    return text[:1].upper() + text[1:]


def _phase(phase: PlannedPhase, local: LocalContext) -> dict[str, Any]:
    wave = local.strings["campaign"]["waves"][phase.wave]
    return {
        "number": phase.number, "wave": phase.wave, "title": wave["title"], "audience": wave["audience"],
        "channels": list(wave["channels"]), "tasks": list(wave["tasks"]),
        "start": format_date(phase.start, local.strings), "start_iso": phase.start.isoformat(),
        "placements": [placement_values(p, local) for p in phase.placements],
    }


def placement_values(placement: PlannedPlacement, local: LocalContext) -> dict[str, Any]:
    name = placement.product.name(local.lang)
    line = local.strings["campaign"]["placement"].format(copies=placement.copies, product=name,
                                                         where=placement.where)
    return {"where": placement.where, "product": placement.product.id, "name": name,
            "copies": placement.copies, "wave": placement.wave, "wave_given": placement.wave_given,
            "line": line}


def print_row(line: PrintLine, local: LocalContext) -> dict[str, Any]:
    spec, lang = line.product, local.lang
    path = local.files_path() + spec.pdf
    sides = local.strings["campaign"]["sides"]["two" if spec.sides == 2 else "one"]
    return {
        "product": spec.id, "name": spec.name(lang), "file": spec.pdf, "path": path,
        "url": local.base_url + path, "trim": format_mm(spec.trim_mm),
        "folded": format_mm(spec.folded_mm) if spec.folded_mm else "", "paper": spec.paper_for(lang),
        "sides": sides, "copies": line.copies,
        "needed_by": format_date(line.needed_by, local.strings) if line.needed_by else "",
        "needed_by_iso": line.needed_by.isoformat() if line.needed_by else "",
        "placements": [placement_values(p, local) for p in line.placements],
    }


def campaign_page_path(site: SiteContext, local: LocalContext) -> str:
    """The campaign page in this language, or in the municipality's first language that has one."""
    candidates = [local] + [site.local(local.municipality.id, lang)
                            for lang in site.project.languages_of(local.municipality)]
    for candidate in candidates:
        if any(page.key == CAMPAIGN_PAGE for page in candidate.pages):
            return candidate.page_path(CAMPAIGN_PAGE)
    return local.home_path


def materials_page_url(local: LocalContext) -> str:
    """Where the print order sends the print shop for the files: the materials page, which lists and links
    each file (a folder address would be answered with 404 by most static hosts)."""
    page = MATERIALS_PAGE if any(p.key == MATERIALS_PAGE for p in local.pages) else "index"
    return local.base_url + local.page_path(page)


def campaign_placeholders(local: LocalContext, made: list[Material]) -> dict[str, Any]:
    """``campaign`` (the plan, or ``None``) and ``campaign_options`` (what the YAML may use).

    A language without campaign texts (a core-scope language) has no campaign page: nothing to fill.
    """
    if "campaign" not in local.strings:
        return {}
    options = {
        "products": [{"id": spec.id, "name": spec.name(local.lang),
                      "default_wave": local.strings["campaign"]["waves"][DEFAULT_WAVE[spec.id]]["title"]}
                     for spec in CATALOGUE.values()],
        "waves": [{"id": wave, "title": local.strings["campaign"]["waves"][wave]["title"],
                   "offset_months": DEFAULT_OFFSET_MONTHS[wave]} for wave in WAVES],
    }
    return {"campaign": campaign_page_values(local, made), "campaign_options": options}


def campaign_page_values(local: LocalContext, made: list[Material]) -> dict[str, Any] | None:
    """The ``campaign`` placeholder of page texts; ``None`` when the municipality has no plan.

    ``made`` are the files of this municipality and language that this build drew (the manifest).
    Files are linked only when they were made in this build, so a page never links to a file that
    does not exist (for example when only the Markdown is written, as in a live preview).
    """
    campaign = local.municipality.campaign
    if campaign is None:
        return None
    values = plan_values(plan_campaign(campaign), local)
    values["files"] = [asdict(m) for m in made if m.family == CAMPAIGN_FAMILY]
    for phase in values["phases"]:
        for placement in phase["placements"]:
            placement["materials"] = [asdict(m) for m in made
                                      if m.family == PRINT_FAMILY and m.product == placement["product"]]
    paths = {m.path for m in made}
    for row in values["print_order"]:
        row["link"] = row["path"] if row["path"] in paths else None
    return values
