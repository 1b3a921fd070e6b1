"""Benchmark figures past one machine: a shared text edit against the bare engine, the cost of
checking the drawn files' cache, and the first national build projected over N machines.

The projection uses only what this run measured: the seconds each drawn file took in a worker and
the web build's seconds per page, scaled from the synthetic portal to the national one.
"""

from __future__ import annotations

import math
import os
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..artifacts import Cache, produce
from ..context import build_context
from ..load import load_project
from ..pipeline import CACHE_DIR, BuildOptions, artifact_jobs, build, build_date, load_all_texts

NATIONAL = 357 + 11      # municipalities and city districts
MACHINES = (1, 2, 4, 8, 16)
EDITED_PAGE = "content/nb/pages/teamet.md"

Line = Callable[[str, str], None]


@dataclass(frozen=True)
class Costs:
    """Measured on the synthetic portal of ``municipalities``."""

    municipalities: int
    files: int               # drawing jobs in the full build (a job makes a file and its preview, or a print kit)
    file_seconds: float      # worker seconds, all files together
    pages: int
    web_seconds: float       # the web build (pages, security, sitemap), all pages


def shared_text_edit(portal: Path, site_dir: Path, floor: float, line: Line) -> None:
    """Edit one page text every municipality shares, rebuild, and compare with the bare engine.

    A shared edit means a full build of the pages; every drawn file should come from the cache.
    """
    page = portal / EDITED_PAGE
    page.write_text(page.read_text(encoding="utf-8") + "\nEn ny setning i en felles tekst.\n", encoding="utf-8")
    started = time.perf_counter()
    result = build(BuildOptions(portal, site_dir))
    seconds = time.perf_counter() - started
    line("shared text edited, rebuild", f"{seconds:.1f} s, {result.manifest.rendered} files drawn, "
         f"{result.manifest.reused} from the cache")
    line("text-edit ratio to bare MkDocs, 1 process", f"{seconds / floor:.2f} (target <= 1.3; floor {floor:.1f} s)")
    line("cache check of every drawn file", cache_check(portal))


def cache_check(portal: Path) -> str:
    """The time to find every drawn file in the cache and place it, as a build does."""
    project = load_project(portal)
    site = build_context(project, load_all_texts(project), build_date(project))
    with tempfile.TemporaryDirectory(dir=portal) as out:
        started = time.perf_counter()
        jobs = artifact_jobs(site)
        made = time.perf_counter()
        report = produce(jobs, Path(out), Cache(portal / CACHE_DIR))
        done = time.perf_counter()
    return (f"{done - started:.2f} s for {report.reused} jobs ({made - started:.2f} s making the jobs, "
            f"{done - made:.2f} s looking up and linking; {report.rendered} missed)")


def projection(costs: Costs, line: Line, cores: int | None = None) -> None:
    """The first national build on N machines of ``cores`` cores, each building 1/N of the portal."""
    cores = cores or os.cpu_count() or 1
    scale = NATIONAL / costs.municipalities
    files, pages = costs.files * scale, costs.pages * scale
    per_file = costs.file_seconds / max(costs.files, 1)
    per_page = costs.web_seconds / max(costs.pages, 1)
    line("measured cost per drawing job / per page", f"{per_file:.3f} s of one core / {per_page * 1000:.1f} ms "
         f"(national: {files:.0f} jobs, {pages:.0f} pages)")
    for machines in MACHINES:
        share = math.ceil(NATIONAL / machines) / NATIONAL
        seconds = share * (files * per_file / cores + pages * per_page)
        line(f"projected first national build, {machines} machine{'s' * (machines != 1)}",
             f"{seconds / 60:.1f} min ({cores} cores each; without setup, upload and merge)")
