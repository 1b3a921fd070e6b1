"""The campaign plan of one municipality, worked out from its ``campaign`` block.

A municipality makes TryggEst known in five waves: its own employees first, then partners (police,
crisis centre, GPs, NAV), then businesses and institutions, then associations and volunteers, and
last every citizen. The goal is that every employee knows TryggEst one year after the launch and
every citizen five years after it. The same plan feeds the campaign page, the print order, the
calendar and the coordinator's checklist.

Defaults, for a ``campaign`` block that leaves things out:

- No ``phases``: the five waves start 0, 1, 3, 5 and 7 months after ``launch``. Staff get a month
  on their own, so partners who call already meet colleagues who know the number. The later
  waves are two months apart, which leaves time for the coordinator to visit each group in turn,
  and the last wave still starts well inside the first year, so the first yearly review can look
  at every wave and the citizens have the longest possible run towards the five-year goal.
- A default start that falls on a weekend or a Norwegian public holiday moves to the next working
  day, and one in July moves to the first working day of August: most workplaces and
  associations are on their summer holiday in July, so a wave started then would reach nobody.
  Dates written in the YAML are never moved.
- A placement without ``wave`` goes to the wave its product is made for (``DEFAULT_WAVE``); when
  the plan has no such phase, to the last phase of the plan, the widest audience it reaches.
- The plan is reviewed every year on the anniversary of the launch (next working day), five times.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date, timedelta

import holidays

from .model import WAVES, Campaign, Placement
from .products import CATALOGUE, ProductSpec

DEFAULT_OFFSET_MONTHS: dict[str, int] = {
    "employees": 0, "partners": 1, "businesses": 3, "associations": 5, "citizens": 7,
}
# Cards and brochures are handed out by GPs, NAV and the other partners; posters and stickers hang
# where the public passes; the tear-off poster suits the notice boards of clubs and associations.
DEFAULT_WAVE: dict[str, str] = {
    "brochure": "partners", "card": "partners", "poster-a4": "businesses", "poster-a3": "citizens",
    "poster-tabs": "associations", "sticker": "citizens",
}
PLAN_YEARS = 5
REVIEW_YEARS = PLAN_YEARS
EMPLOYEE_GOAL_YEARS = 1
CITIZEN_GOAL_YEARS = PLAN_YEARS
SUMMER_HOLIDAY_MONTH = 7


@dataclass(frozen=True)
class PlannedPlacement:
    where: str
    product: ProductSpec
    copies: int
    wave: str
    wave_given: bool     # False when the wave came from the defaults above


@dataclass(frozen=True)
class PlannedPhase:
    number: int          # 1 for the first wave of the plan
    wave: str
    start: date
    placements: tuple[PlannedPlacement, ...]


DEFAULT_COPIES = 1


@dataclass(frozen=True)
class PrintLine:
    product: ProductSpec
    copies: int
    placements: tuple[PlannedPlacement, ...]
    needed_by: date | None   # the start of the earliest wave that uses the product; None without a plan


@dataclass(frozen=True)
class CampaignPlan:
    launch: date
    phases: tuple[PlannedPhase, ...]
    placements: tuple[PlannedPlacement, ...]
    reviews: tuple[date, ...]
    phases_given: bool

    @property
    def employees_goal(self) -> date:
        return add_months(self.launch, 12 * EMPLOYEE_GOAL_YEARS)

    @property
    def citizens_goal(self) -> date:
        return add_months(self.launch, 12 * CITIZEN_GOAL_YEARS)

    def print_order(self) -> list[PrintLine]:
        """One line per product that has placements, in catalogue order, copies summed."""
        starts = {phase.wave: phase.start for phase in self.phases}
        lines = []
        for spec in CATALOGUE.values():
            placed = tuple(p for p in self.placements if p.product.id == spec.id)
            if placed:
                needed_by = min(starts[p.wave] for p in placed)
                lines.append(PrintLine(spec, sum(p.copies for p in placed), placed, needed_by))
        return lines


def print_order(campaign: Campaign | None) -> list[PrintLine]:
    """What to order from the print shop: the plan's placements, or one copy of each product without a plan,
    so a municipality can order a proof of every file before it plans a campaign."""
    if campaign is not None:
        return plan_campaign(campaign).print_order()
    return [PrintLine(spec, DEFAULT_COPIES, (), None) for spec in CATALOGUE.values()]


def plan_campaign(campaign: Campaign) -> CampaignPlan:
    given = bool(campaign.phases)
    starts = ([(p.wave, p.start) for p in campaign.phases] if given
              else [(wave, default_start(campaign.launch, wave)) for wave in WAVES])
    waves = [wave for wave, _ in starts]
    placements = tuple(_placed(p, waves) for p in campaign.placements)
    phases = tuple(
        PlannedPhase(i, wave, start, tuple(p for p in placements if p.wave == wave))
        for i, (wave, start) in enumerate(starts, start=1)
    )
    reviews = tuple(next_working_day(add_months(campaign.launch, 12 * year), avoid_july=False)
                    for year in range(1, REVIEW_YEARS + 1))
    return CampaignPlan(campaign.launch, phases, placements, reviews, given)


def _placed(placement: Placement, waves: list[str]) -> PlannedPlacement:
    spec = CATALOGUE[placement.product]
    if placement.wave:
        return PlannedPlacement(placement.where, spec, placement.copies, placement.wave, True)
    preferred = DEFAULT_WAVE[placement.product]
    wave = preferred if preferred in waves else waves[-1]
    return PlannedPlacement(placement.where, spec, placement.copies, wave, False)


def default_start(launch: date, wave: str) -> date:
    months = DEFAULT_OFFSET_MONTHS[wave]
    if months == 0:
        return launch  # the launch day is the municipality's own choice
    return next_working_day(add_months(launch, months), avoid_july=True)


def add_months(day: date, months: int) -> date:
    """The same day of the month ``months`` later; the 31st becomes the last day of a shorter month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    first_of_next = date(year + (month + 1) // 12, (month + 1) % 12 + 1, 1)
    return date(year, month + 1, min(day.day, (first_of_next - timedelta(days=1)).day))


@functools.lru_cache(maxsize=16)
def _public_holidays(year: int) -> holidays.HolidayBase:
    # Building the holiday table is slow; a national build asks for the same few years thousands of times.
    return holidays.country_holidays("NO", years=[year, year + 1])


def next_working_day(day: date, avoid_july: bool) -> date:
    if avoid_july and day.month == SUMMER_HOLIDAY_MONTH:
        day = date(day.year, SUMMER_HOLIDAY_MONTH + 1, 1)
    closed = _public_holidays(day.year)
    while day.weekday() >= 5 or day in closed:
        day += timedelta(days=1)
    return day
