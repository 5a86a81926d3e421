"""Domain values to table rows and back. Dates are ISO text; booleans 0/1; lists in child tables."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from pace_desktop.domain import (
    Action,
    Amendment,
    Attendee,
    Child,
    Decision,
    Event,
    LegalEpisode,
    LivingEpisode,
    Meeting,
    Nondisclosure,
    Person,
)
from pace_desktop.domain.meeting_parts import parts_from_dict, parts_to_dict

CHILD_COLUMNS = (
    "ref", "given_name", "family_name", "known_as", "date_of_birth", "chi", "sex",
    "local_authority", "allocated_worker", "reviewing_officer",
)
PERSON_COLUMNS = ("uid", "role", "name", "relationship", "address", "address_confidential",
                  "phone")
LIVING_COLUMNS = ("uid", "type", "start", '"end"', "carer", "address", "address_confidential",
                  "reason_for_move")
LEGAL_COLUMNS = ("uid", "status", "start", '"end"', "reference")
EVENT_COLUMNS = ("uid", "date", "date_precision", "seq", "kind", "route", "title", "detail",
                 "source", "source_person", "impact", "impact_sign", "action", "significant",
                 "withhold_from")
MEETING_COLUMNS = ("uid", "kind", "date", "chair", "child_views", "child_views_how",
                   "family_views", "next_review", "status", "parts")
NONDISCLOSURE_COLUMNS = ("uid", "item", "withhold_from", "reason", "requested", "decision",
                         "decided")


def iso(d: date | None) -> str | None:
    return d.isoformat() if d is not None else None


def day(s: str | None) -> date | None:
    return date.fromisoformat(s) if s is not None else None


def child_values(c: Child) -> tuple[Any, ...]:
    return (c.ref, c.given_name, c.family_name, c.known_as, iso(c.date_of_birth), c.chi, c.sex,
            c.local_authority, c.allocated_worker, c.reviewing_officer)


def person_values(p: Person) -> tuple[Any, ...]:
    return (p.id, p.role, p.name, p.relationship, p.address, int(p.address_confidential),
            p.phone)


def living_values(e: LivingEpisode) -> tuple[Any, ...]:
    return (e.id, e.type, iso(e.start), iso(e.end), e.carer, e.address,
            int(e.address_confidential), e.reason_for_move)


def legal_values(e: LegalEpisode) -> tuple[Any, ...]:
    return (e.id, e.status, iso(e.start), iso(e.end), e.reference)


def event_values(e: Event) -> tuple[Any, ...]:
    return (e.id, iso(e.date), e.date_precision, e.seq, e.kind, e.route, e.title, e.detail,
            e.source, e.source_person, e.impact, e.impact_sign, e.action, int(e.significant),
            " ".join(e.withhold_from))


def meeting_values(m: Meeting) -> tuple[Any, ...]:
    parts = parts_to_dict(m.views, m.assessment, m.family_time, m.siblings,
                          m.routes_considered, m.orders, m.panel)
    return (m.id, m.kind, iso(m.date), m.chair, m.child_views, m.child_views_how,
            m.family_views, iso(m.next_review), m.status,
            json.dumps(parts, ensure_ascii=False) if parts else None)


def nondisclosure_values(n: Nondisclosure) -> tuple[Any, ...]:
    return (n.id, n.item, json.dumps(list(n.withhold_from), ensure_ascii=False), n.reason,
            iso(n.requested), n.decision, iso(n.decided))


def nondisclosure_from(r: tuple[Any, ...]) -> Nondisclosure:
    uid, item, who, reason, requested, decision, decided = r
    return Nondisclosure(id=uid, item=item, withhold_from=tuple(json.loads(who)),
                         reason=reason, requested=day(requested), decision=decision,
                         decided=day(decided))


def person_from(r: tuple[Any, ...]) -> Person:
    uid, role, name, relationship, address, confidential, phone = r
    return Person(id=uid, role=role, name=name, relationship=relationship, address=address,
                  address_confidential=bool(confidential), phone=phone)


def living_from(r: tuple[Any, ...]) -> LivingEpisode:
    uid, type_, start, end, carer, address, confidential, reason = r
    return LivingEpisode(id=uid, type=type_, start=day(start), end=day(end), carer=carer,  # type: ignore[arg-type]
                         address=address, address_confidential=bool(confidential),
                         reason_for_move=reason)


def legal_from(r: tuple[Any, ...]) -> LegalEpisode:
    uid, status, start, end, reference = r
    return LegalEpisode(id=uid, status=status, start=day(start), end=day(end),  # type: ignore[arg-type]
                        reference=reference)


def event_from(r: tuple[Any, ...]) -> Event:
    (uid, d, precision, seq, kind, route, title, detail, source, source_person, impact,
     sign, action, significant, withhold) = r
    return Event(id=uid, date=day(d), date_precision=precision, seq=seq, kind=kind,  # type: ignore[arg-type]
                 route=route, title=title, detail=detail, source=source,
                 source_person=source_person, impact=impact, impact_sign=sign, action=action,
                 significant=bool(significant),
                 withhold_from=tuple(withhold.split()) if withhold else ())


def meeting_from(r: tuple[Any, ...], attendees: Iterable[tuple[Any, ...]] = (),
                 decisions: Iterable[tuple[Any, ...]] = (),
                 actions: Iterable[tuple[Any, ...]] = (),
                 amendments: Iterable[tuple[Any, ...]] = ()) -> Meeting:
    uid, kind, d, chair, views, how, family, next_review, status, parts = r
    return Meeting(
        id=uid, kind=kind, date=day(d), chair=chair, child_views=views,  # type: ignore[arg-type]
        child_views_how=how, family_views=family, next_review=day(next_review), status=status,
        attendees=tuple(Attendee(name=n, role=role, present=bool(p), how=hw)
                        for n, role, p, hw in attendees),
        decisions=tuple(Decision(text=t, milestone=m, route=rt, reasons=why)
                        for t, m, rt, why in decisions),
        actions=tuple(Action(text=t, owner=o, due=day(due), done=day(done))
                      for t, o, due, done in actions),
        amendments=amendments_from(amendments),
        **(parts_from_dict(json.loads(parts)) if parts else {}),
    )


def milestone_from(r: tuple[Any, ...]) -> Event:
    """A milestone entry as the clocks see it: no detail, source, impact or action."""
    uid, d, kind, route, seq, title = r
    return Event(id=uid, date=day(d), kind=kind, route=route, seq=seq,  # type: ignore[arg-type]
                 title=title)


def meeting_facts_from(r: tuple[Any, ...], decisions: Iterable[tuple[Any, ...]]) -> Meeting:
    """A meeting as the clocks see it: kind, date, status and milestone decisions."""
    uid, kind, d, status = r
    return Meeting(id=uid, kind=kind, date=day(d), status=status,  # type: ignore[arg-type]
                   decisions=tuple(Decision(text=t, milestone=m, route=rt, reasons=why)
                                   for t, m, rt, why in decisions))


def amendments_from(rs: Iterable[tuple[Any, ...]]) -> tuple[Amendment, ...]:
    return tuple(Amendment(at=day(at), author=a, text=t) for at, a, t in rs)  # type: ignore[arg-type]


def child_from(r: tuple[Any, ...], uid: str = "", **parts: tuple[Any, ...]) -> Child:
    (ref, given, family, known_as, dob, chi, sex, la, worker, officer) = r
    return Child(id=uid or "", ref=ref, given_name=given, family_name=family, known_as=known_as,
                 date_of_birth=day(dob), chi=chi, sex=sex, local_authority=la,  # type: ignore[arg-type]
                 allocated_worker=worker, reviewing_officer=officer, **parts)


def search_text(e: Event) -> str:
    return " ".join(x for x in (e.title, e.detail, e.source, e.impact, e.action) if x)


def event_search_rowid(event_id: int, d: date) -> int:
    """Newest-first ordering is built into the FTS rowid: see schema.py."""
    return (d.toordinal() << 32) | event_id


def event_id_of(search_rowid: int) -> int:
    return search_rowid & 0xFFFFFFFF


def placeholders(n: int) -> str:
    return ", ".join("?" * n)


def grouped(rows: Iterable[tuple[Any, ...]]) -> Iterator[tuple[Any, list[tuple[Any, ...]]]]:
    """Rows sorted by their first column, grouped by it (the rest of each row kept)."""
    key: Any = object()
    bucket: list[tuple[Any, ...]] = []
    for row in rows:
        if row[0] != key:
            if bucket:
                yield key, bucket
            key, bucket = row[0], []
        bucket.append(row[1:])
    if bucket:
        yield key, bucket
