"""The guide for communications staff stays true: its commands run, its example output is what the
tool prints, its links resolve, and the two languages cover the same parts."""

from __future__ import annotations

import io
import os
import re
import shlex
import shutil
import subprocess
from datetime import date
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


# Besides the tool: the set-up scripts, moving to the new site's folder, and the publishing recipes.
OTHER_PROGRAMS = {"./scripts/build", "./scripts/setup", "cd", "git", "rsync", "scp"}


@pytest.mark.parametrize("lang", sorted(GUIDES))
def test_every_command_is_one_the_tool_knows(lang: str) -> None:
    found = commands(GUIDES[lang].read_text(encoding="utf-8"))
    assert "./scripts/build" in found and ".venv/bin/tryggest check" in found
    assert found[0] == "./scripts/setup" and found[1].startswith(".venv/bin/tryggest init "), "the guide starts with init"
    for command in found:
        program, *args = shlex.split(command)
        if program != ".venv/bin/tryggest":
            assert program in OTHER_PROGRAMS, command
            continue
        _parser().parse_args(args)   # exits (fails the test) on an unknown command or option


@pytest.mark.parametrize("lang", sorted(GUIDES))
def test_the_new_municipality_example_works(lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = scratch_copy(tmp_path)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    [example] = [c for c in commands(GUIDES[lang].read_text(encoding="utf-8")) if c.startswith(".venv/bin/tryggest new ")]
    assert main(["--root", str(root), *shlex.split(example)[1:]]) == 0
    project = load_project(root)
    assert "vestre-fjord" in project.portal.municipalities and project.municipalities["vestre-fjord"].example
    assert f"site/filer/vestre-fjord/{project.portal.portal.languages[0]}/" in GUIDES[lang].read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", sorted(GUIDES))
def test_the_error_example_is_what_check_prints(lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = scratch_copy(tmp_path)
    path = root / "content/municipalities/sandefjord.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("kind: kommune", "kind: kommun"), encoding="utf-8")
    assert main(["--root", str(root), "check"]) == 2
    printed = capsys.readouterr().err.splitlines()
    example = next(b for b in code_blocks(GUIDES[lang].read_text(encoding="utf-8"), "") if "kommun'" in b)
    assert example.splitlines() == printed[:3]


def run_steps(blocks: list[str], here: Path, build_site: bool) -> Path:
    """Run the commands of these blocks as written, from ``here``; return the folder they end in.

    The tool's own set-up is already done by the test run; ``./scripts/build`` runs the build it
    starts (skipped when ``build_site`` is False, to keep the second language quick)."""
    from tryggest.pipeline import BuildOptions, build

    steps = [line.strip() for block in blocks for line in block.splitlines() if line.strip()]
    env = {"GIT_AUTHOR_NAME": "Kommunikasjon", "GIT_AUTHOR_EMAIL": "post@fjordby.test",
           "GIT_COMMITTER_NAME": "Kommunikasjon", "GIT_COMMITTER_EMAIL": "post@fjordby.test",
           "PATH": os.environ["PATH"], "HOME": str(here)}
    for step in steps:
        program, *args = shlex.split(step)
        if program == "cd":
            here = (here / args[0]).resolve()
        elif program == ".venv/bin/tryggest":
            assert main(["--root", str(here), *args]) == 0, step
        elif program == "./scripts/build" and build_site:
            build(BuildOptions(here, here / "site"))
        elif program == "git":
            subprocess.run([program, *args], cwd=here, env=env, check=True, capture_output=True)
    return here


@pytest.mark.parametrize("lang", sorted(GUIDES))
def test_the_guide_gives_a_one_municipality_site_ready_to_publish(lang: str, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    # Not a terminal, so nothing is asked; with a byte buffer, as the site engine reads one.
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"")))
    tool = tmp_path / "tryggest"
    tool.mkdir()
    text = GUIDES[lang].read_text(encoding="utf-8")
    part1, part9 = text[text.index("## 1. "):text.index("## 2. ")], text[text.index("## 9. "):]
    site_root = run_steps(code_blocks(part1, "sh"), tool, build_site=lang == "nb")
    assert site_root == tmp_path / "tryggest-fjordby"
    # Part 2 as an editor does it: a new number, and today's date as the print date of this municipality.
    fjordby = site_root / "content/municipalities/fjordby.yml"
    fjordby.write_text(fjordby.read_text(encoding="utf-8").replace("+47 33 41 60 00", "+47 33 41 60 01")
                       + f"print_date: {date.today().isoformat()}\n", encoding="utf-8")
    run_steps(code_blocks(part9, "sh")[:2], site_root, build_site=lang == "nb")
    project = load_project(site_root)
    assert list(project.municipalities) == ["fjordby"] and project.portal.regions == []
    assert project.portal.portal.base_url == "https://tryggest.fjordby.no/"
    log = subprocess.run(["git", "log", "--oneline"], cwd=site_root, capture_output=True, text=True, check=True)
    assert len(log.stdout.splitlines()) == 2, "the portal and the change before publishing are committed"
    assert main(["--root", str(site_root), "check", "--publish"]) == 0
    if lang == "nb":
        site = site_root / "site"
        assert (site / "filer/fjordby").is_dir() and not [p for p in site.iterdir() if p.name == "sandefjord"]
        assert sorted(p.parent.parent.name for p in site.glob("*/materiell/index.html")) == ["fjordby"]
        page = (site / "fjordby/index.html").read_text(encoding="utf-8")
        assert '<link rel="canonical" href="https://tryggest.fjordby.no/fjordby/">' in page
        assert "33 41 60 01" in page and (site / "_headers").is_file()
        assert (site / "filer/fjordby/nb/lysbilder/version.json").is_file()


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
