"""The demo caseload's words made to agree with its own record, so the checks before printing
(chronology/checks.py) find no contradictions a real worker would not have made.

The generator picks its words before it knows everything about the child (whether any
brothers or sisters are recorded, for one); rewriting the text afterwards, without another
draw from the random generator, keeps every other part of the caseload exactly as it was.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Final

from pace_desktop.domain.records import Child, Event, Meeting

# Said of brothers and sisters, and what a child without any recorded says instead.
_NO_SIBLINGS: Final = (
    ("Sibling family time took place", "Family time at the family centre took place"),
    ("saw their brother and sister at the family centre", "saw Mum at the family centre"),
    ("Keeps sibling relationships going", "Keeps family relationships going"),
    ("Moved to live with brother and sister", "Planned move to carers who can care for"
                                              " them for longer"),
    ("miss their brother", "miss their old friends"),
    ("Sibling assessment to inform the plan", "Family assessment to inform the plan"),
    ("Complete the sibling assessment", "Complete the family assessment"),
)
_SAID = ("ibling", "brother", "sister")


def fit_to_record(child: Child) -> Child:
    if any(p.role == "sibling" for p in child.people):
        return child
    return replace(
        child,
        events=tuple(_event(e) for e in child.events),
        living=tuple(replace(ep, reason_for_move=_words(ep.reason_for_move))
                     if _mentions(ep.reason_for_move) else ep for ep in child.living),
        meetings=tuple(_meeting(m) for m in child.meetings),
    )


def _mentions(text: str | None) -> bool:
    return bool(text) and any(w in text for w in _SAID)  # type: ignore[operator]


def _words(text: str | None) -> str | None:
    if not text:
        return text
    for said, instead in _NO_SIBLINGS:
        text = text.replace(said, instead)
    return text


def _event(e: Event) -> Event:
    if not any(_mentions(t) for t in (e.title, e.detail, e.impact, e.action)):
        return e
    return replace(e, title=_words(e.title) or e.title, detail=_words(e.detail),
                   impact=_words(e.impact), action=_words(e.action))


def _meeting(m: Meeting) -> Meeting:
    texts = (m.child_views, *(d.text for d in m.decisions), *(a.text for a in m.actions))
    if not any(_mentions(t) for t in texts):
        return m
    return replace(m, child_views=_words(m.child_views),
                   decisions=tuple(replace(d, text=_words(d.text) or d.text)
                                   for d in m.decisions),
                   actions=tuple(replace(a, text=_words(a.text) or a.text) for a in m.actions))
