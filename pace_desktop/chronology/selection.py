"""Which chronology entries a print shows, in what order, and their dates as recorded."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from pace_desktop.domain.ordering import in_chronology_order
from pace_desktop.domain.records import Event

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


@dataclass(frozen=True, slots=True)
class EntryFilter:
    """A date range (either end open), event kinds (None: all) and significance."""

    date_from: date | None = None
    date_to: date | None = None
    kinds: frozenset[str] | None = None
    significant_only: bool = True

    def describe(self) -> str:
        """The filter in words, for the first page: a reader should know what was chosen."""
        parts = ["significant entries" if self.significant_only else "all entries"]
        if self.date_from and self.date_to:
            parts.append(f"from {long_date(self.date_from)} to {long_date(self.date_to)}")
        elif self.date_from:
            parts.append(f"from {long_date(self.date_from)}")
        elif self.date_to:
            parts.append(f"up to {long_date(self.date_to)}")
        if self.kinds is not None:
            parts.append("of the kinds chosen")
        return " ".join(parts)


def select_entries(events: Sequence[Event], entry_filter: EntryFilter) -> list[Event]:
    """The entries to print, in chronology order (domain.ordering, as on the screen).

    An approximate date counts as its whole period, so "May 2016" is inside a range that
    starts on 15 May 2016.
    """
    f = entry_filter
    kept: list[Event] = []
    for ev in events:
        if f.significant_only and not ev.significant:
            continue
        if f.kinds is not None and ev.kind not in f.kinds:
            continue
        if f.date_from or f.date_to:
            first, last = period(ev.date, ev.date_precision)
            if (f.date_from and last < f.date_from) or (f.date_to and first > f.date_to):
                continue
        kept.append(ev)
    return in_chronology_order(kept)


def period(day: date, precision: str) -> tuple[date, date]:
    """The first and last day an approximate date may mean."""
    if precision == "month":
        nxt = date(day.year + day.month // 12, day.month % 12 + 1, 1)
        return day.replace(day=1), date.fromordinal(nxt.toordinal() - 1)
    if precision == "year":
        return date(day.year, 1, 1), date(day.year, 12, 31)
    return day, day


def date_as_recorded(day: date, precision: str) -> str:
    """"3 May 2016", "May 2016", "2016", "circa May 2016" or "circa 2016"."""
    if precision == "month":
        return f"{_MONTHS[day.month - 1]} {day.year}"
    if precision == "year":
        return str(day.year)
    if precision == "circa":
        if day.month == 1 and day.day == 1:
            return f"circa {day.year}"
        return f"circa {_MONTHS[day.month - 1]} {day.year}"
    return long_date(day)


def long_date(day: date) -> str:
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def short_date(day: date | None) -> str:
    return f"{day.day} {_MONTHS[day.month - 1][:3]} {day.year}" if day else ""
