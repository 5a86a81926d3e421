"""Recipient redaction: a copy of the child's record holding only what the recipient may see.

Rules, applied before anything is laid out, so withheld text never reaches a PDF:

* An entry whose `withhold_from` names the recipient is left out entirely.
* For every recipient except internal, confidential addresses (people's and living
  episodes') are left out, with the phone numbers of those people, and any copy of such an
  address found in free text is replaced.
* For a relevant person, carers whose address is confidential lose their name too: the name
  becomes a neutral phrase ("the foster carers") wherever it appears (people, meeting
  attendees, free text), because knowing who the carers are usually tells where the child is.

Free text is scrubbed by exact (case-insensitive) match of the known names and addresses; a
nickname or a partial name typed into a note cannot be recognised, so workers still read a
print before it leaves the office.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from pace_desktop.chronology.recipients import check_recipient
from pace_desktop.domain.records import (
    Action,
    Amendment,
    Attendee,
    Child,
    Decision,
    Event,
    LivingEpisode,
    Meeting,
)

WITHHELD_TEXT = "[withheld]"

_CARER_PHRASES = {
    "foster": "the foster carers",
    "kinship": "the kinship carer",
    "prospective_adopters": "the prospective adopters",
    "residential_la": "the children's house staff",
    "residential_voluntary": "the children's house staff",
    "residential_school": "the school's care staff",
    "secure": "the care staff",
    "crisis_care": "the care staff",
    "other_residential": "the care staff",
}


@dataclass(frozen=True, slots=True)
class Redacted:
    """The record as the recipient may see it; `withheld` says whether anything was taken out."""

    child: Child
    recipient: str
    withheld: bool


def redact(child: Child, recipient: str) -> Redacted:
    check_recipient(recipient)
    if recipient == "internal":
        return Redacted(child, recipient, False)
    events = tuple(e for e in child.events if recipient not in e.withhold_from)
    withheld = len(events) < len(child.events)

    secrets: dict[str, str] = {}
    hidden_carers = _hidden_carers(child) if recipient == "relevant_person" else {}
    people = []
    for person in child.people:
        if person.id in hidden_carers:
            secrets[person.name] = hidden_carers[person.id]
            person = replace(person, name=hidden_carers[person.id], relationship=None)
        if person.address_confidential and (person.address or person.phone):
            if person.address:
                secrets[person.address] = WITHHELD_TEXT
            person = replace(person, address=None, phone=None)
        people.append(person)
    living = []
    for ep in child.living:
        if ep.address_confidential and ep.address:
            secrets[ep.address] = WITHHELD_TEXT
            ep = replace(ep, address=None)
        living.append(ep)
    withheld = withheld or bool(secrets)

    scrub = _Scrubber(secrets)
    redacted = replace(
        child,
        people=tuple(people),
        living=tuple(_scrub_living(ep, scrub) for ep in living),
        events=tuple(_scrub_event(e, scrub) for e in events) if scrub else events,
        meetings=tuple(_scrub_meeting(m, scrub) for m in child.meetings),
    )
    return Redacted(redacted, recipient, withheld)


def _hidden_carers(child: Child) -> dict[str, str]:
    """Carers whose address is confidential: person id -> neutral phrase."""
    people = {p.id: p for p in child.people}
    hidden: dict[str, str] = {}
    for ep in child.living:
        person = people.get(ep.carer or "")
        if person is not None and (person.address_confidential or ep.address_confidential):
            hidden.setdefault(person.id, _CARER_PHRASES.get(ep.type, "the carer"))
    for person in child.people:
        if person.role == "carer" and person.address_confidential:
            hidden.setdefault(person.id, "the carer")
    return hidden


class _Scrubber:
    """Replaces every known secret (a name or an address) in free text, longest first."""

    def __init__(self, secrets: dict[str, str]) -> None:
        wanted = {k.strip().casefold(): v for k, v in secrets.items() if k and k.strip()}
        self._phrases = wanted
        self._pattern = re.compile(
            "|".join(re.escape(k) for k in sorted(wanted, key=len, reverse=True)),
            re.IGNORECASE) if wanted else None

    def __bool__(self) -> bool:
        return self._pattern is not None

    def __call__(self, text: str | None) -> str | None:
        if not text or self._pattern is None:
            return text
        return self._pattern.sub(lambda m: self._phrases[m.group(0).casefold()], text)

    def name(self, text: str) -> str:
        """A whole name that is a secret becomes its phrase; else scrub inside it."""
        phrase = self._phrases.get(text.strip().casefold())
        return phrase if phrase is not None else (self(text) or text)


def _scrub_amendments(items: tuple[Amendment, ...], scrub: _Scrubber) -> tuple[Amendment, ...]:
    return tuple(replace(a, author=scrub.name(a.author), text=scrub(a.text) or "")
                 for a in items)


def _scrub_living(ep: LivingEpisode, scrub: _Scrubber) -> LivingEpisode:
    if not scrub or not ep.reason_for_move:
        return ep
    return replace(ep, reason_for_move=scrub(ep.reason_for_move))


def _scrub_event(e: Event, scrub: _Scrubber) -> Event:
    return replace(
        e, title=scrub(e.title) or "", detail=scrub(e.detail), source=scrub(e.source),
        impact=scrub(e.impact), action=scrub(e.action),
        amendments=_scrub_amendments(e.amendments, scrub))


def _scrub_meeting(m: Meeting, scrub: _Scrubber) -> Meeting:
    if not scrub:
        return m
    return replace(
        m,
        chair=scrub(m.chair),
        attendees=tuple(Attendee(scrub.name(a.name), scrub(a.role), a.present)
                        for a in m.attendees),
        child_views=scrub(m.child_views), child_views_how=scrub(m.child_views_how),
        family_views=scrub(m.family_views),
        decisions=tuple(Decision(scrub(d.text) or "", d.milestone, d.route)
                        for d in m.decisions),
        actions=tuple(Action(scrub(a.text) or "", scrub(a.owner), a.due, a.done)
                      for a in m.actions),
        amendments=_scrub_amendments(m.amendments, scrub),
    )


__all__ = ["WITHHELD_TEXT", "Redacted", "redact"]
