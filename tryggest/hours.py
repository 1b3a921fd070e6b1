"""Opening hours in Europe/Oslo: ``mon-fri``, ``mon,wed``, ``sat`` with ``HH:MM`` times."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import time

DAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
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
    if key not in DAY_KEYS:
        raise ValueError(f"'{key}' is not a day; use one of {', '.join(DAY_KEYS)}")
    return DAY_KEYS.index(key)


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
