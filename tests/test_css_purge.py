"""The CSS purge keeps exactly the rules a page can use (tryggest/engine/css_purge.py), and the engine
inlines that CSS into every page instead of linking the theme's stylesheets."""

from __future__ import annotations

import re
from pathlib import Path

from tryggest.engine.css_purge import StyleSheets, script_vocabulary, vocabulary
from tryggest.engine.pages import LeanPages

PAGE = '<html dir="ltr"><body class="page"><nav id="menu" hidden><a class="link link--on" href="#">x</a></nav></body></html>'


def purged(css: str, html: str = PAGE, extra: set[str] | None = None) -> str:
    return StyleSheets([css]).used_by(vocabulary(html) | (extra or set()))


def test_rules_for_markup_the_page_has_stay_and_the_rest_go() -> None:
    css = ".link{color:red}.table{color:blue}nav a{margin:0}table td{padding:0}#menu{top:0}#other{top:1px}"
    assert purged(css) == ".link{color:red}nav a{margin:0}#menu{top:0}"


def test_a_selector_list_keeps_only_the_selectors_that_can_match() -> None:
    assert purged(".link,.missing,body .page{color:red}") == ".link,body .page{color:red}"


def test_attribute_values_must_match_exactly_but_other_attribute_tests_need_only_the_name() -> None:
    css = "[dir=ltr] a{margin-left:1em}[dir=rtl] a{margin-right:1em}[hidden]{display:none}[class^=li]{x:y}"
    assert purged(css) == "[dir=ltr] a{margin-left:1em}[hidden]{display:none}[class^=li]{x:y}"


def test_not_never_removes_a_rule_and_is_needs_one_of_its_arguments() -> None:
    css = ("a:not(.missing){color:red}:is(.missing,.link){color:blue}:where(.gone,.absent){color:green}"
           'a:hover::before{content:""}')
    assert purged(css) == "a:not(.missing){color:red}:is(.missing,.link){color:blue}a:hover::before{content:\"\"}"


def test_media_blocks_keep_their_used_rules_and_vanish_when_empty() -> None:
    css = "@media screen and (min-width:45em){.link{color:red}.gone{color:blue}}@media print{.gone{color:red}}"
    assert purged(css) == "@media screen and (min-width:45em){.link{color:red}}"


def test_custom_properties_stay_only_when_a_kept_rule_reads_them() -> None:
    css = (":root{--used:var(--base);--base:red;--unused:url('data:image/svg+xml;x');--icon:blue}"
           ".link{color:var(--used)}.gone{color:var(--icon)}")
    assert purged(css) == ":root{--used:var(--base);--base:red}.link{color:var(--used)}"


def test_keyframes_stay_only_when_a_kept_rule_animates_with_them() -> None:
    css = ("@keyframes spin{to{transform:rotate(1turn)}}@keyframes fade{to{opacity:0}}"
           ".link{animation:spin 1s}.gone{animation:fade 1s}")
    assert purged(css) == "@keyframes spin{to{transform:rotate(1turn)}}.link{animation:spin 1s}"


def test_classes_a_script_adds_later_keep_their_rules() -> None:
    css = ".tg-leaving{display:none}.tg-other{color:red}"
    assert purged(css, extra=script_vocabulary({"tg-leaving", "data-state"})) == ".tg-leaving{display:none}"
    assert "a:data-state" in script_vocabulary({"data-state"})


def test_important_and_white_space_are_written_compactly() -> None:
    css = "/* a comment */\n.link {\n  color: red !important;\n  margin: 0   1px;\n}\n"
    assert purged(css) == ".link{color:red!important;margin:0 1px}"


def test_the_engine_inlines_the_linked_stylesheets_and_keeps_scripts_words(tmp_path: Path) -> None:
    theme = tmp_path / "theme"
    (theme / "assets").mkdir(parents=True)
    (theme / "assets/a.css").write_text(".link{color:red}.gone{color:blue}.tg-on{color:green}", encoding="utf-8")
    (theme / "assets/b.css").write_text("nav{margin:0}", encoding="utf-8")
    (theme / "assets/s.js").write_text('el.classList.add("tg-on");', encoding="utf-8")
    html = ('<html><head><meta charset="utf-8">\n<link rel="stylesheet" href="../assets/a.css">\n'
            '<link rel="stylesheet" href="/assets/b.css">\n<link rel="icon" href="../assets/i.svg"></head>'
            '<body><nav><a class="link" href="#">x</a></nav>'
            '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'
            '<script src="../assets/s.js" defer></script></body></html>')
    page = LeanPages([tmp_path / "missing", theme]).apply(html, "municipality/index.html")
    assert '<style>.link{color:red}.tg-on{color:green}nav{margin:0}</style>' in page
    assert 'rel="stylesheet"' not in page and 'rel="icon"' in page
    assert "autocomplete" not in page, "HTML allows autocomplete on text-like inputs only"


def test_every_page_of_the_demo_carries_its_css_inline_and_links_none(demo_site: Path) -> None:
    pages = [p for p in demo_site.rglob("*.html") if "filer" not in p.parts]
    assert len(pages) > 400
    sizes = []
    for page in pages:
        html = page.read_text(encoding="utf-8")
        # Only a web font's stylesheet stays a link: its font addresses are relative to it.
        links = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
        assert all("assets/fonts/" in href for href in links), page
        style = re.search(r"<style>(.*?)</style>", html, re.S)
        assert style and ".md-header{" in style[1] and ".tg-exit__button{" in style[1], page
        sizes.append(len(style[1]))
    full = sum(p.stat().st_size for p in (demo_site / "assets").rglob("*.css"))
    assert max(sizes) < full / 4, "a page carries a small part of the theme's CSS"
