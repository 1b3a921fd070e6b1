"""The info-screen slideshow keeps itself up to date: it asks for ``version.json`` on a timer,
reloads only when that answers with a new build, keeps its slides when the network is down, and
shows the data version printed on the print files. The browser tests run on a fake clock."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_kit import INIT_SCRIPT, serve
from conftest import REPO

from tryggest.dataversion import data_version
from tryggest.load import load_project

SHOW = "filer/sandefjord/nb/lysbilder/"
AXE = REPO / "node_modules/axe-core/axe.min.js"


def test_page_shows_the_data_version_and_names_its_build(demo_site: Path) -> None:
    folder = demo_site / SHOW
    html = (folder / "index.html").read_text(encoding="utf-8")
    answer = json.loads((folder / "version.json").read_text(encoding="utf-8"))
    version = data_version(load_project(REPO), "sandefjord")
    assert answer["data_version"] == version
    assert f">Dataversjon {version}</p>" in html
    assert f'data-build="{answer["build"]}"' in html and 'data-refresh-minutes="15"' in html
    images = re.findall(r'(?:src|srcset)="\.\./([^"?]+)\?v=([0-9a-f]+)"', html)
    assert len(images) == 10 and {build for _, build in images} == {answer["build"]}
    assert 'fetch("version.json", { cache: "no-store" })' in (folder / "lysbilder.js").read_text(encoding="utf-8")
    other = json.loads((demo_site / "filer/porsanger/nb/lysbilder/version.json").read_text(encoding="utf-8"))
    assert other["build"] != answer["build"] and other["data_version"] == data_version(load_project(REPO), "porsanger")


@pytest.fixture
def site_url(demo_site: Path) -> Iterator[str]:
    with serve(demo_site, AXE) as url:
        yield url


class Screen:
    """One slideshow page on a fake clock, with version.json answered the way a test chooses."""

    def __init__(self, browser: Any, url: str) -> None:
        self.context = browser.new_context(viewport={"width": 1280, "height": 720}, reduced_motion="reduce")
        self.context.add_init_script(INIT_SCRIPT)
        self.page = self.context.new_page()
        self.loads = 0
        self.asked: list[str] = []          # how each version.json request was answered
        self.answer: str | None = None      # None: the real file; "offline": no network; else a build
        self.page.on("load", lambda _: self._loaded())
        self.page.route("**/lysbilder/version.json", self._version)
        self.page.clock.install()
        self.page.goto(url, wait_until="load")

    def _loaded(self) -> None:
        self.loads += 1

    def _version(self, route: Any) -> None:
        if self.answer == "offline":
            self.asked.append("failed")
            route.abort("internetdisconnected")
        elif self.answer is None:
            self.asked.append("same")
            route.continue_()
        else:
            self.asked.append("new")
            route.fulfill(status=200, content_type="application/json", body=json.dumps({"build": self.answer}))

    def forward(self, minutes: float) -> None:
        self.page.clock.fast_forward(int(minutes * 60 * 1000))

    def settle(self, requests: int) -> None:
        """Wait (in real time) until ``requests`` version checks were answered, and a moment more."""
        for _ in range(100):
            if len(self.asked) >= requests:
                break
            self.page.wait_for_timeout(50)
        self.page.wait_for_timeout(400)

    def state(self) -> dict[str, Any]:
        result: dict[str, Any] = self.page.evaluate("""() => ({
          version: document.querySelector(".show__version").textContent,
          shown: (() => { const i = document.querySelector(".slide.is-current img");
                          return i.complete && i.naturalWidth === 1920; })(),
          violations: window.__tg.violations,
        })""")
        return result


@pytest.mark.browser
def test_slideshow_reloads_only_when_a_new_build_answers(site_url: str, browser: Any) -> None:
    screen = Screen(browser, site_url + SHOW)
    try:
        first = screen.state()
        assert re.fullmatch(r"Dataversjon [0-9a-f]{8}", first["version"]) and first["shown"]
        screen.forward(14)
        screen.page.wait_for_timeout(300)
        assert screen.asked == [], "no check before 15 minutes"
        screen.forward(1.01)
        screen.settle(1)
        assert screen.asked == ["same"] and screen.loads == 1, "the same build answered: no reload"

        screen.answer = "offline"
        screen.forward(15)
        screen.settle(2)
        kept = screen.state()
        assert screen.asked[-1] == "failed" and screen.loads == 1, "no network: no reload"
        assert kept["shown"] and kept["version"] == first["version"], "the last good slides stay on screen"

        screen.answer = "0123456789ab"
        with screen.page.expect_event("load", timeout=5000):
            screen.forward(15)
        assert screen.loads == 2 and screen.asked[-1] == "new"
        assert screen.state()["shown"]
        assert screen.state()["violations"] == [], "the Content-Security-Policy allows the check"
    finally:
        screen.context.close()


@pytest.mark.browser
def test_address_sets_the_minutes_between_checks(site_url: str, browser: Any) -> None:
    screen = Screen(browser, site_url + SHOW + "?oppdater=2")
    try:
        screen.forward(1.9)
        screen.page.wait_for_timeout(300)
        assert screen.asked == []
        screen.forward(0.2)
        screen.settle(1)
        assert screen.asked == ["same"]
    finally:
        screen.context.close()
    never = Screen(browser, site_url + SHOW + "?oppdater=0")
    try:
        never.forward(60 * 24)
        never.page.wait_for_timeout(400)
        assert never.asked == [] and never.loads == 1
    finally:
        never.context.close()
