"""The journey timeline's words: dates and spans of days, as a person reads them in a tooltip,
a list row or a print. A clock's status is said in `journey.status_words`, the words every
other screen, the command line and the prints use too."""

from __future__ import annotations

from datetime import date

from pace_desktop.domain.date_words import short_date


def day_text(d: date) -> str:
    return short_date(d)


def span_text(start: date, end: date | None, open_ended: bool) -> str:
    if open_ended or end is None:
        return f"since {day_text(start)}"
    return f"{day_text(start)} to {day_text(end)}"
