"""Tables of pre-wrapped text: fast to lay out however many pages they run to.

A reportlab `Paragraph` in a table cell is wrapped again each time the table splits across a
page, which made a 1,000-row chronology take five seconds (NOTES.md). Here each cell is
wrapped once, with `simpleSplit`, into its fixed column width; the table then only counts
lines. Rows go into tables of a few hundred rows so that splitting never rescans thousands.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.utils import simpleSplit
from reportlab.platypus import Flowable, Table, TableStyle

from pace_desktop.chronology.fonts import BOLD, REGULAR
from pace_desktop.chronology.page_frame import FRAME_HEIGHT

ROWS_PER_TABLE = 250
PAD = 3.0
_RULE = colors.Color(0.55, 0.55, 0.55)
_HEAD_FILL = colors.Color(0.88, 0.88, 0.88)


@dataclass(frozen=True, slots=True)
class Columns:
    """Column titles and widths (points), and the text size of the cells."""

    titles: Sequence[str]
    widths: Sequence[float]
    size: float = 8.0

    @property
    def leading(self) -> float:
        return self.size * 1.22


def wrap(text: str | None, width: float, size: float, font: str = REGULAR) -> list[str]:
    """`text` as lines no wider than `width`; its own line breaks are kept."""
    if not text:
        return []
    room = width - 2 * PAD
    lines: list[str] = []
    for part in text.splitlines() or [""]:
        lines.extend(simpleSplit(part, font, size, room) or [""])
    return lines


def wrapped_tables(columns: Columns, rows: Iterable[Sequence[str | None]]) -> list[Flowable]:
    """Tables of at most ROWS_PER_TABLE rows, each starting with the column titles (repeated
    at the top of every page the table runs onto)."""
    size, widths = columns.size, columns.widths
    # A row taller than a page could never be placed; it continues on further rows instead.
    most_lines = int((FRAME_HEIGHT - 40) / columns.leading) - 2
    head = ["\n".join(wrap(t, w, size, BOLD)) for t, w in zip(columns.titles, widths,
                                                                strict=True)]
    body: list[list[str]] = []
    for row in rows:
        cells = [wrap(text, w, size) for text, w in zip(row, widths, strict=True)]
        tallest = max((len(c) for c in cells), default=0)
        for start in range(0, max(tallest, 1), most_lines):
            body.append(["\n".join(c[start:start + most_lines]) for c in cells])
    style = _style(size, columns.leading)
    tables: list[Flowable] = []
    for start in range(0, max(len(body), 1), ROWS_PER_TABLE):
        chunk = [head, *body[start:start + ROWS_PER_TABLE]]
        table = Table(chunk, colWidths=list(widths), repeatRows=1, style=style,
                      splitByRow=1)
        tables.append(table)
    return tables


def _style(size: float, leading: float) -> TableStyle:
    return TableStyle([
        ("FONT", (0, 0), (-1, -1), REGULAR, size, leading),
        ("FONT", (0, 0), (-1, 0), BOLD, size, leading),
        ("BACKGROUND", (0, 0), (-1, 0), _HEAD_FILL),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("GRID", (0, 0), (-1, -1), 0.4, _RULE),
    ])
