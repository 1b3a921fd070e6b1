"""The slideshow page a signage player opens full screen: ``filer/<id>/<lang>/lysbilder/``.

A standalone HTML file with its own small CSS and JavaScript next to it, not a page of the site:
no menu, no buttons, no requests beyond its own folder and the slide images. Every image is in
the page from the start, so once it has loaded it keeps running without a network. The time per
slide is ``data-seconds`` (default 12) or ``?sekunder=N`` in the address.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import jinja2

DEFAULT_SECONDS = 12
FOLDER = "lysbilder"

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
<main class="show" data-seconds="{{ seconds }}">
<h1 class="show__title">{{ title }}</h1>
{% for slide in slides %}
<figure class="slide{{ ' is-current' if loop.first }}"{{ ' aria-hidden="true"' | safe if not loop.first }}>
<picture>
<source media="(orientation: portrait)" srcset="../{{ slide.portrait }}">
<img src="../{{ slide.landscape }}" alt="{{ slide.alt }}" width="1920" height="1080">
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
.slide img { display: block; width: 100%; height: 100%; object-fit: contain; }
/* No fading for viewers who asked their system for less motion. */
@media (prefers-reduced-motion: reduce) { .slide { transition: none; } }
"""

_JS = """/* TryggEst slideshow: show each slide for N seconds, then the next, and start again after the last.
   N is ?sekunder=N in the address (1 to 3600), otherwise data-seconds on the slideshow. */
(function () {
  "use strict";
  var show = document.querySelector(".show[data-seconds]");
  if (!show) { return; }
  var slides = show.querySelectorAll(".slide");
  var current = 0;

  function seconds() {
    var match = /[?&]sekunder=([0-9]+(?:[.][0-9]+)?)/.exec(window.location.search);
    var asked = match ? parseFloat(match[1]) : NaN;
    return asked >= 1 && asked <= 3600 ? asked : parseFloat(show.getAttribute("data-seconds"));
  }

  function showSlide(next) {
    slides[current].classList.remove("is-current");
    slides[current].setAttribute("aria-hidden", "true");
    slides[next].classList.add("is-current");
    slides[next].removeAttribute("aria-hidden");
    current = next;
    show.setAttribute("data-current", String(current));
  }

  show.setAttribute("data-current", "0");
  if (slides.length > 1) {
    window.setInterval(function () { showSlide((current + 1) % slides.length); }, seconds() * 1000);
  }
}());
"""


@dataclass(frozen=True)
class ShowSlide:
    landscape: str   # file name next to the slideshow folder
    portrait: str
    alt: str         # everything the slide says, for screen readers


def write_slideshow(folder: Path, lang: str, title: str, slides: list[ShowSlide],
                    seconds: int = DEFAULT_SECONDS) -> list[Path]:
    """Write the page, its CSS and its JavaScript into ``folder``; return the files written."""
    env = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=True)
    html = env.from_string(_PAGE).render(lang=lang, title=title, slides=slides, seconds=seconds)
    folder.mkdir(parents=True, exist_ok=True)
    files = {"index.html": html, "lysbilder.css": _CSS, "lysbilder.js": _JS}
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return [folder / name for name in files]
