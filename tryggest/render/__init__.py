"""One renderer per output family, all with the same small interface.

Artifact renderers (print, slides, images) run first and report the files they made, so the web
pages can list them; page renderers write Markdown for the engine; site renderers write into the
finished site folder.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from ..artifacts import Job
from ..context import Material, SiteContext


class Renderer(Protocol):
    name: str

    def render(self, site: SiteContext, out: Path) -> None:
        """Write this family's files under ``out``; raise on any error, never write outside it."""


class ArtifactRenderer(Protocol):
    """Costly files. The pipeline renders the jobs (cached, in parallel), then asks for materials."""

    name: str

    def jobs(self, site: SiteContext) -> list[Job]:
        """One job per file (or small group of files), with paths as in the site (``filer/<id>/<lang>/..``)."""

    def materials(self, site: SiteContext, out: Path) -> list[Material]:
        """Describe the files now under ``out`` for the materials page."""
