"""The one drawing engine behind every slide and image: it reads a layout (``layouts``) and what to
show in each box, and draws it with Pillow.

Text is wrapped by words and shrunk until it fits its box; if it still does not fit at the box's
smallest size, drawing stops with a ``LayoutError`` naming the image and the box. Every text is
checked against the colour actually underneath it (WCAG 4.5:1). Everything drawn is recorded
(text lines, box, type size, colours, QR target), so tests can check what an image shows.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass, field, fields
from functools import lru_cache
from typing import Any

from PIL import Image, ImageDraw, ImageFont

from ...qr import qr_modules, qr_png
from .colours import MIN_TEXT_CONTRAST, Palette, contrast, hex_of
from .fonts import Script, Weight, font
from .layouts import Box

Content = str | list[str] | None
# The script and direction of the image being drawn (set by ``_paint`` for the whole image).
_SCRIPT: ContextVar[tuple[Script, str]] = ContextVar("script", default=("latin", "ltr"))


class LayoutError(Exception):
    """A text does not fit its box even at the smallest allowed size, or breaks a colour rule."""

    def __init__(self, image: str, box: str, text: str, reason: str) -> None:
        super().__init__(image, box, text, reason)
        self.image, self.box, self.text, self.reason = image, box, text, reason

    def __str__(self) -> str:
        return f"{self.image}: box '{self.box}': {self.reason}: {self.text!r}"


@dataclass(frozen=True)
class Element:
    box: Box
    content: Content       # text or list items for text boxes and badges, the URL for a QR box
    source: tuple[str, str] = ("", "")   # file and key the text comes from, for messages


@dataclass(frozen=True)
class ImageSpec:
    """Everything one image depends on; its JSON form is the cache key."""

    name: str               # "sandefjord/nb/about-landscape", for messages
    size: tuple[int, int]
    palette: Palette
    elements: tuple[Element, ...]
    script: Script = "latin"    # "arabic" and "ethiopic" are drawn with raqm in their own Noto font
    direction: str = "ltr"      # "rtl": lines are right-aligned and bullets stand on the right

    def words(self) -> str:
        """Everything the image says, in reading order: the alt text of a slide."""
        texts = []
        for element in self.elements:
            if element.box.kind in ("text", "badge") and element.content:
                items = element.content if isinstance(element.content, list) else [element.content]
                texts.append(" ".join(items).replace("\u00a0", " "))
        return " ".join(texts)

    def key_data(self) -> dict[str, Any]:
        data = {"size": list(self.size), "palette": _fields(self.palette),
                "elements": [{"box": _fields(e.box), "content": e.content} for e in self.elements]}
        if (self.script, self.direction) != ("latin", "ltr"):
            data["script"], data["direction"] = self.script, self.direction
        return data


@lru_cache(maxsize=4096)
def _fields(value: Box | Palette) -> dict[str, Any]:
    """A box's or palette's fields by name (all plain values). Cached: a portal's thousands of slides
    share a few dozen boxes and palettes, and ``asdict`` copies deeply each time."""
    return {item.name: getattr(value, item.name) for item in fields(value)}


@dataclass(frozen=True)
class _Line:
    text: str
    bullet: bool        # first line of a list item
    gap_before: int     # extra space before a new paragraph or item, in px


@dataclass
class Drawing:
    """What was drawn, box by box: the record tests assert on."""

    name: str
    size: tuple[int, int]
    elements: list[dict[str, Any]] = field(default_factory=list)

    def texts(self, box: str) -> list[str]:
        return [line for e in self.elements if e["box"] == box for line in e.get("lines", [])]

    def text(self, box: str) -> str:
        return " ".join(self.texts(box))

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "size": list(self.size), "elements": self.elements}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Drawing:
        return cls(data["name"], (data["size"][0], data["size"][1]), data["elements"])


PREVIEW_SHRINK = 3   # previews for the materials page: 640 × 360 for a landscape slide


@dataclass(frozen=True)
class Drawn:
    png: bytes
    preview: bytes       # the same image at a third of the size
    drawing: Drawing


def draw(spec: ImageSpec) -> tuple[bytes, Drawing]:
    """Draw ``spec``; return the PNG bytes (no metadata, so the same spec gives the same bytes)."""
    image, record = _paint(spec)
    return _png(image), record


def draw_with_preview(spec: ImageSpec) -> Drawn:
    image, record = _paint(spec)
    # ``reduce`` averages 3 × 3 blocks: far faster than resampling, and as sharp for flat artwork.
    return Drawn(_png(image), _png(image.reduce(PREVIEW_SHRINK)), record)


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    # Level 3: most of level 6's size at about half its time, for flat-colour images like these.
    image.save(buffer, "PNG", compress_level=3)
    return buffer.getvalue()


def _paint(spec: ImageSpec) -> tuple[Image.Image, Drawing]:
    token = _SCRIPT.set((spec.script, spec.direction))
    try:
        return _paint_in_script(spec)
    finally:
        _SCRIPT.reset(token)


def _face(weight: Weight, size: int) -> ImageFont.FreeTypeFont:
    return font(weight, size, _SCRIPT.get()[0])


def _paint_in_script(spec: ImageSpec) -> tuple[Image.Image, Drawing]:
    image = Image.new("RGB", spec.size, spec.palette.paper)
    pen = ImageDraw.Draw(image)
    record = Drawing(spec.name, spec.size)
    for element in spec.elements:
        box = element.box
        if box.kind == "fill":
            pen.rectangle(_rect(box), fill=spec.palette.role(box.colour))
            record.elements.append({"box": box.name, "kind": "fill", "rect": list(_rect(box)),
                                    "colour": spec.palette.role(box.colour)})
        elif box.kind == "qr":
            record.elements.append(_draw_qr(image, box, str(element.content), spec.name))
        elif element.content:
            record.elements.append(_draw_text(image, pen, element, spec))
    return image, record


def _rect(box: Box) -> tuple[int, int, int, int]:
    return box.x, box.y, box.x + box.w - 1, box.y + box.h - 1


def _draw_qr(image: Image.Image, box: Box, url: str, name: str) -> dict[str, Any]:
    modules = qr_modules(url)
    scale = min(box.w, box.h) // modules
    if scale < 4:
        raise LayoutError(name, box.name, url, f"the QR code would have modules of {scale} px; use a shorter URL")
    code = Image.open(io.BytesIO(qr_png(url, scale))).convert("RGB")
    x, y = box.x + (box.w - code.width) // 2, box.y + (box.h - code.height) // 2
    image.paste(code, (x, y))
    return {"box": box.name, "kind": "qr", "url": url, "rect": [x, y, x + code.width - 1, y + code.height - 1],
            "module_px": scale, "modules": modules}


def _draw_text(image: Image.Image, pen: ImageDraw.ImageDraw, element: Element, spec: ImageSpec) -> dict[str, Any]:
    box, palette = element.box, spec.palette
    if box.kind == "badge":
        pen.rounded_rectangle(_rect(box), radius=10, fill=palette.badge)
        colour = palette.on_badge
    else:
        colour = palette.role(box.colour)
    items = element.content if isinstance(element.content, list) else [str(element.content)]
    backgrounds = _colours_under(image, box)
    worst = min(contrast(colour, bg) for bg in backgrounds)
    if worst < MIN_TEXT_CONTRAST:
        raise LayoutError(spec.name, box.name, " ".join(items), f"contrast {worst:.2f}:1 is below {MIN_TEXT_CONTRAST}:1")
    size, lines = fit(box, items, spec.name)
    ink = _draw_lines(pen, box, size, lines, colour, palette.rule)
    return {"box": box.name, "kind": box.kind, "rect": list(_rect(box)), "lines": [line.text for line in lines],
            "size": size, "min_size": box.min_size, "max_size": box.size, "weight": box.weight,
            "colour": colour, "background": backgrounds[0], "contrast": round(worst, 2), "ink": list(ink),
            "source": list(element.source)}


def _colours_under(image: Image.Image, box: Box) -> list[str]:
    """Colours covering at least 2 % of the box before the text is drawn, most common first.

    Read from a grid of samples (every ~8 px): backgrounds are flat areas, not fine detail.
    """
    grid = (max(1, box.w // 8), max(1, box.h // 8))
    area = image.resize(grid, Image.Resampling.NEAREST, box=(box.x, box.y, box.x + box.w, box.y + box.h))
    total = grid[0] * grid[1]
    counts = area.getcolors(maxcolors=total) or []
    common = sorted((c for c in counts if c[0] >= total * 0.02), key=lambda c: -c[0])
    return [hex_of(tuple(colour)) for _, colour in common]  # type: ignore[arg-type]


def fit(box: Box, items: list[str], name: str) -> tuple[int, list[_Line]]:
    """The largest type size at which ``items`` fit ``box``, and the wrapped lines.

    A box with ``hyphens=False`` (a URL) would rather shrink than break after a hyphen or slash,
    and breaks there only if nothing else fits at its smallest size.
    """
    for hyphens in (True,) if box.hyphens else (False, True):

        def attempt(size: int, hyphens: bool = hyphens) -> bool:
            lines = _wrap(box, items, size, hyphens)
            if lines is None or (box.max_lines and len(lines) > box.max_lines):
                return False
            return _block_height(box, size, lines) <= box.h

        size = _largest_fitting(box, attempt)
        if size:
            # Balancing keeps the number of lines, so the block still fits.
            return size, _wrap(box, items, size, hyphens, balance=True) or []
    raise LayoutError(name, box.name, " / ".join(items), f"does not fit {box.w}×{box.h} px even at {box.min_size} px")


def _largest_fitting(box: Box, fits: Callable[[int], bool]) -> int | None:
    if fits(box.size):
        return box.size
    low, high = box.min_size, box.size
    if not fits(low):
        return None
    # Fitting is monotonic in practice: find the largest size that fits by halving.
    while high - low > 1:
        middle = (low + high) // 2
        if fits(middle):
            low = middle
        else:
            high = middle
    return low


def _indent(box: Box, size: int) -> int:
    return round(size * 0.95) if box.bullets else 0


def _gap(box: Box, size: int) -> int:
    return round(size * box.leading * box.gap)


def _wrap(box: Box, items: list[str], size: int, hyphens: bool, balance: bool = False) -> list[_Line] | None:
    width = box.w - _indent(box, size)
    wrap = balanced if balance else wrap_words
    lines: list[_Line] = []

    def measure(text: str) -> float:
        return text_width(box.weight, size, text)

    for number, item in enumerate(items):
        wrapped = wrap(item, width, measure, hyphens)
        if wrapped is None:
            return None
        for i, line in enumerate(wrapped):
            gap = _gap(box, size) if number and i == 0 else 0
            lines.append(_Line(line, box.bullets and i == 0, gap))
    return lines


def wrap_words(text: str, width: float, measure: Callable[[str], float], hyphens: bool = True) -> list[str] | None:
    """Greedy word wrap. None if a word is wider than ``width``.

    With ``hyphens``, words break after a hyphen, dash or slash when a whole word does not fit. A no-break space
    (as in a phone number) never breaks. Line widths are summed from word widths (fast); each
    finished line is then measured whole, so kerning can never push a line past ``width``.
    """
    whole = _wrap_pieces(_pieces(text, False), width, measure)
    return whole if whole or not hyphens else _wrap_pieces(_pieces(text, True), width, measure)


def _wrap_pieces(pieces: list[str], width: float, measure: Callable[[str], float]) -> list[str] | None:
    lines: list[str] = []
    current, used = "", 0.0
    for piece in pieces:
        extra = measure(piece)
        if not current or used + extra <= width:
            current, used = current + piece, used + extra
            continue
        lines.append(current)
        current = piece.lstrip(" ")
        used = measure(current)
    if current:
        lines.append(current)
    if any(measure(line) > width for line in lines):
        return None
    return lines


def balanced(text: str, width: float, measure: Callable[[str], float], hyphens: bool = True) -> list[str] | None:
    """Wrapped as narrow as possible without adding a line: no lonely last word under a long line."""
    lines = wrap_words(text, width, measure, hyphens)
    if lines is None or len(lines) < 2:
        return lines
    low, high = width / 2, width     # ``high`` always gives ``len(lines)`` lines
    for _ in range(8):
        middle = (low + high) / 2
        attempt = wrap_words(text, middle, measure, hyphens)
        if attempt is not None and len(attempt) == len(lines):
            high, lines = middle, attempt
        else:
            low = middle
    return lines


def text_width(weight: Weight, size: int, text: str) -> float:
    script, direction = _SCRIPT.get()
    return _text_width(script, direction, weight, size, text)


@lru_cache(maxsize=65536)
def _text_width(script: Script, direction: str, weight: Weight, size: int, text: str) -> float:
    if script == "latin":
        return float(font(weight, size).getlength(text))
    return float(font(weight, size, script).getlength(text, direction=direction))


def _pieces(text: str, at_hyphens: bool) -> list[str]:
    """Words with the space before them; with ``at_hyphens``, also split after a hyphen or dash."""
    pieces: list[str] = []
    for n, word in enumerate(w for w in text.split(" ") if w):
        parts, start = [], 0
        for i, char in enumerate(word[:-1]):
            if at_hyphens and char in "-–/" and i > 0:
                parts.append(word[start:i + 1])
                start = i + 1
        parts.append(word[start:])
        parts[0] = (" " if n else "") + parts[0]
        pieces += parts
    return pieces


def _block_height(box: Box, size: int, lines: list[_Line]) -> int:
    ascent, descent = _face(box.weight, size).getmetrics()
    ascent, descent = int(ascent), int(descent)
    step = round(size * box.leading)
    return (len(lines) - 1) * step + sum(line.gap_before for line in lines) + ascent + descent


def _draw_lines(pen: ImageDraw.ImageDraw, box: Box, size: int, lines: list[_Line], colour: str,
                bullet_colour: str) -> tuple[int, int, int, int]:
    face = _face(box.weight, size)
    rtl = _SCRIPT.get()[1] == "rtl"
    direction = "rtl" if rtl else None
    ascent, _ = face.getmetrics()
    step, indent = round(size * box.leading), _indent(box, size)
    free = box.h - _block_height(box, size, lines)
    top = box.y + {"top": 0, "middle": free // 2, "bottom": free}[box.valign]
    ink = [box.x + box.w, box.y + box.h, box.x, box.y]
    baseline = top + ascent
    for n, line in enumerate(lines):
        baseline += line.gap_before + (step if n else 0)
        x = _line_x(box, indent, text_width(box.weight, size, line.text), rtl)
        if line.bullet:
            r, cy = size * 0.18, baseline - size * 0.27
            dot = box.x + box.w - size * 0.2 - 2 * r if rtl else box.x + size * 0.2
            pen.ellipse((dot, cy - r, dot + 2 * r, cy + r), fill=bullet_colour)
        pen.text((x, baseline), line.text, font=face, fill=colour, anchor="ls", direction=direction)
        left, upper, right, lower = pen.textbbox((x, baseline), line.text, font=face, anchor="ls",
                                                 direction=direction)
        ink = [min(ink[0], int(left)), min(ink[1], int(upper)), max(ink[2], int(right)), max(ink[3], int(lower))]
    return ink[0], ink[1], ink[2], ink[3]


def _line_x(box: Box, indent: int, width: float, rtl: bool = False) -> float:
    if box.align == "center":
        return box.x + (box.w - width) / 2
    # Right to left, a line starts at the right edge: left and right alignment swap.
    if (box.align == "right") != rtl:
        return box.x + box.w - width - (indent if rtl else 0)
    return box.x + (0 if rtl else indent)
