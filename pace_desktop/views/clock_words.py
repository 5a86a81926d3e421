"""A clock's status in words and a shape, so colour is never the only signal.

The same wording is used by the due list, the child record's Clocks tab, the command line,
the prints and (without the shape: it draws its own) the journey timeline, so a worker reads
"Overdue 60 days" everywhere and never has to learn two vocabularies; the prints'
clock tables say how far along a clock is with `clock_progress`, from here too.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from pace_desktop.journey import ClockInstance, DueItem
from pace_desktop.journey.status_words import lapsed_explained, status_words
from pace_desktop.views.words import plain_date

__all__ = ["SHAPES", "clock_progress", "due_summary", "lapsed_explained", "status_text"]

SHAPES = {
    "overdue": "▲", "due_soon": "●", "open": "○", "met": "✓", "met_late": "✓",
    "closed": "–", "missed": "✗", "lapsed": "⧓",
}


def status_text(clock: ClockInstance, as_of: date) -> str:
    """E.g. "⧓ Lapsed 10 Jan 2026", "▲ Overdue 60 days", "● Due in 5
    days", "✓ Met 3 days late": the shape, then `journey.status_words` (the timeline's words)."""
    return f"{SHAPES.get(clock.status, '•')} {status_words(clock, as_of)}"


def clock_progress(clock: ClockInstance, as_of: date) -> str:
    """How far along the clock is, in words a manager can act on."""
    if clock.status == "lapsed":
        ceased = plain_date(clock.due + timedelta(days=1))
        if clock.met or clock.stopped:
            n = clock.days_over
            return f"the order ceased on {ceased}, {n} day{'s' * (n != 1)} before the record"
        return f"the order ceased on {ceased}: check the legal status"
    if clock.status == "overdue":
        return f"{clock.days_over} days overdue"
    if clock.status == "met_late":
        return f"met {clock.days_over} days late"
    if clock.status == "due_soon":
        return f"due in {(clock.due - as_of).days} days"
    if clock.met:
        return f"met after {clock.days} days"
    return f"{clock.days} days so far"


def due_summary(items: Sequence[DueItem], as_of: date, within_days: int) -> str:
    """The due list in one line: "⧓ 1 lapsed order · ▲ 5 overdue · ● 12 due within 28 days".

    A rule may warn earlier than the due-soon setting (a supervision order's end: from 3
    months before, CLOCKS.md), so those clocks are counted apart rather than said to be due
    within 28 days when they are due in 80."""
    if not items:
        return "Nothing is overdue or due soon."
    lapsed = sum(1 for item in items if item.clock.status == "lapsed")
    overdue = sum(1 for item in items if item.clock.status == "overdue")
    soon = [item for item in items if item.clock.status not in ("lapsed", "overdue")]
    later = sum(1 for item in soon if (item.clock.due - as_of).days > within_days)
    parts = [f"⧓ {lapsed:,} lapsed order{'s' * (lapsed != 1)}"] if lapsed else []
    parts += [f"▲ {overdue:,} overdue", f"● {len(soon) - later:,} due within {within_days} days"]
    if later:
        parts.append(f"● {later:,} due later, with the earlier warning their rule gives")
    return " · ".join(parts) + "."
