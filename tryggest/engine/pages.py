"""What the engine does to each page as it is written, so that it loads fast and validates.

- The theme's stylesheets are inlined, cut to the rules this page uses (``css_purge``): no
  stylesheet request stands between the reader and the first paint, and a page carries about a
  tenth of the theme's CSS. The Content-Security-Policy then allows the ``<style>`` by its hash.
- Material writes ``autocomplete="off"`` on its two checkbox toggles (menu and search), where HTML
  allows the attribute only on text-like inputs. Without it a browser may restore a toggle's state
  when the reader comes back to a page, which only reopens the menu or search they left open.

Which stylesheets a page links and where the theme keeps them is engine knowledge: it stays here
and in ``engine``, never in the renderers.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Sequence
from pathlib import Path

from ..webfonts import ASSET_DIR
from .css_purge import StyleSheets, script_vocabulary, vocabulary

_STYLESHEET = re.compile(r"""<link\s+rel="stylesheet"\s+href="([^"]+)"\s*/?>[ \t]*\n?""")
_SCRIPT_SRC = re.compile(r"""<script\b[^>]*\bsrc="([^"]+)\"""")
_TOGGLE = re.compile(r"""(<input class="md-toggle"[^>]*type="checkbox"[^>]*?) autocomplete="off\"""")
_STRING_WORDS = re.compile(r"""["']([A-Za-z][\w\s-]*)["']""")


FONT_ASSETS = ASSET_DIR + "/"


class LeanPages:
    """Inlines each page's stylesheets, cut to what it uses; reads every theme file once per process."""

    def __init__(self, theme_dirs: Sequence[Path], site_path: str = "/") -> None:
        self.theme_dirs = list(theme_dirs)
        self.site_path = "/" + site_path.strip("/") + "/" if site_path.strip("/") else "/"
        self._sheets: dict[tuple[str, ...], StyleSheets] = {}
        self._script_words: dict[str, set[str]] = {}

    def apply(self, html: str, dest_uri: str) -> str:
        html = _TOGGLE.sub(r"\1", html)
        head_end = html.find("</head>")
        folder = posixpath.dirname(dest_uri)
        # A web font's stylesheet stays a link: it is written after the engine, and its font URLs are
        # relative to its own folder.
        links = [link for link in _STYLESHEET.finditer(html, 0, head_end)
                 if not _remote(link[1]) and not self._in_site(folder, link[1]).startswith(FONT_ASSETS)]
        if not links:
            return html
        paths = tuple(self._in_site(folder, link[1]) for link in links)
        sheets = self._sheets.get(paths)
        if sheets is None:
            sheets = self._sheets[paths] = StyleSheets([self._file(path) for path in paths])
        offered = vocabulary(html)
        for src in _SCRIPT_SRC.findall(html):
            if not _remote(src):
                offered |= self._words_of(self._in_site(folder, src))
        css = sheets.used_by(offered)
        parts, last = [], 0
        for index, link in enumerate(links):
            parts.append(html[last:link.start()])
            if index == 0:
                parts.append(f"<style>{css}</style>\n")
            last = link.end()
        return "".join([*parts, html[last:]])

    def _in_site(self, folder: str, href: str) -> str:
        """The file an address on the page at ``folder`` points at, as a path in the site."""
        href = href.split("?", 1)[0].split("#", 1)[0]
        if href.startswith("/"):
            return posixpath.normpath(href.removeprefix(self.site_path).lstrip("/"))
        return posixpath.normpath(posixpath.join(folder, href))

    def _words_of(self, path: str) -> set[str]:
        """Classes and attributes a script of the page may add: the words of its string literals."""
        if path not in self._script_words:
            text = self._file(path) if self._find(path) else ""
            words = {word for literal in _STRING_WORDS.findall(text) for word in literal.split()}
            self._script_words[path] = script_vocabulary(words)
        return self._script_words[path]

    def _find(self, path: str) -> Path | None:
        return next((d / path for d in self.theme_dirs if (d / path).is_file()), None)

    def _file(self, path: str) -> str:
        found = self._find(path)
        if found is None:
            raise FileNotFoundError(f"{path} is not in the theme ({', '.join(map(str, self.theme_dirs))})")
        return found.read_text(encoding="utf-8")


def _remote(href: str) -> bool:
    return href.startswith(("http:", "https:", "//", "data:"))


