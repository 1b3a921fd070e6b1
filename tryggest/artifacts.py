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
import multiprocessing
import multiprocessing.context
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


COMPLETE = ".complete"   # written last into a cache entry: the entry is whole, and these are its files


class Cache:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def key(self, job: Job) -> str:
        digest = hashlib.sha256()
        digest.update(job.kind.encode())
        digest.update(_code_fingerprint(job.render).encode())
        digest.update(_canonical(job.key))
        return digest.hexdigest()

    def get(self, key: str) -> dict[str, Path] | None:
        entry = self.folder / key[:2] / key
        try:
            listed = (entry / COMPLETE).read_text(encoding="utf-8")
        except OSError:
            return None
        # The marker lists the entry's files, so a look-up is one read, not a walk of the folder
        # (a national portal looks up some 20,000 entries on every build).
        names = listed.splitlines() or sorted(p.relative_to(entry).as_posix() for p in entry.rglob("*")
                                              if p.is_file() and p.name != COMPLETE)
        return {name: entry / name for name in names}

    def put(self, key: str, files: dict[str, bytes]) -> None:
        entry = self.folder / key[:2] / key
        temp = entry.with_name(f".{key}.{os.getpid()}")
        shutil.rmtree(temp, ignore_errors=True)
        for relative, data in files.items():
            (temp / relative).parent.mkdir(parents=True, exist_ok=True)
            (temp / relative).write_bytes(data)
        (temp / COMPLETE).write_text("".join(f"{relative}\n" for relative in sorted(files)), encoding="utf-8")
        shutil.rmtree(entry, ignore_errors=True)
        os.replace(temp, entry)


def content_digest(value: Any) -> str:
    """A hash of JSON-able ``value``, for a job key: data that several jobs of one municipality share
    (its texts, its print data) is written out once and each job's key holds this digest instead."""
    return hashlib.sha256(_canonical(value)).hexdigest()


def _canonical(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, default=str, ensure_ascii=False).encode()


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
    folders = _Folders()
    for job in jobs:
        key = cache.key(job) if cache else ""
        cached = cache.get(key) if cache else None
        if cached is None:
            todo.append((job, key))
            continue
        report.reused += 1
        for relative, path in cached.items():
            _place(path, folders.made(out / relative))
    for _job, key, files, timings in _render_all(todo, workers or (os.cpu_count() or 1), progress):
        report.add(timings)
        if cache:
            cache.put(key, files)
        for relative, data in files.items():
            folders.made(out / relative).write_bytes(data)
    return report


class _Folders:
    """Makes each output folder once: thousands of files go into a few hundred folders."""

    def __init__(self) -> None:
        self._made: set[Path] = set()

    def made(self, target: Path) -> Path:
        """``target``, with its folder in place."""
        if target.parent not in self._made:
            target.parent.mkdir(parents=True, exist_ok=True)
            self._made.add(target.parent)
        return target


def _place(source: Path, target: Path) -> None:
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
# Loaded once by the process that starts the file workers, so each worker begins with them in memory.
WORKER_MODULES = ("tryggest.render.print.renderer", "tryggest.render.slides.renderer", "tryggest.render.campaign",
                  "weasyprint", "PIL.Image")


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
        # Workers come from a fork server, not from this process: a forked copy of this process would
        # carry the whole portal's context, which a worker never needs (each job brings its payload).
        size = workers * JOBS_PER_WORKER
        context = _worker_context({job.render.__module__ for job, _ in todo})
        for start in range(0, len(todo), size):
            part = todo[start:start + size]
            with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
                drawn = pool.map(_timed, [job for job, _ in part], chunksize=BATCH)
                for (job, key), (files, timings) in zip(part, drawn, strict=True):
                    bar.update(1)
                    yield job, key, files, timings
    bar.close()


def _worker_context(modules: set[str]) -> multiprocessing.context.BaseContext:
    """The fork server, started once per process with the render modules loaded; where there is none
    (not on Linux), a plain new process per worker."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(sorted({*WORKER_MODULES, *modules}))
    return context


def _progress(total: int, enabled: bool) -> Any:
    from tqdm import tqdm

    # Quiet in CI and when output is not a terminal: a progress bar there is only noise.
    quiet = not enabled or os.environ.get("CI") == "true" or not sys.stderr.isatty() or total < 20
    return tqdm(total=total, disable=quiet, unit="file", desc="Rendering", leave=False)
