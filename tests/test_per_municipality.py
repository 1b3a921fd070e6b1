"""``print_date`` and ``base_url`` per municipality: setting them in one municipality's file changes
that municipality's files and nothing of any other (the inputs of every other file stay the same,
so the build's cache keeps them)."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from conftest import make_project
from pdfcheck import pdf_text, qr_codes

from tryggest.artifacts import Job
from tryggest.pipeline import artifact_jobs, check
from tryggest.theme import page_view
from tryggest.theme_context import theme_data

IDS = ("fjordby", "ostre-dal")


def _keys(root: Path) -> dict[str | None, dict[str, str]]:
    """What every artifact depends on, by owning municipality (None: the portal's own images)."""
    keys: dict[str | None, dict[str, str]] = defaultdict(dict)
    for job in artifact_jobs(check(root)):
        text = json.dumps(job.key, sort_keys=True, default=str)
        owner = next((mid for mid in IDS if f"/{mid}/" in text or f'"id": "{mid}"' in text
                      or f'"municipality": "{mid}"' in text), None)
        keys[owner][f"{job.kind} {_identity(job)}"] = text
    return keys


def _identity(job: Job) -> str:
    key = job.key
    if isinstance(key, dict):
        return str(key.get("files") or [key.get("file"), key.get("lang")])
    # A print job's key holds a digest of its data; the data itself travels in the payload.
    return json.dumps([job.payload[0]["lang"], job.payload[0]["url"]])


def _set(root: Path, mid: str, line: str) -> None:
    path = root / f"content/municipalities/{mid}.yml"
    path.write_text(path.read_text(encoding="utf-8") + line + "\n", encoding="utf-8")


def test_print_date_of_one_municipality_redates_only_its_files(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    before = _keys(root)
    _set(root, "fjordby", "print_date: 2026-03-01")
    after = _keys(root)
    assert len(before["ostre-dal"]) > 20 and before[None]
    assert after["ostre-dal"] == before["ostre-dal"] and after[None] == before[None]
    printed = [name for name in after["fjordby"] if name.startswith("pdf/")]
    assert printed and all(after["fjordby"][name] != before["fjordby"][name] for name in printed)
    site = check(root)
    assert site.print_date("fjordby").isoformat() == "2026-03-01"
    assert site.print_date("ostre-dal").isoformat() == "2026-01-15", "the portal's print_date stays the default"


def test_base_url_of_one_municipality_changes_only_its_codes_and_links(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    before = _keys(root)
    _set(root, "fjordby", "base_url: https://fjordby.test/")
    after = _keys(root)
    assert after["ostre-dal"] == before["ostre-dal"] and after[None] == before[None]
    site = check(root)
    assert {local.qr_url for local in site.locals if local.municipality.id == "fjordby"} == {
        "https://fjordby.test/fjordby/", "https://fjordby.test/nn/fjordby/", "https://fjordby.test/en/fjordby/"}
    assert all(local.qr_url.startswith("https://tryggest.test/") for local in site.locals
               if local.municipality.id == "ostre-dal")
    data = theme_data(site)
    own = page_view(data, {"tryggest": {"local": "nb/fjordby", "page": "index", "path": "fjordby/"}})
    other = page_view(data, {"tryggest": {"local": "nb/ostre-dal", "page": "index", "path": "ostre-dal/"}})
    assert own["canonical"] == "https://fjordby.test/fjordby/"
    assert other["canonical"] == "https://tryggest.test/ostre-dal/"


def test_a_printed_card_shows_its_own_date_and_address(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    _set(root, "fjordby", "print_date: 2026-03-01\nbase_url: https://fjordby.test/")
    # One job makes a municipality's print files in one language; the card is one of them.
    job = next(job for job in artifact_jobs(check(root)) if job.kind == "pdf/print-kit"
               and _identity(job) == json.dumps(["nb", "https://fjordby.test/fjordby/"]))
    files = job.render(job.payload)
    data = next(data for name, data in files.items() if name.endswith("/visittkort-trykk.pdf"))
    pdf = tmp_path / "card.pdf"
    pdf.write_bytes(data)
    assert "2026-03-01" in pdf_text(pdf) and "2026-01-15" not in pdf_text(pdf)
    assert {code.text for code in qr_codes(pdf)} == {"https://fjordby.test/fjordby/"}
