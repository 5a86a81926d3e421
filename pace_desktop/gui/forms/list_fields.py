"""Editors for the list field types: who attended, what was decided, what happens next.

Each is a small table built of ordinary controls (one row per item, a header above), rather
than a QTableWidget, so every cell is a control that Tab reaches and a screen reader names
("Person 2, name"). Adding or removing a row rebuilds the rows from their values.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pace_desktop.domain.vocab import ATTENDANCE, MILESTONE_KINDS, ROUTED_MILESTONES, ROUTES
from pace_desktop.forms import FieldDef, records_badge
from pace_desktop.gui.forms.simple_fields import (
    FieldEditor,
    date_line,
    name_control,
    needed_name,
)
from pace_desktop.gui.looks import set_tone

Row = dict[str, Any]


class RowsEditor(FieldEditor):
    """Rows of controls with an Add button below and a Remove button on each row."""

    noun = "item"
    headers: tuple[str, ...] = ()
    add_text = "Add"

    def __init__(self, field: FieldDef, people: Sequence[str] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self._people = list(people)
        self._rows: list[dict[str, QWidget]] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._table: QWidget | None = None
        self.add_button = QPushButton(self.add_text, self)
        self.add_button.setObjectName(f"field_{field.id}_add")
        name_control(self.add_button, f"{self.add_text} ({field.label})", field.help)
        self.add_button.clicked.connect(self.add_row)
        self._layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        self._build([])

    # -- to implement per list -------------------------------------------------------------

    def _make_row(self, n: int, grid: QGridLayout, line: int) -> tuple[dict[str, QWidget], int]:
        """Build row n (1-based) at grid line `line`; return its controls and lines used."""
        raise NotImplementedError

    def _row_value(self, row: dict[str, QWidget]) -> Row:
        raise NotImplementedError

    def _show_row(self, row: dict[str, QWidget], value: Row) -> None:
        raise NotImplementedError

    def _blank_row(self) -> Row:
        raise NotImplementedError

    # -- shared ------------------------------------------------------------------------------

    def value(self) -> list[Row]:
        return [self._row_value(r) for r in self._rows]

    def _show(self, value: Any) -> None:
        rows = [r for r in value if isinstance(r, dict)] if isinstance(value, list) else []
        self._build(rows)

    def focus_widgets(self) -> list[QWidget]:
        controls = [w for r in self._rows for k, w in r.items() if not k.startswith("_")]
        return [*controls, self.add_button]

    def mark_needed(self) -> None:
        # The list as a whole is needed, not any one row: its Add button says so.
        self.add_button.setAccessibleName(needed_name(self.add_button.accessibleName()))

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        self.add_button.setVisible(not read_only)

    def add_row(self) -> None:
        self._build([*self.value(), self._blank_row()])
        self._changed()
        first = next(iter(self._rows[-1].values()))
        first.setFocus()

    def remove_row(self, index: int) -> None:
        rows = self.value()
        del rows[index]
        self._build(rows)
        self._changed()
        if self._rows:
            next(iter(self._rows[min(index, len(self._rows) - 1)].values())).setFocus()
        else:
            self.add_button.setFocus()

    def _build(self, values: list[Row]) -> None:
        if self._table is not None:
            self._table.hide()
            self._table.deleteLater()
        self._table = QWidget(self)
        grid = QGridLayout(self._table)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setColumnStretch(0, 3)  # the words of the row get the room
        self._rows = []
        if values:
            for col, text in enumerate(self.headers):
                header = QLabel(text, self._table)
                set_tone(header, "hint")
                grid.addWidget(header, 0, col)
        line = 1
        for n, value in enumerate(values, 1):
            row, used = self._make_row(n, grid, line)
            remove = QPushButton("Remove", self._table)
            remove.setObjectName(f"field_{self.field.id}_{n}_remove")
            name_control(remove, f"Remove {self.noun} {n}")
            remove.clicked.connect(lambda _=False, i=n - 1: self.remove_row(i))
            grid.addWidget(remove, *self._remove_cell(line))
            row["remove"] = remove
            self._show_row(row, value)
            self._rows.append(row)
            line += used
        self._layout.insertWidget(0, self._table)
        # Shown now, not when the layout gets round to it, so focus can go to a new row.
        self._table.show()
        self.controls_changed.emit()

    def _remove_cell(self, line: int) -> tuple[int, int]:
        """Where a row's Remove button goes: after its last column, on its first line."""
        return line, len(self.headers)

    def _line(self, n: int, part: str, what: str, grid: QGridLayout, line: int, col: int
              ) -> QLineEdit:
        edit = QLineEdit(self._table)
        edit.setObjectName(f"field_{self.field.id}_{n}_{part}")
        name_control(edit, f"{self.noun.capitalize()} {n}, {what}")
        edit.textChanged.connect(self._changed)
        grid.addWidget(edit, line, col)
        return edit

    def _box(self, n: int, part: str, name: str, lines: int = 3) -> QPlainTextEdit:
        """A box of a few lines, the form's width, for words a person writes at length."""
        text = QPlainTextEdit(self._table)
        text.setObjectName(f"field_{self.field.id}_{n}_{part}")
        name_control(text, name)
        text.setTabChangesFocus(True)  # Tab moves on, as everywhere else in the form
        text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        text.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        text.setFixedHeight(text.fontMetrics().lineSpacing() * lines + 14)
        text.textChanged.connect(self._changed)
        return text

    def _person_line(self, n: int, part: str, what: str, grid: QGridLayout, line: int, col: int
                     ) -> QLineEdit:
        edit = self._line(n, part, what, grid, line, col)
        if self._people:
            edit.setCompleter(QCompleter(self._people, edit))
        return edit

    def _combo(self, n: int, part: str, what: str, items: Sequence[tuple[str, Any]],
               grid: QGridLayout, line: int, col: int, caption: str = "") -> QComboBox:
        """A drop-down in a row, with its own visible label linked to it: on Linux a combo
        box is heard as its current value ("Came"), so only a linked label says what it is
        for. The label is the column's heading, repeated on each row for that reason."""
        cell = QWidget(self._table)
        # The label above its drop-down, not beside it, so a row is no wider for it (the
        # form must never scroll sideways, even with large text).
        row = QVBoxLayout(cell)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(1)
        label = QLabel(caption or what.capitalize(), cell)
        set_tone(label, "hint")
        combo = QComboBox(cell)
        combo.setObjectName(f"field_{self.field.id}_{n}_{part}")
        name_control(combo, f"{self.noun.capitalize()} {n}, {what}")
        label.setBuddy(combo)
        for text, data in items:
            combo.addItem(text, data)
        combo.currentIndexChanged.connect(self._changed)
        row.addWidget(label)
        row.addWidget(combo)
        grid.addWidget(cell, line, col)
        return combo


def _read(widget: QWidget) -> Any:
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        return widget.currentData()
    raise TypeError(type(widget).__name__)


def _write(widget: QWidget, value: Any) -> None:
    if isinstance(widget, QLineEdit):
        widget.setText(value if isinstance(value, str) else "")
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText(value if isinstance(value, str) else "")
    elif isinstance(widget, QComboBox):
        _pick(widget, value)
    elif isinstance(widget, QLabel):
        widget.setText(value)


def _pick(combo: QComboBox, data: Any) -> None:
    index = combo.findData(data)
    if index < 0 and isinstance(data, str) and data:
        # A code this form does not offer (from an import, say) is shown, not lost.
        combo.addItem(MILESTONE_KINDS.get(data, ROUTES.get(data, data)), data)
        index = combo.count() - 1
    combo.setCurrentIndex(max(index, 0))


def _text(value: Row, key: str) -> str:
    v = value.get(key, "")
    return v if isinstance(v, str) else ""


class AttendeeList(RowsEditor):
    noun = "person"
    # The drop-downs' columns have no heading: each row's drop-down carries its own label.
    headers = ("Name", "Role", "", "")
    add_text = "Add a person"

    def _make_row(self, n: int, grid: QGridLayout, line: int) -> tuple[dict[str, QWidget], int]:
        return {
            "name": self._person_line(n, "name", "name", grid, line, 0),
            "role": self._line(n, "role", "role", grid, line, 1),
            "present": self._combo(n, "present", "came or sent apologies",
                                   [("Came", True), ("Sent apologies", False)], grid, line, 2,
                                   "Came or sent apologies"),
            # Island meetings are often by video: how each person joined is part of the record.
            "how": self._combo(n, "how", "how they joined",
                               [("Not said", ""), *((v, k) for k, v in ATTENDANCE.items())],
                               grid, line, 3, "How they joined"),
        }, 1

    def _row_value(self, row: dict[str, QWidget]) -> Row:
        return {"name": _read(row["name"]), "role": _read(row["role"]),
                "present": bool(_read(row["present"])), "how": _read(row["how"]) or ""}

    def _show_row(self, row: dict[str, QWidget], value: Row) -> None:
        _write(row["name"], _text(value, "name"))
        _write(row["role"], _text(value, "role"))
        _write(row["present"], value.get("present", True) is not False)
        _write(row["how"], _text(value, "how"))

    def _blank_row(self) -> Row:
        return {"name": "", "role": "", "present": True, "how": ""}


class DecisionList(RowsEditor):
    """Each decision may record a step in the child's journey; a badge says which.

    The words of a decision are what a reviewing officer types most, often several
    sentences with the reasons: each gets a box of several lines the width of the form, with
    the journey step and route on the line below, so the form never scrolls sideways."""

    noun = "decision"
    headers = ()
    add_text = "Add a decision"

    def _make_row(self, n: int, grid: QGridLayout, line: int) -> tuple[dict[str, QWidget], int]:
        milestones = [("Not a journey step", "")] + [
            (MILESTONE_KINDS[m], m) for m in self.field.milestones]
        routes = [("No route", "")] + [(ROUTES[r], r) for r in self.field.routes or ROUTES]
        caption = QLabel(f"Decision {n}: what was decided, and why", self._table)
        set_tone(caption, "hint")
        grid.addWidget(caption, line, 0, 1, 3)
        text = QPlainTextEdit(self._table)
        text.setObjectName(f"field_{self.field.id}_{n}_text")
        name_control(text, f"Decision {n}, what was decided and why")
        text.setTabChangesFocus(True)  # Tab moves on, as everywhere else in the form
        text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        text.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        text.setFixedHeight(text.fontMetrics().lineSpacing() * 4 + 14)
        text.textChanged.connect(self._changed)
        caption.setBuddy(text)
        grid.addWidget(text, line + 1, 0, 1, 3)
        why_caption = QLabel(f"Decision {n}: the reasons (needed to finalise a decision that "
                             "is a step in the journey or chooses a route)", self._table)
        why_caption.setWordWrap(True)
        set_tone(why_caption, "hint")
        grid.addWidget(why_caption, line + 2, 0, 1, 3)
        reasons = self._box(n, "reasons", f"Decision {n}, the reasons", 3)
        why_caption.setBuddy(reasons)
        grid.addWidget(reasons, line + 3, 0, 1, 3)
        row: dict[str, QWidget] = {
            "text": text,
            "reasons": reasons,
            "milestone": self._combo(n, "milestone", "step in the child's journey", milestones,
                                     grid, line + 4, 0, "Step in the journey"),
            "route": self._combo(n, "route", "route", routes, grid, line + 4, 1, "Route"),
        }
        badge = QLabel(self._table)
        badge.setObjectName(f"field_{self.field.id}_{n}_badge")
        badge.setVisible(False)
        badge.setWordWrap(True)
        set_tone(badge, "hint")
        grid.addWidget(badge, line + 5, 0, 1, 3)
        row["_badge"] = badge
        for key in ("milestone", "route"):
            combo = row[key]
            assert isinstance(combo, QComboBox)
            # Long step and route names must not make the row wider than the form: the
            # box shrinks, and its list still shows each name whole.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
            combo.currentIndexChanged.connect(lambda _=0, r=row: self._update_badge(r))
        return row, 6

    def _remove_cell(self, line: int) -> tuple[int, int]:
        return line + 4, 2

    def _update_badge(self, row: dict[str, QWidget]) -> None:
        value = self._row_value(row)
        # Only some steps take a route; the others leave it empty rather than hide it, so
        # the Tab order stays the same whatever is chosen.
        takes_route = not value["milestone"] or value["milestone"] in ROUTED_MILESTONES
        row["route"].setEnabled(takes_route)
        text = records_badge(value["milestone"], value["route"] if takes_route else "")
        badge = row["_badge"]
        _write(badge, text)
        badge.setVisible(bool(text))
        badge.setAccessibleName(text)

    def _row_value(self, row: dict[str, QWidget]) -> Row:
        return {"text": _read(row["text"]), "milestone": _read(row["milestone"]) or "",
                "route": _read(row["route"]) or "", "reasons": _read(row["reasons"])}

    def _show_row(self, row: dict[str, QWidget], value: Row) -> None:
        for key in ("text", "reasons", "milestone", "route"):
            _write(row[key], _text(value, key))
        self._update_badge(row)

    def _blank_row(self) -> Row:
        return {"text": "", "milestone": "", "route": "", "reasons": ""}

    def badges(self) -> list[str]:
        """The words each row's badge shows ('' where a decision records no step)."""
        return [r["_badge"].accessibleName() for r in self._rows]


class ActionList(RowsEditor):
    noun = "action"
    headers = ("What is to be done", "Who will do it", "Due by", "Done on")
    add_text = "Add an action"

    def _make_row(self, n: int, grid: QGridLayout, line: int) -> tuple[dict[str, QWidget], int]:
        row: dict[str, QWidget] = {
            "text": self._line(n, "text", "what is to be done", grid, line, 0),
            "owner": self._person_line(n, "owner", "who will do it", grid, line, 1),
        }
        for col, (key, what) in enumerate((("due", "due by"), ("done", "done on")), 2):
            edit = date_line(self._table or self, f"Action {n}, {what}")
            edit.setObjectName(f"field_{self.field.id}_{n}_{key}")
            edit.textChanged.connect(self._changed)
            grid.addWidget(edit, line, col)
            row[key] = edit
        return row, 1

    def _row_value(self, row: dict[str, QWidget]) -> Row:
        return {k: _read(row[k]) for k in ("text", "owner", "due", "done")}

    def _show_row(self, row: dict[str, QWidget], value: Row) -> None:
        for k in ("text", "owner", "due", "done"):
            _write(row[k], _text(value, k))

    def _blank_row(self) -> Row:
        return {"text": "", "owner": "", "due": "", "done": ""}
