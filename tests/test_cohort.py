"""Cohort measures: days between the PACE data-set milestones, per child."""

from __future__ import annotations

from datetime import date

from pace_desktop.journey import MEASURES, CohortPoint, child_measures, cohort_measures
from tests.fixture_children import build_child, fixture_children

D = date.fromisoformat


def points(found: list[CohortPoint]) -> list[tuple[str, str, int]]:
    return [(p.child_ref, p.date.isoformat(), p.days) for p in found]


def test_measure_ids_are_stable_and_labelled_plainly() -> None:
    assert [m.id for m in MEASURES] == [
        "accommodated_to_permanence_recommendation",
        "permanence_recommendation_to_panel_recommendation",
        "panel_recommendation_to_adm_decision",
        "adm_decision_to_petition_lodged",
        "petition_lodged_to_order_granted",
        "accommodated_to_order_granted",
    ]
    assert all(m.label.startswith("From ") for m in MEASURES)


def test_cohort_measures_on_the_fixtures() -> None:
    found = cohort_measures(fixture_children(), as_of=D("2026-06-30"))
    assert points(found["accommodated_to_permanence_recommendation"]) == [
        ("FX-F", "2025-03-03", 153),
        ("FX-A", "2025-05-10", 120),  # recorded by a LAC review decision
        ("FX-L", "2025-11-20", 97),  # a plan to return home counts too
        ("FX-E", "2026-02-28", 181),  # a kinship care order plan counts too
        ("FX-D", "2026-03-01", 212),  # timed from coming back into care in August 2025
        ("FX-N", "2026-03-05", 97),
    ]
    assert points(found["permanence_recommendation_to_panel_recommendation"]) == [
        ("FX-F", "2025-06-30", 119),
        ("FX-A", "2025-07-20", 71),
        ("FX-N", "2026-05-21", 77),
    ]
    assert points(found["panel_recommendation_to_adm_decision"]) == [
        ("FX-F", "2025-07-21", 21),
        ("FX-A", "2025-07-30", 10),
        ("FX-N", "2026-06-02", 12),
    ]
    assert points(found["adm_decision_to_petition_lodged"]) == [("FX-A", "2025-10-01", 63)]
    assert found["petition_lodged_to_order_granted"] == []
    assert found["accommodated_to_order_granted"] == []


def test_a_whole_journey_gives_every_measure() -> None:
    child = build_child(
        ref="J-1",
        living=[("foster", "2023-01-10", None)],
        events=[
            ("2023-06-01", "permanence_recommendation", "adoption"),
            ("2023-08-01", "panel_recommendation", None),
            ("2023-08-10", "adm_decision", None),
            ("2023-12-01", "petition_lodged", "adoption"),
            ("2024-05-01", "order_granted", "adoption"),
        ],
    )
    got = {k: (p.date, p.days) for k, p in child_measures(child).items()}
    assert got == {
        "accommodated_to_permanence_recommendation": (D("2023-06-01"), 142),
        "permanence_recommendation_to_panel_recommendation": (D("2023-08-01"), 61),
        "panel_recommendation_to_adm_decision": (D("2023-08-10"), 9),
        "adm_decision_to_petition_lodged": (D("2023-12-01"), 113),
        "petition_lodged_to_order_granted": (D("2024-05-01"), 152),
        "accommodated_to_order_granted": (D("2024-05-01"), 477),
    }


def test_a_later_recommendation_times_the_step_that_followed_it() -> None:
    child = build_child(
        living=[("foster", "2023-01-01", None)],
        events=[
            ("2023-03-01", "permanence_recommendation", "home"),
            ("2023-09-01", "permanence_recommendation", "po"),
            ("2023-10-01", "panel_recommendation", None),
        ],
    )
    got = child_measures(child)
    assert got["accommodated_to_permanence_recommendation"].date == D("2023-03-01")
    assert got["permanence_recommendation_to_panel_recommendation"].days == 30


def test_a_milestone_before_coming_into_care_is_not_a_step_after_it() -> None:
    child = build_child(
        living=[("foster", "2023-05-01", None)],
        events=[("2023-01-01", "permanence_recommendation", "po")],
    )
    assert "accommodated_to_permanence_recommendation" not in child_measures(child)


def test_as_of_and_date_filter() -> None:
    child = build_child(
        ref="J-2",
        living=[("foster", "2024-01-01", None)],
        events=[
            ("2024-04-01", "permanence_recommendation", "po"),
            ("2024-06-01", "panel_recommendation", None),
        ],
    )
    early = cohort_measures([child], as_of=D("2024-05-01"))
    assert points(early["accommodated_to_permanence_recommendation"]) == [("J-2", "2024-04-01", 91)]
    assert early["permanence_recommendation_to_panel_recommendation"] == []
    windowed = cohort_measures([child], date_from=D("2024-05-01"), date_to=D("2024-12-31"))
    assert windowed["accommodated_to_permanence_recommendation"] == []
    assert points(windowed["permanence_recommendation_to_panel_recommendation"]) == [
        ("J-2", "2024-06-01", 61)
    ]
