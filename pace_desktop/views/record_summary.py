"""The few facts at the top of a child's record, in plain words (no Qt here, only text)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from pace_desktop.domain import Child, Event, episode_rules
from pace_desktop.domain.date_words import date_as_recorded
from pace_desktop.domain.dates import age_in_years
from pace_desktop.domain.vocab import LEGAL_STATUSES, LIVING_TYPES, ROUTES
from pace_desktop.journey import ClockInstance, accommodation_episodes
from pace_desktop.store import Draft
from pace_desktop.views.caseload_facts import latest_route
from pace_desktop.views.clock_words import status_text
from pace_desktop.views.words import days, plain_date


@dataclass(frozen=True, slots=True)
class ChildView:
    """A child as the record screen shows it, read and judged on the worker thread."""

    child: Child
    clocks: list[ClockInstance]
    as_of: date
    drafts: tuple[Draft, ...] = ()  # meeting records begun and not yet saved


def born(child: Child, as_of: date) -> str:
    age = age_in_years(child.date_of_birth, as_of)
    return f"{plain_date(child.date_of_birth)} (age {age})"


def lives_now(child: Child) -> str:
    if not child.living:
        return "Not recorded yet"
    latest = max(child.living, key=lambda e: e.start)
    label = LIVING_TYPES.get(latest.type, latest.type)
    if latest.end is not None:
        return f"{label} until {plain_date(latest.end)}"
    return f"{label}, since {plain_date(latest.start)}"


def legal_now(child: Child, as_of: date) -> str:
    latest = episode_rules.legal_now(child.legal, as_of)  # the caseload's rule too
    if latest is None:
        return "No order recorded now"
    return f"{LEGAL_STATUSES.get(latest.status, latest.status)}, since {plain_date(latest.start)}"


def route_now(child: Child, as_of: date) -> str:
    route = latest_route(child, as_of)
    return ROUTES.get(route, route) if route else "No permanence recommendation yet"


def days_accommodated(child: Child, as_of: date) -> str:
    spans = accommodation_episodes(child.living, as_of)
    if not spans or spans[-1].end is not None:
        return "Not living away from home now"
    start = spans[-1].start
    return f"{days((as_of - start).days)} (since {plain_date(start)})"


def next_clock(clocks: Sequence[ClockInstance], as_of: date) -> str:
    waiting = [c for c in clocks if c.is_open]
    if not waiting:
        return "Nothing waiting"
    first = min(waiting, key=lambda c: c.due)
    return f"{first.label}: {status_text(first, as_of)}"


def summary(view: ChildView) -> list[tuple[str, str]]:
    child, as_of = view.child, view.as_of
    return [
        ("Date of birth", born(child, as_of)),
        ("CHI number", child.chi or "Not recorded"),
        ("Lives", lives_now(child)),
        ("Legal status", legal_now(child, as_of)),
        ("Permanence route", route_now(child, as_of)),
        ("Days away from home", days_accommodated(child, as_of)),
        ("Next clock", next_clock(view.clocks, as_of)),
        ("Allocated worker", child.allocated_worker or "Not recorded"),
    ]


def event_date(event: Event) -> str:
    """Approximate dates stay approximate ("circa May 2016", not a made-up day), worded as
    the printed chronology words them; exact days in the screen's short form."""
    if event.date_precision == "day":
        return plain_date(event.date)
    return date_as_recorded(event.date, event.date_precision)
