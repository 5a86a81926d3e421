"""The clocks of CLOCKS.md's revision of 2026-11-28, at each edge the law draws.

Interim orders counted as s.86(3) counts them, supervision orders that run out, CPO hearings
on working days, the IRD to planning meeting clock, and statutory visits switched on.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pace_desktop.domain import Child
from pace_desktop.journey import (
    ClockInstance,
    RulesError,
    WorkingCalendar,
    calendar_of,
    judge_child,
    load_rules,
)
from tests.fixture_children import build_child, child_from_dict

RULES = load_rules()
D = date.fromisoformat


def judge(child: Child, as_of: str, rules: tuple = RULES) -> list[ClockInstance]:
    return judge_child(child, rules, D(as_of))


def only(found: list[ClockInstance], rule: str) -> list[tuple[object, ...]]:
    return [(c.instance, c.start.isoformat(), c.due.isoformat(),
             c.met.isoformat() if c.met else None, c.status, c.days_over)
            for c in found if c.rule == rule]


# -- interim compulsory supervision orders ---------------------------------------------------


@pytest.mark.parametrize(("renewed", "status", "over"), [
    ("2026-01-22", "met", 0),      # the 22nd day, counting the day the order was made as first
    ("2026-01-23", "lapsed", 1),   # the day after: the order had already ceased
])
def test_an_interim_order_renewed_on_its_last_day_or_the_day_after(
        renewed: str, status: str, over: int) -> None:
    child = build_child(legal=[("icso", "2026-01-01", renewed), ("icso", renewed, None)])
    assert only(judge(child, "2026-01-30"), "icso_22_days")[0] == (
        1, "2026-01-01", "2026-01-22", renewed, status, over)


def test_an_interim_order_not_renewed_lapses_the_next_day_and_is_never_overdue() -> None:
    child = build_child(legal=[("icso", "2026-01-01", None)])
    assert only(judge(child, "2026-01-22"), "icso_22_days")[0][4] == "due_soon"
    assert only(judge(child, "2026-01-23"), "icso_22_days")[0][4:] == ("lapsed", 1)


def test_interim_orders_66_days_in_all_unless_a_sheriff_extends() -> None:
    child = build_child(legal=[("icso", "2026-01-01", "2026-01-20"),
                               ("icso", "2026-01-20", "2026-02-10"),
                               ("icso", "2026-02-10", "2026-03-03"),
                               ("icso", "2026-03-03", "2026-03-10"),
                               ("cso_away", "2026-03-10", None)])
    (run,) = only(judge(child, "2026-04-01"), "icso_run_66_days")
    assert run == (1, "2026-01-01", "2026-03-08", "2026-03-10", "met_late", 2)


# -- compulsory supervision orders -----------------------------------------------------------


def test_a_cso_continued_on_its_last_day_is_met_and_the_next_one_starts_there() -> None:
    child = build_child(legal=[("cso_home", "2025-03-10", "2026-03-09"),
                               ("cso_home", "2026-03-09", None)])
    assert only(judge(child, "2026-04-01"), "cso_expiry") == [
        (1, "2025-03-10", "2026-03-09", "2026-03-09", "met", 0),
        (2, "2026-03-09", "2027-03-08", None, "open", 0),
    ]


def test_a_cso_continued_a_day_late_had_lapsed() -> None:
    child = build_child(legal=[("cso_away", "2025-03-10", "2026-03-10"),
                               ("cso_away", "2026-03-10", None)])
    assert only(judge(child, "2026-04-01"), "cso_expiry")[0] == (
        1, "2025-03-10", "2026-03-09", "2026-03-10", "lapsed", 1)


def test_a_varied_cso_moves_between_home_and_away_in_one_run() -> None:
    child = build_child(legal=[("cso_home", "2025-01-06", "2025-09-01"),
                               ("cso_away", "2025-09-01", None)])
    assert only(judge(child, "2025-10-01"), "cso_expiry") == [
        (1, "2025-01-06", "2026-01-05", "2025-09-01", "met", 0),
        (2, "2025-09-01", "2026-08-31", None, "open", 0),
    ]


def test_cso_expiry_warns_three_months_ahead() -> None:
    child = build_child(legal=[("cso_home", "2025-06-01", None)])  # due 31 May 2026
    assert only(judge(child, "2026-02-27"), "cso_expiry")[0][4] == "open"
    assert only(judge(child, "2026-02-28"), "cso_expiry")[0][4] == "due_soon"
    assert only(judge(child, "2026-05-31"), "cso_expiry")[0][4] == "due_soon"
    assert only(judge(child, "2026-06-01"), "cso_expiry")[0][4:] == ("lapsed", 1)


def test_a_cso_ends_on_the_18th_birthday() -> None:
    data = {"ref": "T", "date_of_birth": "2008-05-20",
            "legal": [{"status": "cso_away", "start": "2025-09-01", "end": None}]}
    child = child_from_dict(data)
    (clock,) = [c for c in judge(child, "2026-06-30") if c.rule == "cso_expiry"]
    assert (clock.status, clock.stopped, clock.days) == ("closed", D("2026-05-20"), 261)
    # The day before the birthday the order still runs: open, not closed.
    (before,) = [c for c in judge(child, "2026-05-19") if c.rule == "cso_expiry"]
    assert before.status == "open" and before.stopped is None


def test_an_order_that_would_run_out_after_the_18th_birthday_never_lapses() -> None:
    data = {"ref": "T", "date_of_birth": "2008-05-20",
            "legal": [{"status": "cso_home", "start": "2025-06-01", "end": None}]}
    (clock,) = [c for c in judge(child_from_dict(data), "2026-09-01") if c.rule == "cso_expiry"]
    assert clock.status == "closed" and clock.stopped == D("2026-05-20")


# -- child protection orders: working days ---------------------------------------------------


def test_a_cpo_granted_on_a_friday_counts_from_the_monday() -> None:
    child = build_child(legal=[("cpo", "2026-03-06", None)],  # Friday
                        meetings=[{"kind": "hearing", "date": "2026-03-10"}])
    found = judge(child, "2026-03-10")
    assert only(found, "cpo_second_working_day") == [
        (1, "2026-03-06", "2026-03-10", "2026-03-10", "met", 0)]
    assert only(found, "cpo_eighth_working_day")[0][2] == "2026-03-18"


def test_a_cpo_granted_before_a_bank_holiday_skips_it() -> None:
    # Thursday 2 April 2026: Good Friday (3 April) is a Scottish bank holiday, Easter Monday
    # is not; the 2nd working day is Tuesday 7 April.
    child = build_child(legal=[("cpo", "2026-04-02", None)])
    found = judge(child, "2026-04-03")
    assert only(found, "cpo_second_working_day")[0][2] == "2026-04-07"
    assert only(found, "cpo_eighth_working_day")[0][2] == "2026-04-15"


def test_the_eighth_day_hearing_is_the_one_after_the_second_day_hearing() -> None:
    child = build_child(legal=[("cpo", "2026-03-02", "2026-03-12")],
                        meetings=[{"kind": "hearing", "date": "2026-03-04"},
                                  {"kind": "hearing", "date": "2026-03-12"}])
    found = judge(child, "2026-03-20")
    assert only(found, "cpo_second_working_day")[0][3:] == ("2026-03-04", "met", 0)
    assert only(found, "cpo_eighth_working_day")[0] == (
        1, "2026-03-02", "2026-03-12", "2026-03-12", "met", 0)


def test_no_second_day_hearing_means_the_eighth_day_clock_cannot_be_met() -> None:
    child = build_child(legal=[("cpo", "2026-03-02", None)])
    found = judge(child, "2026-03-20")
    assert only(found, "cpo_eighth_working_day")[0][3:5] == (None, "overdue")


def test_an_authority_adds_a_local_holiday_and_removes_a_bank_holiday(tmp_path: Path) -> None:
    path = tmp_path / "rules.toml"
    path.write_text('[[calendar.add]]\ndate = 2026-03-09\nname = "Island games"\n\n'
                    '[[calendar.remove]]\ndate = "2026-04-03"\nname = "Offices open"\n',
                    encoding="utf-8")
    rules = load_rules(path)
    calendar = calendar_of(rules)
    assert not calendar.is_working_day(D("2026-03-09"))
    assert calendar.is_working_day(D("2026-04-03"))
    child = build_child(legal=[("cpo", "2026-03-06", None)])
    assert only(judge(child, "2026-03-06", rules), "cpo_second_working_day")[0][2] == "2026-03-11"
    names = [h.name for h in calendar.holidays_in(2026)]
    assert "Island games" in names and "Good Friday" not in names


@pytest.mark.parametrize(("text", "message"), [
    ('[[calendar.add]]\nname = "x"\n',
     'rules.toml, line 1: calendar add entry 1, field "date": missing'),
    ('# local days\n\n[[calendar.add]]\ndate = "2026-02-30"\nname = "x"\n',
     'rules.toml, line 4: calendar add entry 1, field "date": \'2026-02-30\' is not a date'),
    ('[[calendar.add]]\ndate = 2026-01-05\n\n[[calendar.remove]]\ndate = 2026-01-06\n'
     'name = ""\n',
     'rules.toml, line 6: calendar remove entry 1, field "name": must be some text'),
    ('[[calendar.add]]\ndate = 2026-01-05\nwhen = "x"\n',
     'rules.toml, line 3: calendar add entry 1, field "when"'),
])
def test_a_malformed_calendar_entry_is_named_by_file_line_and_field(
        tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "rules.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RulesError) as caught:
        load_rules(path)
    assert str(caught.value).startswith(message)


def test_an_authority_changes_the_warning_window_and_the_order_limit(tmp_path: Path) -> None:
    path = tmp_path / "rules.toml"
    path.write_text('[[rule]]\nid = "cso_expiry"\nwarning = "6 weeks"\n\n'
                    '[[rule]]\nid = "icso_22_days"\norder_limit = false\n', encoding="utf-8")
    rules = load_rules(path)
    cso = build_child(legal=[("cso_home", "2025-06-01", None)])  # due 31 May 2026
    assert only(judge(cso, "2026-04-18", rules), "cso_expiry")[0][4] == "open"
    assert only(judge(cso, "2026-04-19", rules), "cso_expiry")[0][4] == "due_soon"
    icso = build_child(legal=[("icso", "2026-01-01", None)])
    assert only(judge(icso, "2026-01-25", rules), "icso_22_days")[0][4] == "overdue"


def test_working_days_never_count_the_start_day() -> None:
    calendar = WorkingCalendar.of()
    saturday = D("2026-03-07")
    assert calendar.working_days_after(saturday, 1) == D("2026-03-09")
    assert calendar.working_days_after(D("2026-03-09"), 1) == D("2026-03-10")


# -- child protection planning ---------------------------------------------------------------


@pytest.mark.parametrize(("meeting", "status"), [("2026-02-26", "met"),
                                                 ("2026-02-27", "met_late")])
def test_an_ird_with_its_planning_meeting_on_day_28_and_day_29(meeting: str, status: str) -> None:
    child = build_child(events=[("2026-01-29", "ird", None)],
                        meetings=[{"kind": "cp_planning", "date": meeting}])
    (clock,) = only(judge(child, "2026-03-31"), "initial_cppm_28_days")
    assert clock[2:5] == ("2026-02-26", meeting, status)


# -- statutory visits ------------------------------------------------------------------------


def test_visits_are_off_until_switched_on() -> None:
    child = build_child(living=[("foster", "2026-01-05", None)])
    assert not [c for c in judge(child, "2026-03-01") if "visit" in c.rule]


def test_visits_switched_on_follow_each_placement() -> None:
    rules = load_rules(record_visits=True)
    data = {"ref": "V", "living": [
        {"type": "foster", "start": "2026-01-05", "end": "2026-03-02"},
        {"type": "kinship", "start": "2026-03-02", "end": None}],
        "events": [{"date": "2026-01-09", "kind": "visit", "title": "Visit"},
                   {"date": "2026-03-12", "kind": "visit", "title": "Visit"}]}
    found = judge(child_from_dict(data), "2026-04-01", rules)
    assert only(found, "first_visit_1_week") == [
        (1, "2026-01-05", "2026-01-12", "2026-01-09", "met", 0),
        # a move to another carer is a new placement: a visit within a week was due
        (2, "2026-03-02", "2026-03-09", "2026-03-12", "met_late", 3),
    ]
    later = only(found, "later_visits_3_months")
    assert later[0][:3] == (1, "2026-01-09", "2026-04-09")
    # the first placement ended before the next visit: that chain stopped with it
    assert judge(child_from_dict(data), "2026-04-01", rules)[0].rule
    assert [c.status for c in found if c.rule == "later_visits_3_months"] == ["closed", "open"]


def test_the_rules_file_can_switch_visits_on(tmp_path: Path) -> None:
    path = tmp_path / "rules.toml"
    path.write_text('[[rule]]\nid = "first_visit_1_week"\nenabled = true\n', encoding="utf-8")
    child = build_child(living=[("foster", "2026-01-05", None)])
    assert only(judge(child, "2026-01-20", load_rules(path)), "first_visit_1_week")[0][4:] == (
        "overdue", 8)


def test_a_rule_cannot_wait_for_a_rule_that_does_not_exist(tmp_path: Path) -> None:
    path = tmp_path / "rules.toml"
    path.write_text('[[rule]]\nid = "cpo_eighth_working_day"\nmet_after = "nothing_here"\n',
                    encoding="utf-8")
    with pytest.raises(RulesError, match='field "met_after": there is no rule "nothing_here"'):
        load_rules(path)
