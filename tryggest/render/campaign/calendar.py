"""The campaign as an iCalendar file that Outlook, Teams and other calendars can import.

All events are all-day events (``VALUE=DATE``): a wave starts on a day, not at an hour, and a
date-only event shows on the same day in every time zone. The calendar says it belongs to
Europe/Oslo (``X-WR-TIMEZONE``) for programs that ask. UIDs are stable and do not depend on the
language, so importing the plan again (or in another language) updates the events instead of
adding copies. DTSTAMP is the build date, so the same input gives the same file.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from urllib.parse import urlparse

from icalendar import Alarm, Calendar, Event

from ...campaign import CampaignPlan
from ...context import LocalContext

TIMEZONE = "Europe/Oslo"
REMIND_BEFORE = timedelta(days=7)


def campaign_calendar(plan: CampaignPlan, values: dict[str, Any], local: LocalContext, page_url: str,
                      build_date: date) -> bytes:
    texts = local.strings["campaign"]["calendar"]
    name, mid = local.municipality.name, local.municipality.id
    host = urlparse(local.base_url).hostname or "tryggest"
    stamp = datetime.combine(build_date, time(0, 0), tzinfo=UTC)
    label = _example_label(local)
    calendar = Calendar()
    calendar.add("prodid", f"-//TryggEst//{mid}//{local.lang.upper()}")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", label + texts["name"].format(name=name))
    calendar.add("x-wr-timezone", TIMEZONE)
    more = f"{texts['more']} {page_url}"

    def event(uid: str, day: date, summary: str, lines: list[str]) -> None:
        calendar.add_component(_event(f"{mid}-{uid}@{host}", day, label + summary,
                                      "\n".join([*lines, "", more]), stamp, page_url, texts["reminder"]))

    phone = local.municipality.contact.phone.display
    event("launch", plan.launch, texts["launch"].format(name=name), [texts["launch_text"].format(phone=phone)])
    for phase in values["phases"]:
        summary = texts["phase"].format(number=phase["number"], title=phase["title"])
        lines = [phase["audience"], "", *[f"- {task}" for task in phase["tasks"]],
                 *[f"- {p['line']}" for p in phase["placements"]]]
        event(phase["wave"], date.fromisoformat(phase["start_iso"]), summary, lines)
    tasks = [f"- {task}" for task in values["review_tasks"]]
    for review in values["reviews"]:
        goal = [review["goal"], ""] if review["goal"] else []
        event(f"review-{review['year']}", date.fromisoformat(review["iso"]), review["title"], [*goal, *tasks])
    return bytes(calendar.to_ical())


def _event(uid: str, day: date, summary: str, description: str, stamp: datetime, url: str,
           reminder: str) -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", day)
    event.add("dtend", day + timedelta(days=1))
    event.add("summary", summary)
    event.add("description", description)
    event.add("url", url)
    event.add("categories", ["TryggEst"])
    event.add("transp", "TRANSPARENT")  # a campaign milestone does not make anyone busy
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", reminder.format(title=summary))
    alarm.add("trigger", -REMIND_BEFORE)
    event.add_component(alarm)
    return event


def _example_label(local: LocalContext) -> str:
    return f"{local.strings['ui']['example_label']}: " if local.municipality.example else ""
