"""What a page costs a reader on a weak signal: the bytes of a first visit and of a later page,
compressed as a web server sends them (gzip), and a loopback server that sends them so.

A first visit fetches the page and every file it loads at once (stylesheets, scripts, icons,
images that are not lazy); a later page fetches its HTML and whatever the first one did not load,
since the browser keeps the rest.
"""

from __future__ import annotations

import functools
import gzip
import posixpath
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from io import BytesIO
from pathlib import Path
from typing import Any

FIRST_VISIT_BUDGET = 50 * 1024
LATER_PAGE_BUDGET = 15 * 1024
_LOADS = re.compile(r"""<(?:script\b[^>]*\bsrc|link\b[^>]*\bhref|img\b(?![^>]*\bloading="lazy")[^>]*\bsrc)="([^"]+)\"""")
_LINK_REL = re.compile(r"""<link\b[^>]*\brel="([^"]+)"[^>]*\bhref="([^"]+)\"""")
_FETCHED_RELS = {"stylesheet", "icon", "preload", "modulepreload", "manifest"}


def compressed_size(path: Path) -> int:
    """The bytes a server that compresses with gzip sends for ``path``."""
    return len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))


def page_file(site: Path, url_path: str) -> Path:
    """The file that answers ``url_path`` (a path inside the site, "" for the front page)."""
    target = site / url_path
    return target / "index.html" if url_path.endswith("/") or url_path == "" else target


def loaded_at_once(site: Path, url_path: str) -> list[str]:
    """The site files a page fetches as it loads (found in its HTML), the page first."""
    html = page_file(site, url_path).read_text(encoding="utf-8")
    folder = url_path if url_path.endswith("/") or url_path == "" else posixpath.dirname(url_path) + "/"
    refs = [href for rel, href in _LINK_REL.findall(html) if set(rel.split()) & _FETCHED_RELS]
    refs += [src for src in _LOADS.findall(html) if not src.startswith("#")
             and not re.search(rf"""<link\b[^>]*href="{re.escape(src)}\"""", html)]
    files = [posixpath.relpath(page_file(site, url_path).as_posix(), site.as_posix())]
    for ref in refs:
        if ref.startswith(("http:", "https:", "//", "data:", "mailto:", "tel:")):
            continue
        relative = posixpath.normpath(posixpath.join(folder, ref.split("?", 1)[0].split("#", 1)[0]))
        if relative not in files and (site / relative).is_file():
            files.append(relative)
    return files


@dataclass
class Weight:
    first_visit: int     # bytes, compressed
    later_page: int


def weights(site: Path, first: str, later: str) -> Weight:
    """The first visit to ``first``, then ``later`` with what the first one loaded in the cache."""
    seen = loaded_at_once(site, first)
    page, *files = loaded_at_once(site, later)
    again = [page, *(f for f in files if f not in seen)]
    return Weight(sum(compressed_size(site / f) for f in seen), sum(compressed_size(site / f) for f in again))


class _Compressing(SimpleHTTPRequestHandler):
    """Serves the site as a production server would: compressed, with the build's headers."""

    site_headers: list[tuple[str, str]] = []

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def end_headers(self) -> None:
        for name, value in self.site_headers:
            self.send_header(name, value)
        super().end_headers()

    def send_head(self) -> Any:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return BytesIO(body)


def site_headers(site: Path) -> list[tuple[str, str]]:
    headers = site / "_headers"
    if not headers.is_file():
        return []
    pairs = [line.strip().split(":", 1) for line in headers.read_text(encoding="utf-8").splitlines() if line.startswith("  ")]
    return [(name.strip(), value.strip()) for name, value in pairs]


@contextmanager
def serve_compressed(site: Path) -> Iterator[str]:
    """The site on a loopback address, compressed; yields its base URL."""
    handler = type("Handler", (_Compressing,), {"site_headers": site_headers(site)})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()
