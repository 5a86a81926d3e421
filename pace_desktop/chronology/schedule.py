"""The schedule of non-disclosure requests that comes with the Reporter's papers: each
request's item, from whom, why, when asked and the decision (DOMAIN.md, hearing papers), and
the addresses the record itself marks confidential. Also what `nondisclosure --child REF`
prints, so the command line and the papers say the same."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.platypus import Flowable, PageBreak

from pace_desktop.chronology.cells import Columns, wrapped_tables
from pace_desktop.chronology.page_frame import FRAME_WIDTH
from pace_desktop.chronology.styles import heading, para
from pace_desktop.chronology.withholding import ROLE_WORDS, role_request
from pace_desktop.domain.date_words import date_as_recorded, long_date
from pace_desktop.domain.nondisclosure import ADDRESS_PREFIX, DECISIONS, Nondisclosure
from pace_desktop.domain.records import Child
from pace_desktop.domain.vocab import LIVING_TYPES, MEETING_KINDS

COLUMNS = Columns(("What is to be withheld", "From whom", "Why", "Asked", "Decision"),
                  [FRAME_WIDTH * f for f in (0.3, 0.17, 0.27, 0.11, 0.15)])


@dataclass(frozen=True, slots=True)
class ScheduleRow:
    id: str
    what: str
    from_whom: str
    why: str
    asked: str
    decision: str


def schedule_rows(child: Child) -> list[ScheduleRow]:
    """Every request, then every entry withheld by role (as the request it is read as)."""
    requests = list(child.nondisclosure) + [role_request(e.id, e.withhold_from)
                                            for e in child.events if e.withhold_from]
    return [ScheduleRow(n.id, describe_item(child, n.item), _whom(child, n), n.reason,
                        long_date(n.requested) if n.requested else "not recorded",
                        _decision(n))
            for n in requests]


def _decision(n: Nondisclosure) -> str:
    if n.id.startswith("role:"):
        # No hearing has ruled on an entry marked in the record: say so, rather than
        # "granted", so the Reporter can put it to the hearing as a request.
        return "Withheld as marked in the record; no request put to the hearing yet"
    return DECISIONS.get(n.decision, n.decision) + (
        f" on {long_date(n.decided)}" if n.decided else "")


def describe_item(child: Child, item: str) -> str:
    """What a request names, in words a Reporter can rule on."""
    people = {p.id: p for p in child.people}
    homes = {ep.id: ep for ep in child.living if ep.id}
    if item.startswith(ADDRESS_PREFIX):
        owner = item[len(ADDRESS_PREFIX):]
        if owner in people:
            p = people[owner]
            return f"The address of {p.name}: {p.address or 'no address recorded'}"
        if owner in homes:
            ep = homes[owner]
            return (f"The address of the home from {long_date(ep.start)}:"
                    f" {ep.address or 'no address recorded'}")
        return f"An address ({owner}) no longer in the record"
    if item in people:
        p = people[item]
        who = f"{p.name} ({p.relationship})" if p.relationship else p.name
        return f"{who}, in every form: name, phone number and address"
    if item in homes:
        ep = homes[item]
        lived = (f"Where {child.name} lives (since {long_date(ep.start)})" if ep.end is None
                 else f"Where {child.name} lived from {long_date(ep.start)} to"
                      f" {long_date(ep.end)}")
        return (f"{lived}:"
                f" {LIVING_TYPES.get(ep.type, ep.type).lower()}"
                + (f", {ep.address}" if ep.address else ""))
    for e in child.events:
        if e.id == item:
            return f"Entry of {date_as_recorded(e.date, e.date_precision)}: {e.title}"
    for m in child.meetings:
        if m.id == item:
            return f"The record of the {MEETING_KINDS.get(m.kind, 'meeting').lower()} on" \
                   f" {long_date(m.date)}"
    return f"An item ({item}) no longer in the record"


def _whom(child: Child, n: Nondisclosure) -> str:
    names = {p.id: (f"{p.name} ({p.relationship})" if p.relationship else p.name)
             for p in child.people}
    return "; ".join(names.get(x, ROLE_WORDS.get(x, x)) for x in n.withhold_from)


def confidential_addresses(child: Child) -> list[str]:
    out = [f"{p.name}: {p.address}" for p in child.people
           if p.address and p.address_confidential]
    out += [f"The home from {long_date(ep.start)}: {ep.address}" for ep in child.living
            if ep.address and ep.address_confidential]
    return out


def schedule_section(child: Child) -> list[Flowable]:
    rows = schedule_rows(child)
    # A part of its own, on its own page: the Reporter takes it out to rule on it.
    story: list[Flowable] = [PageBreak(), heading("Schedule of non-disclosure requests")]
    if rows:
        story.append(para("Each request names what is to be withheld, from whom and why. A"
                          " request waiting for the hearing's decision is honoured until it"
                          " is decided.", "small"))
        story += wrapped_tables(COLUMNS, [(r.what, r.from_whom, r.why, r.asked, r.decision)
                                          for r in rows])
    else:
        story.append(para("No non-disclosure requests are recorded.", "small"))
    marked = confidential_addresses(child)
    story.append(heading("Addresses the record marks confidential"))
    story.append(para("Left out of every copy that leaves the service: " + "; ".join(marked)
                      + "." if marked else "None.", "small"))
    return story
