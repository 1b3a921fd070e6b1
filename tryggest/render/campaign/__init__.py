"""The campaign plan's files, per municipality with a ``campaign`` block and per language.

Under ``filer/<id>/<lang>/``: ``trykkbestilling.csv`` and ``trykkbestilling.pdf`` (the print
order), ``kampanje.ics`` (the calendar) and ``sjekkliste.pdf`` (the coordinator's checklist).
Municipalities without a ``campaign`` block get none of them; their campaign page explains how to
add one.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ...campaign import plan_campaign
from ...context import LocalContext, Material, SiteContext
from .calendar import campaign_calendar
from .documents import checklist_pdf, print_order_csv, print_order_pdf
from .values import CAMPAIGN_FAMILY, CAMPAIGN_FILES, campaign_page_path, plan_values

SIZES = {"PDF": "A4", "CSV": "", "ICS": ""}


class CampaignRenderer:
    name = "campaign"

    def render(self, site: SiteContext, out: Path) -> list[Material]:
        materials: list[Material] = []
        for local in site.locals:
            if local.municipality.campaign is not None:
                materials += self._render_local(site, local, out)
        return materials

    def _render_local(self, site: SiteContext, local: LocalContext, out: Path) -> list[Material]:
        campaign = local.municipality.campaign
        assert campaign is not None
        plan = plan_campaign(campaign)
        values = plan_values(plan, local)
        page_url = local.base_url + campaign_page_path(site, local)
        makers: dict[str, Callable[[], bytes]] = {
            "print_order_pdf": lambda: print_order_pdf(values, local, site.build_date),
            "print_order_csv": lambda: print_order_csv(values, local),
            "calendar": lambda: campaign_calendar(plan, values, local, page_url, site.build_date),
            "checklist": lambda: checklist_pdf(values, local, site.build_date),
        }
        materials = []
        for key, file_name, kind in CAMPAIGN_FILES:
            path = local.files_path() + file_name
            data = makers[key]()
            target = out / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            texts = local.strings["campaign"]["files"][key]
            materials.append(Material(local.municipality.id, local.lang, CAMPAIGN_FAMILY, key.replace("_", "-"),
                                      texts["title"], texts["purpose"], path, None, kind, SIZES[kind], len(data)))
        return materials
