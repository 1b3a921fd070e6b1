"""The seam to the website engine: generated Markdown in, a static site folder out.

Everything that knows MkDocs, Material or mkdocs-static-i18n lives in this package: the build and
its language groups (``material``), the theme data and strict templates (``strict``), the pages'
inlined CSS (``pages``, ``css_purge``), the search index split per language (``search_index``) and
the hook that makes a plain ``mkdocs build`` refuse (``hook``). The rest of the generator calls
``engine_named(name).build(...)`` and nothing else.

Two engines run the same configuration and theme: ``mkdocs`` (the default) and ``properdocs``,
ProperDocs, the continuation of MkDocs 1.x that runs the same plugins and theme, installed as the
optional extra ``tryggest[properdocs]``. This module imports neither, so a ProperDocs build can
start in a fresh process before anything has loaded MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from ..csp import Policies

ENGINES = ("mkdocs", "properdocs")
DEFAULT_ENGINE = "mkdocs"


class EngineError(Exception):
    """The engine refused the generated pages (strict mode turns warnings into this)."""


class SiteEngine(Protocol):
    @property
    def name(self) -> str: ...

    def build(self, root: Path, docs_dir: Path, site_dir: Path, theme: dict[str, Any], languages: list[str],
              workers: int = 0) -> Policies:
        """Build ``site_dir`` from the Markdown in ``docs_dir/<lang>/``; ``languages`` has the default first.

        ``theme`` is the data the templates show (``tryggest.theme.page_view``). Every page gets its
        Content-Security-Policy as it is written; the returned policies hold what the site-wide
        header needs.
        """
        ...


@dataclass(frozen=True)
class MkDocsEngine:
    name: str = "mkdocs"

    def build(self, root: Path, docs_dir: Path, site_dir: Path, theme: dict[str, Any], languages: list[str],
              workers: int = 0) -> Policies:
        from .material import build_site

        return build_site(root, docs_dir, site_dir, theme, languages, workers)


@dataclass(frozen=True)
class ProperDocsEngine:
    name: str = "properdocs"

    def build(self, root: Path, docs_dir: Path, site_dir: Path, theme: dict[str, Any], languages: list[str],
              workers: int = 0) -> Policies:
        from .properdocs import build_site

        return build_site(root, docs_dir, site_dir, theme, languages, workers)


def engine_named(name: str) -> SiteEngine:
    if name == "properdocs":
        return ProperDocsEngine()
    if name == "mkdocs":
        return MkDocsEngine()
    raise ValueError(f"unknown engine '{name}'; choose one of {', '.join(ENGINES)}")
