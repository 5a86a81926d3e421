"""The three-way merge (SYNC.md promises), property-tested on made-up records and shown on a
fixture child: nothing is lost, mine stays in force, final records only grow, idempotent."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pace_desktop.exchange import parse_interchange
from pace_desktop.exchange.snapshot import broken_records, from_snapshot, to_snapshot
from pace_desktop.store.inserts import with_ids
from pace_desktop.sync import MergeRefused, merge
from pace_desktop.sync.merge import DELETED
from tests.conftest import FIXTURES

PARTS = ("people", "living", "meetings")  # editable parts (drafts); events are final
FIELDS = ("a", "b", "c")
VALUES = st.one_of(st.none(), st.integers(0, 3))


@st.composite
def three_snapshots(draw: st.DrawFn) -> tuple[dict, dict, dict]:
    """An ancestor and two sides edited independently from it: fields changed, records
    added and deleted."""
    keys = draw(st.lists(st.tuples(st.sampled_from(PARTS), st.sampled_from("pqrs")),
                         unique=True, max_size=6))
    ancestor = {k: {f: v for f in FIELDS if (v := draw(VALUES)) is not None} for k in keys}

    def side(tag: str) -> dict:
        out: dict = {}
        for key, record in ancestor.items():
            fate = draw(st.sampled_from(("same", "edit", "edit", "delete")))
            if fate == "delete":
                continue
            edited = dict(record)
            if fate == "edit":
                for f in FIELDS:
                    if draw(st.booleans()):
                        v = draw(VALUES)
                        if v is None:
                            edited.pop(f, None)
                        else:
                            edited[f] = v
            out[key] = edited
        for n in range(draw(st.integers(0, 2))):
            out[("living", f"{tag}{n}")] = {"a": draw(st.integers(0, 3))}
        return out

    return ancestor, side("m"), side("t")


@settings(max_examples=300, deadline=None)
@given(three_snapshots())
def test_every_change_arrives_or_is_a_conflict_and_mine_stays_in_force(
        snaps: tuple[dict, dict, dict]) -> None:
    ancestor, mine, theirs = snaps
    result = merge(ancestor, mine, theirs)
    conflicts = {(c.key, c.field) for c in result.conflicts}
    for key in set(ancestor) | set(mine) | set(theirs):
        a, m, t = ancestor.get(key), mine.get(key), theirs.get(key)
        got = result.merged.get(key)
        if (key, DELETED) in conflicts:
            assert got == m  # the local side (deleted or edited) stays in force
            continue
        if m is None or t is None:
            kept = m if t == a else t if m == a else m
            assert got == kept
            continue
        for f in FIELDS:
            av, mv, tv = (a or {}).get(f), m.get(f), t.get(f)
            if (key, f) in conflicts:
                assert mv != tv and mv != av and tv != av and got.get(f) == mv
            elif mv == av:
                assert got.get(f) == tv  # changed only on their side: it arrives
            else:
                assert got.get(f) == mv  # changed on mine (or both alike): kept


@settings(max_examples=200, deadline=None)
@given(three_snapshots())
def test_either_order_finds_the_same_conflicts_and_agrees_elsewhere(
        snaps: tuple[dict, dict, dict]) -> None:
    ancestor, mine, theirs = snaps
    here, there = merge(ancestor, mine, theirs), merge(ancestor, theirs, mine)
    assert {(c.key, c.field) for c in here.conflicts} == {
        (c.key, c.field) for c in there.conflicts}
    conflicted = {c.key for c in here.conflicts}
    for key in set(here.merged) | set(there.merged):
        if key not in conflicted:
            assert here.merged.get(key) == there.merged.get(key)


@settings(max_examples=200, deadline=None)
@given(three_snapshots())
def test_receiving_the_same_changes_twice_changes_nothing(
        snaps: tuple[dict, dict, dict]) -> None:
    ancestor, mine, theirs = snaps
    once = merge(ancestor, mine, theirs)
    twice = merge(ancestor, once.merged, theirs)
    assert twice.merged == once.merged
    assert {(c.key, c.field) for c in twice.conflicts} == {
        (c.key, c.field) for c in once.conflicts}


def test_final_records_only_grow_and_amendments_are_united() -> None:
    entry = {"date": "2026-01-05", "title": "Moved", "significant": True}
    first = {"at": "2026-02-01", "author": "Jo", "text": "Date corrected"}
    second = {"at": "2026-02-03", "author": "Sam", "text": "Carer's name added"}
    mine = {("events", "e1"): {**entry, "amendments": [first]}}
    theirs = {("events", "e1"): {**entry, "amendments": [second]},
              ("events", "e2"): {**entry, "title": "Visit"}}
    result = merge({("events", "e1"): entry}, mine, theirs)
    assert result.conflicts == []
    assert result.merged[("events", "e1")]["amendments"] == [first, second]
    assert ("events", "e2") in result.merged
    tampered = {("events", "e1"): {**entry, "title": "Moved somewhere else"}}
    with pytest.raises(MergeRefused, match="events e1: a final record arrived"):
        merge({}, mine, tampered)


def test_a_draft_finalised_on_one_side_and_edited_on_the_other() -> None:
    draft = {"kind": "lac_review", "date": "2026-03-01", "status": "draft", "chair": "Ann"}
    final = {**draft, "status": "final", "chair": "Ann Ross"}
    edited = {**draft, "chair": "Anne"}
    key = ("meetings", "m1")
    result = merge({key: draft}, {key: final}, {key: edited})
    assert result.merged[key] == final  # the final record stands
    (conflict,) = result.conflicts
    assert (conflict.field, conflict.mine, conflict.theirs) == ("chair", "Ann Ross", "Anne")


def _fixture(ref: str) -> Any:
    data = json.loads((FIXTURES / "journeys.json").read_text(encoding="utf-8"))
    (child,) = [c for c in parse_interchange(data) if c.ref == ref]
    return with_ids(child)


def test_a_worked_round_trip_on_a_fixture_child() -> None:
    """Office and meeting laptop each change the same child: one field each, one both."""
    base = _fixture("FX-L")
    office = replace(base, known_as="Frey", reviewing_officer="Ishbel Rendall")
    meeting = replace(base, allocated_worker="Tom Flett", reviewing_officer="I. Rendall")
    result = merge(to_snapshot(base), to_snapshot(office), to_snapshot(meeting))
    merged = from_snapshot(result.merged)
    assert (merged.known_as, merged.allocated_worker) == ("Frey", "Tom Flett")
    assert merged.reviewing_officer == "Ishbel Rendall"  # mine stays in force
    (conflict,) = result.conflicts
    assert (conflict.key, conflict.field, conflict.mine, conflict.theirs) == (
        ("child", ""), "reviewing_officer", "Ishbel Rendall", "I. Rendall")
    assert replace(merged, known_as=None, allocated_worker=None) == replace(
        office, known_as=None, allocated_worker=None)


def test_a_merge_that_would_overlap_two_homes_names_both() -> None:
    base = _fixture("FX-L")
    first, second = base.living
    mine = replace(base, living=(replace(first, end=second.start), second))
    theirs = replace(base, living=(first, replace(second, start=first.start.replace(
        month=first.start.month + 1))))
    result = merge(to_snapshot(base), to_snapshot(mine), to_snapshot(theirs))
    broken, problems = broken_records(result.merged)
    assert broken == {("living", first.id), ("living", second.id)} and problems
    result.revert(("living", second.id), to_snapshot(mine))
    assert broken_records(result.merged) == (set(), [])
