"""Every free-text field of a child's record, read or rewritten in one place.

Identifiers are looked for, and left out, in every field a person types; listing the fields
once here means a field added to a record later is missed in one place, not in three (the
identifier finder, the scrubber and the checks all walk the record through these two).
Structured values (dates, codes, ids) are never touched.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace

from pace_desktop.domain.meeting_parts import ASSESSMENT_FIELDS, Assessment
from pace_desktop.domain.records import Amendment, Child, Event, LivingEpisode, Meeting

Rewrite = Callable[[str], str]


def _opt(fn: Rewrite, text: str | None) -> str | None:
    return fn(text) if text else text


def event_texts(e: Event) -> Iterator[str]:
    yield from (t for t in (e.title, e.detail, e.source, e.impact, e.action) if t)
    for a in e.amendments:
        yield from (a.author, a.text)


def meeting_texts(m: Meeting, person_ids: frozenset[str] = frozenset()) -> Iterator[str]:
    """`person_ids`: a view or family time may name a PERSON by id or a person by name;
    only names are text."""
    if m.chair:
        yield m.chair
    for a in m.attendees:
        yield a.name
        if a.role:
            yield a.role
    yield from (t for t in (m.child_views, m.child_views_how, m.family_views) if t)
    for d in m.decisions:
        yield from (t for t in (d.text, d.reasons) if t)
    for x in m.actions:
        yield from (t for t in (x.text, x.owner) if t)
    for a in m.amendments:
        yield from (a.author, a.text)
    for v in m.views:
        if v.person not in person_ids:
            yield v.person
        yield from (t for t in (v.text, v.why_not) if t)
    if m.assessment is not None:
        yield from (t for t in (getattr(m.assessment, f) for f in ASSESSMENT_FIELDS) if t)
    for f in m.family_time:
        if f.with_ not in person_ids:
            yield f.with_
        yield from (t for t in (f.how_often, f.notes) if t)
    for s in m.siblings:
        yield from (t for t in (s.lives, s.why_apart, s.views) if t)
    for r in m.routes_considered:
        if r.reasons:
            yield r.reasons
    for o in m.orders:
        if o.residence:
            yield o.residence


def child_texts(child: Child) -> Iterator[str]:
    """Every free-text value a print of `child` may show."""
    for e in child.events:
        yield from event_texts(e)
    ids = frozenset(p.id for p in child.people)
    for m in child.meetings:
        yield from meeting_texts(m, ids)
    for ep in child.living:
        if ep.reason_for_move:
            yield ep.reason_for_move


def _amendments(items: tuple[Amendment, ...], fn: Rewrite) -> tuple[Amendment, ...]:
    return tuple(replace(a, author=fn(a.author), text=fn(a.text)) for a in items)


def rewrite_event(e: Event, fn: Rewrite) -> Event:
    return replace(e, title=fn(e.title), detail=_opt(fn, e.detail), source=_opt(fn, e.source),
                   impact=_opt(fn, e.impact), action=_opt(fn, e.action),
                   amendments=_amendments(e.amendments, fn))


def rewrite_meeting(m: Meeting, fn: Rewrite,
                    person_ids: frozenset[str] = frozenset()) -> Meeting:
    a = m.assessment

    def who(person: str) -> str:
        return person if person in person_ids else fn(person)

    return replace(
        m,
        chair=_opt(fn, m.chair),
        attendees=tuple(replace(x, name=fn(x.name), role=_opt(fn, x.role))
                        for x in m.attendees),
        child_views=_opt(fn, m.child_views), child_views_how=_opt(fn, m.child_views_how),
        family_views=_opt(fn, m.family_views),
        decisions=tuple(replace(d, text=fn(d.text), reasons=_opt(fn, d.reasons))
                        for d in m.decisions),
        actions=tuple(replace(x, text=fn(x.text), owner=_opt(fn, x.owner)) for x in m.actions),
        amendments=_amendments(m.amendments, fn),
        views=tuple(replace(v, person=who(v.person), text=_opt(fn, v.text),
                            why_not=_opt(fn, v.why_not)) for v in m.views),
        assessment=None if a is None else Assessment(
            **{f: _opt(fn, getattr(a, f)) for f in ASSESSMENT_FIELDS}),
        family_time=tuple(replace(f, with_=who(f.with_), how_often=_opt(fn, f.how_often),
                                  notes=_opt(fn, f.notes)) for f in m.family_time),
        siblings=tuple(replace(s, lives=_opt(fn, s.lives), why_apart=_opt(fn, s.why_apart),
                               views=_opt(fn, s.views)) for s in m.siblings),
        routes_considered=tuple(replace(r, reasons=_opt(fn, r.reasons))
                                for r in m.routes_considered),
        orders=tuple(replace(o, residence=_opt(fn, o.residence)) for o in m.orders),
    )


def rewrite_living(ep: LivingEpisode, fn: Rewrite) -> LivingEpisode:
    return replace(ep, reason_for_move=_opt(fn, ep.reason_for_move))


def rewrite_child(child: Child, fn: Rewrite) -> Child:
    """`child` with `fn` applied to every free-text value `child_texts` yields."""
    ids = frozenset(p.id for p in child.people)
    return replace(child,
                   events=tuple(rewrite_event(e, fn) for e in child.events),
                   meetings=tuple(rewrite_meeting(m, fn, ids) for m in child.meetings),
                   living=tuple(rewrite_living(ep, fn) for ep in child.living))


__all__ = ["child_texts", "event_texts", "meeting_texts", "rewrite_child",
           "rewrite_event", "rewrite_meeting"]
