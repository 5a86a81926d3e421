"""Hand-made journeys for each edge CLOCKS.md fixes: dates, episodes, chains and statuses."""

from __future__ import annotations

from datetime import date

from pace_desktop.journey import ClockInstance, Offset, judge_child, load_rules, rules_from_text
from tests.fixture_children import build_child

RULES = load_rules()
D = date.fromisoformat


def clocks(child, as_of: str, rules=RULES, window: int = 28) -> list[ClockInstance]:
    return judge_child(child, rules, D(as_of), window)


def of_rule(found: list[ClockInstance], rule: str) -> list[ClockInstance]:
    return [c for c in found if c.rule == rule]


def one(found: list[ClockInstance], rule: str) -> ClockInstance:
    (only,) = of_rule(found, rule)
    return only


# -- calendar arithmetic --------------------------------------------------------------------


def test_month_offsets_clamp_to_the_end_of_the_month() -> None:
    assert Offset(1, "months").after(D("2025-01-31")) == D("2025-02-28")
    assert Offset(1, "months").after(D("2024-01-31")) == D("2024-02-29")
    assert Offset(2, "years").after(D("2024-02-29")) == D("2026-02-28")
    assert Offset(3, "months").before(D("2025-05-31")) == D("2025-02-28")
    assert Offset(6, "weeks").after(D("2025-01-01")) == D("2025-02-12")


def test_a_local_one_month_rule_started_on_31_january_is_due_at_the_end_of_february() -> None:
    rules = rules_from_text(
        '[[rule]]\nid = "visit"\nlabel = "First visit"\nstarts_on = "accommodated"\n'
        'offset = "1 month"\nmet_by = "review"\n'
    )
    child = build_child(living=[("foster", "2025-01-31", None)])
    clock = one(clocks(child, "2025-02-10", rules), "visit")
    assert clock.due == D("2025-02-28")
    assert clock.status == "due_soon"


def test_second_review_from_a_review_on_30_november_is_due_28_february() -> None:
    child = build_child(living=[("foster", "2025-10-20", None)], reviews=["2025-11-30"])
    assert one(clocks(child, "2025-12-01"), "second_lac_review").due == D("2026-02-28")


def test_cso_at_home_from_29_february_is_due_28_february_two_years_on() -> None:
    # Reviews count from due − 3 months = 28 November 2025; the day before does not.
    child = build_child(
        living=[("at_home", "2014-01-01", None)],
        legal=[("cso_home", "2024-02-29", None)],
        reviews=["2025-11-27", "2025-11-28"],
    )
    clock = one(clocks(child, "2026-06-30"), "cso_home_review_2_years")
    assert (clock.start, clock.due, clock.met, clock.status) == (
        D("2024-02-29"),
        D("2026-02-28"),
        D("2025-11-28"),
        "met",
    )


# -- meeting on, before and after the due date ----------------------------------------------


def test_review_exactly_on_the_due_date_is_met_not_late() -> None:
    child = build_child(living=[("foster", "2025-01-01", None)], reviews=["2025-02-12"])
    clock = one(clocks(child, "2025-03-01"), "first_lac_review")
    assert (clock.due, clock.met, clock.status, clock.days, clock.days_over) == (
        D("2025-02-12"),
        D("2025-02-12"),
        "met",
        42,
        0,
    )


def test_review_the_day_after_the_due_date_is_late_by_one_day() -> None:
    child = build_child(living=[("foster", "2025-01-01", None)], reviews=["2025-02-13"])
    clock = one(clocks(child, "2025-03-01"), "first_lac_review")
    assert (clock.status, clock.days, clock.days_over) == ("met_late", 43, 1)


def test_a_review_before_the_start_does_not_count() -> None:
    child = build_child(living=[("foster", "2025-01-10", None)], reviews=["2025-01-09"])
    assert one(clocks(child, "2025-01-20"), "first_lac_review").met is None


def test_two_reviews_on_one_day_are_one_occasion() -> None:
    # The first meets first_lac_review; the second, the same day, cannot meet the second
    # review clock, which needs a review on a later day.
    child = build_child(
        living=[("foster", "2025-01-01", None)],
        reviews=["2025-02-01", "2025-02-01", "2025-04-15"],
    )
    found = clocks(child, "2025-05-01")
    assert one(found, "first_lac_review").met == D("2025-02-01")
    second = one(found, "second_lac_review")
    assert (second.start, second.met, second.status) == (D("2025-02-01"), D("2025-04-15"), "met")
    later = one(found, "later_lac_reviews")
    assert (later.start, later.due, later.met) == (D("2025-04-15"), D("2025-10-15"), None)


def test_a_draft_record_and_a_two_week_planning_meeting_both_count_as_reviews() -> None:
    child = build_child(
        living=[("foster", "2025-01-01", None)],
        meetings=[
            {"kind": "two_week_planning", "date": "2025-01-15", "status": "draft"},
            {"kind": "permanence_planning", "date": "2025-02-01", "status": "final"},
            {"kind": "lac_review", "date": "2025-03-01", "status": "draft"},
        ],
    )
    found = clocks(child, "2025-03-10")
    assert one(found, "first_lac_review").met == D("2025-01-15")
    assert one(found, "second_lac_review").met == D("2025-03-01")


def test_later_reviews_repeat_each_from_the_review_that_met_the_one_before() -> None:
    child = build_child(
        living=[("foster", "2024-01-01", None)],
        reviews=["2024-02-01", "2024-05-01", "2024-12-01", "2025-05-01"],
    )
    later = of_rule(clocks(child, "2025-06-01"), "later_lac_reviews")
    assert [(c.instance, c.start, c.met, c.status) for c in later] == [
        (1, D("2024-05-01"), D("2024-12-01"), "met_late"),
        (2, D("2024-12-01"), D("2025-05-01"), "met"),
        (3, D("2025-05-01"), None, "open"),
    ]


# -- accommodation episodes -----------------------------------------------------------------


def test_one_day_gap_between_away_episodes_is_still_one_time_away() -> None:
    child = build_child(
        living=[("foster", "2025-01-01", "2025-01-20"), ("kinship", "2025-01-21", None)],
        reviews=["2025-02-05"],
    )
    found = clocks(child, "2025-03-01")
    assert len(of_rule(found, "first_lac_review")) == 1
    assert len(of_rule(found, "permanence_direction")) == 1
    assert one(found, "first_lac_review").met == D("2025-02-05")


def test_two_day_gap_between_away_episodes_starts_a_new_time_away() -> None:
    child = build_child(
        living=[("foster", "2025-01-01", "2025-01-20"), ("kinship", "2025-01-22", None)],
    )
    first = of_rule(clocks(child, "2025-03-01"), "first_lac_review")
    assert [(c.instance, c.start, c.status) for c in first] == [
        (1, D("2025-01-01"), "closed"),
        (2, D("2025-01-22"), "due_soon"),
    ]


def test_a_day_at_home_between_away_episodes_ends_the_time_away() -> None:
    child = build_child(
        living=[
            ("foster", "2025-01-01", "2025-01-20"),
            ("at_home", "2025-01-20", "2025-01-21"),
            ("foster", "2025-01-21", None),
        ]
    )
    starts = [c.start for c in of_rule(clocks(child, "2025-02-01"), "first_lac_review")]
    assert starts == [D("2025-01-01"), D("2025-01-21")]


def test_return_home_and_coming_back_into_care_numbers_new_instances_2() -> None:
    child = build_child(
        living=[
            ("foster", "2024-11-01", "2025-02-15"),
            ("at_home", "2025-02-15", "2025-08-01"),
            ("residential_la", "2025-08-01", None),
        ],
        reviews=["2024-12-01", "2025-04-01", "2025-09-05"],
    )
    found = clocks(child, "2025-10-01")
    first = of_rule(found, "first_lac_review")
    assert [(c.instance, c.start, c.met) for c in first] == [
        (1, D("2024-11-01"), D("2024-12-01")),
        (2, D("2025-08-01"), D("2025-09-05")),
    ]
    direction = of_rule(found, "permanence_direction")
    assert [(c.instance, c.met, c.status) for c in direction] == [
        (1, D("2025-02-15"), "met"),  # going home meets it
        (2, None, "open"),
    ]
    # The review at home (April) is outside both times away: it meets nothing.
    second = of_rule(found, "second_lac_review")
    assert [(c.instance, c.met, c.stopped, c.status, c.days) for c in second] == [
        (1, None, D("2025-02-15"), "closed", 76),
        (2, None, None, "open", 26),
    ]


def test_reviews_after_the_time_away_ended_do_not_count() -> None:
    child = build_child(
        living=[("foster", "2025-01-01", "2025-03-01"), ("at_home", "2025-03-01", None)],
        reviews=["2025-03-05"],
    )
    clock = one(clocks(child, "2025-04-01"), "first_lac_review")
    assert (clock.met, clock.stopped, clock.status, clock.days, clock.days_over) == (
        None,
        D("2025-03-01"),
        "missed",
        59,
        17,
    )


def test_time_away_ending_on_the_due_date_is_closed_the_day_after_missed() -> None:
    on_due = build_child(living=[("foster", "2025-01-01", "2025-02-12")])
    after = build_child(living=[("foster", "2025-01-01", "2025-02-13")])
    closed = one(clocks(on_due, "2025-06-01"), "first_lac_review")
    missed = one(clocks(after, "2025-06-01"), "first_lac_review")
    assert (closed.status, closed.days, closed.days_over) == ("closed", 42, 0)
    assert (missed.status, missed.days, missed.days_over) == ("missed", 43, 1)


def test_a_review_on_the_last_day_away_meets_the_clock_but_starts_no_new_one() -> None:
    child = build_child(
        living=[("foster", "2025-01-01", "2025-02-01"), ("at_home", "2025-02-01", None)],
        reviews=["2025-02-01"],
    )
    found = clocks(child, "2025-06-01")
    assert one(found, "first_lac_review").met == D("2025-02-01")
    assert of_rule(found, "second_lac_review") == []


def test_cso_at_home_run_joins_back_to_back_orders_and_closes_when_it_ends() -> None:
    child = build_child(
        living=[("at_home", "2010-01-01", None)],
        legal=[
            ("cso_home", "2023-01-01", "2023-06-30"),
            ("cso_home", "2023-07-01", "2024-04-30"),
            ("s25", "2024-05-01", None),
        ],
    )
    clock = one(clocks(child, "2026-06-30"), "cso_home_review_2_years")
    assert (clock.start, clock.due, clock.stopped, clock.status, clock.days) == (
        D("2023-01-01"),
        D("2025-01-01"),
        D("2024-04-30"),
        "closed",
        485,
    )


# -- interim orders -------------------------------------------------------------------------


def test_icso_chain_each_interim_order_has_its_own_22_day_clock() -> None:
    child = build_child(
        living=[("at_home", "2015-01-01", None)],
        legal=[
            ("icso", "2025-01-01", "2025-01-20"),
            ("icso", "2025-01-21", "2025-02-20"),
            ("icso", "2025-02-21", None),
        ],
    )
    found = of_rule(clocks(child, "2025-03-20"), "icso_22_days")
    assert [(c.instance, c.start, c.due, c.met, c.status, c.days_over) for c in found] == [
        # The 22nd day, counting the day the order was made as the first (s.86(3)); an
        # order not renewed by then ceased: lapsed, never "met late" or "overdue".
        (1, D("2025-01-01"), D("2025-01-22"), D("2025-01-20"), "met", 0),
        (2, D("2025-01-21"), D("2025-02-11"), D("2025-02-20"), "lapsed", 9),
        (3, D("2025-02-21"), D("2025-03-14"), None, "lapsed", 6),
    ]


# -- the as-of date -------------------------------------------------------------------------


def test_facts_after_the_as_of_date_are_ignored() -> None:
    child = build_child(
        living=[("foster", "2025-01-01", "2025-09-01"), ("foster", "2025-12-01", None)],
        legal=[("icso", "2025-01-01", "2025-03-01")],
        reviews=["2025-02-01"],
        events=[("2025-02-15", "permanence_recommendation", "po")],
    )
    found = clocks(child, "2025-01-31")
    assert {c.rule for c in found} == {
        "first_lac_review", "permanence_direction", "icso_22_days", "icso_run_66_days"}
    assert all(c.met is None and c.stopped is None for c in found)
    # The order ends after the as-of date: as of then it was still recorded as running past
    # its 22nd day, so it had lapsed (not stopped, not met).
    assert one(found, "icso_22_days").status == "lapsed"
    assert one(found, "first_lac_review").days == 30


def test_judging_as_of_a_past_date_gives_the_answer_of_that_day() -> None:
    child = build_child(living=[("foster", "2025-01-01", None)], reviews=["2025-02-20"])
    assert one(clocks(child, "2025-02-19"), "first_lac_review").status == "overdue"
    assert one(clocks(child, "2025-02-20"), "first_lac_review").status == "met_late"


# -- due soon window ------------------------------------------------------------------------


def test_due_soon_window_boundaries() -> None:
    child = build_child(living=[("foster", "2025-01-01", None)])  # first review due 12 Feb
    status = {
        as_of: one(clocks(child, as_of), "first_lac_review").status
        for as_of in ("2025-01-14", "2025-01-15", "2025-02-12", "2025-02-13")
    }
    assert status == {
        "2025-01-14": "open",  # 29 days before
        "2025-01-15": "due_soon",  # 28 days before
        "2025-02-12": "due_soon",  # the due date itself
        "2025-02-13": "overdue",
    }


def test_due_soon_window_is_a_setting() -> None:
    child = build_child(living=[("foster", "2025-01-01", None)])  # first review due 12 Feb
    assert one(clocks(child, "2025-02-01", window=10), "first_lac_review").status == "open"
    assert one(clocks(child, "2025-02-02", window=10), "first_lac_review").status == "due_soon"
    assert one(clocks(child, "2025-02-12", window=0), "first_lac_review").status == "due_soon"


# -- milestones -----------------------------------------------------------------------------


def test_panel_clock_starts_only_on_routes_away_from_home_and_counts_meeting_decisions() -> None:
    child = build_child(
        living=[("foster", "2025-01-01", None)],
        events=[("2025-03-01", "permanence_recommendation", "home")],
        meetings=[
            {
                "kind": "permanence_planning",
                "date": "2025-05-01",
                "decisions": [
                    {
                        "text": "Adoption",
                        "milestone": "permanence_recommendation",
                        "route": "adoption",
                    }
                ],
            }
        ],
    )
    found = clocks(child, "2025-06-01")
    panel = one(found, "panel_within_12_weeks")
    assert (panel.start, panel.due, panel.status) == (D("2025-05-01"), D("2025-07-24"), "open")
    # A return-home recommendation still sets the direction of the plan.
    assert one(found, "permanence_direction").met == D("2025-03-01")


def test_a_milestone_before_the_start_does_not_meet_the_clock() -> None:
    child = build_child(
        events=[
            ("2025-01-05", "adm_decision", None),
            ("2025-01-10", "panel_recommendation", None),
        ]
    )
    clock = one(clocks(child, "2025-02-01"), "adm_within_14_days")
    assert (clock.met, clock.status, clock.days_over) == (None, "overdue", 8)


def test_disabled_rule_gives_no_instances() -> None:
    child = build_child(events=[("2025-01-05", "adm_decision", None)])
    assert of_rule(clocks(child, "2025-02-01"), "lodge_after_adm") == []


def test_an_end_on_the_as_of_date_counts_as_of_that_date() -> None:
    # As of the day the child goes home, the time away has ended; nothing later is known yet.
    child = build_child(living=[("foster", "2025-01-01", "2025-03-01")])
    found = clocks(child, "2025-03-01")
    assert one(found, "permanence_direction").met == D("2025-03-01")
    assert one(found, "first_lac_review").status == "missed"
