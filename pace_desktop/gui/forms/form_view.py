"""The one generic form view: renders any decision-form definition, built in code.

The fixed screens are Qt Designer files; this one is generated from resources/forms/*.toml,
so a new or changed form needs no code. Each field shows, top to bottom: its label, its help
in small text (also the controls' tooltip), its controls, and a problem line that appears
only when validation finds something, in words with a "⚠" in front (not colour alone) and
repeated as the controls' accessible description. Tab visits every control in field order.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from pace_desktop.forms import FieldDef, FieldProblem, FormDef, Values, blank_values
from pace_desktop.gui.forms.list_fields import ActionList, AttendeeList, DecisionList
from pace_desktop.gui.forms.part_fields import BOX_EDITORS, PART_EDITORS
from pace_desktop.gui.forms.simple_fields import (
    ChoiceEditor,
    DateEditor,
    FieldEditor,
    LongTextEditor,
    MultiChoiceEditor,
    PersonEditor,
    TextEditor,
    YesNoEditor,
)
from pace_desktop.gui.looks import enlarge, say, set_tone

WARNING = "⚠ "


def make_editor(field: FieldDef, people: Sequence[str], parent: QWidget) -> FieldEditor:
    match field.type:
        case "text":
            return TextEditor(field, parent)
        case "long_text":
            return LongTextEditor(field, parent)
        case "date":
            return DateEditor(field, parent)
        case "person":
            return PersonEditor(field, people, parent)
        case "choice":
            return ChoiceEditor(field, parent)
        case "yes_no":
            return YesNoEditor(field, parent)
        case "multi_choice":
            return MultiChoiceEditor(field, parent)
        case "attendee_list":
            return AttendeeList(field, people, parent)
        case "decision_list":
            return DecisionList(field, people, parent)
        case "action_list":
            return ActionList(field, people, parent)
        case kind if kind in PART_EDITORS:
            return PART_EDITORS[kind](field, people, parent)
        case kind if kind in BOX_EDITORS:
            return BOX_EDITORS[kind](field, parent)
    raise ValueError(f"No editor for field type {field.type!r}")


class FormView(QWidget):
    """Shows a form's fields; `values()` and `set_values()` speak forms.values' plain dicts.

    `changed` fires on every edit a person makes (not on `set_values`).
    """

    changed = Signal()

    def __init__(self, form: FormDef, people: Sequence[str] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = form
        self.editors: dict[str, FieldEditor] = {}
        self.problem_labels: dict[str, QLabel] = {}
        # Controls outside the form that Tab should reach after its last field (its buttons).
        self.trailing: list[QWidget] = []
        layout = QVBoxLayout(self)
        title = QLabel(form.title, self)
        title.setObjectName("formTitle")
        enlarge(title, 1.3)
        set_tone(title, "title")
        layout.addWidget(title)
        if form.about:
            about = QLabel(form.about, self)
            about.setWordWrap(True)
            layout.addWidget(about)
        fields = QFormLayout()
        fields.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        layout.addLayout(fields)
        for field in form.fields:
            fields.addRow(self._field_block(field, people))
        layout.addStretch(1)
        self.chain_tab_order()

    def _field_block(self, field: FieldDef, people: Sequence[str]) -> QWidget:
        block = QWidget(self)
        block.setObjectName(f"block_{field.id}")
        box = QVBoxLayout(block)
        box.setContentsMargins(0, 6, 0, 6)
        box.setSpacing(3)
        label = QLabel(field.label + ("  (needed)" if field.required else ""), block)
        label.setObjectName(f"label_{field.id}")
        enlarge(label, 1.0)
        label.setWordWrap(True)
        box.addWidget(label)
        if field.help:
            help_label = QLabel(field.help, block)
            help_label.setWordWrap(True)
            enlarge(help_label, 0.9, bold=False)
            set_tone(help_label, "hint")
            box.addWidget(help_label)
        editor = make_editor(field, people, block)
        if field.required:
            editor.mark_needed()
        first = editor.focus_widgets()[0]
        label.setBuddy(first)
        box.addWidget(editor)
        problem = QLabel(block)
        problem.setObjectName(f"problem_{field.id}")
        problem.setWordWrap(True)
        set_tone(problem, "error")
        problem.setVisible(False)
        box.addWidget(problem)
        editor.changed.connect(self.changed)
        editor.controls_changed.connect(self.chain_tab_order)
        self.editors[field.id] = editor
        self.problem_labels[field.id] = problem
        return block

    def values(self) -> Values:
        return {fid: editor.value() for fid, editor in self.editors.items()}

    def set_values(self, values: dict[str, Any]) -> None:
        """Show `values` (missing fields blank); does not emit `changed`."""
        merged = {**blank_values(self.form), **values}
        for fid, editor in self.editors.items():
            editor.set_value(merged[fid])

    def show_problems(self, problems: Sequence[FieldProblem]) -> QWidget | None:
        """Show each problem under its field; return the first field's first control."""
        by_field: dict[str, list[str]] = {}
        for p in problems:
            by_field.setdefault(p.field_id, []).append(p.message)
        for fid, label in self.problem_labels.items():
            messages = by_field.get(fid, [])
            say(label, "\n".join(WARNING + m for m in messages))
            self.editors[fid].set_problem(". ".join(messages))
        first = next((fid for fid in self.editors if fid in by_field), None)
        return self.editors[first].focus_widgets()[0] if first else None

    def problems_shown(self) -> dict[str, str]:
        return {fid: label.text() for fid, label in self.problem_labels.items()
                if label.text()}

    def focus_widgets(self) -> list[QWidget]:
        return [w for e in self.editors.values() for w in e.focus_widgets()]

    def chain_tab_order(self) -> None:
        widgets = self.focus_widgets() + self.trailing
        for before, after in zip(widgets, widgets[1:], strict=False):
            QWidget.setTabOrder(before, after)

    def set_read_only(self, read_only: bool) -> None:
        for editor in self.editors.values():
            editor.set_read_only(read_only)
