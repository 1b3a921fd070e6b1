#!/usr/bin/env python3
"""Merge a translator's ``content/<lang>/national.yml`` into ``content/national.yml``.

    .venv/bin/python scripts/merge_national.py pl lt uk

The translator's file holds only texts: ``lines: {<line id>: {name, purpose}}`` and
``laws: {<law id>: name}``. Each text is added under its line or law in ``content/national.yml``,
whose comments and order stay as they are; a ``name: {...}`` on one line becomes a block, one
language a line. A text that is already there is replaced. Run ``tryggest check`` afterwards: it
reports every line or law still missing a language.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
NATIONAL = ROOT / "content" / "national.yml"
ENTRY = re.compile(r"^  - id: (\S+)\s*$")
FIELD = re.compile(r"^    (name|purpose):(.*)$")


def scalar(value: str) -> str:
    return yaml.safe_dump(value, allow_unicode=True, width=10_000, default_style=None).removesuffix("\n...\n").strip()


def merge(lines: list[str], section: str, texts: dict[tuple[str, str], dict[str, str]]) -> list[str]:
    """``texts``: (entry id, field) -> {lang: text}, added to the entries of ``section``."""
    out: list[str] = []
    current, in_section, i = None, False, 0
    while i < len(lines):
        line = lines[i]
        if re.match(r"^[a-z_]+:", line):
            in_section = line.startswith(f"{section}:")
        entry = ENTRY.match(line)
        if entry:
            current = entry.group(1)
        field = FIELD.match(line) if in_section and current else None
        if not field or (current, field.group(1)) not in texts:
            out.append(line)
            i += 1
            continue
        name, rest = field.group(1), field.group(2).strip()
        values: dict[str, str] = yaml.safe_load(rest) if rest else {}
        i += 1
        while not rest and i < len(lines) and lines[i].startswith("      "):
            values.update(yaml.safe_load(lines[i].strip()))
            i += 1
        values.update(texts[(current, name)])
        out.append(f"    {name}:")
        out += [f"      {lang}: {scalar(text)}" for lang, text in values.items()]
    return out


def main(langs: list[str]) -> int:
    lines = NATIONAL.read_text(encoding="utf-8").splitlines()
    for lang in langs:
        data = yaml.safe_load((ROOT / "content" / lang / "national.yml").read_text(encoding="utf-8"))
        line_texts = {(lid, key): {lang: value} for lid, item in data.get("lines", {}).items()
                      for key, value in item.items() if key in ("name", "purpose")}
        law_texts = {(lid, "name"): {lang: name} for lid, name in data.get("laws", {}).items()}
        lines = merge(lines, "lines", line_texts)
        lines = merge(lines, "laws", law_texts)
    NATIONAL.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
