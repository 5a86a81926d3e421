"""The print dialog's window: who the copy is for and the document's choices on the left,
the preview on the right, and the actions under them (built once, then connected)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from pace_desktop.gui.date_edit import DateEdit
from pace_desktop.gui.looks import enlarge, say, set_tone
from pace_desktop.gui.printing.preview import PreviewPane
from pace_desktop.gui.printing.review_panel import ReviewPanel
from pace_desktop.print_jobs import DOCUMENTS
from pace_desktop.settings import Settings

READ_FIRST = ("Names, phone numbers, addresses, schools and roads found in the text are"
              " highlighted in the preview: decide on each under Identifiers.")


class PrintWindow:
    """Mixed into PrintDialog, which provides the attributes named here."""

    document: str
    settings: Settings
    _closing: bool
    from_check: QCheckBox
    to_check: QCheckBox
    _choices_changed: Callable[[], None]
    _recipient_changed: Callable[[], None]
    _show_withholding: Callable[[], None]
    load_recipients: Callable[[], None]
    print_document: Callable[[], None]
    save_as_pdf: Callable[[], None]
    stop_printing: Callable[[], None]

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        self.about_label = QLabel(f"Preparing the {DOCUMENTS[self.document].lower()}…")
        self.about_label.setWordWrap(True)
        enlarge(self.about_label, 1.25)
        set_tone(self.about_label, "title")
        outer.addWidget(self.about_label)

        body = QHBoxLayout()
        # The choices scroll when the window is short (a large display scale), rather than
        # squeezing their words on top of one another.
        choices = QScrollArea()
        choices.setWidget(self._build_choices())
        choices.setWidgetResizable(True)
        choices.setFrameShape(QFrame.Shape.NoFrame)
        choices.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        choices.setAccessibleName("Choices for this copy")  # arrows scroll it, as the preview
        choices.setFixedWidth(choices.widget().width() + choices.verticalScrollBar().sizeHint()
                              .width() + 4)
        body.addWidget(choices, 0)
        self.preview = PreviewPane()
        self.preview.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        body.addWidget(self.preview, 1)
        outer.addLayout(body, 1)

        self.message = QLabel()
        self.message.setWordWrap(True)
        set_tone(self.message, "error")
        say(self.message, "")
        outer.addWidget(self.message)

        bottom = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Progress")
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(False)
        self.status = QLabel()
        set_tone(self.status, "hint")
        self.print_button = self._action_button("&Print…", "Print", self.print_document)
        self.print_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
        self.save_button = self._action_button("&Save as PDF…", "Save as PDF",
                                               self.save_as_pdf)
        self.stop_button = self._action_button("St&op printing", "Stop printing",
                                               self.stop_printing)
        self.stop_button.hide()
        self.close_button = self._action_button("Close", "Close", self.close)
        bottom.addWidget(self.progress)
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.stop_button)
        bottom.addWidget(self.print_button)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.close_button)
        outer.addLayout(bottom)
        self.resize(1180, 820)

    def _build_choices(self) -> QWidget:
        panel = QWidget()
        panel.setFixedWidth(380)
        column = QVBoxLayout(panel)
        column.setContentsMargins(0, 0, 6, 0)

        # The question is a label linked to its combo box rather than the group's title: on
        # Linux a combo box is heard as its value ("Panel members") and only a linked label
        # says what is being chosen.
        who = QGroupBox()
        who_layout = QVBoxLayout(who)
        self.recipient_combo = QComboBox()
        self.recipient_combo.setAccessibleName("Who is this copy for?")
        who_label = QLabel("&Who is this copy for?")
        enlarge(who_label, 1.0)
        who_label.setBuddy(self.recipient_combo)
        who_layout.addWidget(who_label)
        # No default: the copy is for someone, and what is left out depends on whom.
        self.load_recipients()
        who_layout.addWidget(self.recipient_combo)
        self.withholding_label = self._hint("", "What is left out")
        who_layout.addWidget(self.withholding_label)
        who_layout.addWidget(self._hint(READ_FIRST, "Read before sending"))
        column.addWidget(who)
        if self.document == "clocks_report":
            # The report names children and clocks only; it is not made for anyone outside.
            who.hide()
            column.addWidget(self._hint("The clocks report is for use within the service.",
                                        "Who the report is for"))

        self.entries_box = QGroupBox("Entries")
        form = QFormLayout(self.entries_box)
        today = QDate.currentDate()
        self.from_check, self.from_edit = self._date_row(form, "&From", today.addYears(-1))
        self.to_check, self.to_edit = self._date_row(form, "&To", today)
        self.significant_label = self._hint(
            "Only entries marked significant are included: a chronology is a summary of"
            " significant events, not the whole record.", "Only significant entries")
        form.addRow(self.significant_label)
        self.journey_check = QCheckBox("Open with the timeline and the clocks")
        self.journey_check.setAccessibleName("Open with the timeline and the clocks")
        form.addRow(self.journey_check)
        self.clocks_check = QCheckBox("Show the c&locks to this recipient too")
        self.clocks_check.setAccessibleName("Show the clocks to this recipient too")
        self.clocks_check.setToolTip("Internal copies always show the clocks table; other"
                                     " copies only when this is ticked.")
        form.addRow(self.clocks_check)
        self.page_button = QPushButton("&Analysis and sources…")
        self.page_button.setAccessibleName("Analysis and sources")
        self.page_button.setAutoDefault(False)
        form.addRow(self.page_button)
        column.addWidget(self.entries_box)
        self.entries_box.setVisible(self.document == "chronology")
        self.review = ReviewPanel()
        self.review.setVisible(self.document != "clocks_report")
        column.addWidget(self.review, 1)

        self.worker_box = QGroupBox()
        worker_layout = QVBoxLayout(self.worker_box)
        self.worker_combo = QComboBox()
        self.worker_combo.setAccessibleName("Whose children?")
        worker_label = QLabel("W&hose children?")
        enlarge(worker_label, 1.0)
        worker_label.setBuddy(self.worker_combo)
        worker_layout.addWidget(worker_label)
        self.worker_combo.addItem("The whole caseload", None)
        worker_layout.addWidget(self.worker_combo)
        column.addWidget(self.worker_box)
        self.worker_box.setVisible(self.document == "clocks_report")

        marking = self._hint(
            f"Every page is marked {self.settings.protective_marking} and says who printed it"
            " and when.", "Marking")
        column.addWidget(marking)
        if self.document == "clocks_report":
            column.addStretch(1)
        self._show_withholding()
        return panel

    def _date_row(self, form: QFormLayout, text: str,
                  start: QDate) -> tuple[QCheckBox, QDateEdit]:
        plain = text.replace("&", "")
        check = QCheckBox(text)
        check.setAccessibleName(f"Only entries {plain.lower()} a date")
        edit = DateEdit(start)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("d MMM yyyy")
        edit.setEnabled(False)
        edit.setAccessibleName(f"{plain} date")
        check.toggled.connect(edit.setEnabled)
        form.addRow(check, edit)
        return check, edit

    def _hint(self, text: str, about: str) -> QLabel:
        # No accessible name: on Linux a label's name is read instead of its words, so the
        # words stay the name and `about` says what they are about.
        label = QLabel(text)
        label.setWordWrap(True)
        label.setAccessibleDescription(about)
        set_tone(label, "hint")
        return label

    def _action_button(self, text: str, name: str, slot: object) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(name)
        # Enter in a date box must not print or save by accident.
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    def _connect_choices(self) -> None:
        self.recipient_combo.currentIndexChanged.connect(lambda _: self._recipient_changed())
        self.worker_combo.currentIndexChanged.connect(lambda _: self._choices_changed())
        for check in (self.from_check, self.to_check, self.journey_check):
            check.toggled.connect(lambda _: self._choices_changed())
        for edit in (self.from_edit, self.to_edit):
            edit.dateChanged.connect(lambda _: self._choices_changed())

    def _workers_loaded(self, names: list[str]) -> None:
        if self._closing:
            return
        for name in names:
            self.worker_combo.addItem(f"{name}'s children", name)

