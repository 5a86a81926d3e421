"""Checks before a chronology prints (DOMAIN.md, Chronologies): places where the text and the
record disagree, found so the worker can fix them or accept them as they stand.

* An entry names an order the legal status does not show on that date (the text says a
  child protection order, the legal status says voluntary accommodation). Sentences that
  talk about an order rather than state one ("applied for", "recommended", "no longer")
  are not read as stating it.
* An entry speaks of brothers or sisters ("the children were present") and no brother or
  sister is recorded among the child's people.
* An entry is dated after today.
* A chronology for anyone outside the service has no analysis written at its end.

A check's key is stable (what kind, which entry, which words), so a check accepted once
stays accepted until the text or the record changes in a way that raises a new one.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from pace_desktop.chronology.drawn import DRAWN
from pace_desktop.domain.chronology_page import ChronologyPage
from pace_desktop.domain.date_words import date_as_recorded, long_date
from pace_desktop.domain.records import Child, Event
from pace_desktop.domain.vocab import LEGAL_STATUSES

# (how the text names it, the statuses that would bear it out, the order in words)
_ORDERS: tuple[tuple[re.Pattern[str], frozenset[str], str], ...] = tuple(
    (re.compile(p, flags), frozenset(s), words) for p, flags, s, words in (
        (r"\bchild protection order\b", re.I, {"cpo"}, "a child protection order"),
        (r"\bCPO\b", 0, {"cpo"}, "a child protection order"),
        (r"\binterim (?:compulsory )?supervision order\b", re.I, {"icso"},
         "an interim compulsory supervision order"),
        (r"\bICSO\b", 0, {"icso"}, "an interim compulsory supervision order"),
        (r"(?<!interim )\bcompulsory supervision order\b", re.I,
         {"cso_home", "cso_away", "icso"}, "a compulsory supervision order"),
        (r"\bCSO\b", 0, {"cso_home", "cso_away", "icso"}, "a compulsory supervision order"),
        (r"\bpermanence order\b", re.I, {"po", "poa"}, "a permanence order"),
        (r"\bPOA?\b", 0, {"po", "poa"}, "a permanence order"),
        (r"\bsection 25\b|\bs\.?\s?25\b|\bvoluntar(?:y|ily) accommodat|\baccommodated "
         r"voluntarily\b", re.I, {"s25"}, "voluntary accommodation (section 25)"),
        (r"\badoption order\b", re.I, {"adoption_order"}, "an adoption order"),
        (r"\bkinship care order\b|\bsection 11 order\b", re.I, {"s11"},
         "a kinship care order (section 11)"),
    ))
_TALK = re.compile(
    r"\b(?:appl(?:y|ied|ying|ication)|petition|lodg|consider|recommend|plann|seek|sought|"
    r"request|propos|intend|agree|discuss|advice|refus|no longer|without|instead|ended|terminat|"
    r"expir|lapse|revok|discharg|explain|previous|future|option|assess|explor)"
    r"|(?-i:\bmay\b)|\b(?:might|would|could|should|will|if|whether|not|end|plan|before)\b", re.I)
_SIBLINGS = re.compile(
    r"\bthe (?:children|kids) (?:were|was|are|have|had|all|both|together)\b|\bboth children\b|"
    r"\b(?:half[- ]|step[- ])?(?:brothers?|sisters?|siblings?)\b", re.I)
_SENTENCE = re.compile(r"(?<=[.!?;])\s+")
# Any word an order may be named by: most entries name none and skip the sentence-by-sentence
# reading below (a chronology of 10,000 entries is checked each time it is previewed).
_ANY_ORDER = re.compile(r"order|\b(?:CPO|I?CSO|POA?)\b|section|\bs\.?\s?25|voluntar",
                        re.I)
_NEAR = timedelta(days=7)  # an order made in the same week as the entry bears it out


@dataclass(frozen=True, slots=True)
class Check:
    key: str
    where: str  # which entry, in words
    says: str  # what does not agree, in words
    item: str  # the entry's id ("" for the chronology's own page)


def run_checks(child: Child, entries: Iterable[Event], page: ChronologyPage | None = None,
               outside: bool = False, today: date | None = None) -> list[Check]:
    """Every check that is not accepted on `page`, in the order of the entries."""
    page = page or ChronologyPage()
    today = today or date.today()
    has_siblings = any(p.role == "sibling" for p in child.people)
    found: list[Check] = []
    for e in entries:
        where = f"Entry of {date_as_recorded(e.date, e.date_precision)}: {e.title}"
        text = " ".join(t for t in (e.title, e.detail, e.impact, e.action) if t)
        # A decision drawn from a record looks ahead ("recommends a permanence order"); only
        # what a worker typed as having happened is read for orders.
        typed = not (e.source or "").startswith(DRAWN) and _ANY_ORDER.search(text)
        for sentence in _SENTENCE.split(text) if typed else ():
            if _TALK.search(sentence):
                continue
            for pattern, statuses, words in _ORDERS:
                m = pattern.search(sentence)
                if m and not _in_force(child, statuses, e.date):
                    found.append(Check(
                        _key("order", e, m.group(0)), where,
                        f"It says “{m.group(0)}” ({words}), but the legal status recorded on"
                        f" {long_date(e.date)} is {_status_words(child, e.date)}. Correct the"
                        " entry with an amendment or the legal status, or accept it as it"
                        " stands.", e.id))
                    break
        m = _SIBLINGS.search(text)
        if m and not has_siblings:
            found.append(Check(
                _key("siblings", e, m.group(0).casefold()), where,
                f"It speaks of brothers or sisters (“{m.group(0)}”), but no brother or sister"
                f" is recorded among {child.name}'s people. Add them, correct the entry, or"
                " accept it as it stands.", e.id))
        if e.date > today:
            found.append(Check(_key("future", e, e.date.isoformat()), where,
                               f"It is dated {long_date(e.date)}, after today.", e.id))
    if outside and not (page.analysis or "").strip():
        found.append(Check("page:analysis", "The chronology's own page",
                           "No analysis is written: a chronology for others ends with the"
                           " worker's analysis of what the pattern of events shows.", ""))
    unique: dict[str, Check] = {}
    for c in found:
        unique.setdefault(c.key, c)
    return [c for c in unique.values() if c.key not in page.accepted_checks]


def _key(kind: str, e: Event, words: str) -> str:
    which = e.id or hashlib.sha256(f"{e.date}|{e.title}".encode()).hexdigest()[:12]
    return f"{kind}:{which}:{words.casefold()}"


def _in_force(child: Child, statuses: frozenset[str], day: date) -> bool:
    return any(ep.status in statuses and ep.start - _NEAR <= day
               and (ep.end is None or day <= ep.end + _NEAR) for ep in child.legal)


def _status_words(child: Child, day: date) -> str:
    now = [LEGAL_STATUSES.get(ep.status, ep.status).lower() for ep in child.legal
           if ep.start <= day and (ep.end is None or day <= ep.end)]
    return " and ".join(now) if now else "not recorded"
