"""Text from YAML stays text: one escaping rule per kind of output, applied where that output is made.

A unit called ``Helse & omsorg <Nord>`` must show exactly that, and a value such as
``<img src=x onerror=...>`` or ``{{ 7 * 7 }}`` must never become markup or run. Values reach:

- page Markdown, through the page templates' ``finalize`` (``markdown_value``): HTML entities for
  every character Markdown or HTML would read as markup, which is right both in Markdown text and
  inside the raw HTML blocks the page texts contain;
- theme templates, through the theme data (``html_values``): the engine's template environment does
  not escape by itself;
- print files and the slideshow page, through their own Jinja environments with autoescaping;
- JSON-LD (``structured.script_json``), the calendar (icalendar) and the print order CSV
  (``spreadsheet_cell``), each by its own format's rule.

Jinja syntax inside a value is never run: values are data given to templates, never templates.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from markupsafe import Markup

# Characters Markdown or HTML read as markup, written as numeric character references. A reference
# shows the character in Markdown text, in HTML text and in HTML attribute values alike.
_MARKUP_CHARACTERS = "&<>\"'`*_[]\\{}|~#!"
_REFERENCES = {ord(c): f"&#{ord(c)};" for c in _MARKUP_CHARACTERS}


def markdown_text(text: str) -> Markup:
    """``text`` as Markdown that shows exactly ``text``; line breaks become spaces."""
    return Markup(" ".join(text.splitlines()).translate(_REFERENCES))


def markdown_value(value: Any) -> Any:
    """``finalize`` for page templates: every string printed is text, unless a builder of the
    project marked it as markup (a link it made itself)."""
    if isinstance(value, Markup) or not isinstance(value, str):
        return value
    return markdown_text(value)


def html_values(value: Any) -> Any:
    """The same data with every string escaped for HTML, for templates that do not escape."""
    if isinstance(value, Markup):
        return value
    if isinstance(value, str):
        return Markup.escape(value)
    if isinstance(value, Mapping):
        return {key: html_values(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [html_values(item) for item in value]
    return value


# A CSV cell that starts with one of these is a formula to a spreadsheet (OWASP, CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value: str | int) -> str | int:
    """A cell a spreadsheet shows as text: a text that starts like a formula gets a leading quote,
    so a placement typed as ``=HYPERLINK(...)`` is never run. Numbers stay numbers."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
