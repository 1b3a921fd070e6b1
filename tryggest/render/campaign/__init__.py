"""The campaign plan's files, per municipality and language.

Under ``filer/<id>/<lang>/``: ``trykkbestilling.csv`` and ``trykkbestilling.pdf`` (the print
order), ``kampanje.ics`` (the calendar) and ``sjekkliste.pdf`` (the coordinator's checklist).
Every municipality gets the print order (one copy of each product without a plan); the calendar and
the checklist need a ``campaign`` block, and the campaign page explains how to add one.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from ...artifacts import Job, content_digest
from ...campaign import plan_campaign
from ...campaign_values import CAMPAIGN_FAMILY, CAMPAIGN_FILES, PRINT_ORDER_FILES, campaign_page_path, order_values, plan_values
from ...context import LocalContext, Material, SiteContext
from .calendar import campaign_calendar
from .documents import checklist_pdf, print_order_csv, print_order_pdf

SIZES = {"PDF": "A4", "CSV": "", "ICS": ""}


class CampaignRenderer:
    name = "campaign"

    def jobs(self, site: SiteContext) -> list[Job]:
        jobs = []
        for local in site.building:
            shared = _local_key(site, local)
            jobs += [Job(f"{CAMPAIGN_KINDS[kind]}/{key}", {"file": key, **shared}, render_campaign_file,
                         (key, file_name, local, site.print_date(local.municipality.id),
                          local.base_url + campaign_page_path(site, local)))
                     for key, file_name, kind in _files_of(local)]
        return jobs

    def materials(self, site: SiteContext, out: Path) -> list[Material]:
        materials = []
        for local in site.building:
            for key, file_name, kind in _files_of(local):
                path = local.files_path() + file_name
                texts = local.strings["campaign"]["files"][key]
                materials.append(Material(local.municipality.id, local.lang, CAMPAIGN_FAMILY, key.replace("_", "-"),
                                          texts["title"], texts["purpose"], path, None, kind, SIZES[kind],
                                          (out / path).stat().st_size))
        return materials


CAMPAIGN_KINDS = {"PDF": "pdf", "CSV": "csv", "ICS": "ics"}


def _files_of(local: LocalContext) -> list[tuple[str, str, str]]:
    # Core-scope languages have no campaign texts: their print orders are made in the full languages.
    if "campaign" not in local.strings:
        return []
    planned = local.municipality.campaign is not None
    return [entry for entry in CAMPAIGN_FILES if planned or entry[0] in PRINT_ORDER_FILES]


def _local_key(site: SiteContext, local: LocalContext) -> dict[str, Any]:
    """What every campaign file of ``local`` depends on; the large parts as one digest for all of them."""
    return {"municipality": local.municipality.id,
            "local": content_digest({"municipality": local.municipality.model_dump(mode="json"),
                                     "strings": local.strings, "national": local.national}),
            "lang": local.lang, "date": site.print_date(local.municipality.id).isoformat(),
            "base_url": local.base_url}


def render_campaign_file(payload: tuple[str, str, LocalContext, date, str]) -> dict[str, bytes]:
    """One campaign file; a module-level function of plain data so it can run in another process."""
    key, file_name, local, build_date, page_url = payload
    campaign = local.municipality.campaign
    plan = plan_campaign(campaign) if campaign else None
    values = plan_values(plan, local) if plan else order_values(local)
    makers: dict[str, Callable[[], bytes]] = {
        "print_order_pdf": lambda: print_order_pdf(values, local, build_date),
        "print_order_csv": lambda: print_order_csv(values, local),
    }
    if plan:
        makers["calendar"] = lambda: campaign_calendar(plan, values, local, page_url, build_date)
        makers["checklist"] = lambda: checklist_pdf(values, local, build_date)
    return {local.files_path() + file_name: makers[key]()}
