"""The loader on good data and on one broken fixture per scenario, each with its exact message."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import FIXTURES, make_project

from tryggest.cli import main
from tryggest.load import load_project

SCENARIOS = sorted(p.name for p in FIXTURES.iterdir() if (p / "expected.txt").is_file())
PROBLEM_LINE = re.compile(r"^[^\s:][^:]*:\d+:\d+: ")


def problem_lines(stderr: str) -> list[str]:
    """The ``path:line:col:`` lines; the source excerpts printed under them are left out."""
    return [line for line in stderr.splitlines() if PROBLEM_LINE.match(line)]


def test_valid_fixture_loads(project: Path) -> None:
    loaded = load_project(project)
    fjordby = loaded.municipalities["fjordby"]
    assert fjordby.contact.phone.e164 == "+4733416000"
    assert fjordby.contact.phone.display == "33 41 60 00"
    assert loaded.languages_of(loaded.municipalities["ostre-dal"]) == ["nb", "se", "en"]
    assert [line.number.display for line in loaded.national.lines][:4] == ["112", "113", "110", "02800"]


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_broken_fixture_gives_precise_lines(scenario: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_project(tmp_path, scenario)
    code = main(["--root", str(root), "check"])
    stderr = capsys.readouterr().err
    expected = (FIXTURES / scenario / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert code == 2
    assert problem_lines(stderr) == expected
    assert stderr.splitlines()[-1].endswith("nothing was written.")
    assert "Traceback" not in stderr


def test_example_municipality_may_use_placeholder_number(project: Path) -> None:
    path = project / "content/municipalities/fjordby.yml"
    path.write_text(path.read_text().replace('"+47 33 41 60 00"', '"+47 00 00 00 01"'))
    with pytest.raises(Exception, match="not a valid Norwegian phone number"):
        load_project(project)
    path.write_text("example: true\n" + path.read_text())
    assert load_project(project).municipalities["fjordby"].contact.phone.display == "00 00 00 01"


def test_yaml_traps_stay_strings(project: Path) -> None:
    """``no``, unquoted times and leading zeros must not turn into booleans or numbers."""
    path = project / "content/municipalities/fjordby.yml"
    path.write_text(path.read_text().replace('open: "09:00"', "open: 09:00").replace("name: Fjordby", "name: no"))
    loaded = load_project(project).municipalities["fjordby"]
    assert loaded.name == "no"
    assert loaded.contact.hours[0].opens.hour == 9


def test_every_problem_is_reported_at_once(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "content/municipalities/fjordby.yml").write_text(
        (project / "content/municipalities/fjordby.yml").read_text().replace("county: Vestland", "county: ''")
    )
    (project / "content/municipalities/ostre-dal.yml").write_text(
        (project / "content/municipalities/ostre-dal.yml").read_text().replace("every_days: 30", "every_days: 0")
    )
    assert main(["--root", str(project), "check"]) == 2
    err = capsys.readouterr().err
    assert "fjordby.yml:5:9: county:" in err
    assert "ostre-dal.yml:16:23: team.meets.every_days:" in err
