"""Windows fit the screen (issue 11, defect 7): on a 1400×900 screen, at scale 1 and at
QT_SCALE_FACTOR=1.5 (933×600 for Qt), the unlock window, the main window with a child's
record, and a meeting window open inside the available area, their menu bar and Find box
on screen. Each scale runs in its own process, on an offscreen screen of that size."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox, QWidget
from pytestqt.qtbot import QtBot

from pace_desktop.gui.filters import WIDEST_KEPT
from tests.gui_helpers import WAIT_MS, make_store, running_app, sample_children, unlock

INNER = "PACE_SCREEN_FIT_INNER"
SCREEN = {"screens": [{"name": "Laptop", "x": 0, "y": 0, "width": 1400, "height": 900,
                       "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}


@pytest.mark.parametrize("scale", ["1", "1.5"])
def test_windows_fit_a_1400x900_screen(tmp_path: Path, scale: str) -> None:
    config = tmp_path / "screen.json"
    config.write_text(json.dumps(SCREEN), encoding="utf-8")
    env = {**os.environ, INNER: "1", "QT_SCALE_FACTOR": scale,
           "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-k", "inside",
         str(Path(__file__)), "--basetemp", str(tmp_path / "inner")],
        env=env, capture_output=True, text=True, timeout=300, check=False)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    assert "1 passed" in run.stdout


def _inside(window: QWidget, room: QRect) -> None:
    frame = window.frameGeometry()
    assert room.contains(frame), (window.windowTitle(), frame, room)


def _shows_its_choice(box: QComboBox) -> None:
    """The box's text field is as wide as its chosen text (at most WIDEST_KEPT letters)."""
    option = QStyleOptionComboBox()
    box.initStyleOption(option)
    field = box.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                       QStyle.SubControl.SC_ComboBoxEditField, box)
    metrics = box.fontMetrics()
    wanted = min(metrics.horizontalAdvance(box.currentText()),
                 metrics.averageCharWidth() * WIDEST_KEPT)
    assert field.width() >= wanted, (box.objectName(), box.currentText(), field.width(), wanted)


@pytest.mark.skipif(not os.environ.get(INNER), reason="runs in its own process, per scale")
def test_inside(qtbot: QtBot, tmp_path: Path) -> None:
    screen = QGuiApplication.primaryScreen()
    room = screen.availableGeometry()
    expected = 1400 / float(os.environ.get("QT_SCALE_FACTOR", "1"))
    assert abs(room.width() - expected) < 2  # the configured screen is in use
    path = make_store(tmp_path / "caseload.pacestore", sample_children())
    with running_app(path, path) as app:
        _inside(app.unlock_window, room)
        window = unlock(qtbot, app)
        _inside(window, room)
        assert room.contains(window.search_edit.mapToGlobal(window.search_edit.rect().center()))
        for box in window.filter_boxes:  # "Any worker" was cut to "Any work" at 1.5
            _shows_its_choice(box)
        legal = window.legal_filter  # the longest choice, chosen: still on the screen
        longest = max(range(legal.count()), key=lambda i: len(legal.itemText(i)))
        legal.setCurrentIndex(longest)
        qtbot.waitUntil(lambda: not app.runner.busy, timeout=WAIT_MS)
        _inside(window, room)
        _shows_its_choice(window.worker_filter)
        legal.setCurrentIndex(0)
        window.open_child("C-001")
        record = window.record
        qtbot.waitUntil(lambda: record.view is not None, timeout=WAIT_MS)
        _inside(window, room)
        combo = record.meeting_kind
        assert isinstance(combo, QComboBox)
        combo.setCurrentIndex(combo.findData("lac_review"))
        qtbot.keyClick(record, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: bool(record.editors), timeout=WAIT_MS)
        _inside(record.editors[-1], room)
