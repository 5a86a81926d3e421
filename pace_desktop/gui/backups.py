"""Rolling encrypted backups while the store is open: one on unlock, then after every few
changes or minutes of work, the newest five kept (store.backup.KEEP). This decides when, and
says when the last one was made.

The store's worker only chooses the file (`store.backup_job`); the copy itself is made on a
thread of its own through a connection of its own (store/backup.py), so a search or a save
asked for meanwhile is answered at once rather than after the seconds a big store's copy
takes. One backup at a time; a lock while one is being made lets it finish (the copy's own
connection holds the key until then, and is closed with it)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from pace_desktop.gui.store_worker import StoreRunner

EVERY_CHANGES = 25  # saved changes between two backups
EVERY_MINUTES = 10.0  # minutes of work (with something changed) between two backups
CHECK_MS = 30_000  # how often to ask whether one is due
# The unlock backup waits a moment: keying the copy costs a key derivation (~0.2 s) on the
# worker, and the caseload and the record the person asked for come first.
UNLOCK_DELAY_MS = 2_000


class BackupKeeper(QObject):
    """`made(path, when)` after each backup; `failed(str)` with plain words if one fails."""

    made = Signal(Path, datetime)
    failed = Signal(str)
    _finished = Signal(object, object)  # from the copying thread: the path, or the error

    def __init__(self, runner: StoreRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self.every_changes = EVERY_CHANGES
        self.every_minutes = EVERY_MINUTES
        self.last: datetime | None = None
        self._timer = QTimer(self, interval=CHECK_MS)
        self._timer.timeout.connect(self.check_now)
        self.copying = False
        self._asked = False
        self._finished.connect(self._copied)

    def start(self) -> None:
        """On unlock: a backup in a moment, then the regular checks."""
        QTimer.singleShot(UNLOCK_DELAY_MS, self, self._unlock_backup)
        self._timer.start()

    def _unlock_backup(self) -> None:
        if self._timer.isActive() and not self.copying:  # not stopped (locked) meanwhile
            self._runner.call(lambda store: store.backup_job("unlock"), self._copy,
                              self._failed)

    def stop(self) -> None:
        self._timer.stop()

    def check_now(self) -> None:
        """Make a backup if enough has changed since the last one."""
        if self.copying:
            self._asked = True  # asked again once the copy is done
            return
        changes, minutes = self.every_changes, self.every_minutes
        self._runner.call(lambda store: store.backup_job_if_due(changes, minutes),
                          self._copy, self._failed)

    def _copy(self, job: Callable[[], Path] | None) -> None:
        """The copy, on a thread of its own; the answer comes back to this thread."""
        if job is None:
            return
        self.copying = True

        def run() -> None:
            try:
                self._finished.emit(job(), None)
            except Exception as exc:  # noqa: BLE001 - told plainly in the status bar
                self._finished.emit(None, exc)

        threading.Thread(target=run, name="pace-backup", daemon=True).start()

    def _copied(self, path: Path | None, exc: Exception | None) -> None:
        self.copying = False
        if exc is not None:
            self._failed(exc)
        else:
            self._made(path)
        if self._asked and self._timer.isActive():
            self._asked = False
            self.check_now()

    def _made(self, path: Path | None) -> None:
        if path is None:
            return
        self.last = datetime.now().astimezone()
        self.made.emit(path, self.last)

    def _failed(self, exc: Exception) -> None:
        self.failed.emit(f"The automatic backup could not be written ({exc}). Your work is "
                         "still saved in the store; try File ▸ Backup… to write one elsewhere.")
