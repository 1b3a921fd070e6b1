"""``tryggest new``: a commented YAML file for a new municipality, registered in municipalities.yml.

The new file and the edited list are validated together with the rest of the project in a scratch
copy first; only when that copy loads cleanly are the real files written. An existing file or id is
never overwritten.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import jinja2
import yaml
from pydantic import ValidationError

from .hours import parse_rule
from .load import MUNICIPALITY_DIR, NATIONAL_FILE, PORTAL_FILE, load_project
from .model import HoursEntry
from .phone import parse_phone
from .problems import InputError, Problem
from .source import DocumentError, StrictLoader, read_document

TEMPLATE_DIR = Path(__file__).parent / "templates"

# Letters a slug keeps as their base letter, or spells out (æ -> ae).
SLUG_LETTERS = str.maketrans({
    "æ": "ae", "ø": "o", "å": "a",
    "á": "a", "č": "c", "đ": "d", "ŋ": "n", "š": "s", "ŧ": "t", "ž": "z",
})


@dataclass(frozen=True)
class NewMunicipality:
    name: str
    county: str
    phone: str
    hours: tuple[str, ...]     # "mon-fri 09:00-14:00", one rule each
    unit: str                  # where the coordinator works; the first member of the team
    number: str | None = None
    kind: str = "kommune"
    example: bool = False
    chosen_id: str | None = None   # --id: when two municipalities share a name (Herøy)

    @property
    def id(self) -> str:
        return self.chosen_id or municipality_id(self.name)


def municipality_id(name: str) -> str:
    """The id and file name for ``name``: ``Østre Toten`` -> ``ostre-toten``, ``Porsáŋgu`` -> ``porsangu``."""
    text = name.strip().lower().translate(SLUG_LETTERS)
    # Other accents (é, ä, ö) lose their mark; anything left that is not a-z or 0-9 separates words.
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def parse_hours(rule: str) -> dict[str, str]:
    """``"mon-fri 09:00-14:00"`` (or ``man-fre 9.00–14.00``) as the days/open/close of one hours entry."""
    return parse_rule(rule)


def render_municipality(new: NewMunicipality) -> str:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATE_DIR), undefined=jinja2.StrictUndefined,
                             keep_trailing_newline=True, autoescape=False)
    # A JSON string is a valid double-quoted YAML string, so any name or unit is safe to insert.
    env.filters["q"] = lambda value: json.dumps(str(value), ensure_ascii=False)
    return env.get_template("municipality.yml.j2").render(
        id=new.id, name=new.name, kind=new.kind, number=new.number, county=new.county, example=new.example,
        phone=new.phone, hours=[parse_hours(rule) for rule in new.hours], unit=new.unit)


def create_municipality(root: Path, new: NewMunicipality) -> Path:
    """Write ``content/municipalities/<id>.yml`` and list the id; raise InputError and write nothing on any problem."""
    mid = new.id
    shown = f"{MUNICIPALITY_DIR}/{mid}.yml"
    _refuse_existing(root, mid, shown)
    try:
        text = render_municipality(new)
    except ValueError as exc:
        raise InputError([Problem(shown, 1, 1, "contact.hours", str(exc))]) from None
    portal_text = (root / PORTAL_FILE).read_text(encoding="utf-8")
    new_portal_text = add_to_list(portal_text, mid)
    try:
        _validate_in_scratch_copy(root, mid, text, new_portal_text)
    except InputError as exc:
        raise InputError([_with_example_hint(p) if not new.example else p for p in exc.problems]) from None
    target = root / shown
    with target.open("x", encoding="utf-8", newline="\n") as out:
        out.write(text)
    try:
        _replace_text(root / PORTAL_FILE, new_portal_text)
    except OSError:
        target.unlink()
        raise
    return target


def _with_example_hint(problem: Problem) -> Problem:
    if problem.key != "contact.phone":
        return problem
    return replace(problem, message=problem.message + "; for demo data with a placeholder number, use --example")


def _refuse_existing(root: Path, mid: str, shown: str) -> None:
    if not mid:
        raise InputError([Problem(shown, 1, 1, "name", "the name needs at least one letter or digit")])
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", mid):
        raise InputError([Problem(shown, 1, 1, "id", f"'{mid}' is not an id; use a-z, 0-9 and -, e.g. heroy-nordland")])
    if (root / shown).exists():
        raise InputError([Problem(shown, 1, 1, "", "the file already exists; edit it instead (nothing was overwritten)")])
    try:
        portal = read_document(root / PORTAL_FILE, root)
    except DocumentError as exc:
        raise InputError(exc.problems) from None
    listed = portal.data.get("municipalities") if isinstance(portal.data, dict) else None
    if isinstance(listed, list) and mid in listed:
        raise InputError([portal.problem(("municipalities", listed.index(mid)),
                                         f"'{mid}' is already listed (nothing was changed)")])


def _validate_in_scratch_copy(root: Path, mid: str, text: str, portal_text: str) -> None:
    """Load the project as it would be after the change; the real files are not touched."""
    with tempfile.TemporaryDirectory(prefix="tryggest-new-") as scratch_name:
        scratch = Path(scratch_name)
        shutil.copytree(root / MUNICIPALITY_DIR, scratch / MUNICIPALITY_DIR)
        shutil.copy2(root / NATIONAL_FILE, scratch / NATIONAL_FILE)
        (scratch / PORTAL_FILE).write_text(portal_text, encoding="utf-8")
        (scratch / MUNICIPALITY_DIR / f"{mid}.yml").write_text(text, encoding="utf-8")
        load_project(scratch)


def _replace_text(path: Path, text: str) -> None:
    temporary = path.with_name(f".{path.name}.new")
    temporary.write_text(text, encoding="utf-8", newline="\n")
    os.replace(temporary, path)


def add_to_list(portal_text: str, mid: str) -> str:
    """``portal_text`` with ``mid`` appended to its ``municipalities:`` list; comments and layout kept.

    The text is edited where the list ends rather than dumped again, so the file keeps its
    comments, its order and its flow or block style.
    """
    node = yaml.compose(portal_text, Loader=StrictLoader)
    sequence = _municipalities_node(node)
    if sequence.flow_style:
        if not sequence.value:
            closing = sequence.end_mark.index - 1      # the "]"
            return portal_text[:closing] + mid + portal_text[closing:]
        after_last = sequence.value[-1].end_mark.index
        return portal_text[:after_last] + ", " + mid + portal_text[after_last:]
    last = sequence.value[-1]
    lines = portal_text.splitlines(keepends=True)
    dash_line = lines[last.start_mark.line]
    indent = dash_line[: len(dash_line) - len(dash_line.lstrip())]
    after = last.end_mark.line + (0 if last.end_mark.column == 0 else 1)
    if after > 0 and not lines[after - 1].endswith("\n"):
        lines[after - 1] += "\n"
    lines.insert(after, f"{indent}- {mid}\n")
    return "".join(lines)


def _municipalities_node(node: yaml.Node | None) -> yaml.SequenceNode:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == "municipalities" and isinstance(value, yaml.SequenceNode):
                return value
    raise InputError([Problem(PORTAL_FILE, 1, 1, "municipalities", "no 'municipalities:' list to add the new id to")])


# Option -> question, asked in a terminal when the option was not given.
QUESTIONS: dict[str, str] = {
    "name": "Navnet på kommunen (name), f.eks. Østre Toten: ",
    "number": "Kommunenummer fra SSB (four digits), f.eks. 3442: ",
    "county": "Fylke (county), f.eks. Innlandet: ",
    "phone": "TryggEst-telefon (phone), f.eks. +47 33 41 60 00: ",
    "hours": "Åpningstid (hours), f.eks. mon-fri 09:00-14:00 (flere: skill med ;): ",
    "unit": "Enheten til koordinatoren (coordinator's unit), f.eks. Helse og omsorg: ",
}


class MissingOptions(Exception):
    def __init__(self, names: list[str]) -> None:
        self.names = names
        super().__init__("missing " + ", ".join(f"--{name}" for name in names))


def needed_options(kind: str) -> list[str]:
    return [name for name in QUESTIONS if name != "number" or kind == "kommune"]


def fill_in(values: dict[str, str | None], kind: str, ask: Callable[[str], str] | None, example: bool = False,
            tell: Callable[[str], None] = print) -> dict[str, str]:
    """Every needed option: given ones as they are, the rest asked with ``ask`` (None: not in a terminal).

    Each typed answer is checked at once and asked again until it is usable, so no answer is lost
    to a mistake in another one. Given options are checked with the whole file when it is written.
    """
    missing = [name for name in needed_options(kind) if not values.get(name)]
    if missing and ask is None:
        raise MissingOptions(missing)
    answers = {name: str(value) for name, value in values.items() if value}
    for name in missing:
        assert ask is not None
        while True:
            answer = ask(QUESTIONS[name]).strip()
            problem = answer_problem(name, answer, example) if answer else None
            if answer and problem is None:
                break
            if problem:
                tell(f"  {problem}. Prøv igjen (try again).")
        answers[name] = answer
    return answers


def answer_problem(name: str, answer: str, example: bool) -> str | None:
    """Why one typed answer cannot be used, or None when it can."""
    if name == "name" and not municipality_id(answer):
        return "the name needs at least one letter or digit"
    if name == "number" and not re.fullmatch(r"[0-9]{4}", answer):
        return f"'{answer}' is not a municipality number; it has four digits, e.g. 3442"
    if name == "phone":
        try:
            parse_phone(answer, placeholder_ok=example)
        except ValueError as exc:
            return str(exc)
    if name == "hours":
        return _hours_problem(answer)
    return None


def _hours_problem(answer: str) -> str | None:
    rules = [rule.strip() for rule in answer.split(";") if rule.strip()]
    for rule in rules:
        try:
            HoursEntry.model_validate(parse_rule(rule))
        except ValueError as exc:
            errors = exc.errors() if isinstance(exc, ValidationError) else []
            return str(errors[0]["msg"]).removeprefix("Value error, ") if errors else str(exc)
    return None if rules else "write at least one rule, e.g. mon-fri 09:00-14:00"


EXAMPLE_QUESTION = "Er dette eksempeldata med plassholdernummer (example)? j/n [n]: "


def ask_example(ask: Callable[[str], str] | None) -> bool:
    """Asked only in a terminal when neither --example nor --no-example was given."""
    return ask is not None and ask(EXAMPLE_QUESTION).strip().lower() in ("j", "ja", "y", "yes")


def from_answers(answers: dict[str, str], kind: str, example: bool, chosen_id: str | None = None) -> NewMunicipality:
    rules = tuple(rule.strip() for rule in answers["hours"].split(";") if rule.strip())
    return NewMunicipality(name=answers["name"], county=answers["county"], phone=answers["phone"], hours=rules,
                           unit=answers["unit"], number=answers.get("number"), kind=kind, example=example,
                           chosen_id=chosen_id)


PLACEHOLDER_BASE_URL = "https://tryggest.example.no/"
BASE_URL_QUESTION = ("Adressen nettstedet skal publiseres på (base_url), f.eks. https://tryggest.kommune.no/ "
                     "[tom: fyll inn senere]: ")


def ask_base_url(given: str | None, ask: Callable[[str], str] | None) -> str:
    """The portal's address, ending in /; a placeholder (refused by ``check --publish``) when not known yet."""
    while True:
        answer = (given if given is not None else ask(BASE_URL_QUESTION) if ask else "").strip()
        if not answer:
            return PLACEHOLDER_BASE_URL
        url = answer if answer.endswith("/") else answer + "/"
        if re.fullmatch(r"https?://[^\s/]+\.[^\s]+/", url):
            return url
        if given is not None or ask is None:
            raise InputError([Problem(PORTAL_FILE, 1, 1, "portal.base_url",
                                      f"'{answer}' is not a web address; write it as https://tryggest.kommune.no/")])
        print(f"'{answer}' er ikke en nettadresse. Skriv den som https://tryggest.kommune.no/")
