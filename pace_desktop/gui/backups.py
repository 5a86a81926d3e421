"""Rolling encrypted backups while the store is open: one on unlock, then after every few
changes or minutes of work, the newest five kept (store.backup.KEEP). The copies are made by
the store on its worker; this only decides when, and says when the last one was made."""

from __future__ import annotations

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

    def __init__(self, runner: StoreRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self.every_changes = EVERY_CHANGES
        self.every_minutes = EVERY_MINUTES
        self.last: datetime | None = None
        self._timer = QTimer(self, interval=CHECK_MS)
        self._timer.timeout.connect(self.check_now)

    def start(self) -> None:
        """On unlock: a backup in a moment, then the regular checks."""
        QTimer.singleShot(UNLOCK_DELAY_MS, self, self._unlock_backup)
        self._timer.start()

    def _unlock_backup(self) -> None:
        if self._timer.isActive():  # not stopped (locked) meanwhile
            self._runner.call(lambda store: store.auto_backup("unlock"), self._made,
                              self._failed)

    def stop(self) -> None:
        self._timer.stop()

    def check_now(self) -> None:
        """Make a backup if enough has changed since the last one."""
        changes, minutes = self.every_changes, self.every_minutes
        self._runner.call(lambda store: store.auto_backup_if_due(changes, minutes),
                          self._made, self._failed)

    def _made(self, path: Path | None) -> None:
        if path is None:
            return
        self.last = datetime.now().astimezone()
        self.made.emit(path, self.last)

    def _failed(self, exc: Exception) -> None:
        self.failed.emit(f"The automatic backup could not be written ({exc}). Your work is "
                         "still saved in the store; try File ▸ Backup… to write one elsewhere.")
