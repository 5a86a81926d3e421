"""The store keeps each child's clock judgement and forgets it when the record changes."""

from __future__ import annotations

from datetime import date, timedelta

from pace_desktop.domain import Event
from pace_desktop.journey import due_list, load_rules
from pace_desktop.journey.judged import due_items
from pace_desktop.store import CaseStore
from tests.fixture_children import fixture_children, fixture_expected

RULES = load_rules()


def _filled(store: CaseStore) -> None:
    store.import_children(fixture_children())


def test_the_kept_due_list_is_the_due_list_of_the_records(store: CaseStore) -> None:
    _filled(store)
    as_of, _ = fixture_expected()
    from_records = due_list(store.children(clock_facts_only=True), RULES, as_of)
    assert from_records  # the fixtures have clocks due: the comparison means something
    assert due_items(store.judged_clocks(RULES, as_of), RULES, as_of) == from_records
    assert due_items(store.judged_clocks(RULES, as_of), RULES, as_of) == from_records


def test_a_judgement_is_kept_across_days_and_forgotten_when_the_child_changes(
        store: CaseStore) -> None:
    _filled(store)
    as_of, _ = fixture_expected()
    first = {j.ref: j for j in store.judged_clocks(RULES, as_of)}
    later = as_of + timedelta(days=1)
    holding = [ref for ref, j in first.items() if j.holds_on(later)]
    assert holding
    again = {j.ref: j for j in store.judged_clocks(RULES, later)}
    assert all(again[ref].judged_on == as_of for ref in holding)  # kept, not judged again

    ref = holding[0]
    store.add_event(ref, Event(as_of - timedelta(days=3), "Permanence recommended",
                               kind="permanence_recommendation", route="adoption"))
    changed = {j.ref: j for j in store.judged_clocks(RULES, later)}
    assert changed[ref].judged_on == later
    assert all(changed[r].judged_on == as_of for r in holding if r != ref)
    assert due_items(changed.values(), RULES, later) == due_list(
        store.children(clock_facts_only=True), RULES, later)


def test_other_rules_judge_again(store: CaseStore) -> None:
    _filled(store)
    as_of, _ = fixture_expected()
    store.judged_clocks(RULES, as_of)
    visits = load_rules(record_visits=True)
    judged = store.judged_clocks(visits, as_of)
    assert {j.judged_on for j in judged} == {as_of}
    assert due_items(judged, visits, as_of) == due_list(
        store.children(clock_facts_only=True), visits, as_of)


def test_refs_limit_the_judgements(store: CaseStore) -> None:
    _filled(store)
    refs = sorted(c.ref for c in fixture_children())[:2]
    assert sorted(j.ref for j in store.judged_clocks(RULES, date(2026, 1, 1), refs)) == refs
