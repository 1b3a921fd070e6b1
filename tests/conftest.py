"""Shared test helpers: projects made from fixture folders, and one built demo site per session."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = ("mkdocs.yml", "overrides", "content/nb", "content/nn", "content/en", "content/se")


def make_project(tmp: Path, scenario: str | None = None) -> Path:
    """A project folder: the repo's texts and theme, the ``valid`` fixture's YAML, then the
    scenario's files on top (a file named ``.delete-<name>`` removes ``<name>``)."""
    root = tmp / (scenario or "valid")
    for item in SHARED:
        source = REPO / item
        if source.is_dir():
            shutil.copytree(source, root / item)
        else:
            (root / item).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, root / item)
    shutil.copytree(FIXTURES / "valid", root, dirs_exist_ok=True)
    if scenario:
        for path in sorted((FIXTURES / scenario).rglob("*")):
            relative = path.relative_to(FIXTURES / scenario)
            if path.is_dir() or relative.name == "expected.txt":
                continue
            if relative.name.startswith(".delete-"):
                (root / relative.with_name(relative.name.removeprefix(".delete-"))).unlink()
            else:
                shutil.copy2(path, root / relative)
    return root


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path)


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo portal of this repo, built once for the whole test session."""
    from tryggest.pipeline import BuildOptions, build

    out = tmp_path_factory.mktemp("demo") / "site"
    build(BuildOptions(REPO, out, force=True))
    return out


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Chromium (Debian's) for every browser test: Playwright allows one per process."""
    from browser_kit import CHROMIUM, CHROMIUM_ARGS, KEEP_BACK_FORWARD_CACHE
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.is_file() or not (REPO / "node_modules/axe-core/axe.min.js").is_file():
        pytest.fail("Chromium or axe-core is missing: run ./scripts/setup")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS,
                                              ignore_default_args=KEEP_BACK_FORWARD_CACHE)
        yield chromium
        chromium.close()
