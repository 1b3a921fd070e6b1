"""The editor's server: its own Content-Security-Policy, Decap CMS from the installed npm package
and nothing else from that folder, and a file API that answers only the editor's own page."""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import REPO

from tryggest.editor.config import editor_config
from tryggest.editor.saving import SaveCheck
from tryggest.editor.server import EditorServer
from tryggest.editor.session import BUNDLE, node_modules

PREVIEW = "http://127.0.0.1:8081/"


class FakeBackend(BaseHTTPRequestHandler):
    """Stands in for decap-server: records each request and writes what a save would write."""

    seen: list[dict[str, Any]] = []
    root = Path()

    def do_POST(self) -> None:  # noqa: N802
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.seen.append(body)
        if body["action"] == "persistEntry":
            entry = body["params"]["entry"]
            (self.root / entry["path"]).write_text(entry["raw"], encoding="utf-8")
        answer = json.dumps({"message": "ok"}).encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass


def start(server: ThreadingHTTPServer) -> None:
    threading.Thread(target=server.serve_forever, daemon=True).start()


@pytest.fixture
def editor(project: Path) -> Iterator[tuple[str, SaveCheck, type[FakeBackend]]]:
    backend_class = type("Backend", (FakeBackend,), {"seen": [], "root": project})
    backend = ThreadingHTTPServer(("127.0.0.1", 0), backend_class)
    saves = SaveCheck(project, lambda line: None)
    server = EditorServer(("127.0.0.1", 0), node_modules(REPO) / BUNDLE.parent,
                          f"http://127.0.0.1:{backend.server_port}/api/v1", saves, PREVIEW)
    start(backend)
    start(server)
    try:
        yield server.origin, saves, backend_class
    finally:
        for running in (server, backend):
            running.shutdown()
            running.server_close()


def get(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers or {}), timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def post(url: str, body: dict[str, Any], headers: dict[str, str] | None = None) -> int:
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json", **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return int(response.status)
    except urllib.error.HTTPError as exc:
        return exc.code


def test_the_admin_page_has_its_own_policy(editor: tuple[str, SaveCheck, Any]) -> None:
    origin, _, _ = editor
    status, headers, body = get(origin + "/")
    assert status == 200 and b'<script src="decap-cms.js"></script>' in body
    policy = headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "connect-src 'self';" in policy and "frame-ancestors 'none'" in policy
    assert f"frame-src 'self' {PREVIEW.rstrip('/')};" in policy
    assert [word for word in policy.split() if "://" in word] == [PREVIEW.rstrip("/") + ";"], "no other origin"
    assert f'data-preview="{PREVIEW}"' in body.decode()


def test_decap_comes_from_the_installed_package_and_nothing_else_from_there(editor: tuple[str, SaveCheck, Any]) -> None:
    origin, _, _ = editor
    status, headers, body = get(origin + "/decap-cms.js")
    assert status == 200 and headers["Content-Type"] == "text/javascript"
    assert body == (node_modules(REPO) / BUNDLE).read_bytes()
    for path in ("/decap-cms.js.map", "/../package.json", "/%2e%2e/package.json", "/config.yml.bak"):
        assert get(origin + path)[0] == 404, path
    status, _, config = get(origin + "/config.yml")
    assert status == 200 and yaml.safe_load(config) == editor_config()


def test_the_file_api_answers_only_its_own_page(editor: tuple[str, SaveCheck, Any]) -> None:
    origin, _, backend = editor
    info = {"action": "info"}
    assert post(origin + "/api/v1", info, {"Origin": "https://example.com"}) == 403
    assert post(origin + "/api/v1", info, {"Host": "attacker.example:80"}) == 403
    assert backend.seen == []
    assert post(origin + "/api/v1", info, {"Origin": origin}) == 200
    assert backend.seen == [info]


def test_a_save_through_the_api_is_tidied_and_checked(editor: tuple[str, SaveCheck, Any], project: Path) -> None:
    origin, saves, _ = editor
    relative = "content/municipalities/fjordby.yml"
    text = (project / relative).read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    data["contact"]["phone"] = "+47 33 41 60 00"
    raw = yaml.safe_dump(data, sort_keys=True, allow_unicode=True)
    body = {"action": "persistEntry", "params": {"branch": "main", "entry": {"slug": "fjordby", "path": relative, "raw": raw},
                                                 "assets": [], "options": {"commitMessage": "x"}}}
    assert post(origin + "/api/v1", body) == 200
    status = saves.status.as_json()
    assert status["version"] == 1 and status["ok"] is True and status["saved"] == [relative]
    after = (project / relative).read_text(encoding="utf-8")
    assert list(yaml.safe_load(after)) == list(data), "keys in the model's order"
    assert after.startswith("id: fjordby\n") and '"+47 33 41 60 00"' in after
