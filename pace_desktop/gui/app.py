"""The interface's entry point: one QApplication, the unlock window, and the main window.

`PaceApp` is the wiring without the event loop, so tests build it inside pytest-qt's
application and drive it; `run_gui` adds the QApplication and the loop for the command line.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from pace_desktop.gui import crash_dialog
from pace_desktop.gui.idle_lock import IdleLock
from pace_desktop.gui.main_window import MainWindow, Place
from pace_desktop.gui.placement import centre, fit_to_screen
from pace_desktop.gui.store_worker import StoreRunner
from pace_desktop.gui.ui_files import resources_dir
from pace_desktop.gui.unlock_window import MakeDemo, UnlockWindow, plain_failure
from pace_desktop.journey import Rule, RulesError, load_rules
from pace_desktop.settings import Settings, SettingsError, load_settings
from pace_desktop.store import CaseStore

DEMO_FILE_NAME = "demo.pacestore"


class PaceApp(QObject):
    """Owns the store worker and the windows, and moves between unlocked and locked.

    `settings_path`: the settings file (None: the user's settings folder); tests pass their
    own. `idle_seconds` overrides the idle-lock time from the settings (whole minutes there),
    so a test can lock after a second.
    """

    def __init__(self, store_path: Path | None, default_path: Path,
                 make_demo: MakeDemo | None = None, first_run: bool = False,
                 on_quit: Callable[[], None] | None = None,
                 settings_path: Path | None = None, idle_seconds: float | None = None) -> None:
        super().__init__()
        self.settings_path = settings_path
        # Problems that hold while they last, shown above the caseload until put right.
        self.settings_problem: str | None = None
        self.rules_problem: str | None = None
        try:
            self.settings = load_settings(settings_path)
        except SettingsError as exc:
            self.settings = Settings()
            self.settings_problem = (f"The settings file has a problem, so the usual settings "
                                     f"are in use until it is put right: {exc}")
        self.rules = self._load_rules(self.settings)
        self._idle_override = idle_seconds
        self.idle_lock = IdleLock(idle_seconds or self.settings.idle_lock_minutes * 60, self)
        self.idle_lock.idle.connect(self.lock)
        self._place: tuple[Path, Place] | None = None
        self._meetings: list[tuple[str, str, str | None]] = []  # reopened after unlocking
        self.runner = StoreRunner(self)
        self.runner.user_name = self.settings.user_name or None
        # The demo lives beside the default store, never in its place, so trying the demo
        # first does not stand in the way of creating the real store later.
        self.unlock_window = UnlockWindow(self.runner, make_demo,
                                          default_path.with_name(DEMO_FILE_NAME))
        self.unlock_window.unlocked.connect(self._unlocked)
        self.main_window: MainWindow | None = None
        self._store_path: Path | None = None
        self._on_quit = on_quit
        self._shut = False

        if store_path is not None:
            if store_path.exists():
                self.unlock_window.show_unlock(store_path)
            else:
                self.unlock_window.show_create(store_path)
        elif first_run or not default_path.exists():
            self.unlock_window.show_choice(default_path)
        else:
            self.unlock_window.show_unlock(default_path)

    def start(self) -> None:
        centre(self.unlock_window)
        self.unlock_window.show()
        self.unlock_window.activateWindow()

    def lock(self) -> None:
        """Close the store and drop its key; clear the screen; ask for the passphrase again.

        Open meeting editors are asked to save their drafts first; the worker runs requests
        in order, so those saves reach the store before it is closed.
        """
        self.idle_lock.stop()
        if self.main_window is not None:
            self.main_window.flush_drafts()
            place = self.main_window.place()
            self._place = (self._store_path, place) if place and self._store_path else None
            # Meeting windows open now come back after unlocking, with their typing (the
            # drafts flushed above): a lock in the middle of a meeting loses nothing.
            self._meetings = [(e.child_ref, e.kind, e.meeting_id)
                              for e in self.main_window.record.editors if e.kind]
        self.runner.lock()
        self.unlock_window.show_locked(self._store_path)
        # Show the unlock window before closing the main one, so that the application
        # never has no window open (Qt would take that as the signal to quit).
        self.unlock_window.show()
        window, self.main_window = self.main_window, None
        if window is not None:
            window.close_for_lock()
            window.deleteLater()
        self.unlock_window.activateWindow()
        self.unlock_window.tell_locked()

    def shutdown(self) -> None:
        """Close the store and stop the worker; safe to call more than once."""
        if self._shut:
            return
        self._shut = True
        self.idle_lock.stop()
        if self.main_window is not None:
            self.main_window.close_for_lock()
            self.main_window = None
        self.unlock_window.close()
        self.runner.shutdown()

    def switch_store(self, mode: str) -> None:
        """File ▸ New store / Open store: lock this one, then create or choose another."""
        self.lock()
        self._place = None
        self._meetings = []
        if mode == "new":
            self.unlock_window.create_path_edit.clear()
            self.unlock_window.show_create(None)
        else:
            self.unlock_window.path_edit.clear()
            self.unlock_window.show_unlock(None)

    def apply_settings(self, settings: Settings) -> None:
        self.settings = settings
        self.runner.set_user_name(settings.user_name)
        if (settings.user_name or settings.user_role) and self.main_window is not None:
            self._name_store_user(settings.user_name, settings.user_role)
        self.rules = self._load_rules(settings)
        if self._idle_override is None:
            self.idle_lock.set_seconds(settings.idle_lock_minutes * 60)
        self.settings_problem = None  # the dialog saved a good file
        if self.main_window is not None:
            self.main_window.apply_settings(settings, self.rules)
            self.main_window.show_warnings(self.warnings)

    def _name_store_user(self, name: str, role: str) -> None:
        """Settings name the open store's user and role: one audited change, and only when
        they differ from what the store already says (saving Settings again adds nothing).
        A role typed with the name left empty is the role of the name the store already
        has (its creator's): it is kept, not dropped."""
        def job(store: CaseStore) -> None:
            current = store.named_user()
            who = name or current[0]
            if who and current != (who, role):
                store.set_named_user(who, role)

        window = self.main_window

        def failed(exc: Exception) -> None:
            if window is not None:
                window.statusBar().showMessage(plain_failure(exc, "naming you in the store"))

        self.runner.call(job, None, failed, owner=window)

    @property
    def warnings(self) -> list[str]:
        return [p for p in (self.settings_problem, self.rules_problem) if p]

    def _load_rules(self, settings: Settings) -> tuple[Rule, ...]:
        """The authority's rules; if they cannot be read the app says so, plainly and for as
        long as it lasts, and judges by the national defaults meanwhile (a caseload with no
        clocks at all would hide every overdue review)."""
        try:
            rules = load_rules(settings.rules_path(), record_visits=settings.record_visits)
        except (RulesError, OSError) as exc:
            self.rules_problem = ("Your authority's clock rules could not be read, so the clocks "
                                  f"are judged by the national defaults until they are: {exc}")
            return load_rules(record_visits=settings.record_visits)
        self.rules_problem = None
        return rules

    def _unlocked(self, path: Path) -> None:
        self._store_path = path
        window = MainWindow(self.runner, path, self.settings, self.rules, self.settings_path)
        window.lock_requested.connect(self.lock)
        window.quit_requested.connect(self._quit)
        window.switch_store.connect(self.switch_store)
        window.settings_changed.connect(self.apply_settings)
        self.main_window = window
        fit_to_screen(window)
        window.show()
        self.unlock_window.hide()
        window.load()
        window.activateWindow()
        window.search_edit.setFocus()
        if self._place is not None and self._place[0] == path:
            window.restore(self._place[1])
            for ref, kind, meeting_id in self._meetings:
                if ref == window.record.ref:
                    window.record.reopen_meeting(kind, meeting_id)
        self._place = None
        self._meetings = []
        window.show_warnings(self.warnings)
        self.idle_lock.start()

    def _quit(self) -> None:
        if self._on_quit is not None:
            self._on_quit()


def _apply_looks(app: QApplication) -> None:
    icon = resources_dir() / "icons" / "pace.svg"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    style = resources_dir() / "style.qss"
    if style.exists():
        app.setStyleSheet(style.read_text(encoding="utf-8"))


def run_gui(store_path: Path | None, default_path: Path,
            make_demo: MakeDemo | None = None, first_run: bool = False,
            settings_path: Path | None = None, exit_when_ready: bool = False) -> int:
    """Run the app until the person quits; returns the exit status for the command line.

    `store_path`: a store named on the command line (`--store`), or None for the default.
    `default_path`: where the person's own store lives (and a new one is offered).
    `make_demo(path, passphrase)`: writes a demo store; None hides the demo offer.
    `first_run`: no store at `default_path` yet, so offer to create one or open the demo.
    `settings_path`: the settings file; None means the user's settings folder.
    `exit_when_ready`: quit as soon as the unlock window has been painted (the start-up
    benchmark times a launch with it; nothing else uses it).
    """
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setApplicationName("PACE Desktop")
    app.setOrganizationName("PACE Desktop")
    crash_dialog.install()  # an unexpected error: a plain dialog and a note with no case data
    _apply_looks(app)
    pace = PaceApp(store_path, default_path, make_demo, first_run, on_quit=app.quit,
                   settings_path=settings_path)
    app.aboutToQuit.connect(pace.shutdown)
    pace.start()
    if exit_when_ready:
        # A zero timer fires once the event loop has shown and painted the window.
        QTimer.singleShot(0, app.quit)
    try:
        return app.exec()
    finally:
        pace.shutdown()
