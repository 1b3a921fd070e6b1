"""The editor's form (a Decap CMS ``config.yml``) made from the data model.

The same declaration in ``tryggest/model.py`` gives the loader's validation, the JSON Schemas and
this form: each field becomes a form field with its Norwegian label, the Norwegian half of its
description as help text, a widget chosen from its type, and ``required: false`` when the model
has a default. Any field the model gains later is handled by the same rules, so after a change to
the model ``tryggest edit --write-config`` is all that is needed. The file is committed;
``tryggest edit --check-config`` (and a test) fail when it no longer matches the model.
"""

from __future__ import annotations

import types
import typing
from datetime import date, time
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, WithJsonSchema
from pydantic.fields import FieldInfo

from ..model import Municipality, PortalFile
from ..phone import Phone
from .labels import NAME_CODES, label_for, norwegian

CONFIG_FILE = "schema/decap-config.yml"
API_PATH = "/api/v1"
HEADER = ("# Decap CMS configuration for `tryggest edit`, made from tryggest/model.py.\n"
          "# Do not edit by hand: change the model, then run `tryggest edit --write-config`.\n")
COLOUR_PATTERN = "^#[0-9a-fA-F]{6}$"
PHONE_PATTERN = ["^\\+?[0-9 ]+$", "Skriv bare sifre og mellomrom, gjerne med +47 foran."]
Field = dict[str, Any]


def editor_config() -> dict[str, Any]:
    """The whole configuration: where files are, the form of each, and the local back end."""
    return {
        "backend": {"name": "proxy", "proxy_url": API_PATH, "branch": "main"},
        "locale": "nb_no",
        # Decap requires a media folder; no field of the model takes an upload.
        "media_folder": "content/media",
        "editor": {"preview": True},
        "collections": [
            {"name": "municipalities", "label": "Kommuner", "label_singular": "Kommune",
             "description": "Én fil per kommune i content/municipalities/. Ny kommune: tryggest new.",
             "folder": "content/municipalities", "extension": "yml", "format": "yml",
             "create": False, "delete": False, "identifier_field": "name", "summary": "{{name}} ({{id}})",
             "fields": model_fields(Municipality)},
            {"name": "portal", "label": "Nettstedet", "delete": False,
             "files": [{"name": "portal", "label": "Nettstedet (municipalities.yml)", "file": "municipalities.yml",
                        "format": "yml", "fields": model_fields(PortalFile)}]},
        ],
    }


def config_text() -> str:
    body = yaml.safe_dump(editor_config(), sort_keys=False, allow_unicode=True, width=120, default_flow_style=False)
    return HEADER + body


def write_config(root: Path) -> bool:
    """Write the configuration if it differs; True when it was written."""
    path = root / CONFIG_FILE
    if config_is_current(root):
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(config_text(), encoding="utf-8", newline="\n")
    return True


def config_is_current(root: Path) -> bool:
    path = root / CONFIG_FILE
    return path.is_file() and path.read_text(encoding="utf-8") == config_text()


def model_fields(model: type[BaseModel], loose: bool = False) -> list[Field]:
    """The form of ``model``; ``loose``: it is part of an optional object, so no field is required.

    Decap checks the fields of an object even when the object is left out (a municipality without
    a campaign could not be saved), so inside an optional object the project's check, which knows
    the object is optional, is the one that asks for missing values.
    """
    return [form_field(model, name, info, loose) for name, info in model.model_fields.items()]


def form_field(model: type[BaseModel], name: str, info: FieldInfo, loose: bool = False) -> Field:
    key = info.alias or name
    field: Field = {"name": key, "label": label_for(model.__name__, key, info.description)}
    hint = norwegian(info.description)
    if hint:
        field["hint"] = hint
    field.update(widget_for(info.annotation, list(info.metadata), hint, loose or not info.is_required()))
    if loose or not info.is_required():
        field["required"] = False
        if isinstance(info.default, (bool, int, str)) and "default" not in field:
            field["default"] = info.default
    return field


def unwrap(annotation: Any) -> tuple[Any, list[Any], bool]:
    """The type under ``Annotated`` and ``| None``, its metadata, and whether None is allowed."""
    metadata: list[Any] = []
    optional = False
    while True:
        if typing.get_origin(annotation) is typing.Annotated:
            annotation, *extra = typing.get_args(annotation)
            metadata += extra
        elif typing.get_origin(annotation) in (typing.Union, types.UnionType):
            options = [a for a in typing.get_args(annotation) if a is not type(None)]
            optional = optional or len(options) < len(typing.get_args(annotation))
            if len(options) != 1:
                return annotation, metadata, optional
            annotation = options[0]
        else:
            return annotation, metadata, optional


def _constraint(metadata: list[Any], name: str) -> Any:
    for item in metadata:
        value = getattr(item, name, None)
        if value is not None:
            return value
        if isinstance(item, FieldInfo):
            nested = _constraint(list(item.metadata), name)
            if nested is not None:
                return nested
    return None


def widget_for(annotation: Any, metadata: list[Any], hint: str, loose: bool = False) -> Field:
    annotation, more, _ = unwrap(annotation)
    metadata = metadata + more
    origin = typing.get_origin(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return {"widget": "object", "collapsed": False, "fields": model_fields(annotation, loose)}
    if origin is list:
        return _list_widget(typing.get_args(annotation)[0], hint)
    if origin is dict:
        return _map_widget(*typing.get_args(annotation))
    if origin is typing.Literal:
        return {"widget": "select", "options": list(typing.get_args(annotation))}
    return _scalar_widget(annotation, metadata, hint)


def _scalar_widget(annotation: Any, metadata: list[Any], hint: str) -> Field:
    if annotation is bool:
        return {"widget": "boolean"}
    if annotation is int:
        number: Field = {"widget": "number", "value_type": "int"}
        for key, name in (("min", "ge"), ("max", "le")):
            if _constraint(metadata, name) is not None:
                number[key] = _constraint(metadata, name)
        return number
    if annotation is Phone:
        return {"widget": "string", "pattern": list(PHONE_PATTERN)}
    if annotation is time:
        return {"widget": "datetime", "format": "HH:mm", "date_format": False, "time_format": "HH:mm"}
    if annotation is date:
        return {"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "YYYY-MM-DD", "time_format": False}
    pattern = _constraint(metadata, "pattern") or _json_schema_pattern(metadata)
    if pattern == COLOUR_PATTERN:
        return {"widget": "color", "allowInput": True}
    if pattern:
        return {"widget": "string", "pattern": [pattern, f"Sjekk formen. {hint}".strip()]}
    return {"widget": "string"}


def _json_schema_pattern(metadata: list[Any]) -> str | None:
    """The pattern a type declares for editors (``WithJsonSchema``), such as the days of an hours rule."""
    for item in metadata:
        if isinstance(item, WithJsonSchema) and isinstance(item.json_schema, dict):
            pattern = item.json_schema.get("pattern")
            return str(pattern) if pattern else None
    return None


def _list_widget(item: Any, hint: str) -> Field:
    inner, metadata, _ = unwrap(item)
    if isinstance(inner, type) and issubclass(inner, BaseModel):
        fields = model_fields(inner)
        scalars = [f["name"] for f in fields if f["widget"] not in ("object", "list")][:3]
        return {"widget": "list", "collapsed": False, "summary": " · ".join(f"{{{{fields.{n}}}}}" for n in scalars),
                "fields": fields}
    if typing.get_origin(inner) is typing.Literal:
        return {"widget": "select", "multiple": True, "options": list(typing.get_args(inner))}
    one = {"name": "item", "label": "Linje", **_scalar_widget(inner, metadata, hint)}
    return {"widget": "list", "field": one}


def _map_widget(key: Any, value: Any) -> Field:
    """A map becomes an object with one optional field per key it may have."""
    key_type, _, _ = unwrap(key)
    codes = typing.get_args(key_type) if typing.get_origin(key_type) is typing.Literal else NAME_CODES
    fields = [{"name": code, "label": label_for("", code), "required": False, **widget_for(value, [], "")}
              for code in codes]
    return {"widget": "object", "collapsed": True, "fields": fields}
