"""What the browser tests share: a loopback server for the built site, the browser, and the
scripts they run inside pages."""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
# Playwright turns the back-forward cache off by default; the Back-button test needs it.
KEEP_BACK_FORWARD_CACHE = ["--disable-back-forward-cache"]
AXE_PATH = "/__axe__/axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
DESKTOP = {"width": 1366, "height": 800}
# The widths every page is checked at for content wider than its box: a small phone, a tablet, a laptop.
OVERFLOW_WIDTHS = (1366, 768, 320)
# WCAG's reflow width (a 1280 px screen at 400 % zoom), and the same screen at 200 % zoom.
REFLOW = {"width": 320, "height": 640}
ZOOM_200 = {"width": 640, "height": 400}
NEUTRAL_PAGE = "<!doctype html><html lang='en'><title>Weather</title><p>Weather forecast</p></html>"

# Runs before any page script (and outside the page's Content-Security-Policy): records policy
# violations and pageshow events, and reports what is visible the moment the quick exit starts
# (through __tgLeaving, a function the test exposes; a console message could be lost when the
# page is gone a moment later).
INIT_SCRIPT = """
window.__tg = { violations: [], shows: [] };
document.addEventListener("securitypolicyviolation",
  (e) => window.__tg.violations.push(e.violatedDirective + " " + e.blockedURI));
window.addEventListener("pageshow", (e) => window.__tg.shows.push(e.persisted));
new MutationObserver(() => {
  const body = document.body;
  if (!body || !body.classList.contains("tg-leaving")) { return; }
  const shown = [...body.children].filter((el) => el.getClientRects().length > 0).map((el) => el.className);
  if (window.__tgLeaving) { window.__tgLeaving({ shown, title: document.title, text: body.innerText.trim() }); }
}).observe(document, { subtree: true, attributes: true, attributeFilter: ["class"] });
"""

AXE_RUN = """async (tags) => {
  const result = await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"],
    iframes: false });
  const ids = (list) => list.map((rule) => rule.id);
  return {
    violations: result.violations.map((v) => ({ id: v.id, help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ")) })),
    applied: [...ids(result.passes), ...ids(result.violations), ...ids(result.incomplete)],
    incomplete: ids(result.incomplete),
  };
}"""

PAGE_STATE = """() => {
  const focusable = [...document.querySelectorAll("a[href], button, input, select, textarea, summary, [tabindex]")]
    .filter((el) => el.tabIndex >= 0 && !el.disabled && el.getClientRects().length > 0);
  const csp = document.querySelector('meta[http-equiv="Content-Security-Policy"]');
  const referrer = document.querySelector('meta[name="referrer"]');
  return {
    lang: document.documentElement.lang,
    first: focusable.slice(0, 3).map((el) => ({ href: el.getAttribute("href"), text: el.textContent.trim(),
      exit: el.hasAttribute("data-tg-exit-link") })),
    exits: [...document.querySelectorAll("[data-tg-exit-link]")].map((a) => ({ href: a.href, rel: a.rel })),
    skipTarget: document.querySelectorAll("#tg-content").length,
    csp: csp ? csp.content : null,
    referrer: referrer ? referrer.content : null,
    storage: localStorage.length + sessionStorage.length,
    cookie: document.cookie,
    violations: window.__tg.violations,
  };
}"""

OVERFLOW = """() => {
  const root = document.documentElement;
  if (root.scrollWidth <= root.clientWidth) { return []; }
  return [...document.body.querySelectorAll("*")]
    .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 0.5)
    .slice(0, 3).map((el) => el.tagName.toLowerCase() + "." + el.className);
}"""

# Every element whose content is wider than its box (scrollWidth over clientWidth), and the page
# itself. Boxes clipped on purpose to hide text for screen readers (clip or clip-path) do not count.
ELEMENT_OVERFLOW = """() => {
  const found = [];
  const root = document.documentElement;
  if (root.scrollWidth > root.clientWidth + 1) { found.push(`page ${root.scrollWidth} > ${root.clientWidth}`); }
  for (const el of document.body.querySelectorAll("*")) {
    if (el.clientWidth === 0 || el.scrollWidth <= el.clientWidth + 1) { continue; }
    const style = getComputedStyle(el);
    if (style.clipPath !== "none" || style.clip !== "auto") { continue; }
    const name = el.tagName.toLowerCase() + [...el.classList].map((c) => "." + c).join("");
    found.push(`${name} ${el.scrollWidth} > ${el.clientWidth}`);
  }
  return found.slice(0, 5);
}"""

EXIT_STATE = """() => ({
  leaving: document.body.classList.contains("tg-leaving"),
  overlay: document.querySelectorAll(".tg-exit-overlay").length,
  dots: document.querySelectorAll(".tg-exit__dot--on").length,
  status: document.querySelector("[data-tg-exit-status]").textContent,
  title: document.title,
  mainShown: document.querySelector(".md-main").getClientRects().length > 0,
})"""

FOCUS_STYLE = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  return { tag: el.tagName.toLowerCase(), href: el.getAttribute("href"), text: (el.textContent || "").trim().slice(0, 40),
           visible: (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== "none" };
}"""


@dataclass
class PageReport:
    """What one visit of one page found."""

    path: str
    axe: dict[str, Any] = field(default_factory=dict)
    state: dict[str, Any] = field(default_factory=dict)
    overflow: dict[int, list[str]] = field(default_factory=dict)   # width: what is wider than its box
    console: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)


def site_pages(site: Path) -> list[str]:
    """Every page of the built site, as a URL path: found by walking it, never from a list."""
    paths = []
    for html in sorted(site.rglob("*.html")):
        relative = html.relative_to(site).as_posix()
        paths.append(relative.removesuffix("index.html") if relative.endswith("index.html") else relative)
    return paths


def header_lines(site: Path) -> list[tuple[str, str]]:
    """The headers the build wrote in ``_headers`` (the format Netlify and Cloudflare Pages read)."""
    lines = (site / "_headers").read_text(encoding="utf-8").splitlines()
    pairs = [line.strip().split(":", 1) for line in lines if line.startswith("  ")]
    return [(name.strip(), value.strip()) for name, value in pairs]


class _SiteHandler(SimpleHTTPRequestHandler):
    """Serves the site like a production server would: with the headers from ``_headers``."""

    headers_for_site: list[tuple[str, str]] = []
    axe_file: Path = Path()

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def translate_path(self, path: str) -> str:
        return str(self.axe_file) if path.startswith(AXE_PATH) else super().translate_path(path)

    def end_headers(self) -> None:
        for name, value in self.headers_for_site:
            self.send_header(name, value)
        # Let the browser keep the theme's files and axe between pages, so the walk stays fast.
        if "/assets/" in self.path or self.path.startswith(AXE_PATH):
            self.send_header("Cache-Control", "max-age=3600")
        super().end_headers()


@contextmanager
def serve(site: Path, axe_file: Path) -> Iterator[str]:
    handler_class = type("Handler", (_SiteHandler,), {"headers_for_site": header_lines(site), "axe_file": axe_file})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler_class, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class Visit:
    """One page opened in a fresh browser context, with the exit URL held and other origins refused."""

    page: Any
    exit_url: str
    javascript: bool = True
    exits: list[dict[str, str]] = field(default_factory=list)    # headers of requests to the exit URL
    held: list[Any] = field(default_factory=list)                # those requests, not answered yet
    foreign: list[str] = field(default_factory=list)
    leaving: list[dict[str, Any]] = field(default_factory=list)  # what was shown when the exit began

    def state(self) -> dict[str, Any]:
        result: dict[str, Any] = self.page.evaluate(EXIT_STATE)
        return result

    def left(self) -> None:
        """Wait for the exit. The neutral page is held back until the leaving page has reported
        what it showed: once the other page has loaded, that report would be lost."""
        for _ in range(200):
            if self.held and (self.leaving or not self.javascript):
                break
            self.page.wait_for_timeout(25)
        assert self.held, "the exit URL was requested"
        for route in self.held:
            route.fulfill(status=200, content_type="text/html", body=NEUTRAL_PAGE)
        self.held.clear()
        self.page.wait_for_url(self.exit_url)


def _hold(visit: Visit, route: Any) -> None:
    visit.exits.append(route.request.headers)
    visit.held.append(route)


def open_visit(browser: Any, url: str, exit_url: str, javascript: bool = True, clock: bool = False,
               viewport: dict[str, int] = DESKTOP) -> Visit:
    context = browser.new_context(viewport=viewport, java_script_enabled=javascript)
    context.add_init_script(INIT_SCRIPT)
    visit = Visit(context.new_page(), exit_url, javascript)
    context.expose_function("__tgLeaving", lambda shown: visit.leaving.append(shown))
    # The route registered last is asked first: the exit URL gets a neutral page, the rest is refused.
    context.route(re.compile(r"^https?://(?!127\.0\.0\.1[:/])"),
                  lambda route: (visit.foreign.append(route.request.url), route.abort()))
    context.route(exit_url + "**", lambda route: _hold(visit, route))
    if clock:
        visit.page.clock.install()
    visit.page.goto(url)
    return visit
