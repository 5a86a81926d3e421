"""The frame every add/edit dialog of the child record shares.

A form whose every field has a message line right under it: a problem is said next to the
field it is about (and read out by screen readers, as the field's description). Saving goes
to the store's worker; if the store refuses, its own plain words appear at the top and the
dialog stays open with everything typed still there.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from pace_desktop.domain.bounds import length_problem
from pace_desktop.gui.announce import announce
from pace_desktop.gui.looks import NEEDED, say, set_tone
from pace_desktop.gui.store_worker import StoreRunner
from pace_desktop.gui.unlock_window import plain_failure
from pace_desktop.store import CaseStore, OpChanges
from pace_desktop.views.episode_checks import Problems


class RecordDialog(QDialog):
    """Subclasses add fields with `field(...)`, and define `check()` and `job()`."""

    saved = Signal(OpChanges)  # what the store changed

    def __init__(self, runner: StoreRunner, title: str, intro: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setModal(True)
        self._runner = runner
        self._edited = False  # something typed or chosen: Escape then asks before discarding
        self._focused_once = False
        self.confirm_box: QMessageBox | None = None
        self.fields: dict[str, QWidget] = {}
        self.bound: dict[str, str] = {}  # text box -> the record field whose bound it keeps
        self.messages: dict[str, QLabel] = {}
        layout = QVBoxLayout(self)
        if intro:
            hint = QLabel(intro)
            hint.setWordWrap(True)
            set_tone(hint, "hint")
            layout.addWidget(hint)
        self.store_message = QLabel()
        self.store_message.setWordWrap(True)
        set_tone(self.store_message, "error")
        say(self.store_message, "")
        layout.addWidget(self.store_message)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        layout.addLayout(self.form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        for button in self.buttons.buttons():
            button.setAccessibleName(button.text().replace("&", ""))
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)

    # -- building --------------------------------------------------------------------------------

    def field[W: QWidget](self, name: str, label: str, widget: W, hint: str = "",
                          needed: bool = False) -> W:
        """Add a row: caption, control, message line. A `needed` field says so in its
        caption and, for assistive technology, in its name ("Name, needed")."""
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        message = QLabel()
        message.setWordWrap(True)
        set_tone(message, "error")
        say(message, "")
        column.addWidget(message)
        widget.setAccessibleName(label.replace("&", "") + (NEEDED if needed else ""))
        if hint:
            widget.setToolTip(hint)
            if isinstance(widget, QLineEdit):
                widget.setPlaceholderText(hint)
        caption = QLabel(label + ("  (needed)" if needed else ""))
        caption.setBuddy(widget)
        self.form.addRow(caption, holder)
        self.fields[name] = widget
        self.messages[name] = message
        _clear_on_edit(widget, lambda: self._field_edited(name))
        return widget

    def text_field(self, name: str, label: str, value: str | None = "", hint: str = "",
                   needed: bool = False, record_field: str | None = None) -> QLineEdit:
        """A one-line box; `record_field` names the record's field it fills (when not
        `name`), whose length bound (domain.bounds) is checked on Save."""
        self.bound[name] = record_field or name
        return self.field(name, label, QLineEdit(value or ""), hint, needed)

    def long_field(self, name: str, label: str, value: str | None = "",
                   needed: bool = False, record_field: str | None = None) -> QPlainTextEdit:
        self.bound[name] = record_field or name
        edit = QPlainTextEdit(value or "")
        edit.setTabChangesFocus(True)  # Tab must move on, as everywhere else in the form
        edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 4 + 12)
        return self.field(name, label, edit, needed=needed)

    def choice_field(self, name: str, label: str, choices: dict[str, str],
                     value: str | None, blank: str, needed: bool = False) -> QComboBox:
        combo = QComboBox()
        combo.addItem(blank, "")
        for code, text in choices.items():
            combo.addItem(text, code)
        index = combo.findData(value or "")
        combo.setCurrentIndex(max(index, 0))
        return self.field(name, label, combo, needed=needed)

    def flag_field(self, name: str, label: str, checked: bool) -> QCheckBox:
        box = QCheckBox()
        box.setChecked(checked)
        return self.field(name, label, box)

    def _field_edited(self, name: str) -> None:
        self._edited = True
        self._say(name, "")

    # -- focus and leaving -----------------------------------------------------------------------

    def first_field(self) -> QWidget | None:
        """Where typing starts: the first field that can be typed into."""
        for widget in self.fields.values():
            if widget.isEnabled() and not (isinstance(widget, QLineEdit) and widget.isReadOnly()):
                return widget
        return None

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if not self._focused_once:
            # The fields are made after the buttons, so Qt would start on Save: a person who
            # starts typing would lose the first word, and a space would press Save.
            self._focused_once = True
            widgets = [*self.fields.values(), *self.buttons.buttons()]
            for before, after in zip(widgets, widgets[1:], strict=False):
                QWidget.setTabOrder(before, after)
            first = self.first_field()
            if first is not None:
                first.setFocus(Qt.FocusReason.OtherFocusReason)

    def reject(self) -> None:
        """Escape or Cancel: ask before throwing away what was typed."""
        if not self._edited or not self.isEnabled():
            super().reject()
            return
        box = QMessageBox(QMessageBox.Icon.Question, "Discard what you typed?",
                          "You have typed changes that are not saved yet.",
                          QMessageBox.StandardButton.NoButton, self)
        discard = box.addButton("&Discard the changes", QMessageBox.ButtonRole.DestructiveRole)
        back = box.addButton("&Keep typing", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(back)
        box.setEscapeButton(back)
        box.buttonClicked.connect(
            lambda b: QDialog.reject(self) if b is discard else None)
        self.confirm_box = box
        box.open()

    # -- saving ----------------------------------------------------------------------------------

    def check(self) -> Problems:
        return {}

    def job(self) -> Callable[[CaseStore], Any]:
        raise NotImplementedError

    def save(self) -> None:
        say(self.store_message, "")
        problems = self.check()
        for name, record_field in self.bound.items():  # the same bounds as an import
            long = length_problem(record_field, text_of(self.fields[name]))
            if long:
                problems.setdefault(name, long)
        for name in self.messages:
            self._say(name, problems.get(name, ""))
        if problems:
            first = next(name for name in self.fields if name in problems)
            self.fields[first].setFocus(Qt.FocusReason.OtherFocusReason)
            # Focus lands on the first field, whose description says its own problem; the
            # count says how many more there are.
            n = len(problems)
            announce(self, f"{n} thing{'s' if n > 1 else ''} to put right first: see the "
                           "message under each field.", urgent=True)
            return
        self.setEnabled(False)
        self._runner.call(self.job(), self._done, self._failed)

    def _done(self, changes: OpChanges) -> None:
        self.setEnabled(True)
        self.saved.emit(changes)
        # The dialog goes and focus returns to the record: say that it worked.
        announce(self.parentWidget() or self, f"Saved: {self.windowTitle().lower()}.")
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.setEnabled(True)
        say(self.store_message, plain_failure(exc, "saving"))

    def _say(self, name: str, text: str) -> None:
        label = self.messages[name]
        if label.text() != text:
            say(label, text)
            self.fields[name].setAccessibleDescription(text)
            # Grow for a message of two lines, and shrink back once it has gone: once the
            # layouts have taken the change in (after this event), not before.
            QTimer.singleShot(0, self._fit)

    def _fit(self) -> None:
        width = self.width()
        self.adjustSize()
        self.resize(max(width, self.width()), self.sizeHint().height())

    def message(self, name: str) -> str:
        """What is said next to a field now ('' when nothing is wrong)."""
        label = self.messages[name]
        return label.text() if not label.isHidden() else ""


def text_of(widget: QWidget) -> str:
    if isinstance(widget, QLineEdit):
        return widget.text().strip()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText().strip()
    if isinstance(widget, QComboBox):
        return str(widget.currentData() or "")
    raise TypeError(type(widget).__name__)


def _clear_on_edit(widget: QWidget, clear: Callable[[], None]) -> None:
    """A field's message goes as soon as the person starts putting it right."""
    if isinstance(widget, QLineEdit):
        widget.textEdited.connect(lambda _: clear())
    elif isinstance(widget, QPlainTextEdit):
        widget.textChanged.connect(clear)
    elif isinstance(widget, QComboBox):
        widget.currentIndexChanged.connect(lambda _: clear())
    elif isinstance(widget, QCheckBox):
        widget.toggled.connect(lambda _: clear())
