"""Checking a form's values: a list of problems in plain words, each tied to one field.

`validate` never raises on odd input (a damaged draft, a value of the wrong shape): anything
it cannot read is itself a problem to show next to its field, so the person can type it again.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from typing import Any

from pace_desktop.domain.bounds import MAX_NAME, MAX_TEXT, too_long
from pace_desktop.domain.vocab import ATTENDANCE, MILESTONE_KINDS, ROUTED_MILESTONES, ROUTES
from pace_desktop.forms.answers import (
    DateUnreadable,
    choice_parts,
    is_blank_row,
    read_date,
    rows_of,
    text_of,
)
from pace_desktop.forms.definitions import PART_TYPES, FieldDef, FormDef
from pace_desktop.forms.part_checks import check_part
from pace_desktop.forms.part_values import blank_part

UNREADABLE = "This answer could not be read; please enter it again"
# The milestones that take a route, as a noun in a sentence ("choose the route for a …").
_ROUTED_NOUNS = {"permanence_recommendation": "permanence recommendation",
                 "petition_lodged": "petition", "order_granted": "order"}
_ROUTED_WORDS = "a permanence recommendation, a petition or an order"


@dataclass(frozen=True, slots=True)
class FieldProblem:
    field_id: str
    message: str


class _Check:
    def __init__(self) -> None:
        self.problems: list[FieldProblem] = []

    def add(self, field_id: str, message: str) -> None:
        self.problems.append(FieldProblem(field_id, message))

    def date(self, field_id: str, text: object, what: str = "") -> date | None:
        try:
            return read_date(text)
        except DateUnreadable as exc:
            self.add(field_id, f"{what}{exc}" if what else str(exc))
            return None


def validate(form: FormDef, values: object, people: Collection[str] | None = None
             ) -> list[FieldProblem]:
    """Every problem with `values` for `form`, in the order the fields are asked.

    `people`: the names of the child's people, when known (a brother or sister must be one)."""
    check = _Check()
    if not isinstance(values, dict):
        values = {}
    meeting_date = check.date("date", values.get("date"))
    for f in form.fields:
        if f.id in PART_TYPES:
            check_part(check.add, f, values.get(f.id, blank_part(f.id)), people)
            continue
        _field(check, f, values.get(f.id), meeting_date)
    next_review = None if any(p.field_id == "next_review" for p in check.problems) else (
        read_date(values.get("next_review")))
    if meeting_date and next_review and next_review <= meeting_date:
        check.add("next_review", "The next review must be after the meeting")
    order = {f.id: i for i, f in enumerate(form.fields)}
    return sorted(check.problems, key=lambda p: order.get(p.field_id, len(order)))


def _field(check: _Check, f: FieldDef, value: Any, meeting_date: date | None) -> None:
    if value is None:
        value = [] if f.type.endswith("list") or f.type == "multi_choice" else ""
    if f.type in ("text", "long_text", "person"):
        if not isinstance(value, str):
            check.add(f.id, UNREADABLE)
        elif f.required and not value.strip():
            check.add(f.id, f.blank_message)
        elif (long := too_long(value, MAX_NAME if f.type == "person" else MAX_TEXT)):
            check.add(f.id, f"This answer {long}")
    elif f.type == "date":
        # The meeting date was read above; other dates are read here.
        day = check.date(f.id, value) if f.id != "date" else _quiet_date(value)
        if f.required and day is None and not _has_text(value) and not _errored(check, f.id):
            check.add(f.id, f.blank_message)
    elif f.type in ("choice", "yes_no"):
        _choice(check, f, value)
    elif f.type == "multi_choice":
        codes = {c.code for c in f.options}
        if not isinstance(value, list) or not all(isinstance(v, str) and v in codes
                                                  for v in value):
            check.add(f.id, UNREADABLE)
        elif f.required and not value:
            check.add(f.id, f.blank_message)
    elif f.type == "attendee_list":
        _attendees(check, f, value)
    elif f.type == "decision_list":
        _decisions(check, f, value)
    elif f.type == "action_list":
        _actions(check, f, value, meeting_date)


def _quiet_date(value: object) -> date | None:
    try:
        return read_date(value)
    except DateUnreadable:
        return None


def _has_text(value: object) -> bool:
    return not isinstance(value, str) or bool(value.strip())


def _errored(check: _Check, field_id: str) -> bool:
    return any(p.field_id == field_id for p in check.problems)


def _choice(check: _Check, f: FieldDef, value: object) -> None:
    parts = choice_parts(value)
    codes = {c.code for c in f.options}
    if parts is None or (parts[0] and parts[0] not in codes):
        check.add(f.id, UNREADABLE)
        return
    code, detail = parts[0], parts[1].strip()
    if f.required and not code and not detail:
        check.add(f.id, f.blank_message)
    elif code in f.detail_required_for and not detail:
        check.add(f.id, f.detail_message or f"{f.detail_label}: please fill this in")


def _attendees(check: _Check, f: FieldDef, value: object) -> None:
    rows = rows_of(value)
    if rows is None:
        check.add(f.id, UNREADABLE)
        return
    kept = 0
    for n, row in enumerate(rows, 1):
        if not all(isinstance(row.get(k, ""), str) for k in ("name", "role")) or not isinstance(
                row.get("present", True), bool) or row.get("how", "") not in ("", *ATTENDANCE):
            check.add(f.id, f"Person {n}: {UNREADABLE[0].lower()}{UNREADABLE[1:]}")
        elif is_blank_row(row):
            continue
        elif not text_of(row.get("name")):
            check.add(f.id, f"Person {n} needs a name")
        else:
            kept += 1
    if f.required and not kept and not _errored(check, f.id):
        check.add(f.id, f.blank_message)


def _decisions(check: _Check, f: FieldDef, value: object) -> None:
    rows = rows_of(value)
    if rows is None:
        check.add(f.id, UNREADABLE)
        return
    kept = 0
    for n, row in enumerate(rows, 1):
        text, milestone, route, reasons = (row.get(k, "") for k in ("text", "milestone", "route",
                                                                     "reasons"))
        if not all(isinstance(v, str) for v in (text, milestone, route, reasons)):
            check.add(f.id, f"Decision {n}: {UNREADABLE[0].lower()}{UNREADABLE[1:]}")
            continue
        if is_blank_row(row):
            continue
        kept += 1
        if not text.strip():
            check.add(f.id, f"Decision {n}: say what was decided")
        if milestone and milestone not in f.milestones:
            words = MILESTONE_KINDS.get(milestone, milestone)
            check.add(f.id, f"Decision {n}: this form does not record “{words}”; "
                            "choose another or none")
        if route and route not in (f.routes or ROUTES):
            check.add(f.id, f"Decision {n}: “{ROUTES.get(route, route)}” is not a route here")
        if milestone in ROUTED_MILESTONES and not route:
            check.add(f.id, f"Decision {n}: choose the route for a "
                            f"{_ROUTED_NOUNS.get(milestone, milestone)}")
        elif milestone and milestone in MILESTONE_KINDS and milestone not in ROUTED_MILESTONES \
                and route:
            check.add(f.id, f"Decision {n}: only {_ROUTED_WORDS} takes a route")
    if f.required and not kept and not _errored(check, f.id):
        check.add(f.id, f.blank_message)


def _actions(check: _Check, f: FieldDef, value: object, meeting_date: date | None) -> None:
    rows = rows_of(value)
    if rows is None:
        check.add(f.id, UNREADABLE)
        return
    kept = 0
    for n, row in enumerate(rows, 1):
        if not all(isinstance(row.get(k, ""), str) for k in ("text", "owner", "due", "done")):
            check.add(f.id, f"Action {n}: {UNREADABLE[0].lower()}{UNREADABLE[1:]}")
            continue
        if is_blank_row(row):
            continue
        kept += 1
        if not text_of(row.get("text")):
            check.add(f.id, f"Action {n}: say what is to be done")
        due = check.date(f.id, row.get("due"), f"Action {n} due date: ")
        done = check.date(f.id, row.get("done"), f"Action {n} done date: ")
        if not text_of(row.get("owner")) or not text_of(row.get("due")):
            check.add(f.id, f"Action {n}: an action needs someone responsible and a due date")
        if meeting_date and due and due < meeting_date:
            check.add(f.id, f"Action {n}: the due date is before the meeting")
        if meeting_date and done and done < meeting_date:
            check.add(f.id, f"Action {n}: it cannot be done before the meeting took place")
    if f.required and not kept and not _errored(check, f.id):
        check.add(f.id, f.blank_message)
