"""A form's answers read one at a time: a typed date, a text, the rows of a list, a choice.

The lowest part of the forms package: `validation` judges values with these and `values`
turns them into a record with them, so neither imports the other back.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pace_desktop.domain.date_words import DATE_HINT, DateUnreadable, read_typed_date

__all__ = ["DATE_HINT", "DateUnreadable", "choice_parts", "is_blank_row", "read_date",
           "rows_of", "show_date", "text_of"]


def read_date(text: object) -> date | None:
    """A typed date (domain.date_words.read_typed_date: the one reader of typed dates)."""
    return read_typed_date(text)


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
