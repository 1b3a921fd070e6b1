"""Norwegian alphabetical order: ... X, Y, Z, Æ, Ø, Å, with Sami letters beside their base letter."""

from __future__ import annotations

import unicodedata

_AFTER_Z = {"æ": "{0", "ä": "{0", "ø": "{1", "ö": "{1", "å": "{2"}
_SAMI = {"đ": "d", "ŋ": "n", "ŧ": "t"}


def norwegian_key(text: str) -> tuple[str, str]:
    """Sort key: primary letters in Norwegian order, then the original text to break ties."""
    primary = []
    for char in text.casefold():
        if char in _AFTER_Z:
            primary.append(_AFTER_Z[char])
            continue
        char = _SAMI.get(char, char)
        # á -> a, č -> c, š -> s, ž -> z: Sami and foreign accents sort with their base letter.
        primary.append(unicodedata.normalize("NFD", char)[0])
    return "".join(primary), text
