"""Content-hash cache for drawn images, in ``.tryggest-cache/images/`` of the project.

The key is a SHA-256 of everything an image depends on: the engine version, the layout, the
texts and values, the QR target, the colours, the font files and the Pillow version. A rebuild
with no change copies every image from here and draws nothing; a changed phone number changes
the keys of that municipality's images only.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import PIL

from .draw import Drawing, ImageSpec
from .fonts import fonts_digest

if TYPE_CHECKING:
    from .renderer import ImageJob

# Raise when the drawing code changes what it draws for the same input.
ENGINE_VERSION = "slides-1"
CACHE_FOLDER = Path(".tryggest-cache") / "images"
UNUSED_DAYS = 60      # entries not used for this long are removed


def image_key(spec: ImageSpec) -> str:
    data = {"engine": ENGINE_VERSION, "pillow": PIL.__version__, "fonts": fonts_digest(), "spec": spec.key_data()}
    blob = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


@dataclass
class ImageCache:
    folder: Path
    drawn: list[str] = field(default_factory=list)     # names of images drawn in this run
    reused: list[str] = field(default_factory=list)    # names of images copied from the cache

    def fetch(self, job: ImageJob, make: Callable[[ImageJob], tuple[dict[str, bytes], Drawing]]
              ) -> tuple[dict[str, bytes], Drawing]:
        """The job's files and drawing record, made only when the cache has no complete entry."""
        key = image_key(job.spec)
        record = self.folder / f"{key}.json"
        names = {path: self.folder / f"{key}-{i}.png" for i, path in enumerate(_outputs(job))}
        if record.is_file() and all(p.is_file() for p in names.values()):
            os.utime(record)
            self.reused.append(job.spec.name)
            drawing = Drawing.from_json(json.loads(record.read_text(encoding="utf-8")))
            return {path: stored.read_bytes() for path, stored in names.items()}, drawing
        files, drawing = make(job)
        self.folder.mkdir(parents=True, exist_ok=True)
        for path, data in files.items():
            _write_atomic(names[path], data)
        # The record last: an entry counts only when it is complete.
        _write_atomic(record, json.dumps(drawing.to_json(), ensure_ascii=False).encode("utf-8"))
        self.drawn.append(job.spec.name)
        return files, drawing

    def prune(self, now: float | None = None) -> int:
        """Remove entries no build has used for ``UNUSED_DAYS`` days; returns how many."""
        if not self.folder.is_dir():
            return 0
        limit = (now or time.time()) - UNUSED_DAYS * 86400
        stale = {p.stem for p in self.folder.glob("*.json") if p.stat().st_mtime < limit}
        for path in self.folder.iterdir():
            if path.name[:64] in stale:
                path.unlink(missing_ok=True)
        return len(stale)


def _outputs(job: ImageJob) -> list[str]:
    return [job.path, job.preview]


def _write_atomic(path: Path, data: bytes) -> None:
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)


def cache_folder(root: Path) -> Path:
    return root / CACHE_FOLDER
