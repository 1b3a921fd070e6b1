"""What a build was made from, so the next build can tell what changed.

``shared`` covers everything every page depends on (portal settings, national numbers, texts,
theme, the generator's own code); ``municipalities`` has one hash per municipality file.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from pathlib import Path

from .artifacts import package_fingerprint
from .load import MUNICIPALITY_DIR, Project

SHARED_INPUTS = ("municipalities.yml", "content/national.yml", "mkdocs.yml", "overrides")
STATE_DIR = ".tryggest-cache/builds"


@dataclass(frozen=True)
class Fingerprint:
    shared: str
    municipalities: dict[str, str]

    def changed_since(self, earlier: Fingerprint) -> set[str] | None:
        """Municipalities whose file changed, or None when something shared changed."""
        if earlier.shared != self.shared or earlier.municipalities.keys() != self.municipalities.keys():
            return None
        return {mid for mid, digest in self.municipalities.items() if earlier.municipalities[mid] != digest}


def fingerprint(project: Project, languages: list[str], extra: str) -> Fingerprint:
    root = project.root
    shared = hashlib.sha256(f"{package_fingerprint()}|{extra}".encode())
    for name in [*SHARED_INPUTS, *(f"content/{lang}" for lang in sorted(languages))]:
        _hash_path(shared, root, root / name)
    files = {mid: hashlib.sha256((root / MUNICIPALITY_DIR / f"{mid}.yml").read_bytes()).hexdigest()
             for mid in sorted(project.municipalities)}
    return Fingerprint(shared.hexdigest(), files)


def _hash_path(digest: hashlib._Hash, root: Path, path: Path) -> None:
    paths = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path] if path.is_file() else []
    for item in paths:
        digest.update(item.relative_to(root).as_posix().encode())
        digest.update(item.read_bytes())


def _state_file(root: Path, site_dir: Path) -> Path:
    name = hashlib.sha256(str(site_dir.resolve()).encode()).hexdigest()[:16]
    return root / STATE_DIR / f"{name}.json"


def previous_build(root: Path, site_dir: Path) -> Fingerprint | None:
    state = _state_file(root, site_dir)
    if not state.is_file() or not site_dir.is_dir():
        return None
    data = json.loads(state.read_text(encoding="utf-8"))
    return Fingerprint(data["shared"], data["municipalities"])


def remember_build(root: Path, site_dir: Path, print_: Fingerprint) -> None:
    state = _state_file(root, site_dir)
    state.parent.mkdir(parents=True, exist_ok=True)
    temp = state.with_suffix(".tmp")
    temp.write_text(json.dumps(asdict(print_), sort_keys=True), encoding="utf-8")
    temp.replace(state)


def forget_build(root: Path, site_dir: Path) -> None:
    _state_file(root, site_dir).unlink(missing_ok=True)
