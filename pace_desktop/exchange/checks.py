"""Field checks driven by a table per record, noting a plain problem and carrying on, so one
pass finds every problem in a file.

Speed matters: a caseload file may hold a million events. So only the fields a record has
are looked at (absent ones take the record's defaults), each check is a small function on
the value alone, and places are only formatted when there is a problem to report.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import date
from typing import Any, Final

from pace_desktop.domain.bounds import (
    DATE_RANGE_HINT,
    MAX_NAME,
    MAX_TEXT,
    SHORT_FIELDS,
    date_in_bounds,
    too_long,
)

# Strict ISO calendar dates only; `date.fromisoformat` alone would also take "20250131"
# and week dates like "2025-W01-1", which a person would not recognise as the same date.
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# A lone surrogate cannot be written back as UTF-8; better refused here than at export.
_SURROGATE = re.compile("[\ud800-\udfff]")
# The store keeps integers in SQLite, whose integers are signed 64-bit.
_INT_MAX = 2**63 - 1
_SHOWN_TEXT = 60
# Real files repeat a few thousand distinct dates across a million events; the cap only
# bounds memory for a hostile file.
_DATE_CACHE: dict[str, date] = {}
_DATE_CACHE_MAX = 200_000

# Names, references and ids: one line on a print; free text may be long, but not unbounded.

BAD: Final = object()
"""What a converter returns for a value it refuses."""


def describe(value: object) -> str:
    """The JSON kind of `value` in plain words, for 'must be X, not Y' messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return f"a number ({value!r})"
    if isinstance(value, str):
        return f"text ({quote(value)})"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def quote(text: str) -> str:
    """`text` as JSON would write it, shortened so one line stays one line."""
    if len(text) > _SHOWN_TEXT:
        text = text[:_SHOWN_TEXT] + "…"
    return json.dumps(text, ensure_ascii=False)


def field_place(place: str, key: object) -> str:
    if type(key) is not str:
        # Only a dict built in Python, not one parsed from JSON, has keys that are not text.
        return f"{place}[{key!r}]"
    if key.isidentifier():
        return f"{place}.{key}" if place else key
    return f"{place}[{quote(key)}]"


def one_of(codes: Collection[str]) -> str:
    return ", ".join(codes)


@dataclass(frozen=True, slots=True)
class Field:
    """How one field's value is checked: `convert` gives the clean value or BAD, and
    `explain` says why a refused value was refused."""

    convert: Callable[[Any], Any]
    explain: Callable[[Any], str]


def _text(value: object) -> object:
    if type(value) is str and len(value) <= MAX_TEXT and (
            value.isascii() or not _SURROGATE.search(value)):
        return value
    return BAD


def _explain_text(value: object) -> str:
    if type(value) is str:
        return too_long(value) or "contains a broken character (lone surrogate)"
    return f"must be text, not {describe(value)}"


def _required_text(value: object) -> object:
    if type(value) is str and value.strip():
        return _text(value)
    return BAD


def _explain_required_text(value: object) -> str:
    if type(value) is str and not value.strip():
        return "must not be empty"
    return _explain_text(value)


def _day(value: object) -> object:
    if type(value) is not str:
        return BAD
    found = _DATE_CACHE.get(value)
    if found is not None:
        return found
    if not _ISO_DATE.fullmatch(value):
        return BAD
    try:
        parsed = date.fromisoformat(value)
    except ValueError:
        return BAD
    if not date_in_bounds(parsed):
        return BAD
    if len(_DATE_CACHE) < _DATE_CACHE_MAX:
        _DATE_CACHE[value] = parsed
    return parsed


def _explain_day(value: object) -> str:
    if type(value) is not str:
        return f"must be a date as text (YYYY-MM-DD), not {describe(value)}"
    if not _ISO_DATE.fullmatch(value):
        return f"not a date (expected YYYY-MM-DD): {quote(value)}"
    try:
        date.fromisoformat(value)
    except ValueError:
        return f"no such day in the calendar: {quote(value)}"
    return f"{quote(value)} is out of range: {DATE_RANGE_HINT[0].lower()}{DATE_RANGE_HINT[1:]}"


def _flag(value: object) -> object:
    return value if type(value) is bool else BAD


def _integer(value: object) -> object:
    if type(value) is int and -_INT_MAX <= value <= _INT_MAX:
        return value
    return BAD


def _explain_integer(value: object) -> str:
    if type(value) is int:
        return "is too large a number"
    return f"must be a whole number, not {describe(value)}"


def _list(value: object) -> object:
    return value if type(value) is list else BAD


TEXT: Final = Field(_text, _explain_text)
REQUIRED_TEXT: Final = Field(_required_text, _explain_required_text)
DAY: Final = Field(_day, _explain_day)
FLAG: Final = Field(_flag, lambda v: f"must be true or false, not {describe(v)}")
INTEGER: Final = Field(_integer, _explain_integer)
LIST: Final = Field(_list, lambda v: f"must be a list […], not {describe(v)}")
OBJECT: Final = Field(lambda v: v if type(v) is dict else BAD,
                      lambda v: f"must be an object {{…}}, not {describe(v)}")


def choice(codes: Collection[str]) -> Field:
    """A field taking one code of a vocabulary; `codes` in the order messages list them."""
    allowed = frozenset(codes)
    listed = one_of(codes)

    def convert(value: object) -> object:
        return value if type(value) is str and value in allowed else BAD

    def explain(value: object) -> str:
        if type(value) is str:
            return f"{quote(value)} is not one of {listed}"
        return f"must be one of {listed}, not {describe(value)}"

    return Field(convert, explain)


@dataclass(frozen=True, slots=True)
class Shape:
    """The fields one kind of record may have, and which of them it must have."""

    fields: dict[str, Field]
    required: tuple[str, ...] = ()


class Checker:
    """Collects problems while reading records out of parsed JSON."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def add(self, place: str, message: str) -> None:
        self.problems.append(f"{place}: {message}")

    def record(self, raw: object, place: str, shape: Shape) -> dict[str, Any] | None:
        """The checked values of the fields `raw` has, null ones left out (absent fields take
        the record's defaults). Refused values are noted and left out too; None if `raw` is
        not an object at all.
        """
        if type(raw) is not dict:
            self.add(place or "file", f"must be an object {{…}}, not {describe(raw)}")
            return None
        fields = shape.fields
        values = {}
        for key, value in raw.items():
            field = fields.get(key)
            if field is None:
                self.add(field_place(place, key), "unknown field")
            elif key in SHORT_FIELDS and type(value) is str and len(value) > MAX_NAME:
                self.add(field_place(place, key), str(too_long(value, MAX_NAME)))
            elif value is not None:
                clean = field.convert(value)
                if clean is BAD:
                    self.add(field_place(place, key), field.explain(value))
                else:
                    values[key] = clean
        for key in shape.required:
            if key not in values and raw.get(key) is None:
                found = "is required, not null" if key in raw else "missing (required)"
                self.add(field_place(place, key), found)
        return values

    def unique(self, register: Register, value: str, index: int) -> None:
        """Note `value` if an earlier item of the same list already used it."""
        first = register.first.setdefault(value, index)
        if first != index:
            count = register.repeats[value] = register.repeats.get(value, 1) + 1
            times = "twice" if count == 2 else f"{count} times"
            self.add(
                register.place(index),
                f"{quote(value)} is used {times} (also {register.item(first)})",
            )


class Register:
    """Values already used in one list (refs, ids), each with the index of its first use."""

    def __init__(self, items_place: str, key: str) -> None:
        self._items_place = items_place
        self._key = key
        self.first: dict[str, int] = {}
        self.repeats: dict[str, int] = {}

    def item(self, index: int) -> str:
        return f"{self._items_place}[{index}]"

    def place(self, index: int) -> str:
        return f"{self._items_place}[{index}].{self._key}"
