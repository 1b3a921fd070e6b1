"""What a print shop's preflight reads from a PDF: boxes, PDF/X version, output intent, colour spaces,
fonts and text sizes. Plain facts, no verdicts: ``checks`` decides what passes.

Colour spaces are collected everywhere they can hide: colour operators in every content stream
(pages and the form XObjects they draw), images, shadings, and the colour space of transparency
groups (a DeviceRGB group breaks PDF/X-4 even when every colour in it is CMYK).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import pikepdf

MM_PER_POINT = 25.4 / 72
# Colour operators that name their colour space themselves.
DEVICE_OPERATORS = {"rg": "DeviceRGB", "RG": "DeviceRGB", "k": "DeviceCMYK", "K": "DeviceCMYK",
                    "g": "DeviceGray", "G": "DeviceGray"}
TEXT_SHOWING = {"Tj", "TJ", "'", '"'}


@dataclass
class PageFacts:
    number: int
    media_mm: tuple[float, float]
    trim_mm: tuple[float, float] | None
    bleed_mm: tuple[float, float, float, float] | None   # left, bottom, right, top beyond the trim edge


@dataclass
class TextRun:
    size_pt: float
    colour: tuple[str, tuple[float, ...]]   # colour space and components of the fill colour


@dataclass
class PdfFacts:
    path: Path
    pages: list[PageFacts]
    pdfx_version: str | None
    intent_subtype: str | None
    intent_condition: str | None
    intent_channels: int | None
    colour_spaces: set[str] = field(default_factory=set)
    fonts: dict[str, bool] = field(default_factory=dict)      # font name: embedded
    text: list[TextRun] = field(default_factory=list)


def inspect_pdf(path: Path) -> PdfFacts:
    with pikepdf.open(path) as pdf:
        facts = PdfFacts(path, [_page(i, page) for i, page in enumerate(pdf.pages, start=1)], _pdfx_version(pdf),
                         *_output_intent(pdf))
        seen: set[tuple[int, int]] = set()
        for page in pdf.pages:
            _walk(page.obj, facts, seen)
    return facts


def _box_mm(box: Any) -> tuple[float, float, float, float]:
    left, bottom, right, top = (float(v) for v in box)
    return left, bottom, right, top


def _page(number: int, page: pikepdf.Page) -> PageFacts:
    media = _box_mm(page.obj.MediaBox)
    media_mm = ((media[2] - media[0]) * MM_PER_POINT, (media[3] - media[1]) * MM_PER_POINT)
    if "/TrimBox" not in page.obj:
        return PageFacts(number, media_mm, None, None)
    trim = _box_mm(page.obj.TrimBox)
    trim_mm = ((trim[2] - trim[0]) * MM_PER_POINT, (trim[3] - trim[1]) * MM_PER_POINT)
    if "/BleedBox" not in page.obj:
        return PageFacts(number, media_mm, trim_mm, None)
    bleed = _box_mm(page.obj.BleedBox)
    beyond = (trim[0] - bleed[0], trim[1] - bleed[1], bleed[2] - trim[2], bleed[3] - trim[3])
    return PageFacts(number, media_mm, trim_mm, tuple(round(v * MM_PER_POINT, 2) for v in beyond))  # type: ignore[arg-type]


def _pdfx_version(pdf: pikepdf.Pdf) -> str | None:
    if "/Metadata" not in pdf.Root:
        return None
    xmp = pdf.Root.Metadata.read_bytes().decode("utf-8", errors="replace")
    found = re.search(r"GTS_PDFXVersion>([^<]+)<", xmp) or re.search(r'GTS_PDFXVersion="([^"]+)"', xmp)
    return found.group(1).strip() if found else None


def _output_intent(pdf: pikepdf.Pdf) -> tuple[str | None, str | None, int | None]:
    for intent in pdf.Root.get("/OutputIntents", []):
        profile = intent.get("/DestOutputProfile")
        channels = int(profile.N) if profile is not None and "/N" in profile else None
        condition = intent.get("/OutputConditionIdentifier")
        return str(intent.get("/S", "")).lstrip("/"), str(condition) if condition is not None else None, channels
    return None, None, None


def colour_space_name(space: Any) -> str:
    """``DeviceRGB``, ``ICCBased/3``, ``Separation/DeviceCMYK``: enough to tell RGB from CMYK."""
    if isinstance(space, pikepdf.Name):
        return str(space).lstrip("/")
    if isinstance(space, pikepdf.Array) and len(space) > 0:
        family = str(space[0]).lstrip("/")
        if family == "ICCBased":
            return f"ICCBased/{int(space[1].N)}"
        if family in ("Separation", "DeviceN") and len(space) > 2:
            return f"{family}/{colour_space_name(space[2])}"
        if family == "Indexed" and len(space) > 1:
            return f"Indexed/{colour_space_name(space[1])}"
        return family
    return str(space)


def _walk(holder: Any, facts: PdfFacts, seen: set[tuple[int, int]]) -> None:
    """One page or form XObject: its resources, its transparency group and its content stream."""
    if holder.is_indirect:
        if holder.objgen in seen:
            return
        seen.add(holder.objgen)
    if "/Group" in holder and "/CS" in holder.Group:
        facts.colour_spaces.add(colour_space_name(holder.Group.CS))
    resources = holder.get("/Resources", pikepdf.Dictionary())
    _resources(resources, facts, seen)
    _content(holder, resources, facts)


def _resources(resources: Any, facts: PdfFacts, seen: set[tuple[int, int]]) -> None:
    for space in resources.get("/ColorSpace", {}).values():
        facts.colour_spaces.add(colour_space_name(space))
    for shading in resources.get("/Shading", {}).values():
        facts.colour_spaces.add(colour_space_name(shading.ColorSpace))
    for pattern in resources.get("/Pattern", {}).values():
        if "/Shading" in pattern:
            facts.colour_spaces.add(colour_space_name(pattern.Shading.ColorSpace))
        elif isinstance(pattern, pikepdf.Stream):
            _walk(pattern, facts, seen)
    for font in resources.get("/Font", {}).values():
        facts.fonts[str(font.get("/BaseFont", "?")).lstrip("/")] = _embedded(font)
    for xobject in resources.get("/XObject", {}).values():
        if xobject.get("/Subtype") == "/Image":
            if not xobject.get("/ImageMask", False):
                facts.colour_spaces.add(colour_space_name(xobject.get("/ColorSpace", pikepdf.Name.DeviceGray)))
        else:
            _walk(xobject, facts, seen)


def _embedded(font: Any) -> bool:
    if font.get("/Subtype") == "/Type3":
        return True  # drawn with PDF operators: nothing to embed
    if "/DescendantFonts" in font:
        return all(_embedded(descendant) for descendant in font.DescendantFonts)
    descriptor = font.get("/FontDescriptor")
    return descriptor is not None and any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))


@dataclass
class _State:
    """The parts of the graphics and text state that decide a text run's size and ink."""

    spaces: Any
    ctm: list[float] = field(default_factory=lambda: [1.0, 0.0, 0.0, 1.0, 0.0, 0.0])
    fill: tuple[str, tuple[float, ...]] = ("DeviceGray", (0.0,))
    fill_space: str = "DeviceGray"
    text_matrix: list[float] = field(default_factory=lambda: [1.0, 0.0, 0.0, 1.0, 0.0, 0.0])
    font_size: float = 0.0
    stack: list[tuple[list[float], tuple[str, tuple[float, ...]], str]] = field(default_factory=list)


def _content(holder: Any, resources: Any, facts: PdfFacts) -> None:
    """Colour operators, and the size and fill colour of every piece of text, following the graphics state."""
    state = _State(resources.get("/ColorSpace", {}))
    for instruction in pikepdf.parse_content_stream(holder):
        if not isinstance(instruction, pikepdf.ContentStreamInstruction):
            continue  # an inline image: WeasyPrint never writes them, and they hold no text
        operands, op = instruction.operands, str(instruction.operator)
        values = [float(v) for v in operands if _is_number(v)]
        if not _colour_operator(op, operands, values, state, facts):
            _state_operator(op, values, state, facts)


def _colour_operator(op: str, operands: Any, values: list[float], state: _State, facts: PdfFacts) -> bool:
    if op in DEVICE_OPERATORS:
        facts.colour_spaces.add(DEVICE_OPERATORS[op])
        if op.islower():
            state.fill_space, state.fill = DEVICE_OPERATORS[op], (DEVICE_OPERATORS[op], tuple(values))
    elif op in ("cs", "CS") and operands:
        space = _named_space(operands[0], state.spaces)
        facts.colour_spaces.add(space)
        if op == "cs":
            state.fill_space = space
    elif op in ("sc", "scn"):
        state.fill = (state.fill_space, tuple(values))
    else:
        return False
    return True


def _state_operator(op: str, values: list[float], state: _State, facts: PdfFacts) -> None:
    if op == "q":
        state.stack.append((state.ctm, state.fill, state.fill_space))
    elif op == "Q" and state.stack:
        state.ctm, state.fill, state.fill_space = state.stack.pop()
    elif op == "cm" and len(values) == 6:
        state.ctm = _multiply(values, state.ctm)
    elif op == "BT":
        state.text_matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]
    elif op == "Tm" and len(values) == 6:
        state.text_matrix = values
    elif op == "Tf" and values:
        state.font_size = values[-1]
    elif op in TEXT_SHOWING:
        scale = math.sqrt(abs(_determinant(_multiply(state.text_matrix, state.ctm))))
        facts.text.append(TextRun(round(state.font_size * scale, 2), state.fill))


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)


def _named_space(name: Any, spaces: Any) -> str:
    key = str(name)
    if key in spaces:
        return colour_space_name(spaces[key])
    return key.lstrip("/")


def _multiply(a: list[float], b: list[float]) -> list[float]:
    return [a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3], a[2] * b[0] + a[3] * b[2],
            a[2] * b[1] + a[3] * b[3], a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5]]


def _determinant(m: list[float]) -> float:
    return m[0] * m[3] - m[1] * m[2]
