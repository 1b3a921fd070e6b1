"""The engine seam: the same generated Markdown builds the same site with MkDocs and with ProperDocs.

Material for MkDocs reaches end of life on 2027-05-05. ProperDocs continues MkDocs 1.x and runs the
same theme and plugins; this test proves the exit works today (README, "Exit plan"). Only the
generator line of each page may differ: it names the engine.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, make_project

from tryggest.engine import EngineError, engine_named
from tryggest.engine.strict import ThemeValueMissing, strict_values
from tryggest.pipeline import check, write_markdown
from tryggest.theme_context import theme_data
from tryggest.urls import site_languages

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def _files(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): GENERATOR.sub(b"", path.read_bytes())
            for path in sorted(site.rglob("*")) if path.is_file()}


@pytest.mark.slow
def test_properdocs_builds_the_same_pages_as_mkdocs(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    site = check(root)
    write_markdown(site, tmp_path / "work")
    built = {}
    for name in ("mkdocs", "properdocs"):
        out = tmp_path / name
        engine_named(name).build(root, tmp_path / "work" / "docs", out, theme_data(site), site_languages(site))
        built[name] = out
    home = (built["properdocs"] / "fjordby" / "index.html").read_bytes()
    assert b"ProperDocs" in GENERATOR.search(home).group(0)  # type: ignore[union-attr]
    mkdocs, properdocs = _files(built["mkdocs"]), _files(built["properdocs"])
    assert sorted(mkdocs) == sorted(properdocs) and len(mkdocs) > 100
    assert [name for name in mkdocs if mkdocs[name] != properdocs[name]] == []


def test_the_engine_is_chosen_on_the_command_line() -> None:
    shown = subprocess.run([sys.executable, "-m", "tryggest", "build", "--help"], capture_output=True, text=True,
                           check=True, cwd=REPO).stdout
    assert "--engine {mkdocs,properdocs}" in shown
    with pytest.raises(ValueError, match="unknown engine 'hugo'"):
        engine_named("hugo")


def test_a_theme_template_asking_for_a_missing_value_is_an_error() -> None:
    view = strict_values({"ui": {"call": "Ring"}, "alternates": [{"lang": "nb"}], "municipality": None})
    assert view["ui"]["call"] == "Ring" and view["alternates"][0]["lang"] == "nb"
    with pytest.raises(ThemeValueMissing, match="asks for 'cal'.*only: call"):
        view["ui"]["cal"]


def test_a_misspelt_name_in_an_override_template_stops_the_build(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    contact = root / "overrides" / "partials" / "tryggest-contact.html"
    contact.write_text(contact.read_text(encoding="utf-8").replace("t.ui.call ", "t.ui.cal "), encoding="utf-8")
    site = check(root)
    write_markdown(site, tmp_path / "work")
    with pytest.raises(EngineError, match="asks for 'cal'"):
        engine_named("mkdocs").build(root, tmp_path / "work" / "docs", tmp_path / "site", theme_data(site),
                                     site_languages(site), workers=1)
