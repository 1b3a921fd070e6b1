"""Reader safety, privacy and accessibility, proven in headless Chromium on the built demo site.

Only ``walk`` visits every page of the site (found by walking its *.html files): once, at 1366 px
with axe-core injected. That visit records requests to other origins, cookies and storage, console
errors, Content-Security-Policy violations, the skip links and the exit button, and any element
wider than its box at 1366, 768 and 320 px. Everything else runs on a few representative pages:
the interactions (exit by click, by the skip link, by Shift x3, Back after an exit, print), the
quick exit on broken markup, 200 % zoom, the page weights and the purged CSS against the full one.

Set TRYGGEST_BROWSER_REPORT=<file> to save the pages checked and the axe rules that applied.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import pytest
from browser_kit import (
    AXE_PATH,
    AXE_RUN,
    DESKTOP,
    ELEMENT_OVERFLOW,
    FOCUS_STYLE,
    INIT_SCRIPT,
    OVERFLOW,
    OVERFLOW_WIDTHS,
    PAGE_STATE,
    WCAG_TAGS,
    ZOOM_200,
    PageReport,
    Visit,
    open_visit,
    serve,
    site_pages,
)
from conftest import REPO

from tryggest.load import load_project
from tryggest.texts import load_texts

pytestmark = pytest.mark.browser

DEMO = load_project(REPO)
DEFAULT_LANG = DEMO.portal.portal.languages[0]
EXIT_URL = DEMO.portal.portal.exit_url
AXE_FILE = REPO / "node_modules/axe-core/axe.min.js"
SAFETY = {lang: load_texts(REPO, lang).strings["safety"] for lang in DEMO.languages}


def _first_in(lang: str) -> str:
    """Home path of the first demo municipality that has pages in ``lang``."""
    mid = next(m for m in sorted(DEMO.municipalities) if lang in DEMO.languages_of(DEMO.municipalities[m]))
    return f"{mid}/" if lang == DEFAULT_LANG else f"{lang}/{mid}/"


HOME = _first_in(DEFAULT_LANG)
HOME_CONTACT = DEMO.municipalities[HOME.rstrip("/")].contact
TEXT = SAFETY[DEFAULT_LANG]
# A few representative pages: a municipality's home and safety page, an English and a Sami page,
# the portal and the 404 page.
SAMPLES = [HOME, f"{HOME}trygg-pa-nett/", _first_in("en"), f"{_first_in('se')}trygg-pa-nett/", "", "404.html"]


def _lang_of(path: str) -> str:
    first = path.split("/", 1)[0]
    return first if first in DEMO.languages else DEFAULT_LANG


@pytest.fixture(scope="session")
def origin(demo_site: Path) -> Iterator[str]:
    with serve(demo_site, AXE_FILE) as url:
        yield url


@dataclass
class Walk:
    reports: list[PageReport]
    rules: list[str]                                          # the axe rules run on every page
    leftovers: dict[str, Any] = field(default_factory=dict)   # cookies and storage after the whole walk


@pytest.fixture(scope="session")
def walk(browser: Any, origin: str, demo_site: Path) -> Walk:
    """Visit every page once with one page object; each test below asserts one part of it."""
    context = browser.new_context(viewport=DESKTOP, service_workers="block")
    context.add_init_script(INIT_SCRIPT)
    page = context.new_page()
    current = PageReport("")
    page.on("request", lambda r: None if r.url.startswith((origin, "data:")) else current.foreign.append(r.url))
    page.on("console", lambda m: current.console.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: current.console.append(f"uncaught: {e}"))
    # No route refuses other origins here: the pages' own policy must do that, and every request
    # that is even attempted is recorded.
    reports, rules = [], []
    for path in site_pages(demo_site):
        current = PageReport(path)
        page.set_viewport_size(DESKTOP)
        page.goto(origin + path)
        page.add_script_tag(url=AXE_PATH)
        current.axe = page.evaluate(AXE_RUN, WCAG_TAGS)
        rules = rules or page.evaluate("(tags) => axe.getRules(tags).map((rule) => rule.ruleId)", WCAG_TAGS)
        current.state = page.evaluate(PAGE_STATE)
        for width in OVERFLOW_WIDTHS:
            page.set_viewport_size({"width": width, "height": DESKTOP["height"]})
            current.overflow[width] = page.evaluate(ELEMENT_OVERFLOW)
        reports.append(current)
    leftovers = {"cookies": context.cookies(), "state": context.storage_state(),
                 "storage": page.evaluate("localStorage.length + sessionStorage.length")}
    context.close()
    _save_report(reports, rules)
    return Walk(reports, rules, leftovers)


def _save_report(reports: list[PageReport], rules: list[str]) -> None:
    target = os.environ.get("TRYGGEST_BROWSER_REPORT")
    if target:
        applied = sorted({rule for r in reports for rule in r.axe.get("applied", [])})
        Path(target).write_text(json.dumps({"pages": [r.path for r in reports], "axe_rules_run": rules,
                                            "axe_rules_applied": applied,
                                            "reports": [asdict(r) for r in reports]}, indent=1), encoding="utf-8")


def _failures(walk: Walk, check: Any) -> str:
    lines = [f"{r.path or '/'}: {problem}" for r in walk.reports for problem in check(r)]
    return "\n".join(lines)


def test_walk_covers_every_municipality_and_language(walk: Walk) -> None:
    paths = {r.path for r in walk.reports}
    for mid, municipality in DEMO.municipalities.items():
        for lang in DEMO.languages_of(municipality):
            prefix = "" if lang == DEFAULT_LANG else f"{lang}/"
            assert {f"{prefix}{mid}/", f"{prefix}{mid}/trygg-pa-nett/"} <= paths
    assert "404.html" in paths and "" in paths


def test_axe_finds_no_wcag_2_1_aa_violation_on_any_page(walk: Walk) -> None:
    assert all(r.axe["applied"] for r in walk.reports), "axe ran on every page"
    key_rules = {"color-contrast", "html-has-lang", "html-lang-valid", "link-name", "bypass", "document-title",
                 "meta-viewport", "list", "link-in-text-block"}
    assert key_rules <= {rule for r in walk.reports for rule in r.axe["applied"]}
    assert len(walk.rules) > 50, "every WCAG 2.1 A and AA rule of axe runs"
    assert not _failures(walk, lambda r: [f"{v['id']} ({v['help']}): {v['nodes']}" for v in r.axe["violations"]])


def test_no_page_asks_another_origin_for_anything(walk: Walk) -> None:
    assert not _failures(walk, lambda r: r.foreign)


def test_no_cookies_and_nothing_in_browser_storage(walk: Walk) -> None:
    assert not _failures(walk, lambda r: [f"storage {r.state['storage']}"] * bool(r.state["storage"])
                         + [f"cookie {r.state['cookie']!r}"] * bool(r.state["cookie"]))
    assert walk.leftovers["cookies"] == []
    assert walk.leftovers["storage"] == 0
    assert all(not o.get("localStorage") for o in walk.leftovers["state"]["origins"])


def test_no_console_errors_and_no_policy_violations(walk: Walk) -> None:
    assert not _failures(walk, lambda r: r.console + r.state["violations"])


SIGNAGE = "filer/"  # the info-screen slideshows: shown on a wall, never browsed, so no exit button


def test_every_page_starts_with_skip_links_and_the_exit_button(walk: Walk) -> None:
    def check(r: PageReport) -> list[str]:
        if r.path.startswith(SIGNAGE):
            return []
        s, first = r.state, r.state["first"]
        problems = [] if s["lang"] == _lang_of(r.path) else [f"lang is {s['lang']!r}"]
        expected = [("#tg-content", False), (EXIT_URL, True), (EXIT_URL, True)]
        if [(f["href"], f["exit"]) for f in first] != expected:
            problems.append(f"first tab stops are {first}")
        if s["skipTarget"] != 1:
            problems.append(f"{s['skipTarget']} elements with the skip link's target id")
        label = SAFETY[s["lang"]]["exit_label"]
        if len(first) == 3 and (first[1]["text"] != label or not first[2]["text"].endswith(label)):
            problems.append(f"exit link texts are {first[1]['text']!r}, {first[2]['text']!r}")
        for link in s["exits"]:
            if link["href"] != EXIT_URL or not {"nofollow", "noreferrer"} <= set(link["rel"].split()):
                problems.append(f"exit link {link}")
        return problems + ([] if s["referrer"] == "no-referrer" else ["no referrer policy"])

    assert not _failures(walk, check)


def test_every_page_has_a_policy_that_allows_only_its_own_origin(walk: Walk) -> None:
    allowed = re.compile(r"^(?:'self'|'none'|data:|'sha256-[A-Za-z0-9+/]+=*')$")

    def check(r: PageReport) -> list[str]:
        csp = r.state["csp"]
        if not csp:
            return ["no Content-Security-Policy meta tag"]
        sources = [token for directive in csp.split(";") for token in directive.split()[1:]]
        return [f"source {token}" for token in sources if not allowed.match(token)]

    assert not _failures(walk, check)


def test_no_element_is_wider_than_its_box_at_320_768_and_1366px(walk: Walk) -> None:
    assert all(set(r.overflow) == set(OVERFLOW_WIDTHS) for r in walk.reports)
    assert not _failures(walk, lambda r: [f"at {width} px: {found}" for width, found in r.overflow.items() if found])


# ---- Interactions, on representative pages ----------------------------------------------------

@pytest.fixture
def visits(browser: Any) -> Iterator[list[Visit]]:
    opened: list[Visit] = []
    yield opened
    for visit in opened:
        visit.page.context.close()


@pytest.fixture
def visit_at(browser: Any, origin: str, visits: list[Visit]) -> Any:
    def opener(path: str, **options: Any) -> Visit:
        visit = open_visit(browser, origin + path, EXIT_URL, **options)
        visits.append(visit)
        return visit
    return opener


@pytest.mark.parametrize("path", SAMPLES)
def test_exit_button_hides_the_page_at_once_and_sends_no_referrer(visit_at: Any, path: str) -> None:
    visit = visit_at(path)
    lang = _lang_of(path)
    visit.page.click("[data-tg-exit-button]", no_wait_after=True)   # the exit is held back in left()
    visit.left()
    leaving = visit.leaving[0]   # reported by INIT_SCRIPT the moment the page started leaving
    assert leaving["shown"] == ["tg-exit-overlay"], "only the overlay is visible while leaving"
    assert leaving["text"] == leaving["title"] == SAFETY[lang]["leaving"]
    assert all("referer" not in headers for headers in visit.exits)
    assert not visit.foreign


def test_keyboard_reaches_skip_link_exit_and_phone_in_the_first_tab_presses(visit_at: Any) -> None:
    visit = visit_at(HOME)
    keys = visit.page.keyboard
    stops = []
    for _ in range(3):
        keys.press("Tab")
        stops.append(visit.page.evaluate(FOCUS_STYLE))
    assert [s["href"] for s in stops] == ["#tg-content", EXIT_URL, EXIT_URL]
    assert all(s["visible"] for s in stops), stops
    visit.page.goto(visit.page.url)
    keys.press("Tab")
    keys.press("Enter")
    keys.press("Tab")
    assert visit.page.evaluate(FOCUS_STYLE)["href"] == "tel:112", "someone in danger reaches 112 first"
    keys.press("Tab")
    assert visit.page.evaluate(FOCUS_STYLE)["href"] == f"tel:{HOME_CONTACT.phone.e164}"


def test_every_tab_stop_shows_where_the_focus_is(visit_at: Any) -> None:
    visit = visit_at(f"{HOME}trygg-pa-nett/")
    seen = []
    for _ in range(60):
        visit.page.keyboard.press("Tab")
        stop = visit.page.evaluate(FOCUS_STYLE)
        if stop["tag"] == "body":
            break   # past the last link
        seen.append(stop)
    assert len(seen) > 5
    assert [s for s in seen if not s["visible"]] == []


def test_exit_skip_link_leaves_from_the_keyboard(visit_at: Any) -> None:
    visit = visit_at(_first_in("en"))
    visit.page.keyboard.press("Tab")
    visit.page.keyboard.press("Tab")
    assert visit.page.evaluate(FOCUS_STYLE)["text"] == SAFETY["en"]["exit_label"]
    visit.page.keyboard.press("Enter")
    visit.left()


def test_three_presses_of_shift_leave_and_are_announced(visit_at: Any) -> None:
    visit = visit_at(HOME)
    visit.page.keyboard.press("Shift")
    assert (visit.state()["dots"], visit.state()["status"]) == (1, TEXT["press_two_more"])
    visit.page.keyboard.press("Shift")
    assert (visit.state()["dots"], visit.state()["status"]) == (2, TEXT["press_one_more"])
    visit.page.keyboard.press("Shift")
    visit.left()


def test_shift_with_other_keys_never_leaves(visit_at: Any) -> None:
    visit = visit_at(HOME)
    keys = visit.page.keyboard
    for _ in range(3):
        keys.press("Shift+A")
    assert visit.state()["dots"] == 0
    keys.press("Shift")
    keys.press("Shift")
    keys.press("a")
    assert (visit.state()["dots"], visit.state()["status"]) == (0, TEXT["expired"])
    keys.press("Shift")
    assert (visit.state()["dots"], visit.state()["status"]) == (1, TEXT["press_two_more"])
    assert not visit.state()["leaving"] and not visit.exits


def test_shift_count_runs_out_after_five_seconds_of_no_press(visit_at: Any) -> None:
    visit = visit_at(_first_in("nn"), clock=True)
    keys, clock = visit.page.keyboard, visit.page.clock
    keys.press("Shift")
    keys.press("Shift")
    clock.fast_forward(5100)
    assert (visit.state()["dots"], visit.state()["status"]) == (0, SAFETY["nn"]["expired"])
    keys.press("Shift")
    assert not visit.state()["leaving"] and not visit.exits
    clock.fast_forward(4000)    # each press gives five new seconds
    keys.press("Shift")
    clock.fast_forward(4000)
    keys.press("Shift")
    visit.left()


def test_back_after_exit_shows_the_page_reset(visit_at: Any, origin: str) -> None:
    visit = visit_at(HOME)
    title = visit.page.title()
    for _ in range(3):
        visit.page.keyboard.press("Shift")
    visit.left()
    visit.page.go_back(wait_until="commit")
    # Restored from the back-forward cache, the page keeps its state and gets a second pageshow.
    visit.page.wait_for_function("() => window.__tg && window.__tg.shows.length === 2", timeout=10_000)
    assert visit.page.url == origin + HOME
    assert visit.page.evaluate("window.__tg.shows") == [False, True]
    state = visit.state()
    assert state == {"leaving": False, "overlay": 0, "dots": 0, "status": "", "title": title, "mainShown": True}
    visit.page.keyboard.press("Shift")
    assert visit.state()["dots"] == 1, "the count starts again from nothing"


def test_exit_works_as_a_plain_link_without_javascript(visit_at: Any) -> None:
    visit = visit_at(HOME, javascript=False)
    visit.page.click("[data-tg-exit-button]", no_wait_after=True)   # the exit is held back in left()
    visit.left()


@pytest.mark.parametrize("viewport", [{"width": 320, "height": 480}, {"width": 1280, "height": 500}])
def test_exit_button_stays_on_screen_while_scrolling(visit_at: Any, viewport: dict[str, int]) -> None:
    visit = visit_at(f"{HOME}trygg-pa-nett/", viewport=viewport)
    visit.page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    assert visit.page.evaluate("window.scrollY") > 1000, "the page scrolled far"
    box = visit.page.locator("[data-tg-exit-button]").bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= viewport["height"]
    if viewport["width"] < 700:
        assert box["width"] >= viewport["width"] * 0.9, "full width on small screens"
    else:
        assert box["width"] < viewport["width"] * 0.3 and box["x"] > viewport["width"] * 0.6, "on the right"


@pytest.mark.parametrize("path", SAMPLES)
def test_no_horizontal_scrolling_at_200_percent_zoom(visit_at: Any, path: str) -> None:
    visit = visit_at(path, viewport=ZOOM_200)
    assert visit.page.evaluate(OVERFLOW) == []


def test_print_leaves_out_the_exit_button_and_keeps_the_contact_box(visit_at: Any) -> None:
    visit = visit_at(HOME)
    visit.page.emulate_media(media="print")
    assert not visit.page.locator("[data-tg-exit]").is_visible()
    assert not visit.page.locator(".tg-skip").is_visible()
    contact = visit.page.locator(".tg-contact")
    assert contact.is_visible()
    assert HOME_CONTACT.phone.display in contact.inner_text()
    assert not visit.page.locator("[data-tg-open]").is_visible(), "'open now' would be stale on paper"
    if DEMO.municipalities[HOME.rstrip("/")].example:
        assert visit.page.locator(".tg-example").is_visible(), "demo data stays marked on paper"


def test_policy_refuses_inline_scripts_and_other_origins(visit_at: Any) -> None:
    visit = visit_at(HOME)
    ran = visit.page.evaluate("""async () => {
      const script = document.createElement("script");
      script.textContent = "window.__inlineRan = true";
      document.head.appendChild(script);
      const fetched = await fetch("https://tracker.example.org/pixel").then(() => true, () => false);
      return { inline: window.__inlineRan === true, fetched };
    }""")
    assert ran == {"inline": False, "fetched": False}
    violations = visit.page.evaluate("window.__tg.violations")
    assert any(v.startswith("script-src") for v in violations)
    assert any(v.startswith("connect-src") and "tracker.example.org" in v for v in violations)
    assert not visit.foreign, "the browser refused before any request left"


def test_theme_remembers_choices_in_memory_only(visit_at: Any) -> None:
    """Material keeps palette, tab, banner and repository choices through __md_set. In this setup
    nothing calls it on a plain visit, but a theme feature switched on later would: the values must
    stay in the page, not in localStorage or sessionStorage."""
    visit = visit_at(HOME)
    result = visit.page.evaluate("""() => {
      __md_set("__palette", { index: 1 });
      __md_set("__source", { stars: 3 }, sessionStorage);
      return [__md_get("__palette"), __md_get("__source", sessionStorage), __md_get("__tabs"),
              localStorage.length, sessionStorage.length];
    }""")
    assert result == [{"index": 1}, {"stars": 3}, None, 0, 0]


@pytest.mark.parametrize(("when", "line", "meanwhile"), [
    ("2026-11-28T12:00:00+01:00", "Stengt nå. Åpner mandag kl. 09.00.", True),     # a Saturday
    ("2026-11-30T07:30:00+01:00", "Stengt nå. Åpner i dag kl. 09.00.", True),      # Monday morning
    ("2026-11-30T10:00:00+01:00", "Åpent nå", False),
    ("2026-12-03T15:00:00+01:00", "Stengt nå. Åpner i morgen kl. 09.00.", True),   # Thursday afternoon
    ("2026-12-24T15:00:00+01:00", "Stengt nå. Åpner mandag kl. 09.00.", True),     # 25 and 26 December are holidays
])
def test_closed_box_says_when_the_team_opens_and_what_to_call_meanwhile(
        browser: Any, origin: str, when: str, line: str, meanwhile: bool) -> None:
    sandefjord = load_project(REPO).municipalities["sandefjord"]
    assert [(h.opens.hour, h.closes.hour) for h in sandefjord.contact.hours] == [(9, 14)]
    context = browser.new_context()
    try:
        page = context.new_page()
        page.clock.set_fixed_time(when)
        page.goto(f"{origin}/sandefjord/")
        assert page.locator(".tg-contact__open").inner_text() == line
        box = page.locator("[data-tg-meanwhile]")
        assert box.is_visible() is meanwhile
        if meanwhile:
            assert box.locator('a[href="tel:116006"]').count() == 1
        assert page.locator('.tg-contact__emergency a[href="tel:112"]').is_visible()
    finally:
        context.close()
