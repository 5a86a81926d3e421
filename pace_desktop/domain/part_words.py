"""The fuller parts of a decision record in plain words, section by section, for every
place a person reads a record (the decision record PDF, the finalised record on screen).

`part_sections(meeting, names)` gives (heading, lines) pairs in the order a reader expects:
what the review considered, each person's views, family time, brothers and sisters, the
routes considered, the orders, and how a permanence panel was made up. A section is left out
when the record has nothing in it; `names` turns PERSON ids back into names.
"""

from __future__ import annotations

from collections.abc import Mapping

from pace_desktop.domain.date_words import long_date
from pace_desktop.domain.records import Meeting
from pace_desktop.domain.vocab import (
    LEGAL_STATUSES,
    ORDER_ACTIONS,
    ORDER_MEASURES,
    ROUTE_OUTCOMES,
    ROUTES,
    TAKING_PART,
)

ASSESSMENT_HEADINGS = {
    "needs": "The child's needs",
    "development": "Development",
    "education": "Education",
    "health": "Health",
    "where_the_child_lives_suits": "Whether where the child lives suits them",
    "visits": "Visits made to the child",
}
SECTION_HEADINGS = ("What the review considered", "Each person's views", "Family time",
                    "Brothers and sisters", "Routes considered", "Orders",
                    "The permanence panel")


def _yes_no(flag: bool | None, yes: str, no: str) -> str:
    return "" if flag is None else yes if flag else no


def part_sections(m: Meeting, names: Mapping[str, str] | None = None
                  ) -> list[tuple[str, list[str]]]:
    names = names or {}

    def who(person: str) -> str:
        return names.get(person, person)

    out: list[tuple[str, list[str]]] = []
    if m.assessment is not None:
        lines = [f"{h}: {getattr(m.assessment, k)}" for k, h in ASSESSMENT_HEADINGS.items()
                 if getattr(m.assessment, k)]
        out.append((SECTION_HEADINGS[0], lines))
    if m.views:
        out.append((SECTION_HEADINGS[1], [
            f"{who(v.person)}"
            + (f" ({TAKING_PART.get(v.how, v.how).lower()})" if v.how else "")
            + (f": {v.text}" if v.text else "")
            + (f" Why not: {v.why_not}" if v.why_not else "") for v in m.views]))
    if m.family_time:
        out.append((SECTION_HEADINGS[2], [
            f"With {who(f.with_)}"
            + (f", {f.how_often}" if f.how_often else "")
            + (f", {_yes_no(f.supervised, 'supervised', 'not supervised')}"
               if f.supervised is not None else "")
            + (f". {f.notes}" if f.notes else "") for f in m.family_time]))
    if m.siblings:
        out.append((SECTION_HEADINGS[3], [
            f"{who(s.person)}"
            + (f" lives {s.lives}" if s.lives else "")
            + (f"; {_yes_no(s.together, 'lives together with the child', 'lives apart')}"
               if s.together is not None else "")
            + (f" because {s.why_apart}" if s.why_apart else "")
            + (f". Their views: {s.views}" if s.views else "") for s in m.siblings]))
    if m.routes_considered:
        out.append((SECTION_HEADINGS[4], [
            f"{ROUTES.get(r.route, r.route)}: {ROUTE_OUTCOMES.get(r.outcome, r.outcome)}"
            + (f". Reasons: {r.reasons}" if r.reasons else "") for r in m.routes_considered]))
    if m.orders:
        out.append((SECTION_HEADINGS[5], [
            f"{LEGAL_STATUSES.get(o.status, o.status)}: "
            f"{ORDER_ACTIONS.get(o.action, o.action).lower()}"
            + (f" on {long_date(o.date)}" if o.date else "")
            + (f"; measures: {', '.join(ORDER_MEASURES.get(x, x).lower() for x in o.measures)}"
               if o.measures else "")
            + (f"; the child must live {o.residence}" if o.residence else "")
            + (f"; expires {long_date(o.expires)}" if o.expires else "")
            for o in m.orders]))
    if m.panel is not None:
        p = m.panel
        lines = []
        if p.members:
            lines.append(f"Members: {'; '.join(p.members)}")
        if p.quorate is not None:
            lines.append(_yes_no(p.quorate, "The permanence panel was quorate",
                                 "The permanence panel was not quorate"))
        lines += [f"{h}: {v}" for h, v in (
            ("Medical adviser", p.medical_adviser), ("Legal adviser", p.legal_adviser),
            ("The question put to the permanence panel", p.question),
            ("Dissent", p.dissent)) if v]
        out.append((SECTION_HEADINGS[6], lines))
    return [(h, lines) for h, lines in out if lines]
