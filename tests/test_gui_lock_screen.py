"""Locking and the start screen (issue 11): the lock screen says "Locked" and which store and
offers only to unlock it; the demo can be opened on any launch, not only the first; and a
meeting window open when the app locked is open again, with its typing, after unlocking."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from pace_desktop.domain import Child, LivingEpisode
from pace_desktop.gui.child.record import MEETINGS
from tests.gui_helpers import WAIT_MS, make_store, running_app, sample_children, settle, unlock
from tests.test_gui_meeting_form import line


def test_the_lock_screen_says_locked_and_offers_only_to_unlock(qtbot: QtBot,
                                                              tmp_path: Path) -> None:
    path = make_store(tmp_path / "caseload.pacestore", sample_children())
    with running_app(path, path, demo=True) as app:
        start = app.unlock_window
        assert start.create_mode_button.isVisible() and start.demo_mode_button.isVisible()
        unlock(qtbot, app)
        app.lock()
        qtbot.waitUntil(lambda: app.main_window is None, timeout=WAIT_MS)
        assert start.windowTitle() == "Locked – PACE Desktop"
        assert start.unlock_heading.text() == "Locked: caseload.pacestore"
        assert start.path_edit.text() == str(path)
        assert not start.create_mode_button.isVisible()
        assert not start.demo_mode_button.isVisible()
        unlock(qtbot, app)
        settle(qtbot, app)


def test_the_demo_can_be_opened_after_the_first_launch(qtbot: QtBot, tmp_path: Path) -> None:
    path = make_store(tmp_path / "caseload.pacestore", sample_children())
    with running_app(path, path, demo=True) as app:  # a store exists: not the first launch
        button = app.unlock_window.demo_mode_button
        assert button.isVisible()
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: app.main_window is not None, timeout=WAIT_MS)
        assert app._store_path is not None and app._store_path.name == "demo.pacestore"
        settle(qtbot, app)


def test_an_open_meeting_window_comes_back_after_unlocking(qtbot: QtBot,
                                                           tmp_path: Path) -> None:
    child = Child(ref="C-400", given_name="Catriona", family_name="Bain",
                  date_of_birth=date(2018, 5, 5),
                  living=(LivingEpisode("foster", date.today() - timedelta(days=60)),))
    path = make_store(tmp_path / "caseload.pacestore", [child])
    with running_app(path, path) as app:
        window = unlock(qtbot, app)
        window.open_child("C-400", MEETINGS)
        record = window.record
        qtbot.waitUntil(lambda: record.view is not None, timeout=WAIT_MS)
        combo = record.meeting_kind
        assert isinstance(combo, QComboBox)
        combo.setCurrentIndex(combo.findData("lac_review"))
        record.record_meeting()
        qtbot.waitUntil(lambda: bool(record.editors)
                        and record.editors[0].form_view is not None, timeout=WAIT_MS)
        qtbot.keyClicks(line(record.editors[0], "field_chair"), "Ewan Rendall")
        app.lock()
        qtbot.waitUntil(lambda: app.main_window is None, timeout=WAIT_MS)
        settle(qtbot, app)

        again = unlock(qtbot, app)
        qtbot.waitUntil(lambda: bool(again.record.editors), timeout=WAIT_MS)
        editor = again.record.editors[0]
        qtbot.waitUntil(lambda: editor.form_view is not None, timeout=WAIT_MS)
        assert editor.isVisible() and editor.kind == "lac_review"
        assert line(editor, "field_chair").text() == "Ewan Rendall"
        settle(qtbot, app)
