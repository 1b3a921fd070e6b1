"""One of N parts of the portal, for a build spread over the jobs of a CI matrix.

A shard holds whole municipalities: their pages in every language and their drawn files. Every
shard also builds the shared pages (portal front pages, regions, sitemap, web fonts), which are
small; ``tryggest merge`` keeps one copy of them and joins the rest (see ``tryggest.merge``).

The parts are chosen the same way on every machine, from the input alone, so that N jobs that
never talk to each other still cover every municipality exactly once.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .context import SiteContext
from .problems import InputError, Problem

MANIFEST = ".tryggest-shard.json"


@dataclass(frozen=True)
class Shard:
    number: int     # 1-based: the K of K/N
    count: int      # N

    @property
    def label(self) -> str:
        return f"{self.number}-of-{self.count}"

    def __str__(self) -> str:
        return f"{self.number}/{self.count}"


def parse_shard(text: str) -> Shard:
    """``K/N`` as given on the command line; argparse turns the error into exit 2 with the message."""
    number, slash, count = text.partition("/")
    if not slash or not number.isdigit() or not count.isdigit():
        raise argparse.ArgumentTypeError(f"'{text}' is not K/N, e.g. 2/8")
    shard = Shard(int(number), int(count))
    if not 1 <= shard.number <= shard.count:
        raise argparse.ArgumentTypeError(f"'{text}': K must be between 1 and N")
    return shard


def municipality_costs(site: SiteContext) -> dict[str, int]:
    """What a municipality costs to build: its pages over all its languages.

    The drawn files follow the pages: a language with the core scope has the core pages and only
    the core print files, so the page count weighs both.
    """
    costs: dict[str, int] = {}
    for local in site.locals:
        mid = local.municipality.id
        costs[mid] = costs.get(mid, 0) + len(local.pages)
    return costs


def partition(costs: dict[str, int], count: int) -> list[list[str]]:
    """``count`` parts of about equal cost: the dearest municipality first, each to the cheapest
    part so far (the lowest-numbered one on a tie). The order is fixed by cost, then id."""
    parts: list[list[str]] = [[] for _ in range(count)]
    loads = [0] * count
    for mid in sorted(costs, key=lambda mid: (-costs[mid], mid)):
        cheapest = loads.index(min(loads))
        parts[cheapest].append(mid)
        loads[cheapest] += costs[mid]
    return [sorted(part) for part in parts]


def members(site: SiteContext, shard: Shard) -> frozenset[str]:
    return frozenset(partition(municipality_costs(site), shard.count)[shard.number - 1])


def write_manifest(site_dir: Path, shard: Shard, municipalities: frozenset[str], everyone: list[str],
                   inputs: str) -> None:
    """What ``merge`` checks: which part this is, of what, built from which inputs."""
    data = {"shard": shard.number, "count": shard.count, "municipalities": sorted(municipalities),
            "all": sorted(everyone), "inputs": inputs}
    temp = site_dir / f"{MANIFEST}.new"
    temp.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    temp.replace(site_dir / MANIFEST)


def read_manifest(part: Path) -> dict[str, Any]:
    path = part / MANIFEST
    if not path.is_file():
        raise InputError([Problem(part.as_posix(), 1, 1, "", f"not a shard: no {MANIFEST} "
                                  "(build it with: tryggest build --shard K/N --site-dir FOLDER)")])
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data
