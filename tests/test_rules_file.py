"""The rules file: defaults load, an authority's file changes, switches off and adds clocks,
and a wrong file is refused with a message naming the file, rule and field."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pace_desktop.journey import (
    Offset,
    RulesError,
    default_rules_path,
    judge_child,
    load_rules,
    rules_from_text,
)
from tests.fixture_children import build_child

DEFAULT_IDS = [
    "first_lac_review",
    "second_lac_review",
    "later_lac_reviews",
    "permanence_direction",
    "panel_within_12_weeks",
    "adm_within_14_days",
    "lodge_after_adm",
    "cso_home_review_2_years",
    "icso_22_days",
    "icso_run_66_days",
    "cso_expiry",
    "cpo_second_working_day",
    "cpo_eighth_working_day",
    "initial_cppm_28_days",
    "first_visit_1_week",
    "later_visits_3_months",
]


def write(tmp_path: Path, text: str, name: str = "rules.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_default_file_loads_the_clocks_md_table() -> None:
    assert default_rules_path().is_file()
    rules = {r.id: r for r in load_rules()}
    assert list(rules) == DEFAULT_IDS
    assert rules["first_lac_review"].offset == Offset(6, "weeks")
    assert rules["cso_home_review_2_years"].review_window == Offset(3, "months")
    assert rules["panel_within_12_weeks"].starts_on.routes == ("po", "poa", "adoption")
    assert rules["panel_within_12_weeks"].mark == "local aim"
    assert not rules["lodge_after_adm"].enabled
    assert [r.id for r in rules.values() if r.repeats] == [
        "later_lac_reviews", "later_visits_3_months"]
    assert [r.id for r in rules.values() if r.order_limit] == ["icso_22_days", "cso_expiry"]
    assert rules["cso_expiry"].warning == Offset(3, "months")
    assert rules["cso_expiry"].offset == Offset(1, "years", ((-1, "days"),))
    assert rules["cso_expiry"].until_age == 18
    assert rules["cpo_eighth_working_day"].offset == Offset(8, "working days")
    assert not rules["first_visit_1_week"].enabled
    assert not rules["later_visits_3_months"].enabled
    assert all(r.label and r.source and r.mark for r in rules.values())


def test_override_changes_a_target_and_keeps_the_other_fields(tmp_path: Path) -> None:
    path = write(tmp_path, '[[rule]]\nid = "panel_within_12_weeks"\noffset = "10 weeks"\n')
    rule = {r.id: r for r in load_rules(path)}["panel_within_12_weeks"]
    assert rule.offset == Offset(10, "weeks")
    assert rule.starts_on.routes == ("po", "poa", "adoption")
    assert rule.label == "Permanence panel within 12 weeks of the plan"


def test_override_switches_rules_off_and_on(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        '[[rule]]\nid = "icso_22_days"\nenabled = false\n\n'
        '[[rule]]\nid = "icso_run_66_days"\nenabled = false\n\n'
        '[[rule]]\nid = "lodge_after_adm"\nenabled = true\n',
    )
    rules = load_rules(path)
    child = build_child(
        legal=[("icso", "2025-01-01", None)], events=[("2025-01-05", "adm_decision", None)]
    )
    found = {c.rule for c in judge_child(child, rules, date(2025, 2, 1))}
    assert found == {"lodge_after_adm"}


def test_switching_off_a_review_clock_keeps_the_chain_that_follows_it(tmp_path: Path) -> None:
    path = write(tmp_path, '[[rule]]\nid = "second_lac_review"\nenabled = false\n')
    child = build_child(
        living=[("foster", "2025-01-01", None)], reviews=["2025-02-01", "2025-04-01"]
    )
    found = judge_child(child, load_rules(path), date(2025, 5, 1))
    assert "second_lac_review" not in {c.rule for c in found}
    later = [c for c in found if c.rule == "later_lac_reviews"]
    assert [c.start for c in later] == [date(2025, 4, 1)]


KINSHIP_AIM = """
[[rule]]
id = "kinship_options_18_weeks"
label = "Kinship options decided by the 18-week review"
starts_on = "accommodated"
offset = "18 weeks"
met_by = "milestone:kinship_options_decided"
source = "Aberdeen local aim"
"""


def test_override_adds_a_local_aim_that_produces_instances(tmp_path: Path) -> None:
    rules = load_rules(write(tmp_path, KINSHIP_AIM))
    aim = rules[-1]
    assert (aim.id, aim.mark, aim.enabled, aim.repeats) == (
        "kinship_options_18_weeks",
        "local aim",
        True,
        False,
    )
    child = build_child(
        living=[
            ("foster", "2025-01-01", "2025-03-01"),
            ("at_home", "2025-03-01", "2025-06-01"),
            ("kinship", "2025-06-01", None),
        ],
        meetings=[
            {
                "kind": "lac_review",
                "date": "2025-09-01",
                "decisions": [{"text": "Aunt assessed", "milestone": "kinship_options_decided"}],
            }
        ],
    )
    found = [c for c in judge_child(child, rules, date(2025, 12, 1)) if c.rule == aim.id]
    assert [(c.instance, c.start, c.due, c.met, c.status) for c in found] == [
        (1, date(2025, 1, 1), date(2025, 5, 7), None, "closed"),
        (2, date(2025, 6, 1), date(2025, 10, 5), date(2025, 9, 1), "met"),
    ]
    assert found[0].label == "Kinship options decided by the 18-week review"


def test_a_local_aim_can_start_on_a_milestone_with_routes() -> None:
    rules = rules_from_text(
        '[[rule]]\nid = "s11_petition"\nlabel = "Kinship care order petition lodged"\n'
        'starts_on = "milestone:permanence_recommendation"\nstarts_on_routes = ["s11"]\n'
        'offset = "16 weeks"\nmet_by = "milestone:petition_lodged"\n'
        'met_by_routes = ["s11"]\n'
    )
    child = build_child(
        events=[
            ("2025-01-01", "permanence_recommendation", "po"),
            ("2025-02-01", "permanence_recommendation", "s11"),
            ("2025-03-01", "petition_lodged", "po"),
            ("2025-04-01", "petition_lodged", "s11"),
        ]
    )
    (clock,) = judge_child(child, rules, date(2025, 6, 1))
    assert (clock.start, clock.met, clock.status) == (date(2025, 2, 1), date(2025, 4, 1), "met")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '[[rule]]\nid = "panel_within_12_weeks"\noffset = "12 fortnights"\n',
            'rules.toml: rule "panel_within_12_weeks", field "offset": '
            "unit must be days, weeks, months, years or working days",
        ),
        (
            '[[rule]]\nid = "icso_22_days"\ncolour = "red"\n',
            'rules.toml: rule "icso_22_days", field "colour": a rule has no such field',
        ),
        (
            '[[rule]]\nid = "first_lac_review"\nstarts_on = "birthday"\n',
            'rules.toml: rule "first_lac_review", field "starts_on": "birthday" is not known',
        ),
        (
            '[[rule]]\nid = "new_aim"\nlabel = "A new aim"\nstarts_on = "accommodated"\n'
            'met_by = "review"\n',
            'rules.toml: rule "new_aim", field "offset": missing',
        ),
        (
            '[[rule]]\nid = "new_aim"\nlabel = "A new aim"\nstarts_on = "milestone:wedding"\n'
            'offset = "1 week"\nmet_by = "review"\n',
            'rules.toml: rule "new_aim", field "starts_on": "wedding" is not a milestone',
        ),
        (
            '[[rule]]\nid = "icso_22_days"\nenabled = "no"\n',
            'rules.toml: rule "icso_22_days", field "enabled": must be true or false',
        ),
        (
            '[[rule]]\nid = "adm_within_14_days"\nmet_by = "episode_end"\n',
            'rules.toml: rule "adm_within_14_days", field "met_by": "episode_end" needs',
        ),
        (
            '[[rule]]\nid = "second_lac_review"\nstarts_on = "met:no_such_rule"\n',
            'rules.toml: rule "second_lac_review", field "starts_on": there is no rule',
        ),
        (
            '[[rule]]\nid = "first_lac_review"\nstarts_on = "met:later_lac_reviews"\n',
            'rules.toml: rule "first_lac_review", field "starts_on": rules follow each other',
        ),
        (
            '[[rule]]\nlabel = "No id"\n',
            'rules.toml: rule 1, field "id": every rule needs an id',
        ),
        (
            '[[rule]]\nid = "icso_22_days"\nmark = "law"\n',
            'rules.toml: rule "icso_22_days", field "mark": must be one of',
        ),
    ],
)
def test_a_malformed_rule_names_the_file_rule_and_field(
    tmp_path: Path, text: str, message: str
) -> None:
    with pytest.raises(RulesError) as caught:
        load_rules(write(tmp_path, text))
    assert str(caught.value).startswith(message)


def test_a_toml_syntax_error_gives_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, '[[rule]]\nid = "icso_22_days"\noffset = 22 days\n')
    with pytest.raises(RulesError) as caught:
        load_rules(path)
    message = str(caught.value)
    assert message.startswith("rules.toml, line 3: this is not valid TOML")
    assert "column" not in message


def test_a_missing_override_file_is_an_error_not_the_defaults(tmp_path: Path) -> None:
    with pytest.raises(RulesError, match="not found"):
        load_rules(tmp_path / "local.toml")


def test_unknown_top_level_keys_are_refused(tmp_path: Path) -> None:
    with pytest.raises(RulesError, match='"rules" does not belong'):
        load_rules(write(tmp_path, '[[rules]]\nid = "x"\n'))
