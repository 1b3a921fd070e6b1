"""The slideshow page a signage player opens full screen: ``filer/<id>/<lang>/lysbilder/``.

A standalone HTML file with its own small CSS and JavaScript next to it, not a page of the site:
no menu, no buttons, no requests beyond its own folder and the slide images. Every image is in
the page from the start, so once it has loaded it keeps running without a network. The time per
slide is ``data-seconds`` (default 12) or ``?sekunder=N`` in the address.

A screen may stay on for weeks, so the page checks for a new build every 15 minutes
(``?oppdater=N`` minutes, 0 for never): it asks for ``version.json`` beside it, bypassing the
browser's cache, and reloads only when that file answers with another build than the one shown.
When the network is down the request fails and the page goes on showing the slides it has. Image
addresses carry the build (``?v=``), so a reload never shows an old image from the browser's cache.
The page shows the data version it was made from, the one printed on the print files.
"""

from __future__ import annotations

import functools
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

import jinja2

DEFAULT_SECONDS = 12
DEFAULT_REFRESH_MINUTES = 15
FOLDER = "lysbilder"
VERSION_FILE = "version.json"

_PAGE = """<!doctype html>
<html lang="{{ lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex">
<meta name="referrer" content="no-referrer">
<title>{{ title }}</title>
<link rel="icon" href="../../../../assets/favicon.svg">
<link rel="stylesheet" href="lysbilder.css">
<script src="lysbilder.js" defer></script>
</head>
<body>
<main class="show" data-seconds="{{ seconds }}" data-refresh-minutes="{{ refresh_minutes }}" data-build="{{ build }}">
<h1 class="show__title">{{ title }}</h1>
<p class="show__version" data-version="{{ version }}">{{ version_label }} {{ version }}</p>
{% for slide in slides %}
<figure class="slide{{ ' is-current' if loop.first }}"{{ ' aria-hidden="true"' | safe if not loop.first }}>
<picture>
<source media="(orientation: portrait)" srcset="../{{ slide.portrait }}?v={{ build }}">
<img src="../{{ slide.landscape }}?v={{ build }}" alt="{{ slide.alt }}" width="1920" height="1080">
</picture>
</figure>
{% endfor %}
</main>
</body>
</html>
"""

_CSS = """/* TryggEst slideshow for info screens: one slide at a time, filling the screen. */
html, body { margin: 0; height: 100%; background: #000; overflow: hidden; cursor: none; }
.show { position: fixed; top: 0; right: 0; bottom: 0; left: 0; }
.show__title {
  position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}
.slide {
  position: absolute; top: 0; right: 0; bottom: 0; left: 0; margin: 0;
  opacity: 0; transition: opacity .8s ease-in-out;
}
.slide.is-current { opacity: 1; }
/* The data version, small in a corner: enough for someone checking the screen against the YAML. */
.show__version {
  position: absolute; right: 0; bottom: 0; z-index: 1; margin: 0; padding: .2em .6em;
  font: 14px/1.4 "Noto Sans", sans-serif; color: #d0d0d0; background: #000;
}
.slide img { display: block; width: 100%; height: 100%; object-fit: contain; }
/* No fading for viewers who asked their system for less motion. */
@media (prefers-reduced-motion: reduce) { .slide { transition: none; } }
"""

_JS = """/* TryggEst slideshow: show each slide for N seconds, then the next, and start again after the last.
   N is ?sekunder=N in the address (1 to 3600), otherwise data-seconds on the slideshow.
   Every M minutes (?oppdater=M, 0 to 1440, 0 for never; otherwise data-refresh-minutes) ask for
   version.json past the browser's cache, and reload only when it answers with another build. */
(function () {
  "use strict";
  var show = document.querySelector(".show[data-seconds]");
  if (!show) { return; }
  var slides = show.querySelectorAll(".slide");
  var current = 0;

  function fromAddress(name, low, high) {
    var match = new RegExp("[?&]" + name + "=([0-9]+(?:[.][0-9]+)?)").exec(window.location.search);
    var asked = match ? parseFloat(match[1]) : NaN;
    return asked >= low && asked <= high ? asked : NaN;
  }

  function seconds() {
    var asked = fromAddress("sekunder", 1, 3600);
    return isNaN(asked) ? parseFloat(show.getAttribute("data-seconds")) : asked;
  }

  function refreshMinutes() {
    var asked = fromAddress("oppdater", 0, 1440);
    return isNaN(asked) ? parseFloat(show.getAttribute("data-refresh-minutes")) : asked;
  }

  function showSlide(next) {
    slides[current].classList.remove("is-current");
    slides[current].setAttribute("aria-hidden", "true");
    slides[next].classList.add("is-current");
    slides[next].removeAttribute("aria-hidden");
    current = next;
    show.setAttribute("data-current", String(current));
  }

  // A failed request (no network, server down) or an answer without a build keeps the slides shown.
  function checkForNewBuild() {
    window.fetch("version.json", { cache: "no-store" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (answer) {
        if (answer && typeof answer.build === "string" && answer.build !== show.getAttribute("data-build")) {
          window.location.reload();
        }
      })
      .catch(function () { return null; });
  }

  show.setAttribute("data-current", "0");
  if (slides.length > 1) {
    window.setInterval(function () { showSlide((current + 1) % slides.length); }, seconds() * 1000);
  }
  if (refreshMinutes() > 0 && window.fetch) {
    window.setInterval(checkForNewBuild, refreshMinutes() * 60 * 1000);
  }
}());
"""


@dataclass(frozen=True)
class ShowSlide:
    landscape: str   # file name next to the slideshow folder
    portrait: str
    alt: str         # everything the slide says, for screen readers


@dataclass(frozen=True)
class ShowVersion:
    data: str        # the data version printed on the print files
    label: str       # "Dataversjon", in the page's language
    build: str       # a fingerprint of the slide images and the data version: changes when a screen must reload


def slides_build(version: str, images: list[bytes]) -> str:
    digest = hashlib.sha256(version.encode())
    for image in images:
        digest.update(hashlib.sha256(image).digest())
    return digest.hexdigest()[:12]


@functools.cache
def _page_template() -> jinja2.Template:
    # Compiled once per process: a national build writes a slideshow for every municipality and language.
    return jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=True).from_string(_PAGE)


def write_slideshow(folder: Path, lang: str, title: str, slides: list[ShowSlide], version: ShowVersion,
                    seconds: int = DEFAULT_SECONDS, refresh_minutes: int = DEFAULT_REFRESH_MINUTES) -> list[Path]:
    """Write the page, its CSS, its JavaScript and its version file into ``folder``; return the files written."""
    html = _page_template().render(lang=lang, title=title, slides=slides, seconds=seconds,
                                         refresh_minutes=refresh_minutes, build=version.build,
                                         version=version.data, version_label=version.label)
    folder.mkdir(parents=True, exist_ok=True)
    answer = json.dumps({"build": version.build, "data_version": version.data}, sort_keys=True) + "\n"
    files = {"index.html": html, "lysbilder.css": _CSS, "lysbilder.js": _JS, VERSION_FILE: answer}
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return [folder / name for name in files]
