"""The journey timeline's drawing model: lanes, bars, markers, clock windows and ticks, as
plain frozen data that the screen and the PDF draw alike.

x coordinates are day numbers (`date.toordinal()`), y coordinates are lane rows (0 at the top).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pace_desktop.journey.timeline.palette import STATUS_STYLES, StatusStyle

LANE_KINDS = ("living", "legal", "meetings", "milestones", "chronology", "clock")

# Row geometry shared by both renderers: each lane is one unit tall; its title sits in the
# top of the row and its items centre a little below the middle, so the two never collide.
ITEM_Y = 0.14  # where items centre, below the lane's row number
BAR_HEIGHT = 0.46
USED_HEIGHT = 0.16  # the solid "time used" strip inside a clock window
TITLE_Y = -0.5  # the top of the row, where the lane's title hangs


def lane_y(row: int) -> float:
    """The y at which a lane's bars and markers are centred."""
    return row + ITEM_Y


Ref = tuple[str, str]
"""Which record an item is: ("living", id), ("legal", id), ("meeting", id), ("event", id)
or ("clock", "rule:instance")."""


@dataclass(frozen=True, slots=True)
class Lane:
    row: int
    kind: str  # one of LANE_KINDS
    label: str
    rule: str | None = None  # for clock lanes


@dataclass(frozen=True, slots=True)
class Bar:
    """An episode: where the child lived, or a legal status, from `start` to `end`."""

    lane: int
    start: date
    end: date  # the episode's end, or the as-of date while it goes on
    label: str
    key: str  # a PALETTE key
    detail: str
    ref: Ref
    open_ended: bool  # still going on as of the as-of date


@dataclass(frozen=True, slots=True)
class Marker:
    date: date
    lane: int
    shape: str  # a SHAPES key
    label: str
    detail: str
    ref: Ref
    key: str  # a PALETTE key
    filled: bool = True
    priority: int = 1  # higher labels win when they would overlap

    @property
    def x(self) -> float:
        return float(self.date.toordinal())

    @property
    def y(self) -> float:
        return lane_y(self.lane)


@dataclass(frozen=True, slots=True)
class ClockWindow:
    """One clock instance: shaded from `start` to `due`; `end` is where it stopped counting
    (met, stopped applying, or the as-of date); time past `due` up to `end` is overdue."""

    lane: int
    rule: str
    instance: int
    label: str
    start: date
    due: date
    end: date
    met: date | None
    stopped: date | None
    status: str
    status_text: str  # journey.status_words, e.g. "Overdue 12 days" (the shape is drawn)
    days_over: int
    detail: str
    ref: Ref

    @property
    def style(self) -> StatusStyle:
        return STATUS_STYLES[self.status]

    @property
    def used_end(self) -> date:
        """The end of the time used inside the window (never past the due date)."""
        return min(self.end, self.due)

    @property
    def overdue(self) -> tuple[date, date] | None:
        return (self.due, self.end) if self.end > self.due else None


@dataclass(frozen=True, slots=True)
class Tick:
    date: date
    label: str

    @property
    def x(self) -> float:
        return float(self.date.toordinal())


@dataclass(frozen=True, slots=True)
class Timeline:
    child_ref: str
    title: str  # the child's name and date of birth, for a heading
    date_of_birth: date
    as_of: date
    start: date  # the axis range
    end: date
    lanes: tuple[Lane, ...]
    bars: tuple[Bar, ...]
    windows: tuple[ClockWindow, ...]
    markers: tuple[Marker, ...]  # in date order
    date_ticks: tuple[Tick, ...]
    age_ticks: tuple[Tick, ...]

    @property
    def x_range(self) -> tuple[float, float]:
        return float(self.start.toordinal()), float(self.end.toordinal())

    @property
    def as_of_x(self) -> float:
        return float(self.as_of.toordinal())
