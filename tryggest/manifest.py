"""What rendering produced, handed forward from stage to stage: the context itself never changes.

The artifact renderers (print, campaign, slides) draw their files first; the manifest of those
files is what the page renderers list on the materials page and what the command line and the
benchmark count.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from .artifacts import Report
from .context import Material


@dataclass(frozen=True)
class Manifest:
    materials: tuple[Material, ...] = ()
    rendered: int = 0                                                # files drawn in this build (cache misses)
    reused: int = 0                                                  # files taken from the cache
    timings: dict[str, list[float]] = field(default_factory=dict)    # seconds per drawn file, by kind

    @classmethod
    def of(cls, report: Report, materials: list[Material]) -> Manifest:
        return cls(tuple(materials), report.rendered, report.reused, {k: list(v) for k, v in report.seconds.items()})

    def materials_of(self, municipality_id: str, lang: str) -> list[Material]:
        return list(self._by_local.get((municipality_id, lang), ()))

    @functools.cached_property
    def _by_local(self) -> dict[tuple[str, str], list[Material]]:
        # Looked up once per municipality and language: some 1,100 times over 25,000 files nationally.
        found: dict[tuple[str, str], list[Material]] = {}
        for item in self.materials:
            found.setdefault((item.municipality, item.lang), []).append(item)
        return found
