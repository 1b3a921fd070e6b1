"""``tryggest merge PART...``: the shards of a portal joined into one site, the same bytes as a build
on one machine.

Each part holds its own municipalities' pages and files, and a copy of the shared pages. Files found
in more than one part (front pages, regions, theme assets, sitemap, web fonts) must be the same
bytes in each, which they are when every part was built from the same input; the search index of
each language and the ``_headers`` file are joined. Nothing is written unless every part is there
and agrees: the site appears in one rename.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .csp import HEADERS_FILE, headers_file, listed_hashes, policy
from .engine.search_index import INDEX, index_text
from .output import staged_folder, write_new
from .problems import InputError, Problem
from .shard import MANIFEST, read_manifest
from .urls import REGION_DIR


@dataclass(frozen=True)
class Part:
    folder: Path
    number: int
    municipalities: frozenset[str]


def merge(parts: list[Path], site_dir: Path) -> list[Part]:
    """Join ``parts`` (every shard of one build, in any order) into ``site_dir``."""
    found = _complete(parts)
    with staged_folder(site_dir) as staging:
        for part in found:
            _copy_part(part.folder, staging)
        _join_search_indexes(found, staging)
        _join_headers(found, staging)
    return found


def _complete(folders: list[Path]) -> list[Part]:
    """The parts in shard order, refused unless they are all the shards of one build."""
    manifests = [read_manifest(folder) for folder in folders]
    first = manifests[0]
    problems = [_problem(folder, f"built from other input than {folders[0].as_posix()}; build every part again")
                for folder, manifest in zip(folders, manifests, strict=True)
                if (manifest["inputs"], manifest["count"]) != (first["inputs"], first["count"])]
    numbers = sorted(manifest["shard"] for manifest in manifests)
    if numbers != list(range(1, first["count"] + 1)):
        missing = sorted(set(range(1, first["count"] + 1)) - set(numbers))
        twice = sorted({n for n in numbers if numbers.count(n) > 1})
        problems.append(_problem(folders[0], f"the parts must be shards 1 to {first['count']}, each once: "
                                 f"missing {missing or 'none'}, given twice {twice or 'none'}"))
    if problems:
        raise InputError(problems)
    parts = [Part(folder, manifest["shard"], frozenset(manifest["municipalities"]))
             for folder, manifest in zip(folders, manifests, strict=True)]
    covered = sorted(mid for part in parts for mid in part.municipalities)
    if covered != sorted(first["all"]):
        raise InputError([_problem(folders[0], "the parts do not hold every municipality exactly once")])
    return sorted(parts, key=lambda part: part.number)


def _problem(folder: Path, message: str) -> Problem:
    return Problem(folder.as_posix(), 1, 1, "", message)


def _joined_later(relative: str) -> bool:
    return relative in (MANIFEST, HEADERS_FILE) or relative == INDEX or (
        relative.endswith("/" + INDEX) and relative.count("/") == INDEX.count("/") + 1)


def _copy_part(part: Path, staging: Path) -> None:
    """Every file of ``part`` into ``staging``; a file already there from another part must be equal."""
    for folder, dirs, files in os.walk(part):
        dirs.sort()
        here = Path(folder)
        for name in sorted(files):
            source = here / name
            relative = source.relative_to(part).as_posix()
            if _joined_later(relative):
                continue
            target = staging / relative
            if target.exists():
                if target.read_bytes() != source.read_bytes():
                    raise InputError([_problem(part, f"{relative} differs from the same file in another part; "
                                               "were the parts built from the same commit?")])
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            _link_or_copy(source, target)


def _link_or_copy(source: Path, target: Path) -> None:
    try:
        os.link(source, target)   # the parts are never edited afterwards: no copy needed
    except OSError:
        shutil.copyfile(source, target)


def _join_search_indexes(parts: list[Part], staging: Path) -> None:
    """Per language: each part's entries for its own municipalities, and the shared pages' entries once."""
    relatives = sorted({p.relative_to(part.folder).as_posix() for part in parts
                        for p in [part.folder / INDEX, *part.folder.glob(f"*/{INDEX}")] if p.is_file()})
    for relative in relatives:
        indexes = [_read_index(part.folder / relative) for part in parts]
        shared = [doc for doc in indexes[0]["docs"] if _owner(doc) not in parts[0].municipalities]
        for part, index in zip(parts[1:], indexes[1:], strict=True):
            if [doc for doc in index["docs"] if _owner(doc) not in part.municipalities] != shared:
                raise InputError([_problem(part.folder, f"{relative}: the shared pages differ from another part's")])
        docs = [doc for part, index in zip(parts, indexes, strict=True) for doc in index["docs"]
                if _owner(doc) in part.municipalities]
        write_new(staging / relative, index_text(indexes[0], sorted([*shared, *docs], key=lambda doc: doc["location"])))


def _read_index(path: Path) -> dict[str, Any]:
    if not path.is_file():
        return {"docs": []}
    index: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return index


def _owner(doc: dict[str, Any]) -> str:
    """The municipality a search entry belongs to ("" or the region folder for the shared pages)."""
    first = doc["location"].split("#", 1)[0].split("/", 1)[0]
    return "" if first == REGION_DIR else first


def _join_headers(parts: list[Part], staging: Path) -> None:
    """One site-wide policy that allows every hash any part's pages need."""
    scripts: set[str] = set()
    styles: set[str] = set()
    for part in parts:
        headers = part.folder / HEADERS_FILE
        if headers.is_file():
            part_scripts, part_styles = listed_hashes(headers.read_text(encoding="utf-8"))
            scripts |= part_scripts
            styles |= part_styles
    write_new(staging / HEADERS_FILE, headers_file(policy(scripts, styles, header=True)))
