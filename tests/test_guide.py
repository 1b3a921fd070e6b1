"""The guide for communications staff stays true: its commands run, its example output is what the
tool prints, its links resolve, and the two languages cover the same parts."""

from __future__ import annotations

import io
import re
import shlex
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import REPO

from tryggest.cli import _parser, main
from tryggest.load import load_project

GUIDES = {lang: REPO / "docs/guide" / f"{lang}.md" for lang in ("nb", "en")}
EXAMPLES = REPO / "docs/guide/examples"


def code_blocks(text: str, kind: str) -> list[str]:
    """The fenced blocks whose info string is ``kind`` ("" for plain blocks), without indentation."""
    blocks: list[tuple[str, list[str]]] = []
    inside, indent = False, 0
    for line in text.splitlines():
        fence = re.match(r"^( *)```(\w*)$", line)
        if fence and not inside:
            blocks.append((fence[2], []))
            inside, indent = True, len(fence[1])
        elif fence:
            inside = False
        elif inside:
            blocks[-1][1].append(line[indent:])
    return ["\n".join(lines) for info, lines in blocks if info == kind]


def commands(text: str) -> list[str]:
    return [line.strip() for block in code_blocks(text, "sh") for line in block.splitlines() if line.strip()]


def anchor(heading: str) -> str:
    """The id GitHub and GitLab give a heading."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def scratch_copy(tmp_path: Path) -> Path:
    root = tmp_path / "portal"
    shutil.copytree(REPO / "content/municipalities", root / "content/municipalities")
    shutil.copy2(REPO / "content/national.yml", root / "content/national.yml")
    shutil.copy2(REPO / "municipalities.yml", root / "municipalities.yml")
    return root


@pytest.mark.parametrize("lang", sorted(GUIDES))
def test_every_command_is_one_the_tool_knows(lang: str) -> None:
    found = commands(GUIDES[lang].read_text(encoding="utf-8"))
    assert "./scripts/build" in found and ".venv/bin/tryggest check" in found
    for command in found:
        if command == "./scripts/build":
            continue
        program, *args = shlex.split(command)
        assert program == ".venv/bin/tryggest", command
        _parser().parse_args(args)   # exits (fails the test) on an unknown command or option


@pytest.mark.parametrize("lang", sorted(GUIDES))
def test_the_new_municipality_example_works(lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = scratch_copy(tmp_path)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    [example] = [c for c in commands(GUIDES[lang].read_text(encoding="utf-8")) if c.startswith(".venv/bin/tryggest new ")]
    assert main(["--root", str(root), *shlex.split(example)[1:]]) == 0
    project = load_project(root)
    assert "fjordby" in project.portal.municipalities and project.municipalities["fjordby"].example
    assert f"site/filer/fjordby/{project.portal.portal.languages[0]}/" in GUIDES[lang].read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", sorted(GUIDES))
def test_the_error_example_is_what_check_prints(lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = scratch_copy(tmp_path)
    path = root / "content/municipalities/sandefjord.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("kind: kommune", "kind: kommun"), encoding="utf-8")
    assert main(["--root", str(root), "check"]) == 2
    printed = capsys.readouterr().err.splitlines()
    example = next(b for b in code_blocks(GUIDES[lang].read_text(encoding="utf-8"), "") if "kommun'" in b)
    assert example.splitlines() == printed[:3]


def test_both_languages_have_the_same_parts() -> None:
    parts = {lang: re.findall(r"^## (\d+)\. ", path.read_text(encoding="utf-8"), re.M) for lang, path in GUIDES.items()}
    assert parts["nb"] == parts["en"] == [str(n) for n in range(1, 10)]


@pytest.mark.parametrize("lang", sorted(GUIDES))
def test_links_resolve(lang: str) -> None:
    text = GUIDES[lang].read_text(encoding="utf-8")
    anchors = {anchor(h) for h in re.findall(r"^#+ (.+)$", text, re.M)}
    for target in re.findall(r"\]\(([^)]+)\)", text):
        if target.startswith("http"):
            continue
        file, _, fragment = target.partition("#")
        if file:
            assert (GUIDES[lang].parent / file).is_file(), target
        else:
            assert fragment in anchors, target


def test_ci_examples_build_and_publish_the_site() -> None:
    gitlab = yaml.safe_load((EXAMPLES / "gitlab-ci.yml").read_text(encoding="utf-8"))
    assert "./scripts/build" in gitlab["pages"]["script"] and "mv site public" in gitlab["pages"]["script"]
    assert gitlab["pages"]["artifacts"]["paths"] == ["public"]
    github = yaml.safe_load((EXAMPLES / "github-pages.yml").read_text(encoding="utf-8"))
    steps = github["jobs"]["build"]["steps"]
    assert {"run": "./scripts/build"} in steps
    assert any(s.get("with", {}).get("path") == "site" for s in steps)
    assert github["jobs"]["deploy"]["needs"] == "build"
