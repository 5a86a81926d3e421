"""Working days as CLOCKS.md counts them: every day but Saturdays, Sundays and the holidays of
the calendar in use.

The default calendar is Scotland's bank holidays as the `holidays` library gives them (each
with its substitute weekday when it falls at a weekend). An authority's rules file can add its
own local holidays and remove days (an office open on a bank holiday). "The Nth working day
after D" counts from the day after D: D itself never counts, whatever day it is.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache

import holidays

_ONE_DAY = timedelta(days=1)
# Far enough for any working-day offset a rule can sensibly have: a guard, not a limit.
_MAX_STEPS = 3660


@dataclass(frozen=True, slots=True)
class Holiday:
    date: date
    name: str
    origin: str  # "Scotland" for the default calendar, else the rules file it came from


@cache
def _scotland(year: int) -> tuple[tuple[date, str], ...]:
    found = holidays.country_holidays("GB", subdiv="SCT", years=year)
    return tuple(sorted(found.items()))


@cache
def _scotland_days(year: int) -> frozenset[date]:
    return frozenset(d for d, _ in _scotland(year))


@dataclass(frozen=True, slots=True)
class WorkingCalendar:
    """Scotland's bank holidays, with an authority's additions and removals."""

    added: tuple[Holiday, ...] = ()
    removed: tuple[Holiday, ...] = ()
    _added: frozenset[date] = field(default=frozenset(), repr=False, compare=False)
    _removed: frozenset[date] = field(default=frozenset(), repr=False, compare=False)

    @classmethod
    def of(cls, added: Iterable[Holiday] = (), removed: Iterable[Holiday] = ()) -> WorkingCalendar:
        a, r = tuple(added), tuple(removed)
        return cls(a, r, frozenset(h.date for h in a), frozenset(h.date for h in r))

    def is_holiday(self, d: date) -> bool:
        if d in self._added:
            return True
        if d in self._removed:
            return False
        return d in _scotland_days(d.year)

    def is_working_day(self, d: date) -> bool:
        return d.weekday() < 5 and not self.is_holiday(d)

    def working_days_after(self, d: date, n: int) -> date:
        """The `n`th working day after `d` (n ≥ 1); with n ≤ -1, the |n|th before it."""
        step = _ONE_DAY if n > 0 else -_ONE_DAY
        left = abs(n)
        day = d
        for _ in range(_MAX_STEPS):
            day += step
            if self.is_working_day(day):
                left -= 1
                if left == 0:
                    return day
        raise ValueError(f"no {abs(n)} working days within ten years of {d.isoformat()}")

    def holidays_in(self, year: int) -> list[Holiday]:
        """Every holiday of `year` in date order, as Settings shows them."""
        days = [
            Holiday(d, name, "Scotland") for d, name in _scotland(year) if d not in self._removed
        ]
        days += [h for h in self.added if h.date.year == year]
        return sorted(days, key=lambda h: (h.date, h.name))


SCOTLAND = WorkingCalendar.of()
