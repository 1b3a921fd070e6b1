"""Stage 1: read every YAML file, validate it against the model, and check what files share.

Nothing is written here and nothing is half-loaded: either a complete ``Project`` comes back or an
``InputError`` carrying every problem found in every file.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from . import explain
from .campaign import PLAN_YEARS, add_months
from .hours import DAY_KEYS, overlaps
from .model import LANGUAGES, Contact, LanguageMeta, Municipality, NationalFile, PortalFile
from .print_profile import DEFAULT_PROFILE, ProfileError, profile_description
from .problems import InputError, Problem, did_you_mean
from .source import Document, DocumentError, KeyPath, read_document

M = TypeVar("M", bound=BaseModel)

PORTAL_FILE = "municipalities.yml"
# Site folders that are not municipalities: a municipality with one of these ids would collide.
RESERVED_IDS = frozenset({*LANGUAGES, "filer", "regioner", "assets", "search", "schema"})
NATIONAL_FILE = "content/national.yml"
MUNICIPALITY_DIR = "content/municipalities"
META_FILE = "meta.yml"   # content/<lang>/meta.yml
# The plan runs five years past its launch; dates outside these years are typing mistakes.
EARLIEST_LAUNCH, LATEST_LAUNCH = date(2000, 1, 1), date(2100, 12, 31)


@dataclass(frozen=True)
class Project:
    """Everything the later stages need, validated."""

    root: Path
    portal: PortalFile
    municipalities: dict[str, Municipality]
    national: NationalFile
    # content/<lang>/meta.yml of every language the portal builds.
    languages: dict[str, LanguageMeta] = dataclass_field(default_factory=dict)
    # Every file read, by the path shown in messages, so later checks can point at a line.
    documents: dict[str, Document] = dataclass_field(default_factory=dict)

    def languages_of(self, municipality: Municipality) -> list[str]:
        return list(municipality.languages or self.portal.portal.languages)


def load_project(root: Path) -> Project:
    problems: list[Problem] = []
    portal_doc, portal = _load(root / PORTAL_FILE, root, PortalFile, {}, problems)
    national_doc, national = _load(root / NATIONAL_FILE, root, NationalFile, {"short_numbers": True}, problems)
    municipalities: dict[str, Municipality] = {}
    docs: dict[str, Document] = {}
    shared = shared_contacts(portal) if portal else {}
    for key, mid in enumerate(portal.municipalities if portal else []):
        doc, municipality = _load_municipality(root, mid, portal_doc, key, problems, shared.get(mid))
        if doc and municipality:
            municipalities[mid], docs[mid] = municipality, doc
    if portal and portal_doc:
        problems += _check_portal(portal_doc, portal)
        portal = listed_regions(portal)
    for mid, municipality in municipalities.items():
        problems += _check_municipality(docs[mid], municipality)
    if national and national_doc:
        problems += _check_national(national_doc, national, portal, municipalities)
    meta_docs: list[Document] = []
    metas: dict[str, LanguageMeta] = {}
    for lang in needed_languages(portal, municipalities):
        if not (root / "content" / lang).is_dir():
            continue   # the texts stage reports a language without texts (its strings.yml is missing)
        meta_doc, meta = _load(root / "content" / lang / META_FILE, root, LanguageMeta, {}, problems)
        if meta_doc and meta:
            meta_docs.append(meta_doc)
            metas[lang] = meta
    if problems or portal is None or national is None:
        raise InputError(problems)
    documents = {doc.shown_as: doc for doc in [portal_doc, national_doc, *docs.values(), *meta_docs] if doc}
    return Project(root, portal, municipalities, national, metas, documents)


def needed_languages(portal: PortalFile | None, municipalities: dict[str, Municipality]) -> list[str]:
    """Every language some page is built in, in the order of ``LANGUAGES``."""
    needed = set(portal.portal.languages if portal else ["nb"])
    for municipality in municipalities.values():
        needed.update(municipality.languages or [])
    return [lang for lang in LANGUAGES if lang in needed]


def shared_contacts(portal: PortalFile) -> dict[str, Contact]:
    """The region's shared phone for each member of a region that has one (the first region wins)."""
    shared: dict[str, Contact] = {}
    for region in portal.regions:
        if region.contact:
            for member in region.members:
                shared.setdefault(member, region.contact)
    return shared


def _load_municipality(
    root: Path, mid: str, portal_doc: Document | None, key: int, problems: list[Problem],
    shared_contact: Contact | None,
) -> tuple[Document | None, Municipality | None]:
    path = root / MUNICIPALITY_DIR / f"{mid}.yml"
    if not path.is_file() and portal_doc:
        problems.append(portal_doc.problem(("municipalities", key), f"no file {MUNICIPALITY_DIR}/{mid}.yml"))
        return None, None
    # A member without a phone of its own uses its region's: every page, file and QR then shows it.
    defaults = {"contact": shared_contact} if shared_contact else {}
    return _load(path, root, Municipality, {}, problems, defaults)


def _load(
    path: Path, root: Path, model: type[M], context: dict[str, Any], problems: list[Problem],
    defaults: dict[str, Any] | None = None,
) -> tuple[Document | None, M | None]:
    try:
        doc = read_document(path, root)
    except FileNotFoundError:
        problems.append(Problem(path.relative_to(root).as_posix(), 1, 1, "", "file is missing"))
        return None, None
    except DocumentError as exc:
        problems.extend(exc.problems)
        return None, None
    if isinstance(doc.data, dict) and doc.data.get("example") is True:
        # Demo data may use placeholder numbers: the flag is read before validation.
        context = {**context, "example": True}
    data = {**defaults, **doc.data} if defaults and isinstance(doc.data, dict) else doc.data
    try:
        return doc, model.model_validate(data, context=context)
    except ValidationError as exc:
        problems.extend(_explain(doc, model, error) for error in exc.errors())
        return doc, None


def _explain(doc: Document, model: type[BaseModel], error: Any) -> Problem:
    keys: KeyPath = tuple(error["loc"])
    kind = error["type"]
    at_key = kind == "extra_forbidden"
    if keys and keys[-1] == "[key]":
        # pydantic marks a bad key of a mapping (a language code) with this pseudo key.
        keys, at_key = keys[:-1], True
    if kind == "extra_forbidden":
        message = f"unknown key '{keys[-1]}'" + did_you_mean(str(keys[-1]), _known_keys(model, keys[:-1]))
    elif not keys and kind == "model_type":
        message = "the file is empty or not a mapping of keys"
    else:
        message = explain.message(error)
    return doc.problem(keys, message, at_key=at_key)


def _known_keys(model: type[BaseModel], keys: KeyPath) -> list[str]:
    """Field names allowed at ``keys`` inside ``model``, for "did you mean"."""
    current: Any = model
    for key in keys:
        if isinstance(key, int):
            continue
        field = current.model_fields.get(key) if hasattr(current, "model_fields") else None
        current = _inner_model(field.annotation) if field else None
        if current is None:
            return []
    return [f.alias or name for name, f in current.model_fields.items()]


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _inner_model(arg)
        if found:
            return found
    return None


def _check_portal(doc: Document, portal: PortalFile) -> list[Problem]:
    problems = _duplicates(doc, ("municipalities",), portal.municipalities, "municipality")
    problems += _duplicates(doc, ("regions",), [r.id for r in portal.regions], "region", suffix=("id",))
    setting = portal.portal.print_profile
    try:
        profile_description(doc.path.parent / setting.path if setting else DEFAULT_PROFILE)
    except ProfileError as exc:
        problems.append(doc.problem(("portal", "print_profile", "path") if setting else ("portal",), str(exc)))
    return problems


def listed_regions(portal: PortalFile) -> PortalFile:
    """The regions with only the municipalities the portal builds; a region left empty is dropped.

    Taking a municipality off the list then never fails because a region still names it; the
    warnings (``lint``) say which members were left out.
    """
    listed = set(portal.municipalities)
    regions = [region.model_copy(update={"members": [m for m in region.members if m in listed]})
               for region in portal.regions]
    return portal.model_copy(update={"regions": [region for region in regions if region.members]})


def _duplicates(doc: Document, at: KeyPath, values: Sequence[str], what: str,
                suffix: KeyPath = ()) -> list[Problem]:
    seen: set[str] = set()
    problems = []
    for i, value in enumerate(values):
        if value in seen:
            problems.append(doc.problem((*at, i, *suffix), f"{what} '{value}' is listed twice"))
        seen.add(value)
    return problems


def _check_municipality(doc: Document, municipality: Municipality) -> list[Problem]:
    problems = []
    if municipality.id in RESERVED_IDS:
        problems.append(doc.problem(("id",), f"'{municipality.id}' is used by the site itself; choose another id"))
    if municipality.id != doc.path.stem:
        problems.append(doc.problem(("id",), f"id '{municipality.id}' must equal the file name '{doc.path.stem}'"))
    problems += _check_hours(doc, ("contact", "hours"), [h.interval for h in municipality.contact.hours])
    if municipality.campaign:
        problems += _check_phases(doc, municipality)
    return problems


def _check_hours(doc: Document, at: KeyPath, intervals: list[Any]) -> list[Problem]:
    return [
        doc.problem((*at, later), f"overlaps hours[{earlier}] on {DAY_KEYS[day]}")
        for day, earlier, later in overlaps(intervals)
    ]


def _check_phases(doc: Document, municipality: Municipality) -> list[Problem]:
    campaign = municipality.campaign
    assert campaign is not None
    if not EARLIEST_LAUNCH <= campaign.launch <= LATEST_LAUNCH:
        # The other checks count years from the launch, which makes no sense for such a date.
        return [doc.problem(("campaign", "launch"), f"{campaign.launch} is not a likely launch date; "
                            f"use a date from {EARLIEST_LAUNCH.year} to {LATEST_LAUNCH.year}")]
    problems = []
    previous = campaign.launch
    for i, phase in enumerate(campaign.phases):
        if phase.start < campaign.launch:
            problems.append(doc.problem(("campaign", "phases", i, "start"),
                                        f"starts {phase.start}, before the launch on {campaign.launch}"))
        elif phase.start < previous:
            problems.append(doc.problem(("campaign", "phases", i, "start"),
                                        f"starts {phase.start} before {previous}; phases must be in date order"))
        elif phase.start > add_months(campaign.launch, 12 * PLAN_YEARS):
            problems.append(doc.problem(("campaign", "phases", i, "start"), f"starts {phase.start}, more than "
                                        f"{PLAN_YEARS} years after the launch; the plan covers {PLAN_YEARS} years"))
        previous = max(previous, phase.start)
    waves = [p.wave for p in campaign.phases]
    problems += _duplicates(doc, ("campaign", "phases"), waves, "wave", suffix=("wave",))
    for i, placement in enumerate(campaign.placements):
        if campaign.phases and placement.wave and placement.wave not in waves:
            problems.append(doc.problem(("campaign", "placements", i, "wave"),
                                        f"wave '{placement.wave}' is not one of the phases: {', '.join(waves)}"))
    return problems


def _check_national(doc: Document, national: NationalFile, portal: PortalFile | None,
                    municipalities: dict[str, Municipality]) -> list[Problem]:
    needed = set(needed_languages(portal, municipalities))
    problems = _duplicates(doc, ("lines",), [line.id for line in national.lines], "line", suffix=("id",))
    for i, line in enumerate(national.lines):
        for field in ("name", "purpose"):
            missing = sorted(needed - set(getattr(line, field)))
            if missing:
                problems.append(doc.problem(("lines", i, field), f"missing text for {', '.join(missing)}"))
        problems += _check_hours(doc, ("lines", i, "hours"), [h.interval for h in line.hours])
    problems += _duplicates(doc, ("laws",), [law.id for law in national.laws], "law", suffix=("id",))
    for i, law in enumerate(national.laws):
        missing = sorted(needed - set(law.name))
        if missing:
            problems.append(doc.problem(("laws", i, "name"), f"missing text for {', '.join(missing)}"))
    return problems
