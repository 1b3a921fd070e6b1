"""Strict theme data: a name the theme templates ask for that the page view lacks is an error.

The templates in ``overrides/`` render in the engine's own Jinja environment, whose ``Undefined``
is lenient (the theme's own templates depend on that), so ``{{ t.ui.cal }}`` would print nothing.
Our data reaches those templates only through ``tryggest_page(page)``; its dictionaries answer a
missing key with ``ThemeValueMissing``. Jinja turns only ``LookupError`` into an undefined value,
so this error reaches the build, which stops and names the key.
"""

from __future__ import annotations

from typing import Any


class ThemeValueMissing(Exception):
    """A theme template asked for a value the page view does not have."""


class StrictValues(dict[str, Any]):
    """A dictionary whose missing keys are an error, not an empty value, in a template."""

    def __missing__(self, key: str) -> Any:
        shown = ", ".join(sorted(self)) or "nothing"
        raise ThemeValueMissing(f"a theme template asks for '{key}', but the page view has only: {shown}")


def strict_values(value: Any) -> Any:
    """``value`` with every dictionary in it, at any depth, made strict."""
    if isinstance(value, dict):
        return StrictValues({key: strict_values(item) for key, item in value.items()})
    if isinstance(value, list):
        return [strict_values(item) for item in value]
    return value
