"""Questions worth asking before a meeting record is saved: not errors (the record may be
right), but entries that are usually a slip. The form asks, and the person decides.

- A meeting dated more than a month ahead (a mistyped year: 2026 for 2025).
- For a review, a next review later than the child's review clock allows (CLOCKS.md:
  the second review within 3 months of the first, later ones within 6 months).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from pace_desktop.domain.date_words import long_date
from pace_desktop.domain.dates import add_days, add_months
from pace_desktop.domain.vocab import REVIEW_MEETING_KINDS
from pace_desktop.forms.answers import DateUnreadable, read_date
from pace_desktop.forms.definitions import FormDef
from pace_desktop.forms.validation import FieldProblem

AHEAD_DAYS = 31


def _day(value: object) -> date | None:
    try:
        return read_date(value)
    except DateUnreadable:
        return None


def _words(day: date) -> str:
    return long_date(day)  # never the locale's month names (%B)


def cautions(form: FormDef, values: object, today: date,
             earlier_reviews: Sequence[date] = ()) -> list[FieldProblem]:
    """What to ask about `values` (already valid) before saving; [] when nothing.

    `earlier_reviews`: the dates of the child's other reviews, so the right review interval
    is used for this one."""
    if not isinstance(values, dict):
        return []
    found: list[FieldProblem] = []
    held = _day(values.get("date"))
    if held is not None and held > add_days(today, AHEAD_DAYS):
        found.append(FieldProblem(
            "date", f"This meeting is dated {_words(held)}, more than a month from today. "
                    "Is the date right (the year, especially)?"))
    following = _day(values.get("next_review"))
    if form.kind in REVIEW_MEETING_KINDS and held is not None and following is not None:
        first = not any(d < held for d in earlier_reviews)
        months = 3 if first else 6
        limit = add_months(held, months)
        if following > limit:
            which = "after the first review" if first else "between reviews"
            found.append(FieldProblem(
                "next_review", f"The next review is set for {_words(following)}, but the child's "
                               f"review clock allows at most {months} months {which}: it is "
                               f"due by {_words(limit)}."))
    return found
