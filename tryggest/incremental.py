"""Rebuild only the municipalities whose file changed, starting from the previous site.

The previous site is copied as hard links into the staging folder (instant, and the published
files are never edited: every file that changes is written anew). The changed municipalities'
pages are built by the engine on their own, together with the portal front pages that list them,
and put in place of the old ones; their language search indexes are merged. Anything shared
(texts, theme, national numbers, the list of municipalities) changing means a full build instead.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

from .context import SiteContext
from .engine.search_index import INDEX
from .output import link_tree, replace_subtree, write_new
from .urls import REGION_DIR, site_languages, site_prefix


def subset(site: SiteContext, changed: set[str]) -> SiteContext:
    """The same site, with pages and files only for ``changed`` municipalities."""
    return replace(site, only=frozenset(changed))


def start_from_previous(previous: Path, staging: Path, site: SiteContext, changed: set[str]) -> None:
    link_tree(previous, staging)
    for mid in sorted(changed):
        for prefix in _prefixes(site):
            folder = staging / prefix / mid
            if folder.is_dir():
                _remove(folder)
        files = staging / "filer" / mid
        if files.is_dir():
            _remove(files)


def put_in_place(built: Path, staging: Path, site: SiteContext, changed: set[str]) -> None:
    """Move the freshly built pages of ``changed`` (and the portal front pages) into ``staging``."""
    for prefix in _prefixes(site):
        for mid in sorted(changed):
            if (built / prefix / mid).is_dir():
                replace_subtree(built / prefix / mid, staging / prefix / mid)
        front = built / prefix / "index.html"
        if front.is_file():
            write_new(staging / prefix / "index.html", front.read_bytes())
        if (built / prefix / REGION_DIR).is_dir():
            replace_subtree(built / prefix / REGION_DIR, staging / prefix / REGION_DIR)
        _merge_search(built / prefix / INDEX, staging / prefix / INDEX, changed)


def _prefixes(site: SiteContext) -> list[str]:
    return [site_prefix(site, lang) for lang in site_languages(site)]


def _merge_search(fresh: Path, old: Path, changed: set[str]) -> None:
    if not fresh.is_file() or not old.is_file():
        return
    new_index: dict[str, Any] = json.loads(fresh.read_text(encoding="utf-8"))
    old_index: dict[str, Any] = json.loads(old.read_text(encoding="utf-8"))
    kept = [doc for doc in old_index["docs"] if not _rebuilt(doc["location"], changed)]
    merged = sorted([*kept, *new_index["docs"]], key=lambda doc: doc["location"])
    write_new(old, json.dumps({**old_index, "docs": merged}, ensure_ascii=False, separators=(",", ":")))


def _rebuilt(location: str, changed: set[str]) -> bool:
    first = location.split("#", 1)[0].split("/", 1)[0]
    return first in ("", REGION_DIR) or first in changed  # portal pages are rebuilt every time


def _remove(folder: Path) -> None:
    import shutil

    shutil.rmtree(folder)
