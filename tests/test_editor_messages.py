"""Messages for editors: warnings that do not stop the build, allowed values, form hints, and the
offending line with a caret under the column."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tryggest.cli import main
from tryggest.lint import contrast_ratio, months_before, warnings_for
from tryggest.load import load_project

TODAY = date(2026, 11, 22)


def edit(project: Path, relative: str, old: str, new: str) -> None:
    path = project / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {relative}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def warnings_of(project: Path) -> list[str]:
    return [str(w) for w in warnings_for(load_project(project), TODAY)]


FJORDBY = "content/municipalities/fjordby.yml"


def test_the_valid_fixture_has_no_warnings_but_a_missing_local_help(project: Path) -> None:
    # The fixture uses the product's texts; those of a draft translation are warned about (test_languages).
    assert [w for w in warnings_of(project) if "is a draft" not in w] == [
        "content/municipalities/ostre-dal.yml:1:1: warning: local_help: no local help is listed; add at least "
        "the crisis centre (krisesenter) and the out-of-hours doctor (legevakt)"]


def test_national_number_checked_more_than_12_months_ago(project: Path) -> None:
    edit(project, "content/national.yml", "verified: 2026-11-01", "verified: 2025-11-21")
    found = [w for w in warnings_of(project) if "national.yml" in w]
    assert len(found) == 1
    assert found[0].startswith("content/national.yml:16:15: warning: lines[0].verified: 112 was last checked 2025-11-21")
    edit(project, "content/national.yml", "verified: 2025-11-21", "verified: 2025-11-22")
    assert not [w for w in warnings_of(project) if "national.yml" in w], "exactly 12 months is still fine"


def test_verified_date_in_the_future(project: Path) -> None:
    edit(project, "content/national.yml", "verified: 2026-11-01", "verified: 2027-11-01")
    assert any("lines[0].verified: 2027-11-01 is later than today" in w for w in warnings_of(project))


def test_surprising_hours(project: Path) -> None:
    edit(project, FJORDBY, '{days: mon-fri, open: "09:00", close: "14:00"}',
         '{days: mon-fri, open: "06:30", close: "07:00"}\n    - {days: sat, open: "12:00", close: "23:00"}')
    found = [w for w in warnings_of(project) if "fjordby" in w]
    assert found == [
        "content/municipalities/fjordby.yml:9:7: warning: contact.hours[0]: open only 30 minutes (06:30-07:00); is that right?",
        "content/municipalities/fjordby.yml:9:7: warning: contact.hours[0]: opens at 06:30, before 07:00; is that right?",
        "content/municipalities/fjordby.yml:10:7: warning: contact.hours[1]: closes at 23:00, after 22:00; is that right?",
    ]


def test_hours_to_midnight_are_reported_as_24_00(project: Path) -> None:
    edit(project, FJORDBY, 'close: "14:00"', 'close: "24:00"')
    assert any("closes at 24:00, after 22:00" in w for w in warnings_of(project))


def test_brand_colour_that_white_text_cannot_be_read_on(project: Path) -> None:
    edit(project, FJORDBY, "campaign:", "branding: {accent: '#ffcc00'}\ncampaign:")
    found = [w for w in warnings_of(project) if "branding" in w]
    assert found == ["content/municipalities/fjordby.yml:18:20: warning: branding.accent: white text on #ffcc00 "
                     "has contrast 1.5:1; choose a darker colour (at least 4.5:1)"]
    edit(project, FJORDBY, "'#ffcc00'", "'#005a8c'")
    assert not [w for w in warnings_of(project) if "branding" in w]


def test_wcag_contrast_values() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio("#777777", "#ffffff") < 4.5


def test_months_before_handles_short_months() -> None:
    assert months_before(date(2026, 11, 22), 12) == date(2025, 11, 22)
    assert months_before(date(2024, 2, 29), 12) == date(2023, 2, 28)
    assert months_before(date(2026, 3, 31), 1) == date(2026, 2, 28)


def test_check_prints_warnings_and_succeeds(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(project), "check"]) == 0
    err = capsys.readouterr().err
    assert "ostre-dal.yml:1:1: warning: local_help:" in err
    drafts = err.count("is a draft, not yet checked by a professional translator")
    assert drafts >= 2, "the fixture's Nynorsk and English texts are drafts"
    assert f"{1 + drafts} warning(s): worth a look, but nothing stopped." in err


def test_allowed_values_and_did_you_mean(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(project, FJORDBY, "kind: kommune", "kind: kommun")
    edit(project, "content/municipalities/ostre-dal.yml", "languages: [nb, se, en]", "languages: [nb, sme, en]")
    assert main(["--root", str(project), "check"]) == 2
    err = capsys.readouterr().err
    assert "fjordby.yml:3:7: kind: 'kommun' is not one of: kommune, bydel; did you mean 'kommune'?" in err
    assert ("ostre-dal.yml:6:17: languages[1]: 'sme' is not one of: nb, nn, en, se, pl, lt, uk, ar, so, ti; "
            "did you mean 'se'?") in err


def test_form_hints(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(project, FJORDBY, 'number: "9901"', "number: 9901")
    edit(project, FJORDBY, "campaign:", "branding: {accent: blue}\ncampaign:")
    assert main(["--root", str(project), "check"]) == 2
    err = capsys.readouterr().err
    assert 'number: write 9901 in quotes, e.g. "9901"' in err
    assert "branding.accent: 'blue' has the wrong form; write a colour as # and six hex digits" in err


def test_the_offending_line_is_shown_with_a_caret(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(project, FJORDBY, '"+47 33 41 60 00"', '"+47 33 41"')
    assert main(["--root", str(project), "check"]) == 2
    lines = capsys.readouterr().err.splitlines()
    at = lines.index("content/municipalities/fjordby.yml:7:10: contact.phone: "
                     "'+47 33 41' is a short number; TryggEst needs a full 8-digit number")
    assert lines[at + 1] == '    7 |   phone: "+47 33 41"'
    assert lines[at + 2] == "      |          ^"
    assert lines[at + 2].index("^") == lines[at + 1].index('"')
