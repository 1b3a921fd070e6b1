"""Atomic output: build into a temporary folder next to the target, then swap it into place.

A failed build leaves the previous output exactly as it was (the Lektor approach).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def staged_folder(target: Path) -> Iterator[Path]:
    """Yield an empty folder on the same file system as ``target``; on success it becomes ``target``."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-new-", dir=target.parent))
    try:
        yield staging
        replace_folder(staging, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def replace_folder(new: Path, target: Path) -> None:
    """Swap ``new`` into ``target``; the old folder is removed only after the swap."""
    old = target.with_name(f".{target.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        os.replace(target, old)
    os.replace(new, target)
    shutil.rmtree(old, ignore_errors=True)


def write_new(path: Path, data: str | bytes) -> None:
    """Write ``path`` as a new file (temp + rename), never into the old one.

    An incremental build starts from hard links to the previous site: editing a file in place
    would change the published site too.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.new")
    temp.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    os.replace(temp, path)


def link_tree(source: Path, target: Path) -> None:
    """Make ``target`` a copy of ``source`` made of hard links: instant, and shares no writes."""
    for folder, dirs, files in os.walk(source):
        relative = Path(folder).relative_to(source)
        (target / relative).mkdir(parents=True, exist_ok=True)
        for name in files:
            os.link(Path(folder) / name, target / relative / name)
        dirs.sort()


def replace_subtree(source: Path, target: Path) -> None:
    """Put the folder ``source`` at ``target``, removing what was there."""
    if target.exists():
        shutil.rmtree(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(source, target)
