"""Forgiving input: opening hours on one line as ``new`` and the guide write them, YAML syntax
errors in plain words at the real place, and warnings for silent mistakes."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import make_project

from tryggest.cli import main
from tryggest.load import load_project
from tryggest.schema import expected_schemas

HOURS_LINE = '    - {days: mon-fri, open: "09:00", close: "14:00"}'


def _fjordby(root: Path) -> Path:
    return root / "content/municipalities/fjordby.yml"


def _swap(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_hours_on_one_line_load_like_the_long_form(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    before = load_project(root).municipalities["fjordby"].contact.hours
    rules = ["man-fre 9.00-14.00", "lør 10.00–12.00", '{days: søn, open: "12:00", close: "13:00"}']
    _swap(_fjordby(root), HOURS_LINE, "\n".join(f"    - {rule}" for rule in rules))
    after = load_project(root).municipalities["fjordby"].contact.hours
    assert after[0] == before[0]
    assert [(h.days, f"{h.opens:%H:%M}", f"{h.closes:%H:%M}") for h in after[1:]] == [((5,), "10:00", "12:00"),
                                                                                   ((6,), "12:00", "13:00")]


def test_the_schema_documents_the_one_line_form() -> None:
    schema = expected_schemas()["municipality.schema.json"]
    assert "man-fre 9.00-14.00" in schema and '"anyOf"' in schema


def test_a_bad_one_line_rule_points_at_its_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_project(tmp_path)
    _swap(_fjordby(root), HOURS_LINE, "    - man-fre 9-14")
    assert main(["--root", str(root), "check"]) == 2
    first = capsys.readouterr().err.splitlines()[0]
    assert first.startswith("content/municipalities/fjordby.yml:9:7: contact.hours[0]: 'man-fre 9-14' is not an")


@pytest.mark.parametrize(("old", "new", "expected"), [
    ('  phone: "+47 33 41 60 00"', '\tphone: "+47 33 41 60 00"',
     "7:1: tabulator på linje 7: bruk mellomrom til innrykk (a tab on line 7: indent with spaces)"),
    ("name: Fjordby", 'name: "Fjordby',
     "2:7: anførselstegnet som åpner på linje 2, blir ikke lukket (the quote that opens on line 2 is never closed)"),
    ("county: Vestland", "  county: Vestland",
     "5:3: innrykket stemmer ikke: 'county' på linje 5 står ikke på linje med nøklene den hører sammen med "
     "(wrong indent: 'county' is out of line with the keys around it)"),
    ("  closed_on_public_holidays: true", " closed_on_public_holidays: true",
     "10:2: innrykket stemmer ikke: 'closed_on_public_holidays' på linje 10"),
])
def test_yaml_syntax_errors_in_plain_words(tmp_path: Path, capsys: pytest.CaptureFixture[str], old: str, new: str,
                                           expected: str) -> None:
    root = make_project(tmp_path)
    _swap(_fjordby(root), old, new)
    assert main(["--root", str(root), "check"]) == 2
    first = capsys.readouterr().err.splitlines()[0]
    assert first.startswith(f"content/municipalities/fjordby.yml:{expected}")


def test_county_case_and_shared_ssb_numbers_are_warnings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_project(tmp_path)
    ostre = root / "content/municipalities/ostre-dal.yml"
    _swap(ostre, "county: Innlandet", "county: vestland")
    _swap(ostre, 'number: "9902"', 'number: "9901"')
    assert main(["--root", str(root), "check"]) == 0
    err = capsys.readouterr().err
    assert ("content/municipalities/ostre-dal.yml:5:9: warning: county: 'vestland' differs from 'Vestland' (in another "
            "municipality's file) only in capital letters; write it the same way") in err
    assert ("content/municipalities/ostre-dal.yml:4:9: warning: number: SSB number 9901 is also the number of "
            "'fjordby'; each municipality has its own") in err
