"""One renderer per output family, all with the same small interface.

Artifact renderers (print, slides, images) run first and report the files they made, so the web
pages can list them; page renderers write Markdown for the engine; site renderers write into the
finished site folder.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from ..context import Material, SiteContext


class Renderer(Protocol):
    name: str

    def render(self, site: SiteContext, out: Path) -> None:
        """Write this family's files under ``out``; raise on any error, never write outside it."""


class ArtifactRenderer(Protocol):
    name: str

    def render(self, site: SiteContext, out: Path) -> list[Material]:
        """Write files under ``out`` (paths as in the site) and describe each one."""
