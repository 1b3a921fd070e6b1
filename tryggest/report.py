"""Problems as an editor sees them: the ``file:line:col`` line, then the line of the file with a caret.

The first line of each problem stays machine-readable (editors and CI jump to it); the excerpt
under it is indented so that tools reading only ``path:line:col:`` lines still work.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .problems import Problem


def describe(problems: Iterable[Problem], root: Path, *, excerpts: bool = True) -> list[str]:
    """Terminal lines for ``problems``; each is followed by its source line and a caret."""
    files: dict[str, list[str] | None] = {}
    lines: list[str] = []
    for problem in problems:
        lines.append(str(problem))
        if excerpts:
            if problem.path not in files:
                files[problem.path] = _read_lines(root / problem.path)
            lines += excerpt(problem, files[problem.path])
    return lines


def excerpt(problem: Problem, text_lines: list[str] | None) -> list[str]:
    if not text_lines or not 1 <= problem.line <= len(text_lines):
        return []
    # A tab would push the caret out of line with the column it points at.
    text = text_lines[problem.line - 1].replace("\t", " ").rstrip()
    if not text.strip():
        return []
    number = str(problem.line)
    caret = " " * (min(problem.col, len(text) + 1) - 1) + "^"
    return [f"    {number} | {text}", f"    {' ' * len(number)} | {caret}"]


def _read_lines(path: Path) -> list[str] | None:
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None

