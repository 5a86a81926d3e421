"""The facts clocks read, gathered once per child and as-of date (CLOCKS.md, "Facts").

Gathering is one pass over each kind of record; every look-up afterwards is a binary search,
so judging a child with thousands of chronology entries stays cheap.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import date

from pace_desktop.domain.dates import add_years
from pace_desktop.domain.records import Child
from pace_desktop.domain.vocab import REVIEW_MEETING_KINDS, VISIT
from pace_desktop.journey.episodes import (
    EpisodeInRun,
    Span,
    accommodation_episodes,
    episodes_in_runs,
    legal_episodes,
    legal_runs,
    placements,
)
from pace_desktop.journey.milestones import Milestone, child_milestones


@dataclass(slots=True)
class Facts:
    """One child's facts as of `as_of`; nothing dated after it is here."""

    child: Child
    as_of: date
    accommodation: list[Span]
    reviews: list[date]
    milestones: list[Milestone]
    _by_kind: dict[str, list[Milestone]] = field(default_factory=dict)
    _dates: dict[tuple[str, tuple[str, ...]], list[date]] = field(default_factory=dict)
    _legal: dict[tuple[str, str], list[Span]] = field(default_factory=dict)
    _in_runs: dict[str, list[EpisodeInRun]] = field(default_factory=dict)
    _meetings: dict[str, list[date]] | None = None
    _visits: list[date] | None = None
    _placements: list[Span] | None = None
    _birthdays: dict[int, date] = field(default_factory=dict)
    _statuses: frozenset[str] | None = None

    @classmethod
    def of(cls, child: Child, as_of: date) -> Facts:
        away = accommodation_episodes(child.living, as_of)
        # A review counts from its date whether its record is a draft or final.
        reviews = sorted(
            m.date for m in child.meetings if m.kind in REVIEW_MEETING_KINDS and m.date <= as_of
        )
        found = child_milestones(child, as_of, away)
        facts = cls(child, as_of, away, reviews, found)
        for ms in found:
            facts._by_kind.setdefault(ms.kind, []).append(ms)
        return facts

    @property
    def legal_statuses(self) -> frozenset[str]:
        """Every legal status the record shows (started by the as-of date or not: a cheap
        first look, before any episode is built)."""
        if self._statuses is None:
            self._statuses = frozenset(e.status for e in self.child.legal)
        return self._statuses

    def has_milestone(self, kind: str) -> bool:
        return kind in self._by_kind

    @property
    def date_of_birth(self) -> date:
        return self.child.date_of_birth

    def birthday(self, age: int) -> date:
        """The child's birthday of `age` (29 February born: 28 February in other years)."""
        found = self._birthdays.get(age)
        if found is None:
            found = self._birthdays[age] = add_years(self.child.date_of_birth, age)
        return found

    def placements(self) -> list[Span]:
        if self._placements is None:
            self._placements = placements(self.child.living, self.as_of)
        return self._placements

    def episodes_in_runs(self, status: str) -> list[EpisodeInRun]:
        found = self._in_runs.get(status)
        if found is None:
            found = self._in_runs[status] = episodes_in_runs(self.child.legal, status,
                                                              self.as_of)
        return found

    def first_meeting(self, kind: str, on_or_after: date, by: date | None) -> date | None:
        """The first meeting of `kind` (draft or final: it took place) in the window."""
        if self._meetings is None:
            by_kind: dict[str, set[date]] = {}
            for m in self.child.meetings:
                if m.date <= self.as_of:
                    by_kind.setdefault(m.kind, set()).add(m.date)
            self._meetings = {k: sorted(v) for k, v in by_kind.items()}
        return _first(self._meetings.get(kind, []), on_or_after, by)

    def first_visit(self, on_or_after: date, by: date | None) -> date | None:
        if self._visits is None:
            self._visits = sorted({e.date for e in self.child.events
                                   if e.kind == VISIT and e.date <= self.as_of})
        return _first(self._visits, on_or_after, by)

    def legal_episodes(self, status: str) -> list[Span]:
        return self._legal_spans("episode", status)

    def legal_runs(self, status: str) -> list[Span]:
        return self._legal_spans("run", status)

    def _legal_spans(self, how: str, status: str) -> list[Span]:
        key = (how, status)
        spans = self._legal.get(key)
        if spans is None:
            build = legal_episodes if how == "episode" else legal_runs
            spans = self._legal[key] = build(self.child.legal, status, self.as_of)
        return spans

    def milestone_dates(self, kind: str, routes: tuple[str, ...] = ()) -> list[date]:
        """Distinct dates, in order, of milestones of `kind` (with one of `routes`, if any)."""
        key = (kind, routes)
        dates = self._dates.get(key)
        if dates is None:
            found = self._by_kind.get(kind, ())
            dates = sorted({m.date for m in found if not routes or m.route in routes})
            self._dates[key] = dates
        return dates

    def first_review(self, on_or_after: date, by: date | None) -> date | None:
        """The first review on or after `on_or_after`, if it is no later than `by`."""
        return _first(self.reviews, on_or_after, by)

    def first_milestone(
        self, kind: str, routes: tuple[str, ...], on_or_after: date, by: date | None
    ) -> date | None:
        return _first(self.milestone_dates(kind, routes), on_or_after, by)


def _first(dates: list[date], on_or_after: date, by: date | None) -> date | None:
    i = bisect_left(dates, on_or_after)
    if i == len(dates):
        return None
    found = dates[i]
    return None if by is not None and found > by else found
