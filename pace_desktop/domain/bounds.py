"""The bounds every record keeps, wherever it comes from (an import, a dialog, a form).

Without them a file could hold a date in year 1 or 9999 (the timeline then overflowed) or a
name of a megabyte (a chronology then took minutes). The bounds are generous for real case
records: the oldest dates are a grandparent's birth, the latest a planned review.
"""

from __future__ import annotations

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
    "user_role", "protective_marking",
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
