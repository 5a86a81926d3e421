"""The journey timeline widget: a pyqtgraph drawing of `pace_desktop.journey.timeline`.

How to use it (the child record adds it as a tab; import this module only when the tab is
first opened, since it imports pyqtgraph, which costs about 630 ms)::

    from pace_desktop.gui.timeline.timeline_view import TimelineView

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
the labels inside the view that do not overlap (`chart_labels`); and the as-of line. The
shapes come from `chart_marks`, the date axis from `date_axis`, the key from `legend`.
pyqtgraph kills the process if paint code raises, so the one custom `paint` catches
everything.

Keys (when the chart has focus): + and − zoom, ← and → pan, F fits the whole journey.
Anywhere in the view: Ctrl+0 fits, Ctrl++ and Ctrl+− zoom, Ctrl+T goes back to today,
Ctrl+Shift+P saves a picture and Ctrl+Shift+G an SVG drawing; every toolbar button takes
keyboard focus. Below the chart the same journey is listed in words (`journey_list`), in
date order: the text alternative for a screen reader, and the keyboard's way to an item's
detail (choosing a row shows it) and to its record (Enter).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QDate, QEvent, QObject, QPointF, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QKeyEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QSplitter,
    QToolBar,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from pace_desktop.domain.records import Child
from pace_desktop.gui.timeline.chart_labels import ChartLabels
from pace_desktop.gui.timeline.chart_marks import draw_marks, symbol_path
from pace_desktop.gui.timeline.date_axis import DateAxis
from pace_desktop.gui.timeline.day_box import DayBox
from pace_desktop.gui.timeline.journey_list import chart_words, journey_rows
from pace_desktop.gui.timeline.legend import legend_html
from pace_desktop.gui.timeline.timeline_pictures import (
    render_timeline_image,
    save_png,
    save_svg,
)
from pace_desktop.journey.clocks import DUE_SOON_DAYS
from pace_desktop.journey.rules import Rule
from pace_desktop.journey.timeline import (
    PALETTE,
    SHAPES,
    HitIndex,
    Timeline,
    build_timeline,
)
from pace_desktop.safe_files import WriteFailed

ROW_PX = 46  # a comfortable lane height, used for the preferred and exported heights
AXES_PX = 70
HOVER_PX = 7  # how near the pointer must be to a marker, in screen pixels


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
    save_failed = Signal(str)  # a picture not saved: the plain reason (also shown in a box)

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
        self._labels = ChartLabels()
        self.vb.addItem(self._labels)

        self.detail = QLabel()
        self.detail.setObjectName("timelineDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # No accessible name: the key is heard as its words (a name would be read instead).
        legend = QLabel(legend_html())
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
        return save_png(self.plot, Path(path), width_px)

    def export_svg(self, path: str | Path) -> Path:
        """Save the chart as it is now shown as an SVG drawing (vector shapes, real text)."""
        return save_svg(self.plot, self.model, Path(path))

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
            self._saved(lambda: self.export_png(
                path if path.lower().endswith(".png") else path + ".png",
                max(1600, self.plot.width())))

    def _ask_svg(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Save the timeline as a drawing",
                                              f"timeline-{self._child.ref}.svg", "SVG (*.svg)")
        if path:
            self._saved(lambda: self.export_svg(
                path if path.lower().endswith(".svg") else path + ".svg"))

    def _saved(self, save: Callable[[], Path]) -> None:
        """Save, and say plainly why not if it fails (a full disk, a read-only folder)."""
        try:
            save()
        except WriteFailed as exc:
            self.save_failed.emit(str(exc))
            box = QMessageBox(QMessageBox.Icon.Warning, "The timeline was not saved", str(exc),
                              QMessageBox.StandardButton.Close, self)
            box.setObjectName("timelineSaveFailed")
            box.open()

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
        draw_marks(model, self._bars, self._scatters)

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



__all__ = ["DateAxis", "TimelineView", "render_timeline_image", "symbol_path"]
