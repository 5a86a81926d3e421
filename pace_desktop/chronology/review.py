"""The identifiers a copy for someone outside the service would show, each with a proposal
(leave out or keep) the worker sees highlighted in the preview and decides on.

Proposals, chosen so that accepting them all is safe for that recipient:

* withheld by a non-disclosure request (the person, their phone, every part of their
  address; an address withheld on its own): always left out, not the worker's choice;
* any part of an address the record marks confidential, and every phone number: left out;
* a carer's names, in a copy for a relevant person or the court: left out (knowing who the
  carers are usually tells where the child is), replaced by "the foster carers" and the like;
* schools, services and roads named in the text, and postcodes: left out of a copy for a
  relevant person or the court, kept for the panel, the child, a safeguarder, a curator and
  the carers, who know them or need them;
* everyone else's names (parents, brothers and sisters, professionals): kept, but shown.

A person withheld by a request is also found by what the record calls them ("Gran"), and is
replaced by "[name withheld]", never by a description such as "the kinship carer".

A recipient's own name, phone and address are not highlighted in their own copy.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from pace_desktop.chronology.free_text import child_texts
from pace_desktop.chronology.identifiers import (
    KIND_WORDS,
    REPLACEMENTS,
    Matcher,
    Term,
    Terms,
    carer_phrases,
    normalise,
    phone_digits,
    record_terms,
    text_terms,
)
from pace_desktop.chronology.recipients import Recipient
from pace_desktop.chronology.withholding import Withholding
from pace_desktop.domain.print_record import IdentifierChoice
from pace_desktop.domain.records import Child

_OUTSIDE_FAMILY = frozenset({"person", "court"})


@dataclass(frozen=True, slots=True)
class Finding:
    """One identifier found in the copy: how often, how it reads there, what is proposed."""

    key: str
    kind: str
    text: str
    count: int
    seen_as: tuple[str, ...]  # the forms it takes in the text ("MRS MITCHELL", "Mitchell")
    leave_out: bool  # the proposal, or the worker's decision once made
    forced: bool  # withheld by a request: always left out
    replacement: str

    @property
    def kind_words(self) -> str:
        return KIND_WORDS.get(self.kind, self.kind)

    def choice(self) -> IdentifierChoice:
        return IdentifierChoice(self.kind, self.text, self.leave_out, self.forced)


def all_terms(full: Child, texts: Iterable[str]) -> list[Term]:
    """The record's terms (from the whole record, so a withheld person's name is known even
    once they are gone from the copy) and the terms found in the copy's text."""
    merged = Terms()
    for t in record_terms(full):
        merged.add(t)
    # A road or postcode the record already knows (as part of someone's address) is that
    # part, with its owner, not a second, ownerless identifier.
    known = {(t.kind in ("phone",), normalise(t.text)) for t in merged}
    known |= {(True, phone_digits(t.text)) for t in merged if t.kind == "phone"}
    for t in text_terms(texts):
        same = (True, phone_digits(t.text)) if t.kind == "phone" else (False, normalise(t.text))
        if same not in known:
            merged.add(t)
    return list(merged)


def forced(term: Term, w: Withholding) -> bool:
    persons = set(w.persons)
    if term.owners & persons:
        return True
    if term.kind in ("address", "street", "place", "postcode") and term.owners & (
            set(w.addresses) | set(w.living)):
        return True
    return False


def propose(term: Term, r: Recipient, w: Withholding, hidden_carers: set[str]) -> bool:
    if forced(term, w):
        return True
    if term.kind == "phone":
        return True
    if term.kind == "address" and term.confidential:
        return True
    if term.kind in ("street", "place", "postcode") and term.confidential:
        return True
    if term.kind == "name":
        return r.kind in _OUTSIDE_FAMILY and bool(term.owners & hidden_carers)
    if term.from_text and term.kind in ("road", "school"):
        return r.kind in _OUTSIDE_FAMILY
    if term.from_text and term.kind == "postcode":
        return True
    return False


def find(full: Child, copy: Child, r: Recipient, w: Withholding,
         decisions: Mapping[str, bool] | None = None,
         extra: Iterable[str] = ()) -> tuple[list[Finding], Matcher]:
    """Every identifier that occurs in `copy`'s free text (and in the names of its people,
    and in `extra`: the chronology's own page, its analysis above all), with the proposal
    or, where the worker has decided, their decision. The matcher returned leaves out
    exactly the findings to leave out."""
    texts = [*child_texts(copy), *(p.name for p in copy.people), *extra]
    terms = [t for t in all_terms(full, texts) if not _own(t, r)]
    terms += _relationship_terms(full, w, {t.key for t in terms})
    phrases = carer_phrases(full)
    hidden = _hidden_carers(full) if r.kind in _OUTSIDE_FAMILY else set()
    for t in terms:
        if t.kind == "name" and forced(t, w):
            # A person withheld is not described either: "the kinship carer" in place of
            # Gran's name would tell Dad where Skye lives.
            t.replacement = REPLACEMENTS["name"]
        elif t.kind == "name" and t.owners & hidden:
            t.replacement = phrases.get(next(iter(t.owners & hidden)), t.replacement)
    matcher = Matcher(terms)
    counts: dict[str, int] = {}
    forms: dict[str, dict[str, None]] = {}
    for text in texts:
        for hit in matcher.hits(text):
            counts[hit.key] = counts.get(hit.key, 0) + 1
            forms.setdefault(hit.key, {})[hit.text] = None
    decisions = decisions or {}
    findings: list[Finding] = []
    for t in terms:
        if t.key not in counts:
            continue
        must = forced(t, w)
        out = must or decisions.get(t.key, propose(t, r, w, hidden))
        findings.append(Finding(t.key, t.kind, t.text, counts[t.key], tuple(forms[t.key]),
                                out, must, t.replacement))
    findings.sort(key=lambda f: (not f.forced, not f.leave_out, f.kind, f.text.casefold()))
    leave = {f.key for f in findings if f.leave_out}
    return findings, Matcher(t for t in terms if t.key in leave)


def _relationship_terms(full: Child, w: Withholding, known: set[str]) -> list[Term]:
    """What a withheld person is called in the record besides their name ("Gran",
    "Auntie Jean"): in free text it names them as surely as their name does."""
    out = []
    for p in full.people:
        words = " ".join((p.relationship or "").split())
        if p.id not in w.persons or not words or len(words) < 3:
            continue
        term = Term("name", words, r"(?<!\w)" + r"\s+".join(re.escape(x) for x in
                                                           words.split()) + r"(?!\w)",
                    {p.id}, replacement=REPLACEMENTS["name"])
        if term.key not in known:
            known.add(term.key)
            out.append(term)
    return out


def _own(term: Term, r: Recipient) -> bool:
    """The recipient's own name, phone or address: nothing to hide from them."""
    return r.person is not None and bool(term.owners) and term.owners <= {r.person}


def _hidden_carers(child: Child) -> set[str]:
    """Carers whose whereabouts are confidential: their address (or the home's) is marked so."""
    people = {p.id: p for p in child.people}
    hidden: set[str] = set()
    for ep in child.living:
        person = people.get(ep.carer or "")
        if person is not None and (person.address_confidential or ep.address_confidential):
            hidden.add(person.id)
    for p in child.people:
        if p.role == "carer" and p.address_confidential:
            hidden.add(p.id)
    return hidden
