"""YAML read with the position of every key, so a message can name the line an editor must fix.

The resolver is narrower than YAML 1.1: ``no``/``yes``/``on`` stay strings, ``09:00`` is not the
sexagesimal number 540, and ``02800`` keeps its leading zero. Communications staff should never
have to know those traps.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import InputError, Problem, SourceProblem, display_path
from .yaml_errors import explain_syntax

KeyPath = tuple[str | int, ...]


_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: same result, much faster


class StrictLoader(_Base):  # type: ignore[valid-type,misc]
    """SafeLoader with only unsurprising implicit types."""


StrictLoader.yaml_implicit_resolvers = {}
for _tag, _pattern, _first in [
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("tag:yaml.org,2002:int", r"^[-+]?(?:0|[1-9][0-9]*)$", "-+0123456789"),
    ("tag:yaml.org,2002:float", r"^[-+]?(?:0|[1-9][0-9]*)\.[0-9]+$", "-+0123456789"),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:timestamp", r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "0123456789"),
]:
    StrictLoader.add_implicit_resolver(_tag, re.compile(_pattern), list(_first))


@dataclass
class Document:
    """One YAML file: its data plus where each key path starts in the text."""

    path: Path
    shown_as: str
    data: Any
    marks: dict[KeyPath, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[KeyPath, tuple[int, int]] = field(default_factory=dict)
    constructor: yaml.constructor.SafeConstructor = field(default_factory=yaml.constructor.SafeConstructor, repr=False)

    def where(self, keys: KeyPath, at_key: bool = False) -> tuple[int, int]:
        """Where to point: the value at ``keys`` (or its key), else the key of its nearest parent."""
        if keys in self.marks:
            return self.key_marks.get(keys, self.marks[keys]) if at_key else self.marks[keys]
        for end in range(len(keys) - 1, -1, -1):
            parent = keys[:end]
            if parent in self.marks:
                return self.key_marks.get(parent, self.marks[parent])
        return (1, 1)

    def problem(self, keys: KeyPath, message: str, at_key: bool = False) -> Problem:
        line, col = self.where(keys, at_key)
        return Problem(self.shown_as, line, col, dotted(keys), message)


def dotted(keys: KeyPath) -> str:
    out = ""
    for key in keys:
        out += f"[{key}]" if isinstance(key, int) else (f".{key}" if out else str(key))
    return out


def read_document(path: Path, root: Path) -> Document:
    """Parse one file; a syntax error or a duplicate key becomes an InputError-ready Problem."""
    shown = display_path(path, root)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise DocumentError(Problem(shown, 1, 1, "", f"not UTF-8 text (byte {exc.start}); save the file as UTF-8")) from None
    try:
        node = yaml.compose(text, Loader=StrictLoader)
    except yaml.MarkedYAMLError as exc:
        line, col, message = explain_syntax(text, exc)
        raise DocumentError(Problem(shown, line, col, "", message)) from None
    except yaml.reader.ReaderError as exc:
        line, col = _line_col(text, exc.position)
        raise DocumentError(Problem(shown, line, col, "", f"character {exc.character!r} is not allowed in YAML")) from None
    doc = Document(path, shown, None)
    doc.data = _to_python(node, (), doc) if node is not None else None
    return doc


def _line_col(text: str, position: int) -> tuple[int, int]:
    before = text[:position]
    return before.count("\n") + 1, position - (before.rfind("\n") + 1) + 1


class DocumentError(Exception):
    def __init__(self, *problems: Problem) -> None:
        self.problems = list(problems)
        super().__init__("; ".join(map(str, problems)))


def _to_python(node: yaml.Node, keys: KeyPath, doc: Document) -> Any:
    doc.marks[keys] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        return _mapping(node, keys, doc)
    if isinstance(node, yaml.SequenceNode):
        return [_to_python(item, (*keys, i), doc) for i, item in enumerate(node.value)]
    try:
        return doc.constructor.construct_object(node, deep=True)
    except (ValueError, yaml.constructor.ConstructorError):
        line, col = doc.marks[keys]
        raise DocumentError(Problem(doc.shown_as, line, col, dotted(keys),
                                    f"'{node.value}' is not a valid {node.tag.rsplit(':', 1)[-1]}")) from None


def _mapping(node: yaml.MappingNode, keys: KeyPath, doc: Document) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key_node, value_node in node.value:
        key = str(key_node.value)
        if key in out:
            line, col = key_node.start_mark.line + 1, key_node.start_mark.column + 1
            raise DocumentError(Problem(doc.shown_as, line, col, dotted((*keys, key)), "this key appears twice"))
        doc.key_marks[(*keys, key)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
        out[key] = _to_python(value_node, (*keys, key), doc)
    return out


def key_path(dotted_key: str) -> KeyPath:
    return tuple(int(part) if part.isdigit() else part for part in dotted_key.split(".") if part)


def located(root: Path, problem: SourceProblem) -> InputError:
    """The problem with the line of its key, read from the file an editor has to change."""
    try:
        document = read_document(root / problem.file, root)
    except (OSError, DocumentError):
        return InputError([Problem(problem.file, 1, 1, problem.key, problem.message)])
    found = document.problem(key_path(problem.key), problem.message)
    return InputError([Problem(found.path, found.line, found.col, problem.key, problem.message)])
