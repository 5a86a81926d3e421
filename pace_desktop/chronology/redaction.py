"""A copy of the child's record holding only what one recipient may see, made before anything
is laid out, so withheld text never reaches a PDF.

In order:

1. Non-disclosure requests that name the recipient (withholding.py): an entry, a meeting or
   a home withheld is left out whole; a PERSON withheld is left out in every form (from the
   people, the meetings' attendees, views, family time and brothers and sisters, as a carer
   of a home; their names, phone and address in free text in step 3); an address withheld
   is left out wherever it is. An entry's `withhold_from` by role counts as such a request.
2. Addresses the record marks confidential (people's and homes') are left out of every copy
   that leaves the service, with those people's phone numbers.
3. Identifiers in free text (review.py): each is left out or kept as the worker decided
   (or, before they have, as proposed); those withheld by a request always go.

Complete copies (internal, and the Reporter's papers) skip all three. Entries drawn from the
record are drawn from the copy after step 2, so a withheld home or meeting cannot come back
as a drawn entry, and pass through step 3 like any other text.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date

from pace_desktop.chronology.drawn import DrawnEntry, drawn_entries
from pace_desktop.chronology.free_text import rewrite_child
from pace_desktop.chronology.identifiers import normalise
from pace_desktop.chronology.recipients import check_for, recipient_label
from pace_desktop.chronology.review import Finding, find
from pace_desktop.chronology.withholding import Withholding, withholding
from pace_desktop.domain.records import Child, Meeting

WITHHELD_TEXT = "[withheld]"


@dataclass(frozen=True, slots=True)
class Redacted:
    """The record as the recipient may see it; `withheld` says whether anything was taken out.
    `drawn` holds the entries drawn from the record that this copy shows (already in
    `child.events` when they were asked for); `findings` the identifiers reviewed."""

    child: Child
    recipient: str
    withheld: bool
    label: str = ""
    findings: tuple[Finding, ...] = ()
    drawn: tuple[DrawnEntry, ...] = ()
    rules: Withholding | None = None
    texts: tuple[str, ...] = ()  # the `texts` asked for, as this copy may show them


def redact(child: Child, recipient: str, decisions: Mapping[str, bool] | None = None, *,
           draw: bool = False, left_out: frozenset[str] = frozenset(),
           as_of: date | None = None, texts: tuple[str, ...] = ()) -> Redacted:
    """`decisions` maps an identifier's key to leave-out (True) or keep; identifiers not in
    it take their proposal. With `draw`, the entries drawn from the record (less the keys in
    `left_out`) join the typed ones. `texts` (the chronology's own page: its analysis,
    sources, who compiled it) go through step 3 with the record's text, and come back in
    `Redacted.texts`."""
    r = check_for(child, recipient)
    label = recipient_label(child, recipient)
    w = withholding(child, r)
    copy, taken = (child, False) if w is None else _withhold(child, w)
    drawn: tuple[DrawnEntry, ...] = ()
    if draw:
        drawn = tuple(d for d in drawn_entries(copy, as_of) if d.key not in left_out)
        copy = replace(copy, events=(*copy.events, *(d.event for d in drawn)))
    if w is None:
        return Redacted(copy, recipient, False, label, (), drawn, None, texts)
    findings, matcher = find(child, copy, r, w, decisions, texts)
    if matcher:
        texts = tuple(matcher.replace(t) for t in texts)
        copy = rewrite_child(copy, matcher.replace)
        copy = replace(copy, people=tuple(replace(p, name=matcher.replace(p.name))
                                          for p in copy.people))
        by_key = {d.key: d for d in drawn}
        drawn = tuple(replace(by_key[e.id], event=e) for e in copy.events if e.id in by_key)
    withheld = taken or any(f.leave_out for f in findings)
    return Redacted(copy, recipient, withheld, label, tuple(findings), drawn, w, texts)


def _withhold(child: Child, w: Withholding) -> tuple[Child, bool]:
    """Steps 1 and 2: the copy without what is withheld, and whether anything was."""
    gone = {p.id: p for p in child.people if p.id in w.persons}
    gone_names = {normalise(p.name) for p in gone.values()}
    events = tuple(e for e in child.events if not w.withholds_event(e.id, e.withhold_from))
    meetings = tuple(_without_people(m, set(gone), gone_names) for m in child.meetings
                     if m.id not in w.meetings)
    taken = len(events) < len(child.events) or len(meetings) < len(child.meetings)
    people = []
    for p in child.people:
        if p.id in gone:
            taken = True
            continue
        if (p.address or p.phone) and (p.address_confidential or p.id in w.addresses):
            taken = True
            p = replace(p, address=None, phone=None)
        people.append(p)
    living = []
    for ep in child.living:
        if ep.id and ep.id in w.living:
            taken = True
            continue
        if ep.carer in gone:
            ep = replace(ep, carer=None)
        if ep.address and (ep.address_confidential or ep.id in w.addresses):
            taken = True
            ep = replace(ep, address=None)
        living.append(ep)
    copy = replace(child, people=tuple(people), living=tuple(living), events=events,
                   meetings=meetings, nondisclosure=())
    return copy, taken


def _without_people(m: Meeting, ids: set[str], names: set[str]) -> Meeting:
    """The meeting with no trace of the people withheld: not as an attendee, not by their
    views, family time with them, or as a brother or sister."""
    if not ids:
        return m
    return replace(
        m,
        attendees=tuple(a for a in m.attendees if normalise(a.name) not in names),
        views=tuple(v for v in m.views if v.person not in ids
                    and normalise(v.person) not in names),
        family_time=tuple(f for f in m.family_time if f.with_ not in ids
                          and normalise(f.with_) not in names),
        siblings=tuple(s for s in m.siblings if s.person not in ids),
    )


__all__ = ["WITHHELD_TEXT", "Redacted", "redact"]
