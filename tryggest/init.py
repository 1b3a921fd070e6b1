"""``tryggest init <folder>``: a new portal for one municipality, without the demo data.

The folder gets the generator, the theme, the page texts, the national numbers and the schemas
from this tool, then a ``municipalities.yml`` that lists only the new municipality and no regions,
and that municipality's file made as ``tryggest new`` makes it. Everything is put together in a
scratch folder beside the target and checked there; the target is only created (or filled, when it
is an empty folder) once the new portal loads cleanly.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from datetime import date
from pathlib import Path

from .load import PORTAL_FILE, load_project
from .model import LANGUAGES
from .problems import InputError, Problem
from .scaffold import NewMunicipality, create_municipality

TOOL_ROOT = Path(__file__).resolve().parent.parent
# What a portal needs to build and publish itself; the demo municipalities and the tests stay behind.
COPIED = ("tryggest", "overrides", "schema", *(f"content/{lang}" for lang in LANGUAGES),
          "content/national.yml", "content/README.md", "docs/guide", "mkdocs.yml", "pyproject.toml",
          "requirements.in", "requirements-dev.in", "requirements.lock", "package.json", "package-lock.json",
          "scripts/setup", "scripts/build", ".gitignore", "build/docs/.gitignore")
SKIPPED = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")

PORTAL_TEMPLATE = """# yaml-language-server: $schema=schema/municipalities.schema.json
# Nettstedet: adressen det publiseres på, språkene og kommunen det bygger.
portal:
  title: TryggEst
  base_url: {base_url}   # adressen nettstedet publiseres på, med / til slutt; QR-kodene peker hit
  languages: [nb, nn, en]   # det første språket er standard
  exit_url: https://www.yr.no/   # hvor Forlat siden-knappen går: en nøytral side
  print_date: {print_date}   # trykkes på alt materiell; endre den når du trykker på nytt
municipalities: []
"""

README_TEMPLATE = """# TryggEst {name}

Nettstedet, trykkfilene og lysbildene for TryggEst i {name}, laget fra
`content/municipalities/{id}.yml`.

```sh
./scripts/build                          # bygger alt inn i site/
.venv/bin/tryggest check --publish       # sjekker at alt er klart til å publiseres
```

Veiledning: [docs/guide/nb.md](docs/guide/nb.md) (English: [docs/guide/en.md](docs/guide/en.md)).
"""


def init_portal(target: Path, new: NewMunicipality, base_url: str, today: date) -> Path:
    """Make the portal in ``target``; return the municipality's file. Raise InputError and leave
    ``target`` as it was on any problem."""
    refuse_used_folder(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=f".{target.name}-", dir=target.parent) as scratch_name:
        scratch = Path(scratch_name) / "portal"
        _copy_tool(scratch)
        # json.dumps gives a double-quoted YAML string, safe for any address typed.
        portal = PORTAL_TEMPLATE.format(base_url=json.dumps(base_url), print_date=today.isoformat())
        (scratch / PORTAL_FILE).write_text(portal, encoding="utf-8", newline="\n")
        (scratch / "README.md").write_text(README_TEMPLATE.format(name=new.name, id=new.id), encoding="utf-8")
        created = create_municipality(scratch, new)
        load_project(scratch)
        if target.exists():
            target.rmdir()
        scratch.rename(target)
    return target / created.relative_to(scratch)


def refuse_used_folder(target: Path) -> None:
    shown = target.as_posix()
    if target.is_file() or (target.is_dir() and any(target.iterdir())):
        raise InputError([Problem(shown, 1, 1, "", "the folder is not empty; give a new or empty folder "
                                                   "(nothing was changed)")])
    if not (TOOL_ROOT / "mkdocs.yml").is_file():
        raise InputError([Problem(shown, 1, 1, "", f"the tool's own files are missing in {TOOL_ROOT}; "
                                                   "run init from a copy of the TryggEst repository")])


def _copy_tool(scratch: Path) -> None:
    for name in COPIED:
        source, destination = TOOL_ROOT / name, scratch / name
        if source.is_dir():
            shutil.copytree(source, destination, ignore=SKIPPED)
        elif source.is_file():
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, destination)
    (scratch / "content/municipalities").mkdir(parents=True, exist_ok=True)
