"""After the form saves a file, the file keeps the layout a person gave it: the model's key order,
the header line, comments, flow style and quotes; and problems are told in plain words."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import REPO

from tryggest.editor.layout import tidy
from tryggest.editor.saving import SaveCheck, in_plain_words, model_for
from tryggest.model import Municipality, PortalFile
from tryggest.problems import Problem
from tryggest.source import StrictLoader

YAML_FILES = ["municipalities.yml", *sorted(p.relative_to(REPO).as_posix()
                                            for p in (REPO / "content/municipalities").glob("*.yml"))]
SANDEFJORD = "content/municipalities/sandefjord.yml"


def as_the_form_writes(text: str, change: dict[str, str] | None = None) -> str:
    """The file as a form editor writes it: keys sorted, no comments, its own quoting, block style."""
    data = yaml.load(text, Loader=StrictLoader)
    for key, value in (change or {}).items():
        data["contact"][key] = value
    return yaml.safe_dump(data, sort_keys=True, allow_unicode=True, default_flow_style=False)


@pytest.mark.parametrize("relative", YAML_FILES)
def test_an_unchanged_file_is_written_back_byte_for_byte(relative: str) -> None:
    text = (REPO / relative).read_text(encoding="utf-8")
    model = model_for(relative)
    assert model is not None
    assert tidy(as_the_form_writes(text), text, model) == text


def test_a_changed_value_changes_only_its_line() -> None:
    text = (REPO / SANDEFJORD).read_text(encoding="utf-8")
    saved = as_the_form_writes(text, {"phone": "+47 33 41 60 00", "email": ""})
    assert "#" not in saved and saved.startswith("campaign:"), "the form's text has lost the layout"
    assert tidy(saved, text, Municipality) == text.replace('phone: "+47 00 00 39 07"', 'phone: "+47 33 41 60 00"')


def test_new_list_items_follow_their_siblings_and_new_values_are_quoted_like_the_others() -> None:
    text = (REPO / SANDEFJORD).read_text(encoding="utf-8")
    data = yaml.load(text, Loader=StrictLoader)
    data["contact"]["hours"].append({"close": "12:00", "days": "sat", "open": "10:00"})
    data["local_help"].append({"kind": "legevakt", "name": "Legevakten", "phone": "116 117", "open_all_hours": False})
    out = tidy(yaml.safe_dump(data, sort_keys=True, allow_unicode=True), text, Municipality)
    assert '    - {days: mon-fri, open: "09:00", close: "14:00"}\n    - {days: sat, open: "10:00", close: "12:00"}\n' in out
    assert "  - kind: legevakt\n    name: Legevakten\n    phone: \"116 117\"\ncampaign:" in out, \
        "a default the file never had (open_all_hours: false) is left out"
    assert yaml.load(out, Loader=StrictLoader)["local_help"][2] == {"kind": "legevakt", "name": "Legevakten",
                                                                   "phone": "116 117"}


def test_a_value_set_on_purpose_is_kept_even_when_it_is_the_default() -> None:
    text = (REPO / SANDEFJORD).read_text(encoding="utf-8")
    saved = as_the_form_writes(text)
    assert "closed_on_public_holidays: true" in tidy(saved, text, Municipality), "it was in the file"
    without = text.replace("  closed_on_public_holidays: true\n", "")
    assert "closed_on_public_holidays" not in tidy(saved, without, Municipality)


def test_unknown_keys_stay_for_the_check_to_name_them() -> None:
    text = (REPO / SANDEFJORD).read_text(encoding="utf-8")
    saved = as_the_form_writes(text) + "colour: red\n"
    out = tidy(saved, text, Municipality)
    assert out.endswith("colour: red\n")


def test_a_new_file_gets_model_order_and_no_comments() -> None:
    text = (REPO / "municipalities.yml").read_text(encoding="utf-8")
    out = tidy(as_the_form_writes(text), None, PortalFile)
    assert list(yaml.load(out, Loader=StrictLoader)) == ["portal", "regions", "municipalities"]
    assert "#" not in out


def test_problems_in_plain_words() -> None:
    problem = Problem(SANDEFJORD, 9, 10, "contact.hours[1].open", "opens at 15:00 but closes at 14:00")
    assert in_plain_words(problem) == (
        "Kontakt › Åpningstider › nr. 2 › Åpner: opens at 15:00 but closes at 14:00 "
        "(content/municipalities/sandefjord.yml, linje 9)")


def test_a_save_is_tidied_and_checked(project: Path) -> None:
    logged: list[str] = []
    saves = SaveCheck(project, logged.append)
    relative = "content/municipalities/fjordby.yml"
    before = saves.before([relative])
    path = project / relative
    text = path.read_text(encoding="utf-8")
    path.write_text(as_the_form_writes(text, {"phone": "+47 12 34"}), encoding="utf-8")
    saves.after(before)
    status = saves.status.as_json()
    assert status["version"] == 1 and status["saved"] == [relative] and status["ok"] is False
    assert [p for p in status["problems"] if p.startswith("Kontakt › Telefon: '+47 12 34' is a short number")]
    assert path.read_text(encoding="utf-8").splitlines()[0] == text.splitlines()[0], "the header line is back"
    assert any(line.startswith(f"{relative}:") and "contact.phone" in line for line in logged)
