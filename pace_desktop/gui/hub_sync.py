"""File ▸ Sync with the team hub (Ctrl+Shift+S, and the Sync button in the status bar): the
laptop's store and the team hub brought together (pace_desktop/hub/laptop.py), on the store's
worker thread, with a progress bar child by child.

Beside the button, the time of the last sync and what it brought (from the store's audit
log at unlock, so it survives the session). Conflicts a sync finds go
in the store's conflicts table: the Conflicts view opens on them and the caseload marks the
children. A hub that cannot be reached is normal for a laptop (working offline): a plain
line says so, and nothing is lost; the changes go at the next sync.

Stopping: the progress window's "Stop syncing" button (or Escape, or its close box) asks the
sync to stop at the next safe point, between two children: the child in hand is finished on
both sides, nothing is half-applied, and the next sync completes the rest
(hub/laptop.py). The window closes at once; the button stays disabled until the worker has
stopped, and the label then says how far it got.

The password: libpq reads it from the worker's PGPASSFILE (~/.pgpass, readable by them alone),
as it does for `sync --hub` on the command line. When the hub asks for one and libpq found
none, the app asks in a password field (gui/hub_password.py) for this sync only: it goes to
that one connection and is never stored, logged or shown (README, "Team hub").

What cannot be done is said in one plain line, never a traceback: a hub that cannot be reached
is "working offline" (normal for a laptop); a login the hub refuses, a certificate that fails
the check and a hub whose schema is older or newer than this PACE Desktop's each say what to
put right, and are not called offline.
"""

from __future__ import annotations

import threading
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QToolButton,
)

from pace_desktop.domain.date_words import short_date
from pace_desktop.gui.hub_password import PasswordPrompt
from pace_desktop.gui.store_worker import StoreRunner
from pace_desktop.hub.connect import hub_place
from pace_desktop.hub.errors import HubError, HubPasswordNeeded, HubUnreachable
from pace_desktop.store import CaseStore

if TYPE_CHECKING:
    from pace_desktop.hub.laptop import SyncReport

SHORTCUT = "Ctrl+Shift+S"


def offline_message(url: str) -> str:
    return (f"Working offline: the hub at {hub_place(url)} could not be reached. Your changes are"
            " safe on this laptop and will go at the next sync.")


def brought(counts: dict[str, int]) -> str:
    """What a sync brought, in a few words ("2 new from the hub, 1 sent")."""
    parts = [(counts.get("pulled", 0), "new from the hub"),
             (counts.get("received", 0), "updated from the hub"),
             (counts.get("sent", 0), "sent"),
             (counts.get("conflicts", 0), "conflict to resolve"),
             (counts.get("problems", 0), "could not be synced")]
    words = [f"{n} {what}" if n == 1 or "conflict" not in what else f"{n} conflicts to resolve"
             for n, what in parts if n]
    return ", ".join(words) if words else "nothing new"


class _Progress(QObject):
    moved = Signal(int, int)


class HubSync(QObject):
    """The Sync action, its button and label. `conflicts_found` after a sync that recorded
    conflicts (the window reloads its conflict markers); every child a sync changed here
    reaches the views as the store's own change signal, like any other operation."""

    conflicts_found = Signal()

    def __init__(self, window: QMainWindow, runner: StoreRunner, hub_url: Any) -> None:
        super().__init__(window)
        self._window = window
        self._runner = runner
        self._hub_url = hub_url  # a callable: the address in Settings now
        self.running = False
        self.progress: QProgressDialog | None = None
        self.last_report: SyncReport | None = None
        self.problems_box: QMessageBox | None = None
        self.message = ""
        self.password_prompt: PasswordPrompt | None = None
        self._stop = threading.Event()
        self._signal = _Progress(self)
        self._signal.moved.connect(self._moved)
        self.action = QAction("S&ync with the team hub", window)
        self.action.setObjectName("hubSyncAction")
        self.action.setIconText("Sync")
        self.action.setShortcut(QKeySequence(SHORTCUT))
        self.action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.action.setToolTip(f"Send this laptop's changes to the team hub and bring the"
                               f" hub's here ({SHORTCUT})")
        self.action.triggered.connect(lambda _=False: self.sync_now())
        window.addAction(self.action)
        menu = window.findChild(QMenu, "fileMenu")
        before = window.findChild(QAction, "sendChildrenAction")
        if menu is not None:
            menu.insertAction(before, self.action)
        self.button = QToolButton()
        self.button.setObjectName("hubSyncButton")
        self.button.setDefaultAction(self.action)
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.label = QLabel("Not synced with the team hub yet")
        self.label.setObjectName("hubSyncLabel")
        # No accessible name: a name would be read instead of the words it shows.
        self.label.setAccessibleDescription("The last sync with the team hub")
        # A long "what it brought" is cut rather than widening the window past the screen
        # (the whole of it is in the tooltip and the status line).
        self.label.setMinimumWidth(self.label.fontMetrics().averageCharWidth() * 16)
        window.statusBar().addPermanentWidget(self.label)
        window.statusBar().addPermanentWidget(self.button)

    def show_last(self) -> None:
        """The last sync this store finished with the hub in Settings (from its audit log)."""
        url = str(self._hub_url() or "").strip()
        if not url:
            self.label.setText("No team hub set")
            return

        def job(store: CaseStore) -> tuple[str, dict[str, int]] | None:
            from pace_desktop.hub.laptop import last_sync

            return last_sync(store, url)

        self._runner.call(job, self._show_last, lambda exc: None, owner=self)

    def _show_last(self, last: tuple[str, dict[str, int]] | None) -> None:
        if self.running or self.last_report is not None:
            return  # a sync of this session says it better
        if last is None:
            self.label.setText("Not synced with the team hub yet")
            return
        when = datetime.fromisoformat(last[0]).astimezone()
        day = "today" if when.date() == datetime.now().date() else short_date(when.date())
        self.label.setText(f"Last synced {day} at {when:%H:%M}: {brought(last[1])}")
        self.label.setToolTip(self.label.text())

    def sync_now(self) -> None:
        if self.running or self.password_prompt is not None:
            return
        url = str(self._hub_url() or "").strip()
        if not url:
            self._say("No team hub address yet: set it in Edit ▸ Settings (Team hub address).")
            return
        self._start(url, None)

    def _start(self, url: str, password: str | None) -> None:
        self.running = True
        self.action.setEnabled(False)
        self._stop.clear()
        # The button made by the constructor, not one given with setCancelButton: with a
        # button of our own Qt's Escape no longer cancels (test_gui_hub_stop.py).
        progress = QProgressDialog("Syncing with the team hub…", "&Stop syncing", 0, 0,
                                   self._window)
        stop = progress.findChild(QPushButton)
        if stop is not None:
            stop.setObjectName("hubSyncStop")
            stop.setToolTip("Stop after the child in hand; the next sync does the rest")
        progress.setWindowTitle("Syncing")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setAccessibleName("Syncing with the team hub")
        # The button, Escape and the close box all say "stop".
        progress.canceled.connect(self.stop)
        self.progress = progress
        moved = self._signal.moved
        stopping = self._stop

        def job(store: CaseStore) -> SyncReport:
            from pace_desktop.hub.laptop import sync

            return sync(store, url, moved.emit, stopping.is_set, password)

        self._runner.call(job, lambda report: self._done(report),
                          lambda exc: self._failed(exc, url), owner=self)

    def stop(self) -> None:
        """Ask the running sync to stop at its next safe point (between two children)."""
        if not self.running or self._stop.is_set():
            return
        self._stop.set()
        self.label.setText("Stopping the sync…")
        self._say("Stopping the sync after the child in hand; the next sync does the rest.")

    def _moved(self, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress.setMaximum(total)
            self.progress.setValue(done)

    def _end(self) -> None:
        self.running = False
        self.action.setEnabled(True)
        if self.progress is not None:
            self.progress.canceled.disconnect(self.stop)
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def _done(self, report: SyncReport) -> None:
        self._end()
        self.last_report = report
        when = datetime.now()
        words = brought(report.counts())
        if report.stopped:
            self.label.setText(f"Sync stopped at {when:%H:%M} after {report.done} of"
                               f" {report.total} children: {words}")
            self.label.setToolTip(self.label.text())
            self._say(f"Sync stopped after {report.done} of {report.total} children ({words})."
                      " Nothing is half-done; the next sync does the rest.")
            if report.recorded:
                self.conflicts_found.emit()
            return
        self.label.setText(f"Synced at {when:%H:%M}: {words}")
        self.label.setToolTip("\n".join([self.label.text(), *report.problems]))
        self._say(f"Synced with the team hub: {words}.")
        if report.problems:  # each child that could not be synced, in a line of its own
            box = QMessageBox(QMessageBox.Icon.Information, "Some children were not synced",
                              "Everything else was synced. These were not:\n\n"
                              + "\n".join(report.problems),
                              QMessageBox.StandardButton.Close, self._window)
            box.setObjectName("hubSyncProblems")
            self.problems_box = box
            box.open()
        if report.audit_problems:  # the store was rolled back or rewritten since a sync
            box = QMessageBox(QMessageBox.Icon.Warning, "The audit log does not match the hub",
                              "The team hub witnessed this store's audit log at earlier syncs,"
                              " and the log no longer matches it:\n\n"
                              + "\n".join(report.audit_problems)
                              + "\n\nTell your manager; the hub keeps what it witnessed.",
                              QMessageBox.StandardButton.Close, self._window)
            box.setObjectName("hubAuditProblems")
            self.problems_box = box
            box.open()
        if report.recorded:
            self.conflicts_found.emit()
            sync_actions = getattr(self._window, "sync", None)
            if sync_actions is not None:
                sync_actions.show_conflicts()

    def _failed(self, exc: Exception, url: str) -> None:
        self._end()
        if isinstance(exc, HubPasswordNeeded):
            self._ask_password(url, str(exc))
        elif isinstance(exc, HubUnreachable):
            last = self.label.text().split(":")[0] if self.last_report else ""
            self.label.setText(f"Working offline{f' ({last.lower()})' if last else ''}")
            self.label.setToolTip(str(exc))
            self._say(offline_message(url))
        elif isinstance(exc, HubError):  # a login or certificate to put right, a refusal
            self.label.setText("Not synced")
            self.label.setToolTip(str(exc))
            self._say(f"The sync did not finish: {exc}")
        else:
            from pace_desktop.gui.unlock_window import plain_failure

            self._say(plain_failure(exc, "syncing with the team hub"))

    def _ask_password(self, url: str, why: str) -> None:
        prompt = PasswordPrompt(self._window, why)
        self.password_prompt = prompt

        def answered(password: str | None) -> None:
            self.password_prompt = None
            if password:
                self._start(url, password)
            else:
                self.label.setText("Not synced")
                self._say("Not synced: no password given. " + why)

        prompt.answered.connect(answered)
        prompt.open()

    def _say(self, text: str) -> None:
        self.message = text
        self._window.statusBar().showMessage(text)
