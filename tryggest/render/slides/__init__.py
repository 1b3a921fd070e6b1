"""Info-screen slides, the signage slideshow page and social-media images (see ``renderer``)."""

from __future__ import annotations

from .renderer import SlidesRenderer

__all__ = ["SlidesRenderer"]
