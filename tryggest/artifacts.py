"""Rendering costly files (PDF, PNG) in parallel, each at most once for the same inputs.

A job says what its output depends on (``key``) and how to make it (``render``: a module-level
function of a picklable payload that returns ``{relative path: bytes}``). Outputs are cached under
a hash of the key, the job's kind and the source of the module that renders it, so a changed
input or changed code always renders anew and an unchanged one never does.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import inspect
import json
import os
import shutil
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

RenderFunction = Callable[[Any], dict[str, bytes]]
Timings = list[tuple[str, float]]
_parts: Timings = []  # filled by ``timed_part`` in whichever process runs the job


@dataclass(frozen=True)
class Job:
    kind: str                 # "pdf/brochure", "png/slide": groups timings in the benchmark
    key: Any                  # JSON-able: everything the output depends on
    render: RenderFunction
    payload: Any


@dataclass
class Report:
    rendered: int = 0
    reused: int = 0
    seconds: dict[str, list[float]] = field(default_factory=dict)

    def add(self, timings: Timings) -> None:
        self.rendered += 1
        for kind, seconds in timings:
            self.seconds.setdefault(kind, []).append(seconds)


class Cache:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def key(self, job: Job) -> str:
        digest = hashlib.sha256()
        digest.update(job.kind.encode())
        digest.update(_code_fingerprint(job.render).encode())
        digest.update(json.dumps(job.key, sort_keys=True, default=str, ensure_ascii=False).encode())
        return digest.hexdigest()

    def get(self, key: str) -> dict[str, Path] | None:
        entry = self.folder / key[:2] / key
        if not (entry / ".complete").is_file():
            return None
        return {p.relative_to(entry).as_posix(): p for p in sorted(entry.rglob("*")) if p.is_file() and p.name != ".complete"}

    def put(self, key: str, files: dict[str, bytes]) -> None:
        entry = self.folder / key[:2] / key
        temp = entry.with_name(f".{key}.{os.getpid()}")
        shutil.rmtree(temp, ignore_errors=True)
        for relative, data in files.items():
            (temp / relative).parent.mkdir(parents=True, exist_ok=True)
            (temp / relative).write_bytes(data)
        (temp / ".complete").write_bytes(b"")
        shutil.rmtree(entry, ignore_errors=True)
        os.replace(temp, entry)


def _code_fingerprint(render: RenderFunction) -> str:
    """The renderer's name plus a hash of the whole package's code and templates.

    Any edit to the generator invalidates the cache: slower after an upgrade, never stale.
    """
    return f"{render.__module__}.{render.__qualname__}:{package_fingerprint()}"


@functools.cache
def package_fingerprint() -> str:
    folder = Path(inspect.getfile(sys.modules[__package__ or "tryggest"])).parent
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            digest.update(path.relative_to(folder).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def produce(jobs: Iterable[Job], out: Path, cache: Cache | None, workers: int = 0, progress: bool = False) -> Report:
    """Write every job's files under ``out``; reuse cached outputs; render the rest on ``workers`` cores."""
    report = Report()
    todo: list[tuple[Job, str]] = []
    for job in jobs:
        key = cache.key(job) if cache else ""
        cached = cache.get(key) if cache else None
        if cached is None:
            todo.append((job, key))
            continue
        report.reused += 1
        for relative, path in cached.items():
            _place(path, out / relative)
    for _job, key, files, timings in _render_all(todo, workers or (os.cpu_count() or 1), progress):
        report.add(timings)
        if cache:
            cache.put(key, files)
        for relative, data in files.items():
            target = out / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    return report


def _place(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)  # same disk: no copy; outputs are replaced, never edited in place
    except OSError:
        shutil.copyfile(source, target)


@contextlib.contextmanager
def timed_part(kind: str) -> Iterator[None]:
    """Time one file of a job on its own, under ``kind`` ("pdf/card", "png/preview").

    A print job makes a PDF and its PNG preview; the benchmark reports each file type separately.
    """
    start = time.perf_counter()
    yield
    _parts.append((kind, time.perf_counter() - start))


def _timed(job: Job) -> tuple[dict[str, bytes], Timings]:
    _parts.clear()
    start = time.perf_counter()
    files = job.render(job.payload)
    return files, list(_parts) or [(job.kind, time.perf_counter() - start)]


BATCH = 4
JOBS_PER_WORKER = 400


def _render_all(todo: list[tuple[Job, str]], workers: int, progress: bool
                ) -> Iterable[tuple[Job, str, dict[str, bytes], Timings]]:
    bar = _progress(len(todo), progress)
    if workers <= 1 or len(todo) < 2:
        for job, key in todo:
            files, timings = _timed(job)
            bar.update(1)
            yield job, key, files, timings
    else:
        # A worker that has drawn many files holds on to memory (WeasyPrint's caches; on the national
        # portal a worker reached 961 MB), so a fresh set of workers draws each slice of the work.
        # Forked workers start in milliseconds.
        size = workers * JOBS_PER_WORKER
        for start in range(0, len(todo), size):
            part = todo[start:start + size]
            with ProcessPoolExecutor(max_workers=workers) as pool:
                drawn = pool.map(_timed, [job for job, _ in part], chunksize=BATCH)
                for (job, key), (files, timings) in zip(part, drawn, strict=True):
                    bar.update(1)
                    yield job, key, files, timings
    bar.close()


def _progress(total: int, enabled: bool) -> Any:
    from tqdm import tqdm

    # Quiet in CI and when output is not a terminal: a progress bar there is only noise.
    quiet = not enabled or os.environ.get("CI") == "true" or not sys.stderr.isatty() or total < 20
    return tqdm(total=total, disable=quiet, unit="file", desc="Rendering", leave=False)
