"""One renderer per output family, all with the same small lifecycle.

Artifact renderers (print, campaign, slides) run first: ``jobs`` says what to draw, the pipeline
draws it (cached, in parallel) and ``materials`` describes what was drawn; together that is the
``Manifest``. Page renderers then write Markdown for the engine, and site renderers write into the
finished site folder; both get the context and the manifest and change neither. A renderer imports
the context stage, ``qr``, ``output`` and its own package, never another renderer.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from ..artifacts import Job
from ..context import Material, SiteContext
from ..manifest import Manifest


class Renderer(Protocol):
    name: str

    def render(self, site: SiteContext, manifest: Manifest, out: Path) -> None:
        """Write this family's files under ``out``; raise on any error, never write outside it."""


class ArtifactRenderer(Protocol):
    """Costly files. The pipeline renders the jobs (cached, in parallel), then asks for materials."""

    name: str

    def jobs(self, site: SiteContext) -> list[Job]:
        """One job per file (or small group of files), with paths as in the site (``filer/<id>/<lang>/..``)."""

    def materials(self, site: SiteContext, out: Path) -> list[Material]:
        """Describe the files now under ``out`` for the materials page."""
