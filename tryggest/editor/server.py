"""The editor's web server on 127.0.0.1: the admin page, Decap CMS from the project's own npm
packages, the configuration, and the file API passed on to ``decap-server``.

Every file comes from this server, so the admin page's Content-Security-Policy allows only its own
origin (and the preview server in a frame). The file API is passed on only for requests from the
page itself: a request naming another host or origin is refused, so a web page open in the same
browser cannot write to the project.
"""

from __future__ import annotations

import html
import json
import re
import urllib.error
import urllib.request
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .config import API_PATH, config_text
from .saving import SaveCheck

ADMIN_DIR = Path(__file__).parent / "admin"
STATUS_PATH = "/__tryggest/status"
# Decap CMS's bundle and the chunks and WebAssembly files it loads next to itself.
BUNDLE_FILE = re.compile(r"^/((?:[0-9]+\.)?decap-cms\.js|[0-9a-f]+\.wasm|cms\.css)$")
OWN_FILES = {"/editor.js": ("editor.js", "text/javascript"), "/editor.css": ("editor.css", "text/css")}
TYPES = {".js": "text/javascript", ".wasm": "application/wasm", ".css": "text/css"}
MAX_BODY = 50 * 1024 * 1024


def admin_policy(preview: str) -> str:
    """The admin page's own policy; the public site's pages keep theirs.

    Decap's form styles are inserted by script (so ``style-src`` allows inline styles) and its
    configuration check compiles code at run time (``'unsafe-eval'``): without either the form
    fails. Nothing else is loosened, and nothing may come from another origin.
    """
    return ("default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
            f"img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; frame-src 'self' {preview}; "
            "worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'")


class EditorServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], bundle_dir: Path, backend_url: str, saves: SaveCheck,
                 preview_url: str) -> None:
        self.bundle_dir, self.backend_url, self.saves, self.preview_url = bundle_dir, backend_url, saves, preview_url
        super().__init__(address, EditorHandler)

    @property
    def origin(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}"


class EditorHandler(BaseHTTPRequestHandler):
    server: EditorServer

    def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
        path = urlsplit(self.path).path
        if not self._own_host():
            self._send(HTTPStatus.FORBIDDEN, "text/plain", b"Forbidden")
        elif path in ("/", "/index.html"):
            self._send(HTTPStatus.OK, "text/html; charset=utf-8", self._admin_page(), policy=True)
        elif path == "/config.yml":
            self._send(HTTPStatus.OK, "text/yaml; charset=utf-8", config_text().encode("utf-8"))
        elif path == STATUS_PATH:
            self._send(HTTPStatus.OK, "application/json", json.dumps(self.server.saves.status.as_json()).encode())
        elif path in OWN_FILES:
            name, kind = OWN_FILES[path]
            self._send(HTTPStatus.OK, kind, (ADMIN_DIR / name).read_bytes())
        elif BUNDLE_FILE.match(path) and (self.server.bundle_dir / path[1:]).is_file():
            file = self.server.bundle_dir / path[1:]
            self._send(HTTPStatus.OK, TYPES[file.suffix], file.read_bytes(), cache=True)
        else:
            self._send(HTTPStatus.NOT_FOUND, "text/plain", b"Not found")

    def do_POST(self) -> None:  # noqa: N802
        if urlsplit(self.path).path != API_PATH or not self._own_host() or not self._own_origin():
            self._send(HTTPStatus.FORBIDDEN, "application/json", b'{"error": "forbidden"}')
            return
        length = int(self.headers.get("Content-Length") or 0)
        if not 0 < length <= MAX_BODY or not (self.headers.get("Content-Type") or "").startswith("application/json"):
            self._send(HTTPStatus.BAD_REQUEST, "application/json", b'{"error": "bad request"}')
            return
        body = self.rfile.read(length)
        saving = _saved_paths(body)
        before = self.server.saves.before(saving) if saving else {}
        status, answer = self._pass_on(body)
        if saving and status == HTTPStatus.OK:
            self.server.saves.after(before)
        self._send(status, "application/json", answer)

    def _pass_on(self, body: bytes) -> tuple[int, bytes]:
        request = urllib.request.Request(self.server.backend_url, data=body, method="POST",
                                         headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return int(response.status), bytes(response.read())
        except urllib.error.HTTPError as exc:
            return int(exc.code), bytes(exc.read())
        except OSError as exc:
            return HTTPStatus.BAD_GATEWAY, json.dumps({"error": f"decap-server: {exc}"}).encode()

    def _own_host(self) -> bool:
        """Refuse a request for another host name (a DNS rebinding attack from a web page)."""
        port = self.server.server_address[1]
        return self.headers.get("Host", "") in (f"127.0.0.1:{port}", f"localhost:{port}")

    def _own_origin(self) -> bool:
        origin = self.headers.get("Origin")
        return origin is None or origin in (self.server.origin, self.server.origin.replace("127.0.0.1", "localhost"))

    def _admin_page(self) -> bytes:
        page = (ADMIN_DIR / "index.html").read_text(encoding="utf-8")
        return page.replace("{{ preview }}", html.escape(self.server.preview_url)).encode("utf-8")

    def _send(self, status: int, kind: str, body: bytes, policy: bool = False, cache: bool = False) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=3600" if cache else "no-store")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("X-Content-Type-Options", "nosniff")
        if policy:
            self.send_header("Content-Security-Policy", admin_policy(_origin_of(self.server.preview_url)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (the signature of http.server)
        """Keep the terminal for saves and checks; requests are not logged."""


def _origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _saved_paths(body: bytes) -> list[str]:
    """The files a ``persistEntry`` request writes (none for any other request)."""
    try:
        request = json.loads(body)
    except ValueError:
        return []
    if not isinstance(request, dict) or request.get("action") != "persistEntry":
        return []
    params = request.get("params") or {}
    files = params.get("dataFiles") or [params.get("entry") or {}]
    return sorted({str(f["path"]) for f in files if isinstance(f, dict) and f.get("path")})
