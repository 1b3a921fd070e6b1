"""The editor's form is made from the data model: committed, up to date, one field per model field
with its Norwegian label and help text, fitting widgets, and the same rules for fields added later."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

import pytest
import yaml
from conftest import REPO
from pydantic import BaseModel, Field

from tryggest.cli import main
from tryggest.editor.config import CONFIG_FILE, PHONE_PATTERN, config_is_current, editor_config, model_fields
from tryggest.editor.labels import norwegian
from tryggest.model import LANGUAGES, Contact, Municipality, PhoneNumber, PortalFile, about


def collection(name: str) -> dict[str, Any]:
    found: dict[str, Any] = next(c for c in editor_config()["collections"] if c["name"] == name)
    return found


def at(fields: list[dict[str, Any]], *names: str) -> dict[str, Any]:
    """The form field at a path of names, e.g. ``at(fields, "contact", "hours", "open")``."""
    field = next(f for f in fields if f["name"] == names[0])
    return at(field["fields"], *names[1:]) if len(names) > 1 else field


MUNICIPALITY = collection("municipalities")["fields"]


def test_committed_config_matches_the_model() -> None:
    assert config_is_current(REPO), "run: tryggest edit --write-config"
    assert main(["--root", str(REPO), "edit", "--check-config"]) == 0
    committed = yaml.safe_load((REPO / CONFIG_FILE).read_text(encoding="utf-8"))
    assert committed == editor_config()


def test_check_config_fails_when_stale(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    stale = tmp_path / CONFIG_FILE
    stale.parent.mkdir()
    stale.write_text((REPO / CONFIG_FILE).read_text(encoding="utf-8").replace("label: Telefon", "label: Tlf"),
                     encoding="utf-8")
    assert main(["--root", str(tmp_path), "edit", "--check-config"]) == 1
    assert "schema/decap-config.yml does not match the data model" in capsys.readouterr().err
    assert main(["--root", str(tmp_path), "edit", "--write-config"]) == 0
    assert main(["--root", str(tmp_path), "edit", "--check-config"]) == 0


def test_one_entry_per_municipality_file_and_one_for_the_portal() -> None:
    municipalities = collection("municipalities")
    assert (municipalities["folder"], municipalities["extension"], municipalities["format"]) == \
        ("content/municipalities", "yml", "yml")
    assert municipalities["create"] is False and municipalities["delete"] is False
    [portal] = collection("portal")["files"]
    assert portal["file"] == "municipalities.yml"
    assert [f["name"] for f in portal["fields"]] == list(PortalFile.model_fields)


def test_every_model_field_is_in_the_form_in_model_order() -> None:
    assert [f["name"] for f in MUNICIPALITY] == list(Municipality.model_fields)
    assert [f["name"] for f in at(MUNICIPALITY, "contact")["fields"]] == list(Contact.model_fields)
    assert [f["name"] for f in at(MUNICIPALITY, "contact", "hours")["fields"]] == ["days", "open", "close"]


def test_labels_and_help_are_norwegian_from_the_model() -> None:
    phone = at(MUNICIPALITY, "contact", "phone")
    assert phone["label"] == "Telefon"
    assert phone["hint"] == norwegian(Contact.model_fields["phone"].description)
    assert phone["hint"].startswith("TryggEst-nummeret") and "EN:" not in phone["hint"]
    assert at(MUNICIPALITY, "contact", "hours")["label"] == "Åpningstider"
    assert at(MUNICIPALITY, "local_help", "kind")["label"] == "Slag hjelp"
    assert at(MUNICIPALITY, "kind")["label"] == "Type"


def test_widgets_fit_the_values() -> None:
    phone = at(MUNICIPALITY, "contact", "phone")
    assert phone["widget"] == "string" and phone["pattern"] == PHONE_PATTERN
    opens = at(MUNICIPALITY, "contact", "hours", "open")
    assert (opens["widget"], opens["format"], opens["date_format"]) == ("datetime", "HH:mm", False)
    days = at(MUNICIPALITY, "contact", "hours", "days")
    assert days["widget"] == "string" and days["pattern"][0] == "^[a-zø, -]+$"  # English or Norwegian day names
    launch = at(MUNICIPALITY, "campaign", "launch")
    assert (launch["widget"], launch["format"], launch["time_format"]) == ("datetime", "YYYY-MM-DD", False)
    assert at(MUNICIPALITY, "branding", "accent")["widget"] == "color"
    placements = at(MUNICIPALITY, "campaign", "placements")
    assert placements["widget"] == "list"
    assert at(placements["fields"], "product")["options"] == ["brochure", "card", "poster-a4", "poster-a3",
                                                            "poster-tabs", "sticker"]
    copies = at(placements["fields"], "copies")
    assert (copies["widget"], copies["value_type"], copies["min"], copies["max"]) == ("number", "int", 1, 1_000_000)
    members = at(MUNICIPALITY, "team", "members")
    assert members["widget"] == "list" and members["field"]["widget"] == "string", "a comma may be part of a name"
    helper = at(MUNICIPALITY, "local_help")
    assert [f["name"] for f in at(helper["fields"], "note")["fields"]] == list(LANGUAGES)


def test_required_fields_are_marked() -> None:
    assert "required" not in at(MUNICIPALITY, "contact", "phone"), "Decap's default: required"
    assert "required" not in at(MUNICIPALITY, "contact", "hours")
    assert at(MUNICIPALITY, "contact", "email")["required"] is False
    assert at(MUNICIPALITY, "campaign")["required"] is False
    # Inside an optional object nothing is required by the form (it would refuse a file without a
    # campaign); the project's check asks for a campaign's launch date when there is a campaign.
    assert at(MUNICIPALITY, "campaign", "launch")["required"] is False
    assert "required" not in at(MUNICIPALITY, "campaign", "placements", "where"), "a new placement needs a place"
    holidays = at(MUNICIPALITY, "contact", "closed_on_public_holidays")
    assert holidays["required"] is False and holidays["default"] is True


def test_a_field_added_to_the_model_later_gets_a_form_field() -> None:
    class LaterContact(BaseModel):
        phone: PhoneNumber = Field(description=about("TryggEst-nummeret.", "The number."))
        sms: PhoneNumber | None = Field(None, description=about("Nummer for SMS, hvis dere svarer på SMS.",
                                                                 "Number for text messages."))
        answered_by: Literal["team", "servicetorget"] = Field("team", description=about(
            "Hvem som svarer i telefonen.", "Who answers the phone."))

    fields = model_fields(LaterContact)
    sms, answered_by = fields[1], fields[2]
    assert sms == {"name": "sms", "label": "Nummer for SMS", "hint": "Nummer for SMS, hvis dere svarer på SMS.",
                   "widget": "string", "pattern": PHONE_PATTERN, "required": False}
    assert answered_by["widget"] == "select" and answered_by["options"] == ["team", "servicetorget"]
    assert answered_by["label"] == "Hvem som svarer i telefonen" and answered_by["default"] == "team"
