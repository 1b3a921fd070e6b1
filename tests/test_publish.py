"""``tryggest check --publish`` refuses what must not go public, with file and line, and exit 2:
a placeholder address, demo data, a demo number, and a print date older than the data it prints."""

from __future__ import annotations

import os
import subprocess
from datetime import datetime
from pathlib import Path

import pytest
from conftest import make_project

from tryggest.cli import main
from tryggest.publish import is_placeholder_url, last_change


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def _ready(root: Path) -> Path:
    """The valid fixture with only fjordby, a real address and a print date after the files' times."""
    _replace(root / "municipalities.yml", "https://tryggest.test/", "https://tryggest.fjordby.no/")
    _replace(root / "municipalities.yml", "municipalities: [fjordby, ostre-dal]", "municipalities: [fjordby]")
    _replace(root / "municipalities.yml", "members: [fjordby, ostre-dal]", "members: [fjordby]")
    _replace(root / "municipalities.yml", "print_date: 2026-01-15", "print_date: 2030-01-01")
    return root


def _publish(root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    code = main(["--root", str(root), "check", "--publish"])
    out = capsys.readouterr()
    return code, [line for line in (out.err + out.out).splitlines() if line and not line.startswith(" ")]


@pytest.mark.parametrize("url", ["https://tryggest.example.no/", "https://example.com/", "http://localhost:8000/",
                                 "http://127.0.0.1/", "https://tryggest.test/"])
def test_placeholder_addresses(url: str) -> None:
    assert is_placeholder_url(url)


@pytest.mark.parametrize("url", ["https://tryggest.sandefjord.kommune.no/", "https://www.examples.no/"])
def test_real_addresses(url: str) -> None:
    assert not is_placeholder_url(url)


def test_demo_portal_is_refused_with_file_and_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_project(tmp_path)
    code, lines = _publish(root, capsys)
    assert code == 2
    assert "municipalities.yml:2:13: portal.base_url: https://tryggest.test/ is a placeholder address; " \
           "write the address the site is published at" in lines
    assert any(line.startswith("content/municipalities/ostre-dal.yml:7:10: example:") for line in lines)
    assert any(line.startswith("content/municipalities/ostre-dal.yml:9:10: contact.phone: 00 00 99 02 is a demo number")
               for line in lines)
    assert not any(line.startswith("content/municipalities/fjordby.yml") for line in lines), "fjordby is ready"
    assert main(["--root", str(root), "check"]) == 0, "without --publish the demo is fine"


def test_a_ready_portal_passes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _ready(make_project(tmp_path))
    code, lines = _publish(root, capsys)
    # Warnings (such as a draft translation) come first; the verdict is the line that starts with OK.
    verdict = [line for line in lines if line.startswith("OK: ")]
    assert code == 0 and verdict and verdict[0].startswith("OK: 1 municipalities") and "ready to publish" in verdict[0]


def test_a_municipality_address_is_checked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _ready(make_project(tmp_path))
    fjordby = root / "content/municipalities/fjordby.yml"
    fjordby.write_text(fjordby.read_text(encoding="utf-8") + "base_url: http://localhost/\n", encoding="utf-8")
    code, lines = _publish(root, capsys)
    assert code == 2
    assert any(line.startswith("content/municipalities/fjordby.yml:") and "base_url: http://localhost/ is a placeholder"
               in line for line in lines)
    assert len([line for line in lines if ": " in line and not line.endswith("not ready to publish.")]) == 1


def test_print_date_older_than_the_file_by_its_time(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _ready(make_project(tmp_path))
    fjordby = root / "content/municipalities/fjordby.yml"
    when = datetime(2030, 3, 5, 12, 0).timestamp()
    os.utime(fjordby, (when, when))
    code, lines = _publish(root, capsys)
    assert code == 2
    assert ("municipalities.yml:4:15: portal.print_date: print_date 2030-01-01 is older than the last change of "
            "content/municipalities/fjordby.yml (2030-03-05, file time); set print_date to 2030-03-05 or later") in lines
    fjordby.write_text(fjordby.read_text(encoding="utf-8") + "print_date: 2030-03-05\n", encoding="utf-8")
    os.utime(fjordby, (when, when))
    assert _publish(root, capsys)[0] == 0, "the municipality's own print_date is the one that counts"


def test_print_date_by_git_when_the_file_is_committed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _ready(make_project(tmp_path))
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@t", "GIT_COMMITTER_DATE": "2029-06-01T12:00:00", "GIT_AUTHOR_DATE": "2029-06-01T12:00:00"}
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "data"]):
        subprocess.run(["git", "-C", str(root), *args], check=True, env=env)
    fjordby = root / "content/municipalities/fjordby.yml"
    assert last_change(root, fjordby) == (datetime(2029, 6, 1).date(), "git")
    _replace(root / "municipalities.yml", "print_date: 2030-01-01", "print_date: 2029-05-31")
    code, lines = _publish(root, capsys)
    assert code == 2 and any("(2029-06-01, git)" in line for line in lines)
    _replace(root / "municipalities.yml", "print_date: 2029-05-31", "print_date: 2029-06-01")
    assert _publish(root, capsys)[0] == 0
    _replace(fjordby, "Hjemmesykepleien", "Hjemmetjenesten")
    assert last_change(root, fjordby)[1] == "file time", "an uncommitted change counts from the file's time"
