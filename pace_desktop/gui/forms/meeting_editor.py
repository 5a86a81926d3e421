"""Recording a meeting: the generic form for its kind, kept safe as it is typed.

Construct with

    MeetingEditor(runner, child_ref, kind, meeting_id, user_name, parent=None)

- `runner`: the app's StoreRunner; every store call goes through it (never SQL here);
- `child_ref`: the child whose meeting this is;
- `kind`: a meeting kind (MEETING_KINDS) for a new record; None asks the person which kind
  (for an existing record the record's own kind is used);
- `meeting_id`: an existing record to open, or None to start a new one;
- `user_name`: the person at the keyboard (the default author of an amendment).

Signals: `saved(str meeting_id)` after Save writes the draft record; `finalised(str)` after
Finalise; `closed()` after Close, once anything typed has been kept; `draft_saved(str key)`
each time the autosaved draft has been written; `ready()` once the record is on screen.

Autosave: every edit (after ~300 ms of quiet), every 3 seconds, and whenever focus moves, the
values as typed go to `store.save_draft(key, child_ref, kind, {"kind", "meeting_id",
"values"})`, keyed by `draft_key()`. Opening the same record again restores that draft, so a
crash or a flat battery loses at most the last few seconds. Save (Ctrl+S) checks the values
and writes the record as a draft record, dropping the autosave in the same operation;
Finalise (Ctrl+Shift+F) checks, asks, then saves, finalises and drops the autosave in one
operation, and shows the record read-only. A final record opens read-only with its
amendments under it and a way to add one.

The editor is built here; its parts are mixed in from a module each: meeting_pages.py
(building the pages), meeting_opening.py (reading and showing the record), meeting_drafts.py
(autosave), meeting_saving.py (save, finalise, amend, close); meeting_parts.py names what
they share.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAccessible, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pace_desktop.domain import Child, Meeting
from pace_desktop.forms import FormDef
from pace_desktop.gui.announce import announce
from pace_desktop.gui.forms.form_view import WARNING, FormView
from pace_desktop.gui.forms.meeting_drafts import AUTOSAVE_MS, DEBOUNCE_MS, MeetingDrafts, draft_key
from pace_desktop.gui.forms.meeting_opening import MeetingOpening
from pace_desktop.gui.forms.meeting_pages import MeetingPages
from pace_desktop.gui.forms.meeting_saving import CONFIRM_FINALISE, MeetingSaving
from pace_desktop.gui.looks import say, set_tone
from pace_desktop.gui.store_worker import StoreRunner
from pace_desktop.gui.window_roles import give_role, name_window

__all__ = ["MeetingEditor", "draft_key", "CONFIRM_FINALISE", "AUTOSAVE_MS", "DEBOUNCE_MS"]


class MeetingEditor(MeetingPages, MeetingOpening, MeetingDrafts, MeetingSaving, QWidget):
    saved = Signal(str)
    finalised = Signal(str)
    closed = Signal()
    draft_saved = Signal(str)
    ready = Signal()

    def __init__(self, runner: StoreRunner, child_ref: str, kind: str | None,
                 meeting_id: str | None, user_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # A window of its own, named for the meeting and the child, to a screen reader too.
        give_role(MeetingEditor, QAccessible.Role.Window)
        name_window(self, f"Meeting record for {child_ref}")
        self.runner = runner
        self.child_ref = child_ref
        self.kind = kind
        self.meeting_id = meeting_id
        self.user_name = user_name
        self.form: FormDef | None = None
        self.form_view: FormView | None = None
        self.meeting: Meeting | None = None
        self.confirm_box: QMessageBox | None = None
        self._people: list[str] = []
        self._child: Child | None = None
        self._ids: dict[str, str] = {}  # the child's people: name to PERSON id
        self._child_name = child_ref
        self._dirty = False
        self._draft_in_flight = False
        self._closing = False
        self._may_close = False  # the window closes only once what was typed is kept
        self._earlier_reviews: list[date] = []
        self._cautions_accepted: object = None  # the values a person said were right
        self.caution_box: QMessageBox | None = None

        layout = QVBoxLayout(self)
        self.heading = QLabel("Opening the record…", self)
        set_tone(self.heading, "title")
        layout.addWidget(self.heading)
        self.status = QLabel(self)
        self.status.setObjectName("meetingStatus")
        self.status.setWordWrap(True)
        self.status.setVisible(False)
        layout.addWidget(self.status)
        self.pages = QStackedWidget(self)
        layout.addWidget(self.pages, 1)
        self._build_opening_page()
        self._build_kind_page()
        self._build_edit_page()
        self._build_record_page()

        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self.autosave)
        self._every = QTimer(self, interval=AUTOSAVE_MS)
        self._every.timeout.connect(self.autosave)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_moved)
        for keys, slot in (("Ctrl+S", self.save), ("Ctrl+Shift+F", self.finalise)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self._open()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        # The window's own close box goes the same way as the Close button: keep the typing,
        # say `closed` so the record forgets this window, then really close.
        if self._may_close:
            super().closeEvent(event)
            return
        event.ignore()
        self.close_editor()

    # -- small things ------------------------------------------------------------------------

    def _failed(self, error: Exception) -> None:
        self._set_busy(False)
        self._dirty = True
        self._tell(f"{WARNING}That did not work: {error}", error=True)

    def _set_busy(self, busy: bool) -> None:
        for button in (self.save_button, self.finalise_button, self.amend_button):
            button.setEnabled(not busy)

    def _title(self, what: str) -> None:
        """The window says whose meeting it is: several may be open beside the record. A
        screen reader says its name when it opens: "Looked after child review for …"."""
        self.setWindowTitle(f"{what} – {self._child_name} – PACE Desktop")
        self.setAccessibleName(f"{what} for {self._child_name}")

    def _tell(self, text: str, error: bool = False) -> None:
        set_tone(self.status, "error" if error else "hint")
        say(self.status, text)
        # Saved, finalised, "3 things to put right first": said aloud as well as shown, a
        # problem at once (focus has moved to the first field, which says only its own).
        announce(self, text.removeprefix(WARNING), urgent=error, live=self.status)
