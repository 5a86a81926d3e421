"""Identifiers in free text (DOMAIN.md, hearing papers): in small communities a surname, a
phone number, a school or a road tells where a child lives as surely as an address.

Two sources of terms:

* the record: every person's full name, each first name and surname (found with or
  without a title such as "Mrs"), their phone number (in any spacing, with or without +44),
  and every address and its parts (the street with or without its number, the place, the
  postcode), for people and for the homes the child has lived in;
* the text itself: phone numbers, postcodes, named roads ("Harbour Road") and named schools
  and services ("Pinewood Nursery", "Kirkton Medical Practice") typed into any field.

Every term is matched in any letter case. A name the child shares (a parent's surname is
often the child's) is looked for only with a title ("Mr MacLeod"): the bare word would take
the child's own name out of their papers.

`Matcher` finds terms in text (for highlighting and counting) and replaces them (for
leaving them out); the longest term at a place wins, so "7 Hidden Lane" is replaced whole
rather than leaving "7 [street withheld]".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from pace_desktop.domain.print_record import identifier_key, normalise, phone_digits
from pace_desktop.domain.records import Child, Person

TITLES = ("Mrs", "Mr", "Ms", "Miss", "Mx", "Dr", "Prof", "Professor", "Rev", "Sir", "Dame")
_TITLE = r"(?:(?:" + "|".join(TITLES) + r")\.?\s+)"
_GAP = r"[\s\-.()]*"  # what may sit between the digits of a phone number

REPLACEMENTS = {
    "name": "[name withheld]",
    "phone": "[phone number withheld]",
    "address": "[address withheld]",
    "street": "[street withheld]",
    "place": "[place withheld]",
    "postcode": "[postcode withheld]",
    "road": "[street withheld]",
    "school": "[school or service withheld]",
}
KIND_WORDS = {
    "name": "Name", "phone": "Phone number", "address": "Address", "street": "Street",
    "place": "Place", "postcode": "Postcode", "road": "Street named in the text",
    "school": "School or service named in the text",
}
CARER_PHRASES = {
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

# Words in a name field that are not names ("Mr and Mrs Mitchell", "the Brodie family").
_NOT_NAMES = {t.casefold() for t in TITLES} | {
    "and", "&", "the", "of", "family", "carer", "carers", "foster", "kinship", "staff", "team",
    "unknown", "not", "known", "baby", "de", "van", "von", "la", "le", "di", "da"}
_NOT_PLACES = {"scotland", "uk", "united kingdom", "great britain", "gb"}

_WORD = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")
_PHONE = re.compile(r"(?<![\w+])(?:\+\s*44\s*(?:\(0\)\s*)?|0)(?:[\s\-.()]*\d){9,10}(?!\d)")
_POSTCODE = re.compile(r"(?<!\w)[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}(?!\w)")
_CAP = r"(?:[A-Z][\w'’\-]*|St\.?|Mc\w+|Mac\w+)"
_ROADS = ("Road", "Rd", "Street", "Lane", "Avenue", "Drive", "Crescent", "Place", "Close",
          "Terrace", "Gardens", "Way", "Court", "Brae", "Wynd", "Square", "Row", "Grove",
          "Walk", "Loan", "Vennel", "Rise", "Gate", "Quay", "Esplanade", "Parade")
_ROAD = re.compile(r"(?<!\w)(?:\d+[A-Za-z]?,?\s+)?(?:" + _CAP + r"\s+){1,3}(?:"
                   + "|".join(_ROADS) + r")(?!\w)")
_SCHOOLS = ("Primary School", "High School", "Grammar School", "Academy", "Nursery School",
            "Nursery", "Primary", "School", "College", "Playgroup", "Family Centre",
            "Health Centre", "Medical Practice", "Surgery", "Clinic", "Hospital", "Centre",
            "Project", "Services", "Service", "Unit")
_SCHOOL = re.compile(r"(?<!\w)(?:" + _CAP + r"\s+){1,4}(?:" + "|".join(_SCHOOLS) + r")(?!\w)")
# Leading words a named road or school picks up from the sentence ("Then Pinewood Nursery"),
# and words that on their own make a service generic, not named ("Social Work Service").
_SENTENCE_WORDS = {"the", "then", "at", "on", "in", "near", "from", "to", "and", "by", "for",
                   "with", "she", "he", "they", "we", "i", "mum", "dad", "her", "his", "their",
                   "our", "a", "an", "after", "before", "when", "while", "today", "yesterday",
                   "this", "that", "off", "via", "past", "into", "onto", "up", "down"}
_GENERIC = {"social", "work", "children's", "childrens", "children", "health", "police",
            "education", "family", "families", "services", "service", "team", "nhs", "council",
            "local", "authority", "scottish", "children’s", "child", "care", "adult", "mental",
            "community", "youth", "justice", "support", "duty", "out", "of", "hours", "school",
            "nursery", "primary", "secondary", "high", "centre", "unit", "project", "hospital",
            "clinic", "surgery", "practice", "medical", "college", "academy", "playgroup",
            "reporter", "hearing", "hearings", "court", "sheriff", "visiting", "visitor",
            "protection", "the", "a", "general", "emergency", "department", "ward", "day",
            "fostering", "adoption", "permanence", "panel", "agency", "sw", "scra", "iro"}


@dataclass(slots=True)
class Term:
    """One identifier: what it is, how it reads, the pattern that finds it, whose it is."""

    kind: str
    text: str
    pattern: str
    owners: set[str] = field(default_factory=set)  # PERSON and LIVING ids
    confidential: bool = False  # a part of an address the record marks confidential
    from_text: bool = False  # found by its shape in free text, not taken from the record
    replacement: str = ""
    anchor: str = ""  # a word every match contains (casefolded); "" for phones and postcodes

    def __post_init__(self) -> None:
        if not self.anchor and self.kind not in ("phone", "postcode"):
            words = _WORD.findall(self.text.casefold())
            self.anchor = max(words, key=len) if words else ""

    @property
    def key(self) -> str:
        return identifier_key(self.kind, self.text)


def _words(text: str) -> str:
    return r"\s+".join(re.escape(w) for w in text.split())


def _phone_pattern(number: str) -> str | None:
    digits = phone_digits(number)
    if len(digits) < 6:
        return None
    head = r"(?:\+\s*44\s*(?:\(0\)\s*)?|0)" if digits[0] == "0" else re.escape(digits[0])
    return r"(?<![\w+])" + head + "".join(_GAP + d for d in digits[1:]) + r"(?!\d)"


def _name_tokens(name: str) -> list[str]:
    tokens = re.split(r"[\s,&/]+", name)
    return [t.strip(".") for t in tokens
            if len(t.strip(".")) >= 2 and t.strip(".").casefold() not in _NOT_NAMES]


def _child_words(child: Child) -> set[str]:
    names = " ".join(n for n in (child.given_name, child.family_name, child.known_as) if n)
    return {t.casefold() for t in re.split(r"[\s\-]+", names) if t}


class Terms:
    """Terms by key, merged: two people sharing a surname share one term with two owners."""

    def __init__(self) -> None:
        self.by_key: dict[str, Term] = {}

    def add(self, term: Term) -> None:
        kept = self.by_key.get(term.key)
        if kept is None:
            self.by_key[term.key] = term
            return
        kept.owners |= term.owners
        kept.confidential = kept.confidential or term.confidential
        if not term.from_text:
            kept.from_text = False

    def __iter__(self) -> Iterator[Term]:
        return iter(self.by_key.values())


def record_terms(child: Child) -> Terms:
    """Every identifier the record itself holds: people's names, phones, addresses."""
    terms = Terms()
    own = _child_words(child)
    phrases = carer_phrases(child)
    for p in child.people:
        _person_terms(terms, p, own, phrases.get(p.id))
        if p.address:
            _address_terms(terms, p.address, p.id, p.address_confidential)
    for ep in child.living:
        if ep.address:
            _address_terms(terms, ep.address, ep.id or f"living@{ep.start}",
                           ep.address_confidential)
    return terms


def _person_terms(terms: Terms, p: Person, own: set[str], phrase: str | None) -> None:
    say = phrase or REPLACEMENTS["name"]
    full = " ".join(p.name.split())
    tokens = _name_tokens(full)
    if not tokens:
        return
    if len(full.split()) > 1:
        terms.add(Term("name", full, r"(?<!\w)" + _TITLE + "?" + _words(full) + r"(?!\w)",
                       {p.id}, replacement=say))
    for t in tokens:
        if t.casefold() in own:
            # The child's own name: only "Mr MacLeod", never the bare word.
            terms.add(Term("name", f"{t} (after a title)",
                           r"(?<!\w)" + _TITLE + re.escape(t) + r"(?!\w)", {p.id},
                           replacement=say, anchor=max(_WORD.findall(t.casefold()), key=len)))
        else:
            terms.add(Term("name", t, r"(?<!\w)" + _TITLE + "?" + re.escape(t) + r"(?!\w)",
                           {p.id}, replacement=say))
    if p.phone:
        pattern = _phone_pattern(p.phone)
        if pattern:
            terms.add(Term("phone", p.phone.strip(), pattern, {p.id},
                           replacement=REPLACEMENTS["phone"]))


def _address_terms(terms: Terms, address: str, owner: str, confidential: bool) -> None:
    full = " ".join(address.replace("\n", ", ").split())
    terms.add(Term("address", full, r"(?<!\w)" + r",?\s*".join(
        _words(part) for part in _parts(full)) + r"(?!\w)", {owner}, confidential,
        replacement=REPLACEMENTS["address"]))
    for part in _parts(full):
        if _POSTCODE.fullmatch(part.upper()):
            terms.add(Term("postcode", part.upper(), r"(?<!\w)" + r"\s*".join(
                re.escape(c) for c in part.replace(" ", "")) + r"(?!\w)", {owner},
                confidential, replacement=REPLACEMENTS["postcode"]))
            continue
        street = re.sub(r"^(?:flat\s+\S+\s+)?\d+[A-Za-z]?[,/]?\s+", "", part, flags=re.I)
        if street != part and len(street) >= 3:
            terms.add(Term("street", street, r"(?<!\w)(?:\d+[A-Za-z]?,?\s+)?" + _words(street)
                           + r"(?!\w)", {owner}, confidential,
                           replacement=REPLACEMENTS["street"]))
        elif len(part) >= 3 and part.casefold() not in _NOT_PLACES and not part.isdigit():
            terms.add(Term("place", part, r"(?<!\w)" + _words(part) + r"(?!\w)", {owner},
                           confidential, replacement=REPLACEMENTS["place"]))


def _parts(address: str) -> list[str]:
    return [p.strip() for p in address.split(",") if p.strip()]


def carer_phrases(child: Child) -> dict[str, str]:
    """Carers, by PERSON id, and the plain phrase their name becomes when it is left out."""
    out: dict[str, str] = {}
    names = {p.id: p.name for p in child.people}
    for ep in child.living:
        if ep.carer:
            phrase = CARER_PHRASES.get(ep.type, "the carer")
            if not _couple(names.get(ep.carer, "")) and phrase in _ONE_CARER:
                # "Mrs Mitchell says" becomes "the foster carer says", not "carers says".
                phrase = _ONE_CARER[phrase]
            out.setdefault(ep.carer, phrase)
    for p in child.people:
        if p.role == "carer":
            out.setdefault(p.id, "the carer")
    return out


_ONE_CARER = {"the foster carers": "the foster carer",
              "the prospective adopters": "the prospective adopter"}


def _couple(name: str) -> bool:
    """Whether a carer's name names more than one person ("Kirsteen and Neil Milne")."""
    words = {w.casefold() for w in name.split()}
    return bool(words & {"and", "&", "family"})


def text_terms(texts: Iterable[str]) -> Terms:
    """Identifiers found by their shape in free text: phones, postcodes, roads, schools."""
    terms = Terms()
    for text in texts:
        for m in _PHONE.finditer(text):
            pattern = _phone_pattern(m.group(0))
            if pattern:
                terms.add(Term("phone", m.group(0).strip(), pattern, from_text=True,
                               replacement=REPLACEMENTS["phone"]))
        for m in _POSTCODE.finditer(text):
            code = m.group(0)
            terms.add(Term("postcode", " ".join(code.split()), r"(?<!\w)" + r"\s*".join(
                re.escape(c) for c in code.replace(" ", "")) + r"(?!\w)", from_text=True,
                replacement=REPLACEMENTS["postcode"]))
        for m in _ROAD.finditer(text):
            name = _trim(re.sub(r"^\d+[A-Za-z]?,?\s+", "", m.group(0)), keep_last=2)
            if name:
                terms.add(Term("road", name, r"(?<!\w)(?:\d+[A-Za-z]?,?\s+)?" + _words(name)
                               + r"(?!\w)", from_text=True, replacement=REPLACEMENTS["road"]))
        for m in _SCHOOL.finditer(text):
            name = _trim(m.group(0), keep_last=2)
            if name and not all(w.casefold().strip("'’") in _GENERIC for w in name.split()):
                terms.add(Term("school", name, r"(?<!\w)" + _words(name) + r"(?!\w)",
                               from_text=True, replacement=REPLACEMENTS["school"]))
    return terms


def _trim(found: str, keep_last: int) -> str:
    """`found` without the sentence's own words at its start; "" if only the keyword is left
    (a lone "Street" or "School" names nothing)."""
    words = found.split()
    while len(words) >= keep_last and words[0].casefold() in _SENTENCE_WORDS:
        words = words[1:]
    return " ".join(words) if len(words) >= 2 else ""


@dataclass(frozen=True, slots=True)
class Hit:
    key: str
    text: str
    start: int
    end: int


class Matcher:
    """All `terms` at once, longest first, in any letter case.

    A text none of whose words is a term's anchor (and, for phone numbers and postcodes,
    with no digit) cannot match, and is passed over without running the pattern: most
    entries name nobody, and a 10,000-entry chronology is read in a fraction of a second."""

    def __init__(self, terms: Iterable[Term]) -> None:
        ordered = sorted(terms, key=lambda t: (-len(t.text), t.key))
        self.terms: Mapping[str, Term] = {t.key: t for t in ordered}
        self._anchors = frozenset(t.anchor for t in ordered if t.anchor)
        self._digits = any(not t.anchor for t in ordered)
        self._names = [t.key for t in ordered]
        self._pattern = re.compile("|".join(f"(?P<t{i}>{t.pattern})"
                                            for i, t in enumerate(ordered)),
                                   re.IGNORECASE) if ordered else None

    def __bool__(self) -> bool:
        return self._pattern is not None

    def _might(self, text: str) -> bool:
        if self._digits and _DIGIT.search(text):
            return True
        return not self._anchors.isdisjoint(_WORD.findall(text.casefold()))

    def hits(self, text: str) -> Iterator[Hit]:
        if self._pattern is None or not text or not self._might(text):
            return
        for m in self._pattern.finditer(text):
            group = m.lastgroup
            assert group is not None
            yield Hit(self._names[int(group[1:])], m.group(0), m.start(), m.end())

    def replace(self, text: str) -> str:
        if self._pattern is None or not text or not self._might(text):
            return text

        def swap(m: re.Match[str]) -> str:
            group = m.lastgroup
            assert group is not None
            said = self.terms[self._names[int(group[1:])]].replacement
            # "Mrs Mitchell took her…" becomes "The foster carers took her…".
            before = text[:m.start()].rstrip()
            if not before or before[-1] in ".!?\n":
                said = said[:1].upper() + said[1:]
            return said

        return self._pattern.sub(swap, text)


__all__ = ["Hit", "Matcher", "Term", "Terms", "carer_phrases", "normalise", "phone_digits",
           "record_terms", "text_terms"]
