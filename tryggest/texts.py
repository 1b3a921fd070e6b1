"""Per-language texts: UI strings (``content/<lang>/strings.yml``) and page templates.

Page templates are Markdown with Jinja placeholders and StrictUndefined, so a missing value is an
error at build time, never an empty spot on a page someone in danger is reading.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
import yaml

from .escape import markdown_value
from .problems import InputError, Problem
from .source import DocumentError, read_document


@dataclass(frozen=True)
class PageSource:
    key: str          # "home", "violence/physical"
    lang: str
    title: str
    description: str
    body: str
    order: int
    menu: bool
    shown_as: str     # the file, as named in messages
    body_line: int    # line of the file where the body starts


@dataclass(frozen=True)
class LanguageTexts:
    lang: str
    strings: dict[str, Any]
    pages: dict[str, PageSource]


def load_texts(root: Path, lang: str) -> LanguageTexts:
    base = root / "content" / lang
    try:
        strings = read_document(base / "strings.yml", root).data
    except FileNotFoundError:
        raise InputError([Problem(f"content/{lang}/strings.yml", 1, 1, "", "file is missing")]) from None
    except DocumentError as exc:
        raise InputError(exc.problems) from None
    pages = {}
    for path in sorted((base / "pages").rglob("*.md")):
        page = _read_page(root, path, lang)
        pages[page.key] = page
    return LanguageTexts(lang, strings, pages)


def _read_page(root: Path, path: Path, lang: str) -> PageSource:
    text = path.read_text(encoding="utf-8")
    shown = path.relative_to(root).as_posix()
    _, front, body = text.split("---\n", 2) if text.startswith("---\n") else ("", "", text)
    meta = yaml.safe_load(front) or {}
    for key in ("title", "description"):
        if not meta.get(key):
            raise InputError([Problem(shown, 1, 1, key, "every page needs a title and a description")])
        if '"' in str(meta[key]) or "<" in str(meta[key]):
            # The theme writes these into HTML attributes as they are: a straight quote would cut them off.
            raise InputError([Problem(shown, 1, 1, key, "use “typographic” quotes and no < in titles and descriptions")])
    key = path.relative_to(root / "content" / lang / "pages").with_suffix("").as_posix()
    body_line = text.count("\n", 0, len(text) - len(body)) + 1
    return PageSource(key, lang, meta["title"], meta["description"], body,
                      int(meta.get("order", 100)), bool(meta.get("menu", True)), shown, body_line)


class PageTemplates:
    """Fills page templates; each file is compiled once, not once per municipality."""

    def __init__(self) -> None:
        self.env = template_environment()
        self._compiled: dict[str, jinja2.Template] = {}

    def render(self, page: PageSource, values: dict[str, Any]) -> str:
        """A missing value names the file and line instead of a traceback or a blank."""
        try:
            return self._template(page).render(**values)
        except jinja2.TemplateSyntaxError as exc:
            line = page.body_line + (exc.lineno or 1) - 1
            raise InputError([Problem(page.shown_as, line, 1, "", f"template error: {exc.message}")]) from None
        except jinja2.UndefinedError as exc:
            problem = Problem(page.shown_as, _error_line(page), 1, "", f"unknown placeholder: {exc.message}")
            raise InputError([problem]) from None

    def _template(self, page: PageSource) -> jinja2.Template:
        if page.shown_as not in self._compiled:
            self._compiled[page.shown_as] = self.env.from_string(page.body)
        return self._compiled[page.shown_as]


def _error_line(page: PageSource) -> int:
    import sys
    import traceback

    frames = traceback.extract_tb(sys.exc_info()[2])
    lines = [f.lineno for f in frames if f.filename == "<template>" and f.lineno]
    return page.body_line + (lines[-1] - 1 if lines else 0)


def template_environment() -> jinja2.Environment:
    # Every value printed is escaped for Markdown (``escape.markdown_value``), so text from YAML shows
    # as text; autoescaping marks what templates and macros write themselves as markup.
    return jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=True, finalize=markdown_value,
                              keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True)
