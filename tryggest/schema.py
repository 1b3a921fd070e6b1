"""JSON Schemas of the YAML files, made from the data model, for editors.

Each YAML file starts with ``# yaml-language-server: $schema=...`` pointing at one of these files,
so VS Code (with the YAML extension) and other editors complete keys, list allowed values and
underline mistakes while the file is typed. The files are committed; ``tryggest schema --check``
fails when they no longer match the model.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .model import LanguageMeta, Municipality, NationalFile, PortalFile

SCHEMA_DIR = "schema"
JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"

# Schema file -> (model, what the file is for).
SCHEMAS: dict[str, tuple[type[BaseModel], str]] = {
    "municipalities.schema.json": (PortalFile, "TryggEst: municipalities.yml (the portal)"),
    "municipality.schema.json": (Municipality, "TryggEst: content/municipalities/<id>.yml (one municipality)"),
    "national.schema.json": (NationalFile, "TryggEst: content/national.yml (national numbers)"),
    "language.schema.json": (LanguageMeta, "TryggEst: content/<lang>/meta.yml (a language and its review status)"),
}


def schema_text(model: type[BaseModel], title: str) -> str:
    """The schema as stable text: sorted keys, two-space indent, one trailing newline."""
    schema: dict[str, Any] = model.model_json_schema(by_alias=True, mode="validation")
    schema["$schema"] = JSON_SCHEMA_DIALECT
    schema["title"] = title
    if model is Municipality:
        # A member of a region with a shared phone leaves 'contact' out; the loader fills it in.
        schema["required"] = [key for key in schema["required"] if key != "contact"]
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def expected_schemas() -> dict[str, str]:
    return {name: schema_text(model, title) for name, (model, title) in SCHEMAS.items()}


def write_schemas(root: Path) -> list[Path]:
    """Write every schema file that differs from the model; return the files written."""
    folder = root / SCHEMA_DIR
    folder.mkdir(exist_ok=True)
    written = []
    for name in stale_schemas(root):
        path = folder / name
        path.write_text(expected_schemas()[name], encoding="utf-8", newline="\n")
        written.append(path)
    return written


def stale_schemas(root: Path) -> list[str]:
    """Names of schema files that are missing or do not match the model."""
    stale = []
    for name, text in expected_schemas().items():
        path = root / SCHEMA_DIR / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            stale.append(name)
    return stale
