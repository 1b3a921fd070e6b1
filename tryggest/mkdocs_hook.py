"""MkDocs hook so plain ``mkdocs build`` / ``mkdocs serve`` in the repo root work.

It runs the generator's Markdown stage into ``docs_dir`` before MkDocs collects the files.
``tryggest build`` does not use this hook; it calls the engine directly.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from mkdocs.plugins import event_priority

from tryggest.engine import prepare_config
from tryggest.pipeline import check, secure, write_markdown
from tryggest.render.web import site_languages, theme_data
from tryggest.search_split import split_search_index


@event_priority(100)  # before the i18n plugin reads its language list
def on_config(config: Any) -> Any:
    root = Path(config.config_file_path).parent
    site = check(root)
    docs = Path(config.docs_dir)
    for item in docs.iterdir():
        # Keep the folder's .gitignore: it is what makes the folder exist in a fresh clone.
        if not item.name.startswith("."):
            shutil.rmtree(item) if item.is_dir() else item.unlink()
    write_markdown(site, docs.parent)
    _languages[:] = site_languages(site)
    prepare_config(config, theme_data(site), _languages)
    return config


_languages: list[str] = []


def on_post_build(config: Any) -> None:
    split_search_index(Path(config.site_dir), _languages)
    secure([], Path(config.site_dir), config.plugins["tryggest-theme"].policies)
