"""Keyboard moves (issue 11): Enter or Down in Find reaches the results, and Ctrl+Tab moves
through the record's tabs wherever the focus is in the record."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.gui_helpers import WAIT_MS, make_store, running_app, sample_children, unlock


def test_enter_and_down_in_find_go_to_the_results(qtbot: QtBot, tmp_path: Path) -> None:
    path = make_store(tmp_path / "caseload.pacestore", sample_children())
    with running_app(path, path) as app:
        window = unlock(qtbot, app)
        window.activateWindow()
        find = window.search_edit
        find.setFocus()
        qtbot.waitUntil(find.hasFocus, timeout=WAIT_MS)
        qtbot.keyClicks(find, "Callum")
        qtbot.keyClick(find, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: window.table.hasFocus(), timeout=WAIT_MS)
        assert window.shown_refs() == ["C-002"]
        assert window.table.currentIndex().row() == 0
        assert window.table.selectionModel().isRowSelected(0)

        find.setFocus()
        qtbot.waitUntil(find.hasFocus, timeout=WAIT_MS)
        qtbot.keyClick(find, Qt.Key.Key_Down)
        assert window.table.hasFocus()
        qtbot.keyClick(window.table, Qt.Key.Key_Return)  # and Enter there opens the child
        qtbot.waitUntil(lambda: window.record.ref == "C-002", timeout=WAIT_MS)


def test_ctrl_tab_moves_through_the_records_tabs(qtbot: QtBot, tmp_path: Path) -> None:
    path = make_store(tmp_path / "caseload.pacestore", sample_children())
    with running_app(path, path) as app:
        window = unlock(qtbot, app)
        window.activateWindow()
        window.open_child("C-001")
        record = window.record
        qtbot.waitUntil(lambda: record.view is not None, timeout=WAIT_MS)
        record.back_button.setFocus()  # outside the tabs themselves
        qtbot.waitUntil(record.back_button.hasFocus, timeout=WAIT_MS)
        start = record.tabs.currentIndex()
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab,
                       Qt.KeyboardModifier.ControlModifier)
        assert record.tabs.currentIndex() == start + 1
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab,
                       Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        assert record.tabs.currentIndex() == start
