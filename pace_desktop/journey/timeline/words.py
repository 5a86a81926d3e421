"""The journey timeline's words: dates, spans of days and clock statuses, as a person reads
them in a tooltip, a list row or a print."""

from __future__ import annotations

from datetime import date, timedelta

from pace_desktop.domain.date_words import short_date
from pace_desktop.journey.clocks import ClockInstance
from pace_desktop.journey.timeline.palette import STATUS_STYLES


def day_text(d: date) -> str:
    return short_date(d)


def span_text(start: date, end: date | None, open_ended: bool) -> str:
    if open_ended or end is None:
        return f"since {day_text(start)}"
    return f"{day_text(start)} to {day_text(end)}"


def days_text(n: int) -> str:
    return "1 day" if n == 1 else f"{n} days"


def status_text(c: ClockInstance) -> str:
    """The clock's status in plain words, e.g. "Met late (9 days)" or "Overdue by 12 days"."""
    match c.status:
        case "met":
            return f"Met {day_text(c.met)}" if c.met else "Met"
        case "met_late":
            return f"Met late ({days_text(c.days_over)})"
        case "overdue":
            return f"Overdue by {days_text(c.days_over)}"
        case "due_soon":
            return f"Due soon: {day_text(c.due)}"
        case "open":
            return f"Open, due {day_text(c.due)}"
        case "closed":
            return "Closed (no longer applies)"
        case "missed":
            return f"Missed ({days_text(c.days_over)} over)"
        case "lapsed":
            ceased = day_text(c.due + timedelta(days=1))
            if c.met or c.stopped:
                return (f"Lapsed: the order ceased {ceased}, {days_text(c.days_over)}"
                        " before the record")
            return f"Lapsed: the order ceased {ceased}"
    return STATUS_STYLES[c.status].text
