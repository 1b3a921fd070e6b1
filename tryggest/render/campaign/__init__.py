"""The campaign plan's files, per municipality with a ``campaign`` block and per language.

Under ``filer/<id>/<lang>/``: ``trykkbestilling.csv`` and ``trykkbestilling.pdf`` (the print
order), ``kampanje.ics`` (the calendar) and ``sjekkliste.pdf`` (the coordinator's checklist).
Municipalities without a ``campaign`` block get none of them; their campaign page explains how to
add one.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from ...artifacts import Job
from ...campaign import plan_campaign
from ...context import LocalContext, Material, SiteContext
from .calendar import campaign_calendar
from .documents import checklist_pdf, print_order_csv, print_order_pdf
from .values import CAMPAIGN_FAMILY, CAMPAIGN_FILES, campaign_page_path, plan_values

SIZES = {"PDF": "A4", "CSV": "", "ICS": ""}


class CampaignRenderer:
    name = "campaign"

    def jobs(self, site: SiteContext) -> list[Job]:
        return [Job(f"{CAMPAIGN_KINDS[kind]}/{key}", _job_key(site, local, key), render_campaign_file,
                    (key, file_name, local, site.build_date, local.base_url + campaign_page_path(site, local)))
                for local in _with_campaign(site) for key, file_name, kind in CAMPAIGN_FILES]

    def materials(self, site: SiteContext, out: Path) -> list[Material]:
        materials = []
        for local in _with_campaign(site):
            for key, file_name, kind in CAMPAIGN_FILES:
                path = local.files_path() + file_name
                texts = local.strings["campaign"]["files"][key]
                materials.append(Material(local.municipality.id, local.lang, CAMPAIGN_FAMILY, key.replace("_", "-"),
                                          texts["title"], texts["purpose"], path, None, kind, SIZES[kind],
                                          (out / path).stat().st_size))
        return materials


CAMPAIGN_KINDS = {"PDF": "pdf", "CSV": "csv", "ICS": "ics"}


def _with_campaign(site: SiteContext) -> list[LocalContext]:
    # Core-scope languages have no campaign texts: their print orders are made in the full languages.
    return [local for local in site.building
            if local.municipality.campaign is not None and "campaign" in local.strings]


def _job_key(site: SiteContext, local: LocalContext, key: str) -> dict[str, Any]:
    return {"file": key, "municipality": local.municipality.model_dump(mode="json"), "lang": local.lang,
            "strings": local.strings, "national": local.national, "date": site.build_date.isoformat(),
            "base_url": local.base_url}


def render_campaign_file(payload: tuple[str, str, LocalContext, date, str]) -> dict[str, bytes]:
    """One campaign file; a module-level function of plain data so it can run in another process."""
    key, file_name, local, build_date, page_url = payload
    campaign = local.municipality.campaign
    assert campaign is not None
    plan = plan_campaign(campaign)
    values = plan_values(plan, local)
    makers: dict[str, Callable[[], bytes]] = {
        "print_order_pdf": lambda: print_order_pdf(values, local, build_date),
        "print_order_csv": lambda: print_order_csv(values, local),
        "calendar": lambda: campaign_calendar(plan, values, local, page_url, build_date),
        "checklist": lambda: checklist_pdf(values, local, build_date),
    }
    return {local.files_path() + file_name: makers[key]()}
