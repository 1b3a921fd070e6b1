"""In headless Chromium, on sample pages of the demo: the quick exit fails safe on broken markup,
what a first visit and a later page weigh, and that the purged inline CSS draws each page exactly
as the theme's full stylesheets do. (Only test_browser.py's walk visits every page.)"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_kit import EXIT_STATE, INIT_SCRIPT, serve
from test_browser import AXE_FILE, EXIT_URL, HOME, _first_in

from tryggest.bench.weight import FIRST_VISIT_BUDGET, LATER_PAGE_BUDGET, compressed_size, page_file

pytestmark = pytest.mark.browser

VIOLENCE = f"{HOME}vold/fysisk/"
ENGLISH = _first_in("en")
# The pages Lighthouse is run on in scripts/bench: a municipality, a violence type, English, the portal.
MEASURED = [HOME, VIOLENCE, ENGLISH, ""]


@pytest.fixture(scope="module")
def site_url(demo_site: Path) -> Iterator[str]:
    with serve(demo_site, AXE_FILE) as url:
        yield url


@pytest.fixture
def context(browser: Any) -> Iterator[Any]:
    opened = browser.new_context(viewport={"width": 1366, "height": 800})
    opened.add_init_script(INIT_SCRIPT)
    yield opened
    opened.close()


# ---- The quick exit on broken markup ------------------------------------------------------------

def _without_button(html: str) -> str:
    return re.sub(r"<a [^>]*data-tg-exit-button.*?</a>", "", html, count=1, flags=re.S)


def _without_status(html: str) -> str:
    return re.sub(r"<span [^>]*data-tg-exit-status></span>", "", html, count=1)


def _root_of_wrong_type(html: str) -> str:
    """The first element marked as the exit's root is an SVG element, not an HTML one."""
    return re.sub(r"(<body[^>]*>)", r'\1<svg data-tg-exit aria-hidden="true" width="0" height="0"></svg>', html, count=1)


def _script_twice(html: str) -> str:
    tag = re.search(r'<script src="[^"]*tryggest-exit\.js"[^>]*></script>', html)
    assert tag, "the page loads the exit script"
    return html.replace(tag[0], tag[0] + tag[0], 1)


BROKEN = {"no button": _without_button, "no status element": _without_status, "root of the wrong type": _root_of_wrong_type}


# Reports, through functions the test exposes, each time the page's overlays change: the page itself
# cannot be asked once it has begun to leave.
OVERLAY_WATCH = """
new MutationObserver(() => {
  if (window.__tgOverlays) { window.__tgOverlays(document.querySelectorAll(".tg-exit-overlay").length); }
}).observe(document, { subtree: true, childList: true });
"""


class Page:
    """One page served with its markup changed, with the exit URL held back and errors recorded."""

    def __init__(self, context: Any, url: str, change: Any, demo_site: Path) -> None:
        html = page_file(demo_site, url.split("/", 3)[3]).read_text(encoding="utf-8")
        self.errors: list[str] = []
        self.exits: list[Any] = []
        self.leaving: list[Any] = []     # what INIT_SCRIPT saw when the script hid the page
        self.overlays: list[int] = []
        context.expose_function("__tgLeaving", lambda shown: self.leaving.append(shown))
        context.expose_function("__tgOverlays", lambda count: self.overlays.append(count))
        context.add_init_script(OVERLAY_WATCH)
        context.route(url, lambda route: route.fulfill(status=200, content_type="text/html", body=change(html)))
        context.route(EXIT_URL + "**", lambda route: self.exits.append(route))
        self.page = context.new_page()
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.goto(url)
        self.page.wait_for_load_state("load")

    def wait_for_exit(self) -> None:
        for _ in range(200):
            if self.exits:
                break
            self.page.wait_for_timeout(25)
        self.page.wait_for_timeout(200)   # time for the reports of a script that hides the page
        assert self.exits, "the browser asked for the exit URL"
        for route in self.exits:
            route.fulfill(status=200, content_type="text/html", body="<!doctype html><title>Weather</title>")

    def leaves_plainly(self) -> bool:
        """Whether the browser left as a plain link does: without the script hiding the page first."""
        self.wait_for_exit()
        return not self.leaving and max(self.overlays, default=0) == 0


@pytest.mark.parametrize("broken", BROKEN)
@pytest.mark.parametrize("link", ["button", "skip link"])
def test_on_broken_markup_the_exit_links_stay_plain_links_that_leave(context: Any, site_url: str, demo_site: Path,
                                                                      broken: str, link: str) -> None:
    visited = Page(context, site_url + HOME, BROKEN[broken], demo_site)
    for _ in range(3):
        visited.page.keyboard.press("Shift")
    assert not visited.exits, "the shortcut is not started on broken markup"
    selector = "[data-tg-exit-button]" if link == "button" else ".tg-skip [data-tg-exit-link]"
    if visited.page.locator(selector).count() == 0:
        assert broken == "no button"
        return
    visited.page.locator(selector).first.focus()     # the skip link shows only when focused
    visited.page.keyboard.press("Enter")
    assert visited.leaves_plainly()
    assert visited.errors == []


def test_loaded_twice_the_exit_starts_once(context: Any, site_url: str, demo_site: Path) -> None:
    visited = Page(context, site_url + HOME, _script_twice, demo_site)
    assert visited.page.locator("script[src$='tryggest-exit.js']").count() == 2
    visited.page.keyboard.press("Shift")
    assert visited.page.evaluate(EXIT_STATE)["dots"] == 1
    visited.page.click("[data-tg-exit-button]", no_wait_after=True)
    visited.wait_for_exit()
    assert len(visited.exits) == 1
    assert len(visited.leaving) == 1 and max(visited.overlays) == 1, "one handler hid the page, with one overlay"
    assert visited.errors == []


def test_complete_markup_still_starts_the_exit(context: Any, site_url: str, demo_site: Path) -> None:
    """The same route as above with the markup unchanged: the script does hide the page (so the
    tests above would notice a script that never starts)."""
    visited = Page(context, site_url + HOME, lambda html: html, demo_site)
    visited.page.click("[data-tg-exit-button]", no_wait_after=True)
    assert not visited.leaves_plainly()
    assert visited.overlays[-1] == 1


# ---- Weight -------------------------------------------------------------------------------------

def _fetched(context: Any, url: str, origin: str) -> list[str]:
    """The site files the browser fetched for ``url`` until the network was quiet."""
    seen: list[str] = []
    page = context.new_page()
    page.on("request", lambda r: seen.append(r.url) if r.url.startswith(origin) else None)
    page.goto(url, wait_until="networkidle")
    page.close()
    return seen


def _bytes(demo_site: Path, origin: str, urls: list[str]) -> int:
    return sum(compressed_size(page_file(demo_site, url.removeprefix(origin).split("#")[0])) for url in urls)


@pytest.mark.parametrize("first", MEASURED)
def test_a_first_visit_and_a_later_page_stay_within_budget(context: Any, site_url: str, demo_site: Path, first: str) -> None:
    later = VIOLENCE if first != VIOLENCE else HOME
    loaded = _fetched(context, site_url + first, site_url)
    assert loaded[0] == site_url + first and len(loaded) > 1, "the page and its scripts"
    first_visit = _bytes(demo_site, site_url, loaded)
    again = [url for url in _fetched(context, site_url + later, site_url) if url not in loaded or url == site_url + later]
    later_page = _bytes(demo_site, site_url, again)
    assert first_visit <= FIRST_VISIT_BUDGET, f"first visit {first_visit} bytes compressed"
    assert later_page <= LATER_PAGE_BUDGET, f"later page {later_page} bytes compressed"
    assert not any("/javascripts/bundle." in url for url in loaded), "Material's script bundle is left out"


# ---- The purged CSS draws the page as the full CSS does -----------------------------------------

def _with_full_css(html: str, demo_site: Path, depth: int) -> str:
    """The page as the theme wrote it: its inline CSS replaced by links to the theme's stylesheets."""
    up = "../" * depth
    sheets = sorted(p.relative_to(demo_site).as_posix() for p in (demo_site / "assets/stylesheets").glob("*.min.css"))
    sheets.sort(key=lambda name: "palette" in name)   # main first, as Material links them
    sheets += ["assets/tryggest.css", "assets/tryggest-safety.css"]
    links = "".join(f'<link rel="stylesheet" href="{up}{sheet}">' for sheet in sheets)
    style = re.search(r"<style>html\{.*?</style>", html, re.S)
    assert style, "the page carries the purged CSS first"
    return html.replace(style[0], links, 1)


# Where each element is and how it is drawn: what the CSS decides, without the timing of image loads.
DRAWN = """() => [...document.body.querySelectorAll("*")].map((el) => {
  const box = el.getBoundingClientRect();
  const s = getComputedStyle(el);
  return [el.tagName, Math.round(box.x), Math.round(box.y), Math.round(box.width), Math.round(box.height), s.color,
          s.backgroundColor, s.fontSize, s.fontWeight, s.fontFamily, s.display, s.visibility, s.borderTopWidth,
          s.borderTopColor, s.outlineStyle, s.textDecorationLine, s.boxShadow].join(" ");
})"""


def _answer_with(body: str) -> Any:
    return lambda route: route.fulfill(status=200, content_type="text/html", body=body)


@pytest.mark.parametrize("path", [HOME, VIOLENCE, f"{HOME}materiell/", f"{HOME}kampanje/", "", "404.html"])
@pytest.mark.parametrize("width", [320, 1366])
def test_the_purged_css_draws_the_page_as_the_full_css_does(browser: Any, site_url: str, demo_site: Path,
                                                            path: str, width: int) -> None:
    html = page_file(demo_site, path).read_text(encoding="utf-8")
    shots = []
    for body in (html, _with_full_css(html, demo_site, path.count("/"))):
        opened = browser.new_context(viewport={"width": width, "height": 800}, bypass_csp=True)
        opened.route(site_url + path, _answer_with(body))
        page = opened.new_page()
        page.goto(site_url + path, wait_until="networkidle")
        page.wait_for_timeout(300)    # past the theme's transitions
        shots.append(page.evaluate(DRAWN))
        opened.close()
    assert len(shots[0]) > 40, "the elements of the page"
    assert shots[0] == shots[1]

