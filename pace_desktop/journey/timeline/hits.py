"""Finding the journey timeline's item at a point: shared by the screen's hover and click."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from pace_desktop.journey.timeline.model import BAR_HEIGHT, ITEM_Y, Marker, Ref, Timeline, lane_y


@dataclass(frozen=True, slots=True)
class Hit:
    kind: str  # "marker", "window" or "bar"
    detail: str
    ref: Ref


class HitIndex:
    """Finds the item at a point of a Timeline, quickly even with thousands of markers."""

    def __init__(self, model: Timeline) -> None:
        self.model = model
        self._lane_x: dict[int, list[float]] = {}
        self._lane_markers: dict[int, list[Marker]] = {}
        for m in model.markers:  # already in date order
            self._lane_x.setdefault(m.lane, []).append(m.x)
            self._lane_markers.setdefault(m.lane, []).append(m)

    def at(self, x: float, y: float, x_tol: float = 3.0, y_tol: float = 0.35) -> Hit | None:
        """The item under (x, y) in data coordinates; markers (within the tolerances) first,
        then clock windows and episode bars that contain the point."""
        row = round(y - ITEM_Y)
        offset = y - lane_y(row)
        if abs(offset) <= y_tol:
            xs = self._lane_x.get(row)
            if xs:
                lo, hi = bisect_left(xs, x - x_tol), bisect_right(xs, x + x_tol)
                if lo < hi:
                    best = min(range(lo, hi), key=lambda i: abs(xs[i] - x))
                    m = self._lane_markers[row][best]
                    return Hit("marker", m.detail, m.ref)
        if abs(offset) > BAR_HEIGHT / 2:
            return None
        for w in self.model.windows:
            if w.lane == row and w.start.toordinal() <= x <= max(w.due, w.end).toordinal():
                return Hit("window", w.detail, w.ref)
        for b in self.model.bars:
            if b.lane == row and b.start.toordinal() <= x <= b.end.toordinal():
                return Hit("bar", b.detail, b.ref)
        return None
