"""Clocks and milestones in words and tables: status is always text, never colour alone."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from reportlab.platypus import Flowable

from pace_desktop.chronology.cells import Columns, wrapped_tables
from pace_desktop.chronology.page_frame import FRAME_WIDTH
from pace_desktop.chronology.selection import short_date
from pace_desktop.journey import STATUS_LABELS, ClockInstance, Milestone


def clock_progress(clock: ClockInstance, as_of: date) -> str:
    """How far along the clock is, in words a manager can act on."""
    if clock.status == "lapsed":
        ceased = short_date(clock.due + timedelta(days=1))
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


def clocks_table(clocks: Sequence[ClockInstance], as_of: date) -> list[Flowable]:
    widths = _share([0.32, 0.12, 0.12, 0.12, 0.14, 0.18])
    cols = Columns(("Clock", "Started", "Due", "Met", "Status", "Progress"), widths)
    ordered = sorted(clocks, key=lambda c: (c.start, c.due, c.rule, c.instance))
    rows = [(f"{c.label}" + (f" ({c.instance})" if c.instance > 1 else ""),
             short_date(c.start), short_date(c.due), short_date(c.met),
             STATUS_LABELS.get(c.status, c.status), clock_progress(c, as_of))
            for c in ordered]
    return wrapped_tables(cols, rows)


def milestones_table(milestones: Sequence[Milestone]) -> list[Flowable]:
    cols = Columns(("Date", "Milestone"), _share([0.2, 0.8]))
    return wrapped_tables(cols, [(short_date(m.date), m.label) for m in milestones])


def _share(fractions: Sequence[float]) -> list[float]:
    return [FRAME_WIDTH * f for f in fractions]
