"""Rebuild some file families into an existing site: ``tryggest build --only print --municipality ID``.

Everything is loaded and validated first, as for a full build. Each municipality's file folder
(``filer/<id>/``) is then made anew next to the site, topped up with the files it already held that
were not rebuilt (other languages, other families), and swapped in with one rename. Pages are not
touched: run a full build to update the materials page.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path, PurePosixPath

from .context import SiteContext
from .manifest import Manifest
from .output import replace_folder
from .pipeline import BuildOptions, artifact_renderers, check, render_artifacts, secure
from .problems import InputError, Problem, SourceProblem, did_you_mean
from .source import located


def file_families() -> list[str]:
    return [renderer.name for renderer in artifact_renderers()]


def rebuild_files(options: BuildOptions, families: Sequence[str],
                  municipality: str | None = None) -> tuple[SiteContext, Manifest]:
    site = check(options.root)
    if options.build_date:
        site = replace(site, build_date=options.build_date)
    known = sorted(site.project.municipalities)
    if municipality is not None and municipality not in known:
        raise InputError([Problem("municipalities.yml", 1, 1, "municipalities",
                                  f"no municipality '{municipality}'{did_you_mean(municipality, known)}")])
    only = frozenset({municipality}) if municipality else None
    scoped = replace(site, only=only)
    renderers = [renderer for renderer in artifact_renderers() if renderer.name in families]
    options.site_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=f".{options.site_dir.name}-files-", dir=options.site_dir.parent) as tmp:
        work = Path(tmp)
        try:
            manifest = render_artifacts(scoped, work, renderers=renderers)
        except SourceProblem as problem:
            raise located(options.root, problem) from None
        secure([work], options.site_dir)
        for folder in sorted({PurePosixPath(local.files_path()).parent for local in scoped.building}):
            if (work / folder).is_dir():
                _swap_in(work / folder, options.site_dir / folder)
    return scoped, manifest


def _swap_in(new: Path, target: Path) -> None:
    """Keep the files in ``target`` that were not rebuilt, then put ``new`` in its place."""
    if target.is_dir():
        for old in sorted(target.rglob("*")):
            kept = new / old.relative_to(target)
            if old.is_file() and not kept.exists():
                kept.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(old, kept)
    target.parent.mkdir(parents=True, exist_ok=True)
    replace_folder(new, target)
