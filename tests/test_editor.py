"""``tryggest edit`` in a browser: change Sandefjord's phone number and hours through the form, save,
and the file, the check, the home page and the business card follow; a wrong number is reported.

Runs in a copy of the project with Sandefjord alone and one language, so that the preview's
builds stay short. Every request the browser makes is counted; any to another origin is refused.
"""

from __future__ import annotations

import json
import re
import shutil
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO
from pdfcheck import flat, pdf_text

from tryggest.cli import main
from tryggest.editor.session import EditSession

pytestmark = pytest.mark.browser

SANDEFJORD = "content/municipalities/sandefjord.yml"
COPIED = ("mkdocs.yml", "overrides", "schema", "content/nb", "content/national.yml", SANDEFJORD)
PORTAL = """# yaml-language-server: $schema=schema/municipalities.schema.json
portal:
  title: TryggEst
  base_url: https://tryggest.example.no/
  languages: [nb]                # one language keeps the preview's builds short
  print_date: 2026-11-22
municipalities: [sandefjord]
"""
VIOLATIONS = """window.__tgEditor = [];
document.addEventListener("securitypolicyviolation", (e) => window.__tgEditor.push(e.violatedDirective + " " + e.blockedURI));
"""


@dataclass
class Editing:
    root: Path
    session: EditSession
    log: list[str] = field(default_factory=list)

    def preview_status(self) -> dict[str, Any]:
        with urllib.request.urlopen(self.session.preview.url + "__tryggest/status", timeout=10) as response:
            status: dict[str, Any] = json.load(response)
            return status


def _in_bokmal_only(path: Path) -> str:
    """The demo file without its own ``languages:`` line, so it follows the portal's one language."""
    return "".join(line for line in path.read_text(encoding="utf-8").splitlines(keepends=True)
                   if not line.startswith("languages:"))


@pytest.fixture(scope="module")
def editing(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Editing]:
    root = tmp_path_factory.mktemp("edit") / "project"
    for item in COPIED:
        source, target = REPO / item, root / item
        target.parent.mkdir(parents=True, exist_ok=True)
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, target)
    (root / "municipalities.yml").write_text(PORTAL, encoding="utf-8")
    (root / SANDEFJORD).write_text(_in_bokmal_only(REPO / SANDEFJORD), encoding="utf-8")
    log: list[str] = []
    session = EditSession(root, port=0, preview_port=0, log=log.append)
    session.start()   # returns once the preview's first build is done
    try:
        yield Editing(root, session, log)
    finally:
        session.stop()


@dataclass
class Browsing:
    page: Any
    requests: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)


def open_entry(browser: Any, editing: Editing) -> Browsing:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    context.add_init_script(VIOLATIONS)
    visit = Browsing(context.new_page())
    context.on("request", lambda request: visit.requests.append(request.url))
    context.route(re.compile(r"^https?://(?!127\.0\.0\.1[:/])"),
                  lambda route: (visit.foreign.append(route.request.url), route.abort()))
    visit.page.goto(editing.session.url + "#/collections/municipalities/entries/sandefjord")
    visit.page.get_by_role("button", name="Logg inn").click()
    visit.page.get_by_label("Telefon", exact=True).wait_for()
    return visit


def save(page: Any, editing: Editing) -> dict[str, Any]:
    """Publish in the form; return the editor's status once the save has been checked."""
    version = editing.session.saves.status.as_json()["version"]
    page.get_by_role("button", name="Publiser").first.click()
    page.get_by_text("Publiser nå").click()
    page.locator(f'#tg-editor-status[data-version="{version + 1}"]').wait_for(timeout=30_000)
    return editing.session.saves.status.as_json()


def wait_for_preview(editing: Editing, version: int) -> dict[str, Any]:
    """The preview's status once it has built (or failed to build) after ``version``."""
    for _ in range(600):
        status = editing.preview_status()
        if status["version"] > version:
            return status
        time.sleep(0.2)
    raise AssertionError("the preview did not rebuild after the save")


def test_change_phone_and_hours_in_the_form(browser: Any, editing: Editing) -> None:
    visit = open_entry(browser, editing)
    page = visit.page
    preview_version = editing.preview_status()["version"]
    page.get_by_label("Telefon", exact=True).fill("+47 33 41 60 00")
    page.get_by_label("Åpner", exact=True).fill("08:30")
    page.get_by_label("Stenger", exact=True).fill("15:30")
    status = save(page, editing)
    assert status["ok"] is True and status["saved"] == [SANDEFJORD]
    assert page.locator("#tg-editor-status h2").inner_text() == "Lagret og sjekket: ingen feil"

    text = (editing.root / SANDEFJORD).read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schema/municipality.schema.json\n")
    assert '  phone: "+47 33 41 60 00"\n' in text
    assert '    - {days: mon-fri, open: "08:30", close: "15:30"}\n' in text
    assert "example: true                    # demo data" in text, "the comment is kept"
    assert text == _in_bokmal_only(REPO / SANDEFJORD).replace('"+47 00 00 39 07"', '"+47 33 41 60 00"') \
        .replace('open: "09:00", close: "14:00"', 'open: "08:30", close: "15:30"'), "no other line changed"
    assert main(["--root", str(editing.root), "check"]) == 0

    assert wait_for_preview(editing, preview_version)["ok"] is True
    assert main(["--root", str(editing.root), "build"]) == 0
    home = (editing.root / "site/sandefjord/index.html").read_text(encoding="utf-8")
    assert 'href="tel:+4733416000"' in home and "33 41 60 00" in home and "00 00 39 07" not in home
    card = flat(pdf_text(editing.root / "site/filer/sandefjord/nb/visittkort-trykk.pdf"))
    assert "33 41 60 00" in card and "08.30–15.30" in card and "00 00 39 07" not in card

    assert page.evaluate("window.__tgEditor") == [], "the admin page's policy refused something"
    assert visit.foreign == [] and len(visit.requests) > 10
    assert all(url.startswith("http://127.0.0.1:") for url in visit.requests)
    page.context.close()


def test_a_wrong_phone_number_is_reported(browser: Any, editing: Editing) -> None:
    visit = open_entry(browser, editing)
    page = visit.page
    preview_version = editing.preview_status()["version"]
    page.get_by_label("Telefon", exact=True).fill("+47 12 34")
    status = save(page, editing)
    assert status["ok"] is False
    panel = page.locator("#tg-editor-status")
    assert panel.locator("h2").inner_text() == "Lagret, men sjekken fant feil"
    assert "Kontakt › Telefon: '+47 12 34' is a short number" in panel.inner_text()
    assert any(line.startswith(f"{SANDEFJORD}:9:10: contact.phone: '+47 12 34' is a short number")
               for line in editing.log), "the terminal names the file, line and field"
    assert main(["--root", str(editing.root), "check"]) == 2

    assert wait_for_preview(editing, preview_version)["ok"] is False
    preview = page.context.new_page()
    preview.goto(editing.session.preview.url + "sandefjord/")
    assert "'+47 12 34' is a short number" in preview.locator("#tryggest-live-problems").inner_text()
    assert visit.foreign == []
    page.context.close()
