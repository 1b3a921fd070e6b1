"""Opening hours in Europe/Oslo: ``mon-fri``, ``mon,wed``, ``sat`` with ``HH:MM`` times.

Norwegian day names (``man-fre``, ``lør``) are read as the English ones, and a whole rule may be
written on one line as ``tryggest new`` and the guide write it: ``man-fre 9.00-14.00``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import time

DAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# Norwegian day abbreviations an editor may type, to the ones the YAML files use.
NORWEGIAN_DAYS = {"man": "mon", "tir": "tue", "ons": "wed", "tor": "thu", "fre": "fri", "lør": "sat", "søn": "sun"}
HOURS_RULE = re.compile(r"^(?P<days>[^\s]+)\s+(?P<open>\d{1,2}[:.]\d{2})\s*[-–—]\s*(?P<close>\d{1,2}[:.]\d{2})$")
RULE_EXAMPLE = "mon-fri 09:00-14:00"
_TIME = re.compile(r"^([01][0-9]|2[0-3]):([0-5][0-9])$|^24:00$")


def parse_days(text: str) -> tuple[int, ...]:
    """Weekday numbers (Monday = 0) named by ``text``, in order; ValueError on anything else."""
    days: set[int] = set()
    for part in str(text).replace(" ", "").lower().split(","):
        first, _, last = part.partition("-")
        start, end = _day(first), _day(last or first)
        if end < start:
            raise ValueError(f"day range '{part}' runs backwards; write it as e.g. 'mon-fri'")
        days.update(range(start, end + 1))
    return tuple(sorted(days))


def _day(key: str) -> int:
    key = NORWEGIAN_DAYS.get(key, key)
    if key not in DAY_KEYS:
        raise ValueError(f"'{key}' is not a day; use one of {', '.join(DAY_KEYS)}")
    return DAY_KEYS.index(key)


def parse_rule(rule: str) -> dict[str, str]:
    """``"mon-fri 09:00-14:00"`` (or ``man-fre 9.00–14.00``) as the days/open/close of one hours entry."""
    match = HOURS_RULE.match(str(rule).strip())
    if not match:
        raise ValueError(f"'{rule}' is not an opening-hours rule; write it as \"{RULE_EXAMPLE}\" "
                         "or as {days: mon-fri, open: \"09:00\", close: \"14:00\"}")
    days = match["days"].lower()
    for norwegian, english in NORWEGIAN_DAYS.items():
        days = days.replace(norwegian, english)
    return {"days": days, "open": _clock(match["open"]), "close": _clock(match["close"])}


def _clock(text: str) -> str:
    hours, minutes = re.split(r"[:.]", text)
    return f"{int(hours):02d}:{minutes}"


def parse_time(text: str) -> time:
    value = str(text).strip()
    if not _TIME.match(value):
        raise ValueError(f"'{value}' is not a time; write it as HH:MM, e.g. '09:00'")
    return time.max.replace(second=0, microsecond=0) if value == "24:00" else time.fromisoformat(value)


@dataclass(frozen=True)
class Interval:
    days: tuple[int, ...]
    opens: time
    closes: time

    def minutes(self) -> tuple[int, int]:
        close = 24 * 60 if self.closes.minute == 59 and self.closes.hour == 23 else _m(self.closes)
        return _m(self.opens), close


def _m(t: time) -> int:
    return t.hour * 60 + t.minute


def overlaps(intervals: list[Interval]) -> list[tuple[int, int, int]]:
    """(day, earlier index, later index) for every pair of intervals that share a minute."""
    found = []
    for j, later in enumerate(intervals):
        for i, earlier in enumerate(intervals[:j]):
            shared = sorted(set(earlier.days) & set(later.days))
            (a0, a1), (b0, b1) = earlier.minutes(), later.minutes()
            if shared and a0 < b1 and b0 < a1:
                found.append((shared[0], i, j))
    return found
