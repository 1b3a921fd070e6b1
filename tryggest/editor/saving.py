"""What happens after the form saves a file: tidy the file, check the project, tell the person.

The check is the one ``tryggest check`` runs (every file loaded and validated, the site's context
built). Its problems are said in the terminal as the command line says them (file, line, caret)
and on the editor page in plain words: the field's Norwegian label, the message, and the line.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..lint import warnings_for
from ..load import MUNICIPALITY_DIR, PORTAL_FILE
from ..model import Municipality, PortalFile
from ..pipeline import check
from ..problems import InputError, Problem
from ..report import describe
from .labels import label_for
from .layout import tidy

Log = Callable[[str], None]


def model_for(relative: str) -> type[BaseModel] | None:
    """The model of a file the form writes, by its path in the project; None: not one of ours."""
    if relative == PORTAL_FILE:
        return PortalFile
    if re.fullmatch(re.escape(MUNICIPALITY_DIR) + r"/[a-z0-9-]+\.yml", relative):
        return Municipality
    return None


def in_plain_words(problem: Problem) -> str:
    """``Kontakt › Telefon: '+47 12 34' is a short number ... (content/.../sandefjord.yml, linje 9)``."""
    parts = [p for p in re.split(r"\.|\[(\d+)\]", problem.key) if p]
    names = [f"nr. {int(p) + 1}" if p.isdigit() else label_for("", p) for p in parts]
    where = " › ".join(names)
    head = f"{where}: " if where else ""
    return f"{head}{problem.message} ({problem.path}, linje {problem.line})"


@dataclass
class SaveStatus:
    """What the editor page shows: the last save and what the check found."""

    version: int = 0
    saved: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def as_json(self) -> dict[str, Any]:
        with self.lock:
            return {"version": self.version, "saved": list(self.saved), "ok": not self.problems,
                    "problems": list(self.problems), "warnings": list(self.warnings)}


class SaveCheck:
    """Remembers each file as it was before a save, then tidies and checks it after."""

    def __init__(self, root: Path, log: Log) -> None:
        self.root, self.log = root, log
        self.status = SaveStatus()

    def before(self, paths: list[str]) -> dict[str, str | None]:
        texts: dict[str, str | None] = {}
        for relative in paths:
            path = self.root / relative
            # Only the files the form may write are read (decap-server refuses paths outside the project).
            texts[relative] = path.read_text(encoding="utf-8") if model_for(relative) and path.is_file() else None
        return texts

    def after(self, before: dict[str, str | None]) -> None:
        for relative, old_text in before.items():
            self._tidy(relative, old_text)
        problems, warnings = self._check()
        with self.status.lock:
            self.status.version += 1
            self.status.saved = sorted(before)
            self.status.problems = [in_plain_words(p) for p in problems]
            self.status.warnings = [in_plain_words(p) for p in warnings]
        self._report(sorted(before), problems, warnings)

    def _tidy(self, relative: str, old_text: str | None) -> None:
        model = model_for(relative)
        path = self.root / relative
        if model is None or not path.is_file():
            return
        saved = path.read_text(encoding="utf-8")
        try:
            text = tidy(saved, old_text, model)
        except Exception as exc:  # noqa: BLE001 (a file we cannot read back stays as the form wrote it)
            self.log(f"{relative}: kept as the editor wrote it ({exc})")
            return
        if text != saved:
            path.write_text(text, encoding="utf-8", newline="\n")

    def _check(self) -> tuple[list[Problem], list[Problem]]:
        try:
            site = check(self.root)
        except InputError as exc:
            return exc.problems, []
        return [], warnings_for(site.project, date.today())

    def _report(self, saved: list[str], problems: list[Problem], warnings: list[Problem]) -> None:
        self.log(f"Lagret / saved: {', '.join(saved)}")
        for line in describe([*problems, *warnings], self.root):
            self.log(line)
        if problems:
            self.log(f"Sjekken fant {len(problems)} feil. Nettstedet bygges ikke før de er rettet. "
                     f"/ The check found {len(problems)} problem(s); fix them in the form and save again.")
        else:
            self.log("Sjekket: ingen feil. / Checked: no problems." + (f" {len(warnings)} warning(s)." if warnings else ""))
