"""Clocks and milestones in words and tables: status is always text, never colour alone.

The status words are the screens' own (`views.clock_words.status_text`): one vocabulary on
the due list, the record, the command line and paper."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from reportlab.platypus import Flowable

from pace_desktop.chronology.cells import Columns, wrapped_tables
from pace_desktop.chronology.page_frame import FRAME_WIDTH
from pace_desktop.chronology.selection import short_date
from pace_desktop.journey import ClockInstance, Milestone
from pace_desktop.views.clock_words import clock_progress, status_text

__all__ = ["clock_progress", "clocks_table", "milestones_table"]


def clocks_table(clocks: Sequence[ClockInstance], as_of: date) -> list[Flowable]:
    widths = _share([0.32, 0.12, 0.12, 0.12, 0.14, 0.18])
    cols = Columns(("Clock", "Started", "Due", "Met", "Status", "Progress"), widths)
    ordered = sorted(clocks, key=lambda c: (c.start, c.due, c.rule, c.instance))
    rows = [(f"{c.label}" + (f" ({c.instance})" if c.instance > 1 else ""),
             short_date(c.start), short_date(c.due), short_date(c.met),
             status_text(c, as_of), clock_progress(c, as_of))
            for c in ordered]
    return wrapped_tables(cols, rows)


def milestones_table(milestones: Sequence[Milestone]) -> list[Flowable]:
    cols = Columns(("Date", "Milestone"), _share([0.2, 0.8]))
    return wrapped_tables(cols, [(short_date(m.date), m.label) for m in milestones])


def _share(fractions: Sequence[float]) -> list[float]:
    return [FRAME_WIDTH * f for f in fractions]
