"""Sync with the team hub in the real app, against the real PostgreSQL hub the tests start:
the address in Settings (checked, one line), Ctrl+Shift+S and the Sync button running the
sync on the store's worker, the last sync and what it brought beside the button, a conflict
opening the Conflicts view and resolved from the keyboard, the resolution reaching the other
laptop; and a hub that cannot be reached, said plainly, with the store untouched."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QToolButton
from pytestqt.qtbot import QtBot

from pace_desktop.gui.caseload_model import CONFLICT_MARK, NAME
from pace_desktop.gui.hub_sync import offline_message
from pace_desktop.gui.settings_dialog import SettingsDialog
from pace_desktop.gui.sync_dialogs import ConflictsDialog
from pace_desktop.hub import admin
from pace_desktop.hub.laptop import sync
from pace_desktop.settings import Settings
from pace_desktop.store import CaseStore
from tests.gui_helpers import (
    PASSPHRASE,
    WAIT_MS,
    make_store,
    running_app,
    sample_children,
    settle,
    type_into,
    unlock,
)

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _settings(tmp: Path, hub_url: str) -> Path:
    path = tmp / "settings.toml"
    path.write_text(tomli_w.dumps({"hub_url": hub_url}))
    return path


def _sync_done(qtbot: QtBot, window: Any) -> None:
    qtbot.waitUntil(lambda: not window.hub.running, timeout=WAIT_MS * 3)


def test_hub_address_in_settings_is_checked_in_one_line(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    dialog = SettingsDialog(Settings(), path)
    qtbot.addWidget(dialog)
    dialog.show()
    message = dialog.findChild(QLabel, "hubUrlMessage")
    for typed, says in (
            ("hub.example.gov.uk", "The hub address starts with postgresql://"),
            ("postgresql://ali:secret@hub.example.gov.uk/pace?sslmode=verify-full",
             "The hub address holds a password; PACE Desktop never keeps one."),
            ("postgresql://ali@hub.example.gov.uk/pace",
             "The hub address must ask for sslmode=verify-full")):
        type_into(qtbot, dialog.hub_url_edit, typed)
        dialog.save()
        assert message.isVisible() and message.text().startswith(says), message.text()
        assert "\n" not in message.text()
        assert dialog.isVisible() and not path.exists()  # nothing saved
    good = "postgresql://ali@hub.example.gov.uk/pace?sslmode=verify-full&sslrootcert=ca.crt"
    type_into(qtbot, dialog.hub_url_edit, good)
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS) as saved:
        dialog.save()
    assert saved.args[0].hub_url == good and good in path.read_text()


@pytest.fixture
def team(hub: Any) -> Any:
    with hub.admin() as conn:
        admin.add_worker(conn, "ali", "north", False)
        admin.add_worker(conn, "mo", "north", True)
    for login in ("ali", "mo"):
        hub.password(login)  # in the PGPASSFILE the hub fixture set: never in the app
    return hub


def test_sync_pulls_finds_a_conflict_and_sends_its_resolution(qtbot: QtBot, tmp_path: Path,
                                                              team: Any) -> None:
    ali_path = make_store(tmp_path / "ali.pacestore", sample_children()[:1])
    with CaseStore.open(ali_path, PASSPHRASE) as ali:
        assert sync(ali, team.url("ali")).sent_new == ["C-001"]
    mo_path = make_store(tmp_path / "mo.pacestore")
    settings = _settings(tmp_path, team.url("mo"))
    with running_app(mo_path, mo_path, settings_path=settings) as app:
        window = unlock(qtbot, app)
        assert window.model.rowCount() == 0
        label = window.findChild(QLabel, "hubSyncLabel")
        assert label.text() == "Not synced with the team hub yet"
        qtbot.keyClick(window, Qt.Key.Key_S, CTRL_SHIFT)  # the first sync: the caseload
        assert window.hub.running and window.hub.progress is not None  # on the worker
        assert not window.hub.action.isEnabled()  # one sync at a time
        _sync_done(qtbot, window)
        assert window.hub.last_report.pulled == ["C-001"]
        assert label.text().startswith("Synced at ") and label.text().endswith(
            ": 1 new from the hub")
        qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=WAIT_MS)

        # The same field changed on both laptops: the sync finds a conflict.
        with CaseStore.open(ali_path, PASSPHRASE) as ali:
            ali.save_child_details(replace(ali.child("C-001"), known_as="Ally"))
            sync(ali, team.url("ali"))
        saved: list[Any] = []
        app.runner.call(lambda s: s.save_child_details(replace(s.child("C-001"),
                                                                known_as="Ailie")),
                        saved.append)
        qtbot.waitUntil(lambda: bool(saved), timeout=WAIT_MS)
        window.findChild(QToolButton, "hubSyncButton").click()  # the Sync button
        _sync_done(qtbot, window)
        assert "1 conflict to resolve" in label.text()
        qtbot.waitUntil(lambda: isinstance(window.sync.dialog, ConflictsDialog),
                        timeout=WAIT_MS)
        dialog = window.sync.dialog
        qtbot.waitUntil(lambda: dialog.list.count() == 1, timeout=WAIT_MS)
        assert dialog.mine.text().startswith("Ailie")
        assert dialog.theirs.text().startswith("Ally")
        qtbot.waitUntil(lambda: CONFLICT_MARK in (window.model.index(0, NAME).data() or ""),
                        timeout=WAIT_MS)
        qtbot.keyClick(dialog, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)  # Keep theirs
        qtbot.waitUntil(lambda: dialog.message.text() == "No conflicts to resolve.",
                        timeout=WAIT_MS)
        dialog.close()
        settle(qtbot, app)
        # The resolution is a change like any other: the next sync sends it.
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)
        before = window.hub.last_report
        qtbot.keyClick(window, Qt.Key.Key_S, CTRL_SHIFT)
        _sync_done(qtbot, window)
        assert window.hub.last_report is not before
        assert window.hub.last_report.sent == ["C-001"]
        assert label.text().endswith(": 1 sent")
        settle(qtbot, app)
    with running_app(mo_path, mo_path, settings_path=settings) as app:
        window = unlock(qtbot, app)  # the next session: when it last synced, from the store
        label = window.findChild(QLabel, "hubSyncLabel")
        qtbot.waitUntil(lambda: label.text().startswith("Last synced today at "),
                        timeout=WAIT_MS)
        assert label.text().endswith(": 1 sent")
        settle(qtbot, app)
    with CaseStore.open(mo_path, PASSPHRASE) as mo:
        assert mo.child("C-001").known_as == "Ally" and mo.conflicts() == []
    with CaseStore.open(ali_path, PASSPHRASE) as ali:
        sync(ali, team.url("ali"))
        assert ali.child("C-001").known_as == "Ally"


def test_an_unreachable_hub_is_working_offline(qtbot: QtBot, tmp_path: Path) -> None:
    path = make_store(tmp_path / "caseload.pacestore", sample_children())
    url = "postgresql://ali@/pace?host=/nonexistent-dir"
    settings = _settings(tmp_path, url)
    with running_app(path, path, settings_path=settings) as app:
        window = unlock(qtbot, app)
        settle(qtbot, app)
        before = path.read_bytes()
        qtbot.keyClick(window, Qt.Key.Key_S, CTRL_SHIFT)
        assert window.hub.running
        _sync_done(qtbot, window)
        assert window.hub.message == offline_message(url) == (
            "Working offline: the hub at this laptop/pace could not be reached. Your changes"
            " are safe on this laptop and will go at the next sync.")
        assert window.statusBar().currentMessage() == window.hub.message
        assert window.findChild(QLabel, "hubSyncLabel").text() == "Working offline"
        assert window.hub.action.isEnabled()  # ready to try again
        settle(qtbot, app)
        assert path.read_bytes() == before  # nothing written


def test_no_hub_address_says_where_to_set_it(qtbot: QtBot, tmp_path: Path) -> None:
    path = make_store(tmp_path / "caseload.pacestore", sample_children())
    with running_app(path, path) as app:
        window = unlock(qtbot, app)
        window.hub.action.trigger()
        assert window.hub.message == ("No team hub address yet: set it in Edit ▸ Settings"
                                      " (Team hub address).")
        assert not window.hub.running


def test_ctrl_shift_s_is_sync_everywhere_even_in_the_timeline(qtbot: QtBot,
                                                             tmp_path: Path) -> None:
    """The timeline's own keys must not take Ctrl+Shift+S (an ambiguous shortcut does
    nothing at all): its picture is Ctrl+Shift+P."""
    path = make_store(tmp_path / "caseload.pacestore", sample_children())
    with running_app(path, path) as app:
        window = unlock(qtbot, app)
        window.open_child("C-001")
        record = window.record
        record.tabs.setCurrentWidget(record.timeline)
        qtbot.waitUntil(lambda: record.timeline.view is not None, timeout=WAIT_MS)
        view = record.timeline.view
        assert view.png_action.shortcut().toString() == "Ctrl+Shift+P"
        bound = [a.text() for a in window.findChildren(QAction)
                 if any(k.toString() == "Ctrl+Shift+S" for k in a.shortcuts())]
        assert bound == ["S&ync with the team hub"], bound
        view.plot.setFocus()
        qtbot.waitUntil(lambda: view.plot.hasFocus(), timeout=WAIT_MS)
        qtbot.keyClick(view.plot, Qt.Key.Key_S, CTRL_SHIFT)
        assert window.hub.message.startswith("No team hub address yet")
        settle(qtbot, app)


def test_a_child_that_cannot_sync_is_named_and_the_rest_arrive(qtbot: QtBot, tmp_path: Path,
                                                               team: Any) -> None:
    ali_path = make_store(tmp_path / "ali.pacestore", sample_children()[:2])
    with CaseStore.open(ali_path, PASSPHRASE) as ali:
        sync(ali, team.url("ali"))
    # C-001 typed in again on Mo's laptop: a record of its own, not the hub's C-001
    mo_path = make_store(tmp_path / "mo.pacestore", sample_children()[:1])
    with running_app(mo_path, mo_path, settings_path=_settings(tmp_path, team.url("mo"))
                     ) as app:
        window = unlock(qtbot, app)
        window.hub.action.trigger()
        _sync_done(qtbot, window)
        qtbot.waitUntil(lambda: window.hub.problems_box is not None, timeout=WAIT_MS)
        text = window.hub.problems_box.text()
        assert "C-001: the hub has a different child record with this reference" in text
        label = window.findChild(QLabel, "hubSyncLabel")
        assert label.text().endswith(": 1 new from the hub, 1 could not be synced")
        qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=WAIT_MS)
        window.hub.problems_box.close()
        settle(qtbot, app)
