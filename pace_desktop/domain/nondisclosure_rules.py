"""What makes a non-disclosure request sound, asked by the store inside the operation that
keeps it (so no screen or command can keep one that is not): it names an item in the
child's record, at least one person in it to withhold from, and a reason; a decision other
than pending has a date no earlier than the request's."""

from __future__ import annotations

from pace_desktop.domain.nondisclosure import ADDRESS_PREFIX, DECISIONS, Nondisclosure
from pace_desktop.domain.records import Child


def items_of(child: Child) -> dict[str, str]:
    """Every item a request may name, with what kind of item it is."""
    out: dict[str, str] = {}
    out.update({e.id: "entry" for e in child.events if e.id})
    out.update({m.id: "meeting" for m in child.meetings if m.id})
    out.update({p.id: "person" for p in child.people if p.id})
    out.update({ep.id: "home" for ep in child.living if ep.id})
    out.update({f"{ADDRESS_PREFIX}{p.id}": "address" for p in child.people
                if p.id and p.address})
    out.update({f"{ADDRESS_PREFIX}{ep.id}": "address" for ep in child.living
                if ep.id and ep.address})
    return out


def request_problem(child: Child, n: Nondisclosure) -> str | None:
    """What is wrong with `n` for `child`, in one sentence, or None."""
    if n.item not in items_of(child):
        return (f"The request names {n.item!r}, which is not an entry, meeting, person, home"
                f" or address in {child.name}'s record.")
    if not n.withhold_from:
        return "Choose at least one person to withhold it from."
    people = {p.id: p for p in child.people}
    for pid in n.withhold_from:
        if pid not in people:
            return f"There is no person with the id {pid!r} in {child.name}'s record."
    if n.item in n.withhold_from:
        return "A person cannot be withheld from themselves."
    if not (n.reason or "").strip():
        return "Say why disclosure would harm the child: the Reporter rules on the reason."
    if n.decision not in DECISIONS:
        return f"{n.decision!r} is not a decision: pending, granted or refused."
    if n.decision != "pending" and n.decided is None:
        return "Give the date the hearing decided."
    if n.decided and n.requested and n.decided < n.requested:
        return "The decision cannot come before the request."
    return None
