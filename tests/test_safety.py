"""Reader safety without a browser: the Content-Security-Policy the build writes matches each
page, the quick-exit labels exist in every language, and the stay-safe page is built everywhere.
(tests/test_browser.py proves the behaviour in Chromium.)"""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import REPO

from tryggest.csp import SCRIPT_TYPES, InlineCode, inline_code, policy, with_policy
from tryggest.load import load_project
from tryggest.pipeline import secure
from tryggest.problems import InputError
from tryggest.texts import load_texts

DEMO = load_project(REPO)
LANGS = ("nb", "nn", "en", "se")
META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


def _sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def _page(head: str, body: str = "") -> str:
    return f'<!doctype html>\n<html lang="nb">\n<head>\n<meta charset="utf-8">\n{head}</head>\n<body>{body}</body>\n</html>\n'


def test_inline_code_is_what_the_browser_would_run() -> None:
    html = _page('<script>var a = "</p>";</script>\n<script src="x.js"></script>\n'
                 '<script type="application/json">{"data": 1}</script>\n<script type="module">go()</script>\n'
                 "<style>\r\n:root{--c:red}\r\n</style>")
    code = inline_code(html)
    assert code.scripts == ['var a = "</p>";', "go()"]
    assert code.styles == ["\n:root{--c:red}\n"], "CR LF is hashed as LF, as the HTML parser sees it"
    assert code.blocked == []


def test_style_and_event_attributes_are_reported_with_their_place() -> None:
    code = inline_code(_page("", '\n<p style="color:red">x</p><button onclick="go()">y</button>'))
    assert code.blocked == [(7, 1, "<p style=...>"), (7, 27, "<button onclick=...>")]


class _Reference(HTMLParser):
    """What the standard library's HTML parser finds: the yardstick for the fast scanner."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.found = InlineCode()
        self.into: list[str] | None = None
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line, col = self.getpos()
        names = dict(attrs)
        self.found.blocked += [(line, col + 1, f"<{tag} {name}=...>") for name in names
                               if name == "style" or name.startswith("on")]
        script = tag == "script" and "src" not in names and (names.get("type") or "").strip().lower() in SCRIPT_TYPES
        if tag == "style" or script:
            self.into, self.text = (self.found.styles if tag == "style" else self.found.scripts), []

    def handle_data(self, data: str) -> None:
        if self.into is not None:
            self.text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if self.into is not None and tag in ("script", "style"):
            self.into.append("".join(self.text))
            self.into = None


def _reference(html: str) -> InlineCode:
    parser = _Reference()
    parser.feed(html.replace("\r\n", "\n").replace("\r", "\n"))
    parser.close()
    return parser.found


TRICKY = [
    '<a title="a > style" href="x">', '<a href="x"onclick="y">', "<a/onload=1>", "<A STYLE>", "<Div OnClick=1>",
    "<a data-style=1 title=on>", '<script onload="x">a</script>', "<!-- <p style=1> <script>x()</script> -->",
    '<script>"<p style=1>"</script>', "<SCRIPT>b()</Script >", "<style media='print'>p{}</style>",
    '<script type="text/plain">no()</script>', "<p>style=on</p>", '<input value="on" onfocus="x">',
]


@pytest.mark.parametrize("body", TRICKY)
def test_scanner_agrees_with_the_html_parser_on_tricky_markup(body: str) -> None:
    html = _page("", "\n" + body)
    assert inline_code(html) == _reference(html)


def test_scanner_agrees_with_the_html_parser_on_every_built_page(demo_site: Path) -> None:
    pages = sorted(demo_site.rglob("*.html"))
    assert len(pages) > 100
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert inline_code(html) == _reference(html), page


def test_policy_lists_hashes_only_where_they_belong() -> None:
    text = policy({_sha("a")}, {_sha("b")})
    assert f"script-src 'self' {_sha('a')};" in text
    assert f"style-src 'self' {_sha('b')};" in text
    assert "frame-ancestors" not in text, "ignored in a meta tag, so only in the header"
    assert "frame-ancestors 'none'" in policy(set(), set(), header=True)
    assert "unsafe" not in text


def test_policy_meta_goes_first_and_replaces_an_old_one() -> None:
    once = with_policy(_page("<title>x</title>"), "default-src 'self'")
    assert once.index("Content-Security-Policy") < once.index("<title>")
    twice = with_policy(once, "default-src 'none'")
    assert META.findall(twice) == ["default-src 'none'"]
    with pytest.raises(ValueError):
        with_policy("<p>no head</p>", "default-src 'self'")


def test_renderer_hashes_each_page_and_writes_the_union_header(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(_page("<script>one()</script>"), encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub/b.html").write_text(_page("<style>p{}</style>"), encoding="utf-8")
    secure([tmp_path], tmp_path)
    a = META.search((tmp_path / "a.html").read_text(encoding="utf-8"))
    b = META.search((tmp_path / "sub/b.html").read_text(encoding="utf-8"))
    assert a and _sha("one()") in a.group(1) and _sha("p{}") not in a.group(1)
    assert b and _sha("p{}") in b.group(1) and _sha("one()") not in b.group(1)
    header = (tmp_path / "_headers").read_text(encoding="utf-8")
    assert _sha("one()") in header and _sha("p{}") in header and "Referrer-Policy: no-referrer" in header


def test_renderer_refuses_inline_attributes_with_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(_page("", '<img src="x.png" onerror="steal()" alt="">'), encoding="utf-8")
    with pytest.raises(InputError) as error:
        secure([tmp_path], tmp_path)
    assert str(error.value).startswith("a.html:6:7: <img onerror=...> is refused by the Content-Security-Policy")


def test_every_built_page_has_a_policy_matching_its_own_inline_code(demo_site: Path) -> None:
    header = (demo_site / "_headers").read_text(encoding="utf-8")
    pages = sorted(demo_site.rglob("*.html"))
    assert pages
    for page in pages:
        html = page.read_text(encoding="utf-8")
        metas = META.findall(html)
        assert len(metas) == 1, page
        code = inline_code(META.sub("", html))
        hashes = set(re.findall(r"'sha256-[^']+'", metas[0]))
        assert hashes == {_sha(s) for s in code.scripts + code.styles}, page
        assert all(h in header for h in hashes), page


def test_quick_exit_labels_exist_in_every_language() -> None:
    sections = {lang: load_texts(REPO, lang).strings["safety"] for lang in LANGS}
    keys = set(sections["nb"])
    assert {"exit_label", "exit_hidden", "skip_to_content", "press_two_more", "press_one_more", "expired",
            "leaving"} <= keys
    for lang, section in sections.items():
        assert set(section) == keys, lang
        assert all(isinstance(v, str) and v.strip() for v in section.values()), lang


def test_safety_page_is_written_in_every_language_and_built_for_every_municipality(demo_site: Path) -> None:
    default = DEMO.portal.portal.languages[0]
    host = re.sub(r"^www\.", "", DEMO.portal.portal.exit_url.split("/")[2])
    for lang in LANGS:
        page = load_texts(REPO, lang).pages["trygg-pa-nett"]
        assert page.order == 90
    for mid, municipality in DEMO.municipalities.items():
        for lang in DEMO.languages_of(municipality):
            prefix = "" if lang == default else f"{lang}/"
            html = (demo_site / prefix / mid / "trygg-pa-nett/index.html").read_text(encoding="utf-8")
            label = load_texts(REPO, lang).strings["safety"]["exit_label"]
            article = html.split('<article class="md-content__inner md-typeset">', 1)[1]
            assert label in article and host in article, (mid, lang)
            assert f'href="tel:{municipality.contact.phone.e164}"' in article, (mid, lang)
