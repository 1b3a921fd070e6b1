"""``tryggest preflight``: what a print shop checks in a print file, said in plain words.

Trim size and bleed, PDF/X version and output intent, colour spaces, embedded fonts, the smallest
text, and each QR code's printed size, quiet zone and whether it reads. A failed check makes the
file unfit to send; the build runs the same checks on every print file it makes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .codes import QUIET_ZONE_MODULES, QrCode, RenderError, find_codes
from .inspect import PdfFacts, inspect_pdf
from .texts import TEXTS

BLEED_MM = 3.0
MIN_TEXT_PT = 5.0
MIN_SYMBOL_MM = 20.0
RGB_SPACES = ("DeviceRGB", "CalRGB", "ICCBased/3")


@dataclass(frozen=True)
class Line:
    text: str
    ok: bool = True


@dataclass(frozen=True)
class Report:
    path: Path
    lines: list[Line]
    lang: str

    @property
    def ok(self) -> bool:
        return all(line.ok for line in self.lines)

    def failures(self) -> list[str]:
        return [line.text for line in self.lines if not line.ok]

    def render(self) -> str:
        t = TEXTS[self.lang]
        marks = {True: t["mark_ok"], False: t["mark_fail"]}
        verdict = t["verdict_ok"] if self.ok else t["verdict_fail"]
        body = [f"  {marks[line.ok]} {line.text}" for line in self.lines]
        return "\n".join([f"{self.path.name}: {verdict}", *body])


def report_language(lang: str) -> str:
    """The report is in Bokmål, or in English for an English file set."""
    return lang if lang in TEXTS else "nb"


def preflight(path: Path, lang: str = "nb") -> Report:
    facts = inspect_pdf(path)
    codes = find_codes(path, [page.media_mm for page in facts.pages])
    t = TEXTS[lang]
    lines = [*_boxes(facts, t), _pdfx(facts, t), _intent(facts, t), _colours(facts, t), _fonts(facts, t),
             *_text(facts, t), *_codes(codes, t)]
    return Report(path, lines, lang)


def _mm(value: float, t: dict[str, str]) -> str:
    text = f"{value:.1f}".removesuffix(".0")
    return text.replace(".", t["decimal"])


def _boxes(facts: PdfFacts, t: dict[str, str]) -> list[Line]:
    lines = []
    for page in facts.pages:
        if page.trim_mm is None or page.bleed_mm is None:
            lines.append(Line(t["no_boxes"].format(page=page.number), False))
            continue
        size = f"{_mm(page.trim_mm[0], t)} × {_mm(page.trim_mm[1], t)} mm"
        bleed = min(page.bleed_mm)
        lines.append(Line(t["trim"].format(page=page.number, size=size, bleed=_mm(bleed, t)), bleed >= BLEED_MM - 0.05))
    return lines


def _pdfx(facts: PdfFacts, t: dict[str, str]) -> Line:
    if facts.pdfx_version is None:
        return Line(t["no_pdfx"], False)
    return Line(t["pdfx"].format(version=facts.pdfx_version), facts.pdfx_version.startswith("PDF/X-4"))


def _intent(facts: PdfFacts, t: dict[str, str]) -> Line:
    if facts.intent_subtype != "GTS_PDFX" or facts.intent_channels is None:
        return Line(t["no_intent"], False)
    ok = facts.intent_channels == 4
    return Line(t["intent"].format(condition=facts.intent_condition, channels=facts.intent_channels), ok)


def _colours(facts: PdfFacts, t: dict[str, str]) -> Line:
    spaces = ", ".join(sorted(facts.colour_spaces)) or "–"
    rgb = sorted(space for space in facts.colour_spaces if space in RGB_SPACES or space.endswith("/ICCBased/3"))
    if rgb:
        return Line(t["rgb"].format(spaces=spaces, rgb=", ".join(rgb)), False)
    return Line(t["colours"].format(spaces=spaces))


def _fonts(facts: PdfFacts, t: dict[str, str]) -> Line:
    missing = sorted(name for name, embedded in facts.fonts.items() if not embedded)
    if missing:
        return Line(t["fonts_missing"].format(fonts=", ".join(missing)), False)
    return Line(t["fonts"].format(count=len(facts.fonts)))


def _text(facts: PdfFacts, t: dict[str, str]) -> list[Line]:
    sizes = [run.size_pt for run in facts.text if run.size_pt > 0]
    if not sizes:
        return [Line(t["no_text"])]
    smallest = min(sizes)
    lines = [Line(t["smallest"].format(size=_mm(smallest, t), minimum=_mm(MIN_TEXT_PT, t)), smallest >= MIN_TEXT_PT)]
    rich = [run for run in facts.text if _rich_black(run.colour)]
    if rich:
        lines.append(Line(t["rich_black"].format(count=len(rich)), False))
    return lines


def _rich_black(colour: tuple[str, tuple[float, ...]]) -> bool:
    """Dark text built from all four inks: it blurs when the plates are slightly out of register."""
    space, values = colour
    return space == "DeviceCMYK" and len(values) == 4 and values[3] >= 0.5 and sum(values[:3]) > 0


def _codes(codes: list[QrCode], t: dict[str, str]) -> list[Line]:
    if not codes:
        # Every TryggEst print file carries a code; one that cannot be read is not found either.
        return [Line(t["no_codes"], False)]
    lines = []
    for code in codes:
        ok = code.quiet_modules >= QUIET_ZONE_MODULES - 0.5 and code.width_mm >= MIN_SYMBOL_MM
        lines.append(Line(t["code"].format(page=code.page, width=_mm(code.width_mm, t),
                                           module=f"{code.module_mm:.2f}".replace(".", t["decimal"]),
                                           quiet=_mm(code.quiet_modules, t), text=code.text), ok))
    return lines


EXIT_FAILED = 1
EXIT_UNREADABLE = 2


def check_files(paths: list[Path], lang: str) -> int:
    """The command: one report per file; 1 when a check failed, 2 when a file could not be read."""
    import sys

    import pikepdf

    worst = 0
    for path in paths:
        try:
            report = preflight(path, lang)
        except (OSError, pikepdf.PdfError, RenderError) as exc:
            print(TEXTS[lang]["unreadable"].format(file=path, reason=exc), file=sys.stderr)
            worst = max(worst, EXIT_UNREADABLE)
            continue
        print(report.render())
        if not report.ok:
            worst = max(worst, EXIT_FAILED)
    return worst


class PreflightFailed(RuntimeError):
    """A print file the build made did not pass; the message names the file and each failed check."""


def require_print_ready(pdf: bytes, name: str, lang: str = "en") -> Report:
    """Run every check on a freshly made print file; raise ``PreflightFailed`` on any failure."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="tryggest-preflight-") as folder:
        path = Path(folder) / Path(name).name
        path.write_bytes(pdf)
        report = preflight(path, lang)
    if not report.ok:
        problems = "\n".join(f"  - {failure}" for failure in report.failures())
        raise PreflightFailed(f"{name} did not pass the print checks:\n{problems}")
    return report
