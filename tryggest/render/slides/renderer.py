"""Info-screen slides, the slideshow page and the social-media images, per municipality and language.

Files (under ``LocalContext.files_path()``, e.g. ``filer/sandefjord/nb/``):
``lysbilde-<n>-liggende.png`` (1920×1080), ``lysbilde-<n>-staende.png`` (1080×1920),
``lysbilder/index.html`` (the slideshow), ``innlegg.png`` (1080×1080), ``delingsbilde.png``
(1200×630, the link preview of every page of that municipality and language) and small previews
in ``forhandsvisning/``. The portal's own link previews are ``filer/delingsbilde-<lang>.png``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from ...context import LocalContext, Material, SiteContext
from ...model import Branding
from .cache import ImageCache, cache_folder
from .colours import Palette, palette_for
from .content import Wording, local_name, portal_texts, slide_texts, social_texts, spec
from .draw import Drawing, Drawn, ImageSpec, LayoutError, draw_with_preview
from .layouts import ORIENTATIONS, SLIDES
from .problems import SlideProblem, input_error
from .slideshow import DEFAULT_SECONDS, FOLDER, ShowSlide, write_slideshow
from .social import og_image_path, portal_og_image_path

log = logging.getLogger("tryggest.slides")

ORIENTATION_FILE = {"landscape": "liggende", "portrait": "staende"}
POST_FILE = "innlegg.png"
PREVIEW_FOLDER = "forhandsvisning"


def slide_file(number: int, orientation: str) -> str:
    return f"lysbilde-{number}-{ORIENTATION_FILE[orientation]}.png"


@dataclass(frozen=True)
class Job:
    """One image to make and how the materials page describes it."""

    path: str                 # site path of the PNG
    spec: ImageSpec
    family: str               # "slides" or "social"
    product: str
    title: str
    purpose: str
    local: LocalContext | None = None   # None for the portal's own images


@dataclass
class SlidesRenderer:
    """Artifact renderer: draws (or takes from the cache) every image, then writes the slideshows."""

    cache_dir: Path | None = None
    seconds: int = DEFAULT_SECONDS
    name: str = "slides"
    drawings: dict[str, Drawing] = field(default_factory=dict)   # site path -> what was drawn
    warnings: list[str] = field(default_factory=list)
    cache: ImageCache | None = None

    def render(self, site: SiteContext, out: Path) -> list[Material]:
        self.cache = ImageCache(self.cache_dir or cache_folder(site.project.root))
        try:
            jobs = self._plan(site)
            materials = [self._make(job, out) for job in jobs]
            materials += [self._slideshow(local, out) for local in site.locals]
        except SlideProblem as problem:
            raise input_error(site.project.root, problem) from None
        self.cache.prune()
        return sorted((m for m in materials if m is not None), key=_material_order)

    def _plan(self, site: SiteContext) -> list[Job]:
        jobs: list[Job] = []
        palettes: dict[str, Palette] = {}
        for local in site.locals:
            mid = local.municipality.id
            if mid not in palettes:
                palettes[mid] = self._palette(local)
            jobs += _local_jobs(site, local, palettes[mid])
        portal_palette, _ = palette_for(Branding().accent)
        for lang in sorted(site.texts):
            texts = portal_texts(site, lang)
            jobs.append(Job(portal_og_image_path(lang), spec(f"portal/{lang}/og", "portal-og", "og", portal_palette,
                                                               texts), "social", "og-image", "", ""))
        return jobs

    def _palette(self, local: LocalContext) -> Palette:
        palette, warning = palette_for(local.municipality.branding.accent)
        if warning:
            message = f"content/municipalities/{local.municipality.id}.yml: {warning}"
            self.warnings.append(message)
            log.warning(message)
        return palette

    def _make(self, job: Job, out: Path) -> Material | None:
        assert self.cache is not None
        drawn = self.cache.fetch(job.spec, _draw_or_explain)
        self.drawings[job.path] = drawn.drawing
        _write(out / job.path, drawn.png)
        if job.local is None:
            return None
        preview = _preview_path(job.path)
        _write(out / preview, drawn.preview)
        width, height = job.spec.size
        return Material(job.local.municipality.id, job.local.lang, job.family, job.product, job.title,
                        job.purpose, job.path, preview, "PNG", f"{width} × {height} px", len(drawn.png))

    def _slideshow(self, local: LocalContext, out: Path) -> Material:
        wording = Wording(local.strings, local.lang)
        base = local.files_path()
        slides = [ShowSlide(slide_file(n, "landscape"), slide_file(n, "portrait"),
                            self.drawings[base + slide_file(n, "landscape")].all_text())
                  for n in range(1, len(SLIDES) + 1)]
        title = str(wording.get("slideshow_page_title", name=local_name(local)).value)
        files = write_slideshow(out / base / FOLDER, local.lang, title, slides, self.seconds)
        size = wording.get("slideshow_size", count=str(len(SLIDES)), seconds=str(self.seconds)).value
        return Material(local.municipality.id, local.lang, "slides", "slideshow",
                        str(wording.get("slideshow_title").value), str(wording.get("slideshow_purpose").value),
                        f"{base}{FOLDER}/", _preview_path(base + slide_file(1, "landscape")), "HTML", str(size),
                        sum(f.stat().st_size for f in files))


def _local_jobs(site: SiteContext, local: LocalContext, palette: Palette) -> list[Job]:
    wording = Wording(local.strings, local.lang)
    base, name = local.files_path(), f"{local.municipality.id}/{local.lang}"
    texts = slide_texts(site, local)
    purpose = str(wording.get("slide_purpose").value)
    jobs = []
    for orientation in ORIENTATIONS:
        for number, kind in enumerate(SLIDES, start=1):
            title = wording.get("slide_title", number=str(number), topic=str(wording.lookup(f"topics.{kind}")),
                                orientation=str(wording.lookup(orientation))).value
            jobs.append(Job(base + slide_file(number, orientation),
                            spec(f"{name}/{kind}-{orientation}", kind, orientation, palette, texts[kind]),
                            "slides", f"slide-{number}-{orientation}", str(title), purpose, local))
    social = social_texts(site, local)
    jobs.append(Job(base + POST_FILE, spec(f"{name}/post", "post", "post", palette, social["post"]), "social",
                    "social-post", str(wording.get("post_image_title").value),
                    str(wording.get("post_image_purpose").value), local))
    jobs.append(Job(og_image_path(local), spec(f"{name}/og", "og", "og", palette, social["og"]), "social",
                    "og-image", str(wording.get("og_image_title").value),
                    str(wording.get("og_image_purpose").value), local))
    return jobs


def _draw_or_explain(image: ImageSpec) -> Drawn:
    """Draw; a text that cannot fit becomes a message pointing at the text to shorten."""
    try:
        return draw_with_preview(image)
    except LayoutError as error:
        element = next(e for e in image.elements if e.box.name == error.box)
        file, key = element.source
        raise SlideProblem(file, key, f"{error.reason} in box '{error.box}' of {error.image}; shorten "
                                      f"the text: {error.text!r}") from None


def _preview_path(path: str) -> str:
    folder, _, file = path.rpartition("/")
    return f"{folder}/{PREVIEW_FOLDER}/{file}"


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def _material_order(material: Material) -> tuple[str, str, int, str]:
    """Slideshow first, then the landscape slides, the portrait slides, the post and the link image."""
    rank = {"slideshow": 0, "social-post": 3, "og-image": 4}.get(material.product)
    if rank is None:
        rank = 1 if material.product.endswith("landscape") else 2
    return material.municipality, material.lang, rank, material.path

