"""A form's answers read one at a time: a typed date, a text, the rows of a list, a choice.

The lowest part of the forms package: `validation` judges values with these and `values`
turns them into a record with them, so neither imports the other back.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from pace_desktop.domain.bounds import DATE_RANGE_HINT, date_in_bounds

DATE_HINT = "Write the date as day/month/year, for example 14/03/2025"

_DMY = re.compile(r"^\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})\s*$")
_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})\s*$")


class DateUnreadable(ValueError):
    """A typed date that cannot be read; the message says how to write it."""


def read_date(text: object) -> date | None:
    """A typed date: day/month/year (any of / . -) or ISO; None when nothing was typed."""
    if not isinstance(text, str) or not text.strip():
        if isinstance(text, str) or text is None:
            return None
        raise DateUnreadable(DATE_HINT)
    found = _ISO.match(text)
    if found:
        y, m, d = (int(g) for g in found.groups())
    else:
        found = _DMY.match(text)
        if not found:
            raise DateUnreadable(DATE_HINT)
        d, m, y = (int(g) for g in found.groups())
    try:
        day = date(y, m, d)
    except ValueError:
        raise DateUnreadable(f"There is no such date as {text.strip()}; {DATE_HINT[0].lower()}"
                             f"{DATE_HINT[1:]}") from None
    if not date_in_bounds(day):
        raise DateUnreadable(f"{text.strip()} is out of range. {DATE_RANGE_HINT}")
    return day


def show_date(d: date | None) -> str:
    return f"{d:%d/%m/%Y}" if d else ""


def text_of(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def rows_of(value: object) -> list[dict[str, Any]] | None:
    """The rows of a list field, or None when the value is not a list of tables."""
    if not isinstance(value, list) or not all(isinstance(r, dict) for r in value):
        return None
    return value


def is_blank_row(row: dict[str, Any]) -> bool:
    return not any(text_of(v) for k, v in row.items() if k != "present")


def choice_parts(value: object) -> tuple[str, str] | None:
    """(code, detail) of a choice value in either shape; None when it cannot be read."""
    if isinstance(value, str):
        return value, ""
    if isinstance(value, dict) and all(isinstance(value.get(k, ""), str)
                                       for k in ("choice", "detail")):
        return value.get("choice", ""), value.get("detail", "")
    return None
