"""The fuller parts of a record as a form holds them (plain JSON, so a draft keeps them as
typed) and their conversion to and from the Meeting's parts:

- views: [{"person", "text", "how": TAKING_PART code or "", "why_not"}];
- assessment: {"needs", "development", "education", "health",
  "where_the_child_lives_suits", "visits"};
- family_time: [{"with", "how_often", "supervised": "yes"/"no"/"", "notes"}];
- siblings: [{"person", "lives", "together": "yes"/"no"/"", "why_apart", "views"}];
- routes_considered: [{"route", "outcome", "reasons"}];
- orders: [{"status", "action", "date", "measures": [codes], "residence", "expires"}];
- panel: {"members": one name a line, "quorate": "yes"/"no"/"", "medical_adviser",
  "legal_adviser", "question", "dissent"}.

People are typed by name; the record keeps a PERSON id where the name is one of the child's
people (INTERCHANGE.md: `person`, `with`), so an export names them as the file does, and
shows the name again when the form is opened.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pace_desktop.domain.meeting_parts import (
    ASSESSMENT_FIELDS,
    Assessment,
    FamilyTime,
    OrderMade,
    PanelRecord,
    RouteConsidered,
    SiblingNote,
    View,
)
from pace_desktop.domain.records import Meeting
from pace_desktop.forms.answers import is_blank_row, read_date, rows_of, show_date, text_of

PANEL_KEYS = ("members", "quorate", "medical_adviser", "legal_adviser", "question", "dissent")
ROW_KEYS: dict[str, tuple[str, ...]] = {
    "views": ("person", "text", "how", "why_not"),
    "family_time": ("with", "how_often", "supervised", "notes"),
    "siblings": ("person", "lives", "together", "why_apart", "views"),
    "routes_considered": ("route", "outcome", "reasons"),
    "orders": ("status", "action", "date", "measures", "residence", "expires"),
}


def blank_part(part: str) -> Any:
    if part == "assessment":
        return dict.fromkeys(ASSESSMENT_FIELDS, "")
    if part == "panel":
        return dict.fromkeys(PANEL_KEYS, "")
    return []


def blank_row(part: str) -> dict[str, Any]:
    return {k: [] if k == "measures" else "" for k in ROW_KEYS[part]}


def _flag(value: object) -> bool | None:
    return {"yes": True, "no": False}.get(value if isinstance(value, str) else "")


def _yes_no(flag: bool | None) -> str:
    return "" if flag is None else "yes" if flag else "no"


def _or_none(value: object) -> str | None:
    return text_of(value) or None


def _rows(values: Mapping[str, Any], part: str) -> list[dict[str, Any]]:
    return [r for r in rows_of(values.get(part)) or [] if not is_blank_row(r)]


def to_parts(values: Mapping[str, Any], parts: set[str], ids: Mapping[str, str]
             ) -> dict[str, Any]:
    """Meeting keyword arguments for the `parts` a form asks (values already validated)."""

    def who(name: object) -> str:
        typed = text_of(name)
        return ids.get(typed, typed)

    out: dict[str, Any] = {}
    if "views" in parts:
        out["views"] = tuple(View(who(r.get("person")), _or_none(r.get("text")),
                                  _or_none(r.get("how")), _or_none(r.get("why_not")))
                             for r in _rows(values, "views"))
    if "assessment" in parts:
        a = values.get("assessment")
        a = a if isinstance(a, dict) else {}
        found = {f: _or_none(a.get(f)) for f in ASSESSMENT_FIELDS}
        out["assessment"] = Assessment(**found) if any(found.values()) else None
    if "family_time" in parts:
        out["family_time"] = tuple(
            FamilyTime(who(r.get("with")), _or_none(r.get("how_often")),
                       _flag(r.get("supervised")), _or_none(r.get("notes")))
            for r in _rows(values, "family_time"))
    if "siblings" in parts:
        out["siblings"] = tuple(
            SiblingNote(who(r.get("person")), _or_none(r.get("lives")),
                        _flag(r.get("together")), _or_none(r.get("why_apart")),
                        _or_none(r.get("views")))
            for r in _rows(values, "siblings"))
    if "routes_considered" in parts:
        out["routes_considered"] = tuple(
            RouteConsidered(text_of(r.get("route")), text_of(r.get("outcome")),
                            _or_none(r.get("reasons")))
            for r in _rows(values, "routes_considered"))
    if "orders" in parts:
        out["orders"] = tuple(
            OrderMade(text_of(r.get("status")), text_of(r.get("action")),
                      read_date(r.get("date")),
                      tuple(m for m in r.get("measures") or () if isinstance(m, str)),
                      _or_none(r.get("residence")), read_date(r.get("expires")))
            for r in _rows(values, "orders"))
    if "panel" in parts:
        p = values.get("panel")
        p = p if isinstance(p, dict) else {}
        members = tuple(n.strip() for n in text_of(p.get("members")).splitlines() if n.strip())
        panel = PanelRecord(members, _flag(p.get("quorate")),
                            *(_or_none(p.get(k)) for k in PANEL_KEYS[2:]))
        out["panel"] = panel if panel != PanelRecord() else None
    return out


def from_parts(meeting: Meeting, parts: set[str], names: Mapping[str, str]) -> dict[str, Any]:
    """The values that show `meeting`'s parts in a form asking `parts`."""

    def name(person: str) -> str:
        return names.get(person, person)

    out: dict[str, Any] = {}
    if "views" in parts:
        out["views"] = [{"person": name(v.person), "text": v.text or "", "how": v.how or "",
                         "why_not": v.why_not or ""} for v in meeting.views]
    if "assessment" in parts:
        a = meeting.assessment or Assessment()
        out["assessment"] = {f: getattr(a, f) or "" for f in ASSESSMENT_FIELDS}
    if "family_time" in parts:
        out["family_time"] = [{"with": name(f.with_), "how_often": f.how_often or "",
                               "supervised": _yes_no(f.supervised), "notes": f.notes or ""}
                              for f in meeting.family_time]
    if "siblings" in parts:
        out["siblings"] = [{"person": name(s.person), "lives": s.lives or "",
                            "together": _yes_no(s.together), "why_apart": s.why_apart or "",
                            "views": s.views or ""} for s in meeting.siblings]
    if "routes_considered" in parts:
        out["routes_considered"] = [{"route": r.route, "outcome": r.outcome,
                                     "reasons": r.reasons or ""}
                                    for r in meeting.routes_considered]
    if "orders" in parts:
        out["orders"] = [{"status": o.status, "action": o.action, "date": show_date(o.date),
                          "measures": list(o.measures), "residence": o.residence or "",
                          "expires": show_date(o.expires)} for o in meeting.orders]
    if "panel" in parts:
        p = meeting.panel or PanelRecord()
        out["panel"] = {"members": "\n".join(p.members), "quorate": _yes_no(p.quorate),
                        **{k: getattr(p, k) or "" for k in PANEL_KEYS[2:]}}
    return out
