"""Calendar arithmetic as CLOCKS.md fixes it: months and years clamp to the month's end."""

from __future__ import annotations

import calendar
from datetime import date, timedelta


def add_months(d: date, months: int) -> date:
    """`d` plus (or minus) whole calendar months; 31 January + 1 month = end of February."""
    total = d.year * 12 + (d.month - 1) + months
    year, month0 = divmod(total, 12)
    last = calendar.monthrange(year, month0 + 1)[1]
    return date(year, month0 + 1, min(d.day, last))


def add_years(d: date, years: int) -> date:
    return add_months(d, 12 * years)


def add_weeks(d: date, weeks: int) -> date:
    return d + timedelta(days=7 * weeks)


def add_days(d: date, days: int) -> date:
    return d + timedelta(days=days)


def age_in_years(born: date, on: date) -> int:
    years = on.year - born.year
    if (on.month, on.day) < (born.month, born.day):
        years -= 1
    return years
