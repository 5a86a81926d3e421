"""Checking form values, in plain words, and turning them into Meeting records and back."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pace_desktop.domain import Action, Attendee, Decision, Meeting
from pace_desktop.domain.meeting_parts import ASSESSMENT_FIELDS
from pace_desktop.domain.vocab import (
    LEGAL_STATUSES,
    ORDER_ACTIONS,
    ROUTE_OUTCOMES,
    ROUTED_MILESTONES,
    ROUTES,
    TAKING_PART,
)
from pace_desktop.forms import (
    FieldProblem,
    FormDef,
    FormInvalid,
    blank_values,
    definition_for,
    definitions,
    from_meeting,
    records_badge,
    to_meeting,
    validate,
)
from pace_desktop.forms.answers import read_date
from pace_desktop.forms.definitions import PART_TYPES

LAC = definition_for("lac_review")


def lac_values(**changes: Any) -> dict[str, Any]:
    values = blank_values(LAC)
    values.update(
        date="14/03/2025", chair="Morag Reid",
        attendees=[{"name": "Morag Reid", "role": "Reviewing officer", "present": True},
                   {"name": "Dad", "role": "", "present": False}],
        child_views="I want to stay with Gran.",
        child_views_how={"choice": "in_person", "detail": "with the worker on Tuesday"},
        family_views="Gran would like to keep caring for her.",
        siblings_together="yes",
        decisions=[{"text": "Permanence through a kinship care order with Gran.",
                    "milestone": "permanence_recommendation", "route": "s11"}],
        actions=[{"text": "Book the kinship assessment", "owner": "Sam Kerr",
                  "due": "28/03/2025", "done": ""}],
        next_review="12/09/2025",
    )
    values.update(changes)
    return values


def messages(values: Any, form: FormDef = LAC) -> list[tuple[str, str]]:
    return [(p.field_id, p.message) for p in validate(form, values)]


def test_complete_values_have_no_problems_and_make_a_meeting() -> None:
    assert validate(LAC, lac_values()) == []
    meeting = to_meeting(LAC, lac_values(), id="m7")
    assert meeting == Meeting(
        kind="lac_review", date=date(2025, 3, 14), chair="Morag Reid",
        attendees=(Attendee("Morag Reid", "Reviewing officer"), Attendee("Dad", None, False)),
        child_views="I want to stay with Gran.",
        child_views_how="In person: with the worker on Tuesday",
        family_views="Gran would like to keep caring for her.",
        decisions=(Decision("Permanence through a kinship care order with Gran.",
                            "permanence_recommendation", "s11"),
                   Decision("Brothers and sisters were considered together.")),
        actions=(Action("Book the kinship assessment", "Sam Kerr", date(2025, 3, 28)),),
        next_review=date(2025, 9, 12), id="m7")


def test_an_empty_form_says_what_is_needed_in_plain_words() -> None:
    assert messages(blank_values(LAC)) == [
        ("date", "Say when the meeting took place"),
        ("chair", "Say who chaired the meeting"),
        ("attendees", "Add at least one person who took part"),
        ("decisions", "Record at least one decision"),
        ("next_review", "Say when the next review will be"),
    ]
    with pytest.raises(FormInvalid) as caught:
        to_meeting(LAC, blank_values(LAC))
    assert caught.value.problems[0] == FieldProblem("date", "Say when the meeting took place")


def test_dates_are_read_as_day_month_year() -> None:
    assert read_date("1/2/2025") == date(2025, 2, 1)
    assert read_date(" 01.02.2025 ") == date(2025, 2, 1)
    assert read_date("2025-02-01") == date(2025, 2, 1)
    assert read_date("") is None
    # The same reader as every date box in the app: a month in English words is read too.
    assert read_date("1 Feb 2025") == read_date("1 February 2025") == date(2025, 2, 1)
    assert messages(lac_values(date="next Tuesday")) == [
        ("date", "Write the date like 14/03/2025, 14 Mar 2025 or 2025-03-14")]
    assert messages(lac_values(date="31/02/2025")) == [
        ("date", "There is no such date as 31/02/2025; write the date like 14/03/2025,"
                 " 14 Mar 2025 or 2025-03-14")]


def test_the_next_review_must_be_after_the_meeting() -> None:
    assert messages(lac_values(next_review="14/03/2025")) == [
        ("next_review", "The next review must be after the meeting")]
    assert messages(lac_values(next_review="13/13/2025"))[0][0] == "next_review"


def test_actions_need_an_owner_a_due_date_and_not_before_the_meeting() -> None:
    action = {"text": "Visit", "owner": "", "due": "", "done": ""}
    assert messages(lac_values(actions=[action])) == [
        ("actions", "Action 1: an action needs someone responsible and a due date")]
    early = {**action, "owner": "Sam", "due": "01/03/2025", "done": "02/03/2025"}
    assert messages(lac_values(actions=[early])) == [
        ("actions", "Action 1: the due date is before the meeting"),
        ("actions", "Action 1: it cannot be done before the meeting took place")]
    blank_row = {"text": "", "owner": "", "due": "", "done": ""}
    assert messages(lac_values(actions=[blank_row])) == []  # an empty row is only a place
    assert messages(lac_values(actions=[{**action, "text": "", "owner": "Sam",
                                         "due": "20/03/2025"}])) == [
        ("actions", "Action 1: say what is to be done")]


def test_attendees_need_a_name() -> None:
    rows = [{"name": "Gran", "role": "", "present": True},
            {"name": " ", "role": "Teacher", "present": False}]
    assert messages(lac_values(attendees=rows)) == [("attendees", "Person 2 needs a name")]


def test_a_permanence_recommendation_needs_its_route() -> None:
    decision = {"text": "Adoption is the plan", "milestone": "permanence_recommendation",
                "route": ""}
    assert messages(lac_values(decisions=[decision])) == [
        ("decisions", "Decision 1: choose the route for a permanence recommendation")]
    assert messages(lac_values(decisions=[{**decision, "milestone": "kinship_options_decided",
                                           "route": "po"}])) == [
        ("decisions", "Decision 1: only a permanence recommendation, a petition or an "
                      "order takes a route")]
    assert messages(lac_values(decisions=[{**decision, "milestone": "adm_decision",
                                           "route": ""}])) == [
        ("decisions", "Decision 1: this form does not record “Agency decision maker's "
                      "decision”; choose another or none")]
    assert messages(lac_values(decisions=[{**decision, "text": " "}]))[0] == (
        "decisions", "Decision 1: say what was decided")


def test_views_not_obtained_need_the_reason() -> None:
    how = {"choice": "not_obtained", "detail": ""}
    assert messages(lac_values(child_views_how=how)) == [
        ("child_views_how", "Say why the child's views were not obtained")]
    assert messages(lac_values(child_views_how={**how, "detail": "She is 8 months old"})) == []


def test_a_required_extra_question_must_be_answered() -> None:
    form = definition_for("two_week_planning")
    values = {**lac_values(), "kinship_explored": ""}
    values = {k: v for k, v in values.items() if k in {f.id for f in form.fields}}
    values["decisions"] = [{"text": "Stay with foster carers for now", "milestone": "",
                            "route": ""}]
    assert messages(values, form) == [
        ("kinship_explored", "Say whether family and friends have been asked")]


def test_records_badge_says_what_a_decision_records() -> None:
    assert records_badge("permanence_recommendation", "po") == (
        "Records: Permanence recommended (Permanence order)")
    assert records_badge("panel_recommendation") == "Records: Permanence panel recommendation"
    assert records_badge("") == ""


def test_free_words_about_how_views_were_given_survive_a_round_trip() -> None:
    meeting = to_meeting(LAC, lac_values(), "m1")
    for how in ("Through play and drawing with the worker", "Not obtained: she is a baby",
                "In writing", None):
        changed = Meeting(**{**_fields(meeting), "child_views_how": how})
        assert to_meeting(LAC, from_meeting(LAC, changed), "m1") == changed


def _fields(meeting: Meeting) -> dict[str, Any]:
    return {k: getattr(meeting, k) for k in Meeting.__slots__}


# -- generated values ----------------------------------------------------------------------

WORDS = st.text(alphabet="abcdefgh ijk", min_size=1, max_size=20).map(str.strip).filter(bool)
MAYBE = st.one_of(st.just(""), WORDS)


def _show(d: date) -> str:
    return f"{d:%d/%m/%Y}"


@st.composite
def valid_values(draw: st.DrawFn, form: FormDef) -> dict[str, Any]:
    day = draw(st.dates(date(2000, 1, 1), date(2040, 1, 1)))
    later = st.integers(1, 800).map(lambda n: _show(day + timedelta(days=n)))
    how = form.field("child_views_how")
    code = draw(st.sampled_from([""] + [c.code for c in how.options]))
    detail = draw(WORDS if code in how.detail_required_for else MAYBE)
    decisions = form.field("decisions")

    def decision() -> st.SearchStrategy[dict[str, str]]:
        def route_for(m: str) -> st.SearchStrategy[str]:
            routes = list(decisions.routes)
            if m in ROUTED_MILESTONES:
                return st.sampled_from(routes)
            return st.just("") if m or not routes else st.sampled_from(["", *routes])
        return st.sampled_from(["", *decisions.milestones]).flatmap(
            lambda m: st.fixed_dictionaries(
                {"text": WORDS, "milestone": st.just(m), "route": route_for(m),
                 "reasons": MAYBE}))

    values: dict[str, Any] = {
        "date": _show(day), "chair": draw(WORDS),
        "attendees": draw(st.lists(st.fixed_dictionaries(
            {"name": WORDS, "role": MAYBE, "present": st.booleans(),
             "how": st.sampled_from(["", "in_person", "video", "phone"])}),
            min_size=1, max_size=3)),
        "child_views": draw(MAYBE), "child_views_how": {"choice": code, "detail": detail},
        "family_views": draw(MAYBE),
        "decisions": draw(st.lists(decision(), min_size=1, max_size=3)),
        "actions": draw(st.lists(st.fixed_dictionaries(
            {"text": WORDS, "owner": WORDS, "due": later,
             "done": st.one_of(st.just(""), later)}), max_size=3)),
        "next_review": draw(later if form.field("next_review").required
                            else st.one_of(st.just(""), later)),
    }
    for f in form.fields:
        if f.id in PART_TYPES:
            values[f.id] = draw(PART_VALUES[f.id])
    for f in form.extras:
        codes = [c.code for c in f.options]
        if f.type == "multi_choice":
            chosen = draw(st.sets(st.sampled_from(codes)))
            values[f.id] = [c for c in codes if c in chosen]
        else:
            values[f.id] = draw(st.sampled_from(codes if f.required else ["", *codes]))
    return values


YES_NO = st.sampled_from(["", "yes", "no"])
PART_VALUES: dict[str, st.SearchStrategy[Any]] = {
    "views": st.lists(st.fixed_dictionaries(
        {"person": WORDS, "text": WORDS, "how": st.sampled_from(["", *TAKING_PART]),
         "why_not": WORDS}), max_size=3),
    "assessment": st.fixed_dictionaries({k: MAYBE for k in ASSESSMENT_FIELDS}),
    "family_time": st.lists(st.fixed_dictionaries(
        {"with": WORDS, "how_often": MAYBE, "supervised": YES_NO, "notes": MAYBE}), max_size=3),
    "siblings": st.lists(st.fixed_dictionaries(
        {"person": WORDS, "lives": MAYBE, "together": YES_NO, "why_apart": WORDS,
         "views": MAYBE}), max_size=3),
    "routes_considered": st.lists(st.fixed_dictionaries(
        {"route": st.sampled_from(list(ROUTES)), "outcome": st.sampled_from(list(ROUTE_OUTCOMES)),
         "reasons": WORDS}), max_size=3),
    "orders": st.lists(st.fixed_dictionaries(
        {"status": st.sampled_from(list(LEGAL_STATUSES)),
         "action": st.sampled_from(list(ORDER_ACTIONS)),
         "date": st.sampled_from(["", "01/06/2025"]),
         "measures": st.sampled_from([[], ["secure"], ["residence", "non_disclosure_of_place"]]),
         "residence": WORDS, "expires": st.sampled_from(["", "01/06/2026"])}), max_size=2),
    "panel": st.fixed_dictionaries(
        {"members": st.sampled_from(["", "Ann Bell", "Ann Bell\nCal Dow"]), "quorate": YES_NO,
         "medical_adviser": MAYBE, "legal_adviser": MAYBE, "question": WORDS,
         "dissent": MAYBE}),
}

FORMS = sorted(definitions())


@pytest.mark.parametrize("kind", FORMS)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_values_round_trip_through_the_meeting_record(kind: str, data: st.DataObject) -> None:
    form = definition_for(kind)
    values = data.draw(valid_values(form))
    assert validate(form, values) == []
    meeting = to_meeting(form, values, "m1")
    assert from_meeting(form, meeting) == values
    assert to_meeting(form, from_meeting(form, meeting), "m1") == meeting


JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
        st.sampled_from(["text", "name", "role", "present", "milestone", "route", "owner",
                         "due", "done", "choice", "detail", "x"]), inner, max_size=4),
    max_leaves=8)


@pytest.mark.parametrize("kind", FORMS)
@settings(max_examples=80, deadline=None)
@given(data=st.data())
def test_junk_values_give_problems_never_an_exception(kind: str, data: st.DataObject) -> None:
    form = definition_for(kind)
    ids = [f.id for f in form.fields]
    junk = data.draw(st.one_of(JSONISH, st.dictionaries(st.sampled_from(ids), JSONISH)))
    if data.draw(st.booleans()) and isinstance(junk, dict):
        junk = {**data.draw(valid_values(form)), **junk}
    problems = validate(form, junk)
    assert all(isinstance(p, FieldProblem) and p.field_id in ids and p.message
               for p in problems)
    try:
        meeting = to_meeting(form, junk)
    except FormInvalid as exc:
        assert exc.problems == problems
    else:
        assert problems == [] and isinstance(meeting, Meeting)
