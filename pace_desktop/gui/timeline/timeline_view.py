"""The journey timeline widget: a pyqtgraph drawing of `pace_desktop.journey.timeline`.

How to use it (the child record adds it as a tab; import this module only when the tab is
first opened, since it imports pyqtgraph, which costs about 630 ms)::

     import TimelineView

    view = TimelineView(child, rules, as_of=None, due_soon_days=settings.due_soon_days)
    view.open_record.connect(child_record.open_record)  # ("meeting", id), ("event", id), …
    child_record.add_tab(view, "Timeline")
    # when the record changes: view.set_child(new_child)

Signals: `open_record(kind, id)` when a person clicks an item (kind is "living", "legal",
"meeting", "event" or "clock"; a clock's id is "rule:instance"), `as_of_changed(date)` when
the as-of date is changed in the toolbar.

Everything drawn comes from the Qt-free `Timeline` model, and the drawing uses few items,
whatever the size of the record: one BarGraphItem for lane bands, episodes and clock
windows; one ScatterPlotItem per marker shape; one item for every label, which draws only
the labels inside the view that do not overlap; and the as-of line. pyqtgraph kills the
process if paint code raises, so the one custom `paint` catches everything.

Keys (when the chart has focus): + and − zoom, ← and → pan, F fits the whole journey.
Anywhere in the view: Ctrl+0 fits, Ctrl++ and Ctrl+− zoom, Ctrl+T goes back to today,
Ctrl+Shift+P saves a picture and Ctrl+Shift+G an SVG drawing; every toolbar button takes
keyboard focus. Below the chart the same journey is listed in words (`journey_list`), in
date order: the text alternative for a screen reader, and the keyboard's way to an item's
detail (choosing a row shows it) and to its record (Enter).
"""

from __future__ import annotations

import logging
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from datetime import date
from math import ceil
from pathlib import Path
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QDate, QEvent, QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QKeySequence,
    QPainterPath,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QToolBar,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from pace_desktop.domain.records import Child
from pace_desktop.gui.timeline.day_box import DayBox
from pace_desktop.gui.timeline.journey_list import chart_words, journey_rows
from pace_desktop.journey.clocks import DUE_SOON_DAYS
from pace_desktop.journey.rules import Rule
from pace_desktop.journey.timeline import (
    BAR_HEIGHT,
    PALETTE,
    SHAPES,
    STATUS_STYLES,
    USED_HEIGHT,
    HitIndex,
    Timeline,
    build_timeline,
    date_ticks,
    day_text,
    lane_y,
    place_labels,
)

log = logging.getLogger(__name__)

MARKER_PX = 12
TICK_PX = 15
STATUS_PX = 13
ROW_PX = 46  # a comfortable lane height, used for the preferred and exported heights
AXES_PX = 70
HOVER_PX = 7  # how near the pointer must be to a marker, in screen pixels
_MIN_ORDINAL, _MAX_ORDINAL = date(1900, 1, 1).toordinal(), date(2200, 1, 1).toordinal()


def _colour(key_or_hex: str, alpha: int = 255) -> QColor:
    c = QColor(PALETTE.get(key_or_hex, key_or_hex))
    c.setAlpha(alpha)
    return c


def _is_dark(hex_colour: str) -> bool:
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


class _Labels(pg.GraphicsObject):
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
        hatch = QBrush(_colour("overdue"), Qt.BrushStyle.BDiagPattern)
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
            p.setPen(QColor("#FFFFFF" if _is_dark(PALETTE[bar.key]) else PALETTE["text"]))
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


class _KeyFilter(QObject):
    """Keyboard zoom and pan for the chart (an event filter, so that pyqtgraph's own key
    handling cannot swallow the keys first)."""

    def __init__(self, view: TimelineView) -> None:
        super().__init__(view)
        self._view = view

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return self._view.handle_key(event.key())
        return False


class TimelineView(QWidget):
    """A child's journey against the clocks, as of a chosen date."""

    open_record = Signal(str, str)
    as_of_changed = Signal(object)

    def __init__(self, child: Child, rules: Iterable[Rule], as_of: date | None = None,
                 due_soon_days: int = DUE_SOON_DAYS, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineView")
        self._child = child
        self._rules = tuple(rules)
        self._as_of = as_of or date.today()
        self._due_soon_days = due_soon_days
        self.model: Timeline = build_timeline(child, self._rules, self._as_of, due_soon_days)
        self._hits = HitIndex(self.model)

        self._build_toolbar()
        pg.setConfigOptions(antialias=True)
        self.plot = pg.PlotWidget(background="w",
                                  axisItems={"bottom": DateAxis("bottom"),
                                             "top": pg.AxisItem("top")})
        self.plot.setAccessibleName("Journey timeline chart")
        self.plot.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        item = self.plot.getPlotItem()
        item.hideAxis("left")
        item.showAxis("top")
        item.hideButtons()
        item.setMenuEnabled(False)
        for name in ("bottom", "top"):
            axis = item.getAxis(name)
            axis.setPen(pg.mkPen(PALETTE["text.muted"]))
            axis.setTextPen(pg.mkPen(PALETTE["text"]))
        self.vb = item.getViewBox()
        self.vb.invertY(True)
        self.vb.setMouseEnabled(x=True, y=False)
        self.vb.disableAutoRange()

        self._bars = pg.BarGraphItem(x0=[0], y0=[0], width=[0], height=[0])
        self.vb.addItem(self._bars)
        self._scatters: dict[str, pg.ScatterPlotItem] = {}
        for shape in SHAPES:
            scatter = pg.ScatterPlotItem(pxMode=True, symbol=symbol_path(shape))
            scatter.setZValue(10)
            self._scatters[shape] = scatter
            self.vb.addItem(scatter)
        self._today = pg.InfiniteLine(angle=90, movable=False,
                                      pen=pg.mkPen(PALETTE["today"], width=2,
                                                   style=Qt.PenStyle.DashLine))
        self._today.setZValue(15)
        self.vb.addItem(self._today)
        self._labels = _Labels()
        self.vb.addItem(self._labels)

        self.detail = QLabel()
        self.detail.setObjectName("timelineDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # No accessible name: the key is heard as its words (a name would be read instead).
        legend = QLabel(_legend_html())
        legend.setObjectName("timelineLegend")
        legend.setWordWrap(True)

        # The text alternative: the journey as a list, reached with Tab or Alt+J.
        self.journey_list = QListWidget()
        self.journey_list.setObjectName("timelineList")
        self.journey_list.setAccessibleName("The journey as a list, in date order")
        self.journey_list.setAccessibleDescription(
            "Each home, legal status, meeting, milestone, chronology entry and clock. "
            "Enter opens the record of the item chosen.")
        self.journey_list.setWordWrap(True)
        self.journey_list.setUniformItemSizes(True)
        self.journey_list.setMinimumHeight(self.journey_list.fontMetrics().lineSpacing() * 5)
        self.journey_list.currentItemChanged.connect(self._list_chosen)
        self.journey_list.itemActivated.connect(self._list_activated)
        list_label = QLabel("The &journey as a list")
        list_label.setBuddy(self.journey_list)
        list_panel = QWidget()
        list_layout = QVBoxLayout(list_panel)
        list_layout.setContentsMargins(0, 4, 0, 0)
        list_layout.addWidget(list_label)
        list_layout.addWidget(self.journey_list, 1)
        chart_panel = QWidget()
        chart_layout = QVBoxLayout(chart_panel)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        chart_layout.addWidget(self.plot, 1)
        chart_layout.addWidget(legend)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(chart_panel)
        splitter.addWidget(list_panel)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toolbar)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.detail)

        self._keys = _KeyFilter(self)
        self.plot.installEventFilter(self._keys)
        scene = self.plot.scene()
        scene.sigMouseMoved.connect(self._hover)
        scene.sigMouseClicked.connect(self._clicked)
        self._draw(fit=True)

    # -- public ---------------------------------------------------------------------------

    @property
    def as_of(self) -> date:
        return self._as_of

    def set_child(self, child: Child) -> None:
        """Show another child, or the same child after their record changed."""
        same = child.ref == self._child.ref
        self._child = child
        self._rebuild(fit=not same)

    def set_rules(self, rules: Iterable[Rule], due_soon_days: int | None = None) -> None:
        self._rules = tuple(rules)
        if due_soon_days is not None:
            self._due_soon_days = due_soon_days
        self._rebuild(fit=False)

    def set_as_of(self, as_of: date) -> None:
        """Replay the journey as it stood on `as_of`: later facts are left out."""
        if as_of == self._as_of:
            return
        self._as_of = as_of
        self._date_edit.blockSignals(True)
        self._date_edit.setDate(QDate(as_of.year, as_of.month, as_of.day))
        self._date_edit.blockSignals(False)
        self._rebuild(fit=False)
        self.as_of_changed.emit(as_of)

    def fit(self) -> None:
        x0, x1 = self.model.x_range
        self.vb.setXRange(x0, x1, padding=0)

    def zoom(self, factor: float) -> None:
        """Zoom in (factor < 1) or out (> 1) about the middle of the view."""
        (x0, x1), _ = self.vb.viewRange()
        centre, half = (x0 + x1) / 2, (x1 - x0) / 2 * factor
        self.vb.setXRange(centre - half, centre + half, padding=0)

    def pan(self, fraction: float) -> None:
        (x0, x1), _ = self.vb.viewRange()
        shift = (x1 - x0) * fraction
        self.vb.setXRange(x0 + shift, x1 + shift, padding=0)

    def handle_key(self, key: int) -> bool:
        match key:
            case Qt.Key.Key_Plus | Qt.Key.Key_Equal:
                self.zoom(0.5)
            case Qt.Key.Key_Minus | Qt.Key.Key_Underscore:
                self.zoom(2.0)
            case Qt.Key.Key_Left:
                self.pan(-0.15)
            case Qt.Key.Key_Right:
                self.pan(0.15)
            case Qt.Key.Key_F | Qt.Key.Key_Home:
                self.fit()
            case _:
                return False
        return True

    def item_count(self) -> int:
        """How many graphics items draw the chart (kept small whatever the record's size)."""
        return len(self.vb.addedItems)

    def data_to_viewport(self, x: float, y: float) -> QPointF:
        """Where data point (x, y) is on the chart's viewport, for tests and tooltips."""
        scene = self.vb.mapViewToScene(QPointF(x, y))
        return self.plot.mapFromScene(scene).toPointF()

    def detail_at(self, x: float, y: float) -> str | None:
        """The words to show for whatever is at (x, y) in data coordinates, or None."""
        hit = self._hit(x, y)
        return hit.detail if hit else None

    def ref_at(self, x: float, y: float) -> tuple[str, str] | None:
        hit = self._hit(x, y)
        return hit.ref if hit else None

    def export_png(self, path: str | Path, width_px: int) -> Path:
        """Save the chart as it is now shown, `width_px` wide (height in proportion)."""
        from pyqtgraph.exporters import ImageExporter

        out = Path(path)
        exporter = ImageExporter(self.plot.getPlotItem())
        exporter.parameters()["width"] = int(width_px)
        if int(exporter.parameters()["width"]) != int(width_px):
            raise ValueError(f"could not export at {width_px} pixels wide")
        exporter.export(str(out))
        return out

    def export_svg(self, path: str | Path) -> Path:
        """Save the chart as it is now shown as an SVG drawing (vector shapes, real text).

        pyqtgraph's own SVGExporter fails on every plot with Qt 6.12 (it cannot parse the
        path data Qt now writes), so the chart is painted straight into a QSvgGenerator.
        """
        from PySide6.QtCore import QRect, QSize
        from PySide6.QtGui import QPainter
        from PySide6.QtSvg import QSvgGenerator

        out = Path(path)
        size = self.plot.size()
        generator = QSvgGenerator()
        generator.setFileName(str(out))
        generator.setSize(QSize(size.width(), size.height()))
        generator.setViewBox(QRect(0, 0, size.width(), size.height()))
        generator.setTitle(f"Journey timeline: {self.model.title}")
        generator.setDescription(f"As of {day_text(self.model.as_of)}")
        painter = QPainter(generator)
        try:
            self.plot.render(painter)
        finally:
            painter.end()
        return out

    def preferred_height(self) -> int:
        """A height at which every lane has room for its title and items."""
        return len(self.model.lanes) * ROW_PX + AXES_PX

    # -- inside ---------------------------------------------------------------------------

    def _build_toolbar(self) -> None:
        bar = QToolBar("Timeline")
        bar.setObjectName("timelineToolbar")
        bar.setAccessibleName("Timeline tools")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)

        def action(text: str, tip: str, keys: str, slot: Any,
                   more_keys: tuple[str, ...] = ()) -> QAction:
            act = QAction(text, self)
            act.setShortcuts([QKeySequence(k) for k in (keys, *more_keys)])
            # Anywhere in the timeline (the chart, the list, the toolbar), not the window.
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            words = f"{tip} ({QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)})"
            act.setToolTip(words)
            act.triggered.connect(slot)
            bar.addAction(act)
            self.addAction(act)
            button = bar.widgetForAction(act)
            if button is not None:
                # Toolbar buttons take no focus by default: then Tab never reaches them.
                button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
                button.setAccessibleDescription(words)
            return act

        self.fit_action = action("Fit", "Show the whole journey", "Ctrl+0", self.fit)
        self.zoom_in_action = action("Zoom in", "Zoom in", "Ctrl++", lambda: self.zoom(0.5),
                                     ("Ctrl+=",))
        self.zoom_out_action = action("Zoom out", "Zoom out", "Ctrl+-", lambda: self.zoom(2.0))
        bar.addSeparator()
        label = QLabel(" &As of ")
        bar.addWidget(label)
        edit = DayBox(self._as_of)
        edit.setObjectName("timelineAsOf")
        edit.setAccessibleName("Show the journey as it stood on this date")
        born = self._child.date_of_birth
        edit.setMinimumDate(QDate(born.year, born.month, born.day))
        edit.dateChanged.connect(lambda qd: self.set_as_of(qd.toPython()))
        label.setBuddy(edit.edit)
        bar.addWidget(edit)
        self._date_edit = edit
        self.today_action = action("Today", "Show the journey as it stands today", "Ctrl+T",
                                   lambda: self.set_as_of(date.today()))
        bar.addSeparator()
        self.png_action = action("Save picture…", "Save the chart as a PNG picture",
                                 "Ctrl+Shift+P", self._ask_png)
        self.svg_action = action("Save as SVG…", "Save the chart as an SVG drawing",
                                 "Ctrl+Shift+G", self._ask_svg)
        self.toolbar = bar

    def _ask_png(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Save the timeline as a picture",
                                              f"timeline-{self._child.ref}.png", "PNG (*.png)")
        if path:
            self.export_png(path if path.lower().endswith(".png") else path + ".png",
                            max(1600, self.plot.width()))

    def _ask_svg(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Save the timeline as a drawing",
                                              f"timeline-{self._child.ref}.svg", "SVG (*.svg)")
        if path:
            self.export_svg(path if path.lower().endswith(".svg") else path + ".svg")

    def _rebuild(self, fit: bool) -> None:
        self.model = build_timeline(self._child, self._rules, self._as_of, self._due_soon_days)
        self._hits = HitIndex(self.model)
        self._draw(fit=fit)

    def _fill_list(self) -> None:
        """The text alternative, from the same model as the picture."""
        self.plot.setAccessibleDescription(chart_words(self.model))
        self.journey_list.clear()
        for row in journey_rows(self.model):
            item = QListWidgetItem(row.text)
            item.setData(Qt.ItemDataRole.UserRole, row.ref)
            item.setToolTip(row.detail)
            self.journey_list.addItem(item)

    def _list_chosen(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        # The keyboard's hover: the chosen row's detail shows under the chart.
        self.detail.setText(item.toolTip().replace("\n", " · ") if item is not None else "")

    def _list_activated(self, item: QListWidgetItem) -> None:
        ref = item.data(Qt.ItemDataRole.UserRole)
        if ref and ref[1]:
            self.open_record.emit(ref[0], ref[1])

    def _draw(self, fit: bool) -> None:
        model = self.model
        x0, x1 = model.x_range
        span = x1 - x0
        n = len(model.lanes)

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
                cache[(key, alpha)] = QBrush(_colour(key, alpha))
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
        self._bars.setOpts(x0=rx0, y0=ry0, width=rw, height=rh, brushes=brushes, pens=pens)

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
            scatter = self._scatters[shape]
            if not g["x"]:
                scatter.clear()
                scatter.setVisible(False)
                continue
            scatter.setVisible(True)
            one_look = len(set(map(id, g["b"]))) == 1 and len(set(map(id, g["p"]))) == 1
            scatter.setData(x=g["x"], y=g["y"], size=g["s"], symbol=symbol_path(shape),
                            brush=g["b"][0] if one_look else g["b"],
                            pen=g["p"][0] if one_look else g["p"])

        self._today.setValue(model.as_of_x)
        top = self.plot.getPlotItem().getAxis("top")
        top.setTicks([[(t.x, t.label) for t in model.age_ticks], []])
        self._labels.set_model(model)
        self._fill_list()
        self.vb.setLimits(xMin=x0 - span, xMax=x1 + span, minXRange=10, maxXRange=span * 3,
                          yMin=-0.5, yMax=n - 0.5)
        self.vb.setYRange(-0.5, n - 0.5, padding=0)
        if fit:
            self.fit()
        self.plot.setMinimumHeight(min(self.preferred_height(), 360))

    def _hit(self, x: float, y: float) -> Any:
        px_w = self.vb.viewPixelSize()[0] if self.vb.width() > 0 else 1.0
        return self._hits.at(x, y, x_tol=max(0.5, HOVER_PX * px_w))

    def _hover(self, scene_pos: QPointF) -> None:
        if not self.vb.sceneBoundingRect().contains(scene_pos):
            return
        point = self.vb.mapSceneToView(scene_pos)
        text = self.detail_at(point.x(), point.y())
        self.detail.setText(text.replace("\n", " · ") if text else "")
        if text:
            view_pos = self.plot.mapFromScene(scene_pos)
            QToolTip.showText(self.plot.viewport().mapToGlobal(view_pos), text, self.plot)
        else:
            QToolTip.hideText()

    def _clicked(self, event: Any) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        pos = event.scenePos()
        if not self.vb.sceneBoundingRect().contains(pos):
            return
        point = self.vb.mapSceneToView(pos)
        hit = self._hit(point.x(), point.y())
        if hit and hit.ref[1]:
            self.open_record.emit(hit.ref[0], hit.ref[1])


def _legend_html() -> str:
    glyph = {"circle": "●", "square": "■", "triangle": "▲", "diamond": "◆", "cross": "✕",
             "dash": "▬", "bowtie": "⧓"}
    parts = []
    for style in STATUS_STYLES.values():
        # A shape added to the model later must not stop the whole timeline from opening.
        mark = "○" if not style.filled else glyph.get(style.shape, "■")
        parts.append(f'<span style="color:{style.colour}">{mark}</span>&nbsp;{style.text}')
    parts.append(f'<span style="color:{PALETTE["overdue"]}">▨</span>&nbsp;overdue time'
                 " (hatched)")
    clocks = " &nbsp; ".join(parts)
    marks = ("■&nbsp;meeting (□&nbsp;draft record) &nbsp; ◆&nbsp;milestone &nbsp; "
             "|&nbsp;chronology entry &nbsp; ┆&nbsp;the as-of date")
    return f"<small>Clocks: {clocks}<br>Marks: {marks}</small>"


def render_timeline_image(child: Child, rules: Iterable[Rule], as_of: date | None, out: Path,
                          width_px: int, due_soon_days: int = DUE_SOON_DAYS) -> Path:
    """Draw a child's timeline to a PNG or SVG file without showing a window (command line).

    Makes the QApplication if there is none yet; without a display, set QT_QPA_PLATFORM to
    "offscreen" before calling.
    """
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["pace-desktop"])
    view = TimelineView(child, rules, as_of, due_soon_days)
    view.resize(int(width_px), view.preferred_height() + view.toolbar.sizeHint().height())
    view.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    view.show()
    view.plot.resize(int(width_px), view.preferred_height())
    view.fit()
    app.processEvents()
    try:
        if out.suffix.lower() == ".svg":
            return view.export_svg(out)
        return view.export_png(out, width_px)
    finally:
        view.close()
        view.deleteLater()


__all__ = ["DateAxis", "TimelineView", "render_timeline_image", "symbol_path"]
