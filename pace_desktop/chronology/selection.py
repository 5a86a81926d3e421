"""Which chronology entries a print shows, in what order, and their dates as recorded."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from pace_desktop.domain.date_words import date_as_recorded, long_date, short_date
from pace_desktop.domain.ordering import in_chronology_order
from pace_desktop.domain.records import Event

# Dates in words are said in one place for the screen and the prints alike.
__all__ = ["EntryFilter", "date_as_recorded", "long_date", "period", "select_entries",
           "short_date"]


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
