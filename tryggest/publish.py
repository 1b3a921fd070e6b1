"""``tryggest check --publish``: what must be true before a site goes public and files go to print.

Valid demo data builds fine, so these are checked only on request:
- no placeholder address (``example.no``, ``example.com``, ``localhost``, the ``.test`` and
  ``.invalid`` names) in the portal's or a municipality's ``base_url``;
- no municipality still marked ``example: true``;
- no demo phone number: the demo files use 8-digit numbers that start with 0 (``+47 00 00 56 20``),
  which no real Norwegian number does;
- no ``print_date`` older than the last change of the municipality file it prints. That change is
  the date of the last commit of the file when git knows it and it has no uncommitted changes
  (a fresh clone gives every file a new modification time, so git is asked first), otherwise the
  file's modification time.
"""

from __future__ import annotations

import ipaddress
import subprocess
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from urllib.parse import urlparse

from .load import MUNICIPALITY_DIR, PORTAL_FILE, Project
from .model import Municipality
from .phone import Phone
from .problems import Problem
from .source import Document, KeyPath

PLACEHOLDER_DOMAINS = ("example", "localhost", "test", "invalid", "local")


def publish_problems(project: Project) -> list[Problem]:
    portal_doc = project.documents[PORTAL_FILE]
    found = list(_placeholder(portal_doc, ("portal", "base_url"), project.portal.portal.base_url))
    for mid in sorted(project.municipalities):
        municipality = project.municipalities[mid]
        doc = project.documents[f"{MUNICIPALITY_DIR}/{mid}.yml"]
        if municipality.base_url:
            found += _placeholder(doc, ("base_url",), municipality.base_url)
        if municipality.example:
            found.append(doc.problem(("example",), "the municipality is still marked as demo data; set "
                                                   "'example: false' once every value is real"))
        found += [doc.problem(keys, f"{phone.display} is a demo number; write the real number")
                  for keys, phone in _phones(municipality) if is_demo_number(phone)]
        found += _stale_print_date(project, municipality, doc, portal_doc)
    return sorted(found)


def is_placeholder_url(url: str) -> bool:
    host = (urlparse(url).hostname or "").lower()
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        pass
    labels = host.split(".")
    return not host or labels[-1] in PLACEHOLDER_DOMAINS or "example" in labels


def is_demo_number(phone: Phone) -> bool:
    return len(phone.digits) == 8 and phone.digits.startswith("0")


def _placeholder(doc: Document, keys: KeyPath, url: str) -> Iterator[Problem]:
    if is_placeholder_url(url):
        yield doc.problem(keys, f"{url} is a placeholder address; write the address the site is published at")


def _phones(municipality: Municipality) -> Iterator[tuple[KeyPath, Phone]]:
    yield ("contact", "phone"), municipality.contact.phone
    for i, help_ in enumerate(municipality.local_help):
        if help_.phone:
            yield ("local_help", i, "phone"), help_.phone


def _stale_print_date(project: Project, municipality: Municipality, doc: Document,
                      portal_doc: Document) -> list[Problem]:
    own = municipality.print_date
    printed = own or project.portal.portal.print_date
    if printed is None:
        return []   # no print_date: every build prints its own day
    changed, how = last_change(project.root, doc.path)
    if printed >= changed:
        return []
    where, keys = (doc, ("print_date",)) if own else (portal_doc, ("portal", "print_date"))
    return [where.problem(keys, f"print_date {printed} is older than the last change of {doc.shown_as} "
                                f"({changed}, {how}); set print_date to {changed} or later")]


def last_change(root: Path, path: Path) -> tuple[date, str]:
    """The day ``path`` last changed, and how that was found ("git" or "file time")."""
    committed = _git(root, "log", "-1", "--format=%cs", "--", str(path))
    if committed and not _git(root, "status", "--porcelain", "--", str(path)):
        return date.fromisoformat(committed), "git"
    return datetime.fromtimestamp(path.stat().st_mtime).date(), "file time"


def _git(root: Path, *args: str) -> str:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""
