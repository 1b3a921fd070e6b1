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
    PlainSerializer,
    PlainValidator,
    ValidationInfo,
    WithJsonSchema,
    model_validator,
)

from .hours import RULE_EXAMPLE, Interval, parse_days, parse_rule, parse_time
from .phone import Phone, parse_phone

Lang = Literal["nb", "nn", "en", "se", "pl", "lt", "uk", "ar", "so", "ti"]
LANGUAGES: tuple[str, ...] = ("nb", "nn", "en", "se", "pl", "lt", "uk", "ar", "so", "ti")
PRODUCTS: tuple[str, ...] = ("brochure", "card", "poster-a4", "poster-a3", "poster-tabs", "sticker")
# The same products as the file names call them, so a Norwegian editor can write what she sees.
PRODUCT_ALIASES: dict[str, str] = {
    "brosjyre": "brochure", "visittkort": "card", "plakat-a4": "poster-a4", "plakat-a3": "poster-a3",
    "plakat-rivelapper": "poster-tabs", "klistremerke": "sticker",
}


def _product_alias(value: Any) -> Any:
    return PRODUCT_ALIASES.get(value, value) if isinstance(value, str) else value


Product = Annotated[
    Literal["brochure", "card", "poster-a4", "poster-a3", "poster-tabs", "sticker"],
    BeforeValidator(_product_alias),
    WithJsonSchema({"type": "string", "enum": [*PRODUCTS, *PRODUCT_ALIASES]}),
]
Wave = Literal["employees", "partners", "businesses", "associations", "citizens"]
WAVES: tuple[str, ...] = ("employees", "partners", "businesses", "associations", "citizens")
HelpKind = Literal[
    "krisesenter", "overgrepsmottak", "legevakt", "barnevernvakt", "politi", "familievern", "incestsenter", "annet"
]
# Who picks up the TryggEst phone: the team in turns, the (inter-municipal) legevakt, or another service.
AnsweredByKind = Literal["team", "legevakt", "tjeneste"]


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
    PlainSerializer(lambda phone: phone.e164, return_type=str),
    WithJsonSchema({"type": "string", "description": "Norwegian phone number, e.g. \"+47 33 41 60 00\""}),
]
ServiceNumber = Annotated[
    Phone,
    PlainValidator(_service_phone),
    PlainSerializer(lambda phone: phone.e164, return_type=str),
    WithJsonSchema({"type": "string", "description": "Norwegian phone or service number, e.g. \"116 117\""}),
]
Days = Annotated[
    tuple[int, ...],
    BeforeValidator(parse_days),
    WithJsonSchema({"type": "string", "pattern": "^[a-zø, -]+$", "examples": ["mon-fri", "mon,wed", "sat", "man-fre"]}),
]
ClockTime = Annotated[
    time,
    BeforeValidator(parse_time),
    WithJsonSchema({"type": "string", "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$"}),
]
Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=60)]
# No quotes or angle brackets: a URL is printed into HTML attributes and Markdown links as it is.
Url = Annotated[str, Field(pattern=r"^https://[^\s/\"'<>]+\.[^\s\"'<>]+$")]
Text = Annotated[str, Field(min_length=1)]
Localised = dict[Lang, Text]


def about(nb: str, en: str) -> str:
    """Help text shown by editors (JSON Schema ``description``): Bokmål first, then English."""
    return f"{nb}\n\nEN: {en}"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class HoursEntry(Strict):
    days: Days = Field(description=about("Dager: mon-fri, mon,wed eller sat (engelske forkortelser).",
                                         "Days: mon-fri, mon,wed or sat."))
    opens: ClockTime = Field(alias="open", description=about("Åpner, som \"09:00\".", "Opens, as \"09:00\"."))
    closes: ClockTime = Field(alias="close", description=about("Stenger, som \"14:00\". Må være etter åpning.",
                                                               "Closes, as \"14:00\". Must be after opening."))

    @model_validator(mode="after")
    def _opens_before_closing(self) -> HoursEntry:
        if self.opens >= self.closes:
            raise ValueError(f"opens at {self.opens:%H:%M} but closes at {self.closes:%H:%M}; 'open' must be earlier")
        return self

    @property
    def interval(self) -> Interval:
        return Interval(self.days, self.opens, self.closes)


class AnsweredBy(Strict):
    kind: AnsweredByKind = Field("team", description=about(
        "Hvem som svarer: team (de i teamet bytter på), legevakt eller tjeneste (en annen tjeneste, gi navnet).",
        "Who answers: team (members take turns), legevakt, or tjeneste (another service: give its name)."))
    name: Text | None = Field(None, description=about(
        "Navnet på tjenesten som svarer, som \"Gjøvik interkommunale legevakt\".",
        "Name of the service that answers."))

    @model_validator(mode="after")
    def _service_is_named(self) -> AnsweredBy:
        if self.kind == "tjeneste" and not self.name:
            raise ValueError("'tjeneste' needs the service's 'name'")
        return self


def _rule_from_text(value: Any) -> Any:
    return parse_rule(value) if isinstance(value, str) else value


# One opening-hours rule: {days: mon-fri, open: "09:00", close: "14:00"}, or the same on one line as
# "man-fre 9.00-14.00", the way `tryggest new` and the guide write it.
RULE_PATTERN = r"^\S+\s+\d{1,2}[:.]\d{2}\s*[-–—]\s*\d{1,2}[:.]\d{2}$"   # HOURS_RULE, in JSON Schema's regex dialect
HoursRuleText = Annotated[str, Field(pattern=RULE_PATTERN, examples=[RULE_EXAMPLE, "man-fre 9.00-14.00"],
                                     description=about("Dager og tid på én linje, som \"man-fre 9.00-14.00\".",
                                                       "Days and times on one line, e.g. \"mon-fri 09:00-14:00\"."))]
HoursRule = Annotated[HoursEntry, BeforeValidator(_rule_from_text, json_schema_input_type=HoursRuleText | HoursEntry)]


class Contact(Strict):
    phone: PhoneNumber = Field(description=about("TryggEst-nummeret, i anførselstegn: \"+47 33 41 60 00\".",
                                                 "The TryggEst phone number, in quotes."))
    hours: list[HoursRule] = Field(min_length=1, description=about(
        "Når telefonen er åpen (norsk tid). Én linje per regel: {days: mon-fri, open: \"09:00\", close: \"14:00\"} "
        "eller \"man-fre 9.00-14.00\".",
        "When the phone is answered (Norwegian time), one rule a line, as an entry or as \"mon-fri 09:00-14:00\"."))
    closed_on_public_holidays: bool = Field(True, description=about(
        "true: stengt på helligdager.", "true: closed on public holidays."))
    email: Annotated[str, Field(pattern=r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$")] | None = Field(
        None, description=about("E-post til teamet (valgfritt).", "The team's e-mail address (optional)."))
    sms: PhoneNumber | None = Field(None, description=about(
        "Nummer som tar imot SMS (valgfritt), for dem som ikke kan ringe.",
        "A number that takes text messages (optional), for readers who cannot call."))
    answered_by: AnsweredBy = Field(default_factory=AnsweredBy, description=about(
        "Hvem som tar telefonen.", "Who picks up the phone."))
    interpreter: bool = Field(False, description=about(
        "true: teamet kan skaffe tolk.", "true: the team can arrange an interpreter."))


class Coordinator(Strict):
    role: Text = Field("TryggEst-koordinator", description=about("Tittelen til den som leder teamet.",
                                                                 "Title of the person who leads the team."))
    unit: Text = Field(description=about("Enheten koordinatoren hører til.", "The unit the coordinator belongs to."))


class Meetings(Strict):
    every_days: Annotated[int, Field(ge=1, le=366)] = Field(description=about(
        "Hvor ofte teamet møtes, i dager.", "How often the team meets, in days."))


class Team(Strict):
    coordinator: Coordinator = Field(description=about("Hvem som leder teamet.", "Who leads the team."))
    members: list[Text] = Field(min_length=1, description=about(
        "Tjenestene i teamet (enheter, ikke navn på personer).", "The services in the team (units, not people)."))
    meets: Meetings = Field(description=about("Hvor ofte teamet møtes.", "How often the team meets."))
    launched: date | None = Field(None, description=about("Startdato, som 2024-02-13.", "Start date, as 2024-02-13."))


# Local help a reader may need at once: listed only with a number to call.
PHONE_REQUIRED = frozenset({"krisesenter", "barnevernvakt"})


class LocalHelp(Strict):
    kind: HelpKind = Field(description=about("Slag hjelp.", "Kind of help."))
    name: Text = Field(description=about("Navnet på stedet.", "Name of the service."))
    phone: ServiceNumber | None = Field(None, description=about("Telefonnummer (valgfritt).", "Phone number (optional)."))
    web: Url | None = Field(None, description=about("Nettside, med https:// (valgfritt).",
                                                    "Web page, with https:// (optional)."))
    open_all_hours: bool = Field(False, description=about("true: åpent hele døgnet.", "true: open day and night."))
    note: Localised = Field(default_factory=dict, description=about(
        "Kort merknad per språk: {nb: ..., nn: ..., en: ...}.", "Short note per language."))

    @model_validator(mode="after")
    def _crisis_centre_can_be_reached(self) -> LocalHelp:
        # A reader who needs a safe place tonight must be able to call: a name alone helps no one.
        if self.kind in PHONE_REQUIRED and self.phone is None:
            raise ValueError(f"a {self.kind} needs a 'phone' so readers can reach it")
        return self


class Phase(Strict):
    wave: Wave = Field(description=about("Hvem kampanjen når i denne fasen.", "Who this phase of the campaign reaches."))
    start: date = Field(description=about("Startdato, som 2025-01-06.", "Start date, as 2025-01-06."))


class Placement(Strict):
    where: Text = Field(description=about("Hvor materiellet skal henge eller ligge.", "Where the material goes."))
    product: Product = Field(description=about("Hvilken trykksak.", "Which printed item."))
    copies: Annotated[int, Field(ge=1, le=1_000_000)] = Field(description=about("Antall eksemplarer.", "Number of copies."))
    wave: Wave | None = Field(None, description=about("Fasen dette hører til (valgfritt).",
                                                      "The phase this belongs to (optional)."))


class Campaign(Strict):
    launch: date = Field(description=about("Dato kampanjen starter.", "Date the campaign starts."))
    phases: list[Phase] = Field(default_factory=list, description=about("Fasene i kampanjen, i datorekkefølge.",
                                                                         "The campaign's phases, in date order."))
    placements: list[Placement] = Field(default_factory=list, description=about(
        "Hvor trykksakene skal, og hvor mange.", "Where the printed items go, and how many."))


class Branding(Strict):
    accent: Annotated[str, Field(pattern=r"^#[0-9a-fA-F]{6}$")] = Field("#005a8c", description=about(
        "Profilfarge som #005a8c. Hvit tekst må være lesbar på den.",
        "Brand colour as #005a8c; white text must be readable on it."))
    accent_cmyk: Annotated[list[Annotated[float, Field(ge=0, le=100)]], Field(min_length=4, max_length=4)] | None = Field(
        None, description=about(
            "Profilfargen i CMYK for trykkfilene, i prosent: [100, 40, 0, 20]. Uten den regnes den ut fra accent.",
            "The brand colour in CMYK for print files, in per cent; without it, it is converted from accent."))


class Municipality(Strict):
    id: Slug = Field(description=about("Samme som filnavnet: a-z, 0-9 og -, som ostre-toten.",
                                       "Same as the file name: a-z, 0-9 and -, e.g. ostre-toten."))
    name: Text = Field(description=about("Navnet slik det skal vises.", "The name as it is shown."))
    official_names: dict[Annotated[str, Field(pattern=r"^[a-z]{2,3}$")], Text] = Field(
        default_factory=dict, description=about("Andre offisielle navn per språkkode: {se: Porsáŋgu}.",
                                                "Other official names by language code."))
    kind: Literal["kommune", "bydel"] = Field("kommune", description=about("kommune eller bydel.", "Municipality or borough."))
    number: Annotated[str, Field(pattern=r"^[0-9]{4}$")] | None = Field(None, description=about(
        "Kommunenummeret fra SSB, fire sifre i anførselstegn: \"3442\".", "The four-digit SSB number, in quotes."))
    county: Text = Field(description=about("Fylket.", "The county."))
    languages: list[Lang] | None = Field(None, description=about(
        "Språkene sidene lages på (valgfritt; ellers portalens).", "Languages of the pages (optional)."))
    example: bool = Field(False, description=about(
        "true: eksempeldata, alt merkes EKSEMPEL og kan ikke trykkes.", "true: demo data, marked EXAMPLE everywhere."))
    accessibility_statement: Url | None = Field(None, description=about(
        "Lenke til kommunens tilgjengelighetserklæring.", "Link to the accessibility statement."))
    contact: Contact = Field(description=about(
        "Telefon og åpningstider. Kan sløyfes når regionen har en felles 'contact'.",
        "Phone and opening hours; may be left out when the region has a shared 'contact'."))
    team: Team = Field(description=about("Det operative teamet.", "The operative team."))
    local_help: list[LocalHelp] = Field(default_factory=list, description=about(
        "Hjelp i nærheten: krisesenter, legevakt og andre.", "Local help: crisis centre, out-of-hours doctor and others."))
    campaign: Campaign | None = Field(None, description=about("Kampanjeplanen (valgfritt).", "The campaign plan (optional)."))
    branding: Branding = Field(default_factory=Branding, description=about("Farger.", "Colours."))
    # Per municipality, so that re-printing or publishing one site leaves every other one untouched.
    print_date: date | None = Field(None, description=about(
        "Datoen som trykkes på kommunens materiell (valgfritt; ellers portalens print_date).",
        "The date printed on this municipality's files (optional; otherwise the portal's print_date)."))
    base_url: Annotated[str, Field(pattern=r"^https?://[^\s]+/$")] | None = Field(None, description=about(
        "Egen adresse for kommunens nettsted, med / til slutt (valgfritt; ellers portalens). "
        "Kommunens QR-koder og lenker peker hit.",
        "The municipality's own site address, ending in / (optional; otherwise the portal's). "
        "Its QR codes and absolute links point here."))

    @model_validator(mode="after")
    def _kommune_has_number(self) -> Municipality:
        if self.kind == "kommune" and self.number is None:
            raise ValueError("a kommune needs its four-digit SSB 'number'")
        return self


class Portal(Strict):
    title: Text = Field("TryggEst", description=about("Tittelen på nettstedet.", "The site title."))
    base_url: Annotated[str, Field(pattern=r"^https?://[^\s\"'<>]+/$")] = Field(description=about(
        "Adressen nettstedet publiseres på, med / til slutt. QR-kodene peker hit.",
        "Where the site is published, ending in /. QR codes point here."))
    languages: list[Lang] = Field(default=["nb", "nn", "en"], min_length=1, description=about(
        "Språkene; det første er standard.", "The languages; the first is the default."))
    exit_url: Url = Field("https://www.yr.no/", description=about(
        "Hvor Forlat siden-knappen går: en nøytral side.", "Where the quick-exit button goes: a neutral page."))
    print_date: date | None = Field(None, description=about(
        "Datoen som trykkes på alt materiell. Endre den når du trykker på nytt.",
        "The date printed on every file. Change it when you re-print."))
    print_profile: PrintProfile | None = Field(None, description=about(
        "Trykkeriets CMYK-profil for trykkfilene (valgfritt; ellers en generell CMYK-profil).",
        "The print shop's CMYK profile for print files (optional; otherwise a generic CMYK profile)."))


class PrintProfile(Strict):
    path: Text = Field(description=about(
        "CMYK-profilen (ICC) fra trykkeriet, relativt til municipalities.yml: print/trykkeri.icc.",
        "The print shop's CMYK ICC profile, relative to municipalities.yml."))
    condition: Text | None = Field(None, description=about(
        "Navnet trykkeriet bruker på profilen, som \"FOGRA39\" (valgfritt; ellers navnet i profilen).",
        "The print shop's name for the printing condition, e.g. \"FOGRA39\" (optional)."))


class Region(Strict):
    id: Slug = Field(description=about("Kort navn: a-z, 0-9 og -.", "Short name: a-z, 0-9 and -."))
    name: Text = Field(description=about("Navnet på regionen.", "The region's name."))
    members: list[Slug] = Field(min_length=1, description=about("Kommunene i regionen (id-er).",
                                                                "The region's municipalities (ids)."))
    contact: Contact | None = Field(None, description=about(
        "Felles telefon for kommunene i regionen (valgfritt). En kommune uten egen 'contact' bruker denne.",
        "A shared phone for the region's municipalities (optional); a member without its own 'contact' uses it."))


class PortalFile(Strict):
    portal: Portal = Field(description=about("Innstillinger for hele nettstedet.", "Settings for the whole site."))
    regions: list[Region] = Field(default_factory=list, description=about("Regioner (valgfritt).", "Regions (optional)."))
    municipalities: list[Slug] = Field(min_length=1, description=about(
        "Kommunene som bygges. Hver har en fil content/municipalities/<id>.yml.",
        "The municipalities to build; each has content/municipalities/<id>.yml."))


class NationalLine(Strict):
    id: Slug = Field(description=about("Kort navn som sidetekstene bruker.", "Short name the page texts use."))
    number: ServiceNumber = Field(description=about("Nummeret, i anførselstegn.", "The number, in quotes."))
    name: Localised = Field(description=about("Navn per språk.", "Name per language."))
    purpose: Localised = Field(description=about("Hva nummeret er for, per språk.", "What the number is for, per language."))
    emergency: bool = Field(False, description=about("true: nødnummer.", "true: emergency number."))
    open_all_hours: bool = Field(False, description=about("true: åpent hele døgnet.", "true: open day and night."))
    hours: list[HoursRule] = Field(default_factory=list, description=about("Åpningstider.", "Opening hours."))
    hours_note: Localised = Field(default_factory=dict, description=about("Merknad om åpningstidene, per språk.",
                                                                          "Note on the hours, per language."))
    hours_unconfirmed: Text | None = Field(None, description=about(
        "Hvorfor åpningstidene ikke vises: kildene er uenige. Sidene viser da ingen tider.",
        "Why no hours are shown: the sources disagree. The pages then show no hours."))
    interpreter: bool | None = Field(None, description=about(
        "Om linjen tilbyr tolk, der kilden sier det. Sløyf feltet når kilden ikke sier noe.",
        "Whether the line offers an interpreter, where the source says so; leave it out when the source is silent."))
    verified: date = Field(description=about("Dato du sist sjekket nummeret mot kilden.",
                                             "Date you last checked the number at its source."))
    source: Url = Field(description=about("Siden nummeret er sjekket mot.", "The page the number was checked against."))

    @model_validator(mode="after")
    def _no_guessed_hours(self) -> NationalLine:
        if self.hours_unconfirmed and (self.hours or self.open_all_hours):
            raise ValueError("'hours_unconfirmed' is set: remove 'hours' and 'open_all_hours' until they are confirmed")
        return self


class LawReference(Strict):
    id: Slug = Field(description=about("Kort navn som sidetekstene bruker.", "Short name the page texts use."))
    name: Localised = Field(description=about("Lov og paragraf per språk, som \"straffeloven § 196\".",
                                              "Act and section per language."))
    url: Url = Field(description=about("Paragrafen på lovdata.no.", "The section on lovdata.no."))
    verified: date = Field(description=about("Dato du sist leste paragrafen på lovdata.no.",
                                             "Date you last read the section on lovdata.no."))


class NationalFile(Strict):
    lines: list[NationalLine] = Field(min_length=1, description=about(
        "Nasjonale hjelpetelefoner og nødnumre.", "National helplines and emergency numbers."))
    laws: list[LawReference] = Field(default_factory=list, description=about(
        "Lovparagrafer sidene viser til, med lenke til lovdata.no.", "Sections of law the pages cite."))


class LanguageMeta(Strict):
    """``content/<lang>/meta.yml``: what a language is called and how far its texts can be trusted."""

    name: Text = Field(description=about("Språkets navn på språket selv, som \"Polski\".",
                                         "The language's own name, in its own script."))
    dir: Literal["ltr", "rtl"] = Field("ltr", description=about(
        "Skriveretning: ltr (venstre til høyre) eller rtl (høyre til venstre).", "Writing direction."))
    scope: Literal["full", "core"] = Field(description=about(
        "full: alle sidene; core: kjernesidene (forside, hvem, kontakt, vold, lokal hjelp, trygg på nett).",
        "full: every page; core: the core pages only."))
    status: Literal["draft", "reviewed"] = Field(description=about(
        "draft: ikke kontrollert av en profesjonell oversetter; reviewed: kontrollert.",
        "draft: not checked by a professional translator; reviewed: checked."))
    reviewed_by: Text | None = Field(None, description=about("Hvem som kontrollerte teksten.", "Who reviewed it."))
    reviewed_on: date | None = Field(None, description=about("Når teksten ble kontrollert.", "When it was reviewed."))
    draft_notice: Text | None = Field(None, description=about(
        "Én setning på språket selv: teksten er ikke kontrollert ennå.",
        "One sentence in the language: the translation has not been checked yet."))

    @model_validator(mode="after")
    def _status_is_backed(self) -> LanguageMeta:
        if self.status == "reviewed" and not (self.reviewed_by and self.reviewed_on):
            raise ValueError("'reviewed' needs 'reviewed_by' and 'reviewed_on'")
        if self.status == "draft" and not self.draft_notice:
            raise ValueError("a draft language needs a 'draft_notice' in the language itself")
        return self
