"""Any valid caseload survives export and import unchanged, ids included."""

from __future__ import annotations

import json

from hypothesis import given, settings

from pace_desktop.domain.records import Child
from pace_desktop.exchange.interchange import parse_interchange, to_interchange
from tests.strategies import children_lists


@settings(max_examples=100, deadline=None)
@given(children_lists())
def test_to_interchange_then_parse_gives_the_same_children(children: list[Child]) -> None:
    assert parse_interchange(to_interchange(children)) == children


@settings(max_examples=50, deadline=None)
@given(children_lists())
def test_round_trip_survives_json_text(children: list[Child]) -> None:
    # What a file holds: text, as write_interchange_file makes it.
    text = json.dumps(to_interchange(children), indent=1, ensure_ascii=False)
    assert parse_interchange(json.loads(text)) == children


@settings(max_examples=50, deadline=None)
@given(children_lists())
def test_canonical_form_is_a_fixed_point(children: list[Child]) -> None:
    once = to_interchange(children)
    assert to_interchange(parse_interchange(once)) == once
