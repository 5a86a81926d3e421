"""The case record as plain, frozen values: what INTERCHANGE.md describes, with stable ids.

These are the only shapes that cross layers: the store reads and writes them, the exchange
turns them into and out of JSON, the journey engine judges them, prints and screens show them.
`id` fields are stable text ids, unique within their child; the store assigns one when a
record arrives without it and keeps it for ever after, so exports can be matched on re-import.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from pace_desktop.domain.meeting_parts import (
    Assessment,
    FamilyTime,
    OrderMade,
    PanelRecord,
    RouteConsidered,
    SiblingNote,
    View,
)
from pace_desktop.domain.nondisclosure import Nondisclosure


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    role: str
    name: str
    relationship: str | None = None
    address: str | None = None
    address_confidential: bool = True
    phone: str | None = None


@dataclass(frozen=True, slots=True)
class LivingEpisode:
    """Where the child lives for a while. `end` None means they live there now."""

    type: str
    start: date
    end: date | None = None
    carer: str | None = None
    address: str | None = None
    address_confidential: bool = True
    reason_for_move: str | None = None
    id: str = ""


@dataclass(frozen=True, slots=True)
class LegalEpisode:
    status: str
    start: date
    end: date | None = None
    reference: str | None = None
    id: str = ""


@dataclass(frozen=True, slots=True)
class Amendment:
    """A dated correction to a finalised record, by a named person; the original stays."""

    at: date
    author: str
    text: str


@dataclass(frozen=True, slots=True)
class Event:
    """A chronology entry; when `kind` is a milestone kind it is also a milestone."""

    date: date
    title: str
    kind: str = "note"
    date_precision: str = "day"
    seq: int | None = None
    route: str | None = None
    detail: str | None = None
    source: str | None = None
    source_person: str | None = None
    impact: str | None = None
    impact_sign: str | None = None
    action: str | None = None
    significant: bool = True
    withhold_from: tuple[str, ...] = ()
    amendments: tuple[Amendment, ...] = ()
    id: str = ""


@dataclass(frozen=True, slots=True)
class Attendee:
    name: str
    role: str | None = None
    present: bool = True
    how: str | None = None  # in_person · video · phone


@dataclass(frozen=True, slots=True)
class Decision:
    text: str
    milestone: str | None = None
    route: str | None = None
    reasons: str | None = None


@dataclass(frozen=True, slots=True)
class Action:
    text: str
    owner: str | None = None
    due: date | None = None
    done: date | None = None


@dataclass(frozen=True, slots=True)
class Meeting:
    kind: str
    date: date
    chair: str | None = None
    attendees: tuple[Attendee, ...] = ()
    child_views: str | None = None
    child_views_how: str | None = None
    family_views: str | None = None
    decisions: tuple[Decision, ...] = ()
    actions: tuple[Action, ...] = ()
    next_review: date | None = None
    status: str = "draft"
    amendments: tuple[Amendment, ...] = ()
    id: str = ""
    views: tuple[View, ...] = ()
    assessment: Assessment | None = None
    family_time: tuple[FamilyTime, ...] = ()
    siblings: tuple[SiblingNote, ...] = ()
    routes_considered: tuple[RouteConsidered, ...] = ()
    orders: tuple[OrderMade, ...] = ()
    panel: PanelRecord | None = None

    @property
    def is_final(self) -> bool:
        return self.status == "final"


@dataclass(frozen=True, slots=True)
class Child:
    ref: str
    given_name: str
    family_name: str
    date_of_birth: date
    known_as: str | None = None
    chi: str | None = None
    sex: str | None = None
    local_authority: str | None = None
    allocated_worker: str | None = None
    reviewing_officer: str | None = None
    people: tuple[Person, ...] = ()
    living: tuple[LivingEpisode, ...] = ()
    legal: tuple[LegalEpisode, ...] = ()
    events: tuple[Event, ...] = ()
    meetings: tuple[Meeting, ...] = field(default=())
    nondisclosure: tuple[Nondisclosure, ...] = ()
    id: str = ""

    @property
    def name(self) -> str:
        """The name a person would use: 'known as' first, as the child would want."""
        return f"{self.known_as or self.given_name} {self.family_name}"
