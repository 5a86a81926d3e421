"""Dates in words and dates as typed, the same on every machine: never through the locale
(`%b`, `%B`, strptime), since a date written into a final chronology entry must not depend
on the laptop that wrote it, and "3 Mar 2024" must be read the same on every laptop."""

from __future__ import annotations

import re
from datetime import date

from pace_desktop.domain.bounds import DATE_RANGE_HINT, date_in_bounds

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


def long_date(day: date) -> str:
    """'2 June 2021'."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def short_date(day: date | None) -> str:
    """'2 Jun 2021' ('' for no date): the order people write dates here, no 02/06 confusion."""
    return f"{day.day} {MONTHS[day.month - 1][:3]} {day.year}" if day else ""


def date_as_recorded(day: date, precision: str) -> str:
    """"3 May 2016", "May 2016", "2016", "circa May 2016" or "circa 2016": an approximate
    date stays approximate, on the screen and in the prints."""
    if precision == "month":
        return f"{MONTHS[day.month - 1]} {day.year}"
    if precision == "year":
        return str(day.year)
    if precision == "circa":
        if day.month == 1 and day.day == 1:
            return f"circa {day.year}"
        return f"circa {MONTHS[day.month - 1]} {day.year}"
    return long_date(day)


# -- dates as people type them ----------------------------------------------------------------

DATE_HINT = "Write the date like 14/03/2025, 14 Mar 2025 or 2025-03-14"

_NUMERIC = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_WORDED = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{4})$")
# English month names and their usual short forms, never the machine's locale: "3 Mar 2024"
# reads the same on a laptop set to German.
_MONTH_NUMBERS = {name.lower(): n for n, name in enumerate(MONTHS, 1)} | {
    name[:3].lower(): n for n, name in enumerate(MONTHS, 1)} | {"sept": 9}


class DateUnreadable(ValueError):
    """A typed date that cannot be read; the message says how to write it."""


def read_typed_date(text: object) -> date | None:
    """A date as people in Scotland type it (day first), or None when nothing was typed.

    The one reader behind every date box and form: day/month/year (with / . or -), ISO
    (2025-03-14), and "14 Mar 2025" or "14 March 2025" in English month names whatever the
    locale. Out of bounds (domain.bounds) or impossible dates are refused in plain words."""
    if text is None:
        return None
    if not isinstance(text, str):
        raise DateUnreadable(DATE_HINT)
    typed = re.sub(r"\s+", " ", text.strip())
    if not typed:
        return None
    if (found := _ISO.match(typed)) is not None:
        y, m, d = (int(g) for g in found.groups())
    elif (found := _NUMERIC.match(typed)) is not None:
        d, m, y = (int(g) for g in found.groups())
    elif (found := _WORDED.match(typed)) is not None \
            and found.group(2).lower() in _MONTH_NUMBERS:
        d, m, y = int(found.group(1)), _MONTH_NUMBERS[found.group(2).lower()], int(found.group(3))
    else:
        raise DateUnreadable(DATE_HINT)
    try:
        day = date(y, m, d)
    except ValueError:
        raise DateUnreadable(f"There is no such date as {typed}; {DATE_HINT[0].lower()}"
                             f"{DATE_HINT[1:]}") from None
    if not date_in_bounds(day):
        raise DateUnreadable(f"{typed} is out of range. {DATE_RANGE_HINT}")
    return day
