"""Pictures of the journey timeline: the chart saved as PNG or SVG, and drawn to a file
without a window for the command line and the self-test.

Every picture is written to a hidden 0600 file beside its place and renamed only when whole
(`safe_files.writing`): pyqtgraph's exporter and QSvgGenerator report no write error, so a
full disk would otherwise leave a truncated picture that looks saved.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from pace_desktop.domain.records import Child
from pace_desktop.journey.clocks import DUE_SOON_DAYS
from pace_desktop.journey.rules import Rule
from pace_desktop.journey.timeline import Timeline, day_text
from pace_desktop.safe_files import check_picture, writing


def save_png(plot: Any, out: Path, width_px: int) -> Path:
    """The plot as it is now shown, `width_px` wide (height in proportion)."""
    from pyqtgraph.exporters import ImageExporter

    exporter = ImageExporter(plot.getPlotItem())
    exporter.parameters()["width"] = int(width_px)
    if int(exporter.parameters()["width"]) != int(width_px):
        raise ValueError(f"could not export at {width_px} pixels wide")
    with writing(out) as tmp:
        exporter.export(str(tmp))
        check_picture(tmp, out)
    return out


def save_svg(plot: Any, model: Timeline, out: Path) -> Path:
    """The plot as an SVG drawing. pyqtgraph's own SVGExporter fails on every plot with
    Qt 6.12 (it cannot parse the path data Qt now writes), so the chart is painted straight
    into a QSvgGenerator."""
    from PySide6.QtCore import QRect, QSize
    from PySide6.QtGui import QPainter
    from PySide6.QtSvg import QSvgGenerator

    size = plot.size()
    with writing(out) as tmp:
        generator = QSvgGenerator()
        generator.setFileName(str(tmp))
        generator.setSize(QSize(size.width(), size.height()))
        generator.setViewBox(QRect(0, 0, size.width(), size.height()))
        generator.setTitle(f"Journey timeline: {model.title}")
        generator.setDescription(f"As of {day_text(model.as_of)}")
        painter = QPainter(generator)
        try:
            plot.render(painter)
        finally:
            painter.end()
        del painter, generator  # the generator's file is closed only when it goes
        check_picture(tmp, out)
    return out


def render_timeline_image(child: Child, rules: Iterable[Rule], as_of: date | None, out: Path,
                          width_px: int, due_soon_days: int = DUE_SOON_DAYS) -> Path:
    """Draw a child's timeline to a PNG or SVG file without showing a window (command line).

    Makes the QApplication if there is none yet; without a display, set QT_QPA_PLATFORM to
    "offscreen" before calling.
    """
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["pace-desktop"])
    from pace_desktop.gui.timeline.timeline_view import TimelineView

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
