"""A form's values as typed, and their conversion to and from the Meeting record.

Values are a plain dict keyed by field id, holding only JSON types, so a half-typed form can
be saved as a draft exactly as it stands and restored later:

- text, long_text, person: the text;  date: the text as typed ("14/03/2025");
- choice: the code ("" for none), or, when the field has a detail line,
  {"choice": code, "detail": text};  yes_no: "yes", "no" or "";  multi_choice: [codes];
- attendee_list: [{"name", "role", "present": bool}];
- decision_list: [{"text", "milestone": code or "", "route": code or ""}];
- action_list: [{"text", "owner", "due": date text, "done": date text}];
- attendee rows also hold "how" (ATTENDANCE code or ""), decision rows "reasons";
- the fuller parts (views, assessment, family time, brothers and sisters, routes considered,
  orders, the panel's make-up): see forms.part_values.

A form that does not ask one of the fuller parts keeps it as the record had it (`base`), so
opening an imported record in a shorter form never drops part of it.

The answers themselves are read in `answers` (shared with `validation`, so neither imports
the other back). `to_meeting` refuses values that `validation.validate` finds problems in, so
a record is only ever written from values a person has been told are complete. Rows left
wholly empty are dropped rather than reported: an empty row is a place to type, not a
mistake.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pace_desktop.domain import Action, Attendee, Decision, Meeting
from pace_desktop.domain.vocab import MILESTONE_KINDS, ROUTES
from pace_desktop.forms.answers import (
    choice_parts,
    is_blank_row,
    read_date,
    rows_of,
    show_date,
    text_of,
)
from pace_desktop.forms.definitions import PART_TYPES, FieldDef, FormDef
from pace_desktop.forms.part_values import blank_part, from_parts, to_parts
from pace_desktop.forms.validation import validate

Values = dict[str, Any]

class FormInvalid(ValueError):
    """Values that cannot become a record yet; `problems` says what to put right."""

    def __init__(self, problems: list[Any]) -> None:
        super().__init__("; ".join(p.message for p in problems))
        self.problems = problems


def records_badge(milestone: str, route: str = "") -> str:
    """What a decision records, in words: 'Records: Permanence recommended (Adoption)'."""
    if not milestone:
        return ""
    words = MILESTONE_KINDS.get(milestone, milestone)
    if route:
        words += f" ({ROUTES.get(route, route)})"
    return f"Records: {words}"


def blank_values(form: FormDef) -> Values:
    return {f.id: _blank(f) for f in form.fields}


def _blank(f: FieldDef) -> Any:
    if f.id in PART_TYPES:
        return blank_part(f.id)
    if f.type in ("attendee_list", "decision_list", "action_list", "multi_choice"):
        return []
    if f.type == "choice" and f.detail_label:
        return {"choice": "", "detail": ""}
    return ""


def to_meeting(form: FormDef, values: Values, id: str = "", base: Meeting | None = None,
               ids: Mapping[str, str] | None = None) -> Meeting:
    """The draft Meeting these values describe; FormInvalid if they are not complete.

    `base`: the record as it was (its parts this form does not ask are kept); `ids`: the
    child's people, name to PERSON id."""
    problems = validate(form, values)
    if problems:
        raise FormInvalid(problems)
    meeting_date = read_date(values["date"])
    assert meeting_date is not None  # validate insists on it
    decisions = [
        Decision(text_of(r.get("text")), r.get("milestone") or None, r.get("route") or None,
                 text_of(r.get("reasons")) or None)
        for r in rows_of(values.get("decisions")) or [] if not is_blank_row(r)
    ]
    asked = {f.id for f in form.fields if f.id in PART_TYPES}
    kept = {k: getattr(base, k) for k in PART_TYPES if k not in asked} if base else {}
    for f in form.extras:
        decisions += [Decision(f.sentence(code)) for code in _answers(f, values.get(f.id))]
    return Meeting(
        kind=form.kind,
        date=meeting_date,
        chair=text_of(values.get("chair")) or None,
        attendees=tuple(
            Attendee(text_of(r.get("name")), text_of(r.get("role")) or None,
                     bool(r.get("present", True)), text_of(r.get("how")) or None)
            for r in rows_of(values.get("attendees")) or [] if not is_blank_row(r)),
        child_views=text_of(values.get("child_views")) or None,
        child_views_how=_how_text(form.field("child_views_how"),
                                  values.get("child_views_how")) or None,
        family_views=text_of(values.get("family_views")) or None,
        decisions=tuple(decisions),
        actions=tuple(
            Action(text_of(r.get("text")), text_of(r.get("owner")) or None,
                   read_date(r.get("due")), read_date(r.get("done")))
            for r in rows_of(values.get("actions")) or [] if not is_blank_row(r)),
        next_review=read_date(values.get("next_review")),
        id=id,
        **kept,
        **to_parts(values, asked, ids or {}),
    )


def _answers(f: FieldDef, value: object) -> list[str]:
    if f.type == "multi_choice":
        chosen = value if isinstance(value, list) else []
        return [c.code for c in f.options if c.code in chosen]  # the definition's order
    parts = choice_parts(value)
    return [parts[0]] if parts and parts[0] else []


def _how_text(f: FieldDef, value: object) -> str:
    """The record's one line for how the child's views were obtained: 'Label: detail'."""
    if f.type == "text":
        return text_of(value)
    parts = choice_parts(value)
    if parts is None:
        return ""
    code, detail = parts[0], parts[1].strip()
    label = f.choice_label(code) if code else ""
    return f"{label}: {detail}" if label and detail else label or detail


def from_meeting(form: FormDef, meeting: Meeting, names: Mapping[str, str] | None = None
                 ) -> Values:
    """The values that show `meeting` in this form (the inverse of to_meeting); `names`:
    PERSON id to name."""
    values = blank_values(form)
    values.update(
        date=show_date(meeting.date), chair=meeting.chair or "",
        child_views=meeting.child_views or "", family_views=meeting.family_views or "",
        next_review=show_date(meeting.next_review),
        attendees=[{"name": a.name, "role": a.role or "", "present": a.present,
                    "how": a.how or ""} for a in meeting.attendees],
        actions=[{"text": a.text, "owner": a.owner or "", "due": show_date(a.due),
                  "done": show_date(a.done)} for a in meeting.actions],
    )
    values["child_views_how"] = _how_value(form.field("child_views_how"),
                                           meeting.child_views_how or "")
    # A plain decision whose words are an extra question's answer is that answer, returned
    # to its question; anything else stays a decision.
    by_sentence = {f.sentence(c.code): (f, c.code) for f in form.extras for c in f.options}
    decisions = []
    for d in meeting.decisions:
        hit = by_sentence.get(d.text) if not d.milestone and not d.route else None
        if hit is None:
            decisions.append({"text": d.text, "milestone": d.milestone or "",
                              "route": d.route or "", "reasons": d.reasons or ""})
            continue
        f, code = hit
        values[f.id] = [*values[f.id], code] if f.type == "multi_choice" else code
    values["decisions"] = decisions
    values.update(from_parts(meeting, {f.id for f in form.fields if f.id in PART_TYPES},
                             names or {}))
    return values


def _how_value(f: FieldDef, text: str) -> Any:
    if f.type == "text":
        return text
    for c in f.options:
        if text == c.label:
            code, detail = c.code, ""
            break
        if text.startswith(f"{c.label}: "):
            code, detail = c.code, text[len(c.label) + 2:]
            break
    else:
        # Free words from an import or an older record: kept whole as the detail.
        code, detail = "", text
    return {"choice": code, "detail": detail}
