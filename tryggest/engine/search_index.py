"""One search index per language, so a reader searching in English finds only English pages.

The theme builds one index for the whole site and points every page at it. After the engine has
run, this splits the index by language folder and points each page's search at its own language.
It is part of the engine seam: the index and page-config formats are Material's.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)
INDEX = "search/search_index.json"


def split_search_index(site_dir: Path, languages: list[str]) -> None:
    """``languages`` has the default language (served from the root) first."""
    index_file = site_dir / INDEX
    if not index_file.is_file():
        return
    index = json.loads(index_file.read_text(encoding="utf-8"))
    others = languages[1:]
    for lang in languages:
        docs = sorted((_strip(doc, lang) for doc in index["docs"] if _language_of(doc["location"], languages) == lang),
                      key=lambda doc: doc["location"])
        target = site_dir / INDEX if lang == languages[0] else site_dir / lang / INDEX
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(index_text(index, docs), encoding="utf-8")
    for lang in others:
        for page in (site_dir / lang).rglob("*.html"):
            _point_search_at_language(page, lang)


def index_text(index: dict[str, Any], docs: list[dict[str, Any]]) -> str:
    """A language's index as written to the site: the theme's settings and ``docs``, compact."""
    return json.dumps({**index, "docs": docs}, ensure_ascii=False, separators=(",", ":"))


def _language_of(location: str, languages: list[str]) -> str:
    first = location.split("/", 1)[0].split("#", 1)[0]
    return first if first in languages[1:] else languages[0]


def _strip(doc: dict[str, Any], lang: str) -> dict[str, Any]:
    location = doc["location"]
    for prefix in (f"{lang}/", lang):
        if location.startswith(prefix):
            return {**doc, "location": location.removeprefix(prefix)}
    return doc


def _point_search_at_language(page: Path, lang: str) -> None:
    html = page.read_text(encoding="utf-8")

    def patch(match: re.Match[str]) -> str:
        config = json.loads(match.group(2))
        config["base"] = f"{config['base']}/{lang}" if config["base"] != "." else lang
        return match.group(1) + json.dumps(config, ensure_ascii=False, separators=(",", ":")) + match.group(3)

    page.write_text(_CONFIG.sub(patch, html, count=1), encoding="utf-8")
