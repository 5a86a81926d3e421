"""The first window: unlock a store, create a new one, or (on first run) try the demo.

The window never touches the store itself: it asks the `StoreRunner` to open or create it
on the worker thread, shows that it is busy meanwhile, and either announces `unlocked` or
shows the store's own plain message. A failed unlock changes nothing and the window stays.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from enum import IntEnum
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAccessible, QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QWidget,
)

from pace_desktop.gui.announce import announce
from pace_desktop.gui.looks import enlarge, say, set_tone
from pace_desktop.gui.store_worker import StoreHolder, StoreRunner
from pace_desktop.gui.ui_files import child, load_into
from pace_desktop.gui.window_roles import give_role, name_window
from pace_desktop.store import MIN_PASSPHRASE, CaseStore, StoreError, passphrase_problem

log = logging.getLogger(__name__)

MakeDemo = Callable[[Path, str], object]

# The demo holds only made-up children, so its passphrase can be public: it is shown on
# screen, and a demo store can be shared between colleagues without a secret.
DEMO_PASSPHRASE = "made up children only"
STORE_FILTER = "PACE stores (*.pacestore);;All files (*)"
STORE_SUFFIX = ".pacestore"


class Page(IntEnum):
    """The pages of the window, in the order of the stacked widget in `ui/unlock.ui`."""

    CHOOSE = 0
    UNLOCK = 1
    CREATE = 2


def plain_failure(exc: Exception, doing: str) -> str:
    """The store's own words when it has them; otherwise a calm sentence, never a traceback."""
    if isinstance(exc, StoreError):
        return str(exc)
    log.error("Unexpected failure while %s", doing, exc_info=exc)
    return (f"Something unexpected went wrong while {doing}, so it did not happen. "
            "Nothing in the store was changed. Please try again.")


class UnlockWindow(QWidget):
    """Emits `unlocked(path)` once the runner holds an open store."""

    unlocked = Signal(Path)

    def __init__(self, runner: StoreRunner, make_demo: MakeDemo | None = None,
                 demo_path: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        give_role(UnlockWindow, QAccessible.Role.Window)
        load_into(self, "unlock.ui")
        self._runner = runner
        self._make_demo = make_demo
        self._demo_path = demo_path
        self._working = False

        self.pages = child(self, QStackedWidget, "pages")
        self.path_edit = child(self, QLineEdit, "unlockPathEdit")
        self.passphrase_edit = child(self, QLineEdit, "passphraseEdit")
        self.unlock_button = child(self, QPushButton, "unlockButton")
        self.unlock_message = child(self, QLabel, "unlockMessage")
        self.create_path_edit = child(self, QLineEdit, "createPathEdit")
        self.owner_edit = child(self, QLineEdit, "ownerEdit")
        self.owner_message = child(self, QLabel, "ownerMessage")
        self.new_passphrase_edit = child(self, QLineEdit, "newPassphraseEdit")
        self.new_passphrase_message = child(self, QLabel, "newPassphraseMessage")
        self.confirm_edit = child(self, QLineEdit, "confirmEdit")
        self.confirm_message = child(self, QLabel, "confirmMessage")
        self.create_button = child(self, QPushButton, "createButton")
        self.create_choice_button = child(self, QPushButton, "createChoiceButton")
        self.demo_choice_button = child(self, QPushButton, "demoChoiceButton")
        self.open_choice_button = child(self, QPushButton, "openChoiceButton")
        self.message = child(self, QLabel, "messageLabel")
        self.busy_bar = child(self, QProgressBar, "busyBar")
        self.busy_label = child(self, QLabel, "busyLabel")

        self._style()
        self._connect()
        self.locked = False  # the lock screen of an open session, not the start screen
        self.unlock_heading = child(self, QLabel, "unlockHeading")
        self.create_mode_button = child(self, QPushButton, "createModeButton")
        # The demo can be opened at any time, not only on the very first launch.
        self.demo_mode_button = QPushButton("Open the &demo caseload", self)
        self.demo_mode_button.setFlat(True)
        self.demo_mode_button.setAccessibleName("Open the demo caseload")
        self.demo_mode_button.setToolTip(f"Made-up children; its passphrase is "
                                         f"“{DEMO_PASSPHRASE}”.")
        self.demo_mode_button.clicked.connect(self.open_demo)
        row = self.findChild(QHBoxLayout, "unlockButtons")
        assert row is not None
        row.insertWidget(1, self.demo_mode_button)
        if make_demo is None:
            for name in ("demoChoiceButton", "demoChoiceHint"):
                child(self, QWidget, name).hide()
            self.demo_mode_button.hide()
        self._set_working(False, "")
        self.show_unlock(None)

    # -- what the app asks for ---------------------------------------------------------------

    def show_choice(self, new_store_path: Path) -> None:
        """First run: create a store (at `new_store_path`) or open the demo."""
        if self.locked:
            self._set_locked(False)
        self.create_path_edit.setText(str(new_store_path))
        self._go(Page.CHOOSE, self.create_choice_button)

    def show_locked(self, path: Path | None) -> None:
        """The lock screen: it says "Locked" and which store, and offers only to unlock it
        (no new store, no demo), so it is not mistaken for the start screen."""
        self.show_unlock(path)
        self._set_locked(True, path)

    def _set_locked(self, locked: bool, path: Path | None = None) -> None:
        self.locked = locked
        name = path.name if path is not None else "your store"
        self.unlock_heading.setText(f"Locked: {name}" if locked else "Unlock your case store")
        self.unlock_heading.setAccessibleName(self.unlock_heading.text())
        self.create_mode_button.setVisible(not locked)
        self.demo_mode_button.setVisible(not locked and self._make_demo is not None)
        child(self, QLabel, "introLabel").setVisible(not locked)
        self._title(self.page)
        self._fit_height()

    def show_unlock(self, path: Path | None) -> None:
        """Ready for the passphrase of the store at `path` (or for a path, when None)."""
        if self.locked:
            self._set_locked(False)
        if path is not None:
            self.path_edit.setText(str(path))
        self._clear_messages()
        self._go(Page.UNLOCK,
                 self.passphrase_edit if self.path_edit.text() else self.path_edit)

    def show_create(self, path: Path | None) -> None:
        if self.locked:
            self._set_locked(False)
        if path is not None:
            self.create_path_edit.setText(str(path))
        self._clear_messages()
        self._go(Page.CREATE, self.owner_edit)

    @property
    def page(self) -> Page:
        return Page(self.pages.currentIndex())

    # -- actions ---------------------------------------------------------------------------------

    def unlock(self) -> None:
        if self._working:
            return
        self._clear_messages()
        path_text = self.path_edit.text().strip()
        passphrase = self.passphrase_edit.text()
        if not path_text:
            self._say(self.unlock_message, "Choose the store file first.", self.path_edit)
            self.path_edit.setFocus()
            return
        if not passphrase:
            self._say(self.unlock_message, "Type the passphrase to unlock the store.",
                      self.passphrase_edit)
            self.passphrase_edit.setFocus()
            return
        path = Path(path_text).expanduser()
        self._set_working(True, "Unlocking the store… (this takes a moment, on purpose)")
        self._runner.open(path, passphrase, self._opened,
                          lambda exc: self._unlock_failed(exc, "unlocking the store"))

    def create(self) -> None:
        if self._working:
            return
        self._clear_messages()
        path_text = self.create_path_edit.text().strip()
        owner = self.owner_edit.text().strip()
        passphrase = self.new_passphrase_edit.text()
        first_problem: QWidget | None = None
        if not owner:
            self._say(self.owner_message,
                      "Type your name: it is kept with every change you make.", self.owner_edit)
            first_problem = first_problem or self.owner_edit
        if len(passphrase) < MIN_PASSPHRASE:
            self._say(self.new_passphrase_message,
                f"The passphrase needs at least {MIN_PASSPHRASE} characters"
                f" (this one has {len(passphrase)}). A few unrelated words work well.",
                self.new_passphrase_edit)
            first_problem = first_problem or self.new_passphrase_edit
        elif (weak := passphrase_problem(passphrase)) is not None:
            # the core's judgement (zxcvbn), the same words the command line gives
            self._say(self.new_passphrase_message, weak, self.new_passphrase_edit)
            first_problem = first_problem or self.new_passphrase_edit
        elif self.confirm_edit.text() != passphrase:
            self._say(self.confirm_message,
                "The two passphrases are not the same. Please type it again.",
                self.confirm_edit)
            self.confirm_edit.clear()
            first_problem = first_problem or self.confirm_edit
        if not path_text:
            self._say(self.message, "Choose where to keep the new store.",
                      self.create_path_edit)
            first_problem = first_problem or self.create_path_edit
        if first_problem is not None:
            first_problem.setFocus()
            return
        path = Path(path_text).expanduser()
        self._set_working(True, "Creating the store…")
        self._runner.create(path, passphrase, owner, self._opened, self._create_failed)

    def open_demo(self) -> None:
        if self._working or self._make_demo is None or self._demo_path is None:
            return
        self._clear_messages()
        make_demo, path = self._make_demo, self._demo_path

        def job(holder: StoreHolder) -> Path:
            if not path.exists():
                make_demo(path, DEMO_PASSPHRASE)
            return holder.adopt(CaseStore.open(path, DEMO_PASSPHRASE))

        self._set_working(True, "Opening the demo caseload…")
        self._runner.submit(job, self._opened, self._demo_failed)

    def choose_store_file(self) -> None:
        start = self.path_edit.text() or str(Path.home())
        chosen, _ = QFileDialog.getOpenFileName(self, "Choose a store file", start, STORE_FILTER)
        if chosen:
            self.path_edit.setText(chosen)
            self.passphrase_edit.setFocus()

    def choose_new_store_file(self) -> None:
        start = self.create_path_edit.text() or str(Path.home() / f"caseload{STORE_SUFFIX}")
        chosen, _ = QFileDialog.getSaveFileName(self, "Where to keep the new store", start,
                                                STORE_FILTER)
        if chosen:
            path = Path(chosen)
            self.create_path_edit.setText(str(path if path.suffix else
                                              path.with_suffix(STORE_SUFFIX)))
            self.owner_edit.setFocus()

    # -- replies from the worker ------------------------------------------------------------------

    def _opened(self, path: Path) -> None:
        self._set_working(False, "")
        for field in (self.passphrase_edit, self.new_passphrase_edit, self.confirm_edit):
            field.clear()
        self.path_edit.setText(str(path))
        self.unlocked.emit(path)

    def _unlock_failed(self, exc: Exception, doing: str) -> None:
        self._set_working(False, "")
        self._say(self.unlock_message, plain_failure(exc, doing), self.passphrase_edit)
        self.passphrase_edit.clear()
        self.passphrase_edit.setFocus()

    def _create_failed(self, exc: Exception) -> None:
        self._set_working(False, "")
        self._say(self.message, plain_failure(exc, "creating the store"),
                  self.create_path_edit)
        self.create_path_edit.setFocus()

    def _demo_failed(self, exc: Exception) -> None:
        self._set_working(False, "")
        self._say(self.message, plain_failure(exc, "opening the demo caseload")
                  + f" (The demo's passphrase is “{DEMO_PASSPHRASE}”.)")

    # -- inner workings --------------------------------------------------------------------------

    def _go(self, page: Page, focus: QWidget) -> None:
        self.pages.setCurrentIndex(page)
        # A stacked widget is as tall as its tallest page; letting only the current page
        # count makes the window fit what is on it, with no empty space below.
        for index in range(self.pages.count()):
            policy = (QSizePolicy.Policy.Preferred if index == page
                      else QSizePolicy.Policy.Ignored)
            self.pages.widget(index).setSizePolicy(policy, policy)
        self._title(page)
        focus.setFocus(Qt.FocusReason.OtherFocusReason)
        self._fit_height()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Only once shown and laid out are the real widths known.
        QTimer.singleShot(0, self._fit_height)

    def tell_locked(self) -> None:
        """Said when the app locks (Ctrl+L or idle): the window changed under the person."""
        announce(self, "The store is locked. Type the passphrase to unlock it.")

    def _say(self, label: QLabel, text: str, field: QWidget | None = None) -> None:
        """Show a problem under its field; the field's description says it too (a screen
        reader reads it with the field), and it is announced at once."""
        if field is not None:
            field.setAccessibleDescription(text)
        if label.text() == text:
            return  # typing clears a message on every key: only a real change costs a refit
        say(label, text)
        if text:
            announce(field or self, text, urgent=True, live=label)
        self._fit_height()

    def _fit_height(self) -> None:
        layout = self.layout()
        layout.invalidate()
        layout.activate()
        width = self.width()
        if not layout.hasHeightForWidth():
            self.resize(width, layout.totalSizeHint().height())
            return
        # Wrapped text is taller when narrow, so heights are asked for at the real width.
        # QStackedLayout answers with its tallest page, hidden ones too: swap that for the
        # height of the page on show.
        page_width = self.pages.width()

        def height_of(widget: QWidget) -> int:
            return (widget.heightForWidth(page_width) if widget.hasHeightForWidth()
                    else widget.sizeHint().height())

        height = (layout.totalHeightForWidth(width) - height_of(self.pages)
                  + height_of(self.pages.currentWidget()))
        self.resize(width, max(height, layout.totalMinimumSize().height()))

    def _title(self, page: Page) -> None:
        name_window(self, "PACE Desktop" if page == Page.CHOOSE else
                    "Locked – PACE Desktop" if getattr(self, "locked", False) else
                    "Unlock – PACE Desktop" if page == Page.UNLOCK else
                    "New store – PACE Desktop")

    def _set_working(self, working: bool, what: str) -> None:
        self._working = working
        self.pages.setEnabled(not working)
        self.busy_bar.setVisible(working)
        self.busy_label.setText(what)
        if working:
            announce(self, what, live=self.busy_label)
            self.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.unsetCursor()

    def _clear_messages(self) -> None:
        for label in (self.unlock_message, self.owner_message, self.new_passphrase_message,
                      self.confirm_message, self.message):
            say(label, "")
        for field in (self.path_edit, self.passphrase_edit, self.create_path_edit,
                      self.owner_edit, self.new_passphrase_edit, self.confirm_edit):
            field.setAccessibleDescription("")
        self._fit_height()

    def _style(self) -> None:
        title = child(self, QLabel, "titleLabel")
        enlarge(title, 2.0)
        set_tone(title, "title")
        for name in ("unlockHeading", "createHeading"):
            enlarge(child(self, QLabel, name), 1.25)
        for name in ("introLabel", "createChoiceHint", "demoChoiceHint", "passphraseHint"):
            set_tone(child(self, QLabel, name), "hint")
        for label in (self.unlock_message, self.owner_message, self.new_passphrase_message,
                      self.confirm_message, self.message):
            set_tone(label, "error")
        for button in (self.create_choice_button, self.demo_choice_button):
            enlarge(button, 1.1)
            button.setMinimumHeight(button.sizeHint().height() + 12)
        hint = f"The demo's passphrase is “{DEMO_PASSPHRASE}”, because nothing in it is real."
        child(self, QLabel, "demoChoiceHint").setText(
            "Try PACE Desktop with made-up children. " + hint)
        # Keep the busy bar's room when hidden, so the window does not jump as work starts.
        policy: QSizePolicy = self.busy_bar.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.busy_bar.setSizePolicy(policy)

    def _connect(self) -> None:
        self.unlock_button.clicked.connect(self.unlock)
        self.passphrase_edit.returnPressed.connect(self.unlock)
        self.path_edit.returnPressed.connect(self.passphrase_edit.setFocus)
        child(self, QPushButton, "unlockChooseButton").clicked.connect(self.choose_store_file)
        child(self, QPushButton, "createModeButton").clicked.connect(
            lambda: self.show_create(None))
        self.create_button.clicked.connect(self.create)
        self.create_path_edit.returnPressed.connect(self.owner_edit.setFocus)
        self.owner_edit.returnPressed.connect(self.new_passphrase_edit.setFocus)
        self.new_passphrase_edit.returnPressed.connect(self.confirm_edit.setFocus)
        self.confirm_edit.returnPressed.connect(self.create)
        child(self, QPushButton, "createChooseButton").clicked.connect(
            self.choose_new_store_file)
        child(self, QPushButton, "openModeButton").clicked.connect(
            lambda: self.show_unlock(None))
        self.create_choice_button.clicked.connect(lambda: self.show_create(None))
        self.demo_choice_button.clicked.connect(self.open_demo)
        self.open_choice_button.clicked.connect(self._open_elsewhere)
        for field, label in ((self.owner_edit, self.owner_message),
                             (self.new_passphrase_edit, self.new_passphrase_message),
                             (self.confirm_edit, self.confirm_message)):
            field.textEdited.connect(lambda _, label=label: self._say(label, ""))

    def _open_elsewhere(self) -> None:
        self.path_edit.clear()
        self.show_unlock(None)
