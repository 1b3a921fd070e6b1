"""What changed since the last print: a record of the printed values is kept when the print date
is new, and ``tryggest changes`` names each changed value (old -> new) and the files to print again."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from conftest import make_project

from tryggest.changes import changes_since_print, record_prints
from tryggest.cli import main
from tryggest.load import load_project

BUILD_DAY = date(2026, 2, 1)


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_changed_number_is_named_with_the_files_to_print_again(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    root = make_project(tmp_path)
    assert record_prints(load_project(root), BUILD_DAY) == ["fjordby", "ostre-dal"]
    assert changes_since_print(load_project(root)) == []
    fjordby = root / "content/municipalities/fjordby.yml"
    _replace(fjordby, '"+47 33 41 60 00"', '"+47 33 41 60 99"')
    _replace(fjordby, '{days: mon-fri, open: "09:00", close: "14:00"}', '{days: mon-fri, open: "08:30", close: "14:00"}')
    project = load_project(root)
    assert record_prints(project, BUILD_DAY) == [], "the same print date keeps the record of what was printed"
    [change] = changes_since_print(project)
    assert change.municipality == "fjordby" and change.printed == "2026-01-15"
    assert change.values == [("contact.phone", "33 41 60 00", "33 41 60 99"),
                             ("contact.hours", "mon-fri 09:00-14:00", "mon-fri 08:30-14:00")]
    assert "filer/fjordby/nb/brosjyre-trykk.pdf" in change.files and "filer/fjordby/en/klistremerke-trykk.pdf" in change.files
    assert all(path.startswith("filer/fjordby/") for path in change.files)

    assert main(["--root", str(root), "changes"]) == 0
    out = capsys.readouterr().out
    assert "fjordby: changed since the files printed 2026-01-15:" in out
    assert "  contact.phone: 33 41 60 00 -> 33 41 60 99" in out and "ostre-dal" not in out

    fjordby.write_text(fjordby.read_text(encoding="utf-8") + "print_date: 2026-02-01\n", encoding="utf-8")
    assert record_prints(load_project(root), BUILD_DAY) == ["fjordby"], "a new print date: a new record"
    assert changes_since_print(load_project(root)) == []
    assert main(["--root", str(root), "changes"]) == 0
    assert "Nothing printed has changed" in capsys.readouterr().out


def test_a_national_number_changes_every_municipality(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    record_prints(load_project(root), BUILD_DAY)
    national = root / "content/national.yml"
    _replace(national, 'number: "80030196"', 'number: "80030197"')
    changes = changes_since_print(load_project(root))
    assert [c.municipality for c in changes] == ["fjordby", "ostre-dal"]
    assert all(c.values == [("national vern-for-eldre", "800 30 196", "800 30 197")] for c in changes)
