"""The local web server of ``tryggest serve``: the built site, plus live reload and build problems.

Live reload is a small same-origin script added to each HTML page as it is sent. The files on disk
are the ones ``tryggest build`` would publish; nothing of this module ends up in them.
"""

from __future__ import annotations

import html
import json
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

if TYPE_CHECKING:
    from .serve import BuildState

LIVE_DIR = Path(__file__).parent / "live"
PREFIX = "/__tryggest/"
STATUS_PATH = PREFIX + "status"
ASSETS = {PREFIX + "live.js": ("live.js", "text/javascript"), PREFIX + "live.css": ("live.css", "text/css")}
HEADING = ("Endringen er ikke bygget. Siden viser siste versjon som virket. / "
           "The change was not built. This page is the last version that worked.")


class LiveServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], site_dir: Path, state: BuildState) -> None:
        self.site_dir, self.state = site_dir, state
        super().__init__(address, LiveHandler)


class LiveHandler(SimpleHTTPRequestHandler):
    server: LiveServer

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, directory=str(args[2].site_dir), **kwargs)

    def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
        path = unquote(urlsplit(self.path).path)
        if path == STATUS_PATH:
            self._send(HTTPStatus.OK, "application/json", json.dumps(self.server.state.as_json()).encode())
        elif path in ASSETS:
            name, kind = ASSETS[path]
            self._send(HTTPStatus.OK, kind, (LIVE_DIR / name).read_bytes())
        elif not self.server.state.has_site:
            self._send(HTTPStatus.SERVICE_UNAVAILABLE, "text/html; charset=utf-8", self._problem_page())
        else:
            page = self._html_file(path)
            if page is None:
                super().do_GET()
            else:
                status = HTTPStatus.OK if page.name != "404.html" or path.endswith("404.html") else HTTPStatus.NOT_FOUND
                self._send(status, "text/html; charset=utf-8", self._with_live(page.read_text(encoding="utf-8")))

    def _html_file(self, path: str) -> Path | None:
        """The HTML file to send for ``path`` (the site's 404 page for a missing one); None: not HTML."""
        file = Path(self.translate_path(path))
        if file.is_dir() and path.endswith("/"):
            file = file / "index.html"
        if file.is_file():
            return file if file.suffix == ".html" else None
        if file.is_dir() or file.suffix not in ("", ".html"):
            return None  # a folder without "/" is redirected, a missing file gets a plain 404
        missing = Path(self.server.site_dir) / "404.html"
        return missing if missing.is_file() else None

    def _with_live(self, page: str) -> bytes:
        state = self.server.state.as_json()
        tags = (f'<link rel="stylesheet" href="{PREFIX}live.css">'
                f'<script src="{PREFIX}live.js" data-version="{state["version"]}"></script>')
        page = _insert_before(page, "</head>", tags)
        if state["problems"]:
            page = _insert_after_body(page, problem_box(state["problems"]))
        return page.encode("utf-8")

    def _problem_page(self) -> bytes:
        state = self.server.state.as_json()
        return (f'<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>TryggEst</title>'
                f'<link rel="stylesheet" href="{PREFIX}live.css">'
                f'<script src="{PREFIX}live.js" data-version="{state["version"]}"></script></head>'
                f'<body>{problem_box(state["problems"])}</body></html>').encode()

    def _send(self, status: HTTPStatus, kind: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (the signature of http.server)
        """Keep the terminal for build messages; requests are not logged."""


def problem_box(problems: list[str]) -> str:
    return (f'<section id="tryggest-live-problems" role="alert"><h2>{html.escape(HEADING)}</h2>'
            f'<pre>{html.escape(chr(10).join(problems))}</pre></section>')


def _insert_before(page: str, marker: str, text: str) -> str:
    at = page.find(marker)
    return page[:at] + text + page[at:] if at >= 0 else text + page


def _insert_after_body(page: str, text: str) -> str:
    start = page.find("<body")
    end = page.find(">", start) + 1 if start >= 0 else 0
    return page[:end] + text + page[end:]
