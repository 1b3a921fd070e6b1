"""A synthetic portal of N municipalities with realistic names (æøå, Sami letters, long names).

Used by ``scripts/bench`` only; the data is fictitious and every municipality is ``example: true``.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

COUNTIES = ["Agder", "Akershus", "Buskerud", "Finnmark", "Innlandet", "Møre og Romsdal", "Nordland", "Oslo",
            "Rogaland", "Telemark", "Troms", "Trøndelag", "Vestfold", "Vestland", "Østfold"]
FIRST = ["Å", "Ør", "Sør", "Nor", "Vest", "Øst", "Bjør", "Fjæ", "Lå", "Kår", "Guov", "Dál", "Stor", "Hå", "Sæ",
         "Mø", "Tys", "Snå", "Rø", "Lyng"]
SECOND = ["sen", "dal", "fjord", "vik", "nes", "øy", "åsen", "ŋa", "šjohka", "đusa", "strand", "berg", "heim",
          "ŧa", "eidet", "land", "bø", "kvam", "sand", "elv"]
PREFIX = ["", "", "", "Nordre ", "Søndre ", "Østre ", "Vestre ", "Øvre "]
SHARED = ("mkdocs.yml", "overrides", "content/nb", "content/nn", "content/en", "content/se", "content/national.yml",
          "build/docs/.gitignore")


def slug(name: str) -> str:
    table = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "á": "a", "č": "c", "đ": "d", "ŋ": "n", "š": "s",
                           "ŧ": "t", "ž": "z", " ": "-"})
    return name.lower().translate(table)


def names(count: int, seed: int = 1) -> list[str]:
    rng = random.Random(seed)
    out: list[str] = []
    while len(out) < count:
        name = rng.choice(PREFIX) + rng.choice(FIRST) + rng.choice(SECOND)
        if rng.random() < 0.05:
            name += "-" + rng.choice(FIRST) + rng.choice(SECOND) + " og " + rng.choice(FIRST) + rng.choice(SECOND)
        if name not in out and slug(name) not in {slug(n) for n in out}:
            out.append(name)
    return out


def write_portal(repo: Path, target: Path, count: int) -> list[str]:
    """Copy the texts and theme of ``repo`` and write ``count`` synthetic municipalities, plus one
    city district (bydel) per 30 of them and one region per county; return the ids."""
    for item in SHARED:
        source = repo / item
        if source.is_dir():
            shutil.copytree(source, target / item, dirs_exist_ok=True)
        else:
            (target / item).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / item)
    ids = []
    folder = target / "content/municipalities"
    folder.mkdir(parents=True, exist_ok=True)
    districts = count // 30
    by_county: dict[str, list[str]] = {}
    for number, name in enumerate(names(count + districts), start=1):
        district = number > count
        mid = slug(f"Bydel {name}" if district else name)
        ids.append(mid)
        yaml = municipality_yaml(mid, f"Bydel {name}" if district else name, number, district)
        (folder / f"{mid}.yml").write_text(yaml, encoding="utf-8")
        by_county.setdefault(county_of(number, district), []).append(mid)
    listing = "\n".join(f"  - {mid}" for mid in ids)
    regions = "".join(f"  - id: {slug('region-' + county)}\n    name: Regionsamarbeidet i {county}\n"
                      f"    members: [{', '.join(members[:5])}]\n"
                      for county, members in sorted(by_county.items()) if len(members) >= 2)
    (target / "municipalities.yml").write_text(
        "portal:\n  base_url: https://tryggest.example.no/\n  languages: [nb, nn, en]\n  print_date: 2026-11-22\n"
        + (f"regions:\n{regions}" if regions else "") + f"municipalities:\n{listing}\n", encoding="utf-8")
    return ids


def county_of(number: int, district: bool) -> str:
    return "Oslo" if district else COUNTIES[number % len(COUNTIES)]


def municipality_yaml(mid: str, name: str, number: int, district: bool = False) -> str:
    county = county_of(number, district)
    kind = "kind: bydel" if district else f'kind: kommune\nnumber: "{1000 + number:04d}"'
    return f"""id: {mid}
name: {name}
{kind}
county: {county}
example: true
contact:
  phone: "+47 00 00 {number // 100:02d} {number % 100:02d}"
  hours:
    - {{days: mon-fri, open: "09:00", close: "15:00"}}
team:
  coordinator: {{unit: Helse og omsorg}}
  members: [Hjemmetjenesten, Sykehjemmet, Rus og psykisk helse, NAV, Legevakten]
  meets: {{every_days: 30}}
  launched: 2025-01-06
local_help:
  - {{kind: krisesenter, name: Krisesenteret i {county}, phone: "+47 00 00 61 10", open_all_hours: true}}
campaign:
  launch: 2026-01-05
  placements:
    - {{where: Rådhuset, product: poster-a3, copies: 4}}
    - {{where: Fastlegekontorer, product: card, copies: 300}}
"""
