"""The seam to the website engine. Today MkDocs + Material + mkdocs-static-i18n.

Only this module imports MkDocs for building. To move to another engine (Zensical, ProperDocs),
replace ``build_site``: it takes the generated Markdown folder and writes a static site folder.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from .problems import InputError, Problem
from .search_split import split_search_index


class EngineError(Exception):
    """The engine refused the generated pages (strict mode turns warnings into this)."""


def build_site(root: Path, docs_dir: Path, site_dir: Path, base_url: str, page_defaults: dict[str, Any],
               languages: list[str]) -> None:
    """Build ``site_dir`` from the Markdown in ``docs_dir/<lang>/``; ``languages`` has the default first.

    ``page_defaults`` describes pages the generator did not write (the 404 page).
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
                             site_url=base_url, hooks=[], strict=True)
        config.extra["tryggest_fallback"] = page_defaults
        build(config)
        split_search_index(site_dir, languages)
    except (Abort, ConfigurationError) as exc:
        raise EngineError("\n".join([*collector.messages, str(exc)])) from None


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
