"""Page weights and Lighthouse figures for the four pages the targets name: a municipality's home
page, a violence-type page, an English page and the portal's front page.

Lighthouse is an npm devDependency (``scripts/setup`` installs it; it brings no browser of its
own): it runs as on a mid-range phone on a slow 4G line (its default mobile settings) against
Debian's Chromium, on the site served compressed from 127.0.0.1. Without it, only the weights
are printed.
"""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Callable
from pathlib import Path

from .weight import FIRST_VISIT_BUDGET, LATER_PAGE_BUDGET, serve_compressed, weights

CHROMIUM = Path("/usr/bin/chromium")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update"


def sample_pages(site: Path, default_language: str = "nb") -> dict[str, str]:
    """The four pages, as paths in ``site``: the first municipality (by name) with a violence page."""
    homes = sorted(p.parent.parent.parent for p in site.glob("*/vold/fysisk/index.html"))
    if not homes:
        raise ValueError(f"{site} has no municipality with a violence-type page")
    municipality = homes[0].name
    english = next((f"en/{p.parent.parent.parent.name}/" for p in sorted(site.glob("en/*/vold/fysisk/index.html"))), None)
    pages = {"municipality home": f"{municipality}/", "violence type": f"{municipality}/vold/fysisk/", "portal front": ""}
    if english:
        pages["English page"] = english
    return pages


def report(repo: Path, site: Path, line: Callable[[str, str], None]) -> None:
    pages = sample_pages(site)
    for label, path in pages.items():
        later = pages["violence type"] if label != "violence type" else pages["municipality home"]
        weight = weights(site, path, later)
        line(f"weight, {label} (/{path})", f"first visit {weight.first_visit / 1024:.1f} KiB, then /{later} "
             f"{weight.later_page / 1024:.1f} KiB, gzip (targets <= {FIRST_VISIT_BUDGET // 1024} and "
             f"<= {LATER_PAGE_BUDGET // 1024} KiB)")
    binary = repo / "node_modules/.bin/lighthouse"
    if not binary.is_file() or not CHROMIUM.is_file():
        line("Lighthouse", "not installed (./scripts/setup installs it with npm); no figures")
        return
    with serve_compressed(site) as base:
        for label, path in pages.items():
            line(f"Lighthouse mobile, {label}", _lighthouse(binary, base + path))


def _lighthouse(binary: Path, url: str) -> str:
    done = subprocess.run([str(binary), url, "--output=json", "--quiet", f"--only-categories={','.join(CATEGORIES)}",
                           f"--chrome-flags={CHROME_FLAGS}"], capture_output=True, text=True, timeout=300, check=False,
                          env={**os.environ, "CHROME_PATH": str(CHROMIUM)})
    if done.returncode != 0:
        return f"failed: {done.stderr.strip().splitlines()[-1] if done.stderr.strip() else done.returncode}"
    result = json.loads(done.stdout)
    scores = " ".join(f"{name} {result['categories'][name]['score']:.2f}" for name in CATEGORIES)
    audits = result["audits"]
    fcp = audits["first-contentful-paint"]["numericValue"] / 1000
    lcp = audits["largest-contentful-paint"]["numericValue"] / 1000
    return f"{scores}; FCP {fcp:.2f} s, LCP {lcp:.2f} s, TBT {audits['total-blocking-time']['numericValue']:.0f} ms"
