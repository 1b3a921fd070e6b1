"""``tryggest init``: a portal for one municipality in a new folder, with no demo data, that loads
at once; nothing is made when an answer is wrong or the folder is in use. Taking a municipality off
the list no longer fails because a region still names it."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from conftest import make_project

from tryggest.cli import main
from tryggest.lint import warnings_for
from tryggest.load import load_project

ANSWERS = ["--name", "Herøy", "--id", "heroy-nordland", "--number", "1818", "--county", "Nordland",
           "--phone", "+47 75 06 50 00", "--hours", "man-fre 8.00-15.30", "--unit", "Helse og omsorg", "--no-example"]


@pytest.fixture(autouse=True)
def no_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(""))


def test_init_makes_a_one_municipality_portal(tmp_path: Path) -> None:
    assert main(["--root", str(tmp_path), "init", "portal", *ANSWERS, "--base-url", "https://tryggest.heroy.test"]) == 0
    root = tmp_path / "portal"
    project = load_project(root)
    assert project.portal.municipalities == ["heroy-nordland"] and project.portal.regions == []
    assert project.portal.portal.base_url == "https://tryggest.heroy.test/"
    heroy = project.municipalities["heroy-nordland"]
    assert heroy.name == "Herøy" and not heroy.example and heroy.contact.phone.display == "75 06 50 00"
    assert [(h.opens.isoformat(), h.closes.isoformat()) for h in heroy.contact.hours] == [("08:00:00", "15:30:00")]
    assert [p.name for p in (root / "content/municipalities").iterdir()] == ["heroy-nordland.yml"]
    for needed in ("scripts/build", "scripts/setup", "mkdocs.yml", "tryggest/cli.py", "overrides", "content/nb/strings.yml",
                   "schema/municipality.schema.json", "requirements.lock", "docs/guide/nb.md"):
        assert (root / needed).exists(), needed
    assert not (root / "tests").exists() and not list(root.rglob("__pycache__"))
    assert "00 00" not in (root / "municipalities.yml").read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir()] == ["portal"], "no scratch folder is left behind"


def test_init_without_an_address_writes_the_placeholder(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    assert main(["--root", str(tmp_path), "init", "empty", *ANSWERS]) == 0
    assert load_project(tmp_path / "empty").portal.portal.base_url == "https://tryggest.example.no/"


@pytest.mark.parametrize(("notes", "option", "value", "message"), [
    (False, "--phone", "+47 12 34", "short number"),
    (False, "--base-url", "tryggest heroy", "not a web address"),
    (True, "--unit", "Helse og omsorg", "not empty"),
])
def test_init_makes_nothing_on_a_problem(tmp_path: Path, capsys: pytest.CaptureFixture[str], notes: bool,
                                        option: str, value: str, message: str) -> None:
    target = tmp_path / "portal"
    if notes:
        target.mkdir()
        (target / "notes.txt").write_text("mine", encoding="utf-8")
    answers = [*ANSWERS, "--base-url", "https://tryggest.heroy.test/"]
    answers[answers.index(option) + 1] = value
    assert main(["--root", str(tmp_path), "init", "portal", *answers]) == 2
    assert message in capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir()] == (["portal"] if notes else [])
    if notes:
        assert [p.name for p in target.iterdir()] == ["notes.txt"]


def test_a_municipality_taken_off_the_list_leaves_its_region_with_a_warning(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    portal = root / "municipalities.yml"
    portal.write_text(portal.read_text(encoding="utf-8").replace(
        "municipalities: [fjordby, ostre-dal]", "municipalities: [fjordby]"), encoding="utf-8")
    (root / "content/municipalities/ostre-dal.yml").unlink()
    project = load_project(root)
    assert [(r.id, r.members) for r in project.portal.regions] == [("fjordregionen", ["fjordby"])]
    [warning] = [w for w in warnings_for(project, project.portal.portal.print_date) if w.path == "municipalities.yml"]
    assert (warning.line, warning.key) == (8, "regions[0].members[1]") and "'ostre-dal' is not listed" in warning.message
    portal.write_text(portal.read_text(encoding="utf-8").replace("members: [fjordby, ostre-dal]", "members: [ostre-dal]"),
                      encoding="utf-8")
    project = load_project(root)
    assert project.portal.regions == []
    messages = [w.message for w in warnings_for(project, project.portal.portal.print_date)]
    assert any("region 'fjordregionen' has no listed municipality" in m for m in messages)
