"""Calendar arithmetic as CLOCKS.md fixes it: months and years clamp to the month's end."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

_DAYS_IN_MONTH = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def add_months(d: date, months: int) -> date:
    """`d` plus (or minus) whole calendar months; 31 January + 1 month = end of February."""
    total = d.year * 12 + (d.month - 1) + months
    year, month0 = divmod(total, 12)
    day = d.day
    if day > 28:  # only late days can overflow; the table avoids calendar's slower call
        last = 29 if month0 == 1 and calendar.isleap(year) else _DAYS_IN_MONTH[month0]
        day = min(day, last)
    return date(year, month0 + 1, day)


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
