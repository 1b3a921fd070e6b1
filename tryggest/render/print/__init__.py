"""The print kit: brochure, business cards, posters and stickers as PDF files with PNG previews."""

from .renderer import PrintRenderer

__all__ = ["PrintRenderer"]
