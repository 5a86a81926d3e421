"""Automatic backups in the running app (issue 11, defect 6): one on unlock, another after a
few changes, the newest five kept, the time of the last one shown; and when the store is
damaged, the message offers a backup that really opens."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from pace_desktop.domain import Event
from pace_desktop.store import CaseStore
from pace_desktop.store.backup import KEEP, backups_of
from tests.gui_helpers import (
    PASSPHRASE,
    WAIT_MS,
    make_store,
    running_app,
    sample_children,
    settle,
    unlock,
)


def flip(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0xFF
    path.write_bytes(bytes(data))


def test_unlocking_makes_a_backup_and_says_when(qtbot: QtBot, tmp_path: Path) -> None:
    path = make_store(tmp_path / "caseload.pacestore", sample_children())
    assert backups_of(path) == []
    with running_app(path, path) as app:
        window = unlock(qtbot, app)
        qtbot.waitUntil(lambda: len(backups_of(path)) == 1, timeout=WAIT_MS)
        qtbot.waitUntil(lambda: window.backup_label.text().startswith("Backed up at "),
                        timeout=WAIT_MS)
        with CaseStore.open(backups_of(path)[0], PASSPHRASE) as copy:  # a real, keyed copy
            assert {c.ref for c in copy.caseload()} == {"C-001", "C-002", "C-003"}


def test_every_few_changes_a_new_backup_and_only_five_are_kept(qtbot: QtBot,
                                                               tmp_path: Path) -> None:
    path = make_store(tmp_path / "caseload.pacestore", sample_children())
    with running_app(path, path) as app:
        window = unlock(qtbot, app)
        qtbot.waitUntil(lambda: len(backups_of(path)) == 1, timeout=WAIT_MS)
        window.backups.every_changes = 2
        window.open_child("C-001")
        qtbot.waitUntil(lambda: window.record.view is not None, timeout=WAIT_MS)
        for n in range(12):
            app.runner.call(lambda s, n=n: s.add_event("C-001", Event(date(2025, 1, 1 + n),
                                                                       f"Visit {n}")))
            settle(qtbot, app)
            window.record.changed.emit("C-001")  # what every dialog's save does
            settle(qtbot, app)
            # the copy runs beside the worker; changes made meanwhile go in the next one
            qtbot.waitUntil(lambda: not window.backups.copying, timeout=WAIT_MS)
        qtbot.waitUntil(lambda: len(backups_of(path)) == KEEP, timeout=WAIT_MS)
        newest = backups_of(path)[-1]
    with CaseStore.open(newest, PASSPHRASE) as copy:
        titles = {e.title for e in copy.child("C-001").events}
    assert "Visit 11" in titles  # the newest copy holds the latest changes


def test_the_damaged_store_message_offers_a_backup_that_opens(qtbot: QtBot,
                                                              tmp_path: Path) -> None:
    path = make_store(tmp_path / "caseload.pacestore", sample_children())
    with running_app(path, path) as app:
        unlock(qtbot, app)
        qtbot.waitUntil(lambda: len(backups_of(path)) == 1, timeout=WAIT_MS)
        app.lock()
        settle(qtbot, app)
        flip(path, 100)  # page 1 after the salt: SQLCipher cannot read the store now
        window = app.unlock_window
        qtbot.keyClicks(window.passphrase_edit, PASSPHRASE)
        qtbot.keyClick(window.passphrase_edit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: "damaged" in window.unlock_message.text(), timeout=WAIT_MS)
        offered = backups_of(path)[-1]
        assert str(offered) in window.unlock_message.text()
    with CaseStore.open(offered, PASSPHRASE) as copy:
        assert len(copy.caseload()) == 3


def test_a_backup_being_copied_never_holds_the_stores_operations(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The copy goes through a connection of its own: while it is held part-way, a search
    and a saved change are answered; then it finishes, whole, without the later change."""
    import threading

    from pace_desktop.store import backup

    release, started = threading.Event(), threading.Event()
    real = backup.export_from_file

    def held(store: Path, key: bytes, out: Path) -> None:
        started.set()
        assert release.wait(60)  # the copy is held until the test has been answered
        real(store, key, out)

    monkeypatch.setattr(backup, "export_from_file", held)
    path = make_store(tmp_path / "caseload.pacestore", sample_children())
    with running_app(path, path) as app:
        window = unlock(qtbot, app)
        qtbot.waitUntil(started.is_set, timeout=WAIT_MS)
        assert window.backups.copying
        answers: list[object] = []
        app.runner.call(lambda s: s.search("C-00"), answers.append)
        app.runner.call(lambda s: s.add_event("C-001", Event(date(2025, 3, 3), "While copying")),
                        answers.append)
        qtbot.waitUntil(lambda: len(answers) == 2, timeout=WAIT_MS)
        assert window.backups.copying and backups_of(path) == []  # answered during the copy
        release.set()
        qtbot.waitUntil(lambda: len(backups_of(path)) == 1 and not window.backups.copying,
                        timeout=WAIT_MS)
        qtbot.waitUntil(lambda: window.backup_label.text().startswith("Backed up at "),
                        timeout=WAIT_MS)
    with CaseStore.open(backups_of(path)[0], PASSPHRASE) as copy:
        assert copy.check() == []
        assert {c.ref for c in copy.caseload()} == {"C-001", "C-002", "C-003"}
