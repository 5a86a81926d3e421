"""Every piece of text on the timeline chart, and the hatching of overdue time, drawn by
one pyqtgraph item in device pixels."""

from __future__ import annotations

import logging
from bisect import bisect_left, bisect_right
from datetime import date
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF

from pace_desktop.gui.timeline.chart_marks import MARKER_PX, colour, is_dark
from pace_desktop.journey.timeline import (
    BAR_HEIGHT,
    PALETTE,
    Timeline,
    day_text,
    lane_y,
    place_labels,
)

log = logging.getLogger(__name__)


class ChartLabels(pg.GraphicsObject):
    """Every piece of text on the chart, and the hatching of overdue time, in one item.

    It paints in device pixels (so text keeps its size while zooming) and only what is in
    view; labels that would overlap are left out, higher priority first.
    """

    def __init__(self) -> None:
        super().__init__()
        self.model: Timeline | None = None
        self._rect = QRectF()
        self._lane_markers: dict[int, list[tuple[float, str, int]]] = {}
        self._lane_x: dict[int, list[float]] = {}
        self._warned = False
        self.setZValue(20)

    def set_model(self, model: Timeline) -> None:
        self.prepareGeometryChange()
        self.model = model
        x0, x1 = model.x_range
        self._rect = QRectF(x0, -0.5, x1 - x0, len(model.lanes) + 0.5)
        lanes: dict[int, list[tuple[float, str, int]]] = {}
        for m in model.markers:  # in date order, so each lane's list is sorted by x
            text = m.label if len(m.label) <= 42 else m.label[:41] + "…"
            lanes.setdefault(m.lane, []).append((m.x, text, m.priority))
        self._lane_markers = lanes
        self._lane_x = {row: [x for x, _t, _p in items] for row, items in lanes.items()}
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._rect

    def paint(self, painter: Any, *args: Any) -> None:
        # An exception escaping paint() takes the whole process down: never let one out.
        try:
            painter.save()
            try:
                self._paint(painter)
            finally:
                painter.restore()
        except Exception:
            if not self._warned:
                self._warned = True
                log.exception("Could not draw the timeline's labels")

    def _paint(self, p: Any) -> None:
        model = self.model
        vb = self.getViewBox()
        if model is None or vb is None:
            return
        (vx0, vx1), _ = vb.viewRange()
        tr = p.transform()
        sx, tx, sy, ty = tr.m11(), tr.dx(), tr.m22(), tr.dy()
        if sx <= 0 or tr.m12() or tr.m21():
            return
        opts = getattr(self, "_exportOpts", False) or {}
        scale = float(opts.get("resolutionScale", 1.0)) if opts else 1.0
        p.resetTransform()
        p.setRenderHint(p.RenderHint.Antialiasing, True)
        p.setRenderHint(p.RenderHint.TextAntialiasing, True)

        def px(x: float) -> float:
            return x * sx + tx

        def py(y: float) -> float:
            return y * sy + ty

        left, right = px(vx0), px(vx1)
        row_px = abs(sy)
        font = QFont()
        font.setPixelSize(max(8, round(11 * scale)))
        bold = QFont(font)
        bold.setBold(True)
        fm = QFontMetricsF(font)
        bfm = QFontMetricsF(bold)
        text_h = fm.height()
        half_bar = BAR_HEIGHT / 2

        # Overdue time hatched, so it reads without colour (and in a grey print).
        hatch = QBrush(colour("overdue"), Qt.BrushStyle.BDiagPattern)
        for w in model.windows:
            span = w.overdue
            if span is None:
                continue
            a, b = px(span[0].toordinal()), px(span[1].toordinal())
            if b < left or a > right:
                continue
            top, bottom = py(lane_y(w.lane) - half_bar), py(lane_y(w.lane) + half_bar)
            p.fillRect(QRectF(a, min(top, bottom), max(b - a, 1.0), abs(bottom - top)), hatch)

        # Episode names inside their bars, from the left edge of what is visible.
        p.setFont(font)
        for bar in model.bars:
            a, b = max(px(bar.start.toordinal()), left), min(px(bar.end.toordinal()), right)
            if b - a < 28:
                continue
            text = fm.elidedText(bar.label, Qt.TextElideMode.ElideRight, b - a - 8)
            if not text or text == "…":
                continue
            cy = py(lane_y(bar.lane))
            p.setPen(QColor("#FFFFFF" if is_dark(PALETTE[bar.key]) else PALETTE["text"]))
            p.drawText(QPointF(a + 4, cy + fm.ascent() / 2 - fm.descent() / 2), text)

        # Marker labels and clock status words, placed so that none overlaps another.
        cands: list[tuple[float, int, str, int]] = []
        blocked: dict[int, list[tuple[float, float]]] = {}
        marker_half = MARKER_PX * scale * 0.5
        for lane_row, items in self._lane_markers.items():
            spans = blocked.setdefault(lane_row, [])
            lo = bisect_left(self._lane_x[lane_row], vx0)
            hi = bisect_right(self._lane_x[lane_row], vx1)
            last = -1e9
            for x, text, priority in items[lo:hi]:
                xp = px(x)
                spans.append((xp - marker_half, xp + marker_half))
                if not text or xp - last < 36:  # too dense to label: saves measuring
                    continue
                last = xp
                cands.append((xp + marker_half + 3, lane_row, text, priority))
        for w in model.windows:
            end_x = px(w.end.toordinal())
            spans = blocked.setdefault(w.lane, [])
            spans.append((end_x - marker_half, end_x + marker_half))
            if left - 200 < end_x < right:
                cands.append((end_x + marker_half + 3, w.lane, w.status_text, 5))
        widths = [fm.horizontalAdvance(c[2]) for c in cands]
        # Words that would run off the right edge go to the left of their mark instead.
        cands = [(x - 2 * marker_half - 6 - wd, lane_row, text, prio) if x + wd > right
                 else (x, lane_row, text, prio)
                 for (x, lane_row, text, prio), wd in zip(cands, widths, strict=True)]
        halo = QColor(255, 255, 255, 215)
        for x, lane_row, text in place_labels(cands, widths, blocked=blocked, gap=8 * scale):
            width = fm.horizontalAdvance(text)
            cy = py(lane_y(lane_row))
            box = QRectF(x - 2, cy - text_h / 2, width + 4, text_h)
            p.fillRect(box, halo)
            p.setPen(QColor(PALETTE["text"]))
            p.drawText(QPointF(x, cy + fm.ascent() / 2 - fm.descent() / 2), text)

        # Lane titles at the top of each row, at the visible left edge.
        p.setFont(bold)
        for lane in model.lanes:
            top = min(py(lane.row - 0.5), py(lane.row + 0.5))
            if row_px < bfm.height() * 1.6:
                continue
            text = bfm.elidedText(lane.label, Qt.TextElideMode.ElideRight, right - left - 12)
            width = bfm.horizontalAdvance(text)
            p.fillRect(QRectF(left + 4, top + 1, width + 6, bfm.height()), halo)
            p.setPen(QColor(PALETTE["text.muted"]))
            p.drawText(QPointF(left + 7, top + 1 + bfm.ascent()), text)

        # The as-of line's words, at its top (the future beside it is mostly empty).
        xa = px(model.as_of_x)
        if left <= xa <= right:
            words = ("Today " if model.as_of == date.today() else "As of ") + day_text(model.as_of)
            width = bfm.horizontalAdvance(words)
            top = min(py(-0.5), py(len(model.lanes) - 0.5))
            x = xa + 5 if xa + 5 + width < right else xa - 5 - width
            p.fillRect(QRectF(x - 2, top + 1, width + 4, bfm.height()), halo)
            p.setPen(QColor(PALETTE["today"]))
            p.drawText(QPointF(x, top + 1 + bfm.ascent()), words)
