"""The JSON Schemas editors use: committed, up to date, pointed at by every YAML file, and in
agreement with the loader (the demo data passes, a typo is flagged)."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import REPO

from tryggest.cli import main
from tryggest.schema import SCHEMA_DIR, SCHEMAS, stale_schemas
from tryggest.source import StrictLoader

SCHEMA_COMMENT = re.compile(r"^# yaml-language-server: \$schema=(\S+)$")
YAML_FILES = ["municipalities.yml", "content/national.yml",
              *sorted(p.relative_to(REPO).as_posix() for p in (REPO / "content/municipalities").glob("*.yml"))]


def test_committed_schemas_match_the_model() -> None:
    assert stale_schemas(REPO) == [], "run: tryggest schema"
    assert main(["--root", str(REPO), "schema", "--check"]) == 0


def test_check_fails_on_a_stale_schema(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / SCHEMA_DIR).mkdir()
    for name in SCHEMAS:
        (tmp_path / SCHEMA_DIR / name).write_text((REPO / SCHEMA_DIR / name).read_text(encoding="utf-8"), encoding="utf-8")
    stale = tmp_path / SCHEMA_DIR / "municipality.schema.json"
    stale.write_text(stale.read_text(encoding="utf-8").replace('"kommune"', '"kommuna"'), encoding="utf-8")
    assert main(["--root", str(tmp_path), "schema", "--check"]) == 1
    assert "schema/municipality.schema.json does not match" in capsys.readouterr().err
    assert main(["--root", str(tmp_path), "schema"]) == 0
    assert main(["--root", str(tmp_path), "schema", "--check"]) == 0


def test_schema_text_is_deterministic() -> None:
    text = (REPO / SCHEMA_DIR / "municipality.schema.json").read_text(encoding="utf-8")
    assert text.endswith("}\n") and not text.endswith("\n\n")
    data = json.loads(text)
    assert text == json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    phone = data["$defs"]["Contact"]["properties"]["phone"]
    assert "TryggEst-nummeret" in phone["description"] and "EN:" in phone["description"]
    assert data["properties"]["kind"]["enum"] == ["kommune", "bydel"]
    assert data["additionalProperties"] is False


@pytest.mark.parametrize("relative", YAML_FILES)
def test_every_yaml_file_points_at_its_schema_and_passes_it(relative: str) -> None:
    path = REPO / relative
    first = path.read_text(encoding="utf-8").splitlines()[0]
    match = SCHEMA_COMMENT.match(first)
    assert match, f"{relative} must start with the yaml-language-server comment"
    schema_path = (path.parent / match[1]).resolve()
    assert schema_path.parent == (REPO / SCHEMA_DIR).resolve() and schema_path.name in SCHEMAS
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    assert validate(as_editor_sees(path), schema, schema) == []


def test_schema_flags_what_the_loader_refuses() -> None:
    schema = json.loads((REPO / SCHEMA_DIR / "municipality.schema.json").read_text(encoding="utf-8"))
    data = as_editor_sees(REPO / "content/municipalities/sandefjord.yml")
    data["contact"]["closed_on_public_holiday"] = True
    data["kind"] = "kommne"
    data["contact"]["hours"][0]["open"] = "9"
    errors = validate(data, schema, schema)
    assert "contact: unknown key closed_on_public_holiday" in errors
    assert "kind: 'kommne' not in ['kommune', 'bydel']" in errors
    # A rule is an entry or one line of text ("man-fre 9.00-14.00"); a bad entry matches neither.
    assert "contact.hours.0: matches no option" in errors
    data["contact"]["hours"] = ["man-fre 9.00-14.00", "lør 10.00-12.00"]
    assert not [e for e in validate(data, schema, schema) if e.startswith("contact.hours")]
    data["contact"]["hours"] = ["man-fre 9"]
    assert "contact.hours.0: matches no option" in validate(data, schema, schema)


def as_editor_sees(path: Path) -> Any:
    """The YAML as an editor's YAML 1.2 parser reads it: dates stay text."""
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=StrictLoader)
    return _dates_as_text(data)


def _dates_as_text(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _dates_as_text(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_dates_as_text(v) for v in value]
    return value.isoformat() if isinstance(value, date) else value


TYPES: dict[str, tuple[type, ...]] = {"string": (str,), "integer": (int,), "number": (int, float), "boolean": (bool,),
                                      "object": (dict,), "array": (list,), "null": (type(None),)}


def validate(value: Any, schema: dict[str, Any], root: dict[str, Any], at: str = "") -> list[str]:
    """A small JSON Schema check for the keywords the generated schemas use."""
    if "$ref" in schema:
        return validate(value, root["$defs"][schema["$ref"].rsplit("/", 1)[-1]], root, at)
    if "anyOf" in schema:
        tries = [validate(value, option, root, at) for option in schema["anyOf"]]
        return [] if any(not t for t in tries) else [f"{at}: matches no option"]
    kind = schema.get("type")
    if kind and (not isinstance(value, TYPES[kind]) or (kind in ("integer", "number") and isinstance(value, bool))):
        return [f"{at}: expected {kind}"]
    errors = []
    if "enum" in schema and value not in schema["enum"]:
        errors.append(f"{at}: {value!r} not in {schema['enum']}")
    if "pattern" in schema and not re.search(schema["pattern"], value):
        errors.append(f"{at}: {value!r} does not match")
    if len(value) < schema.get("minLength", schema.get("minItems", 0)) if isinstance(value, (str, list)) else False:
        errors.append(f"{at}: too short")
    if isinstance(value, dict):
        errors += _validate_object(value, schema, root, at)
    if isinstance(value, list) and "items" in schema:
        for i, item in enumerate(value):
            errors += validate(item, schema["items"], root, f"{at}.{i}".lstrip("."))
    return errors


def _validate_object(value: dict[str, Any], schema: dict[str, Any], root: dict[str, Any], at: str) -> list[str]:
    errors = [f"{at}: missing {key}" for key in schema.get("required", []) if key not in value]
    properties = schema.get("properties", {})
    for key, item in value.items():
        where = f"{at}.{key}".lstrip(".")
        if "propertyNames" in schema:
            errors += validate(key, schema["propertyNames"], root, where)
        if key in properties:
            errors += validate(item, properties[key], root, where)
        elif schema.get("additionalProperties") is False:
            errors.append(f"{at}: unknown key {key}")
        elif isinstance(schema.get("additionalProperties"), dict):
            errors += validate(item, schema["additionalProperties"], root, where)
    return errors
