"""Domain records → interchange JSON in one canonical form, which `parse_interchange` reads back
to equal records.

The canonical form:
- fields come in the order INTERCHANGE.md lists them (`id` first where there is one);
- a field is written whenever it has a value, defaults included (`kind`, `date_precision`,
  `significant`, `status`, `address_confidential`, `present`), so a reader never has to know
  a default, least of all whether an address is confidential;
- a field with no value (None) and an empty list are left out, with one exception: an
  episode's `end` is always written, `null` meaning the child lives there (or the order
  runs) now, because "current" is a fact a reader should see rather than infer;
- `id` is left out when empty (the domain's "no id yet"), written otherwise;
- lists keep the caller's order; nothing is sorted.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from pace_desktop.domain.meeting_parts import parts_to_dict
from pace_desktop.domain.nondisclosure import Nondisclosure
from pace_desktop.domain.records import (
    Amendment,
    Child,
    Event,
    LegalEpisode,
    LivingEpisode,
    Meeting,
    Person,
)
from pace_desktop.exchange.reading import FORMAT, VERSION

Json = dict[str, Any]


def to_interchange(children: Iterable[Child]) -> Json:
    """The interchange document for `children`, in the canonical form described above."""
    return {"format": FORMAT, "version": VERSION, "children": [_child(c) for c in children]}


def _put(out: Json, key: str, value: object) -> None:
    if value is not None:
        out[key] = value


def _day(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _child(child: Child) -> Json:
    out: Json = {"id": child.id} if child.id else {}
    out |= {
        "ref": child.ref,
        "given_name": child.given_name,
        "family_name": child.family_name,
    }
    _put(out, "known_as", child.known_as)
    out["date_of_birth"] = child.date_of_birth.isoformat()
    _put(out, "chi", child.chi)
    _put(out, "sex", child.sex)
    _put(out, "local_authority", child.local_authority)
    _put(out, "allocated_worker", child.allocated_worker)
    _put(out, "reviewing_officer", child.reviewing_officer)
    if child.people:
        out["people"] = [_person(p) for p in child.people]
    if child.living:
        out["living"] = [_living(e) for e in child.living]
    if child.legal:
        out["legal"] = [_legal(e) for e in child.legal]
    if child.events:
        out["events"] = [_event(e) for e in child.events]
    if child.meetings:
        out["meetings"] = [_meeting(m) for m in child.meetings]
    if child.nondisclosure:
        out["nondisclosure"] = [_nondisclosure(n) for n in child.nondisclosure]
    return out


def _nondisclosure(n: Nondisclosure) -> Json:
    out: Json = {"id": n.id} if n.id else {}
    out |= {"item": n.item, "withhold_from": list(n.withhold_from), "reason": n.reason}
    _put(out, "requested", _day(n.requested))
    out["decision"] = n.decision
    _put(out, "decided", _day(n.decided))
    return out


def _person(person: Person) -> Json:
    out: Json = {"id": person.id, "role": person.role, "name": person.name}
    _put(out, "relationship", person.relationship)
    _put(out, "address", person.address)
    out["address_confidential"] = person.address_confidential
    _put(out, "phone", person.phone)
    return out


def _living(episode: LivingEpisode) -> Json:
    out: Json = {"id": episode.id} if episode.id else {}
    out["type"] = episode.type
    out["start"] = episode.start.isoformat()
    out["end"] = _day(episode.end)
    _put(out, "carer", episode.carer)
    _put(out, "address", episode.address)
    out["address_confidential"] = episode.address_confidential
    _put(out, "reason_for_move", episode.reason_for_move)
    return out


def _legal(episode: LegalEpisode) -> Json:
    out: Json = {"id": episode.id} if episode.id else {}
    out["status"] = episode.status
    out["start"] = episode.start.isoformat()
    out["end"] = _day(episode.end)
    _put(out, "reference", episode.reference)
    return out


def _event(event: Event) -> Json:
    out: Json = {"id": event.id} if event.id else {}
    out["date"] = event.date.isoformat()
    out["date_precision"] = event.date_precision
    _put(out, "seq", event.seq)
    out["kind"] = event.kind
    _put(out, "route", event.route)
    out["title"] = event.title
    _put(out, "detail", event.detail)
    _put(out, "source", event.source)
    _put(out, "source_person", event.source_person)
    _put(out, "impact", event.impact)
    _put(out, "impact_sign", event.impact_sign)
    _put(out, "action", event.action)
    out["significant"] = event.significant
    if event.withhold_from:
        out["withhold_from"] = list(event.withhold_from)
    if event.amendments:
        out["amendments"] = _amendments(event.amendments)
    return out


def _meeting(meeting: Meeting) -> Json:
    out: Json = {"id": meeting.id} if meeting.id else {}
    out["kind"] = meeting.kind
    out["date"] = meeting.date.isoformat()
    _put(out, "chair", meeting.chair)
    if meeting.attendees:
        out["attendees"] = [
            _without_none({"name": a.name, "role": a.role, "present": a.present, "how": a.how})
            for a in meeting.attendees
        ]
    _put(out, "child_views", meeting.child_views)
    _put(out, "child_views_how", meeting.child_views_how)
    _put(out, "family_views", meeting.family_views)
    if meeting.decisions:
        out["decisions"] = [
            _without_none({"text": d.text, "milestone": d.milestone, "route": d.route,
                           "reasons": d.reasons})
            for d in meeting.decisions
        ]
    if meeting.actions:
        out["actions"] = [
            _without_none(
                {"text": a.text, "owner": a.owner, "due": _day(a.due), "done": _day(a.done)}
            )
            for a in meeting.actions
        ]
    _put(out, "next_review", _day(meeting.next_review))
    out["status"] = meeting.status
    if meeting.amendments:
        out["amendments"] = _amendments(meeting.amendments)
    # The fuller parts, in INTERCHANGE.md's order, each only when there is something in it.
    out |= parts_to_dict(meeting.views, meeting.assessment, meeting.family_time,
                         meeting.siblings, meeting.routes_considered, meeting.orders,
                         meeting.panel)
    return out


def _amendments(amendments: tuple[Amendment, ...]) -> list[Json]:
    return [{"at": a.at.isoformat(), "author": a.author, "text": a.text} for a in amendments]


def _without_none(out: Json) -> Json:
    return {k: v for k, v in out.items() if v is not None}
