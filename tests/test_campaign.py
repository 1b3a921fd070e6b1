"""The campaign plan: default dates, the print order sums, the calendar and the two PDFs."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any, get_args

import icalendar
import pytest
import yaml
from conftest import REPO
from pypdf import PdfReader

from tryggest.campaign import add_months, plan_campaign
from tryggest.load import load_project
from tryggest.model import PRODUCTS, WAVES, Campaign, Product
from tryggest.products import CATALOGUE
from tryggest.render.campaign import documents

DEMO = load_project(REPO)
PLANNED = sorted(mid for mid, m in DEMO.municipalities.items() if m.campaign)
BUILT = DEMO.portal.portal.print_date or date.today()
# Languages with campaign texts; the core-scope languages without them get no campaign files.
LANGS = [(mid, lang) for mid in PLANNED for lang in DEMO.languages_of(DEMO.municipalities[mid])
         if "campaign" in yaml.safe_load((REPO / f"content/{lang}/strings.yml").read_text(encoding="utf-8"))]


def _campaign(**data: Any) -> Campaign:
    return Campaign.model_validate(data)


def _raw_campaign(mid: str) -> dict[str, Any]:
    """The campaign block as written in the YAML file, read without the project's loader."""
    text = (REPO / "content/municipalities" / f"{mid}.yml").read_text(encoding="utf-8")
    return dict(yaml.safe_load(text)["campaign"])


def _files(site: Path, mid: str, lang: str) -> Path:
    return site / "filer" / mid / lang


# The plan ---------------------------------------------------------------------------------------

def test_catalogue_covers_exactly_the_products_of_the_data_contract() -> None:
    assert set(CATALOGUE) == set(PRODUCTS) == set(get_args(get_args(Product)[0]))
    assert CATALOGUE["brochure"].folded_mm == (99, 210)
    assert {spec.pdf for spec in CATALOGUE.values()} == {
        "brosjyre-trykk.pdf", "visittkort-trykk.pdf", "plakat-a4-trykk.pdf", "plakat-a3-trykk.pdf",
        "plakat-rivelapper-trykk.pdf", "klistremerke-trykk.pdf"}
    for spec in CATALOGUE.values():
        assert set(spec.names) == {"nb", "nn", "en", "se"}
        assert {"nb", "nn", "en"} <= set(spec.paper)


def test_default_waves_start_0_1_3_5_7_months_after_launch_on_working_days() -> None:
    plan = plan_campaign(_campaign(launch="2025-01-06"))
    assert [p.wave for p in plan.phases] == list(WAVES)
    # 6 April 2025 is a Sunday, so the third wave moves to Monday 7 April.
    assert [p.start for p in plan.phases] == [date(2025, 1, 6), date(2025, 2, 6), date(2025, 4, 7),
                                              date(2025, 6, 6), date(2025, 8, 6)]
    assert not plan.phases_given


def test_default_start_avoids_easter_and_july() -> None:
    easter = plan_campaign(_campaign(launch="2025-01-17"))
    assert easter.phases[2].start == date(2025, 4, 22), "Maundy Thursday to Easter Monday are skipped"
    summer = plan_campaign(_campaign(launch="2026-02-02"))
    assert summer.phases[3].start == date(2026, 8, 3), "2 July moves to the first working day of August"


def test_phases_written_in_the_yaml_are_kept_as_they_are() -> None:
    plan = plan_campaign(_campaign(launch="2026-02-07", phases=[
        {"wave": "employees", "start": "2026-02-07"}, {"wave": "citizens", "start": "2026-07-04"}]))
    assert [(p.wave, p.start) for p in plan.phases] == [("employees", date(2026, 2, 7)), ("citizens", date(2026, 7, 4))]
    assert plan.phases_given


def test_add_months_keeps_the_day_or_takes_the_last_day_of_a_short_month() -> None:
    assert add_months(date(2025, 1, 31), 1) == date(2025, 2, 28)
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2024, 12, 15), 1) == date(2025, 1, 15)
    assert add_months(date(2024, 2, 29), 12) == date(2025, 2, 28)


def test_placements_without_wave_go_to_the_products_wave_or_the_last_planned_one() -> None:
    placements = [{"where": "Legekontor", "product": "card", "copies": 10},
                  {"where": "Toaletter", "product": "sticker", "copies": 5},
                  {"where": "Bibliotek", "product": "poster-a3", "copies": 2, "wave": "employees"}]
    full = plan_campaign(_campaign(launch="2025-01-06", placements=placements))
    assert [p.wave for p in full.placements] == ["partners", "citizens", "employees"]
    assert [p.wave_given for p in full.placements] == [False, False, True]
    short = plan_campaign(_campaign(launch="2025-01-06", placements=placements, phases=[
        {"wave": "employees", "start": "2025-01-06"}, {"wave": "businesses", "start": "2025-03-03"}]))
    assert [p.wave for p in short.placements] == ["businesses", "businesses", "employees"]


def test_print_order_sums_copies_and_needs_them_by_the_first_wave_that_uses_them() -> None:
    plan = plan_campaign(_campaign(launch="2025-01-06", placements=[
        {"where": "A", "product": "card", "copies": 300, "wave": "citizens"},
        {"where": "B", "product": "card", "copies": 200},
        {"where": "C", "product": "sticker", "copies": 7}]))
    lines = {line.product.id: line for line in plan.print_order()}
    assert set(lines) == {"card", "sticker"}
    assert lines["card"].copies == 500
    assert lines["card"].needed_by == date(2025, 2, 6), "the partners wave comes before the citizens wave"
    assert plan.reviews[0] == date(2026, 1, 6) and len(plan.reviews) == 5


def test_strings_have_the_same_campaign_keys_in_every_language() -> None:
    def shape(value: Any) -> Any:
        if isinstance(value, dict):
            return {key: shape(item) for key, item in value.items()}
        return len(value) if isinstance(value, list) else type(value).__name__

    shapes = {lang: shape(yaml.safe_load((REPO / f"content/{lang}/strings.yml").read_text())["campaign"])
              for lang in ("nb", "nn", "en", "se")}
    assert shapes["nn"] == shapes["en"] == shapes["se"] == shapes["nb"]


# The files of the demo portal -------------------------------------------------------------------

@pytest.mark.parametrize(("mid", "lang"), LANGS)
def test_print_order_csv_sums_match_the_placements_in_the_yaml(demo_site: Path, mid: str, lang: str) -> None:
    expected: dict[str, int] = {}
    for placement in _raw_campaign(mid).get("placements", []):
        expected[placement["product"]] = expected.get(placement["product"], 0) + placement["copies"]
    raw = (_files(demo_site, mid, lang) / "trykkbestilling.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "a byte order mark lets Excel read the letters right"
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    by_file = {spec.pdf: spec.id for spec in CATALOGUE.values()}
    header = rows[0]
    copies = {by_file[row[header.index(_column(lang, "file"))]]: int(row[header.index(_column(lang, "copies"))])
              for row in rows[1:]}
    assert copies == expected


def _column(lang: str, key: str) -> str:
    strings = yaml.safe_load((REPO / f"content/{lang}/strings.yml").read_text())
    return str(strings["campaign"]["print_order"]["columns"][key])


@pytest.mark.parametrize(("mid", "lang"), LANGS)
def test_calendar_has_launch_waves_and_reviews_as_whole_days(demo_site: Path, mid: str, lang: str) -> None:
    calendar = icalendar.Calendar.from_ical((_files(demo_site, mid, lang) / "kampanje.ics").read_bytes())
    assert str(calendar["x-wr-timezone"]) == "Europe/Oslo"
    events = {str(e["uid"]).split("@")[0]: e for e in calendar.walk("VEVENT")}
    starts = {uid: e.decoded("dtstart") for uid, e in events.items()}
    for uid, start in starts.items():
        assert type(start) is date, f"{uid} is an all-day event"
        assert events[uid]["dtstart"].params["VALUE"] == "DATE"
        assert events[uid].decoded("dtend") == date.fromordinal(start.toordinal() + 1)
        assert events[uid].decoded("dtstamp") == datetime.combine(BUILT, time(0, 0), tzinfo=UTC)
    raw = _raw_campaign(mid)
    assert starts[f"{mid}-launch"] == raw["launch"]
    plan = plan_campaign(DEMO.municipalities[mid].campaign)  # type: ignore[arg-type]
    for phase in plan.phases:
        assert starts[f"{mid}-{phase.wave}"] == phase.start
    for given in raw.get("phases", []):
        assert starts[f"{mid}-{given['wave']}"] == given["start"]
    reviews = sorted(start for uid, start in starts.items() if "-review-" in uid)
    assert len(reviews) == 5 and len(events) == 1 + len(plan.phases) + 5
    for year, review in enumerate(reviews, start=1):
        anniversary = add_months(raw["launch"], 12 * year)
        assert anniversary <= review <= anniversary + timedelta(days=6) and review.weekday() < 5


def test_calendar_events_are_stable_across_languages(demo_site: Path) -> None:
    uids = [{str(e["uid"]) for e in icalendar.Calendar.from_ical(
        (_files(demo_site, "porsanger", lang) / "kampanje.ics").read_bytes()).walk("VEVENT")}
        for lang in ("nb", "se", "en")]
    assert uids[0] == uids[1] == uids[2]
    assert "porsanger-citizens@tryggest.example.no" in uids[0]


@pytest.mark.parametrize(("mid", "lang"), LANGS)
def test_print_order_pdf_is_one_page_with_phone_and_a_row_per_product(demo_site: Path, mid: str, lang: str) -> None:
    reader = PdfReader(_files(demo_site, mid, lang) / "trykkbestilling.pdf")
    assert len(reader.pages) == 1
    assert (float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)) == pytest.approx(
        (595.28, 841.89), abs=0.5)
    text = " ".join(reader.pages[0].extract_text().split())
    municipality = DEMO.municipalities[mid]
    assert municipality.contact.phone.display in text
    plan = plan_campaign(municipality.campaign)  # type: ignore[arg-type]
    for line in plan.print_order():
        assert line.product.pdf in text
        assert f"{line.product.name(lang)} " in text
        assert str(line.copies) in text
    assert reader.metadata is not None
    assert reader.metadata["/CreationDate"].startswith(f"D:{BUILT:%Y%m%d}")


@pytest.mark.parametrize(("mid", "lang"), LANGS)
def test_checklist_pdf_has_a_box_for_every_task_and_placement(demo_site: Path, mid: str, lang: str) -> None:
    reader = PdfReader(_files(demo_site, mid, lang) / "sjekkliste.pdf")
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    municipality = DEMO.municipalities[mid]
    assert municipality.contact.phone.display in text
    waves = yaml.safe_load((REPO / f"content/{lang}/strings.yml").read_text())["campaign"]["waves"]
    plan = plan_campaign(municipality.campaign)  # type: ignore[arg-type]
    for phase in plan.phases:
        assert waves[phase.wave]["title"] in text
    boxes = [f for f in (reader.get_fields() or {}).values() if f.get("/FT") == "/Btn"]
    tasks = sum(len(waves[phase.wave]["tasks"]) + len(phase.placements) for phase in plan.phases)
    assert len(boxes) == tasks + len(plan.reviews)


def test_campaign_files_are_the_same_bytes_when_built_again() -> None:
    from tryggest.campaign_values import plan_values
    from tryggest.pipeline import check

    site = check(REPO)
    local = site.local("sandefjord", "nb")
    values = plan_values(plan_campaign(local.municipality.campaign), local)  # type: ignore[arg-type]
    first = documents.print_order_pdf(values, local, site.build_date)
    assert documents.print_order_pdf(values, local, site.build_date) == first
    assert documents.print_order_csv(values, local) == documents.print_order_csv(values, local)


def test_yearly_reviews_after_one_and_five_years_name_the_goals(demo_site: Path) -> None:
    calendar = icalendar.Calendar.from_ical((_files(demo_site, "gjovik", "nb") / "kampanje.ics").read_bytes())
    text = {str(e["uid"]).split("@")[0]: str(e["description"]) for e in calendar.walk("VEVENT")}
    goals = yaml.safe_load((REPO / "content/nb/strings.yml").read_text())["campaign"]["goals"]
    # Gjøvik launches on 3 March 2025: staff should know the team within a year, citizens within five.
    assert goals["employees"].format(date="3. mars 2026") in text["gjovik-review-1"]
    assert goals["citizens"].format(date="3. mars 2030") in text["gjovik-review-5"]
    assert "Innen" not in text["gjovik-review-3"]
