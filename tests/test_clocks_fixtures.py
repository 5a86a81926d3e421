"""The shared fixtures: every child's clock instances as of 2026-06-30, exactly."""

from __future__ import annotations

import pytest

from pace_desktop.journey import clock_dict, judge_child, load_rules
from tests.fixture_children import fixture_children, fixture_expected

RULES = load_rules()
AS_OF, EXPECTED = fixture_expected()
CHILDREN = {child.ref: child for child in fixture_children()}
_FIELDS = ("rule", "instance", "start", "due", "met", "status", "days", "days_over")


def _key(row: dict[str, object]) -> tuple[object, ...]:
    return tuple(row[f] for f in _FIELDS)


def test_every_fixture_child_has_expectations() -> None:
    assert set(CHILDREN) == set(EXPECTED)


@pytest.mark.parametrize("ref", sorted(EXPECTED))
def test_fixture_child_clocks_match_exactly(ref: str) -> None:
    got = sorted(_key(clock_dict(c)) for c in judge_child(CHILDREN[ref], RULES, AS_OF))
    want = sorted(_key(row) for row in EXPECTED[ref])
    assert got == want


def test_instances_are_numbered_by_start_date() -> None:
    for child in CHILDREN.values():
        clocks = judge_child(child, RULES, AS_OF)
        for rule in {c.rule for c in clocks}:
            mine = [c for c in clocks if c.rule == rule]
            assert [c.instance for c in mine] == list(range(1, len(mine) + 1))
            assert [c.start for c in mine] == sorted(c.start for c in mine)
