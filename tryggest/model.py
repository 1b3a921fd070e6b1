"""The data contract (DESIGN.md section 3) as a declared schema.

Field names are the public interface of the YAML files. Each model validates the shape and the
rules of one value; rules that relate two files (ids, regions, languages) live in ``load``.
"""

from __future__ import annotations

from datetime import date, time
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainValidator,
    ValidationInfo,
    WithJsonSchema,
    model_validator,
)

from .hours import Interval, parse_days, parse_time
from .phone import Phone, parse_phone

Lang = Literal["nb", "nn", "en", "se"]
LANGUAGES: tuple[str, ...] = ("nb", "nn", "en", "se")
Product = Literal["brochure", "card", "poster-a4", "poster-a3", "poster-tabs", "sticker"]
Wave = Literal["employees", "partners", "businesses", "associations", "citizens"]
WAVES: tuple[str, ...] = ("employees", "partners", "businesses", "associations", "citizens")
HelpKind = Literal[
    "krisesenter", "overgrepsmottak", "legevakt", "politi", "familievern", "incestsenter", "annet"
]


def _phone(value: Any, info: ValidationInfo, short: bool = False) -> Phone:
    if isinstance(value, Phone):
        return value
    if not isinstance(value, str):
        raise ValueError("write the phone number in quotes, e.g. \"+47 33 41 60 00\"")
    context = info.context or {}
    return parse_phone(value, allow_short=short or context.get("short_numbers", False),
                       placeholder_ok=context.get("example", False))


def _service_phone(value: Any, info: ValidationInfo) -> Phone:
    return _phone(value, info, short=True)


PhoneNumber = Annotated[
    Phone,
    PlainValidator(_phone),
    WithJsonSchema({"type": "string", "description": "Norwegian phone number, e.g. \"+47 33 41 60 00\""}),
]
ServiceNumber = Annotated[
    Phone,
    PlainValidator(_service_phone),
    WithJsonSchema({"type": "string", "description": "Norwegian phone or service number, e.g. \"116 117\""}),
]
Days = Annotated[
    tuple[int, ...],
    BeforeValidator(parse_days),
    WithJsonSchema({"type": "string", "pattern": "^[a-z, -]+$", "examples": ["mon-fri", "mon,wed", "sat"]}),
]
ClockTime = Annotated[
    time,
    BeforeValidator(parse_time),
    WithJsonSchema({"type": "string", "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$"}),
]
Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=60)]
Url = Annotated[str, Field(pattern=r"^https://[^\s/]+\.[^\s]+$")]
Text = Annotated[str, Field(min_length=1)]
Localised = dict[Lang, Text]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class HoursEntry(Strict):
    days: Days
    opens: ClockTime = Field(alias="open")
    closes: ClockTime = Field(alias="close")

    @model_validator(mode="after")
    def _opens_before_closing(self) -> HoursEntry:
        if self.opens >= self.closes:
            raise ValueError(f"opens at {self.opens:%H:%M} but closes at {self.closes:%H:%M}; 'open' must be earlier")
        return self

    @property
    def interval(self) -> Interval:
        return Interval(self.days, self.opens, self.closes)


class Contact(Strict):
    phone: PhoneNumber
    hours: list[HoursEntry] = Field(min_length=1)
    closed_on_public_holidays: bool = True
    email: Annotated[str, Field(pattern=r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$")] | None = None


class Coordinator(Strict):
    role: Text = "TryggEst-koordinator"
    unit: Text


class Meetings(Strict):
    every_days: Annotated[int, Field(ge=1, le=366)]


class Team(Strict):
    coordinator: Coordinator
    members: list[Text] = Field(min_length=1)
    meets: Meetings
    launched: date | None = None


class LocalHelp(Strict):
    kind: HelpKind
    name: Text
    phone: ServiceNumber | None = None
    web: Url | None = None
    open_all_hours: bool = False
    note: Localised = {}


class Phase(Strict):
    wave: Wave
    start: date


class Placement(Strict):
    where: Text
    product: Product
    copies: Annotated[int, Field(ge=1, le=1_000_000)]
    wave: Wave | None = None


class Campaign(Strict):
    launch: date
    phases: list[Phase] = []
    placements: list[Placement] = []


class Branding(Strict):
    accent: Annotated[str, Field(pattern=r"^#[0-9a-fA-F]{6}$")] = "#005a8c"


class Municipality(Strict):
    id: Slug
    name: Text
    official_names: dict[Annotated[str, Field(pattern=r"^[a-z]{2,3}$")], Text] = {}
    kind: Literal["kommune", "bydel"] = "kommune"
    number: Annotated[str, Field(pattern=r"^[0-9]{4}$")] | None = None
    county: Text
    languages: list[Lang] | None = None
    example: bool = False
    accessibility_statement: Url | None = None
    contact: Contact
    team: Team
    local_help: list[LocalHelp] = []
    campaign: Campaign | None = None
    branding: Branding = Branding()

    @model_validator(mode="after")
    def _kommune_has_number(self) -> Municipality:
        if self.kind == "kommune" and self.number is None:
            raise ValueError("a kommune needs its four-digit SSB 'number'")
        return self


class Portal(Strict):
    title: Text = "TryggEst"
    base_url: Annotated[str, Field(pattern=r"^https?://[^\s]+/$")]
    languages: list[Lang] = Field(default=["nb", "nn", "en"], min_length=1)
    exit_url: Url = "https://www.yr.no/"
    print_date: date | None = None


class Region(Strict):
    id: Slug
    name: Text
    members: list[Slug] = Field(min_length=1)


class PortalFile(Strict):
    portal: Portal
    regions: list[Region] = []
    municipalities: list[Slug] = Field(min_length=1)


class NationalLine(Strict):
    id: Slug
    number: ServiceNumber
    name: Localised
    purpose: Localised
    emergency: bool = False
    open_all_hours: bool = False
    hours: list[HoursEntry] = []
    hours_note: Localised = {}
    verified: date
    source: Url


class NationalFile(Strict):
    lines: list[NationalLine] = Field(min_length=1)
