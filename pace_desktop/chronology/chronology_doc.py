"""The chronology of a child for one recipient: its own page (who compiled it, when, the
period, the sources, single- or multi-agency), DOMAIN.md's five columns in date order with
the entries drawn from the record among the typed ones, the worker's analysis at the end,
and, in the Reporter's papers, the schedule of non-disclosure requests.

`prepare` does everything but the layout (what the copy holds, the identifiers reviewed, the
checks still open), so the print dialog and the command line can show those before printing;
`chronology_pdf` lays a prepared copy out.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date

from reportlab.platypus import Flowable, Spacer

from pace_desktop.chronology.cells import Columns, wrapped_tables
from pace_desktop.chronology.checks import Check, run_checks
from pace_desktop.chronology.clock_words import clocks_table
from pace_desktop.chronology.drawn import DRAWN, drawn_entries
from pace_desktop.chronology.page_frame import (
    FRAME_WIDTH,
    Heading,
    PrintOptions,
    build_pdf,
    child_line,
)
from pace_desktop.chronology.recipients import parse_recipient
from pace_desktop.chronology.redaction import Redacted, redact
from pace_desktop.chronology.schedule import schedule_section
from pace_desktop.chronology.selection import (
    EntryFilter,
    date_as_recorded,
    long_date,
    select_entries,
)
from pace_desktop.chronology.styles import facts_table, heading, para, recipient_notice
from pace_desktop.chronology.timeline_part import timeline_picture
from pace_desktop.domain.chronology_page import AGENCIES, ChronologyPage
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


@dataclass(frozen=True, slots=True)
class Prepared:
    """A chronology ready to lay out: the copy, its entries, and what is still to decide."""

    seen: Redacted
    entries: list[Event]
    entry_filter: EntryFilter
    page: ChronologyPage
    checks: list[Check]
    left_out: int  # entries drawn from the record that the worker left out

    @property
    def drawn_count(self) -> int:
        return sum(1 for e in self.entries if e.source and e.source.startswith(DRAWN))


def prepare(child: Child, recipient: str, page: ChronologyPage | None = None,
            decisions: Mapping[str, bool] | None = None,
            entry_filter: EntryFilter | None = None, as_of: date | None = None) -> Prepared:
    page = page or ChronologyPage()
    entry_filter = entry_filter or EntryFilter(page.period_from, page.period_to)
    r = parse_recipient(recipient)
    # Checks read the whole record, whoever the copy is for: the record is what is wrong.
    everything = [*child.events, *(d.event for d in drawn_entries(child, as_of)
                                   if d.key not in page.left_out)]
    # The Reporter's papers are for others too: only an internal copy may go without analysis.
    checks = run_checks(child, everything, page, outside=r.kind != "internal", today=as_of)
    # The page's own words are free text like any entry's: a name or a place in the
    # analysis is found, highlighted and left out as it would be in an entry.
    seen = redact(child, recipient, decisions, draw=True, left_out=page.left_out, as_of=as_of,
                  texts=_page_texts(page))
    if seen.texts:
        page = _with_page_texts(page, seen.texts)
    entries = select_entries(seen.child.events, entry_filter)
    left = sum(1 for d in drawn_entries(child, as_of) if d.key in page.left_out)
    return Prepared(seen, entries, entry_filter, page, checks, left)


def chronology_pdf(child: Child, recipient: str, options: PrintOptions,
                   entry_filter: EntryFilter | None = None,
                   journey: JourneyContext | None = None, *,
                   page: ChronologyPage | None = None,
                   decisions: Mapping[str, bool] | None = None,
                   with_clocks: bool | None = None, as_of: date | None = None,
                   prepared: Prepared | None = None) -> bytes:
    """The chronology as PDF bytes. With `journey`, it opens with the timeline picture and,
    on internal copies or when `with_clocks` asks, the clocks, worked out from what this
    recipient may see."""
    p = prepared or prepare(child, recipient, page, decisions, entry_filter, as_of)
    kid, r = p.seen.child, parse_recipient(recipient)
    story: list[Flowable] = [
        para(f"Chronology for {kid.name}", "title"),
        *recipient_notice(p.seen.label, p.seen.withheld, r),
        heading("About this chronology"),
        facts_table(_about(p, options, r.complete)),
        para(f"This chronology lists {len(p.entries)} {p.entry_filter.describe()} from the"
             " record, oldest first.", "small"),
        para("A chronology is a summary of significant events, oldest first, to help see"
             " patterns and gaps: it is part of assessment, not an assessment, and it does"
             " not replace the case record. Entries whose source says “drawn from the"
             " record” are taken from the legal status, the homes and the decision records"
             " as they stand in the record.", "small"),
    ]
    if journey is not None:
        clocks = with_clocks if with_clocks is not None else recipient == "internal"
        story += _journey_section(kid, journey, clocks)
    story += [heading("Entries"), *wrapped_tables(COLUMNS, (_row(e, kid) for e in p.entries))]
    if not p.entries:
        story.append(para("No entries match what was chosen.", "small"))
    story += [heading("Analysis: what the pattern of events shows"),
              para((p.page.analysis or "").strip() or "No analysis has been written.")]
    if r.with_schedule:
        story += schedule_section(child)
    title = f"Chronology for {kid.name}"
    subject = (f"Chronology of significant events, prepared for {p.seen.label}"
               f" ({options.marking})")
    line = child_line(kid.name, kid.date_of_birth, kid.ref)
    return build_pdf(story, Heading(title, subject, line), options)


def _page_texts(page: ChronologyPage) -> tuple[str, ...]:
    return (page.analysis or "", page.sources or "", page.compiled_by or "")


def _with_page_texts(page: ChronologyPage, texts: tuple[str, ...]) -> ChronologyPage:
    analysis, sources, compiled_by = texts
    return replace(page, analysis=analysis or None, sources=sources or None,
                   compiled_by=compiled_by or None)


def _about(p: Prepared, options: PrintOptions, complete: bool) -> list[tuple[str, str]]:
    page, kid = p.page, p.seen.child
    rows = [
        ("Compiled by", page.compiled_by or options.printed_by),
        ("Compiled on", long_date(page.compiled_on or options.printed_on)),
        ("Period", _period(p)),
        ("Sources", page.sources or _sources(kid, p.entries)),
        ("Single- or multi-agency", AGENCIES.get(page.agency, page.agency)),
    ]
    typed = len(p.entries) - p.drawn_count
    count = (f"{len(p.entries)}: {typed} recorded as entries, {p.drawn_count} drawn from the"
             " record")
    if complete and p.left_out:
        count += f" ({p.left_out} drawn from the record left out by the compiler)"
    rows.append(("Entries", count))
    return rows


def _period(p: Prepared) -> str:
    """The period chosen, or else the first and last entries' dates as recorded ("May 2016")."""
    f, entries = p.entry_filter, p.entries
    first = long_date(f.date_from) if f.date_from else (
        date_as_recorded(entries[0].date, entries[0].date_precision) if entries else None)
    last = long_date(f.date_to) if f.date_to else (
        date_as_recorded(entries[-1].date, entries[-1].date_precision) if entries else None)
    if first and last:
        return f"{first} to {last}"
    return "No entries"


def _sources(kid: Child, entries: Iterable[Event]) -> str:
    named: dict[str, None] = {}
    for e in entries:
        if e.source and not e.source.startswith(DRAWN):
            named.setdefault(e.source.strip(), None)
    whose = kid.local_authority or "the local authority"
    words = (f"The case record held by {whose}: entries recorded by workers, and the legal"
             " status, homes and decision records drawn from the record.")
    if named:
        shown = list(named)[:10]
        words += " Sources named in the entries: " + ", ".join(shown)
        words += f" and {len(named) - 10} more." if len(named) > 10 else "."
    return words


def _journey_section(kid: Child, journey: JourneyContext, clocks: bool) -> list[Flowable]:
    out: list[Flowable] = [heading(f"The journey so far (as of {long_date(journey.as_of)})")]
    picture = timeline_picture(kid, journey.rules, journey.as_of, journey.due_soon_days)
    out.append(picture if picture is not None else para(
        "The timeline picture is not available in this version.", "small"))
    if not clocks:
        return out
    out += [Spacer(1, 4), heading("Clocks")]
    judged = judge_child(kid, journey.rules, journey.as_of, journey.due_soon_days)
    out += clocks_table(judged, journey.as_of) if judged else [
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


__all__ = ["JourneyContext", "Prepared", "chronology_pdf", "prepare"]
