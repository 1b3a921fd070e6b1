"""Sentences for validation errors that an editor who has never read a schema can act on.

pydantic's own messages name types and regular expressions; these name the values that are
allowed, the form that is expected, and the closest allowed word.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from .problems import did_you_mean

# What each pattern of the data model means, said as an instruction with an example.
PATTERN_HINTS: dict[str, str] = {
    r"^[a-z0-9]+(-[a-z0-9]+)*$": "use only a-z, 0-9 and '-' (no æ, ø, å or spaces), e.g. 'ostre-toten'",
    r"^[0-9]{4}$": "write the four-digit SSB municipality number in quotes, e.g. \"3442\"",
    r"^#[0-9a-fA-F]{6}$": "write a colour as # and six hex digits, e.g. '#005a8c'",
    r"^https://[^\s/]+\.[^\s]+$": "write a full web address that starts with https://",
    r"^https?://[^\s]+/$": "write a full web address that starts with https:// and ends with /",
    r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$": "write an e-mail address, e.g. tryggest@kommune.no",
    r"^[a-z]{2,3}$": "use a two- or three-letter language code, e.g. se",
}


def message(error: dict[str, Any]) -> str:
    """The sentence for one pydantic error; pydantic's own text when there is nothing better."""
    explain = _BY_KIND.get(error["type"])
    return explain(error) if explain else str(error["msg"]).removeprefix("Value error, ")


def allowed_values(error: dict[str, Any]) -> list[str]:
    """The literal values pydantic lists in ``ctx.expected`` ("'a', 'b' or 'c'")."""
    return re.findall(r"'([^']*)'", str(error.get("ctx", {}).get("expected", "")))


def not_allowed(error: dict[str, Any]) -> str:
    allowed = allowed_values(error)
    value = error["input"]
    choices = ", ".join(allowed)
    if isinstance(value, str):
        return f"'{value}' is not one of: {choices}" + did_you_mean(value, allowed)
    return f"must be one of: {choices} (found {_kind_of(value)})"


def wrong_form(error: dict[str, Any]) -> str:
    hint = PATTERN_HINTS.get(str(error.get("ctx", {}).get("pattern", "")))
    return f"'{error['input']}' has the wrong form" + (f"; {hint}" if hint else "")


def not_text(error: dict[str, Any]) -> str:
    value = error["input"]
    if isinstance(value, (int, float, bool)):
        written = str(value).lower() if isinstance(value, bool) else str(value)
        return f"write {written} in quotes, e.g. \"{written}\""
    return f"expected text, found {_kind_of(value)}"


def too_short(error: dict[str, Any]) -> str:
    needed = error.get("ctx", {}).get("min_length", 1)
    return "the list is empty; add at least one entry" if needed == 1 else f"add at least {needed} entries"


def not_a_date(error: dict[str, Any]) -> str:
    return f"'{error['input']}' is not a date; write it as year-month-day, e.g. 2026-02-02"


_BOUNDS = {"greater_than": "more than {gt}", "greater_than_equal": "{ge} or more",
           "less_than": "less than {lt}", "less_than_equal": "{le} or less"}


def out_of_range(error: dict[str, Any]) -> str:
    size = "small" if error["type"].startswith("greater") else "large"
    return f"{error['input']} is too {size}; it must be {_BOUNDS[error['type']].format(**error['ctx'])}"


def _kind_of(value: Any) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a group of keys"
    if value is None:
        return "nothing"
    return f"'{value}'"


_BY_KIND: dict[str, Callable[[dict[str, Any]], str]] = {
    "missing": lambda error: "this key is required",
    "literal_error": not_allowed,
    "int_parsing": lambda error: f"'{error['input']}' is not a whole number",
    "int_type": lambda error: f"'{error['input']}' is not a whole number",
    "string_too_short": lambda error: "must not be empty",
    "string_pattern_mismatch": wrong_form,
    "string_type": not_text,
    "too_short": too_short,
    "model_type": lambda error: "expected a mapping of keys (key: value)",
    "model_attributes_type": lambda error: "expected a mapping of keys (key: value)",
    "dict_type": lambda error: "expected a mapping of keys (key: value)",
    **{kind: not_a_date for kind in ("date_type", "date_parsing", "date_from_datetime_parsing",
                                     "date_from_datetime_inexact")},
    **{kind: out_of_range for kind in _BOUNDS},
}
