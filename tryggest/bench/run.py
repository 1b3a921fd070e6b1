"""``scripts/bench``: how the generator performs on a national portal, measured in one run.

Prints: on the demo portal, the weight of a first visit and a later page and the Lighthouse figures
(``bench.pages``); on the synthetic portal, web build time and pages/s against the bare
MkDocs-Material floor on the same pages, HTML page sizes, render time per PDF and PNG, parallel
speed-up, no-change and one-changed rebuild times, and peak memory.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

from ..context import build_context
from ..load import load_project
from ..pipeline import BuildOptions, build, build_date, load_all_texts, write_markdown
from .memory import TreeMemory
from .pages import report as page_report
from .scale import Costs, projection, shared_text_edit
from .synthetic import write_portal

T = TypeVar("T")

BARE_MKDOCS = """site_name: Floor
docs_dir: docs
site_dir: site
theme:
  name: material
  font: false
nav:
  - nb/index.md
plugins:
  - search
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench", description=__doc__)
    parser.add_argument("--municipalities", type=int, default=357)
    parser.add_argument("--web-only", action="store_true",
                        help="only the website figures: no print files or images (minutes instead of hours)")
    parser.add_argument("--pages", action="store_true",
                        help="only the demo's page weights and Lighthouse figures (a minute or two)")
    parser.add_argument("--keep", action="store_true", help="keep the synthetic portal folder")
    args = parser.parse_args(argv)
    repo = Path(__file__).resolve().parents[2]
    work = Path(tempfile.mkdtemp(prefix="tryggest-bench-"))
    try:
        _demo_pages(repo, work / "demo")
        if not args.pages:
            run(repo, work, args.municipalities, args.web_only)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print(f"kept: {work}")
    return 0


def _demo_pages(repo: Path, out: Path) -> None:
    """The demo portal's website, built as ``tryggest build`` does, then its sample pages weighed and
    run through Lighthouse."""
    print("Demo portal: page weights and Lighthouse (mobile)")
    _time_web_only(repo, out)
    page_report(repo, out / "site", _line)


def run(repo: Path, work: Path, count: int, web_only: bool) -> None:
    portal = work / "portal"
    ids = write_portal(repo, portal, count)
    districts = len(ids) - count
    print(f"Synthetic portal: {count} municipalities and {districts} city district{'s' * (districts != 1)}, "
          f"nb/nn/en, {os.cpu_count()} cores")
    web_site = work / "web-only"
    web, web_memory = _measured(_time_web_only, portal, web_site)
    pages = [p for p in (web_site / "site").rglob("*.html")]
    _line("web build (pages, security, sitemap)", f"{web:.1f} s, {len(pages)} pages, {len(pages) / web:.0f} pages/s")
    floor = _bare_floor(portal, work / "floor")
    _line("bare MkDocs-Material floor, same pages", f"{floor:.1f} s; ratio {web / floor:.2f} (target <= 1.3)")
    _page_sizes(web_site / "site")
    _line("peak memory of the web build", web_memory)
    if web_only:
        return
    _files_and_rebuilds(portal, ids, floor, Costs(len(ids), 0, 0.0, len(pages), web))


def _files_and_rebuilds(portal: Path, ids: list[str], floor: float, web: Costs) -> None:
    site_dir = portal / "site"
    (full, rendered, timings), memory = _measured(_full_build, portal, site_dir)
    _line("full build (site and files)", f"{full:.1f} s, {rendered} files drawn")
    _render_times(timings)
    _speedup(portal)
    started = time.perf_counter()
    again = build(BuildOptions(portal, site_dir))
    _line("no-change rebuild", f"{time.perf_counter() - started:.1f} s (unchanged={again.unchanged}; target < 10 s)")
    _change_one(portal, ids[len(ids) // 2])
    started = time.perf_counter()
    changed = build(BuildOptions(portal, site_dir))
    _line("one municipality changed", f"{time.perf_counter() - started:.1f} s, {changed.manifest.rendered} files "
          "drawn (target < 30 s)")
    shared_text_edit(portal, site_dir, floor, _line)
    _line("peak memory of the full build", memory)
    drawn = sum(seconds for values in timings.values() for seconds in values)
    projection(Costs(web.municipalities, rendered, drawn, web.pages, web.web_seconds), _line)


def _full_build(portal: Path, site_dir: Path) -> tuple[float, int, dict[str, list[float]]]:
    started = time.perf_counter()
    result = build(BuildOptions(portal, site_dir, force=True))
    return time.perf_counter() - started, result.manifest.rendered, result.manifest.timings


def _measured(task: Callable[..., T], *args: Any) -> tuple[T, str]:
    """``task(*args)`` in a fresh process, with the peak memory of that process and all its workers
    together. Measured in this process, a build's workers would be mixed up with the floor's MkDocs
    and the other builds."""
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(_with_peaks, task, *args).result()


def _with_peaks(task: Callable[..., T], *args: Any) -> tuple[T, str]:
    with TreeMemory() as together:
        result = task(*args)
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if not together.available:
        return result, f"main process {own:.0f} MB (no /proc here: workers not counted)"
    # A page shared by a forked worker and its parent counts once in the sum (PSS), twice in two peaks.
    # The file workers are the fork server's children: the kernel's peak for this process's children
    # never sees them, the sum over the process tree does.
    return result, (f"{together.peak_mb:.0f} MB, all {together.peak_processes} processes together at their peak "
                    f"(target < 1536 MB); the main process alone at most {own:.0f} MB")


def _line(label: str, value: str) -> None:
    print(f"  {label:<42} {value}", flush=True)


def _time_web_only(portal: Path, out: Path) -> float:
    """The website as ``tryggest build`` makes it (pages, Content-Security-Policy, sitemap, headers),
    without print files and images."""
    from ..engine.material import build_site
    from ..manifest import Manifest
    from ..pipeline import secure, site_renderers
    from ..theme_context import theme_data
    from ..urls import site_languages

    started = time.perf_counter()
    project = load_project(portal)
    site = build_context(project, load_all_texts(project), build_date(project))
    write_markdown(site, out)
    policies = build_site(portal, out / "docs", out / "site", theme_data(site), site_languages(site))
    secure([], out / "site", policies)
    for renderer in site_renderers():
        renderer.render(site, Manifest(), out / "site")
    return time.perf_counter() - started


def _bare_floor(portal: Path, out: Path) -> float:
    """The same Markdown pages built by plain MkDocs-Material: the fastest this engine can go."""
    docs = portal.parent / "web-only" / "docs"
    shutil.copytree(docs, out / "docs")
    (out / "mkdocs.yml").write_text(BARE_MKDOCS, encoding="utf-8")
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=out, check=True,
                   env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    return time.perf_counter() - started


def _page_sizes(site_dir: Path) -> None:
    front = {site_dir / "index.html", *(site_dir / lang / "index.html" for lang in ("nn", "en", "se"))}
    sizes = sorted((p.stat().st_size, p) for p in site_dir.rglob("*.html") if p not in front and "filer" not in p.parts)
    front_size = max(p.stat().st_size for p in front if p.is_file())
    _line("HTML page size, median / largest", f"{statistics.median(s for s, _ in sizes) / 1024:.1f} KB / "
          f"{sizes[-1][0] / 1024:.1f} KB ({sizes[-1][1].relative_to(site_dir)}; target <= 40 KB)")
    _line("front page size", f"{front_size / 1024:.1f} KB (target < 150 KB)")


def _render_times(timings: dict[str, list[float]]) -> None:
    for kind, values in sorted(timings.items()):
        _line(f"render {kind}", _spread(values))
    for file_type, target in (("pdf", " (target: median < 0.25 s)"), ("png", "")):
        every = [v for kind, values in timings.items() if kind.startswith(f"{file_type}/") for v in values]
        if every:
            _line(f"render every {file_type.upper()}", _spread(every) + target)


def _spread(values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    return f"median {statistics.median(ordered):.3f} s, p95 {p95:.3f} s, n={len(ordered)}"


def _speedup(portal: Path) -> None:
    from ..artifacts import produce
    from ..pipeline import artifact_jobs

    project = load_project(portal)
    site = build_context(project, load_all_texts(project), build_date(project))
    jobs = artifact_jobs(site)[:48]
    if not jobs:
        _line("parallel speed-up", "no artifact jobs")
        return
    seconds = []
    for workers in (1, 2):
        started = time.perf_counter()
        produce(jobs, portal.parent / f"speedup-{workers}", None, workers=workers)
        seconds.append(time.perf_counter() - started)
    _line("parallel speed-up, 2 cores", f"{seconds[0] / seconds[1]:.2f}x on {len(jobs)} files (target >= 1.7)")


def _change_one(portal: Path, mid: str) -> None:
    path = portal / "content/municipalities" / f"{mid}.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('open: "09:00"', 'open: "08:30"'), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
