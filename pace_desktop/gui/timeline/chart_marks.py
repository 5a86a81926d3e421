"""The journey timeline's shapes on screen: colours, marker symbols and their sizes, and
the one bar item and per-shape scatter items that draw every band, episode, clock window and
marker of the model."""

from __future__ import annotations

from typing import Any

import pyqtgraph as pg
from PySide6.QtGui import QBrush, QColor, QPainterPath

from pace_desktop.journey.timeline import (
    BAR_HEIGHT,
    PALETTE,
    SHAPES,
    STATUS_STYLES,
    USED_HEIGHT,
    Timeline,
    lane_y,
)

MARKER_PX = 12
TICK_PX = 15
STATUS_PX = 13


def colour(key_or_hex: str, alpha: int = 255) -> QColor:
    c = QColor(PALETTE.get(key_or_hex, key_or_hex))
    c.setAlpha(alpha)
    return c


def is_dark(hex_colour: str) -> bool:
    c = QColor(hex_colour)
    return 0.2126 * c.redF() + 0.7152 * c.greenF() + 0.0722 * c.blueF() < 0.5


def symbol_path(shape: str) -> QPainterPath:
    """A SHAPES polygon as a pyqtgraph symbol (y flipped: symbols are drawn y-down)."""
    points = SHAPES[shape]
    path = QPainterPath()
    path.moveTo(points[0][0], -points[0][1])
    for x, y in points[1:]:
        path.lineTo(x, -y)
    path.closeSubpath()
    return path


def draw_marks(model: Timeline, bars: pg.BarGraphItem,
               scatters: dict[str, pg.ScatterPlotItem]) -> None:
    """Give `bars` and `scatters` (one per SHAPES key) everything of `model` they draw."""
    x0, x1 = model.x_range
    span = x1 - x0

    rx0: list[float] = []
    ry0: list[float] = []
    rw: list[float] = []
    rh: list[float] = []
    brushes: list[Any] = []
    pens: list[Any] = []
    none_pen = pg.mkPen(None)
    cache: dict[tuple[str, int], QBrush] = {}

    def brush(key: str, alpha: int = 255) -> QBrush:
        if (key, alpha) not in cache:
            cache[(key, alpha)] = QBrush(colour(key, alpha))
        return cache[(key, alpha)]

    def rect(a: float, b: float, y: float, h: float, br: QBrush, pen: Any) -> None:
        rx0.append(a)
        rw.append(max(b - a, 0.8))
        ry0.append(y - h / 2)
        rh.append(h)
        brushes.append(br)
        pens.append(pen)

    far = span * 3
    for lane in model.lanes[::2]:  # banded rows help the eye follow a lane
        rect(x0 - far, x1 + far, lane.row, 1.0, brush("lane.band"), none_pen)
    outline = pg.mkPen(PALETTE["outline"], width=1)
    for bar in model.bars:
        rect(bar.start.toordinal(), bar.end.toordinal(), lane_y(bar.lane), BAR_HEIGHT,
             brush(bar.key), outline)
    for w in model.windows:
        style = STATUS_STYLES[w.status]
        y = lane_y(w.lane)
        pen = pg.mkPen(style.colour, width=1)
        rect(w.start.toordinal(), w.due.toordinal(), y, BAR_HEIGHT,
             brush(style.colour, 45), pen)
        rect(w.start.toordinal(), w.used_end.toordinal(), y, USED_HEIGHT,
             brush(style.colour), none_pen)
        if w.overdue:
            a, b = w.overdue
            rect(a.toordinal(), b.toordinal(), y, BAR_HEIGHT, brush("overdue", 40),
                 pg.mkPen(PALETTE["overdue"], width=1))
            rect(a.toordinal(), b.toordinal(), y, USED_HEIGHT, brush("overdue"), none_pen)
    bars.setOpts(x0=rx0, y0=ry0, width=rw, height=rh, brushes=brushes, pens=pens)

    groups: dict[str, dict[str, list[Any]]] = {s: {"x": [], "y": [], "b": [], "p": [],
                                                   "s": []} for s in SHAPES}
    white = QBrush(QColor("#FFFFFF"))
    dark = pg.mkPen(PALETTE["outline"], width=1)
    for m in model.markers:
        g = groups[m.shape]
        g["x"].append(m.x)
        g["y"].append(m.y)
        g["b"].append(brush(m.key) if m.filled else white)
        g["p"].append(none_pen if m.shape == "tick" else dark)
        g["s"].append(TICK_PX if m.shape == "tick" else MARKER_PX)
    for w in model.windows:
        style = STATUS_STYLES[w.status]
        g = groups[style.shape]
        g["x"].append(float(w.end.toordinal()))
        g["y"].append(lane_y(w.lane))
        g["b"].append(brush(style.colour) if style.filled else white)
        g["p"].append(dark if style.filled else pg.mkPen(style.colour, width=2.5))
        g["s"].append(STATUS_PX)
    for shape, g in groups.items():
        scatter = scatters[shape]
        if not g["x"]:
            scatter.clear()
            scatter.setVisible(False)
            continue
        scatter.setVisible(True)
        one_look = len(set(map(id, g["b"]))) == 1 and len(set(map(id, g["p"]))) == 1
        scatter.setData(x=g["x"], y=g["y"], size=g["s"], symbol=symbol_path(shape),
                        brush=g["b"][0] if one_look else g["b"],
                        pen=g["p"][0] if one_look else g["p"])
