"""``tryggest serve``: build, serve on this computer, and rebuild when an input file changes.

How "rebuild only what changed" works here:
- Only the inputs are watched (``content/``, ``municipalities.yml``, ``overrides/``, ``mkdocs.yml``);
  changes anywhere else (``site/``, ``build/``, tests, git) never start a build.
- A file counts as changed only when its bytes changed: a save without edits, or an editor touching
  the file, does not rebuild.
- When only YAML data files changed, they are validated first; if the validated data equals the data
  of the last good build (a comment or the layout changed), nothing is rebuilt.
- Otherwise the pipeline builds the site (a full build of the demo takes a few seconds). Print
  files, slides and images come from the pipeline's content-hash cache under the project folder,
  which outlives each build, so only the files whose inputs changed are drawn again.

The build is atomic, so a failed build leaves the last good site in place, and it keeps being
served; the problems are printed in the terminal and shown on every served page.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from .engine import EngineError
from .lint import warnings_for
from .load import MUNICIPALITY_DIR, NATIONAL_FILE, PORTAL_FILE, load_project
from .pipeline import BuildOptions, build
from .preflight import PreflightFailed
from .problems import InputError, Problem
from .report import describe
from .serve_http import LiveServer

WATCHED = ("content", "municipalities.yml", "overrides", "mkdocs.yml")
DATA_FILES = (PORTAL_FILE, NATIONAL_FILE)
Log = Callable[[str], None]


def say(line: str) -> None:
    """Print at once, also when the output goes to a file or a pipe."""
    print(line, flush=True)


@dataclass
class BuildState:
    """What the server tells the pages: which build they show and what stopped the last one."""

    version: int = 0
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    has_site: bool = False
    lock: threading.Lock = field(default_factory=threading.Lock)

    def as_json(self) -> dict[str, Any]:
        with self.lock:
            return {"version": self.version, "ok": not self.problems, "problems": list(self.problems),
                    "warnings": list(self.warnings)}


def is_watched(relative: str) -> bool:
    name = relative.rsplit("/", 1)[-1]
    # Editors write swap and backup files next to the file being edited; they are not inputs.
    return not (name.startswith((".", "#")) or name.endswith(("~", ".swp", ".tmp")))


def snapshot(root: Path) -> dict[str, tuple[int, int]]:
    """(mtime, size) of every watched file, by path relative to ``root``."""
    found: dict[str, tuple[int, int]] = {}
    for item in WATCHED:
        path = root / item
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            relative = file.relative_to(root).as_posix()
            try:
                stat = file.stat()
            except OSError:
                continue  # removed between listing and looking
            if is_watched(relative):
                found[relative] = (stat.st_mtime_ns, stat.st_size)
    return found


def _digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


class Watcher:
    """Polls the watched files and reports the ones whose content changed since the last poll."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.stats = snapshot(root)
        self.digests = {relative: _digest(root / relative) for relative in self.stats}

    def poll(self) -> set[str]:
        stats = snapshot(self.root)
        touched = {p for p in stats.keys() | self.stats.keys() if stats.get(p) != self.stats.get(p)}
        self.stats = stats
        changed = set()
        for relative in touched:
            digest = _digest(self.root / relative) if relative in stats else ""
            if digest != self.digests.get(relative, ""):
                changed.add(relative)
            if digest:
                self.digests[relative] = digest
            else:
                self.digests.pop(relative, None)
        return changed


def only_data(changed: set[str]) -> bool:
    return all(p in DATA_FILES or (p.startswith(f"{MUNICIPALITY_DIR}/") and p.endswith(".yml")) for p in changed)


class LiveSite:
    """Builds into ``site_dir`` and keeps ``state`` up to date for the server."""

    def __init__(self, root: Path, site_dir: Path, log: Log = say) -> None:
        self.root, self.site_dir, self.log = root, site_dir, log
        self.state = BuildState(has_site=(site_dir / "index.html").is_file())
        self._last_data: tuple[Any, ...] | None = None
        # A failed build after a change to something other than data (a template): data put back
        # as it was does not make the site right again.
        self._failed_beyond_data = False

    def rebuild(self, changed: set[str] | None = None) -> bool:
        """Build once; return False when the data was unchanged and nothing was built."""
        if changed and only_data(changed) and not self._failed_beyond_data and self._data_unchanged():
            self.log(f"Changed: {', '.join(sorted(changed))}. The data is the same, so the site is up to date.")
            self._clear_problems()
            return False
        problems: list[str] = []
        warnings: list[Problem] = []
        try:
            site = build(BuildOptions(self.root, self.site_dir)).site
            self._last_data = _data_of(site.project)
            warnings = warnings_for(site.project, date.today())
        except InputError as exc:
            problems = describe(exc.problems, self.root)
        except EngineError as exc:
            problems = [f"The site engine stopped: {exc}"]
        except PreflightFailed as exc:
            problems = [str(exc)]
        with self.state.lock:
            self.state.version += 1
            self.state.problems, self.state.warnings = problems, describe(warnings, self.root, excerpts=False)
            self.state.has_site = self.state.has_site or not problems
        self._failed_beyond_data = bool(problems) and not (changed and only_data(changed))
        self._report(changed, problems, warnings)
        return True

    def _clear_problems(self) -> None:
        """The data is back to that of the last good build: that build is what is served, so the
        pages' error box goes away (a new version tells them to look again)."""
        with self.state.lock:
            if not self.state.problems:
                return
            self.state.version += 1
            self.state.problems = []
        self.log("The problems are gone: the last good site is up to date again.")

    def _data_unchanged(self) -> bool:
        if self._last_data is None:
            return False
        try:
            return _data_of(load_project(self.root)) == self._last_data
        except InputError:
            return False  # let the build report the problems

    def _report(self, changed: set[str] | None, problems: list[str], warnings: list[Problem]) -> None:
        if changed:
            self.log(f"Changed: {', '.join(sorted(changed))}")
        for line in [*problems, *describe(warnings, self.root)]:
            self.log(line)
        if problems:
            self.log("Not built. The last good site is still served; fix the problem above and save again.")
        else:
            self.log(f"Built. {len(warnings)} warning(s)." if warnings else "Built.")


def _data_of(project: Any) -> tuple[Any, ...]:
    return (project.portal, project.national, project.municipalities)


class ServeSession:
    """A running ``tryggest serve``: the server thread and the watcher thread."""

    def __init__(self, root: Path, site_dir: Path, host: str = "127.0.0.1", port: int = 8000,
                 poll_seconds: float = 0.5, log: Log = say) -> None:
        self.root, self.poll_seconds, self.log = root, poll_seconds, log
        self.live = LiveSite(root, site_dir, log)
        self.server = LiveServer((host, port), site_dir, self.live.state)
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host!s}:{port}/"

    def start(self) -> str:
        # The watcher takes its snapshot first, so a file saved during the first build is seen.
        watcher = Watcher(self.root)
        self.live.rebuild()
        self._threads = [threading.Thread(target=self.server.serve_forever, name="tryggest-http", daemon=True),
                         threading.Thread(target=self._watch, args=(watcher,), name="tryggest-watch", daemon=True)]
        for thread in self._threads:
            thread.start()
        return self.url

    def _watch(self, watcher: Watcher) -> None:
        while not self._stop.wait(self.poll_seconds):
            changed = watcher.poll()
            # Editors often save in several steps; wait until the files are quiet, then build once.
            while changed and not self._stop.wait(self.poll_seconds):
                more = watcher.poll()
                if not more:
                    break
                changed |= more
            if changed and not self._stop.is_set():
                self.live.rebuild(changed)

    def wait(self) -> None:
        """Block until ``stop`` (from another thread) or Ctrl+C."""
        while not self._stop.wait(0.5):
            pass

    def stop(self) -> None:
        self._stop.set()
        self.server.shutdown()
        self.server.server_close()
        for thread in self._threads:
            thread.join(timeout=30)
