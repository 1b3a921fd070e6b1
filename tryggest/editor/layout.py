"""A file saved from the form keeps the layout a person gave it.

Decap CMS writes the whole YAML file again from the form's values: it drops every comment
(the ``# yaml-language-server`` line too), writes optional fields left empty, and chooses its own
quoting. After each save the file is written once more from the saved values and the text as it
was before the save:

- keys in the order of the model, unknown keys after them (so the check can name them);
- the header lines and every comment above or after a key that still exists, as they were;
- flow style (``{days: mon-fri, open: "09:00", close: "14:00"}``) and quotes where the old file had
  them; new list items take the style of their siblings;
- empty optional fields dropped, and defaults the form filled in but the file never had.

The result is checked to read back as exactly the saved values; if it would not, Decap's own text
is kept with the header line put back.
"""

from __future__ import annotations

import json
import re
import typing
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import yaml
from pydantic import BaseModel

from ..source import KeyPath, StrictLoader
from .config import unwrap

EMPTY: tuple[Any, ...] = (None, "", [], {})
# Plain words other YAML readers (YAML 1.1) take for booleans; they stay quoted.
OLD_BOOLEANS = re.compile(r"^(?:y|n|yes|no|on|off)$", re.IGNORECASE)
COMMENT_AFTER = re.compile(r"^:?(\s+#.*)$")


@dataclass
class Layout:
    """What the text before the save says about each key path."""

    header: list[str] = field(default_factory=list)
    footer: list[str] = field(default_factory=list)
    above: dict[KeyPath, list[str]] = field(default_factory=dict)   # comment and blank lines above
    after: dict[KeyPath, str] = field(default_factory=dict)         # the comment at the end of its line
    quotes: dict[KeyPath, str] = field(default_factory=dict)        # '"', "'", or "" for a plain scalar
    flow: set[KeyPath] = field(default_factory=set)


def read_layout(text: str) -> Layout:
    layout = Layout()
    node = yaml.compose(text, Loader=StrictLoader)
    starts: dict[int, list[KeyPath]] = {}   # line -> key paths that start on it, outermost first
    ends: dict[int, int] = {}               # line -> column where its last key or value ends
    inside: set[int] = set()                # lines within a multi-line value
    if node is not None:
        _walk(node, (), layout, starts, ends, inside)
    pending: list[str] = []
    seen_key = False
    for number, line in enumerate(text.splitlines()):
        if number in starts:
            paths = starts[number]
            if seen_key:
                layout.above[paths[0]] = pending
            else:
                layout.header = pending
            pending, seen_key = [], True
            comment = COMMENT_AFTER.match(line[ends.get(number, len(line)):])
            if comment:
                layout.after[paths[-1]] = comment[1]
        elif number not in inside and (not line.strip() or line.lstrip().startswith("#")):
            pending.append(line)
    if seen_key:
        layout.footer = pending
    else:
        layout.header = pending
    return layout


def _walk(node: yaml.Node, path: KeyPath, layout: Layout, starts: dict[int, list[KeyPath]], ends: dict[int, int],
          inside: set[int]) -> None:
    """Record where each key starts and ends, its quotes, and which collections are in flow style.

    The items of a flow collection are not recorded: the collection is written on its line as a
    whole, so a comment after it belongs to the collection.
    """
    first, last = node.start_mark.line, node.end_mark.line
    if isinstance(node, yaml.ScalarNode) or getattr(node, "flow_style", False):
        if isinstance(node, yaml.ScalarNode):
            layout.quotes[path] = node.style or ""
        else:
            layout.flow.add(path)
            _quotes_in_flow(node, path, layout)
        inside.update(range(first + 1, last + 1))
        ends[last] = max(ends.get(last, 0), node.end_mark.column)
        return
    children: list[tuple[KeyPath, yaml.Node, yaml.Node]] = []
    if isinstance(node, yaml.MappingNode):
        children = [((*path, str(key.value)), key, value) for key, value in node.value]
    elif isinstance(node, yaml.SequenceNode):
        children = [((*path, index), item, item) for index, item in enumerate(node.value)]
    for child, start, value in children:
        starts.setdefault(start.start_mark.line, []).append(child)
        ends[start.end_mark.line] = max(ends.get(start.end_mark.line, 0), start.end_mark.column)
        _walk(value, child, layout, starts, ends, inside)


def _quotes_in_flow(node: yaml.Node, path: KeyPath, layout: Layout) -> None:
    if isinstance(node, yaml.ScalarNode):
        layout.quotes[path] = node.style or ""
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            _quotes_in_flow(value, (*path, str(key.value)), layout)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _quotes_in_flow(item, (*path, index), layout)


def arrange(data: Any, model: type[BaseModel] | None, before: Any) -> Any:
    """``data`` with keys in the model's order and the form's empty or added defaults removed."""
    if isinstance(data, list):
        return [arrange(item, model, _at(before, i)) for i, item in enumerate(data)]
    if not isinstance(data, dict):
        return data
    if model is None:
        # A map of languages or codes: the order the file had, new keys after.
        known = [k for k in before if k in data] if isinstance(before, dict) else []
        return {k: data[k] for k in known + [k for k in data if k not in known] if data[k] not in ("", None)}
    fields = {info.alias or name: info for name, info in model.model_fields.items()}
    ordered = [key for key in fields if key in data] + [key for key in data if key not in fields]
    out: dict[str, Any] = {}
    for key in ordered:
        info = fields.get(key)
        value = data[key]
        if info is not None:
            value = arrange(value, _model_of(info.annotation), _at(before, key))
            if not info.is_required() and _not_needed(value, info.get_default(call_default_factory=True),
                                                     isinstance(before, dict) and key in before):
                continue
        out[key] = value
    return out


def _not_needed(value: Any, default: Any, was_there: bool) -> bool:
    if any(value == empty and type(value) is type(empty) for empty in EMPTY):
        return True
    return value == default and not was_there


def _at(before: Any, key: str | int) -> Any:
    if isinstance(before, dict):
        return before.get(key)
    if isinstance(before, list) and isinstance(key, int) and key < len(before):
        return before[key]
    return None


def _model_of(annotation: Any) -> type[BaseModel] | None:
    """The model of a field's value, also through ``list[...]`` and ``| None``."""
    inner, _, _ = unwrap(annotation)
    if typing.get_origin(inner) is list:
        inner, _, _ = unwrap(typing.get_args(inner)[0])
    return inner if isinstance(inner, type) and issubclass(inner, BaseModel) else None


def render(data: Any, layout: Layout) -> str:
    lines = list(layout.header)
    if isinstance(data, dict):
        lines += _mapping(data, (), 0, layout)
    lines += layout.footer
    return "\n".join(lines) + "\n"


def _flow(path: KeyPath, layout: Layout) -> bool:
    if path in layout.flow:
        return True
    # A new list item is written like the items already there.
    return bool(path) and isinstance(path[-1], int) and any(
        isinstance(p[-1], int) and p[:-1] == path[:-1] for p in layout.flow if p)


def _mapping(data: dict[str, Any], path: KeyPath, indent: int, layout: Layout) -> list[str]:
    lines: list[str] = []
    pad = " " * indent
    for key, value in data.items():
        here = (*path, key)
        lines += layout.above.get(here, [])
        after = layout.after.get(here, "")
        if not isinstance(value, (dict, list)) or not value or _flow(here, layout):
            lines.append(f"{pad}{_key(key)}: {_inline(value, here, layout, False)}{after}")
        elif isinstance(value, dict):
            lines.append(f"{pad}{_key(key)}:{after}")
            lines += _mapping(value, here, indent + 2, layout)
        else:
            lines.append(f"{pad}{_key(key)}:{after}")
            lines += _sequence(value, here, indent + 2, layout)
    return lines


def _sequence(items: list[Any], path: KeyPath, indent: int, layout: Layout) -> list[str]:
    lines: list[str] = []
    pad = " " * indent
    for index, item in enumerate(items):
        here = (*path, index)
        if isinstance(item, dict) and item and not _flow(here, layout):
            block = _mapping(item, here, indent + 2, layout)
            first = next(i for i, line in enumerate(block) if line.startswith(" " * (indent + 2)) and line.strip()
                         and not line.lstrip().startswith("#"))
            block[first] = f"{pad}- {block[first][indent + 2:]}"
            lines += layout.above.get(here, []) + block
        else:
            lines += layout.above.get(here, [])
            lines.append(f"{pad}- {_inline(item, here, layout, False)}{layout.after.get(here, '')}")
    return lines


def _key(key: str) -> str:
    return key if _plain_ok(key, False) else json.dumps(key, ensure_ascii=False)


def _inline(value: Any, path: KeyPath, layout: Layout, in_flow: bool) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_key(k)}: {_inline(v, (*path, k), layout, True)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_inline(v, (*path, i), layout, True) for i, v in enumerate(value)) + "]"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float, date)):
        return value.isoformat() if isinstance(value, date) else str(value)
    return _string(str(value), path, layout, in_flow)


def _string(text: str, path: KeyPath, layout: Layout, in_flow: bool) -> str:
    quote = layout.quotes.get(path)
    if quote == "'" and "\n" not in text:
        return "'" + text.replace("'", "''") + "'"
    # Plain when the old value was plain; a new value that starts with + or a digit (a phone
    # number, a time, an SSB number) is quoted, as in the files the project writes. Anything a
    # reader could take for another type is quoted either way.
    if quote != '"' and _plain_ok(text, in_flow) and (quote == "" or not re.match(r"^[+0-9]", text)):
        return text
    return json.dumps(text, ensure_ascii=False)


def _plain_ok(text: str, in_flow: bool) -> bool:
    if not text or text != text.strip() or "\n" in text or "\t" in text or OLD_BOOLEANS.match(text):
        return False
    if text[0] in "-?:,[]{}#&*!|>'\"%@`" or ": " in text or " #" in text or text.endswith(":"):
        return False
    if in_flow and any(c in text for c in ",[]{}"):
        return False
    if re.match(r"^\d+(:\d\d)+$", text):
        return False   # YAML 1.1 readers take 09:00 for a number of minutes
    try:
        return bool(yaml.load(f"k: {text}", Loader=StrictLoader) == {"k": text})
    except yaml.YAMLError:
        return False


def tidy(saved_text: str, before_text: str | None, model: type[BaseModel]) -> str:
    """The text to keep on disk for a file the form just saved as ``saved_text``."""
    saved = yaml.load(saved_text, Loader=StrictLoader)
    try:
        before = yaml.load(before_text, Loader=StrictLoader) if before_text else None
        layout = read_layout(before_text) if before_text else Layout()
    except yaml.YAMLError:
        before, layout = None, Layout()
    data = arrange(saved, model, before)
    text = render(data, layout)
    try:
        if yaml.load(text, Loader=StrictLoader) == data:
            return text
    except yaml.YAMLError:
        pass
    return "\n".join(layout.header) + ("\n" if layout.header else "") + saved_text
