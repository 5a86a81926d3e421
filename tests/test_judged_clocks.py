"""Kept judgements give exactly the due list the records give, on every day they hold."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from pace_desktop.journey import due_list, load_rules
from pace_desktop.journey.judged import due_items, judge_for_keeping, rules_fingerprint
from tests.fixture_children import fixture_children

RULES = load_rules()
WITH_VISITS = load_rules(record_visits=True)


def _days(first: date, last: date, step: int) -> list[date]:
    return [first + timedelta(days=n) for n in range(0, (last - first).days + 1, step)]


@pytest.mark.parametrize("rules", [RULES, WITH_VISITS], ids=["default", "visits"])
def test_kept_judgements_match_judging_afresh_on_every_day_they_hold(rules: tuple) -> None:
    children = fixture_children()
    checked = 0
    for judged_on in _days(date(2018, 1, 1), date(2027, 6, 1), 173):
        kept = [judge_for_keeping(c, rules, judged_on) for c in children]
        for child, judged in zip(children, kept, strict=True):
            last = judged.valid_until or judged_on + timedelta(days=800)
            for day in _days(judged_on, last - timedelta(days=1), 9):
                assert judged.holds_on(day)
                assert due_items([judged], rules, day) == due_list([child], rules, day), (
                    child.ref, judged_on, day)
                checked += 1
    assert checked > 1000


def test_a_judgement_stops_holding_on_the_next_fact() -> None:
    child = next(c for c in fixture_children() if c.meetings)
    first = min(m.date for m in child.meetings)
    judged = judge_for_keeping(child, RULES, first - timedelta(days=1))
    assert judged.valid_until is not None and judged.valid_until <= first
    assert not judged.holds_on(first)
    assert not judged.holds_on(first - timedelta(days=2))  # before it was judged


def test_the_fingerprint_moves_with_the_rules() -> None:
    assert rules_fingerprint(RULES) == rules_fingerprint(load_rules())
    assert rules_fingerprint(RULES) != rules_fingerprint(WITH_VISITS)
