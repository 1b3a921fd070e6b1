"""End to end: the demo portal builds, every municipality page has its tel: link and hours, and a
failed build leaves the previous site untouched."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
import yaml
from conftest import REPO

from tryggest.cli import main
from tryggest.load import load_project

DEMO = load_project(REPO)


def _tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(path.relative_to(folder).as_posix().encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


@pytest.mark.parametrize("mid", sorted(DEMO.municipalities))
def test_every_language_home_page_has_phone_and_hours(demo_site: Path, mid: str) -> None:
    municipality = DEMO.municipalities[mid]
    default = DEMO.portal.portal.languages[0]
    for lang in DEMO.languages_of(municipality):
        page = demo_site / ("" if lang == default else lang) / mid / "index.html"
        html = page.read_text(encoding="utf-8")
        assert f'<html lang="{lang}"' in html
        assert f'href="tel:{municipality.contact.phone.e164}"' in html
        assert municipality.contact.phone.display in html
        assert re.search(r"tg-contact__hours.*?<li>[^<]*\d\d[.:]\d\d", html, re.S), "hours are shown"
        assert municipality.name in html
        if municipality.example:
            label = yaml.safe_load((REPO / f"content/{lang}/strings.yml").read_text(encoding="utf-8"))["ui"]["example_label"]
            assert label in html, f"{lang}: the example label {label!r} is shown"


def test_emergency_numbers_come_from_national_yml(demo_site: Path) -> None:
    html = (demo_site / "sandefjord/index.html").read_text(encoding="utf-8")
    for number in ("112", "113", "110", "02800"):
        assert f'href="tel:{number}"' in html


def test_no_page_loads_anything_from_another_origin(demo_site: Path) -> None:
    for page in demo_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert not re.search(r'(?:src|href)="(?:https?:)?//(?!tryggest\.example\.no)[^"]+\.(?:js|css|woff2?)"', html), page
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html


def test_sami_pages_exist_only_where_translated(demo_site: Path) -> None:
    assert (demo_site / "se/porsanger/index.html").is_file()
    assert not (demo_site / "se/sandefjord").exists(), "Sandefjord does not list Sami"
    html = (demo_site / "se/porsanger/index.html").read_text(encoding="utf-8")
    assert '<html lang="se"' in html and "Porsáŋgu" in html


def test_failed_build_leaves_previous_site_untouched(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(project), "build"]) == 0
    site = project / "site"
    before = _tree_digest(site)
    path = project / "content/municipalities/fjordby.yml"
    path.write_text(path.read_text().replace('"+47 33 41 60 00"', '"+47 12"'))
    assert main(["--root", str(project), "build"]) == 2
    assert _tree_digest(site) == before
    assert not [p for p in project.iterdir() if p.name.startswith(".site-")], "no staging folder left behind"


def test_engine_failure_also_leaves_site_untouched(project: Path) -> None:
    assert main(["--root", str(project), "build"]) == 0
    before = _tree_digest(project / "site")
    page = project / "content/nb/pages/index.md"
    page.write_text(page.read_text() + "\n[broken](finnes-ikke.md)\n")
    assert main(["--root", str(project), "build"]) == 1
    assert _tree_digest(project / "site") == before


def test_missing_template_value_is_an_error_not_a_blank(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = project / "content/nb/pages/index.md"
    lines = page.read_text().splitlines()
    page.write_text("\n".join([*lines, "", "{{ m.no_such_value }}", ""]))
    assert main(["--root", str(project), "build"]) == 2
    err = capsys.readouterr().err
    assert f"content/nb/pages/index.md:{len(lines) + 2}:1: unknown placeholder:" in err
    assert "no_such_value" in err


def test_unchanged_inputs_skip_the_build_and_a_change_rebuilds(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(project), "build"]) == 0
    page = project / "site/fjordby/index.html"
    first = page.stat().st_ino
    assert main(["--root", str(project), "build"]) == 0
    assert "Nothing changed" in capsys.readouterr().out
    assert page.stat().st_ino == first, "the site was not rewritten"
    path = project / "content/municipalities/fjordby.yml"
    path.write_text(path.read_text().replace('"+47 33 41 60 00"', '"+47 33 41 60 01"'))
    assert main(["--root", str(project), "build"]) == 0
    assert "Built" in capsys.readouterr().out
    assert 'href="tel:+4733416001"' in page.read_text(encoding="utf-8")


def test_one_changed_municipality_rebuilds_to_the_same_site_as_a_full_build(project: Path, tmp_path: Path,
                                                                          capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(project), "build"]) == 0
    old_page = project / "site/ostre-dal/index.html"
    old_bytes = old_page.read_bytes()
    path = project / "content/municipalities/fjordby.yml"
    path.write_text(path.read_text().replace('"+47 33 41 60 00"', '"+47 33 41 60 09"').replace("name: Fjordby", "name: Fjordvik"))
    assert main(["--root", str(project), "build"]) == 0
    assert main(["--root", str(project), "build", "--force", "--site-dir", str(tmp_path / "full")]) == 0
    assert _tree_digest(project / "site") == _tree_digest(tmp_path / "full")
    assert old_page.read_bytes() == old_bytes
    assert "Fjordvik" in (project / "site/index.html").read_text(encoding="utf-8"), "front page lists the new name"
