"""``tryggest edit``: the form editor, its file back end and the preview, all on 127.0.0.1.

Three parts run together:
- ``decap-server`` (npm), started with Node.js on a free loopback port: it reads and writes the
  YAML files of the working tree (its ``fs`` mode; nothing is committed);
- the editor server (``server.py``): the admin page and Decap CMS from the project's installed npm
  packages, and the file API passed on to ``decap-server`` with a tidy-and-check after each save;
- ``tryggest serve``'s preview on its own port, which rebuilds the site when a file changes and
  shows the check's problems on its pages.
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from ..serve import Log, ServeSession, say
from .config import API_PATH
from .saving import SaveCheck
from .server import EditorServer

BUNDLE = Path("decap-cms/dist/decap-cms.js")
BACKEND = Path("decap-server/dist/index.js")
TOOL_ROOT = Path(__file__).resolve().parents[2]
PR_SET_PDEATHSIG = 1   # from <sys/prctl.h>


class EditorUnavailable(Exception):
    """Node.js or the npm packages are missing, or the back end did not start."""


def node_modules(root: Path) -> Path:
    """The npm packages: the project's own, else those installed next to this tool."""
    for folder in (root / "node_modules", TOOL_ROOT / "node_modules"):
        if (folder / BUNDLE).is_file() and (folder / BACKEND).is_file():
            return folder
    raise EditorUnavailable("decap-cms and decap-server are not installed; run ./scripts/setup (it runs npm ci)")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _end_with_parent() -> None:
    """On Linux, decap-server is told to stop when this process ends, even when it is killed."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


class EditSession:
    """A running ``tryggest edit``."""

    def __init__(self, root: Path, port: int = 8080, preview_port: int = 8081, site_dir: Path | None = None,
                 log: Log = say) -> None:
        self.root, self.log = root, log
        self.modules = node_modules(root)
        node = shutil.which("node")
        if node is None:
            raise EditorUnavailable("Node.js is not installed; run ./scripts/setup")
        self.preview = ServeSession(root, site_dir or root / "build" / "serve", port=preview_port,
                                    log=lambda line: log(f"[forhåndsvisning / preview] {line}"))
        self.backend_port = free_port()
        self.backend = self._start_backend(node)
        self.saves = SaveCheck(root, log)
        try:
            self.server = EditorServer(("127.0.0.1", port), self.modules / BUNDLE.parent,
                                       f"http://127.0.0.1:{self.backend_port}{API_PATH}", self.saves, self.preview.url)
        except OSError:
            self._stop_backend()
            self.preview.server.server_close()
            raise
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return self.server.origin + "/"

    def _start_backend(self, node: str) -> subprocess.Popen[bytes]:
        env = {**os.environ, "PORT": str(self.backend_port), "BIND_HOST": "127.0.0.1", "MODE": "fs",
               "GIT_REPO_DIRECTORY": str(self.root), "LOG_LEVEL": "warn"}
        process = subprocess.Popen([node, str(self.modules / BACKEND)], env=env, cwd=self.root,
                                   stdin=subprocess.DEVNULL, preexec_fn=_end_with_parent)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise EditorUnavailable(f"decap-server stopped at start (exit code {process.returncode})")
            if self._backend_answers():
                return process
            time.sleep(0.2)
        process.terminate()
        raise EditorUnavailable("decap-server did not answer within 30 seconds")

    def _backend_answers(self) -> bool:
        request = urllib.request.Request(f"http://127.0.0.1:{self.backend_port}{API_PATH}", method="POST",
                                         data=json.dumps({"action": "info"}).encode(),
                                         headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=2) as response:
                return bool(response.status == 200)
        except (urllib.error.URLError, OSError):
            return False

    def start(self) -> str:
        """Serve the editor at once; then build the preview (the first build takes a while)."""
        self._thread = threading.Thread(target=self.server.serve_forever, name="tryggest-editor", daemon=True)
        self._thread.start()
        self.log(f"Editor: {self.url}  (open it in a browser; stop with Ctrl+C)")
        self.log(f"Preview / forhåndsvisning: {self.preview.start()}")
        return self.url

    def wait(self) -> None:
        self.preview.wait()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.preview.stop()
        self._stop_backend()

    def _stop_backend(self) -> None:
        self.backend.terminate()
        try:
            self.backend.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.backend.kill()
