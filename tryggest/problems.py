"""Problems found in the input, reported all at once as ``file:line:col: key.path: message``."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    col: int
    key: str
    message: str
    level: str = "error"   # "warning": worth a look, but the build goes on

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}:{self.col}"
        if self.level != "error":
            where += f": {self.level}"
        return f"{where}: {self.key}: {self.message}" if self.key else f"{where}: {self.message}"


class InputError(Exception):
    """Raised with every problem of a load; the CLI prints them and exits with 2."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__("\n".join(str(p) for p in self.problems))

    def __reduce__(self) -> tuple[type[InputError], tuple[list[Problem]]]:
        # Whole after a trip through a worker process (pages are written by several at once).
        return InputError, (self.problems,)


def display_path(path: Path, root: Path) -> str:
    """Paths in messages are relative to the project so they read the same on every machine."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def did_you_mean(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


class SourceProblem(Exception):
    """A stage after loading found that a source file is wrong: a text is missing, has an unknown
    placeholder or does not fit its box. The build turns it into an ``InputError`` with the line
    of ``key`` in ``file`` (``source.located``), like every other input problem."""

    def __init__(self, file: str, key: str, message: str) -> None:
        # All three go to Exception, so the problem survives a trip through a worker process.
        super().__init__(file, key, message)
        self.file, self.key, self.message = file, key, message

    def __str__(self) -> str:
        return f"{self.file}: {self.key}: {self.message}"
