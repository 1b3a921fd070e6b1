"""The build as a fixed sequence of stages: load -> texts -> context -> render -> engine -> swap.

Everything is read and validated before anything is written, and the output folder is replaced
only when every stage has succeeded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .context import SiteContext, build_context
from .engine import build_site
from .load import Project, load_project
from .output import staged_folder
from .render import ArtifactRenderer, Renderer
from .render.csp import PolicyRenderer
from .render.sitemap import SitemapRenderer
from .render.web import PortalIndexRenderer, WebRenderer, page_defaults
from .texts import LanguageTexts, load_texts


@dataclass(frozen=True)
class BuildOptions:
    root: Path
    site_dir: Path
    build_date: date | None = None


def check(root: Path) -> SiteContext:
    """Load and validate everything, write nothing."""
    project = load_project(root)
    texts = load_all_texts(project)
    return build_context(project, texts, _build_date(project, None))


def load_all_texts(project: Project) -> dict[str, LanguageTexts]:
    needed: set[str] = set(project.portal.portal.languages)
    for municipality in project.municipalities.values():
        needed.update(project.languages_of(municipality))
    return {lang: load_texts(project.root, lang) for lang in sorted(needed)}


def _build_date(project: Project, override: date | None) -> date:
    return override or project.portal.portal.print_date or date.today()


def web_renderers() -> list[Renderer]:
    return [WebRenderer(), PortalIndexRenderer()]


def artifact_renderers() -> list[ArtifactRenderer]:
    """Print files, slides and images: rendered before the pages so the pages can list them."""
    return []


def site_renderers() -> list[Renderer]:
    """Renderers that write straight into the finished site folder, after the engine.

    PolicyRenderer reads every page the others wrote: keep it last."""
    return [SitemapRenderer(), PolicyRenderer()]


def write_markdown(site: SiteContext, out: Path) -> None:
    for renderer in web_renderers():
        renderer.render(site, out)


def build(options: BuildOptions) -> SiteContext:
    project = load_project(options.root)
    site = build_context(project, load_all_texts(project), _build_date(project, options.build_date))
    with staged_folder(options.site_dir) as staging:
        work = staging / ".work"
        for artifacts in artifact_renderers():
            site.materials.extend(artifacts.render(site, work / "files"))
        write_markdown(site, work)
        build_site(options.root, work / "docs", staging / "site", project.portal.portal.base_url,
                   page_defaults(site))
        _promote(staging / "site", staging)
        for renderer in site_renderers():
            renderer.render(site, staging)
    return site


def _promote(site: Path, staging: Path) -> None:
    """Move the engine's output and the artifacts up so ``staging`` itself becomes the site folder."""
    import shutil

    files = staging / ".work" / "files"
    if files.is_dir():
        for item in files.iterdir():
            item.rename(staging / item.name)
    shutil.rmtree(staging / ".work")
    for item in site.iterdir():
        item.rename(staging / item.name)
    site.rmdir()
