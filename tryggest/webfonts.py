"""Web fonts for scripts the theme's system fonts may lack: Arabic for ``ar``, Ge'ez for ``ti``.

Each is a WOFF2 subset of a Debian Noto font (``fonts-noto-core``), made at build time with only
the characters that language's texts use, and linked only from that language's pages; nothing is
fetched from another origin. The subset keeps every OpenType layout feature, so Arabic letters
still join and Ge'ez syllables keep their forms.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

FONT_DIRS = ("/usr/share/fonts/truetype/noto", "/usr/share/fonts/noto", "/usr/local/share/fonts")
ASSET_DIR = "assets/fonts"


@dataclass(frozen=True)
class WebFont:
    lang: str
    family: str          # CSS family name, as the pages ask for it
    files: tuple[str, ...]   # Debian TTF files: regular, bold

    @property
    def css(self) -> str:
        """Site path of the stylesheet that declares the font; the pages link it."""
        return f"{ASSET_DIR}/{self.lang}.css"

    def woff2(self, weight: str) -> str:
        return f"{ASSET_DIR}/{self.lang}-{weight}.woff2"


WEB_FONTS: dict[str, WebFont] = {
    "ar": WebFont("ar", "TryggEst Arabic", ("NotoNaskhArabic-Regular.ttf", "NotoNaskhArabic-Bold.ttf")),
    "ti": WebFont("ti", "TryggEst Ethiopic", ("NotoSansEthiopic-Regular.ttf", "NotoSansEthiopic-Bold.ttf")),
}
WEIGHTS = (("regular", 400), ("bold", 700))
# Always kept: digits, Latin punctuation and the bidi isolates the context stage adds.
BASE_CHARACTERS = "".join(chr(c) for c in range(0x20, 0x7F)) + "\u00a0\u2013\u2066\u2067\u2068\u2069\u200c\u200d"


class FontMissing(RuntimeError):
    """A Noto font is not installed; scripts/setup installs the Debian package fonts-noto-core."""


def font_path(name: str) -> Path:
    for folder in FONT_DIRS:
        if (Path(folder) / name).is_file():
            return Path(folder) / name
    raise FontMissing(f"{name} was not found; install the Debian package fonts-noto-core (scripts/setup does this)")


def subset_woff2(source: Path, characters: str, cache: Path | None = None) -> bytes:
    """A WOFF2 file with only ``characters`` (and the glyphs shaping needs for them) of ``source``."""
    wanted = "".join(sorted(set(characters + BASE_CHARACTERS)))
    key = hashlib.sha256(source.read_bytes() + wanted.encode("utf-8")).hexdigest()[:24]
    cached = cache / f"{key}.woff2" if cache else None
    if cached and cached.is_file():
        return cached.read_bytes()
    from fontTools import subset

    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    font = subset.load_font(str(source), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=wanted)
    subsetter.subset(font)
    buffer = io.BytesIO()
    subset.save_font(font, buffer, options)
    data = buffer.getvalue()
    if cached:
        cached.parent.mkdir(parents=True, exist_ok=True)
        cached.write_bytes(data)
    return data


def stylesheet(font: WebFont) -> str:
    faces = "".join(
        f"@font-face{{font-family:\"{font.family}\";src:url(\"{font.lang}-{weight}.woff2\") format(\"woff2\");"
        f"font-weight:{number};font-style:normal;font-display:swap}}\n"
        for weight, number in WEIGHTS)
    # Material reads its text font from these variables; the system font stays as the fallback.
    return (faces + f":root{{--md-text-font:\"{font.family}\";--md-text-font-family:\"{font.family}\","
            "-apple-system,BlinkMacSystemFont,Helvetica,Arial,sans-serif}\n"
            f"body{{font-family:\"{font.family}\",\"Noto Sans\",sans-serif}}\n")
