"""The timeline's date axis: calendar dates on a day-number axis, at steps that suit the
zoom (pyqtgraph; the run charts use it too)."""

from __future__ import annotations

from datetime import date
from math import ceil
from typing import Any

import pyqtgraph as pg

from pace_desktop.journey.timeline import date_ticks

_MIN_ORDINAL, _MAX_ORDINAL = date(1900, 1, 1).toordinal(), date(2200, 1, 1).toordinal()


class DateAxis(pg.AxisItem):
    """Calendar dates on a day-number axis, at steps that suit the zoom."""

    def __init__(self, orientation: str = "bottom") -> None:
        super().__init__(orientation)
        self._labels: dict[float, str] = {}

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list[Any]:  # noqa: N802
        try:
            lo = date.fromordinal(max(_MIN_ORDINAL, ceil(minVal)))
            hi = date.fromordinal(min(_MAX_ORDINAL, int(maxVal)))
            ticks = date_ticks(lo, hi, max(2, int(size / 95)))
        except (ValueError, OverflowError):
            return []
        self._labels = {t.x: t.label for t in ticks}
        return [(1.0, [t.x for t in ticks])]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:  # noqa: N802
        return [self._labels.get(v, "") for v in values]
