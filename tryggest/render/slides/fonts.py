"""The typeface of every slide and image: Noto Sans from the system (Debian ``fonts-noto-core``).

It covers Norwegian and Sami letters (æ ø å á č đ ŋ š ŧ ž). Fonts are found through fontconfig and
never downloaded; a missing font is a setup problem, reported as such.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from functools import cache
from pathlib import Path
from typing import Literal

from PIL import ImageFont

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


@cache
def font(weight: Weight, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(font_file(weight)), size)


@cache
def fonts_digest() -> str:
    """Part of every cache key: a font update must re-draw the images."""
    digest = hashlib.sha256()
    for weight in WEIGHTS:
        digest.update(font_file(weight).read_bytes())
    return digest.hexdigest()
