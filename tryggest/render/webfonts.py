"""Writes the web fonts of the languages that need one (see ``tryggest.webfonts``) into the site."""

from __future__ import annotations

from pathlib import Path

import yaml

from ..context import SiteContext
from ..manifest import Manifest
from ..output import write_new
from ..webfonts import WEB_FONTS, WEIGHTS, font_path, stylesheet, subset_woff2

CACHE_DIR = ".tryggest-cache/webfonts"


class WebFontRenderer:
    name = "webfonts"

    def render(self, site: SiteContext, manifest: Manifest, out: Path) -> None:
        for lang, font in WEB_FONTS.items():
            if lang not in site.texts:
                continue
            characters = language_characters(site, lang)
            for (weight, _), file in zip(WEIGHTS, font.files, strict=True):
                data = subset_woff2(font_path(file), characters, site.project.root / CACHE_DIR)
                write_new(out / font.woff2(weight), data)
            write_new(out / font.css, stylesheet(font))


def language_characters(site: SiteContext, lang: str) -> str:
    """Every character the pages of ``lang`` can show: its strings, pages and national texts."""
    texts = site.texts[lang]
    parts = [yaml.safe_dump(texts.strings, allow_unicode=True)]
    parts += [page.title + page.description + page.body for page in texts.pages.values()]
    for line in site.project.national.lines:
        parts += [line.name.get(lang, ""), line.purpose.get(lang, ""), line.hours_note.get(lang, "")]  # type: ignore[call-overload]
    parts += [law.name.get(lang, "") for law in site.project.national.laws]  # type: ignore[call-overload]
    meta = site.project.languages[lang]
    parts += [meta.name, meta.draft_notice or ""]
    return "".join(sorted(set("".join(parts))))
