"""Checks for the fuller parts of a record (forms.part_values), each problem tied to its
field, in plain words. Called by forms.validation; never raises on odd input."""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any

from pace_desktop.domain.bounds import MAX_TEXT, too_long
from pace_desktop.domain.meeting_parts import ASSESSMENT_FIELDS
from pace_desktop.domain.vocab import (
    LEGAL_STATUSES,
    ORDER_ACTIONS,
    ORDER_MEASURES,
    ROUTE_OUTCOMES,
    ROUTES,
    TAKING_PART,
)
from pace_desktop.forms.answers import DateUnreadable, is_blank_row, read_date, rows_of, text_of
from pace_desktop.forms.definitions import FieldDef
from pace_desktop.forms.part_values import PANEL_KEYS, ROW_KEYS

UNREADABLE = "this answer could not be read; please enter it again"
Add = Callable[[str, str], None]
NOUNS = {"views": "Person", "family_time": "Family time", "siblings": "Brother or sister",
         "routes_considered": "Route", "orders": "Order"}


def check_part(add: Add, f: FieldDef, value: Any, people: Collection[str] | None) -> None:
    if f.id in ("assessment", "panel"):
        keys = ASSESSMENT_FIELDS if f.id == "assessment" else PANEL_KEYS
        if not isinstance(value, dict) or not all(isinstance(value.get(k, ""), str)
                                                  for k in keys):
            add(f.id, UNREADABLE.capitalize())
            return
        for k in keys:
            if (long := too_long(value.get(k, ""), MAX_TEXT)):
                add(f.id, f"This answer {long}")
        if f.id == "panel" and value.get("quorate", "") not in ("", "yes", "no"):
            add(f.id, UNREADABLE.capitalize())
        if f.required and not any(text_of(value.get(k)) for k in keys):
            add(f.id, f.blank_message)
        return
    rows = rows_of(value)
    if rows is None:
        add(f.id, UNREADABLE.capitalize())
        return
    noun = NOUNS[f.id]
    kept = 0
    for n, row in enumerate(rows, 1):
        where = f"{noun} {n}"
        texts = [k for k in ROW_KEYS[f.id] if k != "measures"]
        if not all(isinstance(row.get(k, ""), str) for k in texts) or not isinstance(
                row.get("measures", []), list):
            add(f.id, f"{where}: {UNREADABLE}")
            continue
        if is_blank_row(row):
            continue
        kept += 1
        for k in texts:
            if (long := too_long(row.get(k, ""), MAX_TEXT)):
                add(f.id, f"{where}: this answer {long}")
        _ROW_CHECKS[f.id](add, f.id, where, row, people)
    if f.required and not kept:
        add(f.id, f.blank_message)


def _views(add: Add, fid: str, where: str, row: dict[str, Any],
           people: Collection[str] | None) -> None:
    if not text_of(row.get("person")):
        add(fid, f"{where}: say whose views these are")
    how = row.get("how", "")
    if how and how not in TAKING_PART:
        add(fid, f"{where}: {UNREADABLE}")
    if how == "not_obtained" and not text_of(row.get("why_not")):
        add(fid, f"{where}: say why their views were not obtained")
    if not how and not text_of(row.get("text")):
        add(fid, f"{where}: write their views, or say how they took part")


def _family_time(add: Add, fid: str, where: str, row: dict[str, Any],
                 people: Collection[str] | None) -> None:
    if not text_of(row.get("with")):
        add(fid, f"{where}: say who the family time is with")
    if row.get("supervised", "") not in ("", "yes", "no"):
        add(fid, f"{where}: {UNREADABLE}")


def _siblings(add: Add, fid: str, where: str, row: dict[str, Any],
              people: Collection[str] | None) -> None:
    name = text_of(row.get("person"))
    if not name:
        add(fid, f"{where}: say which brother or sister")
    elif people is not None and name not in people:
        add(fid, f"{where}: {name} is not among the people in this child's record; add them "
                 "there first (as a brother or sister), then choose them here")
    together = row.get("together", "")
    if together not in ("", "yes", "no"):
        add(fid, f"{where}: {UNREADABLE}")
    elif together == "no" and not text_of(row.get("why_apart")):
        add(fid, f"{where}: say why they do not live together")


def _routes(add: Add, fid: str, where: str, row: dict[str, Any],
            people: Collection[str] | None) -> None:
    if row.get("route", "") not in ROUTES:
        add(fid, f"{where}: choose the route")
    if row.get("outcome", "") not in ROUTE_OUTCOMES:
        add(fid, f"{where}: say whether it was chosen, planned in parallel or ruled out")
    if not text_of(row.get("reasons")):
        add(fid, f"{where}: give the reasons")


def _orders(add: Add, fid: str, where: str, row: dict[str, Any],
            people: Collection[str] | None) -> None:
    if row.get("status", "") not in LEGAL_STATUSES:
        add(fid, f"{where}: choose which order")
    if row.get("action", "") not in ORDER_ACTIONS:
        add(fid, f"{where}: say whether it was made, continued, varied or ended")
    measures = row.get("measures", [])
    if not all(isinstance(m, str) and m in ORDER_MEASURES for m in measures):
        add(fid, f"{where}: {UNREADABLE}")
    if "residence" in measures and not text_of(row.get("residence")):
        add(fid, f"{where}: say where the child must live")
    days = {}
    for key, what in (("date", "date"), ("expires", "expiry date")):
        try:
            days[key] = read_date(row.get(key))
        except DateUnreadable as exc:
            add(fid, f"{where} {what}: {exc}")
    if days.get("date") and days.get("expires") and days["expires"] <= days["date"]:
        add(fid, f"{where}: it must expire after it was made")


_ROW_CHECKS = {"views": _views, "family_time": _family_time, "siblings": _siblings,
               "routes_considered": _routes, "orders": _orders}
