"""Editors for the single-answer field types: text, long text, date, person, choices, yes/no.

Every editor is a `FieldEditor`: `value()` gives the field's value in the shape that
pace_desktop.forms.values describes, `set_value()` shows one without emitting `changed`, and
`focus_widgets()` lists its controls in Tab order, so the form can chain them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from pace_desktop.forms import FieldDef
from pace_desktop.forms.answers import choice_parts
from pace_desktop.gui.looks import NEEDED

DATE_PLACEHOLDER = "dd/mm/yyyy"


class FieldEditor(QWidget):
    """One field's controls. Subclasses build them and implement the value methods."""

    changed = Signal()
    # The set of controls changed (rows added or removed): the form re-chains Tab order.
    controls_changed = Signal()

    def __init__(self, field: FieldDef, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self._quiet = False

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        self._quiet = True
        try:
            self._show(value)
        finally:
            self._quiet = False

    def _show(self, value: Any) -> None:
        raise NotImplementedError

    def focus_widgets(self) -> list[QWidget]:
        raise NotImplementedError

    def set_read_only(self, read_only: bool) -> None:
        for w in self.focus_widgets():
            w.setEnabled(not read_only)

    def mark_needed(self) -> None:
        """Say "needed" to assistive technology, as the visible label does: every control
        of the field is named "<label>, needed"."""
        for w in self.focus_widgets():
            w.setAccessibleName(needed_name(w.accessibleName()))

    def set_problem(self, text: str) -> None:
        """Say the problem to assistive technology on the controls themselves."""
        for w in self.focus_widgets():
            w.setAccessibleDescription(text or self.field.help)

    def _changed(self, *_: object) -> None:
        if not self._quiet:
            self.changed.emit()


def needed_name(name: str) -> str:
    """A field's accessible name marked as needed (the visible label says "(needed)")."""
    return name if name.endswith(NEEDED) else name + NEEDED


def name_control(widget: QWidget, name: str, help_text: str = "") -> QWidget:
    widget.setAccessibleName(name)
    if help_text:
        widget.setToolTip(help_text)
        widget.setAccessibleDescription(help_text)
    return widget


def date_line(parent: QWidget, name: str, help_text: str = "") -> QLineEdit:
    """A date typed as day/month/year; the core reads and checks it (forms.values)."""
    line = QLineEdit(parent)
    line.setPlaceholderText(DATE_PLACEHOLDER)
    line.setMaxLength(10)
    name_control(line, name, help_text or "Day/month/year, for example 14/03/2025")
    return line


class TextEditor(FieldEditor):
    def __init__(self, field: FieldDef, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.line = QLineEdit(self)
        self.line.setObjectName(f"field_{field.id}")
        name_control(self.line, field.label, field.help)
        QVBoxLayout(self).setContentsMargins(0, 0, 0, 0)
        self.layout().addWidget(self.line)
        self.line.textChanged.connect(self._changed)

    def value(self) -> str:
        return self.line.text()

    def _show(self, value: Any) -> None:
        self.line.setText(value if isinstance(value, str) else "")

    def focus_widgets(self) -> list[QWidget]:
        return [self.line]


class DateEditor(TextEditor):
    def __init__(self, field: FieldDef, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.line.setPlaceholderText(DATE_PLACEHOLDER)
        self.line.setMaxLength(10)
        self.line.setMaximumWidth(self.line.fontMetrics().horizontalAdvance("00/00/00000") + 24)


class LongTextEditor(FieldEditor):
    def __init__(self, field: FieldDef, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName(f"field_{field.id}")
        # Tab moves on, as in every other field; a meeting is recorded from the keyboard.
        self.text.setTabChangesFocus(True)
        lines = self.text.fontMetrics().lineSpacing()
        self.text.setMinimumHeight(lines * 4 + 12)
        self.text.setMaximumHeight(lines * 9 + 12)
        name_control(self.text, field.label, field.help)
        QVBoxLayout(self).setContentsMargins(0, 0, 0, 0)
        self.layout().addWidget(self.text)
        self.text.textChanged.connect(self._changed)

    def value(self) -> str:
        return self.text.toPlainText()

    def _show(self, value: Any) -> None:
        self.text.setPlainText(value if isinstance(value, str) else "")

    def focus_widgets(self) -> list[QWidget]:
        return [self.text]

    def set_read_only(self, read_only: bool) -> None:
        self.text.setReadOnly(read_only)


class PersonEditor(FieldEditor):
    """A name: pick one of the people in the child's record, or type another."""

    def __init__(self, field: FieldDef, people: Sequence[str], parent: QWidget | None = None
                 ) -> None:
        super().__init__(field, parent)
        self.combo = QComboBox(self)
        self.combo.setObjectName(f"field_{field.id}")
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.combo.addItems(list(people))
        self.combo.setCurrentIndex(-1)
        self.combo.setEditText("")
        name_control(self.combo, field.label, field.help)
        QVBoxLayout(self).setContentsMargins(0, 0, 0, 0)
        self.layout().addWidget(self.combo)
        self.combo.editTextChanged.connect(self._changed)

    def value(self) -> str:
        return self.combo.currentText()

    def _show(self, value: Any) -> None:
        self.combo.setEditText(value if isinstance(value, str) else "")

    def focus_widgets(self) -> list[QWidget]:
        return [self.combo]


class ChoiceEditor(FieldEditor):
    """A drop-down of the field's choices, with an optional line of detail in words."""

    def __init__(self, field: FieldDef, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.combo = QComboBox(self)
        self.combo.setObjectName(f"field_{field.id}")
        self.combo.addItem("Not chosen yet", "")
        for c in field.options:
            self.combo.addItem(c.label, c.code)
        name_control(self.combo, field.label, field.help)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo)
        self.detail: QLineEdit | None = None
        if field.detail_label:
            self.detail = QLineEdit(self)
            self.detail.setObjectName(f"field_{field.id}_detail")
            self.detail.setPlaceholderText(field.detail_label)
            name_control(self.detail, field.detail_label, field.detail_help)
            layout.addWidget(self.detail)
            self.detail.textChanged.connect(self._changed)
        self.combo.currentIndexChanged.connect(self._changed)

    def value(self) -> Any:
        code = self.combo.currentData() or ""
        if self.detail is None:
            return code
        return {"choice": code, "detail": self.detail.text()}

    def _show(self, value: Any) -> None:
        code, detail = choice_parts(value) or ("", "")
        index = self.combo.findData(code)
        self.combo.setCurrentIndex(max(index, 0))
        if self.detail is not None:
            self.detail.setText(detail)

    def focus_widgets(self) -> list[QWidget]:
        return [self.combo] + ([self.detail] if self.detail is not None else [])


class YesNoEditor(FieldEditor):
    """Two radio buttons; arrow keys move between them, as in any radio group."""

    def __init__(self, field: FieldDef, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        for c in field.options:
            button = QRadioButton(c.label, self)
            button.setObjectName(f"field_{field.id}_{c.code}")
            name_control(button, f"{field.label} {c.label}", field.help)
            self.group.addButton(button)
            self.buttons[c.code] = button
            button.installEventFilter(self)
            layout.addWidget(button)
        layout.addStretch(1)
        self.group.buttonToggled.connect(self._changed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        # Qt's radio buttons only move the focus with the arrow keys while nothing is chosen;
        # here an arrow chooses, as a person expects of a Yes/No question.
        if event.type() == QEvent.Type.KeyPress and watched in self.buttons.values():
            key = event.key()  # type: ignore[attr-defined]
            step = {Qt.Key.Key_Left: -1, Qt.Key.Key_Up: -1,
                    Qt.Key.Key_Right: 1, Qt.Key.Key_Down: 1}.get(Qt.Key(key))
            if step is not None:
                buttons = list(self.buttons.values())
                target = buttons[(buttons.index(watched) + step) % len(buttons)]  # type: ignore[arg-type]
                target.setChecked(True)
                target.setFocus(Qt.FocusReason.TabFocusReason)
                return True
        return super().eventFilter(watched, event)

    def value(self) -> str:
        return next((code for code, b in self.buttons.items() if b.isChecked()), "")

    def _show(self, value: Any) -> None:
        # An exclusive group cannot show "no answer" once one is checked: lift it briefly.
        self.group.setExclusive(False)
        for code, b in self.buttons.items():
            b.setChecked(code == value)
        self.group.setExclusive(True)

    def focus_widgets(self) -> list[QWidget]:
        return list(self.buttons.values())


class MultiChoiceEditor(FieldEditor):
    """A check box for each choice, so each can be reached with Tab and ticked with Space."""

    def __init__(self, field: FieldDef, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}
        for c in field.options:
            box = QCheckBox(c.label, self)
            box.setObjectName(f"field_{field.id}_{c.code}")
            name_control(box, f"{field.label} {c.label}", field.help)
            box.toggled.connect(self._changed)
            self.boxes[c.code] = box
            layout.addWidget(box)

    def value(self) -> list[str]:
        return [code for code, box in self.boxes.items() if box.isChecked()]

    def _show(self, value: Any) -> None:
        chosen = value if isinstance(value, list) else []
        for code, box in self.boxes.items():
            box.setChecked(code in chosen)

    def focus_widgets(self) -> list[QWidget]:
        return list(self.boxes.values())
