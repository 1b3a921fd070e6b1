"""Info-screen slides, the slideshow page and the social-media images, per municipality and language.

Files (under ``LocalContext.files_path()``, e.g. ``filer/sandefjord/nb/``):
``lysbilde-<n>-liggende.png`` (1920×1080), ``lysbilde-<n>-staende.png`` (1080×1920),
``lysbilder/index.html`` (the slideshow), ``innlegg.png`` (1080×1080), ``delingsbilde.png``
(1200×630, the link preview of every page of that municipality and language) and small previews
in ``forhandsvisning/``. The portal's own link previews are ``filer/delingsbilde-<lang>.png``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import PIL

from ...artifacts import Job
from ...context import LocalContext, Material, SiteContext, local_name
from ...dataversion import data_version
from ...model import Branding
from ...problems import SourceProblem
from ...theme_context import og_image_path, portal_og_image_path
from .colours import Palette, palette_for
from .content import Wording, portal_texts, slide_texts, social_texts, spec
from .draw import Drawing, ImageSpec, LayoutError, draw_with_preview
from .fonts import fonts_digest
from .layouts import ORIENTATIONS, SLIDES
from .slideshow import DEFAULT_SECONDS, FOLDER, ShowSlide, ShowVersion, slides_build, write_slideshow

log = logging.getLogger("tryggest.slides")

ORIENTATION_FILE = {"landscape": "liggende", "portrait": "staende"}
POST_FILE = "innlegg.png"
PREVIEW_FOLDER = "forhandsvisning"


def slide_file(number: int, orientation: str) -> str:
    return f"lysbilde-{number}-{ORIENTATION_FILE[orientation]}.png"


@dataclass(frozen=True)
class ImageJob:
    """One image to make and how the materials page describes it."""

    path: str                 # site path of the PNG
    spec: ImageSpec
    family: str               # "slides" or "social"
    product: str
    title: str
    purpose: str
    municipality: str | None = None     # None for the portal's own images
    lang: str = ""

    @property
    def preview(self) -> str:
        folder, _, file = self.path.rpartition("/")
        return f"{folder}/{PREVIEW_FOLDER}/{file}"


def image_files(job: ImageJob) -> tuple[dict[str, bytes], Drawing]:
    """The files one job makes (the image and its preview) and the record of what was drawn."""
    try:
        drawn = draw_with_preview(job.spec)
    except LayoutError as error:
        element = next(e for e in job.spec.elements if e.box.name == error.box)
        file, key = element.source
        raise SourceProblem(file, key, f"{error.reason} in box '{error.box}' of {error.image}; shorten "
                                      f"the text: {error.text!r}") from None
    return {job.path: drawn.png, job.preview: drawn.preview}, drawn.drawing


class SlidesRenderer:
    """Artifact renderer: one job per image (drawn in parallel and cached by the pipeline), then
    the materials, and the slideshow pages, which only point at the images."""

    name = "slides"
    seconds = DEFAULT_SECONDS

    def jobs(self, site: SiteContext) -> list[Job]:
        return [Job(f"png/{job.family}", _job_key(job), render_image, job) for job in image_jobs(site)]

    def materials(self, site: SiteContext, out: Path) -> list[Material]:
        """Describe the images now under ``out``, and write each slideshow page beside them."""
        jobs = image_jobs(site)
        materials = [_material(job, out) for job in jobs if job.municipality is not None]
        specs = {job.path: job.spec for job in jobs}
        materials += [_slideshow(site, local, specs, out, self.seconds) for local in site.building]
        return sorted(materials, key=_material_order)


def image_jobs(site: SiteContext) -> list[ImageJob]:
    jobs: list[ImageJob] = []
    palettes: dict[str, Palette] = {}
    for local in site.building:
        mid = local.municipality.id
        if mid not in palettes:
            palettes[mid] = _palette(local)
        jobs += _local_jobs(site, local, palettes[mid])
    portal_palette, _ = palette_for(Branding().accent)
    for lang in sorted(site.texts):
        image = spec(f"portal/{lang}/og", "portal-og", "og", portal_palette, portal_texts(site, lang), lang,
                     site.project.languages[lang].dir)
        jobs.append(ImageJob(portal_og_image_path(lang), image, "social", "og-image", "", ""))
    return jobs


def _job_key(job: ImageJob) -> dict[str, Any]:
    # Fonts and Pillow are outside the package the pipeline fingerprints: a change there re-draws.
    return {"files": [job.path, job.preview], "spec": job.spec.key_data(), "fonts": fonts_digest(),
            "pillow": PIL.__version__}


def render_image(job: ImageJob) -> dict[str, bytes]:
    """A module-level function of plain data, so the pipeline can run it in another process."""
    return image_files(job)[0]


def _palette(local: LocalContext) -> Palette:
    palette, warning = palette_for(local.municipality.branding.accent)
    if warning:
        log.warning(f"content/municipalities/{local.municipality.id}.yml: {warning}")
    return palette


def _slideshow(site: SiteContext, local: LocalContext, specs: dict[str, ImageSpec], out: Path, seconds: int) -> Material:
    wording = Wording(local.strings, local.lang)
    base = local.files_path()
    slides = [ShowSlide(slide_file(n, "landscape"), slide_file(n, "portrait"),
                        specs[base + slide_file(n, "landscape")].words())
              for n in range(1, len(SLIDES) + 1)]
    title = str(wording.get("slideshow_page_title", name=local_name(local)).value)
    data = data_version(site.project, local.municipality.id)
    images = [(out / base / name).read_bytes() for slide in slides for name in (slide.landscape, slide.portrait)]
    version = ShowVersion(data, str(local.strings["print"]["data_version"]), slides_build(data, images))
    files = write_slideshow(out / base / FOLDER, local.lang, title, slides, version, seconds)
    size = wording.get("slideshow_size", count=str(len(SLIDES)), seconds=str(seconds)).value
    first = f"{base}{PREVIEW_FOLDER}/{slide_file(1, 'landscape')}"
    return Material(local.municipality.id, local.lang, "slides", "slideshow",
                    str(wording.get("slideshow_title").value), str(wording.get("slideshow_purpose").value),
                    f"{base}{FOLDER}/", first, "HTML", str(size), sum(f.stat().st_size for f in files))


def _material(job: ImageJob, out: Path) -> Material:
    assert job.municipality is not None
    width, height = job.spec.size
    return Material(job.municipality, job.lang, job.family, job.product, job.title, job.purpose,
                    job.path, job.preview, "PNG", f"{width} × {height} px", (out / job.path).stat().st_size)


def _local_jobs(site: SiteContext, local: LocalContext, palette: Palette) -> list[ImageJob]:
    wording = Wording(local.strings, local.lang)
    base, name = local.files_path(), f"{local.municipality.id}/{local.lang}"
    texts = slide_texts(site, local)
    owner = (local.municipality.id, local.lang)
    script = (local.lang, local.direction)
    purpose = str(wording.get("slide_purpose").value)
    jobs = []
    for orientation in ORIENTATIONS:
        for number, kind in enumerate(SLIDES, start=1):
            title = wording.get("slide_title", number=str(number), topic=str(wording.lookup(f"topics.{kind}")),
                                orientation=str(wording.lookup(orientation))).value
            jobs.append(ImageJob(base + slide_file(number, orientation),
                            spec(f"{name}/{kind}-{orientation}", kind, orientation, palette, texts[kind], *script),
                            "slides", f"slide-{number}-{orientation}", str(title), purpose, *owner))
    social = social_texts(site, local)
    jobs.append(ImageJob(base + POST_FILE, spec(f"{name}/post", "post", "post", palette, social["post"], *script),
                    "social", "social-post", str(wording.get("post_image_title").value),
                    str(wording.get("post_image_purpose").value), *owner))
    jobs.append(ImageJob(og_image_path(local), spec(f"{name}/og", "og", "og", palette, social["og"], *script),
                    "social", "og-image", str(wording.get("og_image_title").value),
                    str(wording.get("og_image_purpose").value), *owner))
    return jobs


def _material_order(material: Material) -> tuple[str, str, int, str]:
    """Slideshow first, then the landscape slides, the portrait slides, the post and the link image."""
    rank = {"slideshow": 0, "social-post": 3, "og-image": 4}.get(material.product)
    if rank is None:
        rank = 1 if material.product.endswith("landscape") else 2
    return material.municipality, material.lang, rank, material.path

