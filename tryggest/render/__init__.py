"""One renderer per output family. Each takes the finished ``SiteContext`` and a folder to write to."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from ..context import SiteContext


class Renderer(Protocol):
    name: str

    def render(self, site: SiteContext, out: Path) -> None:
        """Write this family's files under ``out``; raise on any error, never write outside it."""
