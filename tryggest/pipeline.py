"""The build as a fixed sequence of stages: load -> texts -> context -> render -> engine -> swap.

Everything is read and validated before anything is written, and the output folder is replaced
only when every stage has succeeded. Data flows one way: the context is built once and never
changed; what the renderers produce travels forward in a ``Manifest``.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import asdict, dataclass, replace
from datetime import date
from pathlib import Path

from . import incremental
from .artifacts import Cache, Job, produce
from .context import SiteContext, build_context
from .csp import Policies, secure_pages, write_headers
from .engine import DEFAULT_ENGINE, engine_named
from .fingerprint import Fingerprint, fingerprint, forget_build, previous_build, remember_build
from .forked import forked_map, share
from .load import Project, load_project
from .manifest import Manifest
from .output import replace_subtree, staged_folder
from .problems import SourceProblem
from .render import ArtifactRenderer, Renderer
from .render.campaign import CampaignRenderer
from .render.portal import PortalRenderer
from .render.print import PrintRenderer
from .render.sitemap import SitemapRenderer
from .render.slides import SlidesRenderer
from .render.web import WebRenderer
from .render.webfonts import WebFontRenderer
from .shard import Shard, members, write_manifest
from .source import located
from .texts import LanguageTexts, load_texts
from .theme_context import theme_data
from .urls import site_languages

CACHE_DIR = ".tryggest-cache/artifacts"
SHARD_CACHE_DIR = ".tryggest-cache/shards"


@dataclass(frozen=True)
class BuildOptions:
    root: Path
    site_dir: Path
    build_date: date | None = None
    force: bool = False      # rebuild even when no input changed
    engine: str = DEFAULT_ENGINE   # "mkdocs", or "properdocs" (see tryggest/engine/)
    shard: Shard | None = None   # build only this part of the portal (``tryggest merge`` joins the parts)

    @property
    def cache_dir(self) -> Path:
        """A shard has a cache of its own: a CI job restores and saves just the files it draws."""
        if self.shard is None:
            return self.root / CACHE_DIR
        return self.root / SHARD_CACHE_DIR / self.shard.label / "artifacts"


@dataclass(frozen=True)
class BuildResult:
    site: SiteContext
    unchanged: bool          # True: the inputs equal the last build's, nothing was written
    manifest: Manifest = Manifest()   # what this build drew and listed
    changed: set[str] | None = None   # municipalities rebuilt on top of the last build; None: all


def check(root: Path) -> SiteContext:
    """Load and validate everything, write nothing."""
    project = load_project(root)
    texts = load_all_texts(project)
    return build_context(project, texts, build_date(project, None))


def load_all_texts(project: Project) -> dict[str, LanguageTexts]:
    needed: set[str] = set(project.portal.portal.languages)
    for municipality in project.municipalities.values():
        needed.update(project.languages_of(municipality))
    return {lang: load_texts(project.root, lang) for lang in sorted(needed)}


def build_date(project: Project, override: date | None = None) -> date:
    return override or project.portal.portal.print_date or date.today()


def artifact_renderers() -> list[ArtifactRenderer]:
    """Print files, slides and images: rendered before the pages so the pages can list them."""
    return [PrintRenderer(), CampaignRenderer(), SlidesRenderer()]


def site_renderers() -> list[Renderer]:
    """Renderers that write straight into the finished site folder, after the engine."""
    return [SitemapRenderer(), WebFontRenderer()]


def secure(folders: list[Path], site_dir: Path, policies: Policies | None = None) -> None:
    """Content-Security-Policy for every freshly made HTML page in ``folders``, then the site-wide
    header file with every hash in ``policies`` too (those of the pages the engine secured).

    Only fresh pages are touched: in an incremental build the others are the previous site's.
    """
    policies = policies or Policies()
    for folder in folders:
        if folder.is_dir():
            secure_pages(folder, policies)
    policies.check()
    write_headers(site_dir, policies.scripts, policies.styles)


def write_markdown(site: SiteContext, out: Path, manifest: Manifest | None = None, workers: int = 0) -> None:
    """The pages' Markdown; without a manifest (only the words), the pages list no files.

    The municipalities' pages are shared out over the cores (``workers``, 0: all): on a national
    portal they are some 29,000 files, each filled from its own templates.
    """
    manifest = manifest or Manifest()
    ids = sorted({local.municipality.id for local in site.building})
    parts = min(workers or os.cpu_count() or 1, max(1, len(ids) // MUNICIPALITIES_PER_PART))
    forked_map(_write_pages, (site, manifest, out, ids), parts)
    PortalRenderer().render(site, manifest, out)   # the front page and region pages of each language


MUNICIPALITIES_PER_PART = 20   # below this, a forked process costs more than it saves


def _write_pages(shared: tuple[SiteContext, Manifest, Path, list[str]], part: int, parts: int) -> None:
    site, manifest, out, ids = shared
    WebRenderer().render(replace(site, only=share(ids, part, parts)), manifest, out)


def build(options: BuildOptions) -> BuildResult:
    project = load_project(options.root)
    site = build_context(project, load_all_texts(project), build_date(project, options.build_date))
    # Another engine makes other bytes: a build with it is never "unchanged" from one with the default.
    engine = "" if options.engine == DEFAULT_ENGINE else f" {options.engine}"
    inputs = fingerprint(project, site_languages(site), extra=site.build_date.isoformat() + engine)
    scope = members(site, options.shard) if options.shard else None
    if scope is not None:
        site = replace(site, only=scope)
    now = _shard_fingerprint(inputs, options.shard, scope)
    if not options.force and previous_build(options.root, options.site_dir) == now:
        return BuildResult(site, unchanged=True)
    before = None if options.force else previous_build(options.root, options.site_dir)
    changed = now.changed_since(before) if before else None
    if changed is not None and scope is not None:
        # The shared pages are rebuilt even when none of this shard's municipalities changed:
        # the front page lists every municipality's name and number.
        changed &= scope
    # Forget the old state first: if this build fails, the next one must not think it is current.
    forget_build(options.root, options.site_dir)
    try:
        with staged_folder(options.site_dir) as staging:
            manifest = (_build_into(options, site, staging) if changed is None
                        else _build_changed(options, site, changed, staging))
            if options.shard and scope is not None:
                write_manifest(staging, options.shard, scope, list(project.municipalities), _digest(inputs))
    except SourceProblem as problem:
        raise located(options.root, problem) from None
    remember_build(options.root, options.site_dir, now)
    return BuildResult(site, unchanged=False, manifest=manifest, changed=changed)


def _shard_fingerprint(inputs: Fingerprint, shard: Shard | None, scope: frozenset[str] | None) -> Fingerprint:
    """A shard's build depends on which municipalities it holds too: when a municipality moves to
    another part, the shard is built anew rather than patched."""
    if shard is None or scope is None:
        return inputs
    return Fingerprint(_digest({"inputs": inputs.shared, "shard": str(shard), "members": sorted(scope)}),
                       inputs.municipalities)


def _digest(value: object) -> str:
    data = asdict(value) if isinstance(value, Fingerprint) else value
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()


def artifact_jobs(site: SiteContext) -> list[Job]:
    return [job for renderer in artifact_renderers() for job in renderer.jobs(site)]


def render_artifacts(site: SiteContext, out: Path, cache_dir: Path | None = None, progress: bool = True,
                     renderers: list[ArtifactRenderer] | None = None) -> Manifest:
    """Every print file, slide and image: from the cache (``cache_dir``, by default the project's)
    when its inputs are unchanged."""
    renderers = artifact_renderers() if renderers is None else renderers
    cache = Cache(cache_dir or site.project.root / CACHE_DIR)
    jobs = [job for renderer in renderers for job in renderer.jobs(site)]
    report = produce(jobs, out, cache, progress=progress)
    return Manifest.of(report, [item for renderer in renderers for item in renderer.materials(site, out)])


def _build_into(options: BuildOptions, site: SiteContext, staging: Path) -> Manifest:
    work = staging / ".work"
    manifest = render_artifacts(site, work / "files", options.cache_dir)
    write_markdown(site, work, manifest)
    policies = engine_named(options.engine).build(options.root, work / "docs", staging / "site", theme_data(site),
                                                  site_languages(site))
    secure([work / "files"], staging / "site", policies)
    _promote(staging / "site", staging)
    for renderer in site_renderers():
        renderer.render(site, manifest, staging)
    return manifest


def _build_changed(options: BuildOptions, site: SiteContext, changed: set[str], staging: Path) -> Manifest:
    part = incremental.subset(site, changed)
    incremental.start_from_previous(options.site_dir, staging, site, changed)
    work = staging / ".work"
    manifest = render_artifacts(part, work / "files", options.cache_dir)
    write_markdown(part, work, manifest)
    policies = engine_named(options.engine).build(options.root, work / "docs", work / "site", theme_data(part),
                                                  site_languages(site))
    secure([work / "files"], staging, policies)
    incremental.put_in_place(work / "site", staging, site, changed)
    for mid in sorted(changed):
        if (work / "files" / "filer" / mid).is_dir():
            replace_subtree(work / "files" / "filer" / mid, staging / "filer" / mid)
    shutil.rmtree(work)
    for renderer in site_renderers():
        renderer.render(site, manifest, staging)
    return manifest


def _promote(site: Path, staging: Path) -> None:
    """Move the engine's output and the artifacts up so ``staging`` itself becomes the site folder."""
    files = staging / ".work" / "files"
    if files.is_dir():
        for item in files.iterdir():
            item.rename(staging / item.name)
    shutil.rmtree(staging / ".work")
    for item in site.iterdir():
        item.rename(staging / item.name)
    site.rmdir()
