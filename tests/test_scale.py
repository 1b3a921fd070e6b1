"""National scale: the same input gives the same bytes, the cache is never stale, and the web
engine gives the same site on one core as on several."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from conftest import make_project
from pdfcheck import flat, pdf_text

from tryggest.engine.material import build_site, language_groups
from tryggest.load import load_project
from tryggest.pipeline import BuildOptions, build, build_date, load_all_texts, write_markdown
from tryggest.theme_context import theme_data
from tryggest.urls import site_languages

PHONE_BEFORE, PHONE_AFTER = '"+47 33 41 60 00"', '"+47 22 86 45 13"'


def _files(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_builds_of_the_same_input_are_byte_identical(tmp_path: Path) -> None:
    # Two project folders at different paths, each with its own empty cache: everything is drawn twice.
    first = make_project(tmp_path / "one")
    second = make_project(tmp_path / "two")
    results = [build(BuildOptions(root, root / "site", force=True)) for root in (first, second)]
    assert all(result.manifest.rendered > 50 for result in results), "PDFs and images were drawn, not reused"
    one, two = _files(first / "site"), _files(second / "site")
    assert sorted(one) == sorted(two)
    differing = [name for name in one if one[name] != two[name]]
    assert differing == []
    assert any(name.endswith(".pdf") for name in one) and any(name.endswith(".png") for name in one)


def test_a_changed_phone_number_is_never_served_from_the_cache(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    site = root / "site"
    build(BuildOptions(root, site))
    card = site / "filer/fjordby/nb/visittkort-trykk.pdf"
    assert "33 41 60 00" in flat(pdf_text(card))
    path = root / "content/municipalities/fjordby.yml"
    path.write_text(path.read_text(encoding="utf-8").replace(PHONE_BEFORE, PHONE_AFTER), encoding="utf-8")
    changed = build(BuildOptions(root, site))
    text = flat(pdf_text(card))
    assert "22 86 45 13" in text and "33 41 60 00" not in text
    assert changed.manifest.reused > 0, "the other municipality's files came from the cache"
    other = flat(pdf_text(site / "filer/ostre-dal/nb/visittkort-trykk.pdf"))
    assert "22 86 45 13" not in other
    path.write_text(path.read_text(encoding="utf-8").replace(PHONE_AFTER, PHONE_BEFORE), encoding="utf-8")
    back = build(BuildOptions(root, site))
    assert "33 41 60 00" in flat(pdf_text(card)), "going back to the old number serves the old file again"
    assert back.manifest.rendered == 0, "which the cache still holds"


def test_the_web_engine_gives_the_same_site_on_one_core_as_on_several(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    project = load_project(root)
    from tryggest.context import build_context

    site = build_context(project, load_all_texts(project), build_date(project))
    write_markdown(site, tmp_path / "work")
    languages = site_languages(site)
    for workers, name in ((1, "serial"), (2, "two"), (4, "parallel")):
        build_site(root, tmp_path / "work/docs", tmp_path / name, theme_data(site), languages, workers=workers)
    serial, two, parallel = (_files(tmp_path / name) for name in ("serial", "two", "parallel"))
    # The engine's own sitemap is replaced by the generator's (render/sitemap.py), which lists every language.
    for files in (serial, two, parallel):
        files.pop("sitemap.xml"), files.pop("sitemap.xml.gz", None)
    assert serial == two == parallel
    assert not [p for p in tmp_path.iterdir() if ".part" in p.name], "worker folders are removed"


def test_languages_are_shared_out_by_page_count_with_the_default_first(tmp_path: Path) -> None:
    for lang, pages in (("nb", 40), ("nn", 30), ("en", 30), ("se", 5)):
        for i in range(pages):
            (tmp_path / lang / f"{i}.md").parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / lang / f"{i}.md").write_text("x")
    assert language_groups(tmp_path, ["nb", "nn", "en", "se"], 1) == [["nb", "nn", "en", "se"]]
    assert language_groups(tmp_path, ["nb", "nn", "en", "se"], 2) == [["nb", "se"], ["nn", "en"]]
    (tmp_path / "en/extra.md").write_text("x")
    assert language_groups(tmp_path, ["nb", "nn", "en", "se"], 2) == [["nb", "se"], ["nn", "en"]], "list order"
    groups = language_groups(tmp_path, ["nb", "nn", "en", "se"], 8)
    assert groups[0][0] == "nb" and sorted(lang for group in groups for lang in group) == ["en", "nb", "nn", "se"]


def test_a_worker_failure_leaves_no_worker_folder(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    project = load_project(root)
    from tryggest.context import build_context
    from tryggest.engine import EngineError

    site = build_context(project, load_all_texts(project), build_date(project))
    write_markdown(site, tmp_path / "work")
    broken = tmp_path / "work/docs/en/fjordby/index.md"
    broken.write_text(broken.read_text(encoding="utf-8") + "\n[broken](missing.md)\n", encoding="utf-8")
    try:
        build_site(root, tmp_path / "work/docs", tmp_path / "out", theme_data(site), site_languages(site), workers=3)
    except EngineError as error:
        assert "missing.md" in str(error)
    else:
        raise AssertionError("a broken link in an English page must stop the build")
    assert not [p for p in tmp_path.iterdir() if ".part" in p.name]
    shutil.rmtree(tmp_path / "out", ignore_errors=True)


def test_the_benchmark_portal_is_valid_input_with_hard_names(tmp_path: Path) -> None:
    from conftest import REPO

    from tryggest.bench.synthetic import write_portal
    from tryggest.pipeline import check

    ids = write_portal(REPO, tmp_path, 60)
    project = check(tmp_path).project
    assert len(project.municipalities) == 62 and len(ids) == 62, "60 municipalities and 2 city districts"
    names = " ".join(m.name for m in project.municipalities.values())
    assert set("æøå") <= set(names.lower()) and set("ŋšđŧ") & set(names)
    assert max(len(m.name) for m in project.municipalities.values()) > 25, "some long names"
    assert sum(m.kind == "bydel" for m in project.municipalities.values()) == 2
    assert project.portal.regions and all(len(r.members) >= 2 for r in project.portal.regions)
