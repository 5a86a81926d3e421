"""Checks for the add and edit dialogs, worded to stand next to the field they are about.

Each check returns {field name: message}; an empty dict means the entry can be saved. They
are plain functions over plain values, so the rules are tested without a window. The store
has the last word (it refuses what breaks its own rules); these catch mistakes while typing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime

from pace_desktop.domain import LegalEpisode, LivingEpisode
from pace_desktop.domain.bounds import DATE_RANGE_HINT, date_in_bounds
from pace_desktop.domain.vocab import LIVING_TYPES
from pace_desktop.gui.caseload_model import plain_date

Problems = dict[str, str]

DATE_HINT = "Write the date like 3 Mar 2024, 3/3/2024 or 2024-03-03."
_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y", "%d %b %Y", "%d %B %Y")


class BadDate(ValueError):
    pass


def parse_day(text: str) -> date | None:
    """A date as people in Scotland write it (day first), or None when the box is empty."""
    text = re.sub(r"\s+", " ", text.strip())
    if not text:
        return None
    for fmt in _FORMATS:
        try:
            day = datetime.strptime(text, fmt).date()
        except ValueError:
            continue
        if not date_in_bounds(day):  # year 1 or 9999 would break the timeline and prints
            raise BadDate(DATE_RANGE_HINT)
        return day
    raise BadDate(DATE_HINT)


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
    if start is not None and end is not None and end < start:
        problems["end"] = (f"The end date ({plain_date(end)}) is before the start date "
                           f"({plain_date(start)}).")


def overlapping(start: date, end: date | None, others: Sequence[LivingEpisode | LegalEpisode]
                ) -> LivingEpisode | LegalEpisode | None:
    """The first other episode sharing a day-and-more with start..end (a move day is shared)."""
    for other in others:
        other_end = other.end or date.max
        mine_end = end or date.max
        if start < other_end and other.start < mine_end:
            return other
    return None


def check_living(kind: str, start: date | None, end: date | None,
                 others: Sequence[LivingEpisode], problems: Problems) -> None:
    if not kind:
        problems["type"] = "Choose where the child lived."
    if start is None and "start" not in problems:
        problems["start"] = "Type the date the child started living here."
    check_period(start, end, problems)
    if start is not None and "end" not in problems:
        clash = overlapping(start, end, others)
        if clash is not None:
            until = f"to {plain_date(clash.end)}" if clash.end else "and still going on"
            what = LIVING_TYPES.get(clash.type, clash.type).lower()  # type: ignore[union-attr]
            problems["start"] = (
                f"This overlaps the time {what}, from {plain_date(clash.start)} {until}. "
                "A child lives in one place at a time: change the dates here or there.")


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
