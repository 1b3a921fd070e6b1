"""``tryggest new``: ids from names, a file that loads at once, the list edited in place, and
nothing written or overwritten when something is wrong."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from tryggest.cli import main
from tryggest.load import load_project
from tryggest.scaffold import add_to_list, municipality_id, parse_hours

NEW = ["--number", "9903", "--county", "Vestland", "--phone", "+47 33 41 60 01",
       "--hours", "mon-fri 09:00-14:00", "--unit", "Helse og omsorg"]


@pytest.mark.parametrize(("name", "expected"), [
    ("Østre Toten", "ostre-toten"),
    ("Sør-Varanger", "sor-varanger"),
    ("Ærøy", "aeroy"),
    ("Porsáŋgu", "porsangu"),
    ("Kárášjohka", "karasjohka"),
    ("Guovdageaidnu  Kautokeino", "guovdageaidnu-kautokeino"),
    ("Unjárga – Nesseby", "unjarga-nesseby"),
    ("Čáhcesuolu", "cahcesuolu"),
    ("Đđ Ŋŋ Šš Ŧŧ Žž", "dd-nn-ss-tt-zz"),
    ("Bydel Grünerløkka", "bydel-grunerlokka"),
])
def test_municipality_id(name: str, expected: str) -> None:
    assert municipality_id(name) == expected


def test_hours_rules_in_english_or_norwegian() -> None:
    assert parse_hours("mon-fri 09:00-14:00") == {"days": "mon-fri", "open": "09:00", "close": "14:00"}
    assert parse_hours("man-fre 9.00–15.30") == {"days": "mon-fri", "open": "09:00", "close": "15:30"}
    assert parse_hours("lør,søn 10:00 - 12:00") == {"days": "sat,sun", "open": "10:00", "close": "12:00"}
    with pytest.raises(ValueError, match="mon-fri 09:00-14:00"):
        parse_hours("mon-fri 09:00")


def test_new_writes_a_commented_file_that_loads(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["--root", str(project), "new", "Vestre Fjord", *NEW]) == 0
    path = project / "content/municipalities/vestre-fjord.yml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schema/municipality.schema.json\n")
    assert "# TryggEst-nummeret" in text
    loaded = load_project(project).municipalities["vestre-fjord"]
    assert loaded.name == "Vestre Fjord" and loaded.number == "9903" and not loaded.example
    assert loaded.contact.phone.display == "33 41 60 01"
    assert loaded.team.coordinator.unit == "Helse og omsorg"
    assert (project / "municipalities.yml").read_text(encoding="utf-8").endswith(
        "municipalities: [fjordby, ostre-dal, vestre-fjord]\n")


def test_new_refuses_to_overwrite(project: Path, monkeypatch: pytest.MonkeyPatch,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    before = (project / "content/municipalities/fjordby.yml").read_bytes()
    assert main(["--root", str(project), "new", "Fjordby", *NEW]) == 2
    assert "already exists" in capsys.readouterr().err
    assert (project / "content/municipalities/fjordby.yml").read_bytes() == before
    (project / "content/municipalities/fjordby.yml").rename(project / "fjordby.yml.bak")
    assert main(["--root", str(project), "new", "Fjordby", *NEW]) == 2
    assert "municipalities.yml:9:18: municipalities[0]: 'fjordby' is already listed" in capsys.readouterr().err
    assert not (project / "content/municipalities/fjordby.yml").exists()


def test_new_leaves_nothing_behind_when_the_result_is_invalid(project: Path, monkeypatch: pytest.MonkeyPatch,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    before = (project / "municipalities.yml").read_bytes()
    args = [a if a != "+47 33 41 60 01" else "+47 56 12" for a in NEW]
    assert main(["--root", str(project), "new", "Vestre Fjord", *args]) == 2
    err = capsys.readouterr().err
    assert "content/municipalities/vestre-fjord.yml:" in err and "contact.phone:" in err
    assert not (project / "content/municipalities/vestre-fjord.yml").exists()
    assert (project / "municipalities.yml").read_bytes() == before
    assert sorted(p.name for p in project.iterdir()) == ["content", "mkdocs.yml", "municipalities.yml", "overrides"]


def test_new_without_a_terminal_names_the_missing_options(project: Path, monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["--root", str(project), "new", "Vestre Fjord", "--county", "Vestland"]) == 2
    assert "missing --number, --phone, --hours, --unit" in capsys.readouterr().err
    assert not (project / "content/municipalities/vestre-fjord.yml").exists()


def test_new_asks_in_a_terminal(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    answers = iter(["n", "Bydel Nordre Fjord", "", "Vestland", "+47 56 12 34 57", "mon-thu 08:00-15:30; fri 08:00-12:00",
                    "Bydelsoverlegen"])
    asked: list[str] = []
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda question: asked.append(question) or next(answers))
    assert main(["--root", str(project), "new", "--kind", "bydel"]) == 0
    assert len(asked) == 7, "an empty answer is asked again; a bydel is not asked for a number"
    loaded = load_project(project).municipalities["bydel-nordre-fjord"]
    assert loaded.kind == "bydel" and loaded.number is None and not loaded.example
    assert [(h.days, f"{h.closes:%H:%M}") for h in loaded.contact.hours] == [((0, 1, 2, 3), "15:30"), ((4,), "12:00")]


def test_each_answer_is_checked_as_it_is_typed(project: Path, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    answers = iter(["nei", "Herøy", "18", "1818", "Nordland", "+47 12 34", "+47 00 00 18 18", "+47 75 06 50 00",
                    "mon-fri 14:00-09:00", "man-fry 9-14", "man-fre 8.00-15.30; lør 10.00-12.00", "Helse og omsorg"])
    asked: list[str] = []
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda question: asked.append(question) or next(answers))
    assert main(["--root", str(project), "new", "--id", "heroy-nordland"]) == 0
    told = capsys.readouterr().out
    assert len(asked) == 12, "every refused answer is asked again, and the good ones are kept"
    assert [q.split(" (")[0] for q in asked[2:4]] == ["Kommunenummer fra SSB"] * 2
    assert "'18' is not a municipality number" in told and "short number" in told
    assert "is not a valid Norwegian phone number" in told, "a placeholder number is refused for real data"
    assert "'open' must be earlier" in told and "is not an opening-hours rule" in told
    loaded = load_project(project).municipalities["heroy-nordland"]
    assert loaded.name == "Herøy" and loaded.number == "1818" and loaded.contact.phone.display == "75 06 50 00"
    assert [(h.days, f"{h.opens:%H:%M}") for h in loaded.contact.hours] == [((0, 1, 2, 3, 4), "08:00"), ((5,), "10:00")]


def test_example_allows_a_placeholder_number(project: Path, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    args = [a if a != "+47 33 41 60 01" else "+47 00 00 99 03" for a in NEW]
    assert main(["--root", str(project), "new", "Vestre Fjord", *args]) == 2
    assert "for demo data with a placeholder number, use --example" in capsys.readouterr().err
    assert main(["--root", str(project), "new", "Vestre Fjord", *args, "--example"]) == 0
    assert load_project(project).municipalities["vestre-fjord"].example


def test_add_to_list_keeps_comments_and_style() -> None:
    flow = "# portal\nmunicipalities: [a, b]   # the list\nregions: []\n"
    assert add_to_list(flow, "c") == "# portal\nmunicipalities: [a, b, c]   # the list\nregions: []\n"
    assert add_to_list("municipalities: []\n", "c") == "municipalities: [c]\n"
    multi = "municipalities: [\n  a,\n  b,\n]\n"
    assert add_to_list(multi, "c") == "municipalities: [\n  a,\n  b, c,\n]\n"
    block = "municipalities:\n  - a   # first\n  # b is paused\n  - b\nregions: []\n"
    assert add_to_list(block, "c") == "municipalities:\n  - a   # first\n  # b is paused\n  - b\n  - c\nregions: []\n"
    assert add_to_list("municipalities:\n- a", "c") == "municipalities:\n- a\n- c\n"


def test_an_id_that_is_not_a_slug_is_refused(project: Path, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["--root", str(project), "new", "Herøy", "--id", "Herøy N", *NEW]) == 2
    assert "'Herøy N' is not an id; use a-z, 0-9 and -" in capsys.readouterr().err
    assert sorted(p.name for p in (project / "content/municipalities").iterdir()) == ["fjordby.yml", "ostre-dal.yml"]
