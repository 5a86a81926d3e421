"""Spans of time a clock can run within: times away from home and legal episodes (CLOCKS.md).

Everything here is judged as of a date: records that start after it are left out, and an end
after it is treated as "not ended yet", so a past date gives the answer it gave on that day.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from pace_desktop.domain.records import LegalEpisode, LivingEpisode
from pace_desktop.domain.vocab import AWAY_FROM_HOME

_ONE_DAY = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of time built from one or more records of the child.

    `end` is None while it is still going on as of the as-of date. `first` and `last` are the
    positions, in the child's own tuple, of the records it was built from, so a screen can
    open them. `then_home` is true for a time away that ended with a move back home.
    """

    start: date
    end: date | None
    first: int
    last: int
    then_home: bool = False


# The last few answers of `_clipped`: a child's legal episodes are clipped for each kind of
# order the rules ask about, one child after another. The records are kept with the answer,
# so an identity match can never be a new tuple that reused a dead one's id.
_CLIPPED: list[tuple[object, date, list[tuple[date, date | None, int]]]] = []


def _clipped(
    records: Sequence[LivingEpisode] | Sequence[LegalEpisode], as_of: date
) -> list[tuple[date, date | None, int]]:
    """(start, end, index) in date order, without what had not happened by `as_of`.
    Callers must not change the list they get back (it may be shared)."""
    for known, day, rows in _CLIPPED:
        if known is records and day == as_of:
            return rows
    rows = _clip(records, as_of)
    _CLIPPED.insert(0, (records, as_of, rows))
    del _CLIPPED[2:]
    return rows


def _clip(
    records: Sequence[LivingEpisode] | Sequence[LegalEpisode], as_of: date
) -> list[tuple[date, date | None, int]]:
    rows = []
    for i, r in enumerate(records):
        if r.start > as_of:
            continue
        end = r.end if r.end is not None and r.end <= as_of else None
        rows.append((r.start, end, i))
    rows.sort(key=lambda row: (row[0], row[1] or date.max, row[2]))
    return rows


def _joins(prev_end: date | None, next_start: date) -> bool:
    # "No gap" in CLOCKS.md: the next starts on the day the previous ends or the day after.
    # An open end followed by a later record can only be bad data; treat it as joined.
    return prev_end is None or next_start <= prev_end + _ONE_DAY


def accommodation_episodes(living: Sequence[LivingEpisode], as_of: date) -> list[Span]:
    """Runs of back-to-back away-from-home living episodes, as of `as_of`.

    A living episode at home between two away episodes always ends the run, and so does a
    gap of two days or more (away until the 1st, away again from the 3rd: two runs).
    """
    rows = _clipped(living, as_of)
    spans: list[Span] = []
    run: list[int] = []  # positions in `rows` of the current time away
    for pos, (start, _end, i) in enumerate(rows):
        away = living[i].type in AWAY_FROM_HOME
        if run and (not away or not _joins(rows[run[-1]][1], start)):
            spans.append(_away_span(rows, run, living, pos))
            run = []
        if away:
            run.append(pos)
    if run:
        spans.append(_away_span(rows, run, living, len(rows)))
    return spans


def _away_span(
    rows: list[tuple[date, date | None, int]],
    run: list[int],
    living: Sequence[LivingEpisode],
    after: int,
) -> Span:
    first, last = rows[run[0]], rows[run[-1]]
    end = last[1]
    if end is None and after < len(rows):
        # An open episode followed by another record ended when that one began.
        end = rows[after][0]
    then_home = end is not None and after < len(rows) and living[rows[after][2]].type == "at_home"
    return Span(first[0], end, first[2], last[2], then_home)


def placements(living: Sequence[LivingEpisode], as_of: date) -> list[Span]:
    """Each away-from-home living episode on its own: a move to another carer is a new
    placement, even inside one time away from home."""
    rows = _clipped(living, as_of)
    spans = []
    for pos, (start, end, i) in enumerate(rows):
        if living[i].type not in AWAY_FROM_HOME:
            continue
        if end is None and pos + 1 < len(rows):
            end = rows[pos + 1][0]  # an open episode followed by another ended when it began
        spans.append(Span(start, end, i, i))
    return spans


def _statuses(status: str) -> frozenset[str]:
    """"cso_home,cso_away" names one kind of order held under either status."""
    return frozenset(status.split(","))


def legal_episodes(legal: Sequence[LegalEpisode], status: str, as_of: date) -> list[Span]:
    """Each legal episode of `status` on its own (an interim order renewed is a new order)."""
    wanted = _statuses(status)
    if not any(r.status in wanted for r in legal):
        return []  # most children, for most kinds of order: no need to sort anything
    return [
        Span(start, end, i, i)
        for start, end, i in _clipped(legal, as_of)
        if legal[i].status in wanted
    ]


@dataclass(frozen=True, slots=True)
class EpisodeInRun:
    """A legal episode with the run it belongs to and the start of the episode after it in
    that run (None when it is the last so far): a continued order is a new episode."""

    episode: Span
    run: Span
    next_start: date | None


def episodes_in_runs(legal: Sequence[LegalEpisode], status: str, as_of: date
                     ) -> list[EpisodeInRun]:
    """Each episode of `status` with its run, built in the same pass as `legal_runs`."""
    found: list[EpisodeInRun] = []
    for run, members in _runs_with_members(legal, _statuses(status), as_of):
        for n, episode in enumerate(members):
            following = members[n + 1].start if n + 1 < len(members) else None
            found.append(EpisodeInRun(episode, run, following))
    return found


def legal_runs(legal: Sequence[LegalEpisode], status: str, as_of: date) -> list[Span]:
    """Runs of back-to-back legal episodes of `status`; any other status between ends a run."""
    return [run for run, _ in _runs_with_members(legal, _statuses(status), as_of)]


def _runs_with_members(legal: Sequence[LegalEpisode], wanted: frozenset[str], as_of: date
                       ) -> list[tuple[Span, list[Span]]]:
    runs: list[tuple[Span, list[Span]]] = []
    if not any(r.status in wanted for r in legal):
        return runs
    current: Span | None = None
    members: list[Span] = []
    for start, end, i in _clipped(legal, as_of):
        if legal[i].status not in wanted:
            if current is not None:
                runs.append((current, members))
                current, members = None, []
            continue
        if current is not None and _joins(current.end, start):
            later_end = None if current.end is None or end is None else max(current.end, end)
            current = Span(current.start, later_end, current.first, i)
        else:
            if current is not None:
                runs.append((current, members))
            current, members = Span(start, end, i, i), []
        members.append(Span(start, end, i, i))
    if current is not None:
        runs.append((current, members))
    return runs
