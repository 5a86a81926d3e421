"""Dates and counts in words, and where a child lives now, as every screen says them."""

from __future__ import annotations

from datetime import date

from pace_desktop.domain.date_words import short_date
from pace_desktop.domain.vocab import LIVING_TYPES
from pace_desktop.journey.status_words import days_words
from pace_desktop.store import CaseloadRow


def plain_date(day: date | None) -> str:
    """'2 Jun 2021': the order people write dates here, and no 02/06 vs 06/02 confusion."""
    return short_date(day)


def days(n: int) -> str:
    """"1 day", "1,000 days": the clock words' counting (`journey.status_words`)."""
    return days_words(n)


def where_now(row: CaseloadRow) -> str:
    """Where a child on the caseload lives now, from their caseload row."""
    if row.living_type is None:
        return "Not recorded yet"
    if row.living_ended is not None:
        return f"Left care on {plain_date(row.living_ended)}"
    label = LIVING_TYPES.get(row.living_type, row.living_type)
    return f"{label}, since {plain_date(row.living_since)}" if row.living_since else label
