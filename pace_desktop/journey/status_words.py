"""A clock's status in words: the one vocabulary every screen, the command line, the prints
and the journey timeline say (issue 12), e.g. "Overdue 60 days", "Due in 5 days",
"Met 3 days late".

The words live here, below the presentation layer, because the timeline's drawing model
(`journey.timeline`) labels its clock windows with them and may not import `views`.
`views.clock_words.status_text` puts a shape in front ("▲ Overdue 60 days") for the lists and
prints; the timeline draws its own shape beside the words, so it uses them bare.
"""

from __future__ import annotations

from datetime import date, timedelta

from pace_desktop.domain.date_words import short_date
from pace_desktop.journey.clocks import ClockInstance


def days_words(n: int) -> str:
    """"1 day", "60 days", "1,000 days"."""
    return "1 day" if n == 1 else f"{n:,} days"


def status_words(clock: ClockInstance, as_of: date) -> str:
    """E.g. "Lapsed 10 Jan 2026", "Overdue 60 days", "Due in 5 days", "Met 3 days late"."""
    status = clock.status
    if status == "overdue":
        return f"Overdue {days_words(clock.days_over)}"
    if status == "due_soon":
        left = (clock.due - as_of).days
        return "Due today" if left == 0 else f"Due in {days_words(left)}"
    if status == "open":
        return f"Due on {short_date(clock.due)}"
    if status == "met":
        return f"Met on {short_date(clock.met)}"
    if status == "met_late":
        return f"Met {days_words(clock.days_over)} late"
    if status == "closed":
        return "No longer applies"
    if status == "missed":
        return f"Stopped applying {days_words(clock.days_over)} after it was due"
    if status == "lapsed":
        # Short enough for the due list's column; `lapsed_explained` says what it means.
        ceased = short_date(clock.due + timedelta(days=1))
        if clock.met or clock.stopped:
            return f"Lapsed {ceased} ({days_words(clock.days_over)})"
        return f"Lapsed {ceased}"
    return status.replace("_", " ").capitalize()


def lapsed_explained(clock: ClockInstance) -> str:
    """What a lapsed order means, in a sentence (the due list's and the timeline's tooltip)."""
    ceased = short_date(clock.due + timedelta(days=1))
    if clock.met or clock.stopped:
        shown = short_date(clock.met or clock.stopped)
        return (f"{clock.label}: the order ceased by law on {ceased}; the record shows it renewed"
                f" or ended only on {shown}, so for {days_words(clock.days_over)} there was no"
                " order. Check the legal status.")
    return (f"{clock.label}: the order ceased by law on {ceased}, but the record still shows it"
            " running. Check the legal status and record the hearing.")
