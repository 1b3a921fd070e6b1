"""The seam to the website engine. Today MkDocs + Material + mkdocs-static-i18n.

Only this module imports MkDocs for building. To move to another engine (Zensical, ProperDocs),
replace ``build_site``: it takes the generated Markdown folder and writes a static site folder.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.plugins import BasePlugin

from .problems import InputError, Problem
from .search_split import split_search_index
from .theme import page_view


class EngineError(Exception):
    """The engine refused the generated pages (strict mode turns warnings into this)."""


def build_site(root: Path, docs_dir: Path, site_dir: Path, theme: dict[str, Any], languages: list[str]) -> None:
    """Build ``site_dir`` from the Markdown in ``docs_dir/<lang>/``; ``languages`` has the default first.

    ``theme`` is the shared data the templates show (see ``tryggest.theme.page_view``).
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    config_file = root / "mkdocs.yml"
    if not config_file.is_file():
        raise InputError([Problem("mkdocs.yml", 1, 1, "", "file is missing")])
    collector = _quiet_engine()
    try:
        # hooks=[]: the generator has already written the pages; the hook is only for plain `mkdocs`.
        config = load_config(str(config_file), docs_dir=str(docs_dir), site_dir=str(site_dir),
                             site_url=theme["base_url"], hooks=[], strict=True)
        prepare_config(config, theme, languages)
        build(config)
        split_search_index(site_dir, languages)
    except (Abort, ConfigurationError) as exc:
        raise EngineError("\n".join([*collector.messages, str(exc)])) from None


def prepare_config(config: Any, theme: dict[str, Any], languages: list[str]) -> None:
    """Give the templates their data and build only the portal's languages (also used by the hook)."""
    config.site_url = theme["base_url"]
    config.plugins["tryggest-theme"] = ThemeData(theme)
    _only_languages(config, languages)


class ThemeData(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
    """Exposes ``tryggest_page(page)`` to the theme templates."""

    def __init__(self, theme: dict[str, Any]) -> None:
        super().__init__()
        self.theme = theme

    def on_env(self, env: Any, config: Any, files: Any) -> Any:
        env.globals["tryggest_page"] = lambda page: page_view(self.theme, page.meta if page else None)
        return env


def _only_languages(config: Any, languages: list[str]) -> None:
    """mkdocs.yml lists every language the product supports; build only those this portal has pages in."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return
    i18n.config.languages = [lang for lang in i18n.config.languages if lang.locale in languages]


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _quiet_engine() -> _Collect:
    """Keep MkDocs' INFO lines out of the way and collect its warnings to report them in the error."""
    collector = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.setLevel(logging.WARNING)
    for handler in list(logger.handlers):
        if isinstance(handler, _Collect):
            logger.removeHandler(handler)
    logger.addHandler(collector)
    return collector
