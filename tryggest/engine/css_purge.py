"""Only the CSS a page uses: the rules of a stylesheet whose selectors can match the page's markup.

A reader on an old phone should not download and parse the theme's 150 KB of CSS for a page that
uses a tenth of it. Each selector is read once into what it needs from the markup (tags, classes,
ids, attributes, attribute values); a page keeps the rules that have at least one selector all of
whose needs its markup meets, and the custom properties those rules use. Pseudo-classes, pseudo-
elements and combinators are not checked, so a rule is kept whenever it might match (``:not(...)``
never removes a rule; ``:is(...)`` and its kin need one of their arguments). Classes and attributes
that scripts add later are named by the caller as part of the vocabulary.

Engine-neutral: it reads CSS and HTML text, nothing else.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import tinycss2
from tinycss2 import ast

# What a selector needs: names that must all be in the page ("t:div", "c:md-header", "i:__search",
# "a:hidden", "v:dir=ltr"), and groups of which one alternative each must be met (from :is()).
Need = tuple[frozenset[str], tuple[tuple["Need", ...], ...]]
ANY_OF = {"is", "where", "matches", "-webkit-any", "-moz-any", "has"}

_START_TAG = re.compile(r"""<([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']+|"[^"]*"|'[^']*')*)>""")
_ATTR = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?""")
_VAR = re.compile(r"var\(\s*(--[\w-]+)")
_ANIMATION = re.compile(r"[\w-]+")


def vocabulary(html: str) -> set[str]:
    """What the markup offers selectors, in the names ``Need`` uses."""
    found: set[str] = set()
    for tag in _START_TAG.finditer(html):
        found |= _tag_vocabulary(tag[1], tag[2])
    return found


@functools.lru_cache(maxsize=8192)
def _tag_vocabulary(tag: str, attributes: str) -> frozenset[str]:
    # Cached: the pages of a portal repeat the same header, menu and footer tags thousands of times.
    found = {f"t:{tag.lower()}"}
    for name, raw in _ATTR.findall(attributes):
        name = name.lower()
        value = raw.strip("\"'") if raw else ""
        found.add(f"a:{name}")
        found.add(f"v:{name}={value}")
        if name == "class":
            found.update(f"c:{word}" for word in value.split())
        elif name == "id":
            found.add(f"i:{value}")
    return frozenset(found)


def script_vocabulary(words: Iterable[str]) -> set[str]:
    """Names a script may add to the page: each word as a class, and as an attribute when it looks like one."""
    found: set[str] = set()
    for word in words:
        found.add(f"c:{word}")
        if word.startswith(("data-", "aria-")) or word in ("hidden", "open"):
            found.add(f"a:{word}")
    return found


@dataclass
class _Rule:
    """One style rule, its selectors read once, and its declarations ready to write."""

    selectors: list[tuple[str, Need]]
    declarations: list[tuple[str, str]]      # (property, "property:value")


@dataclass
class _Block:
    """An at-rule with rules inside (@media, @supports), or one kept as it is (@font-face, @keyframes)."""

    prelude: str
    items: list[_Rule | _Block] = field(default_factory=list)
    text: str = ""                           # the whole at-rule, when it is kept as it is
    keyframes: str = ""                      # the name, for @keyframes


class StyleSheets:
    """Stylesheets parsed once; ``used_by`` gives the part of them one page's vocabulary needs."""

    def __init__(self, sheets: Sequence[str]) -> None:
        self.items: list[_Rule | _Block] = [item for css in sheets for item in _read(css)]
        self.names: set[str] = set()
        for rule in _rules(self.items):
            for _, need in rule.selectors:
                self.names |= _names(need)
        self._cache: dict[frozenset[str], str] = {}

    def used_by(self, page_vocabulary: set[str]) -> str:
        key = frozenset(page_vocabulary & self.names)
        if key not in self._cache:
            self._cache[key] = _write(self.items, key)
        return self._cache[key]


def _read(css: str) -> list[_Rule | _Block]:
    items: list[_Rule | _Block] = []
    for node in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        if isinstance(node, ast.QualifiedRule):
            items.append(_Rule(_selectors(node.prelude), _declarations(node.content)))
        elif isinstance(node, ast.AtRule) and node.lower_at_keyword != "charset":
            # @charset means nothing inside a page's <style>, which is read as the page's text.
            items.append(_at_rule(node))
    return items


def _at_rule(node: ast.AtRule) -> _Block:
    prelude = _compact(node.prelude)
    keyword = node.lower_at_keyword
    if keyword in ("media", "supports", "layer", "container") and node.content is not None:
        inner = tinycss2.serialize(node.content)
        return _Block(f"@{keyword} {prelude}", _read(inner))
    name = prelude if keyword.endswith("keyframes") else ""
    return _Block(f"@{keyword} {prelude}", text=_compact([node]), keyframes=name)


def _compact(tokens: Iterable[ast.Node]) -> str:
    """Tokens written back with runs of white space made one space, and none at either end."""
    text = tinycss2.serialize(tokens)
    return re.sub(r"\s+", " ", text).strip()


def _declarations(content: list[ast.Node] | None) -> list[tuple[str, str]]:
    found = []
    for item in tinycss2.parse_blocks_contents(content or [], skip_comments=True, skip_whitespace=True):
        if isinstance(item, ast.Declaration):
            value = _compact(item.value)
            important = "!important" if item.important else ""
            found.append((item.name, f"{item.name}:{value}{important}"))
    return found


def _selectors(prelude: list[ast.Node]) -> list[tuple[str, Need]]:
    return [(_compact(part), _need(part)) for part in _split(prelude)]


def _split(tokens: list[ast.Node]) -> list[list[ast.Node]]:
    parts: list[list[ast.Node]] = [[]]
    for token in tokens:
        if isinstance(token, ast.LiteralToken) and token.value == ",":
            parts.append([])
        else:
            parts[-1].append(token)
    return [part for part in parts if any(not isinstance(t, ast.WhitespaceToken) for t in part)]


def _need(tokens: list[ast.Node]) -> Need:
    names: set[str] = set()
    groups: list[tuple[Need, ...]] = []
    previous: ast.Node | None = None
    for token in tokens:
        after = previous.value if isinstance(previous, ast.LiteralToken) else None
        if isinstance(token, ast.IdentToken) and after == ".":
            names.add(f"c:{token.value}")
        elif isinstance(token, ast.IdentToken) and after != ":":
            names.add(f"t:{token.value.lower()}")
        elif isinstance(token, ast.HashToken):
            names.add(f"i:{token.value}")
        elif isinstance(token, ast.SquareBracketsBlock):
            names.add(_attribute(token.content))
        elif isinstance(token, ast.FunctionBlock) and after == ":" and token.lower_name in ANY_OF:
            groups.append(tuple(_need(part) for part in _split(token.arguments)))
        previous = token
    return frozenset(names), tuple(groups)


def _attribute(content: list[ast.Node]) -> str:
    tokens = [t for t in content if not isinstance(t, ast.WhitespaceToken)]
    name = tokens[0].value.lower() if tokens and isinstance(tokens[0], ast.IdentToken) else ""
    exact = len(tokens) >= 3 and isinstance(tokens[1], ast.LiteralToken) and tokens[1].value == "="
    if exact and isinstance(tokens[2], ast.IdentToken | ast.StringToken):
        return f"v:{name}={tokens[2].value}"
    return f"a:{name}"


def _names(need: Need) -> set[str]:
    names = set(need[0])
    for group in need[1]:
        for alternative in group:
            names |= _names(alternative)
    return names


def _met(need: Need, offered: frozenset[str]) -> bool:
    return need[0] <= offered and all(any(_met(alt, offered) for alt in group) for group in need[1])


def _rules(items: list[_Rule | _Block]) -> Iterable[_Rule]:
    for item in items:
        if isinstance(item, _Rule):
            yield item
        else:
            yield from _rules(item.items)


@dataclass
class _Kept:
    """A rule that stays: the selectors the page can match, and its declarations."""

    selectors: list[str]
    declarations: list[tuple[str, str]]


def _select(items: list[_Rule | _Block], offered: frozenset[str]) -> list[_Kept | tuple[_Block, list[object]]]:
    kept: list[_Kept | tuple[_Block, list[object]]] = []
    for item in items:
        if isinstance(item, _Rule):
            selectors = [text for text, need in item.selectors if _met(need, offered)]
            if selectors and item.declarations:
                kept.append(_Kept(selectors, item.declarations))
        elif item.text:
            kept.append((item, []))
        else:
            inner = _select(item.items, offered)
            if inner:
                kept.append((item, list(inner)))
    return kept


def _write(items: list[_Rule | _Block], offered: frozenset[str]) -> str:
    kept = _select(items, offered)
    used = _used_properties(kept)
    animations = {word for _, text in _all_declarations(kept) if text.startswith("animation")
                  for word in _ANIMATION.findall(text.split(":", 1)[1])}
    return "".join(_text(entry, used, animations) for entry in kept)


def _all_declarations(kept: Sequence[object]) -> Iterable[tuple[str, str]]:
    for entry in kept:
        if isinstance(entry, _Kept):
            yield from entry.declarations
        elif isinstance(entry, tuple):
            yield from _all_declarations(entry[1])


def _used_properties(kept: Sequence[object]) -> set[str]:
    """Custom properties that a kept declaration reads, directly or through another custom property."""
    declared: dict[str, list[str]] = {}
    wanted: set[str] = set()
    for name, text in _all_declarations(kept):
        refs = _VAR.findall(text)
        if name.startswith("--"):
            declared.setdefault(name, []).extend(refs)
        else:
            wanted.update(refs)
    pending = list(wanted)
    while pending:
        for ref in declared.get(pending.pop(), []):
            if ref not in wanted:
                wanted.add(ref)
                pending.append(ref)
    return wanted


def _text(entry: object, used: set[str], animations: set[str]) -> str:
    if isinstance(entry, _Kept):
        body = ";".join(text for name, text in entry.declarations if not name.startswith("--") or name in used)
        return f"{','.join(entry.selectors)}{{{body}}}" if body else ""
    assert isinstance(entry, tuple)
    block, inner = entry
    if block.text:
        return "" if block.keyframes and block.keyframes not in animations else block.text
    body = "".join(_text(item, used, animations) for item in inner)
    return f"{block.prelude}{{{body}}}" if body else ""
