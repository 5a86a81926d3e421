"""The timeline's drawing model, from the shared fixtures: what both renderers draw."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import combinations

import pytest

from pace_desktop.domain import Child, Event, LivingEpisode, Meeting
from pace_desktop.domain.dates import age_in_years
from pace_desktop.journey import judge_child, load_rules
from pace_desktop.journey.timeline import (
    PALETTE,
    SHAPES,
    STATUS_STYLES,
    HitIndex,
    Timeline,
    age_ticks,
    birthday,
    build_timeline,
    date_ticks,
    lane_y,
    place_labels,
)
from tests.fixture_children import fixture_children, fixture_expected

AS_OF, EXPECTED = fixture_expected()
RULES = load_rules(None)
CHILDREN = {c.ref: c for c in fixture_children()}


def model(ref: str, as_of: date = AS_OF) -> Timeline:
    return build_timeline(CHILDREN[ref], RULES, as_of)


def test_lanes_come_in_a_fixed_order_then_one_per_clock_rule() -> None:
    m = model("FX-A")
    kinds = [lane.kind for lane in m.lanes]
    assert kinds[:5] == ["living", "legal", "meetings", "milestones", "chronology"]
    assert m.lanes[0].label == "Where Isla lives"
    clock_rules = [lane.rule for lane in m.lanes if lane.kind == "clock"]
    judged = judge_child(CHILDREN["FX-A"], RULES, AS_OF)
    assert clock_rules == list(dict.fromkeys(c.rule for c in judged))
    assert [lane.row for lane in m.lanes] == list(range(len(m.lanes)))


@pytest.mark.parametrize("ref", sorted(CHILDREN))
def test_clock_windows_match_the_judged_clocks(ref: str) -> None:
    m = model(ref)
    expected = {(e["rule"], e["instance"]): e for e in EXPECTED[ref]}
    got = {(w.rule, w.instance): w for w in m.windows}
    assert set(got) == set(expected)
    rows = {lane.rule: lane.row for lane in m.lanes if lane.kind == "clock"}
    for key, e in expected.items():
        w = got[key]
        assert w.status == e["status"]
        assert w.start.isoformat() == e["start"] and w.due.isoformat() == e["due"]
        assert (w.met.isoformat() if w.met else None) == e["met"]
        assert w.days_over == e["days_over"]
        assert w.lane == rows[w.rule]
        assert w.ref == ("clock", f"{w.rule}:{w.instance}")
        # the status is always in words too, opening with the first word of its name in the key
        assert STATUS_STYLES[w.status].text.split()[0].lower() in w.status_text.lower()
        if w.overdue:
            assert w.overdue == (w.due, w.end) and w.end > w.due
            assert e["days_over"] > 0 or e["status"] in ("overdue", "missed")


def test_items_of_fx_a() -> None:
    m = model("FX-A")
    child = CHILDREN["FX-A"]
    assert [(b.label, b.ref[0]) for b in m.bars] == [
        ("With foster carers", "living"),
        ("Compulsory supervision order, away from home", "legal")]
    meetings = [mk for mk in m.markers if mk.lane == 2]
    assert [mk.date for mk in meetings] == [mt.date for mt in child.meetings]
    assert all(mk.shape == "square" and mk.ref[0] == "meeting" for mk in meetings)
    milestones = [mk for mk in m.markers if mk.lane == 3]
    labels = [mk.label for mk in milestones]
    assert "Started living away from home" in labels
    assert "Permanence recommended: permanence order" in labels
    assert {mk.ref[0] for mk in milestones} == {"living", "meeting", "event"}
    # milestone events are shown once, as milestones, not again as chronology entries
    assert not [mk for mk in m.markers if mk.lane == 4]
    assert m.start < min(b.start for b in m.bars) and m.end > AS_OF


def test_facts_after_as_of_are_left_out() -> None:
    as_of = date(2025, 6, 1)
    m = model("FX-A", as_of)
    assert all(mk.date <= as_of for mk in m.markers)
    assert all(b.start <= as_of and b.end <= as_of for b in m.bars)
    assert not any(mk.label.startswith("Petition") for mk in m.markers)
    assert len([mk for mk in m.markers if mk.lane == 2]) == 2
    statuses = {(w.rule, w.instance): w.status for w in m.windows}
    assert statuses == {(c.rule, c.instance): c.status
                        for c in judge_child(CHILDREN["FX-A"], RULES, as_of)}
    assert m.as_of == as_of


def test_open_bars_end_at_as_of_and_ended_ones_keep_their_end() -> None:
    child = Child("T-1", "Test", "Child", date(2015, 1, 1), living=(
        LivingEpisode("foster", date(2020, 1, 1), date(2021, 1, 1), id="l1"),
        LivingEpisode("kinship", date(2021, 1, 2), None, id="l2"),
        LivingEpisode("at_home", date(2030, 1, 1), None, id="l3")))
    m = build_timeline(child, RULES, date(2022, 3, 4))
    assert [(b.ref[1], b.end, b.open_ended) for b in m.bars] == [
        ("l1", date(2021, 1, 1), False), ("l2", date(2022, 3, 4), True)]
    # an episode that ended after the as-of date was still going on that day
    m = build_timeline(child, RULES, date(2020, 6, 1))
    assert [(b.ref[1], b.end, b.open_ended) for b in m.bars] == [("l1", date(2020, 6, 1), True)]


@pytest.mark.parametrize("born", [date(2012, 2, 29), date(2016, 2, 29), date(2020, 3, 1),
                                  date(2019, 12, 31)])
def test_age_ticks_fall_on_the_day_the_age_changes(born: date) -> None:
    ticks = age_ticks(born, born - timedelta(days=30), date(2031, 1, 1))
    assert ticks[0].date == born and ticks[0].label == "Born"
    for age, tick in enumerate(ticks):
        assert age_in_years(born, tick.date) == age
        if age:
            assert age_in_years(born, tick.date - timedelta(days=1)) == age - 1
            assert tick.label == f"Age {age}"


def test_leap_day_birthday_in_other_years_is_first_of_march() -> None:
    assert birthday(date(2016, 2, 29), 1) == date(2017, 3, 1)
    assert birthday(date(2016, 2, 29), 4) == date(2020, 2, 29)
    m = model("FX-F")  # born 29 February 2020
    assert [t.date for t in m.age_ticks] == [date(2025, 3, 1), date(2026, 3, 1)]


def test_date_ticks_are_calendar_steps_within_the_range() -> None:
    for start, end in [(date(2025, 1, 10), date(2025, 1, 15)), (date(2024, 5, 3), date(2024, 8, 1)),
                       (date(2020, 2, 2), date(2026, 9, 1)), (date(1990, 1, 1), date(2030, 1, 1))]:
        ticks = date_ticks(start, end, 8)
        assert 2 <= len(ticks) <= 8
        assert all(start <= t.date <= end for t in ticks)
        assert [t.date for t in ticks] == sorted(t.date for t in ticks)


def test_no_two_statuses_differ_by_colour_alone() -> None:
    for (a, sa), (b, sb) in combinations(STATUS_STYLES.items(), 2):
        assert (sa.shape, sa.filled) != (sb.shape, sb.filled), (a, b)
        assert sa.text != sb.text
    assert all(s.shape in SHAPES for s in STATUS_STYLES.values())
    # the statuses where time ran over are also hatched, so they read in grey
    assert {k for k, s in STATUS_STYLES.items() if s.hatch} == {
        "met_late", "overdue", "missed", "lapsed"}
    assert all(v.startswith("#") and len(v) == 7 for v in PALETTE.values())


def test_every_item_has_a_palette_key_and_a_record() -> None:
    for ref in CHILDREN:
        m = model(ref)
        for item in m.bars + m.markers:
            assert item.key in PALETTE
            assert item.ref[0] in ("living", "legal", "meeting", "event")
            assert item.detail


def test_hit_index_finds_markers_then_windows_then_bars() -> None:
    m = model("FX-A")
    hits = HitIndex(m)
    review = next(mk for mk in m.markers if mk.lane == 2)
    hit = hits.at(review.x + 1, review.y + 0.05)
    assert hit is not None and hit.ref == review.ref and "review" in hit.detail
    bar = m.bars[0]
    mid = (bar.start.toordinal() + bar.end.toordinal()) / 2
    assert hits.at(mid, lane_y(bar.lane)).ref == bar.ref
    w = m.windows[0]
    assert hits.at(w.start.toordinal() + 1, lane_y(w.lane)).ref == w.ref
    assert hits.at(mid, lane_y(bar.lane) - 0.45) is None  # the lane's title, not the bar


def test_place_labels_never_overlaps_and_keeps_priority() -> None:
    cands = [(0.0, 0, "low", 0), (10.0, 0, "high", 5), (100.0, 0, "far", 0), (0.0, 1, "x", 0)]
    kept = place_labels(cands, [50, 50, 50, 50], blocked={0: [(70.0, 80.0)]})
    assert sorted(k[2] for k in kept) == ["far", "high", "x"]


def test_a_child_with_thousands_of_entries() -> None:
    events = tuple(Event(date(2020, 1, 1) + timedelta(days=i % 1500), f"Note {i}", id=f"e{i}")
                   for i in range(2000))
    child = Child("BIG", "Big", "Record", date(2014, 5, 5), events=events,
                  living=(LivingEpisode("foster", date(2020, 1, 1), id="l"),),
                  meetings=(Meeting("lac_review", date(2020, 2, 1), id="m"),))
    m = build_timeline(child, RULES, date(2026, 6, 30))
    assert len([mk for mk in m.markers if mk.lane == 4]) == 2000
    assert [mk.date for mk in m.markers] == sorted(mk.date for mk in m.markers)
