"""Content-Security-Policy for every page of the finished site.

Each page gets a ``<meta http-equiv="Content-Security-Policy">`` that allows only the site's own
origin plus the SHA-256 hashes of the inline scripts and styles that page really contains, so
the policy always matches the page. A site-wide header with the union of all hashes is written
to ``_headers`` (the format of Netlify and Cloudflare Pages; other servers copy the line, see
README). Readers may be watched: nothing may load from another origin, and a policy that only
allows this origin makes the browser refuse it even if a page asked for it.

This renderer reads the HTML the others wrote, so it must be the last site renderer.
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from ..output import write_new
from ..problems import InputError, Problem

# Directives both in the page and in the header. img-src allows data: because the theme's CSS
# draws its icons from data: URLs.
POLICY: tuple[tuple[str, str], ...] = (
    ("default-src", "'self'"),
    ("script-src", "'self'"),
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("worker-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)
# Browsers ignore these in a <meta> tag (and warn about them), so they go in the header only.
HEADER_ONLY: tuple[tuple[str, str], ...] = (("frame-ancestors", "'none'"),)
OTHER_HEADERS: tuple[tuple[str, str], ...] = (
    ("Referrer-Policy", "no-referrer"),
    ("X-Content-Type-Options", "nosniff"),
)
SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module", "text/ecmascript",
                "application/ecmascript"}
_META = re.compile(r'<meta http-equiv="Content-Security-Policy"[^>]*>\s*', re.I)
_CHARSET = re.compile(r"<meta\s+charset=[\"']?utf-8[\"']?\s*/?>", re.I)
_HEAD = re.compile(r"<head(?:\s[^>]*)?>", re.I)


@dataclass
class InlineCode:
    """The inline scripts and styles of one page, and the attributes a policy cannot allow."""

    scripts: list[str] = field(default_factory=list)
    styles: list[str] = field(default_factory=list)
    blocked: list[tuple[int, int, str]] = field(default_factory=list)   # line, column, what


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.found = InlineCode()
        self._into: list[str] | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = dict(attrs)
        line, col = self.getpos()
        for name, _ in attrs:
            if name == "style" or name.startswith("on"):
                self.found.blocked.append((line, col + 1, f"<{tag} {name}=...>"))
        if tag == "style":
            self._start(self.found.styles)
        elif tag == "script" and "src" not in names and (names.get("type") or "").strip().lower() in SCRIPT_TYPES:
            self._start(self.found.scripts)

    def _start(self, into: list[str]) -> None:
        self._into, self._text = into, []

    def handle_data(self, data: str) -> None:
        if self._into is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if self._into is not None and tag in ("script", "style"):
            self._into.append("".join(self._text))
            self._into = None


def inline_code(html: str) -> InlineCode:
    collector = _Collector()
    # The browser hashes the text after its parser has turned CR LF into LF.
    collector.feed(html.replace("\r\n", "\n").replace("\r", "\n"))
    collector.close()
    return collector.found


def source_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def policy(scripts: set[str], styles: set[str], header: bool = False) -> str:
    extra = {"script-src": sorted(scripts), "style-src": sorted(styles)}
    directives = [*POLICY, *(HEADER_ONLY if header else ())]
    return "; ".join(" ".join([name, value, *extra.get(name, [])]) for name, value in directives)


def with_policy(html: str, content: str) -> str:
    """``html`` with its policy meta tag first in the head, so it governs every inline element."""
    html = _META.sub("", html)
    tag = f'<meta http-equiv="Content-Security-Policy" content="{content}">'
    anchor = _CHARSET.search(html) or _HEAD.search(html)
    if anchor is None:
        raise ValueError("no <head>")
    return f"{html[:anchor.end()]}\n{tag}{html[anchor.end():]}"


def secure_pages(folder: Path) -> tuple[set[str], set[str]]:
    """Give every HTML page under ``folder`` its own policy; return the hashes of scripts and styles.

    Pages are written as new files: they may be hard links into the cache or the previous site.
    """
    problems: list[Problem] = []
    all_scripts: set[str] = set()
    all_styles: set[str] = set()
    for path in sorted(folder.rglob("*.html")):
        shown = path.relative_to(folder).as_posix()
        html = path.read_bytes().decode("utf-8")
        code = inline_code(html)
        problems += [Problem(shown, line, col, "", f"{what} is refused by the Content-Security-Policy; "
                             "use a class and the theme's CSS or JavaScript files instead")
                     for line, col, what in code.blocked]
        scripts = {source_hash(s) for s in code.scripts}
        styles = {source_hash(s) for s in code.styles}
        all_scripts |= scripts
        all_styles |= styles
        try:
            write_new(path, with_policy(html, policy(scripts, styles)))
        except ValueError:
            problems.append(Problem(shown, 1, 1, "", "the page has no <head> for its Content-Security-Policy"))
    if problems:
        raise InputError(problems)
    return all_scripts, all_styles


def write_headers(site_dir: Path, scripts: set[str], styles: set[str]) -> None:
    """The site-wide header policy: every hash any page needs (with those already listed, when the
    site is being updated rather than built anew)."""
    headers = site_dir / HEADERS_FILE
    if headers.is_file():
        text = headers.read_text(encoding="utf-8")
        scripts, styles = scripts | _listed(text, "script-src"), styles | _listed(text, "style-src")
    write_new(headers, headers_file(policy(scripts, styles, header=True)))


def _listed(headers: str, directive: str) -> set[str]:
    found = re.search(rf"{directive} ([^;\n]*)", headers)
    return {token for token in found[1].split() if token.startswith("'sha256-")} if found else set()


HEADERS_FILE = "_headers"


def headers_file(content_policy: str) -> str:
    lines = ["/*", f"  Content-Security-Policy: {content_policy}"]
    lines += [f"  {name}: {value}" for name, value in OTHER_HEADERS]
    return "\n".join(lines) + "\n"
