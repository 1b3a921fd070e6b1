"""The CMYK output profile that print files are made for: the print shop's own, or a generic default.

A print shop prints to a printing condition (paper, press, inks) described by an ICC profile. The
print files name that condition in their PDF/X output intent and embed the profile, and the brand
colour is converted to CMYK with it. Without a profile from the print shop, the generic CMYK profile
that Ghostscript ships (Debian package ``libgs-common``) is used.
"""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass
from pathlib import Path

from .model import PrintProfile

DEFAULT_PROFILE = Path("/usr/share/color/icc/ghostscript/default_cmyk.icc")
DEBIAN_PACKAGE = "libgs-common"


@dataclass(frozen=True)
class OutputProfile:
    path: str           # absolute path of the ICC file
    condition: str      # the output condition named in the PDF's output intent
    digest: str         # sha256 of the file: a new profile under the same name redraws the files


class ProfileError(ValueError):
    """The profile file is missing or is not a CMYK output profile."""


def output_profile(root: Path, setting: PrintProfile | None) -> OutputProfile:
    path = (root / setting.path) if setting else DEFAULT_PROFILE
    description = profile_description(path)
    condition = setting.condition if setting and setting.condition else description
    return OutputProfile(str(path.resolve()), condition, hashlib.sha256(path.read_bytes()).hexdigest()[:16])


@functools.cache
def profile_description(path: Path) -> str:
    """The profile's own name; raises ``ProfileError`` when the file is not a CMYK output profile."""
    from PIL import ImageCms

    if not path.is_file():
        hint = f" (Debian package {DEBIAN_PACKAGE}; run scripts/setup)" if path == DEFAULT_PROFILE else ""
        raise ProfileError(f"the ICC profile {path.as_posix()} does not exist{hint}")
    try:
        profile = ImageCms.getOpenProfile(str(path)).profile
    except (OSError, ImageCms.PyCMSError):
        raise ProfileError(f"{path.name} is not an ICC profile") from None
    if profile.xcolor_space.strip() != "CMYK":
        raise ProfileError(f"{path.name} is a {profile.xcolor_space.strip()} profile; a print shop profile is CMYK")
    return str(profile.profile_description or profile.model or path.stem).strip()
