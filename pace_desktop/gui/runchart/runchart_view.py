"""Cohort run charts: days between PACE milestones across a caseload, with their signals.

How the caseload window uses it (a tab; import this module when the tab is first shown,
since it imports pyqtgraph)::

    from pace_desktop.gui.runchart.runchart_view import RunChartView

    view = RunChartView(baseline=settings.baseline_points or None)
    caseload.add_tab(view, "Run charts")
    # off the GUI thread (the store worker): points = journey.cohort_measures(children)
    # then, back on the GUI thread:
    view.set_cohort(points)        # every measure at once; the view filters the period
    # or one measure: view.set_points(measure_id, points, baseline)

The view never reads the store: it shows what it is given. `points_wanted(measure_id)` is
emitted when a person picks a measure the view has no points for, so the caller can compute
them off the GUI thread and call `set_points`. `open_child(ref)` is emitted when a point is
clicked.

The chart: one scatter item for the points, and one each for points in a shift and points in
a trend (different shape and colour, and each signal also explained in words beside the
chart); a line joining the points in time order; the median as a dashed line; and, when the
median is frozen from the first N points, a dotted line where the baseline ends.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from statistics import median
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QDate, QPointF, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QSpinBox,
    QSplitter,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from pace_desktop.gui.date_edit import DateEdit
from pace_desktop.gui.timeline.timeline_view import DateAxis, symbol_path
from pace_desktop.journey import MEASURES, MEASURES_BY_ID, CohortPoint, RunChart, analyse
from pace_desktop.journey.timeline import OKABE_ITO, PALETTE, day_text

POINT_PX = 7
SIGNAL_PX = 11
SHIFT_LOOK = ("square", OKABE_ITO["vermillion"], "Shift")
TREND_LOOK = ("triangle", OKABE_ITO["reddish_purple"], "Trend")


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


class RunChartView(QWidget):
    """A run chart of one cohort measure over a chosen period, with its signals in words."""

    points_wanted = Signal(str)
    open_child = Signal(str)

    def __init__(self, points: Mapping[str, list[CohortPoint]] | None = None,
                 baseline: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("runChartView")
        self._cohort: dict[str, list[CohortPoint]] = {}
        self._series: list[CohortPoint] = []
        self.chart: RunChart = analyse([])

        self.measure = QComboBox()
        self.measure.setAccessibleName("Measure")
        for m in MEASURES:
            self.measure.addItem(m.label, m.id)
        self.date_from = DateEdit()
        self.date_to = DateEdit()
        for edit, name in ((self.date_from, "From"), (self.date_to, "To")):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("d MMM yyyy")
            edit.setAccessibleName(f"Period {name.lower()}")
        self.date_from.setDate(QDate(2000, 1, 1))
        self.date_to.setDate(_qdate(date.today()))
        self.baseline = QSpinBox()
        self.baseline.setRange(0, 100_000)
        self.baseline.setSpecialValueText("all points")
        self.baseline.setAccessibleName("Median from the first N points")
        self.baseline.setValue(baseline or 0)

        controls = QHBoxLayout()
        for text, widget in (("Measure", self.measure), ("From", self.date_from),
                             ("to", self.date_to), ("Median from the first", self.baseline)):
            label = QLabel(text)
            label.setBuddy(widget)
            controls.addWidget(label)
            controls.addWidget(widget)
        controls.addWidget(QLabel("points"))
        controls.addStretch(1)

        self.plot = pg.PlotWidget(background="w", axisItems={"bottom": DateAxis("bottom")})
        self.plot.setAccessibleName("Run chart")
        item = self.plot.getPlotItem()
        item.hideButtons()
        item.setMenuEnabled(False)
        item.setLabel("left", "days")
        item.showGrid(x=False, y=True, alpha=0.15)
        self.vb = item.getViewBox()
        self._line = pg.PlotCurveItem(pen=pg.mkPen("#9A9A9A", width=1))
        self._points = pg.ScatterPlotItem(pxMode=True, size=POINT_PX, symbol=symbol_path("circle"),
                                          brush=pg.mkBrush(OKABE_ITO["blue"]),
                                          pen=pg.mkPen(PALETTE["outline"], width=0.5))
        self._shift = pg.ScatterPlotItem(pxMode=True, size=SIGNAL_PX,
                                         symbol=symbol_path(SHIFT_LOOK[0]),
                                         brush=pg.mkBrush(SHIFT_LOOK[1]),
                                         pen=pg.mkPen(PALETTE["outline"], width=1))
        self._trend = pg.ScatterPlotItem(pxMode=True, size=SIGNAL_PX,
                                         symbol=symbol_path(TREND_LOOK[0]),
                                         brush=pg.mkBrush(TREND_LOOK[1]),
                                         pen=pg.mkPen(PALETTE["outline"], width=1))
        self._median = pg.InfiniteLine(angle=0, movable=False, pen=pg.mkPen(
            "#000000", width=2, style=Qt.PenStyle.DashLine),
            label="median {value:.0f} days", labelOpts={"position": 0.02, "color": "#000000",
                                                        "anchors": [(0, 1), (0, 1)]})
        self._baseline_end = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen(
            "#555555", width=1, style=Qt.PenStyle.DotLine), label="end of the baseline",
            labelOpts={"position": 0.97, "color": "#333333", "anchors": [(0, 0), (0, 0)]})
        for it, z in ((self._line, 1), (self._points, 2), (self._shift, 3), (self._trend, 4),
                      (self._median, 5), (self._baseline_end, 5)):
            it.setZValue(z)
            item.addItem(it)

        self.summary = QLabel()
        self.summary.setObjectName("runChartSummary")
        self.summary.setWordWrap(True)
        self.signals = QListWidget()
        self.signals.setObjectName("runChartSignals")
        self.signals.setAccessibleName("Signals of change, in words")
        self.signals.setWordWrap(True)
        key = QLabel(
            f'<small><span style="color:{OKABE_ITO["blue"]}">●</span> a child &nbsp; '
            f'<span style="color:{SHIFT_LOOK[1]}">■</span> in a shift (6 or more on one side'
            f' of the median) &nbsp; <span style="color:{TREND_LOOK[1]}">▲</span> in a trend'
            " (5 or more going the same way) &nbsp; - - median</small>")
        key.setWordWrap(True)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.summary)
        side_layout.addWidget(QLabel("What the chart shows"))
        side_layout.addWidget(self.signals, 1)
        split = QSplitter()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.plot, 1)
        left_layout.addWidget(key)
        split.addWidget(left)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        side.setMinimumWidth(260)
        split.setSizes([700, 300])
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(split, 1)

        self.measure.currentIndexChanged.connect(self._measure_changed)
        self.date_from.dateChanged.connect(self._refresh)
        self.date_to.dateChanged.connect(self._refresh)
        self.baseline.valueChanged.connect(self._refresh)
        self.plot.scene().sigMouseMoved.connect(self._hover)
        self.plot.scene().sigMouseClicked.connect(self._clicked)
        if points is not None:
            self.set_cohort(points)
        else:
            self._refresh()

    # -- public ---------------------------------------------------------------------------

    @property
    def measure_id(self) -> str:
        return str(self.measure.currentData())

    def set_cohort(self, points: Mapping[str, list[CohortPoint]]) -> None:
        """Every measure's points (as `journey.cohort_measures` returns them)."""
        self._cohort = {k: list(v) for k, v in points.items()}
        self._fit_period()
        self._refresh()

    def set_points(self, measure_id: str, points: Iterable[CohortPoint],
                   baseline: int | None = None) -> None:
        """Show `points` for one measure; `baseline` freezes the median from the first N."""
        if measure_id not in MEASURES_BY_ID:
            raise ValueError(f"no measure called {measure_id}")
        self._cohort[measure_id] = list(points)
        self.measure.blockSignals(True)
        self.measure.setCurrentIndex(self.measure.findData(measure_id))
        self.measure.blockSignals(False)
        self.baseline.blockSignals(True)
        self.baseline.setValue(baseline or 0)
        self.baseline.blockSignals(False)
        self._fit_period()
        self._refresh()

    def set_period(self, date_from: date, date_to: date) -> None:
        for edit, d in ((self.date_from, date_from), (self.date_to, date_to)):
            edit.blockSignals(True)
            edit.setDate(_qdate(d))
            edit.blockSignals(False)
        self._refresh()

    @property
    def shown_points(self) -> tuple[CohortPoint, ...]:
        """The points on the chart now: the chosen measure, within the chosen period."""
        return tuple(self._series)

    def explanations(self) -> list[str]:
        return [self.signals.item(i).text() for i in range(self.signals.count())]

    def item_count(self) -> int:
        return len(self.vb.addedItems)

    # -- inside ---------------------------------------------------------------------------

    def _fit_period(self) -> None:
        dates = [p.date for p in self._cohort.get(self.measure_id, [])]
        if dates:
            self.set_period_quietly(min(dates), max(dates))

    def set_period_quietly(self, date_from: date, date_to: date) -> None:
        for edit, d in ((self.date_from, date_from), (self.date_to, date_to)):
            edit.blockSignals(True)
            edit.setDate(_qdate(d))
            edit.blockSignals(False)

    def _measure_changed(self) -> None:
        if self.measure_id not in self._cohort:
            self.points_wanted.emit(self.measure_id)
        self._fit_period()
        self._refresh()

    def _refresh(self) -> None:
        lo, hi = self.date_from.date().toPython(), self.date_to.date().toPython()
        series = sorted((p for p in self._cohort.get(self.measure_id, [])
                         if lo <= p.date <= hi), key=lambda p: (p.date, p.child_ref))
        self._series = series
        baseline = self.baseline.value() or None
        self.chart = chart = analyse([p.days for p in series], baseline)
        xs = [float(p.date.toordinal()) for p in series]
        ys = [float(p.days) for p in series]
        self._line.setData(xs, ys)
        self._points.setData(x=xs, y=ys)
        shift_i = sorted({i for s in chart.shifts for i in s.points})
        trend_i = sorted({i for s in chart.trends for i in s.points})
        self._shift.setData(x=[xs[i] for i in shift_i], y=[ys[i] for i in shift_i])
        self._trend.setData(x=[xs[i] for i in trend_i], y=[ys[i] for i in trend_i])
        if chart.median is None:
            self._median.setVisible(False)
        else:
            self._median.setVisible(True)
            self._median.setValue(chart.median)
        frozen = baseline is not None and chart.baseline_points < len(series)
        self._baseline_end.setVisible(frozen)
        if frozen:
            a = xs[chart.baseline_points - 1]
            b = xs[chart.baseline_points]
            self._baseline_end.setValue((a + b) / 2)
        if xs:
            pad = max(10.0, (xs[-1] - xs[0]) * 0.03)
            self.vb.setRange(xRange=(xs[0] - pad, xs[-1] + pad),
                             yRange=(0, max(ys) * 1.08 + 1), padding=0)
        self._write_words(series, chart)

    def _write_words(self, series: list[CohortPoint], chart: RunChart) -> None:
        label = MEASURES_BY_ID[self.measure_id].label
        if not series:
            self.summary.setText(f"{label}: no children reached this step in the period.")
        else:
            how = ("the median of all points" if chart.baseline_points >= len(series)
                   else f"the median of the first {chart.baseline_points} points (the baseline)")
            self.summary.setText(
                f"{label}: {len(series)} children from {day_text(series[0].date)} to "
                f"{day_text(series[-1].date)}. The dashed line is {how}: "
                f"{chart.median:g} days (overall median {median(p.days for p in series):g}).")
        self.signals.clear()
        for s in chart.signals:
            look = SHIFT_LOOK if s.kind == "shift" else TREND_LOOK
            mark = "■" if s.kind == "shift" else "▲"
            self.signals.addItem(f"{mark} {look[2]}: {s.explanation}")
        if not chart.signals and series:
            self.signals.addItem("No shift or trend: the points vary as chance would make them.")

    def _nearest(self, scene_pos: QPointF) -> CohortPoint | None:
        if not self._series or not self.vb.sceneBoundingRect().contains(scene_pos):
            return None
        p = self.vb.mapSceneToView(scene_pos)
        px_w, px_h = self.vb.viewPixelSize()
        best, best_d = None, 8.0  # pixels
        for cp in self._series:
            d = max(abs(cp.date.toordinal() - p.x()) / px_w, abs(cp.days - p.y()) / px_h)
            if d < best_d:
                best, best_d = cp, d
        return best

    def _hover(self, scene_pos: QPointF) -> None:
        cp = self._nearest(scene_pos) if len(self._series) <= 20_000 else None
        if cp:
            QToolTip.showText(self.plot.viewport().mapToGlobal(self.plot.mapFromScene(scene_pos)),
                              f"{cp.child_ref}: {cp.days} days, reached {day_text(cp.date)}",
                              self.plot)

    def _clicked(self, event: Any) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            cp = self._nearest(event.scenePos())
            if cp:
                self.open_child.emit(cp.child_ref)


__all__ = ["RunChartView"]
