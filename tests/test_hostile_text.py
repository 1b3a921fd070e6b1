"""Text from YAML is text in every output: markup, template code and formulas in a municipality
file are shown as written and never run, on the pages, in the theme, in JSON-LD, PDFs and the CSV."""

from __future__ import annotations

import csv
import json
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import make_project

from tryggest.cli import main
from tryggest.escape import markdown_text, spreadsheet_cell

UNIT = "Helse & omsorg <Nord>"
NAME = 'Fjord<img src=x onerror="alert(1)">'
MEMBER = "Enhet <b onmouseover=alert(1)>A</b> {{ 7 * 7 }}"
COUNTY = "Vest<script>alert(1)</script>"
HELP = "Senter [lenke](javascript:alert(1)) *fet*"
NOTE = '<meta http-equiv="refresh" content="0;url=https://example.org/">'
FORMULAS = ["=HYPERLINK(\"https://example.org\")", "+SUM(A1:A2)", "@cmd", "-2+3"]


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, attrs))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _hostile_project(tmp_path: Path) -> Path:
    root = make_project(tmp_path)
    path = root / "content/municipalities/fjordby.yml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("name: Fjordby", f"name: '{NAME}'")
    text = text.replace("county: Vestland", f"county: '{COUNTY}'")
    text = text.replace("unit: Tildelingskontoret", f"unit: '{UNIT}'")
    text = text.replace("members: [Hjemmesykepleien, Sykehjemmet]", f"members: ['{MEMBER}', Sykehjemmet]")
    text = text.replace("name: Krisesenteret i Fjordby,", f"name: '{HELP}', note: {{nb: '{NOTE}'}},")
    text = text.replace("    - {where: Svømmehallen, product: poster-a3, copies: 4}",
                        "\n".join(f"    - {{where: '{f}', product: poster-a3, copies: 4}}" for f in FORMULAS))
    path.write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = _hostile_project(tmp_path_factory.mktemp("hostile"))
    assert main(["--root", str(root), "build"]) == 0
    return root / "site"


def test_no_value_from_yaml_becomes_an_element_on_any_page(hostile_site: Path) -> None:
    pages = sorted(hostile_site.rglob("*.html"))
    assert pages
    for page in pages:
        parser = _Elements()
        parser.feed(page.read_text(encoding="utf-8"))
        for tag, attrs in parser.found:
            names = {name for name, _ in attrs}
            assert not any(name.startswith("on") for name in names), (page, tag, attrs)
            assert not (tag == "img" and ("src", "x") in attrs), page
            assert not (tag == "meta" and ("http-equiv", "refresh") in attrs), page
            assert not any((value or "").startswith("javascript:") for _, value in attrs), page
        assert "alert(1)</script>" not in page.read_text(encoding="utf-8").replace("\\u003c", "<")


@pytest.mark.parametrize(("key", "expected"), [
    ("", NAME), ("teamet/", UNIT), ("teamet/", MEMBER), ("lokal-hjelp/", HELP), ("lokal-hjelp/", NOTE),
])
def test_values_show_exactly_as_written(hostile_site: Path, key: str, expected: str) -> None:
    page = hostile_site / "fjordby" / key / "index.html"
    assert expected in shown_text(page)
    assert ">49<" not in page.read_text(encoding="utf-8"), "template code in a value is never run"


def shown_text(page: Path) -> str:
    parser = _Elements()
    parser.feed(page.read_text(encoding="utf-8"))
    return " ".join("".join(parser.text).split())


def test_structured_data_carries_the_name_as_text(hostile_site: Path) -> None:
    html = (hostile_site / "fjordby/index.html").read_text(encoding="utf-8")
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert found
    data = json.loads(found.group(1))
    assert data["areaServed"]["name"] == NAME


def test_print_files_show_the_text_as_written(hostile_site: Path) -> None:
    pdf = hostile_site / "filer/fjordby/nb/brosjyre-skjerm.pdf"
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Enhet <b onmouseover=alert(1)>A</b>" in " ".join(text.split())


def test_formula_placements_are_inert_in_the_print_order(hostile_site: Path) -> None:
    rows = list(csv.reader((hostile_site / "filer/fjordby/nb/trykkbestilling.csv").read_text(encoding="utf-8-sig")
                           .splitlines(), delimiter=";"))
    cells = [cell for row in rows[1:] for cell in row]
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "@", "\t", "\r") or cell.startswith("-2")], cells
    placements = rows[1][-1]
    assert placements.startswith("'=HYPERLINK") or "'=HYPERLINK" in " ".join(cells)


@pytest.mark.parametrize(("value", "cell"), [
    ("=1+1", "'=1+1"), ("+47 22", "'+47 22"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"),
    ("Svømmehallen", "Svømmehallen"), (4, 4),
])
def test_spreadsheet_cell(value: str | int, cell: str | int) -> None:
    assert spreadsheet_cell(value) == cell


def test_markdown_text_is_shown_as_written_by_a_markdown_engine() -> None:
    import markdown

    for value in (UNIT, MEMBER, HELP, NOTE, "# heading", "a_b_c *d* `e` | f ~g~"):
        html = markdown.markdown(str(markdown_text(value)))
        parser = _Elements()
        parser.feed(html)
        assert [tag for tag, _ in parser.found] == ["p"], (value, html)
        assert "".join(parser.text) == value
