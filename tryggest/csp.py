"""Content-Security-Policy for every page of the finished site.

Each page gets a ``<meta http-equiv="Content-Security-Policy">`` that allows only the site's own
origin plus the SHA-256 hashes of the inline scripts and styles that page really contains, so
the policy always matches the page. A site-wide header with the union of all hashes is written
to ``_headers`` (the format of Netlify and Cloudflare Pages; other servers copy the line, see
README). Readers may be watched: nothing may load from another origin, and a policy that only
allows this origin makes the browser refuse it even if a page asked for it.

The engine gives each page its policy as it writes it (``Policies.secure``); HTML among the print
and slide files is read back and rewritten (``secure_pages``).
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from .output import write_new
from .problems import InputError, Problem

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


# Two passes in the regex engine instead of the standard library's HTMLParser, which costs a few
# milliseconds a page: minutes on a national portal. tests/test_safety.py checks every built page
# against HTMLParser. Pass one takes comments whole and each script or style element with its text
# (which ends at the first matching end tag, as in the HTML parser). Pass two finds start tags with an
# attribute whose name begins with "style" or "on" outside quoted values, which may hold ">"; a match
# inside a comment or a script or style text is not a tag.
_QUOTED = r"""\"[^"]*+\"|'[^']*+'"""
_CODE = re.compile(rf"""<!--.*?-->|<(script|style)(?=[\s/>])((?:[^>"']++|{_QUOTED})*+)>(.*?)</\1\s*>""",
                   re.I | re.S)
# Spelled out rather than re.I, which makes this pattern twice as slow.
_REFUSED_NAME = "(?:[sS][tT][yY][lL][eE]|[oO][nN])"
# Attributes are taken possessively up to the first refused name, so a tag without one fails at once.
_HARMLESS = rf"""(?:[^>"'\s/]++|[\s/]++(?!{_REFUSED_NAME})|(?:{_QUOTED})(?!{_REFUSED_NAME}))*+"""
_SUSPECT_TAG = re.compile(rf"""<([a-zA-Z][^\s/>]*+)({_HARMLESS}(?:[\s/]++|{_QUOTED}){_REFUSED_NAME}(?:[^>"']++|{_QUOTED})*+)>""")
_ATTR = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?""")


def inline_code(html: str) -> InlineCode:
    # The browser hashes the text after its parser has turned CR LF into LF.
    html = html.replace("\r\n", "\n").replace("\r", "\n")
    found = InlineCode()
    not_tags: list[tuple[int, int]] = []
    for code in _CODE.finditer(html):
        if not code[1]:
            not_tags.append(code.span())
            continue
        not_tags.append(code.span(3))
        attrs = _attributes(code[2])
        if code[1].lower() == "style":
            found.styles.append(code[3])
        elif "src" not in attrs and attrs.get("type", "").strip().lower() in SCRIPT_TYPES:
            found.scripts.append(code[3])
    for tag in _SUSPECT_TAG.finditer(html):
        if any(start <= tag.start() < end for start, end in not_tags):
            continue
        found.blocked += [(*_place(html, tag.start()), f"<{tag[1].lower()} {name}=...>")
                          for name in _attributes(tag[2]) if name == "style" or name.startswith("on")]
    return found


def _attributes(text: str) -> dict[str, str]:
    return {name.lower(): (value or "").strip("\"'") for name, value in _ATTR.findall(text)}


def _place(html: str, offset: int) -> tuple[int, int]:
    line_start = html.rfind("\n", 0, offset) + 1
    return html.count("\n", 0, offset) + 1, offset - line_start + 1


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


@dataclass
class Policies:
    """Gives pages their policy, one at a time, and keeps what the site-wide header needs: every
    hash any page allows, and the pages that carry code a policy cannot allow."""

    scripts: set[str] = field(default_factory=set)
    styles: set[str] = field(default_factory=set)
    problems: list[Problem] = field(default_factory=list)

    def secure(self, html: str, shown: str) -> str:
        """``html`` (the page at ``shown``, relative to the site) with its own policy."""
        code = inline_code(html)
        self.problems += [Problem(shown, line, col, "", f"{what} is refused by the Content-Security-Policy; "
                                  "use a class and the theme's CSS or JavaScript files instead")
                          for line, col, what in code.blocked]
        scripts = {source_hash(s) for s in code.scripts}
        styles = {source_hash(s) for s in code.styles}
        self.scripts |= scripts
        self.styles |= styles
        try:
            return with_policy(html, policy(scripts, styles))
        except ValueError:
            self.problems.append(Problem(shown, 1, 1, "", "the page has no <head> for its Content-Security-Policy"))
            return html

    def merge(self, other: Policies) -> None:
        self.scripts |= other.scripts
        self.styles |= other.styles
        self.problems += other.problems

    def check(self) -> None:
        if self.problems:
            raise InputError(sorted(self.problems, key=lambda p: (p.path, p.line, p.col)))


def secure_pages(folder: Path, policies: Policies) -> None:
    """Give every HTML page under ``folder`` its own policy.

    Pages are written as new files: they may be hard links into the cache or the previous site.
    """
    for path in sorted(folder.rglob("*.html")):
        html = path.read_bytes().decode("utf-8")
        write_new(path, policies.secure(html, path.relative_to(folder).as_posix()))


def write_headers(site_dir: Path, scripts: set[str], styles: set[str]) -> None:
    """The site-wide header policy: every hash any page needs (with those already listed, when the
    site is being updated rather than built anew)."""
    headers = site_dir / HEADERS_FILE
    if headers.is_file():
        text = headers.read_text(encoding="utf-8")
        listed_scripts, listed_styles = listed_hashes(text)
        scripts, styles = scripts | listed_scripts, styles | listed_styles
    write_new(headers, headers_file(policy(scripts, styles, header=True)))


def listed_hashes(headers: str) -> tuple[set[str], set[str]]:
    """The script and style hashes a header file's policy allows."""
    return _listed(headers, "script-src"), _listed(headers, "style-src")


def _listed(headers: str, directive: str) -> set[str]:
    found = re.search(rf"{directive} ([^;\n]*)", headers)
    return {token for token in found[1].split() if token.startswith("'sha256-")} if found else set()


HEADERS_FILE = "_headers"


def headers_file(content_policy: str) -> str:
    lines = ["/*", f"  Content-Security-Policy: {content_policy}"]
    lines += [f"  {name}: {value}" for name, value in OTHER_HEADERS]
    return "\n".join(lines) + "\n"
