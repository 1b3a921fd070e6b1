"""The website engine of today: MkDocs + Material + mkdocs-static-i18n, run in this process.

MkDocs renders on one core, and the i18n plugin builds one language after the other. On a machine
with more cores the languages are shared out (``build_processes``): the default language (served
from the root) is built here, the others in worker processes into folders of their own, whose
language folders and search entries are then moved into the site. The result is the same bytes as a build on one core.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jinja2.bccache import Bucket, BytecodeCache
from mkdocs.plugins import BasePlugin

from ..csp import Policies
from ..problems import InputError, Problem
from ..theme import page_view
from . import EngineError
from .pages import LeanPages
from .search_index import INDEX, split_search_index
from .strict import ThemeValueMissing, strict_values

# MkDocs logs under "mkdocs"; ProperDocs, the same code under its own name, under "properdocs".
ENGINE_LOGGERS = ("mkdocs", "properdocs")
_HTML_LANG = re.compile(r'<html lang="[^"]*"')


def build_site(root: Path, docs_dir: Path, site_dir: Path, theme: dict[str, Any], languages: list[str],
               workers: int = 0) -> Policies:
    """Build ``site_dir`` from the Markdown in ``docs_dir/<lang>/``; ``languages`` has the default first.

    ``theme`` is the shared data the templates show (see ``tryggest.theme.page_view``); ``workers``
    is how many cores to use (0: all). Every page gets its
    Content-Security-Policy as it is written; the returned policies hold what the site-wide header
    needs, and the pages that carry code no policy can allow.
    """
    if not (root / "mkdocs.yml").is_file():
        raise InputError([Problem("mkdocs.yml", 1, 1, "", "file is missing")])
    groups = language_groups(docs_dir, languages, build_processes(len(languages), workers or os.cpu_count() or 1))
    parts = [site_dir.with_name(f".{site_dir.name}.part{i}") for i in range(1, len(groups))]
    docs = [_docs_of(docs_dir, group, len(groups)) for group in groups]
    try:
        with ProcessPoolExecutor(max_workers=max(1, len(parts))) as pool:
            waiting = [pool.submit(_build_group, root, group_docs, part, theme, languages, group)
                       for group_docs, part, group in zip(docs[1:], parts, groups[1:], strict=True)]
            policies = _build_group(root, docs[0], site_dir, theme, languages, groups[0])
            for future in waiting:
                policies.merge(future.result())
        for part, group in zip(parts, groups[1:], strict=True):
            _adopt(part, site_dir, group)
    finally:
        for part in parts:
            shutil.rmtree(part, ignore_errors=True)
        for group_docs in docs:
            if group_docs != docs_dir:
                shutil.rmtree(group_docs, ignore_errors=True)
    split_search_index(site_dir, languages)
    return policies


def build_processes(languages: int, cores: int) -> int:
    """How many language builds run at once: one per language, up to twice the cores.

    Three languages of equal size on two cores as two builds would leave one build with two of them,
    and the site would wait for it (two thirds of the pages on one core). As three builds the system
    shares the cores, and the site is done after half the pages' time, for a second of set-up per
    extra build. Each build holds only its own languages' pages, so memory stays the same in sum.
    On one core, one build: sharing it gains nothing.
    """
    return 1 if cores <= 1 else max(1, min(languages, 2 * cores))


def language_groups(docs_dir: Path, languages: list[str], workers: int) -> list[list[str]]:
    """Languages shared out over ``workers`` builds by page count; the default language leads the first."""
    groups: list[list[str]] = [[languages[0]]]
    loads = [_page_count(docs_dir / languages[0])]
    for lang in sorted(languages[1:], key=lambda lang: -_page_count(docs_dir / lang)):
        if len(groups) < workers:
            groups.append([])
            loads.append(0)
        lightest = loads.index(min(loads))
        groups[lightest].append(lang)
        loads[lightest] += _page_count(docs_dir / lang)
    return [sorted(group, key=languages.index) for group in groups if group]


def _docs_of(docs_dir: Path, group: list[str], groups: int) -> Path:
    """A Markdown folder with only ``group``'s languages in it (as links), so that each build reads
    and keeps in memory only the pages it writes: the i18n plugin looks at every file it is given."""
    if groups == 1:
        return docs_dir
    view = docs_dir.with_name(f".{docs_dir.name}.{'-'.join(group)}")
    shutil.rmtree(view, ignore_errors=True)
    view.mkdir()
    for lang in group:
        (view / lang).symlink_to(os.path.relpath(docs_dir / lang, view), target_is_directory=True)
    return view


def _page_count(folder: Path) -> int:
    return sum(1 for _ in folder.rglob("*.md"))


def _build_group(root: Path, docs_dir: Path, site_dir: Path, theme: dict[str, Any], languages: list[str],
                 group: list[str]) -> Policies:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    config_file = root / "mkdocs.yml"
    collector = _quiet_engine()
    try:
        # hooks=[]: the generator has already written the pages; the hook is only for plain `mkdocs`.
        config = load_config(str(config_file), docs_dir=str(docs_dir), site_dir=str(site_dir),
                             site_url=theme["base_url"], hooks=[], strict=True)
        theme_data = prepare_config(config, theme, languages, group)
        build(config)
        return theme_data.policies
    except (Abort, ConfigurationError, ThemeValueMissing) as exc:
        raise EngineError("\n".join([*collector.messages, str(exc)])) from None


def prepare_config(config: Any, theme: dict[str, Any], languages: list[str],
                   group: list[str] | None = None) -> ThemeData:
    """Give the templates their data and build the portal's languages, or the ``group`` of them
    (the hook for plain ``mkdocs`` builds them all)."""
    config.site_url = theme["base_url"]
    config.plugins["tryggest-theme"] = theme_data = ThemeData(theme)
    _only_languages(config, languages, group or languages)
    return theme_data


def _adopt(part: Path, site_dir: Path, group: list[str]) -> None:
    """Move a worker's language folders into the site and add its search entries to the site's index."""
    for lang in group:
        shutil.rmtree(site_dir / lang, ignore_errors=True)
        os.replace(part / lang, site_dir / lang)
    index_file = site_dir / INDEX
    if index_file.is_file():
        index = json.loads(index_file.read_text(encoding="utf-8"))
        index["docs"] += json.loads((part / INDEX).read_text(encoding="utf-8"))["docs"]
        index_file.write_text(json.dumps(index, ensure_ascii=False), encoding="utf-8")


class ThemeData(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
    """Exposes ``tryggest_page(page)`` to the theme templates and gives each page its policy."""

    def __init__(self, theme: dict[str, Any]) -> None:
        super().__init__()
        self.theme = theme
        self._last: tuple[Any, dict[str, Any]] | None = None
        self.policies = Policies()
        self.lean: LeanPages | None = None

    def on_env(self, env: Any, config: Any, files: Any) -> Any:
        env.globals["tryggest_page"] = self.view
        env.bytecode_cache = _COMPILED
        return env

    def view(self, page: Any) -> dict[str, Any]:
        # A page's partials ask for the view about ten times in a row; pages are drawn one at a time.
        if self._last is None or self._last[0] is not page:
            # Strict: a name the templates ask for that the view lacks stops the build (see strict.py).
            self._last = (page, strict_values(page_view(self.theme, page.meta if page else None)))
        return self._last[1]

    def on_post_page(self, output: str, page: Any, config: Any) -> str:
        return self._finish(with_direction(output, self.view(page)), page.file.dest_uri, config)

    def on_post_template(self, output_content: str, template_name: str, config: Any) -> str:
        if not template_name.endswith(".html"):
            return output_content
        return self._finish(output_content, template_name, config)

    def _finish(self, html: str, dest_uri: str, config: Any) -> str:
        """The page with its stylesheets inlined (only the rules it uses), then its policy, which
        allows that inline style by its hash."""
        if self.lean is None:
            self.lean = LeanPages(_theme_dirs(config), urlsplit(config.site_url or "/").path)
        return self.policies.secure(self.lean.apply(html, dest_uri), dest_uri)


def _theme_dirs(config: Any) -> list[Path]:
    """The folders the theme's files come from, the overrides first (as MkDocs looks them up)."""
    return [Path(folder) for folder in config.theme.dirs]


def with_direction(html: str, view: dict[str, Any]) -> str:
    """``dir`` on the ``<html>`` element, from the page's language: Material sets it only on ``<body>``,
    and a right-to-left page must be right-to-left from the root (scrollbars, the browser's own UI)."""
    direction = (view.get("script") or {}).get("dir", "ltr")
    return _HTML_LANG.sub(lambda found: f'{found.group(0)} dir="{direction}"', html, count=1)


def _only_languages(config: Any, languages: list[str], group: list[str]) -> None:
    """mkdocs.yml lists every language the product supports; build only those this portal has pages
    in, and of those only the ``group``. A group without the default language starts with its own
    first language, so nothing is written at the site's root."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return
    i18n.config.languages = [lang for lang in i18n.config.languages if lang.locale in languages]
    for lang in i18n.config.languages:
        lang.build = lang.locale in group
    if languages[0] not in group:
        # The plugin begins with the default language, then builds the others in list order, skipping
        # only the one it began with: so begin with the group's first language in that order.
        i18n.current_language = next(lang.locale for lang in i18n.config.languages if lang.build)


class _CompiledTemplates(BytecodeCache):
    """The theme's templates compiled once per process, not once per language: the i18n plugin
    builds each language with a fresh template environment. Keys hold the template's checksum."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


_COMPILED = _CompiledTemplates()


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _quiet_engine() -> _Collect:
    """Keep MkDocs' INFO lines out of the way and collect its warnings to report them in the error."""
    collector = _Collect()
    for name in ENGINE_LOGGERS:
        logger = logging.getLogger(name)
        logger.setLevel(logging.WARNING)
        for handler in list(logger.handlers):
            if isinstance(handler, _Collect):
                logger.removeHandler(handler)
        logger.addHandler(collector)
    return collector
