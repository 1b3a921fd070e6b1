"""Turn a slide problem into the project's usual message: file, line, column, key, what to do."""

from __future__ import annotations

from pathlib import Path

from ...problems import InputError, Problem
from ...source import DocumentError, KeyPath, read_document


class SlideProblem(Exception):
    """A text for a slide is missing, has an unknown placeholder, or does not fit its box."""

    def __init__(self, file: str, key: str, message: str) -> None:
        # All three go to Exception, so the problem survives a trip through a worker process.
        super().__init__(file, key, message)
        self.file, self.key, self.message = file, key, message

    def __str__(self) -> str:
        return f"{self.file}: {self.key}: {self.message}"


def key_path(dotted: str) -> KeyPath:
    return tuple(int(part) if part.isdigit() else part for part in dotted.split(".") if part)


def input_error(root: Path, problem: SlideProblem) -> InputError:
    """The problem with the line of its key, read from the file an editor has to change."""
    keys = key_path(problem.key)
    try:
        document = read_document(root / problem.file, root)
    except (OSError, DocumentError):
        return InputError([Problem(problem.file, 1, 1, problem.key, problem.message)])
    found = document.problem(keys, problem.message)
    return InputError([Problem(found.path, found.line, found.col, problem.key, problem.message)])
