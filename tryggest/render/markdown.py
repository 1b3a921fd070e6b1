"""Markdown pages with YAML front matter, as the page renderers hand them to the engine."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


def write_page(path: Path, front: dict[str, Any], body: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    head = yaml.dump(front, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=True, width=1000)
    path.write_text(f"---\n{head}---\n\n{body}", encoding="utf-8")
