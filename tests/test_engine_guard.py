"""Plain MkDocs commands refuse instead of emptying site/: the print files and slides survive."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, make_project


@pytest.mark.parametrize("command", [["build"], ["serve", "--dev-addr", "127.0.0.1:8791"]])
def test_plain_mkdocs_refuses_and_keeps_the_print_files(tmp_path: Path, command: list[str]) -> None:
    root = make_project(tmp_path)
    (root / "build" / "docs").mkdir(parents=True)   # as in a fresh clone
    (root / "tryggest" / "engine").mkdir(parents=True)
    hook = "tryggest/engine/hook.py"
    (root / hook).write_bytes((REPO / hook).read_bytes())
    print_file = root / "site" / "filer" / "fjordby" / "nb" / "visittkort-trykk.pdf"
    print_file.parent.mkdir(parents=True)
    print_file.write_bytes(b"%PDF-1.7 a print file from an earlier tryggest build")
    result = subprocess.run([sys.executable, "-m", "mkdocs", *command], cwd=root, capture_output=True, text=True,
                            timeout=120, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode != 0
    said = result.stdout + result.stderr
    assert "tryggest build" in said and "tryggest serve" in said
    assert print_file.read_bytes().startswith(b"%PDF-1.7 a print file")
