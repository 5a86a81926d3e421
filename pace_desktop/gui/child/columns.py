"""How each list in the child record reads: its columns, in plain words."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from pace_desktop.domain import Event, LivingEpisode, Meeting, Person
from pace_desktop.domain.vocab import LEGAL_STATUSES, LIVING_TYPES, MEETING_KINDS, MILESTONE_KINDS
from pace_desktop.gui.child.dialogs import ROLE_LABELS
from pace_desktop.gui.child.list_tab import Column
from pace_desktop.gui.clock_text import status_colour, status_text
from pace_desktop.journey import ClockInstance
from pace_desktop.views.record_summary import event_date
from pace_desktop.views.words import plain_date

RECIPIENT_LABELS = {"relevant_person": "relevant persons", "child": "the child",
                    "panel": "the children's hearing", "court": "the court"}


def until(end: date | None, ongoing: str) -> str:
    return plain_date(end) if end else ongoing


PEOPLE = (
    Column("Name", lambda p: p.name, "Alexandria Montgomery"),
    Column("Who they are", lambda p: ROLE_LABELS.get(p.role, p.role), "Relevant person"),
    Column("Relationship", lambda p: p.relationship or "", "Allocated social worker"),
    Column("Address", lambda p: _address(p), "Kept confidential"),
    Column("Phone", lambda p: p.phone or ""),
)


def _address(item: Person | LivingEpisode) -> str:
    if not item.address:
        return ""
    # Words, not a padlock emoji: without an emoji font that showed as an empty box.
    return "Confidential: " + item.address if item.address_confidential else item.address


LIVING = (
    Column("From", lambda e: plain_date(e.start), "30 Sep 2020"),
    Column("Until", lambda e: until(e.end, "Lives here now"), "Lives here now"),
    Column("Where", lambda e: LIVING_TYPES.get(e.type, e.type),
           "With friends or relatives (kinship care)"),
    Column("Carers", lambda e: e.carer or "", "Mr and Mrs Montgomery"),
    Column("Why the child moved", lambda e: e.reason_for_move or ""),
)

def living_columns(people: Sequence[Person]) -> tuple[Column, ...]:
    """LIVING, with the carers named: the record holds their person id."""
    names = {p.id: p.name for p in people}
    return tuple(Column(c.title, lambda e: names.get(e.carer or "", e.carer or ""), c.width)
                 if c.title == "Carers" else c for c in LIVING)


LEGAL = (
    Column("From", lambda e: plain_date(e.start), "30 Sep 2020"),
    Column("Until", lambda e: until(e.end, "Still applies"), "Still applies"),
    Column("Legal status", lambda e: LEGAL_STATUSES.get(e.status, e.status),
           "Compulsory supervision order, away from home"),
    Column("Reference", lambda e: e.reference or ""),
)


def flags(event: Event) -> str:
    """Significant / withheld / amended, each as words and a mark, never colour alone."""
    parts = []
    if event.significant:
        parts.append("★ Significant")
    if event.withhold_from:
        parts.append("⊘ Withheld from " + ", ".join(RECIPIENT_LABELS.get(r, r)
                                                    for r in event.withhold_from))
    if event.amendments:
        n = len(event.amendments)
        parts.append(f"✎ Amended {'once' if n == 1 else f'{n} times'}")
    return " · ".join(parts)


def what_happened(event: Event) -> str:
    if event.kind in MILESTONE_KINDS:
        return f"{event.title} [{MILESTONE_KINDS[event.kind]}]"
    return event.title


CHRONOLOGY = (
    Column("Date", event_date, "circa September 2020"),
    Column("What happened", what_happened, "Concern raised by the nursery about bruising"),
    Column("Source", lambda e: e.source or "", "Health visitor team"),
    Column("Impact on the child", lambda e: e.impact or "", "Settled well at the school"),
    Column("Action or outcome", lambda e: e.action or "", "Visit arranged by worker"),
    Column("Marks", flags, "★ Significant · ✎ Amended once"),
)


def event_tip(event: Event) -> str:
    lines = [f"{event_date(event)}: {event.title}"]
    for label, value in (("Detail", event.detail), ("Source", event.source),
                         ("Impact on the child", event.impact), ("Action", event.action)):
        if value:
            lines.append(f"{label}: {value}")
    for a in event.amendments:
        lines.append(f"Amended on {plain_date(a.at)} by {a.author}: {a.text}")
    return "\n".join(lines)


def meeting_status(meeting: Meeting) -> str:
    return "■ Final" if meeting.is_final else "✎ Draft"


MEETINGS = (
    Column("Date", lambda m: plain_date(m.date), "30 Sep 2020"),
    Column("Meeting", lambda m: MEETING_KINDS.get(m.kind, m.kind), "Looked after child review"),
    Column("Record", meeting_status, "✎ Draft"),
    Column("Chair", lambda m: m.chair or "", "Alexandria Montgomery"),
    Column("Decisions", lambda m: "; ".join(d.text for d in m.decisions)),
)


def clock_columns(as_of: date) -> tuple[Column, ...]:
    return (
        Column("Status", lambda c: status_text(c, as_of), "▲ Overdue 1,000 days",
               lambda c: status_colour(c.status)),
        Column("Clock", lambda c: c.label if c.instance == 1 else f"{c.label} ({c.instance})",
               "Permanence recommendation within 6 months"),
        Column("Started", lambda c: plain_date(c.start), "30 Sep 2020"),
        Column("Due", lambda c: plain_date(c.due), "30 Sep 2020"),
        Column("Met", lambda c: plain_date(c.met) or "Not yet", "30 Sep 2020"),
        Column("Days", lambda c: f"{c.days:,}"),
    )


def clock_sort_key(clock: ClockInstance) -> tuple[int, date]:
    """Waiting clocks first (soonest due at the top), then the finished ones, newest first."""
    return (0, clock.due) if clock.is_open else (1, date.max - (clock.due - date.min))
