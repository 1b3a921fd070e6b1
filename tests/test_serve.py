"""``tryggest serve``: start, change a file, see the page change, break it, see the last good page
and the problem, stop. Runs on the small fixture project on a free port of 127.0.0.1."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import REPO, make_project

from tryggest.serve import ServeSession, Watcher

TIMEOUT = 60


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8")


def wait_for(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError(f"gave up waiting for {what}")


def status(url: str) -> dict[str, object]:
    data: dict[str, object] = json.loads(fetch(url + "__tryggest/status")[1])
    return data


@pytest.fixture
def session(tmp_path: Path) -> Iterator[tuple[ServeSession, Path, list[str]]]:
    root = make_project(tmp_path)
    log: list[str] = []
    running = ServeSession(root, tmp_path / "served", port=0, poll_seconds=0.1, log=log.append)
    running.start()
    yield running, root, log
    running.stop()


def test_serve_rebuilds_on_change_and_keeps_last_good_site(session: tuple[ServeSession, Path, list[str]]) -> None:
    running, root, _ = session
    url, yml = running.url, root / "content/municipalities/fjordby.yml"
    code, page = fetch(url + "fjordby/")
    assert code == 200 and "33 41 60 00" in page
    assert '<script src="/__tryggest/live.js"' in page
    assert_live_reload_only_in_served_pages(running)
    first = status(url)["version"]

    yml.write_text(yml.read_text(encoding="utf-8").replace("+47 33 41 60 00", "+47 33 41 60 99"), encoding="utf-8")
    wait_for(lambda: "33 41 60 99" in fetch(url + "fjordby/")[1], "the new number on the page")
    wait_for(lambda: status(url)["version"] != first, "the pages to be told to reload")
    assert "33 41 60 00" not in fetch(url + "fjordby/")[1]

    yml.write_text(yml.read_text(encoding="utf-8").replace("+47 33 41 60 99", "+47 33 41"), encoding="utf-8")
    wait_for(lambda: status(url)["ok"] is False, "the failed build to be reported")
    problems = status(url)["problems"]
    assert isinstance(problems, list)
    assert problems[0].startswith("content/municipalities/fjordby.yml:7:10: contact.phone:")
    code, page = fetch(url + "fjordby/")
    assert code == 200 and "33 41 60 99" in page, "the last good site is still served"
    assert 'id="tryggest-live-problems"' in page and "is a short number" in page

    failed = status(url)["version"]
    yml.write_text(yml.read_text(encoding="utf-8").replace("+47 33 41\"", "+47 33 41 60 99\""), encoding="utf-8")
    wait_for(lambda: status(url)["ok"] is True, "the data put back to clear the error box")
    assert status(url)["problems"] == [] and status(url)["version"] != failed
    assert 'id="tryggest-live-problems"' not in fetch(url + "fjordby/")[1]


def assert_live_reload_only_in_served_pages(running: ServeSession) -> None:
    built = running.live.site_dir
    assert (built / "fjordby/index.html").is_file()
    for page in built.rglob("*.html"):
        assert "__tryggest" not in page.read_text(encoding="utf-8"), page
    code, script = fetch(running.url + "__tryggest/live.js")
    assert code == 200 and "/__tryggest/status" in script
    code, missing = fetch(running.url + "no-such-page/")
    assert code == 404 and "__tryggest/live.js" in missing


def test_comment_only_change_does_not_rebuild(session: tuple[ServeSession, Path, list[str]]) -> None:
    running, root, log = session
    version = status(running.url)["version"]
    yml = root / "content/municipalities/fjordby.yml"
    yml.write_text("# the phone is answered by the front desk\n" + yml.read_text(encoding="utf-8"), encoding="utf-8")
    wait_for(lambda: any("The data is the same" in line for line in log), "the change to be seen")
    assert status(running.url)["version"] == version


def test_serve_starts_even_when_the_first_build_fails(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    yml = root / "content/municipalities/fjordby.yml"
    yml.write_text(yml.read_text(encoding="utf-8").replace("county: Vestland", "county: [Vestland"), encoding="utf-8")
    running = ServeSession(root, tmp_path / "served", port=0, poll_seconds=0.1, log=lambda line: None)
    running.start()
    try:
        code, page = fetch(running.url + "fjordby/")
        assert code == 503 and "YAML syntax error" in page and "__tryggest/live.js" in page
        yml.write_text(yml.read_text(encoding="utf-8").replace("county: [Vestland", "county: Vestland"), encoding="utf-8")
        wait_for(lambda: fetch(running.url + "fjordby/")[0] == 200, "the fixed site")
        assert "33 41 60 00" in fetch(running.url + "fjordby/")[1]
    finally:
        running.stop()


def test_watcher_ignores_untouched_content_and_outside_files(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    watcher = Watcher(root)
    yml = root / "content/municipalities/fjordby.yml"
    os.utime(yml, ns=(time.time_ns(), time.time_ns() + 10_000_000_000))   # touched, same bytes
    (root / "notes.txt").write_text("not an input", encoding="utf-8")
    (root / "content/municipalities/.fjordby.yml.swp").write_text("editor swap file", encoding="utf-8")
    assert watcher.poll() == set()
    page = root / "content/nb/pages/index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert watcher.poll() == {"content/nb/pages/index.md"}


def test_serve_command_starts_and_stops(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    process = subprocess.Popen([sys.executable, "-m", "tryggest", "--root", str(root), "serve", "--port", "0",
                                "--site-dir", str(tmp_path / "served")],
                               cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        lines = iter(process.stdout.readline, "")
        line = next((line for line in lines if line.startswith("Serving")), "")
        assert line.startswith("Serving http://127.0.0.1:"), line
        url = line.split()[1]
        code, page = fetch(url + "fjordby/")
        assert code == 200 and "33 41 60 00" in page
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=30) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
