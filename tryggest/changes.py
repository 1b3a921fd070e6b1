"""What changed since the last print: the values on a municipality's printed files then and now.

A build that prints with a new date (the municipality's ``print_date``, else the portal's, else
the day of the build) keeps the values it printed in ``.tryggest-cache/printed/<id>.json``. Until
the next new date, ``tryggest changes`` (and every build) compares the data with that record and
names each value that changed, old and new, and the print files that now show an old value.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from .hours import DAY_KEYS
from .load import Project
from .model import HoursEntry, Municipality
from .products import CATALOGUE

RECORD_DIR = ".tryggest-cache/printed"


@dataclass(frozen=True)
class PrintChanges:
    municipality: str
    printed: str                              # the print date of the record
    values: list[tuple[str, str, str]]        # (what, old, new)
    files: list[str]                          # site paths of the print files to print again


def printed_values(project: Project, mid: str) -> dict[str, str]:
    """Every value a print file of ``mid`` shows, as text, by a name an editor recognises."""
    m = project.municipalities[mid]
    values = {"name": m.name, "contact.phone": m.contact.phone.display,
              "contact.hours": "; ".join(_hours(entry) for entry in m.contact.hours),
              "contact.closed_on_public_holidays": str(m.contact.closed_on_public_holidays).lower(),
              "contact.email": m.contact.email or "", "team.members": ", ".join(m.team.members),
              "address (QR code)": f"{m.base_url or project.portal.portal.base_url}{mid}/",
              "languages": ", ".join(project.languages_of(m))}
    values.update({f"national {line.id}": line.number.display for line in project.national.lines})
    return values


def print_date_of(project: Project, municipality: Municipality, build_date: date) -> date:
    return municipality.print_date or project.portal.portal.print_date or build_date


def record_prints(project: Project, build_date: date) -> list[str]:
    """After a build: keep the printed values of each municipality whose print date is new."""
    written = []
    for mid in sorted(project.municipalities):
        printed = print_date_of(project, project.municipalities[mid], build_date).isoformat()
        record = _read(project.root, mid)
        if record is None or record.get("print_date") != printed:
            path = _record_path(project.root, mid)
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_suffix(".tmp")
            temporary.write_text(json.dumps({"print_date": printed, "values": printed_values(project, mid)},
                                            ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")
            temporary.replace(path)
            written.append(mid)
    return written


def changes_since_print(project: Project) -> list[PrintChanges]:
    found = []
    for mid in sorted(project.municipalities):
        record = _read(project.root, mid)
        if record is None:
            continue
        old, new = record.get("values", {}), printed_values(project, mid)
        changed = [(key, str(old.get(key, "")), value) for key, value in new.items() if old.get(key, "") != value]
        if changed:
            languages = project.languages_of(project.municipalities[mid])
            files = [f"filer/{mid}/{lang}/{spec.pdf}" for lang in languages for spec in CATALOGUE.values()]
            found.append(PrintChanges(mid, str(record.get("print_date")), changed, files))
    return found


def describe_changes(changes: list[PrintChanges]) -> list[str]:
    lines = []
    for change in changes:
        lines.append(f"{change.municipality}: changed since the files printed {change.printed}:")
        lines += [f"  {what}: {old or '(none)'} -> {new or '(none)'}" for what, old, new in change.values]
        lines.append(f"  print again ({len(change.files)} files; set a new print_date first, then build):")
        lines += [f"    {path}" for path in change.files]
    return lines


def _hours(entry: HoursEntry) -> str:
    days = entry.days
    runs = f"{DAY_KEYS[days[0]]}-{DAY_KEYS[days[-1]]}" if len(days) > 2 and days[-1] - days[0] == len(days) - 1 \
        else ",".join(DAY_KEYS[d] for d in days)
    return f"{runs} {entry.opens:%H:%M}-{entry.closes:%H:%M}"


def _record_path(root: Path, mid: str) -> Path:
    return root / RECORD_DIR / f"{mid}.json"


def _read(root: Path, mid: str) -> dict[str, Any] | None:
    path = _record_path(root, mid)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None
