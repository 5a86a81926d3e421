"""Editors for the fuller parts of a record (forms.part_values): each person's views, family
time, brothers and sisters, routes considered, orders, what a review considered, and how a
permanence panel was made up.

The list parts are `RowsEditor`s described by a table of cells (`Cell`): each cell is a
control with its own small label above it (linked as its buddy, so a screen reader hears
what the control is for, and the row never grows wider than the form); rows of several
lines keep the words a person writes at length in boxes the width of the form.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from pace_desktop.domain.meeting_parts import ASSESSMENT_FIELDS
from pace_desktop.domain.vocab import (
    LEGAL_STATUSES,
    ORDER_ACTIONS,
    ORDER_MEASURES,
    ROUTE_OUTCOMES,
    ROUTES,
    TAKING_PART,
)
from pace_desktop.forms import FieldDef
from pace_desktop.forms.part_values import PANEL_KEYS, blank_part, blank_row
from pace_desktop.gui.forms.list_fields import RowsEditor, _read, _write
from pace_desktop.gui.forms.simple_fields import FieldEditor, date_line, name_control
from pace_desktop.gui.looks import set_tone

YES_NO_UNSAID = (("Not said", ""), ("Yes", "yes"), ("No", "no"))


@dataclass(frozen=True, slots=True)
class Cell:
    key: str
    kind: str  # line · person · box · combo · date · checks
    caption: str
    line: int = 0
    col: int = 0
    span: int = 1
    items: tuple[tuple[str, str], ...] = ()


def _items(vocab: dict[str, str], none: str) -> tuple[tuple[str, str], ...]:
    return ((none, ""), *((label, code) for code, label in vocab.items()))


class CellRows(RowsEditor):
    cells: tuple[Cell, ...] = ()
    part = ""

    def _make_row(self, n: int, grid: QGridLayout, line: int) -> tuple[dict[str, QWidget], int]:
        row: dict[str, QWidget] = {}
        grid.setColumnStretch(1, 2)  # the second column holds words too (how often, where)
        heading = QLabel(f"{self.noun.capitalize()} {n}", self._table)
        set_tone(heading, "hint")
        grid.addWidget(heading, line, 0)
        for cell in self.cells:
            row[cell.key] = self._cell(n, cell, grid, line + 1 + cell.line)
        return row, 2 + max(c.line for c in self.cells)

    def _remove_cell(self, line: int) -> tuple[int, int]:
        return line, 2

    def _cell(self, n: int, cell: Cell, grid: QGridLayout, line: int) -> QWidget:
        what = f"{self.noun.capitalize()} {n}, {cell.caption.lower()}"
        holder = QWidget(self._table)
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(1)
        label = QLabel(cell.caption, holder)
        label.setWordWrap(True)
        set_tone(label, "hint")
        box.addWidget(label)
        control: QWidget
        if cell.kind in ("line", "person"):
            control = QLineEdit(holder)
            control.textChanged.connect(self._changed)
            if cell.kind == "person" and self._people:
                control.setCompleter(QCompleter(self._people, control))
        elif cell.kind == "date":
            control = date_line(holder, what)
            control.textChanged.connect(self._changed)
        elif cell.kind == "box":
            control = QPlainTextEdit(holder)
            control.setTabChangesFocus(True)
            control.setFixedHeight(control.fontMetrics().lineSpacing() * 3 + 14)
            control.textChanged.connect(self._changed)
        elif cell.kind == "combo":
            control = QComboBox(holder)
            control.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            control.setMinimumContentsLength(12)
            for text, code in cell.items:
                control.addItem(text, code)
            control.currentIndexChanged.connect(self._changed)
        else:
            control = _Checks(holder, cell.items, what)
            control.toggled.connect(self._changed)
        control.setObjectName(f"field_{self.field.id}_{n}_{cell.key}")
        name_control(control, what)
        label.setBuddy(control if not isinstance(control, _Checks) else control.boxes[0])
        box.addWidget(control)
        grid.addWidget(holder, line, cell.col, 1, cell.span)
        return control

    def focus_widgets(self) -> list[QWidget]:
        out: list[QWidget] = []
        for r in self._rows:
            for k, w in r.items():
                if k.startswith("_"):
                    continue
                out += w.boxes if isinstance(w, _Checks) else [w]
        return [*out, self.add_button]

    def _row_value(self, row: dict[str, QWidget]) -> dict[str, Any]:
        out = {}
        for cell in self.cells:
            w = row[cell.key]
            out[cell.key] = w.codes() if isinstance(w, _Checks) else (_read(w) or "")
        return out

    def _show_row(self, row: dict[str, QWidget], value: dict[str, Any]) -> None:
        for cell in self.cells:
            w, v = row[cell.key], value.get(cell.key)
            if isinstance(w, _Checks):
                w.show_codes(v if isinstance(v, list) else [])
            else:
                _write(w, v if isinstance(v, str) else "")

    def _blank_row(self) -> dict[str, Any]:
        return blank_row(self.part)


class _Checks(QWidget):
    """A row of tick boxes for a list of codes (an order's measures)."""

    toggled = Signal()

    def __init__(self, parent: QWidget, items: Sequence[tuple[str, str]], what: str) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.boxes: list[QCheckBox] = []
        for i, (text, code) in enumerate(items):
            box = QCheckBox(text, self)
            box.setProperty("code", code)
            box.setObjectName(f"measure_{code}")
            name_control(box, f"{what}: {text}")
            box.toggled.connect(self.toggled)
            grid.addWidget(box, i // 2, i % 2)
            self.boxes.append(box)

    def codes(self) -> list[str]:
        return [b.property("code") for b in self.boxes if b.isChecked()]

    def show_codes(self, codes: list[str]) -> None:
        for b in self.boxes:
            b.setChecked(b.property("code") in codes)


class ViewList(CellRows):
    noun = "person"
    add_text = "Add a person's views"
    part = "views"
    cells = (
        Cell("person", "person", "Whose views", 0, 0),
        Cell("how", "combo", "How they took part", 0, 1,
             items=_items(TAKING_PART, "Not said")),
        Cell("text", "box", "What they said", 1, 0, 3),
        Cell("why_not", "line", "If their views were not obtained, why not", 2, 0, 3),
    )


class FamilyTimeList(CellRows):
    noun = "family time"
    add_text = "Add family time with someone"
    part = "family_time"
    cells = (
        Cell("with", "person", "With whom", 0, 0),
        Cell("how_often", "line", "How often", 0, 1),
        Cell("supervised", "combo", "Supervised?", 1, 0, items=YES_NO_UNSAID),
        Cell("notes", "line", "Notes", 1, 1, 2),
    )


class SiblingList(CellRows):
    noun = "brother or sister"
    add_text = "Add a brother or sister"
    part = "siblings"
    cells = (
        Cell("person", "person", "Brother or sister", 0, 0),
        Cell("lives", "line", "Where they live", 0, 1),
        Cell("together", "combo", "Live together with the child?", 1, 0, items=YES_NO_UNSAID),
        Cell("why_apart", "line", "If apart, why", 1, 1, 2),
        Cell("views", "box", "Their views", 2, 0, 3),
    )


class RouteList(CellRows):
    noun = "route"
    add_text = "Add a route considered"
    part = "routes_considered"
    cells = (
        Cell("route", "combo", "Route", 0, 0, items=_items(ROUTES, "Choose a route")),
        Cell("outcome", "combo", "Outcome", 0, 1, items=_items(ROUTE_OUTCOMES, "Choose")),
        Cell("reasons", "box", "The reasons", 1, 0, 3),
    )


class OrderList(CellRows):
    noun = "order"
    add_text = "Add an order"
    part = "orders"
    cells = (
        Cell("status", "combo", "Which order", 0, 0, items=_items(LEGAL_STATUSES, "Choose")),
        Cell("action", "combo", "What was done", 0, 1, items=_items(ORDER_ACTIONS, "Choose")),
        Cell("date", "date", "On (if not the meeting's date)", 1, 0),
        Cell("expires", "date", "Expires on", 1, 1),
        Cell("measures", "checks", "Measures", 2, 0, 3,
             items=tuple((label, code) for code, label in ORDER_MEASURES.items())),
        Cell("residence", "line", "Where the child must live (if a measure)", 3, 0, 3),
    )


class _Boxes(FieldEditor):
    """Several labelled answers kept as one value (a dict of texts)."""

    keys: tuple[str, ...] = ()
    captions: ClassVar[dict[str, str]] = {}
    combos: ClassVar[dict[str, tuple[tuple[str, str], ...]]] = {}
    single_lines: ClassVar[frozenset[str]] = frozenset()

    def __init__(self, field: FieldDef, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.controls: dict[str, QWidget] = {}
        for key in self.keys:
            label = QLabel(self.captions[key], self)
            label.setWordWrap(True)
            control: QWidget
            if key in self.combos:
                control = QComboBox(self)
                for text, code in self.combos[key]:
                    control.addItem(text, code)
                control.currentIndexChanged.connect(self._changed)
                layout.addWidget(label)
                layout.addWidget(control, 0, Qt.AlignmentFlag.AlignLeft)
            elif key in self.single_lines:
                control = QLineEdit(self)
                control.textChanged.connect(self._changed)
                layout.addWidget(label)
                layout.addWidget(control)
            else:
                control = QPlainTextEdit(self)
                control.setTabChangesFocus(True)
                control.setFixedHeight(control.fontMetrics().lineSpacing() * 3 + 14)
                control.textChanged.connect(self._changed)
                layout.addWidget(label)
                layout.addWidget(control)
            control.setObjectName(f"field_{field.id}_{key}")
            name_control(control, f"{field.label}: {self.captions[key]}", field.help)
            label.setBuddy(control)
            self.controls[key] = control

    def value(self) -> dict[str, str]:
        return {k: _read(w) or "" for k, w in self.controls.items()}

    def _show(self, value: Any) -> None:
        value = value if isinstance(value, dict) else blank_part(self.field.id)
        for k, w in self.controls.items():
            v = value.get(k, "")
            _write(w, v if isinstance(v, str) else "")

    def focus_widgets(self) -> list[QWidget]:
        return list(self.controls.values())


class AssessmentEditor(_Boxes):
    keys = ASSESSMENT_FIELDS
    captions: ClassVar[dict[str, str]] = {
        "needs": "The child's needs",
        "development": "Their development",
        "education": "Their education",
        "health": "Their health",
        "where_the_child_lives_suits": "Whether where the child lives suits them",
        "visits": "The visits made to the child",
    }


class PanelEditor(_Boxes):
    keys = PANEL_KEYS
    captions: ClassVar[dict[str, str]] = {
        "members": "Members present (one name a line)",
        "quorate": "Was the permanence panel quorate?",
        "medical_adviser": "Medical adviser",
        "legal_adviser": "Legal adviser",
        "question": "The question put to the permanence panel",
        "dissent": "Any member who disagreed, and why",
    }
    combos: ClassVar[dict[str, tuple[tuple[str, str], ...]]] = {"quorate": YES_NO_UNSAID}
    single_lines: ClassVar[frozenset[str]] = frozenset({"medical_adviser", "legal_adviser"})


PART_EDITORS: dict[str, type[FieldEditor]] = {
    "view_list": ViewList, "family_time_list": FamilyTimeList, "sibling_list": SiblingList,
    "route_list": RouteList, "order_list": OrderList,
}
BOX_EDITORS: dict[str, type[_Boxes]] = {"assessment": AssessmentEditor,
                                        "panel_details": PanelEditor}
