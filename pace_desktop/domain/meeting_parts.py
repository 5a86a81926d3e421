"""The fuller parts of a decision record (INTERCHANGE.md, MEETING, the fields marked *new*):
each person's views, what a review must consider, family time, brothers and sisters, the
routes considered, the orders a hearing made and how a permanence panel was made up.

`parts_to_dict` and `parts_from_dict` give the plain-data form the store keeps them in: one
value per meeting, whole, because these parts are read and written with their meeting.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any


@dataclass(frozen=True, slots=True)
class View:
    """One person's views, and how they took part (or why not)."""

    person: str  # a PERSON id, or a name
    text: str | None = None
    how: str | None = None
    why_not: str | None = None


@dataclass(frozen=True, slots=True)
class Assessment:
    """What a review must consider (LAC(S) Regs 2009, reg 44(3) and 45(5))."""

    needs: str | None = None
    development: str | None = None
    education: str | None = None
    health: str | None = None
    where_the_child_lives_suits: str | None = None
    visits: str | None = None


@dataclass(frozen=True, slots=True)
class FamilyTime:
    with_: str  # a PERSON id, or a name ("with" is a Python keyword)
    how_often: str | None = None
    supervised: bool | None = None
    notes: str | None = None


@dataclass(frozen=True, slots=True)
class SiblingNote:
    """A brother or sister: where they live, whether together, why apart, their views."""

    person: str  # a PERSON id
    lives: str | None = None
    together: bool | None = None
    why_apart: str | None = None
    views: str | None = None


@dataclass(frozen=True, slots=True)
class RouteConsidered:
    route: str
    outcome: str  # chosen · parallel · ruled_out
    reasons: str | None = None


@dataclass(frozen=True, slots=True)
class OrderMade:
    """What a hearing or court did with an order."""

    status: str  # a LEGAL status
    action: str  # made · continued · varied · ended
    date: date | None = None
    measures: tuple[str, ...] = ()
    residence: str | None = None
    expires: date | None = None


@dataclass(frozen=True, slots=True)
class PanelRecord:
    """How a permanence panel was made up and what it was asked (Adoption Agencies (Scotland)
    Regulations 2009): its members, whether it was quorate, its medical and legal advisers,
    the question put to it and any member who dissented. An optional field of MEETING the
    product adds (INTERCHANGE.md allows optional fields)."""

    members: tuple[str, ...] = ()
    quorate: bool | None = None
    medical_adviser: str | None = None
    legal_adviser: str | None = None
    question: str | None = None
    dissent: str | None = None


ASSESSMENT_FIELDS = ("needs", "development", "education", "health",
                     "where_the_child_lives_suits", "visits")


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _day(s: Any) -> date | None:
    return date.fromisoformat(s) if s else None


def _clean(out: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in out.items() if v is not None and v != []}


def view_dict(v: View) -> dict[str, Any]:
    return _clean({"person": v.person, "text": v.text, "how": v.how, "why_not": v.why_not})


def assessment_dict(a: Assessment) -> dict[str, Any]:
    return _clean({f: getattr(a, f) for f in ASSESSMENT_FIELDS})


def family_time_dict(f: FamilyTime) -> dict[str, Any]:
    return _clean({"with": f.with_, "how_often": f.how_often, "supervised": f.supervised,
                   "notes": f.notes})


def sibling_dict(s: SiblingNote) -> dict[str, Any]:
    return _clean({"person": s.person, "lives": s.lives, "together": s.together,
                   "why_apart": s.why_apart, "views": s.views})


def route_dict(r: RouteConsidered) -> dict[str, Any]:
    return _clean({"route": r.route, "outcome": r.outcome, "reasons": r.reasons})


def order_dict(o: OrderMade) -> dict[str, Any]:
    return _clean({"status": o.status, "action": o.action, "date": _iso(o.date),
                   "measures": list(o.measures), "residence": o.residence,
                   "expires": _iso(o.expires)})


def panel_dict(p: PanelRecord) -> dict[str, Any]:
    return _clean({"members": list(p.members), "quorate": p.quorate,
                   "medical_adviser": p.medical_adviser, "legal_adviser": p.legal_adviser,
                   "question": p.question, "dissent": p.dissent})


def panel_from(p: dict[str, Any]) -> PanelRecord:
    return PanelRecord(tuple(p.get("members", ())), p.get("quorate"), p.get("medical_adviser"),
                       p.get("legal_adviser"), p.get("question"), p.get("dissent"))


def parts_to_dict(views: tuple[View, ...], assessment: Assessment | None,
                  family_time: tuple[FamilyTime, ...], siblings: tuple[SiblingNote, ...],
                  routes: tuple[RouteConsidered, ...], orders: tuple[OrderMade, ...],
                  panel: PanelRecord | None = None) -> dict[str, Any]:
    return _clean({
        "views": [view_dict(v) for v in views],
        "assessment": assessment_dict(assessment) if assessment else None,
        "family_time": [family_time_dict(f) for f in family_time],
        "siblings": [sibling_dict(s) for s in siblings],
        "routes_considered": [route_dict(r) for r in routes],
        "orders": [order_dict(o) for o in orders],
        "panel": (panel_dict(panel) or None) if panel else None,
    })


def parts_from_dict(data: dict[str, Any]) -> dict[str, Any]:
    """Keyword arguments for `Meeting` from `parts_to_dict`'s form."""
    a = data.get("assessment")
    return {
        "views": tuple(View(v["person"], v.get("text"), v.get("how"), v.get("why_not"))
                       for v in data.get("views", ())),
        "assessment": Assessment(**{f: a.get(f) for f in ASSESSMENT_FIELDS}) if a else None,
        "family_time": tuple(FamilyTime(f["with"], f.get("how_often"), f.get("supervised"),
                                        f.get("notes")) for f in data.get("family_time", ())),
        "siblings": tuple(SiblingNote(s["person"], s.get("lives"), s.get("together"),
                                      s.get("why_apart"), s.get("views"))
                          for s in data.get("siblings", ())),
        "routes_considered": tuple(RouteConsidered(r["route"], r["outcome"], r.get("reasons"))
                                   for r in data.get("routes_considered", ())),
        "orders": tuple(OrderMade(o["status"], o["action"], _day(o.get("date")),
                                  tuple(o.get("measures", ())), o.get("residence"),
                                  _day(o.get("expires"))) for o in data.get("orders", ())),
        "panel": panel_from(data["panel"]) if data.get("panel") else None,
    }
