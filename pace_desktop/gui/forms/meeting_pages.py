"""The pages of a meeting editor: opening, choosing the kind, the form being typed, and
the final record read-only with its amendments and a way to add one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from pace_desktop.domain.vocab import MEETING_KINDS
from pace_desktop.forms import definitions
from pace_desktop.gui.forms.meeting_parts import MeetingParts
from pace_desktop.gui.forms.simple_fields import name_control
from pace_desktop.gui.looks import set_tone


class MeetingPages(MeetingParts):
    """Building the editor's pages."""

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
