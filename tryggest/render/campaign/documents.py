"""The print order (CSV and a one-page PDF) and the coordinator's checklist (PDF).

The CSV is written for Norwegian spreadsheets: semicolons between fields, UTF-8 with a byte order
mark so Excel reads æ, ø and å, one line per product. The PDFs are made with WeasyPrint from the
HTML templates next to this module, with the Noto fonts the system provides through fontconfig
(Debian ``fonts-noto-core``): nothing is fetched from the network. Their dates come from the
build date, so the same input gives the same bytes.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path
from typing import Any

import jinja2

from ...campaign_values import format_date, materials_page_url
from ...context import LocalContext
from ...escape import spreadsheet_cell

TEMPLATES = Path(__file__).parent / "templates"
CSV_COLUMNS = ("product", "file", "url", "trim", "folded", "paper", "sides", "copies", "needed_by", "placements")


def print_order_csv(values: dict[str, Any], local: LocalContext) -> bytes:
    columns = local.strings["campaign"]["print_order"]["columns"]
    label = _example_label(local)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([columns[key] for key in CSV_COLUMNS])
    for row in values["print_order"]:
        where = ", ".join(f"{p['where']}: {p['copies']}" for p in row["placements"])
        writer.writerow([spreadsheet_cell(cell) for cell in (
            label + row["name"], row["file"], row["url"], row["trim"], row["folded"], row["paper"],
            row["sides"], row["copies"], row["needed_by_iso"], where)])
    return buffer.getvalue().encode("utf-8-sig")



def print_order_pdf(values: dict[str, Any], local: LocalContext, build_date: date) -> bytes:
    """One A4 page. With many placements the list of places is left out so the order stays on one page."""
    options = {"pdf_tags": True}
    document = _document("print_order.html", values, local, build_date, False, options)
    if len(document.pages) > 1:
        document = _document("print_order.html", values, local, build_date, True, options)
    return bytes(document.write_pdf(**options))


def checklist_pdf(values: dict[str, Any], local: LocalContext, build_date: date) -> bytes:
    """Several A4 pages; the tick boxes are also form fields, so they can be ticked on screen."""
    options = {"pdf_tags": True, "pdf_forms": True}
    return bytes(_document("checklist.html", values, local, build_date, False, options).write_pdf(**options))


def _document(template: str, values: dict[str, Any], local: LocalContext, build_date: date, compact: bool,
              options: dict[str, bool]) -> Any:
    from weasyprint import HTML  # imported here: loading it takes a moment and only builds need it

    html = _environment().get_template(template).render(
        c=values, s=local.strings, t=local.strings["campaign"], lang=local.lang, compact=compact,
        m=_municipality(local), built=build_date.isoformat(), built_text=format_date(build_date, local.strings),
        files_url=materials_page_url(local), example=_example_label(local).rstrip(": "),
    )
    return HTML(string=html, base_url=str(TEMPLATES)).render(**options)


def _municipality(local: LocalContext) -> dict[str, Any]:
    m = local.municipality
    return {"name": m.name, "phone": m.contact.phone.display, "email": m.contact.email,
            "coordinator": f"{m.team.coordinator.role}, {m.team.coordinator.unit}"}


def _example_label(local: LocalContext) -> str:
    return f"{local.strings['ui']['example_label']}: " if local.municipality.example else ""


def _environment() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), undefined=jinja2.StrictUndefined,
                              autoescape=True, trim_blocks=True, lstrip_blocks=True)
