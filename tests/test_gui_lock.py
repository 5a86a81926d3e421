"""Locking: after the idle time and on Ctrl+L; the screen is cleared, the key dropped, and
unlocking returns to the same child record and tab."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from pace_desktop.gui.child.record import CHRONOLOGY, LEGAL
from pace_desktop.gui.unlock_window import Page
from pace_desktop.settings import Settings, load_settings, save_settings
from tests.gui_helpers import WAIT_MS, make_store, running_app, sample_children, settle, unlock


def test_idle_time_locks_and_unlocking_returns_to_the_same_place(
        qtbot: QtBot, tmp_path: Path) -> None:
    path = make_store(tmp_path / "caseload.pacestore", sample_children())
    settings_file = tmp_path / "settings" / "settings.toml"
    save_settings(Settings(idle_lock_minutes=1, due_soon_days=60), settings_file)
    # The settings hold whole minutes; the test asks for one second.
    with running_app(path, path, settings_path=settings_file, idle_seconds=1.0) as app:
        assert app.settings.due_soon_days == 60  # read from the tmp settings file
        window = unlock(qtbot, app)
        window.open_child("C-001", CHRONOLOGY)
        qtbot.waitUntil(lambda: window.record.current_tab == CHRONOLOGY
                        and window.record.view is not None, timeout=WAIT_MS)
        assert app.idle_lock.running
        qtbot.waitUntil(lambda: app.main_window is None, timeout=5_000)

        assert app.unlock_window.isVisible()
        assert app.unlock_window.page == Page.UNLOCK
        assert window.model.rowCount() == 0 and window.due_model.rowCount() == 0
        assert window.record.view is None and window.record.chronology.model.rowCount() == 0
        settle(qtbot, app)
        assert not app.runner._holder.is_open  # the store is closed, its key dropped
        assert not app.idle_lock.running

        again = unlock(qtbot, app)
        qtbot.waitUntil(lambda: again.record.view is not None, timeout=WAIT_MS)
        assert again.record.ref == "C-001"
        assert again.record.current_tab == CHRONOLOGY
        assert again.record.chronology.model.rowCount() == 1


def test_activity_keeps_the_store_open(qtbot: QtBot, tmp_path: Path) -> None:
    path = make_store(tmp_path / "caseload.pacestore", sample_children())
    with running_app(path, path, idle_seconds=0.6) as app:
        window = unlock(qtbot, app)
        for _ in range(6):  # typing for longer than the idle time
            qtbot.keyClick(window.search_edit, Qt.Key.Key_A)
            qtbot.wait(200)
        assert app.main_window is window


def test_ctrl_l_locks_from_a_child_record(qtbot: QtBot, tmp_path: Path) -> None:
    path = make_store(tmp_path / "caseload.pacestore", sample_children())
    with running_app(path, path) as app:
        window = unlock(qtbot, app)
        window.open_child("C-002", LEGAL)
        qtbot.waitUntil(lambda: window.record.view is not None, timeout=WAIT_MS)
        qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
        assert app.main_window is None
        again = unlock(qtbot, app)
        qtbot.waitUntil(lambda: again.record.view is not None, timeout=WAIT_MS)
        assert (again.record.ref, again.record.current_tab) == ("C-002", LEGAL)
    assert load_settings(tmp_path / "settings.toml") == Settings()  # nothing written
