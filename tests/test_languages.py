"""The languages beyond Norwegian and English: metadata, core scope, right to left, scripts and fonts.

Most checks read the demo site built once per session (``demo_site``): Sandefjord offers nb, nn,
en, pl, lt, uk, ar, so and ti.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import yaml
from conftest import REPO, make_project
from pdfcheck import fonts, pdf_text, qr_codes
from PIL import Image

from tryggest.context import LRI, PDI, isolate, municipality_values
from tryggest.model import LANGUAGES
from tryggest.pipeline import check
from tryggest.problems import InputError
from tryggest.products import CORE_PRODUCTS, PRODUCTS, product
from tryggest.qr import QUIET_ZONE, qr_modules
from tryggest.render.slides.draw import ImageSpec
from tryggest.texts import PageTemplates

DEMO = check(REPO)
NEW = ("pl", "lt", "uk", "ar", "so", "ti")
CORE_PAGES = {"index", "hvem-gjelder-det", "nar-du-tar-kontakt", "vold/index", "lokal-hjelp", "trygg-pa-nett"}
ARABIC = re.compile(r"[\u0600-\u06ff]")
ETHIOPIC = re.compile(r"[\u1200-\u137f]")
HREF = re.compile(r'href="([^"#?]+)(?:#[^"]*)?"')


def _page(site: Path, lang: str, key: str = "index") -> Path:
    return site / DEMO.local("sandefjord", lang).page_path(key) / "index.html"


def _plain(text: str) -> str:
    return text.replace(LRI, "").replace(PDI, "")


def test_every_language_has_valid_metadata_and_names_itself() -> None:
    names = {lang: DEMO.project.languages[lang].name for lang in DEMO.project.languages}
    assert set(NEW) <= set(names) and len(set(names.values())) == len(names)
    assert ARABIC.search(names["ar"]) and ETHIOPIC.search(names["ti"]) and names["uk"] == "Українська"
    assert DEMO.project.languages["ar"].dir == "rtl"
    assert {lang for lang, meta in DEMO.project.languages.items() if meta.dir == "rtl"} == {"ar"}
    assert DEMO.project.languages["nb"].status == "reviewed"
    assert all(DEMO.project.languages[lang].status == "draft" for lang in ("nn", "en", "se", *NEW))
    # Northern Sami keeps every print file (Porsanger's card, A3 poster, tear-off poster, sticker sheet).
    assert {lang for lang, meta in DEMO.project.languages.items() if meta.scope == "full"} == {"nb", "nn", "en", "se"}


def test_a_bad_meta_file_names_its_line(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    (root / "content/en/meta.yml").write_text("name: English\ndir: sideways\nscope: full\nstatus: draft\n"
                                              "draft_notice: Not checked yet.\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        check(root)
    assert [(p.path, p.line) for p in caught.value.problems] == [("content/en/meta.yml", 2)]


def test_a_draft_language_warns_and_a_reviewed_one_needs_a_reviewer(tmp_path: Path) -> None:
    from tryggest.lint import warnings_for

    warned = {p.path for p in warnings_for(DEMO.project, DEMO.build_date) if "is a draft" in p.message}
    assert warned == {f"content/{lang}/meta.yml" for lang in ("nn", "en", "se", *NEW)}
    root = make_project(tmp_path)
    (root / "content/en/meta.yml").write_text("name: English\nscope: full\nstatus: reviewed\n", encoding="utf-8")
    with pytest.raises(InputError, match="reviewed_by"):
        check(root)


@pytest.mark.parametrize("lang", NEW)
def test_core_languages_have_every_string_but_the_campaign(lang: str) -> None:
    def keys(data: object, prefix: str = "") -> set[str]:
        if not isinstance(data, dict):
            return set()
        return set().union(*[{prefix + k} | keys(v, f"{prefix}{k}.") for k, v in data.items()])

    def strings(code: str) -> object:
        return yaml.safe_load((REPO / "content" / code / "strings.yml").read_text(encoding="utf-8"))

    full = {key for key in keys(strings("nb")) if not key.startswith("campaign")}
    assert keys(strings(lang)) == full


@pytest.mark.parametrize("lang", NEW)
def test_core_languages_have_exactly_the_core_pages(lang: str) -> None:
    assert {p.key for p in DEMO.local("sandefjord", lang).pages} == CORE_PAGES


def test_every_national_line_and_law_has_every_language() -> None:
    for line in DEMO.project.national.lines:
        assert set(LANGUAGES) <= set(line.name) and set(LANGUAGES) <= set(line.purpose), line.id
    for law in DEMO.project.national.laws:
        assert set(LANGUAGES) <= set(law.name), law.id
    # No source we hold says whether a national line offers an interpreter: nothing is claimed.
    assert all(line.interpreter is None for line in DEMO.project.national.lines)


def test_an_interpreter_shows_on_the_local_help_page_only_when_the_source_says_so() -> None:
    local = DEMO.local("sandefjord", "pl")
    page = next(p for p in local.pages if p.key == "lokal-hjelp")
    from tryggest.render.web import _local_values, _page_links

    values = {**_local_values(DEMO, local, []), **_page_links(page)}
    templates = PageTemplates()
    unset = templates.render(page.source, values)
    line = dict(values["national"]["vold-og-overgrepslinjen"])
    offered = templates.render(page.source, {**values, "national": {**values["national"],
                                             "vold-og-overgrepslinjen": {**line, "interpreter": True}}})
    refused = templates.render(page.source, {**values, "national": {**values["national"],
                                             "vold-og-overgrepslinjen": {**line, "interpreter": False}}})
    assert "tłumacz" not in unset
    assert "Możesz dostać tłumacza." in offered and "nie zapewnia tłumacza" in refused


def test_every_page_has_its_language_and_arabic_is_right_to_left(demo_site: Path) -> None:
    for lang in DEMO.project.languages_of(DEMO.project.municipalities["sandefjord"]):
        for page in DEMO.local("sandefjord", lang).pages:
            html = (demo_site / page.path / "index.html").read_text(encoding="utf-8")
            direction = "rtl" if lang == "ar" else "ltr"
            assert f'<html lang="{lang}" dir="{direction}"' in html, page.path
            assert f'<body dir="{direction}"' in html, page.path


def test_new_language_pages_link_no_missing_page(demo_site: Path) -> None:
    for lang in NEW:
        for page in DEMO.local("sandefjord", lang).pages:
            file = demo_site / page.path / "index.html"
            html = file.read_text(encoding="utf-8")
            for href in HREF.findall(html):
                if href.startswith(("http", "tel:", "sms:", "mailto:", "data:")):
                    continue
                target = (file.parent / href).resolve()
                assert target.exists() and (target.is_file() or (target / "index.html").is_file()), (page.path, href)
            assert "/for-ansatte/" not in html and "/teamet/" not in html and "/kampanje/" not in html


def test_the_language_switcher_names_each_language_in_its_own_script(demo_site: Path) -> None:
    html = _page(demo_site, "pl", "lokal-hjelp").read_text(encoding="utf-8")
    switcher = html[html.index('class="tg-languages"'):]
    switcher = switcher[:switcher.index("</details>")]
    for lang in DEMO.project.languages_of(DEMO.project.municipalities["sandefjord"]):
        assert f'lang="{lang}"' in switcher and DEMO.project.languages[lang].name in switcher, lang
    # A language without the page offers its home page: Bokmål has it, and so does Arabic here.
    assert 'href="../../../ar/sandefjord/lokal-hjelp/"' in switcher
    # A page the core languages do not have offers their home page instead: never a missing page.
    staff = _page(demo_site, "nb", "for-ansatte").read_text(encoding="utf-8")
    for lang in NEW:
        assert f'href="../../{lang}/sandefjord/" hreflang="{lang}"' in staff


def test_a_draft_language_says_so_on_its_pages_and_bokmal_does_not(demo_site: Path) -> None:
    for lang in ("pl", "ar", "ti"):
        html = _page(demo_site, lang).read_text(encoding="utf-8")
        notice = DEMO.project.languages[lang].draft_notice
        assert notice and f'<p class="tg-draft" role="note">{notice}</p>' in html
    assert "tg-draft" not in _page(demo_site, "nb").read_text(encoding="utf-8")


def test_web_fonts_are_subsets_served_only_to_their_language(demo_site: Path) -> None:
    from fontTools.ttLib import TTFont

    for lang, letters in (("ar", ARABIC), ("ti", ETHIOPIC)):
        css = f"assets/fonts/{lang}.css"
        for weight in ("regular", "bold"):
            woff2 = demo_site / f"assets/fonts/{lang}-{weight}.woff2"
            assert woff2.read_bytes()[:4] == b"wOF2" and woff2.stat().st_size < 120_000, woff2
            cmap = TTFont(str(woff2)).getBestCmap()
            used = {ch for ch in _page(demo_site, lang).read_text(encoding="utf-8") if letters.match(ch)}
            assert used and all(ord(ch) in cmap for ch in used), lang
        assert css in _page(demo_site, lang).read_text(encoding="utf-8")
        for other in ("nb", "pl", "ar" if lang == "ti" else "ti"):
            assert f"fonts/{lang}.css" not in _page(demo_site, other).read_text(encoding="utf-8")


def test_numbers_times_and_urls_are_isolated_in_right_to_left_text_only() -> None:
    arabic, polish = DEMO.local("sandefjord", "ar"), DEMO.local("sandefjord", "pl")
    ar_values, pl_values = municipality_values(arabic), municipality_values(polish)
    display = arabic.municipality.contact.phone.display
    assert ar_values["phone"]["display"] == f"{LRI}{display}{PDI}" == isolate(display, True)
    assert pl_values["phone"]["display"] == display and LRI not in "".join(pl_values["hours"])
    assert all(f"{LRI}09:00{PDI}" in line or f"{LRI}09.00{PDI}" in line for line in ar_values["hours"][:1])
    assert ar_values["display_url"].startswith(LRI) and arabic.national["politi"]["display"] == f"{LRI}112{PDI}"


def test_the_arabic_page_keeps_the_phone_number_in_order_inside_arabic_text(demo_site: Path) -> None:
    html = _page(demo_site, "ar", "hvem-gjelder-det").read_text(encoding="utf-8")
    display = DEMO.local("sandefjord", "ar").municipality.contact.phone.display
    paragraphs = [p for p in re.findall(r"<p>(.*?)</p>", html, re.S) if f"{LRI}{display}{PDI}" in p]
    assert paragraphs and all(ARABIC.search(re.sub(r"<[^>]+>", "", p)) for p in paragraphs)


def test_the_arabic_brochure_reads_back_arabic_and_the_number_in_order(demo_site: Path) -> None:
    local = DEMO.local("sandefjord", "ar")
    display = local.municipality.contact.phone.display
    for file in ("brosjyre-trykk.pdf", "brosjyre-skjerm.pdf"):
        path = demo_site / local.files_path() / file
        text = pdf_text(path)
        assert len(ARABIC.findall(text)) > 500, file
        assert display in _plain(text), file
        poppler = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True,
                                 check=True).stdout
        assert display in _plain(poppler) and ARABIC.search(poppler), file
        assert DEMO.build_date.isoformat() in poppler, "the print date reads year-month-day, not reversed"


def test_the_arabic_brochure_mirrors_its_panels() -> None:
    from tryggest.render.print.data import print_data
    from tryggest.render.print.pdf import product_html

    def cover_left(lang: str) -> float:
        html = product_html(print_data(DEMO, DEMO.local("sandefjord", lang)), product("brochure"))
        found = re.search(r'class="panel cover" style="left: ([0-9.]+)mm', html)
        assert found
        return float(found.group(1))

    assert cover_left("nb") == 197 and cover_left("ar") == 0


def test_core_languages_print_only_the_core_products(demo_site: Path) -> None:
    for lang in NEW:
        folder = demo_site / DEMO.local("sandefjord", lang).files_path()
        made = {spec.id for spec in PRODUCTS if (folder / f"{spec.file}.pdf").is_file()}
        assert made == CORE_PRODUCTS, lang
        assert not (folder / "trykkbestilling.pdf").exists(), "no campaign files without campaign texts"


def test_every_pdf_embeds_every_font(demo_site: Path) -> None:
    pdfs = sorted((demo_site / "filer" / "sandefjord").rglob("*.pdf"))
    assert len(pdfs) >= 9 * len(CORE_PRODUCTS)
    for path in pdfs:
        used = fonts(path)
        assert used and all(font.embedded for font in used), path
    arabic = {font.name.split("+")[-1] for font in fonts(demo_site / "filer/sandefjord/ar/brosjyre-trykk.pdf")}
    ethiopic = {font.name.split("+")[-1] for font in fonts(demo_site / "filer/sandefjord/ti/brosjyre-trykk.pdf")}
    assert any("Arabic" in name for name in arabic) and any("Ethiopic" in name for name in ethiopic)


def test_the_qr_code_of_every_language_opens_its_own_page(demo_site: Path) -> None:
    for lang in NEW:
        local = DEMO.local("sandefjord", lang)
        path = demo_site / local.files_path() / f"{product('sticker').file}.pdf"
        codes = qr_codes(path, modules=qr_modules(local.qr_url) - 2 * QUIET_ZONE)
        assert [code.text for code in codes] == [local.qr_url], lang


@pytest.mark.parametrize("lang", NEW)
def test_slides_exist_in_every_language_and_their_codes_open_its_pages(demo_site: Path, lang: str) -> None:
    import zxingcpp

    local = DEMO.local("sandefjord", lang)
    folder = demo_site / local.files_path()
    slides = sorted(folder.glob("lysbilde-*.png"))
    assert len(slides) == 10
    read = zxingcpp.read_barcodes(Image.open(folder / "lysbilde-4-liggende.png"))
    assert [code.text for code in read] == [local.qr_url]
    assert (demo_site / local.home_path / "index.html").is_file()


def test_arabic_slides_are_drawn_right_to_left_in_an_arabic_font() -> None:
    from tryggest.render.slides.draw import draw
    from tryggest.render.slides.renderer import _local_jobs, _palette

    local = DEMO.local("sandefjord", "ar")
    jobs = {job.spec.name: job.spec for job in _local_jobs(DEMO, local, _palette(local))}
    spec: ImageSpec = jobs["sandefjord/ar/call-landscape"]
    assert (spec.script, spec.direction) == ("arabic", "rtl")
    _, drawing = draw(spec)
    title = next(e for e in drawing.elements if e["box"] == "call_title")
    box_right = title["rect"][2]
    assert abs(title["ink"][2] - box_right) < 30, "right-aligned"
    assert ARABIC.search(" ".join(title["lines"]))


# In the browser: what the reader of an Arabic page sees.
PHONE_ORDER = """(display) => {
  const walker = document.createTreeWalker(document.querySelector("article"), NodeFilter.SHOW_TEXT);
  const found = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.data.indexOf(display);
    const paragraph = node.parentElement.closest("p, li");
    if (at < 0 || !paragraph || !/[\\u0600-\\u06ff]/.test(paragraph.textContent)) { continue; }
    const box = (i) => { const r = document.createRange(); r.setStart(node, i); r.setEnd(node, i + 1);
                         return r.getBoundingClientRect(); };
    // Each digit of the number, left to right as the logical order has it.
    const xs = [...display].map((c, i) => /\\d/.test(c) ? box(at + i).left : null).filter((x) => x !== null);
    found.push(xs);
  }
  return found;
}"""
EXIT_SIDE = """() => {
  const exit = document.querySelector(".tg-exit__button").getBoundingClientRect();
  return { exit: exit.left + exit.width / 2, width: document.documentElement.clientWidth,
           dir: getComputedStyle(document.documentElement).direction,
           overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth };
}"""


@pytest.mark.browser
def test_in_the_browser_arabic_is_mirrored_and_the_number_reads_left_to_right(demo_site: Path, browser: object) -> None:
    from browser_kit import DESKTOP, REFLOW, serve

    local = DEMO.local("sandefjord", "ar")
    display = local.municipality.contact.phone.display
    with serve(demo_site, REPO / "node_modules/axe-core/axe.min.js") as origin:
        context = browser.new_context(viewport=DESKTOP)  # type: ignore[attr-defined]
        page = context.new_page()
        page.goto(origin + local.page_path("hvem-gjelder-det"))
        side = page.evaluate(EXIT_SIDE)
        assert side["dir"] == "rtl" and side["exit"] < side["width"] / 2, "the exit button sits on the left"
        runs = page.evaluate(PHONE_ORDER, display)
        assert runs and all(len(xs) == 8 and xs == sorted(xs) for xs in runs), runs
        page.set_viewport_size(REFLOW)
        assert page.evaluate(EXIT_SIDE)["overflow"] <= 0, "no sideways scrolling at 320 px"
        context.close()


SIDEWAYS = """() => {
  const root = document.documentElement;
  // The page's content and its exit button; the menu drawer waits off-screen by design.
  const out = [...document.querySelectorAll(".md-content *, .tg-exit *")].filter((el) => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && (box.right > root.clientWidth + 0.5 || box.left < -0.5);
  });
  return { scroll: root.scrollWidth - root.clientWidth,
           out: out.slice(0, 3).map((el) => el.tagName.toLowerCase() + "." + el.className) };
}"""


@pytest.mark.browser
def test_axe_finds_nothing_on_new_language_pages_and_they_reflow_at_320_px(demo_site: Path, browser: object) -> None:
    from browser_kit import AXE_PATH, AXE_RUN, DESKTOP, REFLOW, WCAG_TAGS, serve

    problems = []
    with serve(demo_site, REPO / "node_modules/axe-core/axe.min.js") as origin:
        context = browser.new_context(viewport=DESKTOP)  # type: ignore[attr-defined]
        page = context.new_page()
        for lang in NEW:
            for item in DEMO.local("sandefjord", lang).pages:
                page.set_viewport_size(DESKTOP)
                page.goto(origin + item.path)
                page.add_script_tag(url=AXE_PATH)
                result = page.evaluate(AXE_RUN, WCAG_TAGS)
                assert result["applied"], item.path
                problems += [f"{item.path}: {v['id']} {v['nodes']}" for v in result["violations"]]
                page.set_viewport_size(REFLOW)
                sideways = page.evaluate(SIDEWAYS)
                if sideways["scroll"] > 0 or sideways["out"]:
                    problems.append(f"{item.path}: scrolls sideways at 320 px: {sideways}")
        context.close()
    assert not problems, "\n".join(problems)
