"""The chronology of a child: DOMAIN.md's five columns, date order, for one recipient."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from reportlab.platypus import Flowable, Spacer

from pace_desktop.chronology.cells import Columns, wrapped_tables
from pace_desktop.chronology.clock_words import clocks_table
from pace_desktop.chronology.page_frame import (
    FRAME_WIDTH,
    Heading,
    PrintOptions,
    build_pdf,
    child_line,
)
from pace_desktop.chronology.recipients import RECIPIENT_LABELS
from pace_desktop.chronology.redaction import redact
from pace_desktop.chronology.selection import (
    EntryFilter,
    date_as_recorded,
    long_date,
    select_entries,
)
from pace_desktop.chronology.styles import heading, para, recipient_notice
from pace_desktop.chronology.timeline_part import timeline_picture
from pace_desktop.domain.records import Child, Event, Person
from pace_desktop.domain.vocab import MILESTONE_KINDS
from pace_desktop.journey import Rule, judge_child

COLUMNS = Columns(
    ("Date", "Significant event", "Source", "Impact on the child", "Action taken / outcome"),
    [FRAME_WIDTH * f for f in (0.12, 0.31, 0.15, 0.21, 0.21)],
)
_SIGN_WORDS = {"positive": "Positive", "negative": "Negative"}


@dataclass(frozen=True, slots=True)
class JourneyContext:
    """What the optional opening section (timeline and clocks) is judged against."""

    rules: tuple[Rule, ...]
    as_of: date
    due_soon_days: int = 28


def chronology_pdf(child: Child, recipient: str, options: PrintOptions,
                   entry_filter: EntryFilter | None = None,
                   journey: JourneyContext | None = None) -> bytes:
    """The chronology as PDF bytes. With `journey`, it opens with the timeline picture and
    a summary of the clocks, worked out from what this recipient may see."""
    entry_filter = entry_filter or EntryFilter()
    seen = redact(child, recipient)
    kid = seen.child
    entries = select_entries(kid.events, entry_filter)
    story: list[Flowable] = [
        para(f"Chronology for {kid.name}", "title"),
        *recipient_notice(recipient, seen.withheld),
        para(f"This chronology lists {len(entries)} {entry_filter.describe()} from the record,"
             " oldest first. It is a summary to help see patterns and gaps: it is part of"
             " assessment, not an assessment, and it does not replace the case record.",
             "small"),
    ]
    if journey is not None:
        story += _journey_section(kid, journey)
    story += [heading("Entries"), *wrapped_tables(COLUMNS, (_row(e, kid) for e in entries))]
    if not entries:
        story.append(para("No entries match what was chosen.", "small"))
    title = f"Chronology for {kid.name}"
    subject = (f"Chronology of significant events, prepared for {RECIPIENT_LABELS[recipient]}"
               f" ({options.marking})")
    line = child_line(kid.name, kid.date_of_birth, kid.ref)
    return build_pdf(story, Heading(title, subject, line), options)


def _journey_section(kid: Child, journey: JourneyContext) -> list[Flowable]:
    out: list[Flowable] = [heading(f"The journey so far (as of {long_date(journey.as_of)})")]
    picture = timeline_picture(kid, journey.rules, journey.as_of, journey.due_soon_days)
    out.append(picture if picture is not None else para(
        "The timeline picture is not available in this version.", "small"))
    out += [Spacer(1, 4), heading("Clocks")]
    clocks = judge_child(kid, journey.rules, journey.as_of, journey.due_soon_days)
    out += clocks_table(clocks, journey.as_of) if clocks else [
        para("No clocks apply yet.", "small")]
    return out


def _row(e: Event, kid: Child) -> tuple[str, str, str, str, str]:
    what = [e.title]
    label = MILESTONE_KINDS.get(e.kind)
    if label and label.casefold() != e.title.casefold():
        what.append(f"Milestone: {label}")
    if e.detail:
        what.append(e.detail)
    for a in e.amendments:
        what.append(f"Amended {date_as_recorded(a.at, 'day')} by {a.author}: {a.text}")
    source = e.source or ""
    who = _person(kid.people, e.source_person)
    if who and who.casefold() not in source.casefold():
        source = f"{source}, {who}" if source else who
    impact = e.impact or ""
    if e.impact_sign in _SIGN_WORDS:
        impact = f"{_SIGN_WORDS[e.impact_sign]}. {impact}".strip()
    return (date_as_recorded(e.date, e.date_precision), "\n".join(what), source, impact,
            e.action or "")


def _person(people: Iterable[Person], pid: str | None) -> str | None:
    if not pid:
        return None
    return next((p.name for p in people if p.id == pid), None)
