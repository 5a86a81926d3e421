"""The bounds every record keeps, wherever it comes from (an import, a dialog, a form).

Without them a file could hold a date in year 1 or 9999 (the timeline then overflowed) or a
name of a megabyte (a chronology then took minutes). The bounds are generous for real case
records: the oldest dates are a grandparent's birth, the latest a planned review.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, fields, is_dataclass
from datetime import date, datetime
from types import UnionType
from typing import Final, Union, get_args, get_origin, get_type_hints

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


def problems(value: object, path: Path = ()) -> Iterator[tuple[Path, str]]:
    """Every value in `value` (a record, or a tuple or dict of them) outside the bounds:
    where it is (field names and list positions) and what is wrong, in plain words."""
    field = next((p for p in reversed(path) if isinstance(p, str)), "")
    if isinstance(value, str):
        if (long := too_long(value, limit_for(field))):
            yield path, long
    elif isinstance(value, date):
        if not date_in_bounds(value):
            yield path, (f"({value.isoformat()}) is out of range: "
                         + DATE_RANGE_HINT[0].lower() + DATE_RANGE_HINT[1:].rstrip("."))
    elif isinstance(value, tuple | list):
        for i, item in enumerate(value):
            if isinstance(item, str | date | tuple | list | dict) or is_dataclass(item):
                yield from problems(item, (*path, i))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from problems(item, (*path, str(key)))
    elif is_dataclass(value) and not isinstance(value, type):
        for name in _names(type(value)):
            item = getattr(value, name)
            if item is not None and not isinstance(item, bool | int | float):
                yield from problems(item, (*path, name))


def first_problem(value: object) -> tuple[Path, str] | None:
    return None if within(value) else next(problems(value), None)


@dataclass(frozen=True, slots=True)
class _Plan:
    """What to look at in one record type, worked out once from its type hints."""

    texts: tuple[tuple[str, int], ...]  # str fields and their limits
    dates: tuple[str, ...]
    text_lists: tuple[tuple[str, int], ...]  # tuple[str, ...] fields
    records: tuple[str, ...]  # a record, or a tuple of records
    other: tuple[str, ...]  # anything else: the full walk


_PLANS: dict[type, _Plan] = {}


def _plan(kind: type) -> _Plan:
    plan = _PLANS.get(kind)
    if plan is not None:
        return plan
    hints = get_type_hints(kind)
    texts, dates, text_lists, records, other = [], [], [], [], []
    for name in _names(kind):
        hint = hints.get(name)
        inner = [a for a in get_args(hint) if a is not type(None)] \
            if get_origin(hint) in (UnionType, Union) else [hint]
        if len(inner) == 1 and inner[0] is str:
            texts.append((name, limit_for(name)))
        elif len(inner) == 1 and inner[0] in (date, datetime):
            dates.append(name)
        elif len(inner) == 1 and inner[0] in (bool, int, float):
            continue
        elif len(inner) == 1 and get_origin(inner[0]) is tuple and \
                get_args(inner[0])[:1] == (str,):
            text_lists.append((name, limit_for(name)))
        elif len(inner) == 1 and (is_dataclass(inner[0]) or (
                get_origin(inner[0]) is tuple and is_dataclass(get_args(inner[0])[0]))):
            records.append(name)
        else:
            other.append(name)
    plan = _PLANS[kind] = _Plan(tuple(texts), tuple(dates), tuple(text_lists),
                                tuple(records), tuple(other))
    return plan


def within(value: object) -> bool:
    """Whether a record (and everything in it) keeps the bounds: the quick answer the store
    asks of every child an operation wrote; `problems` says where when it does not."""
    if not is_dataclass(value) or isinstance(value, type):
        return next(problems(value), None) is None
    plan = _plan(type(value))
    for name, limit in plan.texts:
        text = getattr(value, name)
        if text is not None and len(text) > limit:
            return False
    for name in plan.dates:
        day = getattr(value, name)
        if day is not None and not EARLIEST_YEAR <= day.year <= LATEST_YEAR:
            return False
    for name, limit in plan.text_lists:
        if any(len(t) > limit for t in getattr(value, name)):
            return False
    for name in plan.records:
        item = getattr(value, name)
        if isinstance(item, tuple):
            if not all(within(x) for x in item):
                return False
        elif item is not None and not within(item):
            return False
    return all(next(problems(getattr(value, name), (name,)), None) is None
               for name in plan.other)


def problem_key(value: object, path: Path) -> tuple[object, ...]:
    """Which value a problem is in, the same however the lists around it were reordered: each
    list item named by its `id` where it has one, and the value itself by its length and
    digest. The store allows a child's problems that were already there before an operation
    (a value from before the bounds): only what the operation brought is refused."""
    key: list[object] = []
    for step in path:
        value = value[step] if isinstance(value, dict | tuple | list) else getattr(value, step)
        item_id = getattr(value, "id", "") if isinstance(step, int) else ""
        key.append(item_id or step)
    digest = hashlib.sha256(str(value).encode("utf-8", "replace")).hexdigest()[:16]
    return (*key, len(str(value)), digest)


_PARTS: Final = {
    "people": "person in the child's life", "living": "place the child lived",
    "legal": "legal status", "events": "chronology entry", "meetings": "meeting",
    "nondisclosure": "non-disclosure request", "attendees": "attendee", "decisions": "decision",
    "actions": "action", "amendments": "amendment", "views": "view", "family_time":
    "family time", "siblings": "brother or sister", "routes_considered": "route considered",
    "orders": "order", "withhold_from": "person withheld from", "members": "panel member",
    "measures": "measure",
}


_FIELD_WORDS: Final = {
    "at": "date", "made": "time it was made", "decided": "date of the decision",
    "requested": "date of the request", "chi": "CHI number", "ref": "reference",
    "with_": "person", "next_review": "next review date", "start": "start date",
    "end": "end date", "due": "due date", "done": "date done", "expires": "expiry date",
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
            field = step
    named = _FIELD_WORDS.get(field, field.rstrip("_").replace("_", " "))
    return ", ".join(words) + (f": the {named}" if field else "")


def refused(record: str, value: object, allowed: frozenset[tuple[object, ...]] = frozenset()
            ) -> str | None:
    """One located sentence when `value` holds anything outside the bounds (other than the
    `allowed` problem keys), else None: the record, the field and what is wrong (what the
    store raises, and a dialog or the command line shows as it is)."""
    found = next((p for p in problems(value) if not allowed
                  or problem_key(value, p[0]) not in allowed), None)
    if found is None:
        return None
    path, what = found
    return f"{located(record, value, path)} {what}; nothing was saved."
