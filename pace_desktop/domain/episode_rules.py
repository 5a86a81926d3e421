"""The rules of a child's episodes, asked by the store (which enforces them), the dialogs and
the importer (which word them beside a field or a place in a file): one rule, one answer.

- A child lives in one place at a time: living episodes may not share a day and more. A move
  day may be both the last day in one place and the first in the next.
- Legal statuses may run side by side. The legal status *now* is the one in force on that day
  (started on or before it, not ended before it); of several, the latest started, and of
  those the one recorded last.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from pace_desktop.domain.date_words import short_date
from pace_desktop.domain.records import LegalEpisode, LivingEpisode
from pace_desktop.domain.vocab import LIVING_TYPES


@dataclass(frozen=True, slots=True)
class Overlap:
    """Two living episodes (their indexes in the list asked about) and the days they share."""

    later: int
    earlier: int
    shared_from: date
    shared_to: date | None  # None: both are still going on


def living_overlaps(periods: Sequence[tuple[date, date | None]]) -> list[Overlap]:
    """Every episode that starts before an earlier-starting one has ended (start, end pairs).

    Sorted by start, each episode need only be compared with the one ending latest so far:
    that is the only one it can overlap if it overlaps any."""
    order = sorted(range(len(periods)),
                   key=lambda i: (periods[i][0], periods[i][1] is None, periods[i][1] or date.min))
    found: list[Overlap] = []
    latest: int | None = None
    for i in order:
        start, end = periods[i]
        if latest is not None:
            latest_end = periods[latest][1]
            if latest_end is None or start < latest_end:
                ends = [d for d in (end, latest_end) if d is not None]
                found.append(Overlap(i, latest, start, min(ends) if ends else None))
            if latest_end is None or (end is not None and end <= latest_end):
                continue
        latest = i
    return found


def clash(start: date, end: date | None, others: Sequence[LivingEpisode]
          ) -> LivingEpisode | None:
    """The first of `others` sharing a day and more with start..end (a move day is shared)."""
    for other in others:
        if start < (other.end or date.max) and other.start < (end or date.max):
            return other
    return None


def ended_by_move(living: Sequence[LivingEpisode], on: date) -> list[LivingEpisode]:
    """The homes a move on `on` ends: begun before that day and not over by it. Each ends on
    the move day, which is both its last day and the new home's first."""
    return [e for e in living if e.start < on and (e.end is None or e.end > on)]


def clash_words(other: LivingEpisode) -> str:
    """The overlap in plain words, as the dialog and the store's refusal both say it."""
    until = f"to {short_date(other.end)}" if other.end else "and still going on"
    what = LIVING_TYPES.get(other.type, other.type).lower()
    return (f"This overlaps the time {what}, from {short_date(other.start)} {until}. "
            "A child lives in one place at a time: change the dates here or there.")


def period_problem(start: date, end: date | None) -> str | None:
    """An end before its start, in plain words; None when the period is whole."""
    if end is not None and end < start:
        return (f"The end date ({short_date(end)}) is before the start date "
                f"({short_date(start)}).")
    return None


def living_problems(living: Sequence[LivingEpisode]) -> list[tuple[int, str]]:
    """(index, what is wrong) for every living episode that breaks a rule: ends before it
    starts, or overlaps an earlier one. The store refuses a record with any."""
    found = [(i, problem) for i, e in enumerate(living)
             if (problem := period_problem(e.start, e.end)) is not None]
    whole = [i for i, e in enumerate(living) if period_problem(e.start, e.end) is None]
    for o in living_overlaps([(living[i].start, living[i].end) for i in whole]):
        found.append((whole[o.later], clash_words(living[whole[o.earlier]])))
    return sorted(found)


def legal_now(legal: Sequence[LegalEpisode], as_of: date) -> LegalEpisode | None:
    """The legal status in force on `as_of` (see the module's note), or None."""
    best: tuple[date, int] | None = None
    chosen = None
    for index, episode in enumerate(legal):
        if episode.start <= as_of and (episode.end is None or episode.end >= as_of):
            if best is None or (episode.start, index) > best:
                best, chosen = (episode.start, index), episode
    return chosen
