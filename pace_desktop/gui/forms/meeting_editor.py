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
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAccessible, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from pace_desktop.domain import Child, Meeting
from pace_desktop.domain.vocab import MEETING_KINDS, REVIEW_MEETING_KINDS
from pace_desktop.forms import (
    DefinitionError,
    FormDef,
    Values,
    definition_for,
    definitions,
    from_meeting,
    to_meeting,
    validate,
)
from pace_desktop.forms.cautions import cautions
from pace_desktop.forms.finalising import finalise_problems, legal_change_lines
from pace_desktop.gui.announce import announce
from pace_desktop.gui.forms.form_view import WARNING, FormView
from pace_desktop.gui.forms.record_text import record_html
from pace_desktop.gui.forms.simple_fields import name_control
from pace_desktop.gui.looks import say, set_tone
from pace_desktop.gui.store_worker import StoreRunner
from pace_desktop.gui.window_roles import give_role, name_window
from pace_desktop.store import CaseStore, Draft, RecordNotFound

DEBOUNCE_MS = 300
AUTOSAVE_MS = 3000
CONFIRM_FINALISE = ("After this the record cannot be changed; corrections are added as dated "
                    "amendments.")


def draft_key(child_ref: str, kind: str | None, meeting_id: str | None) -> str:
    """Where a meeting's typing is kept: one slot per record, or per kind for a new one."""
    if meeting_id:
        return f"meeting:{child_ref}:{meeting_id}"
    return f"meeting:{child_ref}:new:{kind}"


def _people(child: Child, user_name: str) -> list[str]:
    names = [p.name for p in child.people] + [
        n for n in (child.allocated_worker, child.reviewing_officer, user_name) if n]
    return list(dict.fromkeys(n for n in names if n.strip()))


def _find(store: CaseStore, ref: str, meeting_id: str) -> Meeting:
    for m in store.child(ref).meetings:
        if m.id == meeting_id:
            return m
    raise RecordNotFound(f"There is no meeting {meeting_id} for {ref}.")


class MeetingEditor(QWidget):
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

    # -- building --------------------------------------------------------------------------

    def _build_opening_page(self) -> None:
        """What shows until the record is on screen, or instead of it if it cannot be: a
        Close button even then, so a window that cannot show a form never hangs."""
        page = QWidget(self)
        box = QVBoxLayout(page)
        box.addWidget(QLabel("Opening the record…", page))
        box.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.opening_close = QPushButton("Close", page)
        name_control(self.opening_close, "Close this window")
        self.opening_close.clicked.connect(self.close_editor)
        row.addWidget(self.opening_close)
        box.addLayout(row)
        self.pages.addWidget(page)
        self._opening_page = page

    def _build_kind_page(self) -> None:
        page = QWidget(self)
        box = QVBoxLayout(page)
        question = QLabel("What kind of meeting are you recording?", page)
        self.kind_combo = QComboBox(page)
        self.kind_combo.setObjectName("meetingKind")
        for kind in definitions():
            self.kind_combo.addItem(MEETING_KINDS.get(kind, kind), kind)
        name_control(self.kind_combo, "Kind of meeting")
        question.setBuddy(self.kind_combo)
        start = QPushButton("Start the record", page)
        name_control(start, "Start the record")
        start.clicked.connect(lambda: self._start(self.kind_combo.currentData()))
        for w in (question, self.kind_combo, start):
            box.addWidget(w)
        box.addStretch(1)
        self.pages.addWidget(page)
        self._kind_page = page

    def _build_edit_page(self) -> None:
        page = QWidget(self)
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 0, 0, 0)
        self.scroll = QScrollArea(page)
        self.scroll.setWidgetResizable(True)
        # The fields inside take focus; the area itself would only be an extra Tab stop.
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll.setAccessibleName("The meeting form")
        box.addWidget(self.scroll, 1)
        buttons = QHBoxLayout()
        self.save_button = QPushButton("Save (Ctrl+S)", page)
        self.save_button.setObjectName("saveMeeting")
        name_control(self.save_button, "Save the record",
                     "Checks the record and saves it. It can still be changed until finalised.")
        self.finalise_button = QPushButton("Finalise… (Ctrl+Shift+F)", page)
        self.finalise_button.setObjectName("finaliseMeeting")
        name_control(self.finalise_button, "Finalise the record",
                     "Makes the record final. After that, corrections are dated amendments.")
        self.close_button = QPushButton("Close", page)
        name_control(self.close_button, "Close the record",
                     "What you have typed is kept as a draft.")
        self.save_button.clicked.connect(self.save)
        self.finalise_button.clicked.connect(self.finalise)
        self.close_button.clicked.connect(self.close_editor)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.finalise_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        box.addLayout(buttons)
        self.pages.addWidget(page)
        self._edit_page = page

    def _build_record_page(self) -> None:
        page = QWidget(self)
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 0, 0, 0)
        self.record_view = QTextBrowser(page)
        self.record_view.setObjectName("meetingRecord")
        name_control(self.record_view, "The meeting record, as finalised, with its amendments")
        box.addWidget(self.record_view, 1)
        heading = QLabel("Add an amendment", page)
        set_tone(heading, "title")
        box.addWidget(heading)
        note = QLabel("A correction is added with today's date and your name; the record above "
                      "stays as it was finalised.", page)
        note.setWordWrap(True)
        set_tone(note, "hint")
        box.addWidget(note)
        author_label = QLabel("Your name", page)
        self.amend_author = QLineEdit(page)
        self.amend_author.setObjectName("amendAuthor")
        name_control(self.amend_author, "Name of the person making the amendment")
        author_label.setBuddy(self.amend_author)
        self.amend_author_problem = self._problem_label(page)
        text_label = QLabel("What needs correcting or adding", page)
        self.amend_text = QPlainTextEdit(page)
        self.amend_text.setObjectName("amendText")
        self.amend_text.setTabChangesFocus(True)
        self.amend_text.setMaximumHeight(self.amend_text.fontMetrics().lineSpacing() * 5 + 12)
        name_control(self.amend_text, "Text of the amendment")
        text_label.setBuddy(self.amend_text)
        self.amend_text_problem = self._problem_label(page)
        self.amend_button = QPushButton("Add the amendment", page)
        self.amend_button.setObjectName("addAmendment")
        name_control(self.amend_button, "Add the amendment")
        self.amend_button.clicked.connect(self.add_amendment)
        close = QPushButton("Close", page)
        name_control(close, "Close the record")
        close.clicked.connect(self.close_editor)
        for w in (author_label, self.amend_author, self.amend_author_problem, text_label,
                  self.amend_text, self.amend_text_problem):
            box.addWidget(w)
        row = QHBoxLayout()
        row.addWidget(self.amend_button)
        row.addStretch(1)
        row.addWidget(close)
        box.addLayout(row)
        self.pages.addWidget(page)
        self._record_page = page

    def _problem_label(self, parent: QWidget) -> QLabel:
        label = QLabel(parent)
        label.setWordWrap(True)
        set_tone(label, "error")
        label.setVisible(False)
        return label

    # -- opening ---------------------------------------------------------------------------

    @property
    def key(self) -> str:
        return draft_key(self.child_ref, self.kind, self.meeting_id)

    def _open(self) -> None:
        ref, meeting_id = self.child_ref, self.meeting_id

        def job(store: CaseStore) -> tuple[Child, Meeting | None, Draft | None]:
            child = store.child(ref)
            meeting = _find(store, ref, meeting_id) if meeting_id else None
            draft = (store.draft(draft_key(ref, None, meeting_id))
                     if meeting is not None and not meeting.is_final else None)
            return child, meeting, draft

        self.runner.call(job, self._opened, self._failed_to_open, owner=self)

    def _opened(self, result: tuple[Child, Meeting | None, Draft | None]) -> None:
        try:
            self._opened_now(result)
        except DefinitionError as exc:
            self._failed_to_open(exc)

    def _opened_now(self, result: tuple[Child, Meeting | None, Draft | None]) -> None:
        child, meeting, draft = result
        self._people = _people(child, self.user_name)
        self._child = child
        self._ids = {p.name: p.id for p in child.people if p.id and p.name}
        self._child_name = child.name
        self._earlier_reviews = [m.date for m in child.meetings
                                 if m.kind in REVIEW_MEETING_KINDS and m.id != self.meeting_id]
        self.meeting = meeting
        if meeting is not None:
            self.kind = meeting.kind
            if meeting.is_final:
                self._show_record(meeting)
            else:
                self._show_form(from_meeting(self._definition(), meeting,
                                             {i: n for n, i in self._ids.items()}), draft)
        elif self.kind is None:
            self.heading.setText(f"A new meeting record for {child.name}")
            name_window(self, f"A new meeting record for {child.name}")
            self.pages.setCurrentWidget(self._kind_page)
            self.kind_combo.setFocus()
            self.ready.emit()
        else:
            self._start(self.kind)

    def _start(self, kind: str) -> None:
        """A new record of `kind`: restore its autosaved draft if there is one."""
        self.kind = kind
        try:
            self._definition()
        except DefinitionError as exc:
            self._failed_to_open(exc)
            return
        key = self.key
        self.runner.call(lambda store: store.draft(key),
                         lambda draft: self._show_form({}, draft), self._failed_to_open, owner=self)

    def _definition(self) -> FormDef:
        assert self.kind is not None
        if self.form is None or self.form.kind != self.kind:
            self.form = definition_for(self.kind)
        return self.form

    def _show_form(self, values: Values, draft: Draft | None) -> None:
        form = self._definition()
        view = FormView(form, self._people)
        restored = draft.body.get("values") if draft is not None else None
        if isinstance(restored, dict) and draft is not None and draft.body.get("kind") == form.kind:
            view.set_values(restored)
            say(self.status, "What you were typing has been brought back from the last "
                             "automatic save.")
        else:
            view.set_values(values)
        view.changed.connect(self._edited)
        self.form_view = view
        self.scroll.setWidget(view)
        view.trailing = [self.save_button, self.finalise_button, self.close_button]
        view.chain_tab_order()  # now the buttons are in the same window as the fields
        what = "Editing the draft record" if self.meeting_id else "A new record"
        self.heading.setText(f"{form.title} for {self._child_name}: {what.lower()}")
        self._title(form.title)
        self.pages.setCurrentWidget(self._edit_page)
        self._every.start()
        view.focus_widgets()[0].setFocus()
        self.ready.emit()

    def _show_record(self, meeting: Meeting) -> None:
        self.meeting = meeting
        self._every.stop()
        self._debounce.stop()
        self._dirty = False
        self.kind = meeting.kind
        form = self._definition() if meeting.kind in definitions() else None
        self.record_view.setHtml(record_html(meeting, form, {i: n for n, i in self._ids.items()}))
        title = form.title if form else MEETING_KINDS.get(meeting.kind, "Meeting")
        self.heading.setText(f"{title} for {self._child_name}: final record")
        self._title(title)
        if not self.amend_author.text():
            self.amend_author.setText(self.user_name)
        self.pages.setCurrentWidget(self._record_page)
        self.record_view.setFocus()
        self.ready.emit()

    def _failed_to_open(self, error: Exception) -> None:
        self.heading.setText("The record could not be opened")
        if isinstance(error, DefinitionError):
            what = MEETING_KINDS.get(self.kind or "", "this kind of meeting")
            self._tell(f"{WARNING}There is no form for {what}, so this record cannot be shown "
                       f"here. Please tell whoever looks after PACE Desktop. ({error})",
                       error=True)
        else:
            self._tell(f"{WARNING}{error}", error=True)
        self.pages.setCurrentWidget(self._opening_page)
        self.opening_close.setFocus()
        self.ready.emit()

    # -- autosave --------------------------------------------------------------------------

    @property
    def is_read_only(self) -> bool:
        return self.pages.currentWidget() is self._record_page

    def _edited(self) -> None:
        self._dirty = True
        self._debounce.start()

    def _focus_moved(self, old: QWidget | None, _new: QWidget | None) -> None:
        if self._dirty and old is not None and self.isAncestorOf(old):
            self.autosave()

    def autosave(self) -> None:
        """Keep what is typed as a draft now, if anything changed since the last time."""
        if not self._dirty or self.form_view is None or self.is_read_only:
            return
        if self._draft_in_flight:
            self._debounce.start()  # once the one on its way has landed
            return
        self._queue_draft()

    def flush_draft(self) -> None:
        """Queue the draft now, even behind one already on its way: the app calls this just
        before it locks, and the worker runs jobs in order, so it lands before the store
        closes (a deferred autosave would find the store locked)."""
        if self._dirty and self.form_view is not None and not self.is_read_only:
            self._debounce.stop()
            self._queue_draft()

    def _queue_draft(self) -> None:
        self._dirty = False
        self._draft_in_flight = True
        key, ref, kind = self.key, self.child_ref, self.kind or ""
        body: dict[str, Any] = {"kind": kind, "meeting_id": self.meeting_id,
                                "values": self.form_view.values()}
        self.runner.call(lambda store: store.save_draft(key, ref, kind, body),
                         lambda _: self._draft_kept(key), self._draft_failed, owner=self)

    def _draft_kept(self, key: str) -> None:
        self._draft_in_flight = False
        self.draft_saved.emit(key)
        if self._closing and not self._dirty:
            self._finish_close()

    def _draft_failed(self, error: Exception) -> None:
        self._draft_in_flight = False
        self._closing = False  # stay open: what is typed is only on screen now
        self._dirty = True  # try again at the next tick
        self._tell(f"{WARNING}What you typed could not be kept as a draft just now ({error}). "
                   "It is still on screen; saving will be tried again.", error=True)

    # -- save, finalise, amend ---------------------------------------------------------------

    def _checked_meeting(self) -> Meeting | None:
        """The record as typed, or None after showing what needs putting right."""
        if self.form_view is None or self.is_read_only:
            return None
        form = self._definition()
        values = self.form_view.values()
        problems = validate(form, values, list(self._ids))
        first = self.form_view.show_problems(problems)
        if problems:
            n = len(problems)
            self._tell(f"{WARNING}{n} thing{'s' if n > 1 else ''} to put right first: "
                       "see the messages beside the fields.", error=True)
            if first is not None:
                self.scroll.ensureWidgetVisible(first)
                first.setFocus()
            return None
        return to_meeting(form, values, self.meeting_id or "", self.meeting, self._ids)

    def _asked_first(self, then: Callable[[], None]) -> bool:
        """True when something about the record is worth a question first (a date a year
        ahead, a next review later than the review clock allows); `then` runs if the person
        says it is right."""
        assert self.form_view is not None
        values = self.form_view.values()
        if values == self._cautions_accepted:
            return False
        found = cautions(self._definition(), values, date.today(), self._earlier_reviews)
        if not found:
            return False
        box = QMessageBox(QMessageBox.Icon.Question, "Is this right?",
                          "\n\n".join(c.message for c in found),
                          QMessageBox.StandardButton.NoButton, self)
        right = box.addButton("Yes, it is right", QMessageBox.ButtonRole.AcceptRole)
        back = box.addButton("Go back and change it", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(back)

        def answered(button: object) -> None:
            if button is right:
                self._cautions_accepted = values
                then()
            else:
                first = self.form_view.editors[found[0].field_id] if self.form_view else None
                if first is not None:
                    first.focus_widgets()[0].setFocus()

        box.buttonClicked.connect(answered)
        self.caution_box = box
        box.open()
        return True

    def save(self) -> None:
        meeting = self._checked_meeting()
        if meeting is None or self._asked_first(self.save):
            return
        ref, old_key = self.child_ref, self.key

        def job(store: CaseStore) -> Meeting:
            # One operation: the record and the end of its autosave, so a crash between them
            # cannot leave a "new meeting" draft that would make the meeting twice.
            changes = store.save_meeting(ref, meeting, drafts=(old_key,))
            return _find(store, ref, changes.record)

        self._set_busy(True)
        self._dirty = False
        self.runner.call(job, self._saved, self._failed, owner=self)

    def _saved(self, meeting: Meeting) -> None:
        self._set_busy(False)
        self.meeting, self.meeting_id = meeting, meeting.id
        self._tell("Saved. This is a draft record: it can still be changed until it is "
                   "finalised.")
        self.saved.emit(meeting.id)

    def finalise(self) -> None:
        meeting = self._checked_meeting()
        if meeting is None or self._refused(meeting) or self._asked_first(self.finalise):
            return
        text = CONFIRM_FINALISE
        changes = legal_change_lines(meeting, self._child) if self._child else []
        if changes:
            # The order is typed once, here: finalising brings the legal status up to date.
            text += ("\n\nFinalising also brings the legal status up to date:\n"
                     + "\n".join(f"• {line}" for line in changes))
        box = QMessageBox(QMessageBox.Icon.Question, "Finalise this record?",
                          text, QMessageBox.StandardButton.NoButton, self)
        go = box.addButton("Finalise the record", QMessageBox.ButtonRole.AcceptRole)
        back = box.addButton("Go back", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(back)
        box.buttonClicked.connect(lambda b: self._finalise_now(meeting) if b is go else None)
        self.confirm_box = box
        box.open()

    def _refused(self, meeting: Meeting) -> bool:
        """True (and the reasons shown beside the decisions) when the record still needs
        reasons; the store refuses it too, so this only says so sooner."""
        if self._child is None or self.form_view is None:
            return False
        problems = finalise_problems(meeting, self._child)
        if not problems:
            return False
        first = self.form_view.show_problems(problems)
        self._tell(f"{WARNING}The record cannot be finalised yet: "
                   f"{problems[0].message}.", error=True)
        if first is not None:
            self.scroll.ensureWidgetVisible(first)
            first.setFocus()
        return True

    def _finalise_now(self, meeting: Meeting) -> None:
        ref, old_key = self.child_ref, self.key

        def job(store: CaseStore) -> Meeting:
            drafts = {old_key}
            if meeting.id:
                drafts.add(draft_key(ref, None, meeting.id))
            changes = store.save_meeting(ref, meeting, drafts=sorted(drafts), finalise=True)
            return _find(store, ref, changes.record)

        self._set_busy(True)
        self._dirty = False
        self.runner.call(job, self._finalised, self._failed, owner=self)

    def _finalised(self, meeting: Meeting) -> None:
        self._set_busy(False)
        self.meeting_id = meeting.id
        self._show_record(meeting)
        self._tell("The record is final. Corrections can be added below as dated amendments.")
        self.finalised.emit(meeting.id)

    def add_amendment(self) -> None:
        if self.meeting is None or not self.meeting.is_final:
            return
        author = self.amend_author.text().strip()
        text = self.amend_text.toPlainText().strip()
        for label, widget, message in (
                (self.amend_author_problem, self.amend_author,
                 "" if author else "Say who is making the amendment"),
                (self.amend_text_problem, self.amend_text,
                 "" if text else "Write what needs correcting or adding")):
            say(label, WARNING + message if message else "")
            widget.setAccessibleDescription(message)
        if not author or not text:
            (self.amend_author if not author else self.amend_text).setFocus()
            return
        ref, uid = self.child_ref, self.meeting.id

        def job(store: CaseStore) -> Meeting:
            store.amend_meeting(ref, uid, author, text)
            return _find(store, ref, uid)

        self._set_busy(True)
        self.runner.call(job, self._amended, self._failed, owner=self)

    def _amended(self, meeting: Meeting) -> None:
        self._set_busy(False)
        self.amend_text.clear()
        self._show_record(meeting)
        self._tell("The amendment has been added under the record.")

    def close_editor(self) -> None:
        """Keep anything typed since the last autosave, then say `closed`."""
        self._closing = True
        self._every.stop()
        if self._dirty and not self.is_read_only:
            self.autosave()
        elif not self._draft_in_flight:
            self._finish_close()

    def _finish_close(self) -> None:
        self._closing = False
        self._may_close = True
        self.closed.emit()
        self.close()

    def close_now(self) -> None:
        """Close at once, asking nothing more of the store (on lock: the draft was flushed)."""
        self._every.stop()
        self._debounce.stop()
        self._may_close = True
        self.close()

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
