"""The caseload clocks report: overdue clocks, then those due soon, across children."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from reportlab.platypus import Flowable

from pace_desktop.chronology.cells import Columns, wrapped_tables
from pace_desktop.chronology.clock_words import clock_progress
from pace_desktop.chronology.page_frame import FRAME_WIDTH, Heading, PrintOptions, build_pdf
from pace_desktop.chronology.selection import long_date, short_date
from pace_desktop.chronology.styles import heading, para
from pace_desktop.journey import DueItem
from pace_desktop.views.clock_words import status_text

COLUMNS = Columns(
    ("Status", "How late / how soon", "Child", "Social worker", "Clock", "Started", "Due"),
    [FRAME_WIDTH * f for f in (0.15, 0.12, 0.18, 0.12, 0.19, 0.12, 0.12)],
)


def clocks_report_pdf(items: Sequence[DueItem], as_of: date, options: PrintOptions,
                      workers: Mapping[str, str | None] | None = None,
                      worker: str | None = None, within_days: int = 28) -> bytes:
    """`items` as `due_list` orders them (most overdue first, then nearest due); `workers`
    maps a child's reference to their social worker."""
    workers = workers or {}
    whose = f"children allocated to {worker}" if worker else "the whole caseload"
    lapsed = [i for i in items if i.clock.status == "lapsed"]
    overdue = [i for i in items if i.clock.status == "overdue"]
    soon = [i for i in items if i.clock.status not in ("overdue", "lapsed")]
    story: list[Flowable] = [
        para("Caseload clocks report", "title"),
        para(f"Orders that have lapsed, clocks overdue, or due soon (within {within_days} days,"
             " or from the earlier warning a clock's own rule gives, such as the end of a"
             f" supervision order), for {whose}, as of {long_date(as_of)}. {len(lapsed)}"
             f" lapsed, {len(overdue)} overdue, {len(soon)} due soon.", "small"),
        heading(f"Lapsed orders: ceased by law, check the legal status ({len(lapsed)})"),
        *_table(lapsed, as_of, workers),
        heading(f"Overdue ({len(overdue)})"),
        *_table(overdue, as_of, workers),
        heading(f"Due soon ({len(soon)})"),
        *_table(soon, as_of, workers),
    ]
    subject = f"Overdue and due-soon clocks for {whose} ({options.marking})"
    return build_pdf(story, Heading(f"Caseload clocks report, {long_date(as_of)}", subject),
                     options)


def _table(items: Sequence[DueItem], as_of: date,
           workers: Mapping[str, str | None]) -> list[Flowable]:
    if not items:
        return [para("None.", "small")]
    rows = [(status_text(i.clock, as_of), clock_progress(i.clock, as_of),
             f"{i.child_name} ({i.child_ref})", workers.get(i.child_ref) or "",
             i.clock.label, short_date(i.clock.start), short_date(i.clock.due))
            for i in items]
    return wrapped_tables(COLUMNS, rows)
