"""Checks for the add and edit dialogs, worded to stand next to the field they are about.

Each check returns {field name: message}; an empty dict means the entry can be saved. They
are plain functions over plain values, so the rules are tested without a window. The store
has the last word (it refuses what breaks its own rules, asking the same domain functions);
these catch mistakes while typing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from pace_desktop.domain import LivingEpisode
from pace_desktop.domain.date_words import DateUnreadable, read_typed_date
from pace_desktop.domain.episode_rules import (
    clash,
    clash_words,
    ended_by_move,
    period_problem,
)

Problems = dict[str, str]

BadDate = DateUnreadable


def parse_day(text: str) -> date | None:
    """A date as people in Scotland write it (day first), or None when the box is empty."""
    return read_typed_date(text)


def read_day(text: str, field: str, problems: Problems, required: str | None = None
             ) -> date | None:
    """Parse a date box; note a problem against `field` (and `required` if it is empty)."""
    try:
        day = parse_day(text)
    except BadDate as exc:
        problems[field] = str(exc)
        return None
    if day is None and required:
        problems[field] = required
    return day


def check_period(start: date | None, end: date | None, problems: Problems) -> None:
    if start is not None and end is not None:
        problem = period_problem(start, end)  # the store's own rule and words
        if problem is not None:
            problems["end"] = problem


def check_living(kind: str, start: date | None, end: date | None,
                 others: Sequence[LivingEpisode], problems: Problems) -> None:
    if not kind:
        problems["type"] = "Choose where the child lived."
    if start is None and "start" not in problems:
        problems["start"] = "Type the date the child started living here."
    check_period(start, end, problems)
    if start is not None and "end" not in problems:
        other = clash(start, end, others)
        if other is not None:
            problems["start"] = clash_words(other)


def check_move(kind: str, on: date | None, living: Sequence[LivingEpisode],
               problems: Problems) -> None:
    """A move on `on` to a new home still going on: the homes it ends (`ended_by_move`, as
    the store's `add_move` ends them) end that day; any other it would overlap is said."""
    if not kind:
        problems["type"] = "Choose where the child moved to."
    if on is None and "date" not in problems:
        problems["date"] = "Type the date of the move."
    if on is None:
        return
    ending = {id(e) for e in ended_by_move(living, on)}
    after = [replace(e, end=on) if id(e) in ending else e for e in living]
    other = clash(on, None, after)
    if other is not None:
        problems["date"] = clash_words(other)


def check_legal(status: str, start: date | None, end: date | None,
                problems: Problems) -> None:
    if not status:
        problems["status"] = "Choose the legal status."
    if start is None and "start" not in problems:
        problems["start"] = "Type the date this began."
    check_period(start, end, problems)


def check_required(value: str, field: str, message: str, problems: Problems) -> None:
    if not value.strip():
        problems[field] = message
