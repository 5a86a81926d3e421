"""Properties of the clock engine over generated journeys."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from pace_desktop.domain.records import (
    Child,
    Decision,
    Event,
    LegalEpisode,
    LivingEpisode,
    Meeting,
)
from pace_desktop.journey import ClockInstance, clock_status, judge_child, load_rules

RULES = load_rules()
_BY_ID = {r.id: r for r in RULES}


def _soon_from(c: ClockInstance) -> date | None:
    rule = _BY_ID[c.rule]
    return rule.warning.before(c.due) if rule.warning else None
EPOCH = date(2024, 1, 1)
SETTINGS = settings(max_examples=150, deadline=None)
MILESTONES = (
    "permanence_recommendation",
    "panel_recommendation",
    "adm_decision",
    "petition_lodged",
    "kinship_options_decided",
)
ROUTES = (None, "home", "po", "poa", "adoption", "s11")


def day(n: int) -> date:
    return EPOCH + timedelta(days=n)


@st.composite
def spans(draw: st.DrawFn, kinds: tuple[str, ...]) -> list[tuple[str, date, date | None]]:
    """Back-to-back records with gaps of 0 to 3 days, so joins and splits both happen."""
    at = draw(st.integers(0, 200))
    found = []
    for n in range(draw(st.integers(0, 5))):
        length = draw(st.integers(0, 300))
        last = n == 4 or draw(st.booleans()) and draw(st.booleans())
        end = None if last and draw(st.booleans()) else at + length
        found.append((draw(st.sampled_from(kinds)), day(at), None if end is None else day(end)))
        if end is None:
            break
        at = end + draw(st.integers(0, 3))
    return found


@st.composite
def journeys(draw: st.DrawFn) -> Child:
    living = [
        LivingEpisode(t, s, e)
        for t, s, e in draw(spans(("at_home", "foster", "kinship", "residential_la")))
    ]
    legal = [
        LegalEpisode(t, s, e) for t, s, e in draw(spans(("icso", "cso_home", "cso_away", "s25")))
    ]
    meetings = []
    for n in sorted(draw(st.lists(st.integers(0, 1000), max_size=8))):
        decisions = ()
        if draw(st.integers(0, 3)) == 0:
            decisions = (
                Decision(
                    "decided", draw(st.sampled_from(MILESTONES)), draw(st.sampled_from(ROUTES))
                ),
            )
        meetings.append(
            Meeting(
                kind=draw(st.sampled_from(("lac_review", "two_week_planning", "panel"))),
                date=day(n),
                decisions=decisions,
                status=draw(st.sampled_from(("draft", "final"))),
            )
        )
    events = [
        Event(
            day(n),
            "milestone",
            kind=draw(st.sampled_from(MILESTONES)),
            route=draw(st.sampled_from(ROUTES)),
        )
        for n in sorted(draw(st.lists(st.integers(0, 1000), max_size=6)))
    ]
    return Child(
        "P-1",
        "Test",
        "Child",
        date(2015, 1, 1),
        living=tuple(living),
        legal=tuple(legal),
        events=tuple(events),
        meetings=tuple(meetings),
    )


as_of_days = st.integers(0, 1100).map(day)


def _ends_then_rejoins(child: Child, on: date) -> bool:
    """A time away (or CSO at home) ending on `on` that the next day's record continues.

    As of that day the end is a fact and the record after it is not, so the end counts; a
    day later the two join up. CLOCKS.md's own rules make this the one case where a later
    as-of date can undo what an end had done.
    """
    records = list(child.living) + list(child.legal)
    return any(r.end == on for r in records) and any(
        r.start == on + timedelta(days=1) for r in records
    )


@SETTINGS
@given(journeys(), as_of_days)
def test_instances_are_consistent_with_their_own_dates(child: Child, as_of: date) -> None:
    for c in judge_child(child, RULES, as_of):
        assert c.start <= as_of
        assert c.due > c.start
        if c.met is not None:
            assert c.start <= c.met <= as_of
            assert c.stopped is None
        if c.stopped is not None:
            assert c.start <= c.stopped <= as_of
        end = c.met or c.stopped or as_of
        assert c.days == (end - c.start).days
        assert c.days_over == max(0, (end - c.due).days)
        assert c.status == clock_status(c.due, c.met, c.stopped, as_of,
                                        soon_from=_soon_from(c), order_limit=c.order_limit)
        if c.status == "lapsed":
            assert c.order_limit and (c.met or c.stopped or as_of) > c.due
        else:
            assert (c.status in ("met", "met_late")) == (c.met is not None)
            assert (c.status in ("closed", "missed")) == (c.stopped is not None)
        if c.order_limit:
            assert c.status not in ("met_late", "overdue", "missed")


@SETTINGS
@given(journeys(), as_of_days)
def test_instances_are_numbered_in_order_of_start(child: Child, as_of: date) -> None:
    clocks = judge_child(child, RULES, as_of)
    for rule in {c.rule for c in clocks}:
        mine = [c for c in clocks if c.rule == rule]
        assert [c.instance for c in mine] == list(range(1, len(mine) + 1))
        assert [c.start for c in mine] == sorted(c.start for c in mine)


def _key(c: ClockInstance) -> tuple[str, int]:
    return (c.rule, c.instance)


@SETTINGS
@given(journeys(), as_of_days, st.integers(1, 400))
def test_a_met_clock_stays_met_as_of_any_later_date(child: Child, as_of: date, more: int) -> None:
    assume(not _ends_then_rejoins(child, as_of))
    later = {_key(c): c for c in judge_child(child, RULES, as_of + timedelta(days=more))}
    for c in judge_child(child, RULES, as_of):
        if c.met is not None:
            same = later[_key(c)]
            assert (same.start, same.met, same.status) == (c.start, c.met, c.status)


@SETTINGS
@given(journeys(), as_of_days, st.integers(1, 300), st.integers(0, 4))
def test_a_fact_after_the_as_of_date_changes_nothing(
    child: Child, as_of: date, after: int, which: int
) -> None:
    when = as_of + timedelta(days=after)
    if which == 0:
        changed = replace(child, meetings=child.meetings + (Meeting("lac_review", when),))
    elif which == 1:
        event = Event(when, "milestone", kind="permanence_recommendation", route="po")
        changed = replace(child, events=child.events + (event,))
    elif which == 2:
        changed = replace(child, living=child.living + (LivingEpisode("foster", when),))
    elif which == 3:
        changed = replace(child, legal=child.legal + (LegalEpisode("icso", when),))
    else:
        # An end recorded after the as-of date: as of that date the episode is still going.
        open_ones = [i for i, e in enumerate(child.living) if e.end is None and e.start < when]
        assume(open_ones)
        living = list(child.living)
        living[open_ones[0]] = replace(living[open_ones[0]], end=when)
        changed = replace(child, living=tuple(living))
    assert judge_child(changed, RULES, as_of) == judge_child(child, RULES, as_of)
