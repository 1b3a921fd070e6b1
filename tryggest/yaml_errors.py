"""YAML syntax errors in plain words, at the line to fix.

The parser reports where it gave up, which is often lines after the mistake. The three mistakes
editors make most are found in the text itself: a tab in the indentation, a quote that opens and
never closes (the line where it opens), and a key that is out of line with the keys around it.
Each message is Norwegian first, then English. Anything else keeps the parser's own words.
"""

from __future__ import annotations

import re

import yaml

_INDENT_PROBLEMS = ("mapping values are not allowed", "did not find expected key", "expected <block end>",
                    "did not find expected '-' indicator")
_OPENS_SCALAR = ":-[{,"


def explain_syntax(text: str, error: yaml.MarkedYAMLError) -> tuple[int, int, str]:
    """Line, column and message for a syntax error in ``text``."""
    mark = error.problem_mark or error.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    lines = text.splitlines()
    for number, content in enumerate(lines[:line], start=1):
        indent = content[: len(content) - len(content.lstrip(" \t"))]
        if "\t" in indent:
            return number, indent.index("\t") + 1, (f"tabulator på linje {number}: bruk mellomrom til innrykk "
                                                    f"(a tab on line {number}: indent with spaces)")
    if error.context == "while scanning a quoted scalar" and error.context_mark:
        opened = error.context_mark
        return opened.line + 1, opened.column + 1, _unclosed(opened.line + 1)
    for number, content in enumerate(lines[:line], start=1):
        column = _unclosed_quote(content)
        if column:
            return number, column, _unclosed(number)
    problem = str(error.problem or "")
    if any(problem.startswith(p) for p in _INDENT_PROBLEMS) and mark and _out_of_line(lines, mark.line):
        content = lines[mark.line]
        key = _key_of(content)
        return mark.line + 1, len(content) - len(content.lstrip()) + 1, (
            f"innrykket stemmer ikke: '{key}' på linje {mark.line + 1} står ikke på linje med nøklene den hører "
            f"sammen med (wrong indent: '{key}' is out of line with the keys around it)")
    if problem.startswith("mapping values are not allowed"):
        return line, col, ("kolon inne i en verdi: sett verdien i anførselstegn "
                           "(a ':' inside a value: put the value in quotes)")
    return line, col, f"YAML syntax error: {error.problem}"


def _unclosed(number: int) -> str:
    return (f"anførselstegnet som åpner på linje {number}, blir ikke lukket "
            f"(the quote that opens on line {number} is never closed)")


def _unclosed_quote(content: str) -> int:
    """The column of a quote that opens a value on this line and is not closed on it, or 0."""
    quote, start, previous = "", 0, ""
    for index, char in enumerate(content):
        if quote:
            if char == quote and not (quote == '"' and content[index - 1] == "\\"):
                quote = ""
        elif char in "\"'" and (previous == "" or previous in _OPENS_SCALAR):
            quote, start = char, index + 1
        elif char == "#" and (index == 0 or content[index - 1] in " \t"):
            break
        if char != " ":
            previous = char if not quote or char in "\"'" else previous
    return start if quote else 0


def _out_of_line(lines: list[str], index: int) -> bool:
    """Is line ``index`` indented unlike the line before it, where that line does not open a block?"""
    def indent(content: str) -> int:
        return len(content) - len(content.lstrip(" "))

    before = [c for c in lines[:index] if c.strip() and not c.lstrip().startswith("#")]
    if index >= len(lines) or not before:
        return False
    previous, current = before[-1], lines[index]
    opens_block = re.search(r":\s*(#.*)?$", previous) is not None
    return indent(current) != indent(previous) and not (opens_block and indent(current) > indent(previous))


def _key_of(content: str) -> str:
    stripped = content.strip()
    return stripped.split(":", 1)[0].strip() if ":" in stripped else stripped
