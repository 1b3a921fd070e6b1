"""Slides, the slideshow page and social images: sizes, QR targets, the phone number drawn, long
texts that must fit, contrast, the cache, link previews, and a slideshow that never leaves its site."""

from __future__ import annotations

import functools
import http.server
import logging
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml
import zxingcpp
from conftest import REPO, make_project
from PIL import Image, ImageFont

from tryggest.cli import main
from tryggest.load import load_project
from tryggest.pipeline import BuildOptions, BuildResult, build, check
from tryggest.problems import SourceProblem
from tryggest.render.slides.colours import MIN_TEXT_CONTRAST, SAFE_BAND, Palette, contrast, palette_for
from tryggest.render.slides.content import slide_texts
from tryggest.render.slides.content import spec as make_spec
from tryggest.render.slides.draw import Drawing, Element, ImageSpec, LayoutError, draw
from tryggest.render.slides.fonts import font_file
from tryggest.render.slides.layouts import FORMATS, LAYOUTS, SLIDES, text
from tryggest.render.slides.renderer import image_files, image_jobs, slide_file
from tryggest.source import located
from tryggest.texts import load_texts

DEMO = load_project(REPO)
SIZES = {"liggende": (1920, 1080), "staende": (1080, 1920), "innlegg": (1080, 1080), "delingsbilde": (1200, 630)}
WITH_QR = re.compile(r"lysbilde-4-(liggende|staende)\.png$|innlegg\.png$")


def _kind(path: Path) -> str:
    return path.stem.split("-")[-1]


SLIDE_IMAGE = re.compile(r"^(lysbilde-\d-(liggende|staende)|innlegg|delingsbilde)\.png$")


def _local_images(site: Path) -> list[Path]:
    # The same folders hold the print previews; these are the slides and social images.
    return sorted(p for p in (site / "filer").glob("*/*/*.png") if SLIDE_IMAGE.match(p.name))


@dataclass
class Rendered:
    """Every slide and image of a project, drawn directly (no cache), with what was drawn."""

    root: Path
    out: Path
    drawings: dict[str, Drawing] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def _render(root: Path, out: Path, only: tuple[str, ...] = ()) -> Rendered:
    rendered = Rendered(root, out)
    handler = _Collect(rendered.warnings)
    logging.getLogger("tryggest.slides").addHandler(handler)
    try:
        for job in image_jobs(check(root)):
            if only and job.municipality not in only:
                continue
            files, rendered.drawings[job.path] = image_files(job)
            for path, data in files.items():
                (out / path).parent.mkdir(parents=True, exist_ok=True)
                (out / path).write_bytes(data)
    finally:
        logging.getLogger("tryggest.slides").removeHandler(handler)
    return rendered


class _Collect(logging.Handler):
    def __init__(self, into: list[str]) -> None:
        super().__init__(logging.WARNING)
        self.into = into

    def emit(self, record: logging.LogRecord) -> None:
        self.into.append(record.getMessage())


@pytest.fixture(scope="session")
def fixture_render(tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    """The test project's two municipalities, with a phone number only this test uses."""
    tmp = tmp_path_factory.mktemp("fixture")
    root = make_project(tmp)
    path = root / "content/municipalities/fjordby.yml"
    path.write_text(path.read_text().replace('"+47 33 41 60 00"', '"+47 22 86 45 13"'))
    return _render(root, tmp / "out")


@pytest.fixture(scope="session")
def long_names(tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    """The longest name we could construct, in all four languages, with three lines of hours."""
    tmp = tmp_path_factory.mktemp("long")
    return _render(make_project(tmp, "long-names"), tmp / "out")


@pytest.fixture(scope="session")
def demo_drawings(tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    """Two demo municipalities: one with Sami, one without."""
    return _render(REPO, tmp_path_factory.mktemp("demo-slides"), only=("porsanger", "sandefjord"))


# -- files and sizes -------------------------------------------------------------------------------


def test_every_language_version_has_its_slides_and_images(demo_site: Path) -> None:
    for municipality in DEMO.municipalities.values():
        for lang in DEMO.languages_of(municipality):
            folder = demo_site / "filer" / municipality.id / lang
            names = {p.name for p in folder.glob("*.png") if SLIDE_IMAGE.match(p.name)}
            expected = {f"lysbilde-{n}-{o}.png" for n in range(1, len(SLIDES) + 1) for o in ("liggende", "staende")}
            assert names == expected | {"innlegg.png", "delingsbilde.png"}, folder
            assert (folder / "lysbilder/index.html").is_file()
            assert {p.name for p in (folder / "forhandsvisning").glob("*.png")} == names


def test_image_sizes_are_exact(demo_site: Path) -> None:
    images = _local_images(demo_site)
    assert len(images) == 12 * sum(len(DEMO.languages_of(m)) for m in DEMO.municipalities.values())
    for path in images:
        with Image.open(path) as image:
            assert image.size == SIZES[_kind(path)], path
            assert image.mode == "RGB"
    for path in (demo_site / "filer").glob("delingsbilde-*.png"):
        with Image.open(path) as image:
            assert image.size == (1200, 630), path


def test_png_files_carry_no_time_stamps(demo_site: Path) -> None:
    with Image.open(demo_site / "filer/sandefjord/nb/lysbilde-1-liggende.png") as image:
        assert not set(image.info) & {"tIME", "date:create", "date:modify", "Creation Time"}


# -- QR codes --------------------------------------------------------------------------------------


def test_every_qr_code_opens_a_page_of_the_built_site(demo_site: Path) -> None:
    base = DEMO.portal.portal.base_url
    checked = 0
    for path in _local_images(demo_site):
        if not WITH_QR.search(path.name):
            continue
        with Image.open(path) as image:
            codes = zxingcpp.read_barcodes(image)
        assert len(codes) == 1, path
        url = codes[0].text
        assert url.startswith(base), url
        page = demo_site / url.removeprefix(base) / "index.html"
        assert page.is_file(), f"{path} points at {url}, which the site does not have"
        mid, lang = path.parent.parent.name, path.parent.name
        assert f"/{mid}/" in url and (lang == DEMO.portal.portal.languages[0] or f"/{lang}/" in url)
        checked += 1
    assert checked == 3 * sum(len(DEMO.languages_of(m)) for m in DEMO.municipalities.values())


def test_qr_codes_are_large_enough_to_scan_from_a_distance(demo_drawings: Rendered) -> None:
    for path, drawing in demo_drawings.drawings.items():
        for element in drawing.elements:
            if element["kind"] == "qr":
                side = element["rect"][2] - element["rect"][0] + 1
                assert side >= (300 if "lysbilde" in path else 280), path
                assert element["module_px"] >= 6, path


# -- what is drawn -----------------------------------------------------------------------------------


def test_drawn_phone_number_comes_from_the_yaml(fixture_render: Rendered) -> None:
    written = yaml.safe_load((fixture_render.root / "content/municipalities/fjordby.yml").read_text())["contact"]["phone"]
    digits = re.sub(r"\D", "", written).removeprefix("47")
    drawings = fixture_render.drawings
    phones = {path: d.text("phone") for path, d in drawings.items() if "/fjordby/" in path and d.texts("phone")}
    assert len(phones) == 3 * 3, "call slide in two orientations and the post, in three languages"
    for where, drawn in phones.items():
        assert re.sub(r"\D", "", drawn) == digits, where
        assert drawn == "22 86 45 13", where
    footers = [d.text("footer") for path, d in drawings.items() if "/fjordby/" in path and d.texts("footer")]
    assert footers and all(digits in re.sub(r"\D", "", footer) for footer in footers)
    other = [d.text("phone") for path, d in drawings.items() if "/ostre-dal/" in path and d.texts("phone")]
    assert other and all(re.sub(r"\D", "", p) != digits for p in other)


def test_example_municipalities_carry_the_example_badge(demo_drawings: Rendered) -> None:
    labels = {"nb": "EKSEMPEL", "nn": "EKSEMPEL", "en": "EXAMPLE", "se": "OVDAMEARKA",
              **{lang: load_texts(REPO, lang).strings["ui"]["example_label"] for lang in ("pl", "lt", "uk", "ar", "so", "ti")}}
    assert labels["pl"] == "PRZYKŁAD"
    for path, drawing in demo_drawings.drawings.items():
        parts = path.split("/")
        if len(parts) < 4:
            continue   # the portal's own link images belong to no municipality
        assert DEMO.municipalities[parts[1]].example
        assert drawing.text("badge") == labels[parts[2]], path


def test_no_badge_for_real_data(fixture_render: Rendered) -> None:
    fjordby = [d for path, d in fixture_render.drawings.items() if "/fjordby/" in path]
    assert fjordby and not any(d.texts("badge") for d in fjordby)


def test_slides_name_the_municipality_in_the_readers_language(demo_drawings: Rendered) -> None:
    assert demo_drawings.drawings["filer/porsanger/se/lysbilde-1-liggende.png"].text("place") == "Porsáŋgu"
    assert demo_drawings.drawings["filer/porsanger/nb/lysbilde-1-liggende.png"].text("place") == "Porsanger"


# -- long texts ----------------------------------------------------------------------------------------


def test_long_texts_stay_inside_their_boxes(long_names: Rendered) -> None:
    assert len(long_names.drawings) == 4 * 12 + 4
    shrunk = 0
    for path, drawing in long_names.drawings.items():
        width, height = drawing.size
        for element in drawing.elements:
            if "lines" not in element:
                continue
            x0, y0, x1, y1 = element["rect"]
            ink = element["ink"]
            assert x0 <= ink[0] and y0 <= ink[1] and ink[2] <= x1 + 1 and ink[3] <= y1 + 1, (path, element["box"])
            assert ink[0] >= 0 and ink[1] >= 0 and ink[2] <= width and ink[3] <= height
            assert element["min_size"] <= element["size"] <= element["max_size"]
            shrunk += element["size"] < element["max_size"]
    assert shrunk > 20, "the fixture is long enough to make the engine shrink text"
    name = "Nordre Gáivuotna-Kåfjord-Kaivuono-Østerdalen"
    assert long_names.drawings["filer/fjordby/nb/delingsbilde.png"].text("place").replace("- ", "-") == name


def test_nothing_is_drawn_over_a_text(long_names: Rendered) -> None:
    for path, drawing in long_names.drawings.items():
        for i, element in enumerate(drawing.elements):
            if "ink" not in element:
                continue
            for later in drawing.elements[i + 1:]:
                assert not _overlaps(element["ink"], later.get("ink") or later["rect"]), (path, element["box"], later["box"])


def _overlaps(a: list[int], b: list[int]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def test_text_that_cannot_fit_stops_the_build_with_the_line_to_fix(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    path = root / "content/municipalities/fjordby.yml"
    path.write_text(path.read_text().replace("name: Fjordby", "name: " + "Fjordbyøstre" * 12))
    with pytest.raises(SourceProblem) as caught:
        _render(root, tmp_path / "out")
    caught_input = located(root, caught.value)
    message = str(caught_input)
    assert message.startswith("content/municipalities/fjordby.yml:2:7: name: does not fit"), message
    assert "in box 'place' of fjordby/" in message


def test_the_cli_reports_a_text_that_does_not_fit_and_keeps_the_old_site(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_project(tmp_path)
    strings = root / "content/nb/strings.yml"
    strings.write_text(strings.read_text().replace("about_title: Er du bekymret for en voksen?",
                                                   "about_title: " + "Er du bekymret for en voksen? " * 12))
    assert main(["--root", str(root), "build"]) == 2
    err = capsys.readouterr().err
    assert re.search(r"^content/nb/strings\.yml:\d+:\d+: slides\.about_title: does not fit", err, re.M), err
    assert "Traceback" not in err and not (root / "site").exists()


def test_the_wrapper_never_splits_a_phone_number() -> None:
    box = text("footer", 0, 0, 400, 200, size=40, min_size=40)
    spec = ImageSpec("t", (400, 200), palette_for("#005a8c")[0],
                     (Element(box, "Ring TryggEst-teamet: 33\u00a041\u00a060\u00a000"),))
    _, drawing = draw(spec)
    assert "33\u00a041\u00a060\u00a000" in drawing.texts("footer")


# -- contrast --------------------------------------------------------------------------------------------


def test_every_text_has_at_least_4_5_to_1_contrast(demo_drawings: Rendered, long_names: Rendered) -> None:
    for renderer in (demo_drawings, long_names):
        for path, drawing in renderer.drawings.items():
            for element in drawing.elements:
                if "lines" in element:
                    measured = contrast(element["colour"], element["background"])
                    assert measured >= MIN_TEXT_CONTRAST, (path, element["box"], measured)
                    assert element["contrast"] <= round(measured, 2)


def test_a_weak_accent_colour_falls_back_with_a_warning(long_names: Rendered) -> None:
    palette, warning = palette_for("#3f7fbf")
    assert palette.band == SAFE_BAND and warning and "#3f7fbf" in warning
    assert any("fjordby.yml" in w and "#3f7fbf" in w for w in long_names.warnings)
    call = long_names.drawings["filer/fjordby/nb/lysbilde-4-liggende.png"]
    assert {e["background"] for e in call.elements if e["box"] == "phone"} == {SAFE_BAND}
    strong, none = palette_for("#005a8c")
    assert strong.band == "#005a8c" and none is None


def test_the_engine_refuses_text_below_the_contrast_minimum() -> None:
    pale = Palette(paper="#ffffff", ink="#aaaaaa", muted="#aaaaaa", band="#005a8c", on_band="#ffffff",
                   tint="#eeeeee", badge="#ffd633", on_badge="#1a1a1a", rule="#005a8c")
    spec = ImageSpec("pale", (400, 200), pale, (Element(text("title", 10, 10, 380, 180), "Hello"),))
    with pytest.raises(LayoutError, match="contrast"):
        draw(spec)


def test_the_font_has_every_norwegian_and_sami_letter() -> None:
    face = ImageFont.truetype(str(font_file("regular")), 40)
    missing = bytes(face.getmask("\uffff"))
    for letter in "æøåÆØÅáčđŋšŧžÁČĐŊŠŦŽ":
        assert bytes(face.getmask(letter)) != missing, letter


def test_layout_boxes_lie_inside_their_canvas() -> None:
    for (kind, form), boxes in LAYOUTS.items():
        width, height = FORMATS[form]
        for box in boxes:
            assert box.x >= 0 and box.y >= 0 and box.x + box.w <= width and box.y + box.h <= height, (kind, form, box.name)
            assert box.min_size <= box.size


# -- cache -------------------------------------------------------------------------------------------------


def test_rebuild_without_change_draws_nothing_and_a_new_number_redraws_one_municipality(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    site_dir = root / "site"

    def images_drawn(result: BuildResult) -> int:
        # Print previews are PNGs too ("png/preview"); only slide and social images count here.
        return sum(len(v) for k, v in result.manifest.timings.items() if k.startswith("png/") and k != "png/preview")

    first = build(BuildOptions(root, site_dir))
    assert images_drawn(first) == 12 * 6 + 4, "six language versions, and the portal's link image in four languages"
    before = _site_images(site_dir)
    again = build(BuildOptions(root, site_dir, force=True))
    assert images_drawn(again) == 0 and _site_images(site_dir) == before
    path = root / "content/municipalities/fjordby.yml"
    path.write_text(path.read_text().replace('"+47 33 41 60 00"', '"+47 22 86 45 13"'))
    changed = build(BuildOptions(root, site_dir))
    assert images_drawn(changed) == 12 * 3
    changed_files = {name for name, data in _site_images(site_dir).items()
                     if before.get(name) != data and SLIDE_IMAGE.match(name.rsplit("/", 1)[-1])}
    assert len(changed_files) == 12 * 3 * 2, "each image of fjordby and its preview"
    assert all(name.startswith("filer/fjordby/") for name in changed_files)


def _site_images(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in (folder / "filer").rglob("*.png")}


def test_the_same_input_draws_the_same_bytes(fixture_render: Rendered) -> None:
    site = check(fixture_render.root)
    local = site.local("fjordby", "nn")
    palette, _ = palette_for(local.municipality.branding.accent)
    for kind, form in (("call", "landscape"), ("violence", "portrait")):
        spec = make_spec("again", kind, form, palette, slide_texts(site, local)[kind])
        png, _ = draw(spec)
        assert png == draw(spec)[0]
        n = SLIDES.index(kind) + 1
        assert png == (fixture_render.out / local.files_path() / slide_file(n, form)).read_bytes()


# -- pages that show or point at the images ------------------------------------------------------------------


def test_every_page_points_at_an_existing_link_preview_image(demo_site: Path) -> None:
    base = DEMO.portal.portal.base_url
    pages = [p for p in demo_site.rglob("index.html") if "filer" not in p.parts and "search" not in p.parts]
    assert len(pages) > 20
    for page in [*pages, demo_site / "404.html"]:
        html = page.read_text(encoding="utf-8")
        found = re.search(r'<meta property="og:image" content="([^"]+)">', html)
        assert found, page
        image = demo_site / found.group(1).removeprefix(base)
        assert image.is_file(), (page, found.group(1))
        with Image.open(image) as opened:
            assert opened.size == (1200, 630)
        assert '<meta name="twitter:card" content="summary_large_image">' in html
        assert re.search(r'<meta property="og:title" content="[^"]+">', html)


def test_materials_page_lists_slides_and_images_with_previews(demo_site: Path) -> None:
    page = demo_site / "en/porsanger/materiell/index.html"
    html = page.read_text(encoding="utf-8")
    previews = re.findall(r'<img class="tg-material__preview" src="([^"]+)"', html)
    hrefs = re.findall(r'<p><a href="([^"]+)"(?: download)?>', html)
    targets = {(page.parent / href).resolve() for href in hrefs}
    for name in ["lysbilder", *(f"lysbilde-{n}-{o}.png" for n in range(1, 6) for o in ("liggende", "staende")),
                 "innlegg.png", "delingsbilde.png"]:
        assert (demo_site / "filer/porsanger/en" / name).resolve() in targets, name
    assert previews
    for href in hrefs:
        assert (page.parent / href).exists(), href
    for preview in previews:
        assert (page.parent / preview).is_file(), preview
    assert "1920 × 1080 px" in html and "Slideshow for info screens" in html


def test_slideshow_page_is_standalone(demo_site: Path) -> None:
    html = (demo_site / "filer/porsanger/se/lysbilder/index.html").read_text(encoding="utf-8")
    assert '<html lang="se">' in html
    assert 'data-seconds="12"' in html
    assert not re.search(r"<(a|button|nav)\b", html), "no navigation and no exit button on a signage page"
    assert not re.search(r'(?:src|href|srcset)="(?:https?:)?//', html)
    alts = re.findall(r'alt="([^"]*)"', html)
    assert len(alts) == len(SLIDES) and all(alts)
    assert any("00\u00a000\u00a056\u00a020" in alt or "00 00 56 20" in alt for alt in alts)


# -- the slideshow in a browser --------------------------------------------------------------------------------


@pytest.fixture
def served(demo_site: Path) -> Iterator[str]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(demo_site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    thread.join()


@pytest.mark.browser
def test_slideshow_advances_loops_offline_and_stays_on_its_own_site(served: str, browser: Any) -> None:
    requests: list[str] = []
    # bypass_csp: the test's own waiting code is evaluated JavaScript; the page's policy is tested elsewhere.
    context = browser.new_context(viewport={"width": 1280, "height": 720}, reduced_motion="reduce", bypass_csp=True)
    page = context.new_page()
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{served}/filer/sandefjord/nb/lysbilder/?sekunder=1", wait_until="load")
    assert page.evaluate("[...document.images].every(i => i.complete && i.naturalWidth === 1920)")
    assert page.eval_on_selector(".slide", "e => getComputedStyle(e).transitionDuration") == "0s"
    context.set_offline(True)
    page.wait_for_function("document.querySelector('.show').dataset.current === '2'", timeout=8000)
    page.wait_for_function("document.querySelector('.show').dataset.current === '0'", timeout=8000)
    visible = page.evaluate("[...document.querySelectorAll('.slide')]"
                            ".filter(s => getComputedStyle(s).opacity === '1').length")
    current_ok = page.evaluate("(() => { const i = document.querySelector('.slide.is-current img');"
                               " return i.complete && i.naturalWidth > 0; })()")
    context.close()
    assert visible == 1 and current_ok
    assert requests and all(url.startswith(served + "/") for url in requests), requests
