#!/usr/bin/env python3
"""Time the slide engine: draw every slide and image of the demo portal, without the cache.

    .venv/bin/python scripts/bench_slides.py

Prints the median and 95th percentile per image, as CPU time (what the engine costs) and as wall
time (what it costs on this machine right now, with whatever else is running).
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tryggest.pipeline import check  # noqa: E402
from tryggest.render.slides.colours import palette_for  # noqa: E402
from tryggest.render.slides.content import portal_texts, slide_texts, social_texts, spec  # noqa: E402
from tryggest.render.slides.draw import ImageSpec, draw  # noqa: E402
from tryggest.render.slides.layouts import ORIENTATIONS  # noqa: E402


def demo_specs() -> list[ImageSpec]:
    site = check(ROOT)
    specs = []
    for local in site.locals:
        palette, _ = palette_for(local.municipality.branding.accent)
        for kind, texts in slide_texts(site, local).items():
            specs += [spec(f"{kind}-{o}", kind, o, palette, texts) for o in ORIENTATIONS]
        social = social_texts(site, local)
        specs += [spec("post", "post", "post", palette, social["post"]), spec("og", "og", "og", palette, social["og"])]
    palette, _ = palette_for("#005a8c")
    specs += [spec(f"portal-{lang}", "portal-og", "og", palette, portal_texts(site, lang)) for lang in site.texts]
    return specs


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    specs = demo_specs()
    draw(specs[0])  # load the fonts once, outside the measurement
    cpu, wall = [], []
    for image in specs:
        c, w = time.process_time(), time.perf_counter()
        draw(image)
        cpu.append(time.process_time() - c)
        wall.append(time.perf_counter() - w)
    print(f"{len(specs)} images drawn")
    for label, values in (("cpu", cpu), ("wall", wall)):
        print(f"{label:>4}: median {statistics.median(values) * 1000:.0f} ms, p95 {percentile(values, 0.95) * 1000:.0f} ms, "
              f"max {max(values) * 1000:.0f} ms, total {sum(values):.1f} s")


if __name__ == "__main__":
    main()
