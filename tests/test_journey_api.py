"""Milestones derived from the record, the due list and the JSON view of one child."""

from __future__ import annotations

import json
from datetime import date

from pace_desktop.journey import (
    ACCOMMODATED,
    child_milestones,
    due_list,
    judge_child,
    load_rules,
    to_json,
)
from tests.fixture_children import build_child, fixture_children, fixture_expected

RULES = load_rules()
D = date.fromisoformat


def test_milestones_come_from_events_decisions_and_where_the_child_lives() -> None:
    child = build_child(
        living=[
            ("foster", "2025-01-01", "2025-03-01"),
            ("at_home", "2025-03-01", "2025-05-01"),
            ("kinship", "2025-05-01", None),
        ],
        events=[("2025-02-01", "referral", None), ("2025-06-01", "panel_recommendation", None)],
        meetings=[{
            "kind": "lac_review", "date": "2025-05-20",
            "decisions": [{"text": "PO", "milestone": "permanence_recommendation",
                           "route": "po"}, {"text": "No milestone"}],
        }],
    )
    found = child_milestones(child)
    assert [(m.date.isoformat(), m.kind, m.route, m.source.record, m.source.index)
            for m in found] == [
        ("2025-01-01", ACCOMMODATED, None, "living", 0),
        ("2025-02-01", "referral", None, "event", 0),
        ("2025-03-01", "returned_home", None, "living", 0),
        ("2025-05-01", ACCOMMODATED, None, "living", 2),
        ("2025-05-20", "permanence_recommendation", "po", "meeting", 0),
        ("2025-06-01", "panel_recommendation", None, "event", 1),
    ]
    assert found[4].label == "Permanence recommended: permanence order"
    assert found[0].label == "Started living away from home"


def test_a_return_home_typed_as_an_event_is_not_listed_twice() -> None:
    child = build_child(
        living=[("foster", "2025-01-01", "2025-03-01"), ("at_home", "2025-03-01", None)],
        events=[("2025-03-01", "returned_home", None)],
    )
    home = [m for m in child_milestones(child) if m.kind == "returned_home"]
    assert [(m.date, m.source.record) for m in home] == [(D("2025-03-01"), "event")]


def test_milestones_after_the_as_of_date_are_left_out() -> None:
    child = build_child(
        living=[("foster", "2025-01-01", None)],
        events=[("2025-02-01", "referral", None), ("2025-04-01", "adm_decision", None)],
    )
    assert [m.kind for m in child_milestones(child, D("2025-03-01"))] == [
        ACCOMMODATED, "referral",
    ]


def test_due_list_on_the_fixtures_is_most_urgent_first() -> None:
    as_of, _ = fixture_expected()
    items = due_list(fixture_children(), RULES, as_of, within_days=28)
    rows = [(i.child_ref, i.clock.rule, i.clock.status, i.clock.days_over, i.clock.due)
            for i in items]
    assert rows == [
        # Lapsed orders first: a supervision order the record still shows running after it
        # ceased, and one renewed three days late (a closed gap, shown for 3 months).
        ("FX-C", "cso_expiry", "lapsed", 473, D("2025-03-14")),
        ("FX-A", "cso_expiry", "lapsed", 172, D("2026-01-09")),
        ("FX-G", "cso_expiry", "lapsed", 150, D("2026-01-31")),
        ("FX-K", "cso_expiry", "lapsed", 3, D("2026-05-11")),
        ("FX-B", "second_lac_review", "overdue", 161, D("2026-01-20")),
        ("FX-B", "permanence_direction", "overdue", 121, D("2026-03-01")),
        ("FX-M", "permanence_direction", "overdue", 121, D("2026-03-01")),
        ("FX-A", "later_lac_reviews", "overdue", 60, D("2026-05-01")),
        ("FX-D", "panel_within_12_weeks", "overdue", 37, D("2026-05-24")),
        ("FX-D", "later_lac_reviews", "overdue", 25, D("2026-06-05")),
        ("FX-H", "first_lac_review", "overdue", 18, D("2026-06-12")),
        ("FX-M", "later_lac_reviews", "due_soon", 0, D("2026-07-05")),
        ("FX-B", "icso_22_days", "due_soon", 0, D("2026-07-11")),
        ("FX-E", "later_lac_reviews", "due_soon", 0, D("2026-07-12")),
        ("FX-J", "permanence_direction", "due_soon", 0, D("2026-07-12")),
        ("FX-F", "later_lac_reviews", "due_soon", 0, D("2026-07-15")),
        # cso_expiry warns 3 months ahead, whatever the caseload's window.
        ("FX-L", "cso_expiry", "due_soon", 0, D("2026-08-14")),
    ]
    assert items[0].child_name == "Eilidh Sinclair"


def test_due_list_window_is_a_setting() -> None:
    as_of, _ = fixture_expected()
    items = due_list(fixture_children(), RULES, as_of, within_days=12)
    assert [i.child_ref for i in items if i.clock.status == "due_soon"] == [
        "FX-M", "FX-B", "FX-E", "FX-J", "FX-L"]


def test_to_json_gives_one_child_in_plain_data() -> None:
    as_of, expected = fixture_expected()
    child = next(c for c in fixture_children() if c.ref == "FX-A")
    data = json.loads(json.dumps(to_json(child, RULES, as_of)))
    assert (data["child"], data["as_of"]) == ("FX-A", "2026-06-30")
    assert data["milestones"][0] == {
        "date": "2025-01-10", "kind": "accommodated", "label": "Started living away from home",
        "route": None, "source": {"record": "living", "index": 0, "id": ""},
    }
    rows = [{k: v for k, v in c.items() if k != "label"} for c in data["clocks"]]
    key = lambda r: (r["rule"], r["instance"])  # noqa: E731
    assert sorted(rows, key=key) == sorted(expected["FX-A"], key=key)
    assert all(c["label"] for c in data["clocks"])


def test_rules_may_be_any_iterable() -> None:
    child = fixture_children()[0]
    assert judge_child(child, list(RULES), D("2026-06-30")) == judge_child(
        child, RULES, D("2026-06-30")
    )
