"""The colours of the print kit, in RGB for screens and office printers and in CMYK for the print shop.

A print shop's preflight rejects RGB, and a conversion it makes itself shifts the brand colour, so
the print files carry CMYK values where they are drawn (CSS ``device-cmyk()``). The brand colour is
converted once, with the output profile the files are made for (littleCMS through Pillow), unless
the YAML gives it in CMYK. Black text, greys and the QR code use black ink only: four-colour black
would blur small text whenever the plates are slightly out of register.
"""

from __future__ import annotations

import functools
from pathlib import Path

from PIL import ImageCms

RGB_GREYS = {"text": "#1b1b1b", "muted": "#555555", "soft": "#444444", "strong": "#333333"}
# The greys above as black-ink coverage, so the print file looks like the screen file.
K_GREYS = {"text": 0.9, "muted": 0.67, "soft": 0.73, "strong": 0.8}
WATERMARK_RGB = "rgba(200, 16, 46, 0.22)"
WATERMARK_CMYK = (0.0, 0.95, 0.8, 0.05)
WATERMARK_ALPHA = 0.22
REGISTRATION = "device-cmyk(1 1 1 1)"   # crop marks: on every plate, so each plate can be trimmed


def rgb_palette(accent: str, tint: str) -> dict[str, str]:
    return {"accent": accent, "tint": tint, "white": "#ffffff", "black": "#000000", "transparent": "transparent",
            "watermark": WATERMARK_RGB, "marks": "#000000", **RGB_GREYS}


def cmyk_palette(accent: tuple[float, ...], tint_strength: float) -> dict[str, str]:
    tint = tuple(channel * tint_strength for channel in accent)
    return {"accent": device_cmyk(accent), "tint": device_cmyk(tint), "white": device_cmyk((0, 0, 0, 0)),
            "black": device_cmyk((0, 0, 0, 1)), "transparent": "device-cmyk(0 0 0 0 / 0)",
            "watermark": f"device-cmyk({_channels(WATERMARK_CMYK)} / {WATERMARK_ALPHA})", "marks": REGISTRATION,
            **{name: device_cmyk((0, 0, 0, k)) for name, k in K_GREYS.items()}}


def device_cmyk(channels: tuple[float, ...]) -> str:
    return f"device-cmyk({_channels(channels)})"


def _channels(channels: tuple[float, ...]) -> str:
    return " ".join(f"{round(c, 4):g}" for c in channels)


def accent_cmyk(accent: str, given: list[float] | None, profile_path: str) -> tuple[float, ...]:
    """The brand colour as CMYK fractions: as given in the YAML (per cent), or converted from hex."""
    if given is not None:
        return tuple(round(value / 100, 4) for value in given)
    return rgb_to_cmyk(accent, profile_path)


@functools.cache
def rgb_to_cmyk(colour: str, profile_path: str) -> tuple[float, ...]:
    """An sRGB hex colour converted with the output profile, relative colorimetric (as print shops do)."""
    from PIL import Image

    transform = _transform(profile_path)
    pixel = Image.new("RGB", (1, 1), colour)
    converted = ImageCms.applyTransform(pixel, transform)
    assert converted is not None
    values = converted.getpixel((0, 0))
    assert isinstance(values, tuple)
    return tuple(round(int(v) / 255, 4) for v in values)


@functools.cache
def _transform(profile_path: str) -> ImageCms.ImageCmsTransform:

    return ImageCms.buildTransform(ImageCms.createProfile("sRGB"), ImageCms.getOpenProfile(str(Path(profile_path))),
                                   "RGB", "CMYK", renderingIntent=ImageCms.Intent.RELATIVE_COLORIMETRIC)
