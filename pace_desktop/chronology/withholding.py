"""What is withheld from one recipient: the non-disclosure requests that name them.

INTERCHANGE.md, NONDISCLOSURE: a copy for a person leaves out every item whose request names
that person and is pending or granted. An entry's `withhold_from` by role still works, read
as a granted request for every person of that role (and for the panel, the child and the
court, which are recipients rather than people). Complete copies (internal, the Reporter's)
have no `Withholding`.

Besides requests, the record's own flag keeps a confidential address out of every copy that
leaves the service (DOMAIN.md: whereabouts are the commonest item); that is applied in
redaction.py, and listed for the Reporter beside the requests.
"""

from __future__ import annotations

from dataclasses import dataclass

from pace_desktop.chronology.recipients import (
    RELEVANT_ROLES,
    Recipient,
    person_named,
    relevant_persons,
)
from pace_desktop.domain.nondisclosure import ADDRESS_PREFIX, Nondisclosure
from pace_desktop.domain.records import Child


@dataclass(frozen=True, slots=True)
class Withholding:
    """The items withheld from one recipient, by kind of item."""

    recipient: Recipient
    people: frozenset[str]  # PERSON ids the recipient gets copies for (several for the court)
    roles: frozenset[str]  # the roles an entry's `withhold_from` may name that bind this copy
    requests: tuple[Nondisclosure, ...]  # the requests in force that bind this copy
    events: frozenset[str]
    meetings: frozenset[str]
    persons: frozenset[str]  # PERSONs withheld in every form
    living: frozenset[str]  # homes (living episodes) withheld
    addresses: frozenset[str]  # PERSON or LIVING ids whose address alone is withheld

    def withholds_event(self, event_id: str, roles: tuple[str, ...]) -> bool:
        return bool(event_id and event_id in self.events) or bool(self.roles & set(roles))

    @property
    def any(self) -> bool:
        return bool(self.requests)


def audience(child: Child, r: Recipient) -> tuple[frozenset[str], frozenset[str]]:
    """The PERSON ids and the roles whose withholding binds a copy for `r`."""
    if r.kind == "person" and r.person is not None:
        person = person_named(child, r.person)
        roles = {"relevant_person"} if person is not None and person.role in RELEVANT_ROLES \
            else set()
        return frozenset({r.person}), frozenset(roles)
    if r.kind == "carer" and r.person is not None:
        return frozenset({r.person}), frozenset()
    if r.kind == "court":
        # The parties: each relevant person at once, unless the court directs otherwise.
        return (frozenset(p.id for p in relevant_persons(child)),
                frozenset({"court", "relevant_person"}))
    if r.kind in ("panel", "child"):
        return frozenset(), frozenset({r.kind})
    return frozenset(), frozenset()


def withholding(child: Child, r: Recipient) -> Withholding | None:
    if r.complete:
        return None
    people, roles = audience(child, r)
    binding = tuple(n for n in child.nondisclosure
                    if n.in_force and people & set(n.withhold_from))
    items: dict[str, set[str]] = {k: set() for k in ("events", "meetings", "persons",
                                                      "living", "addresses")}
    kinds = {"events": {e.id for e in child.events if e.id},
             "meetings": {m.id for m in child.meetings if m.id},
             "persons": {p.id for p in child.people},
             "living": {ep.id for ep in child.living if ep.id}}
    for n in binding:
        if n.item.startswith(ADDRESS_PREFIX):
            items["addresses"].add(n.item[len(ADDRESS_PREFIX):])
            continue
        for kind, ids in kinds.items():
            if n.item in ids:
                items[kind].add(n.item)
    role_bound = tuple(e for e in child.events if roles & set(e.withhold_from))
    requests = binding + tuple(role_request(e.id, tuple(sorted(roles & set(e.withhold_from))))
                               for e in role_bound)
    return Withholding(r, people, roles, requests,
                       frozenset(items["events"]), frozenset(items["meetings"]),
                       frozenset(items["persons"]), frozenset(items["living"]),
                       frozenset(items["addresses"]))


def role_request(event_id: str, roles: tuple[str, ...]) -> Nondisclosure:
    """An entry's withholding by role, as the granted request INTERCHANGE.md reads it as."""
    return Nondisclosure(item=event_id, withhold_from=roles,
                         reason="Marked in the record to be withheld from "
                                + ", ".join(ROLE_WORDS.get(r, r) for r in roles) + ".",
                         decision="granted", id=f"role:{event_id}")


ROLE_WORDS = {"relevant_person": "every relevant person", "child": "the child",
              "panel": "the panel members", "court": "the court"}
