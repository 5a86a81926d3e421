"""File ▸ Check the store… and File ▸ Check against the team hub…: the command line's `check`
and `check --hub URL` in the app, run on the store's worker, the answer in one plain box
(Close, Escape or its close box).

*Check the store* is the store's own check (encryption, database, audit chain, every record
against its seal, the witness beside the store). *Check against the team hub* does that and
also compares the audit log with every head the hub in Settings witnessed at this laptop's
syncs (hub/witness.py): what shows entries removed from the end, or an older copy of the
store put in its place, even when the witness beside the store was forged too. The hub's
password comes from the worker's PGPASSFILE as for a sync; when libpq finds none, it is asked
for in the sync's own password field (gui/hub_password.py), for this check only, never kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox

from pace_desktop.gui.hub_password import PasswordPrompt
from pace_desktop.gui.store_worker import StoreRunner
from pace_desktop.hub.errors import HubError, HubPasswordNeeded
from pace_desktop.store import CaseStore

NO_HUB = "No team hub address yet: set it in Edit ▸ Settings (Team hub address)."


@dataclass
class Found:
    """What a check found: the store's problems and notes, and what the hub added."""

    problems: list[str]
    notes: list[str]
    children: int
    hub_words: str = ""  # "; the log also matches what the hub … witnessed …"
    hub_failed: str = ""  # why the hub could not be asked (the store's own check still ran)
    hub_notes: list[str] = field(default_factory=list)


def _store_check(store: CaseStore) -> Found:
    problems = store.check()
    return Found(problems, list(store.notes), store.count_children())


def _hub_check(store: CaseStore, url: str, password: str | None) -> Found:
    from pace_desktop.hub.witness import check_against

    found = _store_check(store)
    try:
        compared, found.hub_words = check_against(store, url, password)
    except HubPasswordNeeded:
        raise  # asked for, then the whole check again
    except HubError as exc:
        found.hub_failed = str(exc)
        return found
    found.problems += compared.problems
    found.hub_notes = compared.notes
    return found


def words(found: Found) -> tuple[bool, str]:
    """Whether all is well, and the box's text (the command line's sentences)."""
    notes = [f"Note: {n}" for n in (*found.notes, *found.hub_notes)]
    notes = ["", *notes] if notes else []  # a blank line before them
    if found.problems:
        lines = [f"The store has {len(found.problems)} problem(s):",
                 *(f"• {p}" for p in found.problems)]
        if found.hub_failed:
            lines.append(f"{found.hub_failed} The audit log was not compared with the hub's"
                         " witness.")
        return False, "\n".join([*lines, *notes])
    if found.hub_failed:
        return False, "\n".join([f"{found.hub_failed} The audit log was not compared with the"
                                 " hub's witness; the store's own check found it sound.", *notes])
    children = "1 child" if found.children == 1 else f"{found.children:,} children"
    return True, "\n".join([
        f"The store is sound: encryption, database and audit log checked ({children},"
        " each matching its last audit entry; the log's end matches its witness"
        f"{found.hub_words}).", *notes])


class StoreCheck(QObject):
    """The two actions, their runs on the worker and the box that answers."""

    def __init__(self, window: QMainWindow, runner: StoreRunner, hub_url: Any) -> None:
        super().__init__(window)
        self._window = window
        self._runner = runner
        self._hub_url = hub_url  # a callable: the address in Settings now
        self.running = False
        self.message = ""
        self.box: QMessageBox | None = None
        self.password_prompt: PasswordPrompt | None = None
        self.store_action = QAction("&Check the store…", window)
        self.store_action.setObjectName("storeCheckAction")
        self.store_action.setToolTip("Check the store's encryption, database and audit log")
        self.store_action.triggered.connect(lambda _=False: self.check_store())
        self.hub_action = QAction("Check against the team &hub…", window)
        self.hub_action.setObjectName("hubCheckAction")
        self.hub_action.setToolTip("Check the store, and compare its audit log with what the"
                                   " team hub witnessed at each sync")
        self.hub_action.triggered.connect(lambda _=False: self.check_hub())
        menu = window.findChild(QMenu, "fileMenu")
        before = window.findChild(QAction, "passphraseAction")
        if menu is not None:
            menu.insertAction(before, self.store_action)
            menu.insertAction(before, self.hub_action)
            menu.insertSeparator(before)

    def check_store(self) -> None:
        if self._begin("Checking the store…"):
            self._runner.call(_store_check, self._done, self._failed, owner=self)

    def check_hub(self) -> None:
        url = str(self._hub_url() or "").strip()
        if not url:
            self._say(NO_HUB)
            return
        self._hub(url, None)

    def _hub(self, url: str, password: str | None) -> None:
        if self._begin("Checking the store against the team hub…"):
            self._runner.call(lambda store: _hub_check(store, url, password), self._done,
                              lambda exc: self._failed(exc, url), owner=self)

    def _begin(self, doing: str) -> bool:
        if self.running or self.password_prompt is not None:
            return False
        self.running = True
        self.store_action.setEnabled(False)
        self.hub_action.setEnabled(False)
        self._say(doing)
        return True

    def _end(self) -> None:
        self.running = False
        self.store_action.setEnabled(True)
        self.hub_action.setEnabled(True)

    def _done(self, found: Found) -> None:
        self._end()
        sound, text = words(found)
        self._say(text.split(":")[0] + ".")  # the whole of it is in the box
        self._show(sound, "The store is sound" if sound else "The check found something",
                   text)

    def _failed(self, exc: Exception, url: str | None = None) -> None:
        self._end()
        if isinstance(exc, HubPasswordNeeded) and url is not None:
            self._ask_password(url, str(exc))
            return
        from pace_desktop.gui.unlock_window import plain_failure

        text = plain_failure(exc, "checking the store")
        self._say(text)
        self._show(False, "The check could not be made", text)

    def _ask_password(self, url: str, why: str) -> None:
        prompt = PasswordPrompt(self._window, why, verb="check")
        self.password_prompt = prompt

        def answered(password: str) -> None:
            self.password_prompt = None
            if password:
                self._hub(url, password)
            else:
                self._say("Not checked against the hub: no password given. " + why)

        prompt.answered.connect(answered)
        prompt.open()

    def _show(self, sound: bool, title: str, text: str) -> None:
        icon = QMessageBox.Icon.Information if sound else QMessageBox.Icon.Warning
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Close, self._window)
        box.setObjectName("storeCheckResult")
        box.setEscapeButton(QMessageBox.StandardButton.Close)
        box.finished.connect(lambda _result: self._closed(box))
        self.box = box
        box.open()

    def _closed(self, box: QMessageBox) -> None:
        if self.box is box:
            self.box = None
        box.deleteLater()

    def _say(self, text: str) -> None:
        self.message = text
        self._window.statusBar().showMessage(text)
