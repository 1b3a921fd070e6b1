"""Where the link-preview (Open Graph) images are, so every page can point at one.

One image per municipality and language, shared by all its pages, and one per portal language for
the portal's own pages: a page-by-page image would be hundreds of images that say the same thing.
"""

from __future__ import annotations

from typing import Any

from ...context import LocalContext, SiteContext, municipality_values
from .content import Wording, local_name

OG_SIZE = (1200, 630)
OG_FILE = "delingsbilde.png"


def og_image_path(local: LocalContext) -> str:
    return local.files_path() + OG_FILE


def portal_og_image_path(lang: str) -> str:
    # Beside the municipality folders in filer/, so it can never clash with a municipality id.
    return f"filer/delingsbilde-{lang}.png"


def og_meta(local: LocalContext) -> dict[str, Any]:
    """The Open Graph image of every page of a municipality in one language (absolute URL).

    ``suffix`` follows the page title in ``og:title``: "Materiell – TryggEst Sandefjord".
    """
    values = {"name": local_name(local), "phone": municipality_values(local)["phone"]["display"]}
    alt = Wording(local.strings, local.lang).get("og_alt", **values).value
    return {"image": local.base_url + og_image_path(local), "alt": alt, "width": OG_SIZE[0],
            "height": OG_SIZE[1], "suffix": f" – TryggEst {values['name']}"}


def portal_og_meta(site: SiteContext, lang: str) -> dict[str, Any]:
    portal = site.project.portal.portal
    strings = site.texts[lang].strings
    return {"image": portal.base_url + portal_og_image_path(lang), "alt": strings["portal_title"],
            "width": OG_SIZE[0], "height": OG_SIZE[1], "suffix": ""}
