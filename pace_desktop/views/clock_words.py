"""A clock's status in words and a shape, so colour is never the only signal.

The same wording is used by the due list and the child record's Clocks tab, so a worker
reads "▲ Overdue 60 days" in both places and never has to learn two vocabularies; the prints'
clock tables say how far along a clock is with `clock_progress`, from here too.
"""

from __future__ import annotations

from datetime import date, timedelta

from pace_desktop.journey import ClockInstance
from pace_desktop.views.words import days, plain_date

SHAPES = {
    "overdue": "▲", "due_soon": "●", "open": "○", "met": "✓", "met_late": "✓",
    "closed": "–", "missed": "✗", "lapsed": "⧓",
}


def status_text(clock: ClockInstance, as_of: date) -> str:
    """E.g. "⧓ Lapsed 10 Jan 2026", "▲ Overdue 60 days", "● Due in 5
    days", "✓ Met 3 days late"."""
    shape = SHAPES.get(clock.status, "•")
    status = clock.status
    if status == "overdue":
        words = f"Overdue {days(clock.days_over)}"
    elif status == "due_soon":
        left = (clock.due - as_of).days
        words = "Due today" if left == 0 else f"Due in {days(left)}"
    elif status == "open":
        words = f"Due on {plain_date(clock.due)}"
    elif status == "met":
        words = f"Met on {plain_date(clock.met)}"
    elif status == "met_late":
        words = f"Met {days(clock.days_over)} late"
    elif status == "closed":
        words = "No longer applies"
    elif status == "missed":
        words = f"Stopped applying {days(clock.days_over)} after it was due"
    elif status == "lapsed":
        # Short enough for the due list's column; the timeline and prints say more.
        ceased = plain_date(clock.due + timedelta(days=1))
        if clock.met or clock.stopped:
            words = f"Lapsed {ceased} ({days(clock.days_over)})"
        else:
            words = f"Lapsed {ceased}"
    else:
        words = status.replace("_", " ").capitalize()
    return f"{shape} {words}"


def lapsed_explained(clock: ClockInstance) -> str:
    """What a lapsed order means, in a sentence (the due list's tooltip)."""
    ceased = plain_date(clock.due + timedelta(days=1))
    if clock.met or clock.stopped:
        shown = plain_date(clock.met or clock.stopped)
        return (f"{clock.label}: the order ceased by law on {ceased}; the record shows it renewed"
                f" or ended only on {shown}, so for {days(clock.days_over)} there was no order."
                " Check the legal status.")
    return (f"{clock.label}: the order ceased by law on {ceased}, but the record still shows it"
            " running. Check the legal status and record the hearing.")


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
