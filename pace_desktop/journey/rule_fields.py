"""The parts of a clock rule and how each field of a rules file is read: an offset ("1 year -
1 day"), a trigger ("milestone:permanence_recommendation"), and one parser per field. Kept
apart from rules.py, which reads whole files, merges them and checks rules as a whole."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from pace_desktop.domain.dates import add_days, add_months, add_weeks, add_years
from pace_desktop.domain.vocab import (
    LEGAL_STATUSES,
    MEETING_KINDS,
    MILESTONE_KINDS,
    ROUTES,
)
from pace_desktop.journey.milestones import ACCOMMODATED
from pace_desktop.journey.working_days import SCOTLAND, WorkingCalendar

UNITS = ("days", "weeks", "months", "years", "working days")
MARKS = ("[V]", "[P]", "[U]", "local aim")

# What starts a clock. Those in EPISODE_STARTS give the clock an episode it lives within.
START_KINDS = ("accommodated", "placement", "legal_episode", "legal_run", "milestone", "met")
EPISODE_STARTS = frozenset({"accommodated", "placement", "legal_episode", "legal_run", "met"})
MET_KINDS = (
    "review", "next_review", "meeting", "visit", "next_visit", "milestone", "episode_end",
    "next_episode",
)
WANTS_ARG = frozenset({"legal_episode", "legal_run", "milestone", "met", "meeting"})

FIELDS = (
    "id", "label", "starts_on", "starts_on_routes", "offset", "met_by", "met_by_routes",
    "review_window", "met_after", "repeats", "order_limit", "warning", "until_age", "enabled",
    "source", "mark",
)
REQUIRED = ("id", "label", "starts_on", "offset", "met_by")
_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_TERM = re.compile(r"\s*([+-]?)\s*(\d+)\s+(working\s+days?|[a-z]+)\s*")
_MILESTONES = frozenset(MILESTONE_KINDS) | {ACCOMMODATED}


class FieldError(Exception):
    pass


@dataclass(frozen=True, slots=True)
class Offset:
    """A whole number of days, weeks, months, years or working days, optionally followed by
    more terms ("1 year - 1 day"). Months and years clamp (CLOCKS.md); working days count from
    the day after, skipping weekends and the calendar's holidays."""

    amount: int
    unit: str
    more: tuple[tuple[int, str], ...] = ()

    def after(self, d: date, calendar: WorkingCalendar = SCOTLAND) -> date:
        if not self.more:  # the common case, on every clock of every child
            return _step(d, self.amount, self.unit, calendar)
        for amount, unit in ((self.amount, self.unit), *self.more):
            d = _step(d, amount, unit, calendar)
        return d

    def before(self, d: date, calendar: WorkingCalendar = SCOTLAND) -> date:
        for amount, unit in reversed(((self.amount, self.unit), *self.more)):
            d = _step(d, -amount, unit, calendar)
        return d

    @property
    def in_working_days(self) -> bool:
        return self.unit == "working days"

    def __str__(self) -> str:
        text = f"{self.amount} {self.unit}"
        for amount, unit in self.more:
            text += f" {'-' if amount < 0 else '+'} {abs(amount)} {unit}"
        return text


def _step(d: date, amount: int, unit: str, calendar: WorkingCalendar) -> date:
    match unit:
        case "days":
            return add_days(d, amount)
        case "weeks":
            return add_weeks(d, amount)
        case "months":
            return add_months(d, amount)
        case "years":
            return add_years(d, amount)
        case _:
            return calendar.working_days_after(d, amount)


@dataclass(frozen=True, slots=True)
class Trigger:
    """One of the `starts_on` or `met_by` forms: `kind`, its argument, and routes if any."""

    kind: str
    arg: str | None = None
    routes: tuple[str, ...] = ()

    def __str__(self) -> str:
        return self.kind if self.arg is None else f"{self.kind}:{self.arg}"


# -- one field at a time -----------------------------------------------------------------------


def _text(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise FieldError("must be some text in quotes")
    return value.strip()


def _rule_id(value: Any) -> str:
    if not isinstance(value, str) or not _ID.match(value):
        raise FieldError(
            "must be lower-case letters, digits and _ starting with a letter, "
            'like "kinship_options_18_weeks"'
        )
    return value


def _bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise FieldError("must be true or false (without quotes)")
    return value


def _offset(value: Any) -> Offset:
    example = 'like "6 weeks", "8 working days" or "1 year - 1 day"'
    if not isinstance(value, str):
        raise FieldError(f"must be a whole number and a unit in quotes, {example}")
    terms: list[tuple[int, str]] = []
    pos = 0
    while pos < len(value):
        match = _TERM.match(value, pos)
        if match is None or match.end() == pos or (terms and not match.group(1)):
            raise FieldError(f"must be a whole number and a unit, {example}")
        if not terms and match.group(1):
            raise FieldError(f"must start with a whole number, {example}")
        sign = -1 if match.group(1) == "-" else 1
        terms.append((sign * int(match.group(2)), _unit(match.group(3))))
        pos = match.end()
    if not terms:
        raise FieldError(f"must be a whole number and a unit, {example}")
    if terms[0][0] == 0:
        raise FieldError("must be more than 0")
    if len(terms) > 1 and any(unit == "working days" for _, unit in terms):
        raise FieldError("working days cannot be mixed with other units")
    (amount, unit), *more = terms
    return Offset(amount, unit, tuple(more))


def _unit(word: str) -> str:
    word = " ".join(word.split())
    if word + "s" in UNITS:
        word += "s"  # "1 month" reads better than "1 months"
    if word not in UNITS:
        raise FieldError("unit must be days, weeks, months, years or working days")
    return word


def _age(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 30:
        raise FieldError("must be an age in whole years, like 18 (without quotes)")
    return value


def _routes(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        raise FieldError('must be a list of routes, like ["po", "poa"]')
    unknown = [v for v in value if v not in ROUTES]
    if unknown:
        raise FieldError(f'"{unknown[0]}" is not a route (routes are {", ".join(ROUTES)})')
    return tuple(value)


def _split(value: Any, kinds: tuple[str, ...]) -> Trigger:
    if not isinstance(value, str):
        raise FieldError(f"must be one of {', '.join(kinds)} (in quotes)")
    kind, _, arg = value.strip().partition(":")
    if kind not in kinds:
        raise FieldError(f'"{kind}" is not known here (use one of {", ".join(kinds)})')
    wants_arg = kind in WANTS_ARG
    if wants_arg and not arg:
        raise FieldError(f'"{kind}" needs to say which, like "{kind}:{_EXAMPLES[kind]}"')
    if not wants_arg and arg:
        raise FieldError(f'"{kind}" takes nothing after it')
    if kind in ("legal_episode", "legal_run"):
        # Several statuses, comma-separated, count as one kind of order (cso_home,cso_away).
        statuses = [part.strip() for part in arg.split(",")]
        for status in statuses:
            if status not in LEGAL_STATUSES:
                raise FieldError(
                    f'"{status}" is not a legal status (statuses are {", ".join(LEGAL_STATUSES)})'
                )
        arg = ",".join(statuses)
    if kind == "meeting" and arg not in MEETING_KINDS:
        raise FieldError(
            f'"{arg}" is not a kind of meeting (kinds are {", ".join(MEETING_KINDS)})'
        )
    if kind == "milestone" and arg not in _MILESTONES:
        raise FieldError(
            f'"{arg}" is not a milestone (milestones are {", ".join(sorted(_MILESTONES))})'
        )
    if kind == "met" and not _ID.match(arg):
        raise FieldError(f'"{arg}" is not a rule id')
    return Trigger(kind, arg or None)


_EXAMPLES = {
    "legal_episode": "icso",
    "legal_run": "cso_home",
    "milestone": "panel_recommendation",
    "met": "first_lac_review",
    "meeting": "hearing",
}


def _starts_on(value: Any) -> Trigger:
    return _split(value, START_KINDS)


def _met_by(value: Any) -> tuple[Trigger, ...]:
    items = value if isinstance(value, list) else [value]
    if not items:
        raise FieldError("must say what meets the clock")
    return tuple(_split(v, MET_KINDS) for v in items)


def _mark(value: Any) -> str:
    if value not in MARKS:
        raise FieldError(f"must be one of {', '.join(MARKS)}")
    return value


PARSERS = {
    "id": _rule_id,
    "label": _text,
    "starts_on": _starts_on,
    "starts_on_routes": _routes,
    "offset": _offset,
    "met_by": _met_by,
    "met_by_routes": _routes,
    "review_window": _offset,
    "met_after": _rule_id,
    "repeats": _bool,
    "order_limit": _bool,
    "warning": _offset,
    "until_age": _age,
    "enabled": _bool,
    "source": _text,
    "mark": _mark,
}
