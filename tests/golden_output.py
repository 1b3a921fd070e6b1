"""Golden output: what a small scenario builds, kept as text in ``tests/golden/<scenario>/`` so a
reviewer sees what a change does to the output. ``./scripts/golden`` writes the files again.

Each scenario is the ``valid`` fixture with the files under ``<scenario>/input/`` on top. Three
outputs are kept: the home page's main content (HTML), the text of the business card's print file
and the campaign calendar.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

GOLDEN = Path(__file__).resolve().parent / "golden"


def scenarios() -> list[str]:
    return sorted(p.name for p in GOLDEN.iterdir() if (p / "input").is_dir())


def build_outputs(scenario: str, work: Path) -> dict[str, str]:
    """Build ``scenario`` in ``work`` and return each kept output by its file name."""
    from conftest import make_project

    from tryggest.cli import main

    root = make_project(work)
    shutil.copytree(GOLDEN / scenario / "input", root, dirs_exist_ok=True)
    if main(["--root", str(root), "build", "--force"]) != 0:
        raise RuntimeError(f"the golden scenario {scenario} does not build")
    site = root / "site"
    return {"home.html": _main_content(site / "fjordby" / "index.html"),
            "business-card.txt": _pdf_text(site / "filer" / "fjordby" / "nb" / "visittkort-trykk.pdf"),
            "calendar.ics": (site / "filer" / "fjordby" / "nb" / "kampanje.ics").read_text(encoding="utf-8")}


def _main_content(page: Path) -> str:
    html = page.read_text(encoding="utf-8")
    found = re.search(r"<article\b.*?</article>", html, re.S)
    assert found, page
    lines = (line.strip() for line in found.group(0).splitlines())
    return "\n".join(line for line in lines if line) + "\n"


def _pdf_text(pdf: Path) -> str:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return "\n".join(line.rstrip() for line in text.splitlines()).strip("\n") + "\n"


def write_all() -> None:
    for scenario in scenarios():
        with tempfile.TemporaryDirectory() as work:
            for name, text in build_outputs(scenario, Path(work)).items():
                (GOLDEN / scenario / name).write_text(text, encoding="utf-8")
                print(f"wrote tests/golden/{scenario}/{name}")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    write_all()
