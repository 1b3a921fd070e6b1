"""What a theme template needs to draw one page: the shared data of its municipality and language,
plus what belongs to the page (its menu entry, its language versions).

Engine-neutral: the engine seam exposes ``page_view`` to templates as ``tryggest_page(page)``.
"""

from __future__ import annotations

from typing import Any

from .context import page_path


def page_view(data: dict[str, Any], meta: dict[str, Any] | None) -> dict[str, Any]:
    info = (meta or {}).get("tryggest") or {"local": None, "portal": data["default_language"], "page": "404", "path": ""}
    base = data["locals"][info["local"]] if info["local"] else data["portals"][info["portal"]]
    key, lang = info["page"], base["lang"]
    return {
        **base,
        "page": key,
        "path": info["path"],
        "canonical": base.get("base_url", data["base_url"]) + info["path"],
        "ui": data["ui"][lang],
        "safety": data["safety"][lang],
        "script": data["scripts"][lang],
        "nav": [{**item, "current": item["key"] == key} for item in base["nav"]],
        "alternates": [_alternate(other, key, lang) for other in base["languages"]] if key != "404" else [],
    }


def _alternate(other: dict[str, Any], key: str, current: str) -> dict[str, Any]:
    # A language that lacks this page offers its home page instead: never a missing page.
    exact = key in other["pages"]
    path = page_path(other["home"], key) if exact and key != "portal" else other["home"]
    return {"lang": other["lang"], "name": other["name"], "path": path, "exact": exact,
            "current": other["lang"] == current}
