"""Who a print is for (DOMAIN.md, hearing papers): people, not only roles.

A recipient is written as a short code: `reporter`, `panel`, `child`, `safeguarder`,
`curator`, `court`, `internal`, or `person:ID` (a relevant person, usually a parent, named by
their PERSON id) and `carer:ID` (a carer or prospective adopter). The mother and the father
are two recipients and may get two different copies.

Two copies are complete: `internal` (for use within the service) and `reporter` (the
Children's Reporter, who decides on non-disclosure requests and so must see every item, with
the schedule of requests). Every other copy leaves out what is withheld from that recipient.
Papers for the sheriff court go to the parties, so `court` is treated as each relevant
person at once: it leaves out whatever is withheld from any of them, the copy the parties
may all see. The court may direct otherwise: when the sheriff directs that the court itself
see what is withheld, the copy is `court:full`, complete like the Reporter's, with the
schedule of requests (so the sheriff sees what is withheld from whom and why), and its first
page says it is for the court only, as directed, and not for the parties. The print record
keeps `court:full` as the recipient, so who asked for a complete copy for the court, and
when, stays on the record. No other direction is modelled: a direction to give the court a
particular person's copy is met by printing that person's copy (`person:ID`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from pace_desktop.domain.records import Child, Person

KINDS: Final[dict[str, str]] = {
    "reporter": "the Children's Reporter",
    "panel": "the children's hearing panel members",
    "child": "the child",
    "person": "a relevant person",
    "safeguarder": "the safeguarder",
    "curator": "the curator ad litem",
    "carer": "a carer or prospective adopter",
    "court": "the sheriff court (as each relevant person)",
    "internal": "internal use within the service",
}
COURT_FULL: Final = "court:full"
COURT_FULL_LABEL: Final = "the sheriff court (complete, as the court directed)"
RECIPIENTS: Final = ("reporter", "panel", "child", "person:ID", "safeguarder", "curator",
                     "carer:ID", "court", COURT_FULL, "internal")
COMPLETE: Final = frozenset({"internal", "reporter"})
# The PERSON roles that make someone a relevant person: a parent with parental rights is one.
RELEVANT_ROLES: Final = frozenset({"parent", "relevant_person"})
NAMED: Final = frozenset({"person", "carer"})


class UnknownRecipient(ValueError):
    def __init__(self, recipient: str, why: str | None = None) -> None:
        super().__init__(why or (f"There is no recipient called {recipient!r}. The recipients"
                                 " are: " + ", ".join(RECIPIENTS) + "."))
        self.recipient = recipient


@dataclass(frozen=True, slots=True)
class Recipient:
    kind: str
    person: str | None = None  # the PERSON id for `person:` and `carer:`
    directed: bool = False  # `court:full`: the court directed that it see everything

    @property
    def code(self) -> str:
        if self.directed:
            return COURT_FULL
        return f"{self.kind}:{self.person}" if self.person else self.kind

    @property
    def complete(self) -> bool:
        """Whether this copy keeps every item (nothing is withheld from it)."""
        return self.kind in COMPLETE or self.directed

    @property
    def with_schedule(self) -> bool:
        """Whether the copy ends with the schedule of non-disclosure requests: the papers of
        those who rule on them (the Reporter; the court when it directs it sees all)."""
        return self.kind == "reporter" or self.directed


def parse_recipient(code: str) -> Recipient:
    """The recipient a code names; the person is checked against a child by `check_for`."""
    kind, _, who = code.partition(":")
    if kind not in KINDS:
        raise UnknownRecipient(code)
    if kind in NAMED:
        if not who:
            raise UnknownRecipient(code, f"{kind}:ID needs the id of a person in the child's"
                                         " record after the colon, for example"
                                         f" {kind}:p1.")
        return Recipient(kind, who)
    if kind == "court" and who == "full":
        return Recipient(kind, directed=True)
    if kind == "court" and who:
        raise UnknownRecipient(code, f"{code!r} is not a recipient: write 'court' (as each"
                                     " relevant person) or 'court:full' (complete, when the"
                                     " court has directed that it see everything).")
    if who:
        raise UnknownRecipient(code, f"{kind!r} names no person: write it without "
                                     f"':{who}'.")
    return Recipient(kind)


def check_recipient(code: str) -> str:
    """`code` if it is a recipient code at all (the person is checked with the child)."""
    parse_recipient(code)
    return code


def check_for(child: Child, code: str) -> Recipient:
    """The recipient, its person found in `child`'s record."""
    r = parse_recipient(code)
    if r.person is not None:
        person = person_named(child, r.person)
        if person is None:
            ids = ", ".join(p.id for p in child.people) or "none"
            raise UnknownRecipient(code, f"{child.name} ({child.ref}) has no person with the"
                                         f" id {r.person!r} (the people's ids: {ids}).")
        if r.kind == "carer" and person.role != "carer" and not any(
                ep.carer == person.id for ep in child.living):
            raise UnknownRecipient(code, f"{person.name} is not recorded as a carer of"
                                         f" {child.name}; choose person:{person.id} instead.")
    return r


def person_named(child: Child, pid: str) -> Person | None:
    return next((p for p in child.people if p.id == pid), None)


def relevant_persons(child: Child) -> list[Person]:
    return [p for p in child.people if p.role in RELEVANT_ROLES]


def carers(child: Child) -> list[Person]:
    ids = {ep.carer for ep in child.living if ep.carer}
    return [p for p in child.people if p.role == "carer" or p.id in ids]


def recipient_label(child: Child | None, code: str) -> str:
    """Who a copy is for, in words: "Ann Innes (Mum)", "the children's hearing panel
    members"."""
    r = parse_recipient(code)
    if r.directed:
        return COURT_FULL_LABEL
    if r.person is None:
        return KINDS[r.kind]
    person = person_named(child, r.person) if child is not None else None
    if person is None:
        return KINDS[r.kind]
    return f"{person.name} ({person.relationship})" if person.relationship else person.name


def recipient_choices(child: Child) -> list[tuple[str, str]]:
    """Every recipient this child's papers may go to, in the order a worker looks for them:
    the Reporter, the panel, the child, each relevant person by name, the safeguarder, the
    curator, each carer by name, the court, internal."""
    out = [("reporter", "The Children's Reporter (complete, with the requests)"),
           ("panel", "Children's hearing panel members"), ("child", "The child")]
    for p in relevant_persons(child):
        out.append((f"person:{p.id}", f"{p.name}" + (f" ({p.relationship})"
                                                   if p.relationship else " (relevant person)")))
    out += [("safeguarder", "The safeguarder"), ("curator", "The curator ad litem")]
    for p in carers(child):
        out.append((f"carer:{p.id}", f"{p.name}" + (f" ({p.relationship})"
                                                   if p.relationship else " (carer)")))
    out += [("court", "The sheriff court (as each relevant person)"),
            (COURT_FULL, "The sheriff court, complete, as the court directed (court only)"),
            ("internal", "Internal (nothing withheld)")]
    return out
