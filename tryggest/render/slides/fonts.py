"""The typeface of every slide and image: Noto Sans from the system (Debian ``fonts-noto-core``).

It covers Norwegian and Sami letters (æ ø å á č đ ŋ š ŧ ž), Polish, Lithuanian, Cyrillic and Somali.
Arabic and Ge'ez (Tigrinya) are drawn with Noto Naskh Arabic and Noto Sans Ethiopic, each merged
with the Latin letters and digits of Noto Sans into one font (Pillow has no font fallback, and a
slide in Arabic still says "TryggEst" and a phone number), and laid out with raqm: Arabic letters
join and the text runs right to left, while isolated numbers keep their order. Fonts are found
through fontconfig and never downloaded; a missing font is a setup problem, reported as such.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
from functools import cache
from pathlib import Path
from typing import Literal

from PIL import ImageFont

from ...webfonts import font_path

Weight = Literal["regular", "bold"]
WEIGHTS: tuple[Weight, ...] = ("regular", "bold")

_PATTERNS: dict[Weight, str] = {"regular": "Noto Sans:style=Regular", "bold": "Noto Sans:style=Bold"}
_FILES: dict[Weight, str] = {"regular": "NotoSans-Regular.ttf", "bold": "NotoSans-Bold.ttf"}
_KNOWN_DIRS = ("/usr/share/fonts/truetype/noto", "/usr/share/fonts/noto", "/usr/local/share/fonts")


class FontMissing(RuntimeError):
    """Noto Sans is not installed; scripts/setup installs it (Debian package fonts-noto-core)."""


@cache
def font_file(weight: Weight) -> Path:
    for candidate in _candidates(weight):
        if candidate.name == _FILES[weight] and candidate.is_file():
            return candidate
    raise FontMissing(f"Noto Sans ({weight}) was not found; install the Debian package fonts-noto-core "
                      "(scripts/setup does this)")


def _candidates(weight: Weight) -> list[Path]:
    found: list[Path] = []
    if shutil.which("fc-match"):
        result = subprocess.run(["fc-match", "-f", "%{file}", _PATTERNS[weight]],
                                capture_output=True, text=True, check=False)
        if result.returncode == 0 and result.stdout:
            found.append(Path(result.stdout.strip()))
    # fc-match answers with its best substitute when Noto is absent, hence the name check above.
    found += [Path(folder) / _FILES[weight] for folder in _KNOWN_DIRS]
    return found


Script = Literal["latin", "arabic", "ethiopic"]
# Languages whose letters Noto Sans lacks; every other language is drawn in Noto Sans.
SCRIPTS: dict[str, Script] = {"ar": "arabic", "ti": "ethiopic"}
_SCRIPT_FILES: dict[str, dict[Weight, str]] = {
    "arabic": {"regular": "NotoNaskhArabic-Regular.ttf", "bold": "NotoNaskhArabic-Bold.ttf"},
    "ethiopic": {"regular": "NotoSansEthiopic-Regular.ttf", "bold": "NotoSansEthiopic-Bold.ttf"},
}
# The Latin letters, digits and punctuation a slide in another script still needs.
_LATIN = [*range(0x20, 0x7F), *range(0xA0, 0x180), *range(0x2010, 0x2070), 0x20AC]
MERGED_DIR = Path(tempfile.gettempdir()) / "tryggest-fonts"


def script_of(lang: str) -> Script:
    return SCRIPTS.get(lang, "latin")


@cache
def font(weight: Weight, size: int, script: Script = "latin") -> ImageFont.FreeTypeFont:
    if script == "latin":
        return ImageFont.truetype(str(font_file(weight)), size)
    return ImageFont.truetype(str(merged_font(script, weight)), size, layout_engine=ImageFont.Layout.RAQM)


@cache
def merged_font(script: Script, weight: Weight) -> Path:
    """The script's Noto font with Noto Sans' Latin glyphs added, made once per font version."""
    source = font_path(_SCRIPT_FILES[script][weight])
    digest = hashlib.sha256(source.read_bytes() + font_file(weight).read_bytes()).hexdigest()[:16]
    target = MERGED_DIR / f"{script}-{weight}-{digest}.ttf"
    if target.is_file():
        return target
    from fontTools import subset
    from fontTools.merge import Merger
    from fontTools.merge import Options as MergeOptions

    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    latin = subset.load_font(str(font_file(weight)), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=_LATIN)
    subsetter.subset(latin)
    MERGED_DIR.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=MERGED_DIR) as work:
        latin_file = Path(work) / "latin.ttf"
        latin.save(str(latin_file))
        merged = Merger(MergeOptions(drop_tables=["vhea", "vmtx"])).merge([str(source), str(latin_file)])
        partial = Path(work) / target.name
        merged.save(str(partial))
        os.replace(partial, target)   # whole or not at all: parallel workers may race here
    return target


@cache
def fonts_digest() -> str:
    """Part of every cache key: a font update must re-draw the images."""
    digest = hashlib.sha256()
    for weight in WEIGHTS:
        digest.update(font_file(weight).read_bytes())
        for files in _SCRIPT_FILES.values():
            digest.update(hashlib.sha256(font_path(files[weight]).read_bytes()).digest())
    return digest.hexdigest()
