"""The bounds every record keeps, wherever it comes from (an import, a dialog, a form).

Without them a file could hold a date in year 1 or 9999 (the timeline then overflowed) or a
name of a megabyte (a chronology then took minutes). The bounds are generous for real case
records: the oldest dates are a grandparent's birth, the latest a planned review.
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass
from datetime import date
from typing import Final

EARLIEST_YEAR: Final = 1900
LATEST_YEAR: Final = 2200
MAX_NAME: Final = 200  # names, references, ids: one line in a print
MAX_TEXT: Final = 100_000  # free text: some thirty pages of a chronology

DATE_RANGE_HINT: Final = (f"Dates must be between the years {EARLIEST_YEAR} and"
                          f" {LATEST_YEAR}.")


# The fields that hold a name, a reference or another one-line value (MAX_NAME); every other
# text is free text (MAX_TEXT). Imports (exchange/checks.py), the record dialogs and Settings
# all ask `limit_for`, so a value one accepts the others accept too.
SHORT_FIELDS: Final = frozenset({
    "ref", "id", "given_name", "family_name", "known_as", "chi", "sex", "local_authority",
    "allocated_worker", "reviewing_officer", "name", "relationship", "phone", "carer",
    "reference", "source_person", "chair", "role", "author", "owner", "user_name",
    "user_role", "protective_marking", "recipient", "made_by", "compiled_by",
})


def limit_for(field: str) -> int:
    """How many characters the record field `field` may hold."""
    return MAX_NAME if field in SHORT_FIELDS else MAX_TEXT


def length_problem(field: str, text: str) -> str | None:
    """A sentence to show beside the field when `text` is too long for it, else None."""
    long = too_long(text, limit_for(field))
    return f"This {long}." if long else None


def date_in_bounds(day: date) -> bool:
    return EARLIEST_YEAR <= day.year <= LATEST_YEAR


def too_long(text: str, limit: int = MAX_TEXT) -> str | None:
    """Plain words when `text` is longer than `limit` characters, else None."""
    if len(text) <= limit:
        return None
    return f"is too long ({len(text):,} characters; at most {limit:,})"


# -- the one check of a whole record -----------------------------------------------------------
# The store runs it on every child an operation wrote (store/bounded.py), after the operation's
# own writes and before its commit, so a script or any future caller is held to the same
# bounds as an import or a dialog. It walks the plain, frozen values of domain.records.

Path = tuple[str | int, ...]

_FIELDS: dict[type, tuple[str, ...]] = {}


def _names(kind: type) -> tuple[str, ...]:
    names = _FIELDS.get(kind)
    if names is None:
        names = _FIELDS[kind] = tuple(f.name for f in fields(kind))
    return names


def first_problem(value: object, path: Path = ()) -> tuple[Path, str] | None:
    """The first value in `value` (a record, or a tuple or dict of them) outside the bounds:
    where it is (field names and list positions) and what is wrong, in plain words."""
    field = next((p for p in reversed(path) if isinstance(p, str)), "")
    if isinstance(value, str):
        long = too_long(value, limit_for(field))
        return (path, long) if long else None
    if isinstance(value, date):
        return None if date_in_bounds(value) else (
            path, f"({value.isoformat()}) is out of range: " + DATE_RANGE_HINT.lower()[:1]
            + DATE_RANGE_HINT[1:].rstrip("."))
    if isinstance(value, tuple | list):
        for i, item in enumerate(value):
            if isinstance(item, str | date | tuple | list | dict) or is_dataclass(item):
                if (found := first_problem(item, (*path, i))) is not None:
                    return found
        return None
    if isinstance(value, dict):
        for key, item in value.items():
            if (found := first_problem(item, (*path, str(key)))) is not None:
                return found
        return None
    if is_dataclass(value) and not isinstance(value, type):
        for name in _names(type(value)):
            item = getattr(value, name)
            if item is None or isinstance(item, bool | int | float):
                continue
            if (found := first_problem(item, (*path, name))) is not None:
                return found
    return None


_PARTS: Final = {
    "people": "person in the child's life", "living": "place the child lived",
    "legal": "legal status", "events": "chronology entry", "meetings": "meeting",
    "nondisclosure": "non-disclosure request", "attendees": "attendee", "decisions": "decision",
    "actions": "action", "amendments": "amendment", "views": "view", "family_time":
    "family time", "siblings": "brother or sister", "routes_considered": "route considered",
    "orders": "order", "withhold_from": "person withheld from", "members": "panel member",
    "measures": "measure",
}


def located(record: str, value: object, path: Path) -> str:
    """Where `path` is inside `value`, in words: the record (a child's ref, a package), then
    each list's plain name with its place and, when it has one, its date; then the field."""
    words = [record]
    field = ""
    for step in path:
        if isinstance(step, int):
            value = value[step]  # type: ignore[index]
            day = getattr(value, "date", None) or getattr(value, "start", None)
            dated = f" of {day.isoformat()}" if isinstance(day, date) and \
                date_in_bounds(day) else ""
            words.append(f"{_PARTS.get(field, field.replace('_', ' '))} {step + 1}{dated}")
            field = ""
        else:
            value = value[step] if isinstance(value, dict) else getattr(value, step)
            field = step.rstrip("_")
    return ", ".join(words) + (f": the {field.replace('_', ' ')}" if field else "")


def refused(record: str, value: object) -> str | None:
    """One located sentence when `value` holds anything outside the bounds, else None: the
    record, the field and what is wrong (what the store raises, and a dialog or the command
    line shows as it is)."""
    found = first_problem(value)
    if found is None:
        return None
    path, what = found
    return f"{located(record, value, path)} {what}; nothing was saved."
