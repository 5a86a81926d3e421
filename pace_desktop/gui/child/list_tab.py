"""One tab of the child record: a list drawn lazily, and buttons to add and to change.

`Column`s say how each cell reads, so a tab is a list of columns and two handlers rather
than a new model class; the chronology of a child with thousands of entries costs a list.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pace_desktop.gui.column_widths import content_width
from pace_desktop.gui.looks import say, set_tone

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class Column:
    title: str
    text: Callable[[Any], str]
    width: str = ""  # a sample of text as wide as the column should start
    colour: Callable[[Any], QColor | None] | None = None


class RecordsModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[Column], parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self.items: list[Any] = []
        self.tips: Callable[[Any], str] | None = None

    def set_items(self, items: Sequence[Any]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].title
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.items[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(item)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tips(item) if self.tips else column.text(item)
        if role == Qt.ItemDataRole.ForegroundRole and column.colour is not None:
            return column.colour(item)
        return None


class ListTab(QWidget):
    """`add_requested()` and `edit_requested(item)`; Enter or double-click edits a row."""

    add_requested = Signal()
    edit_requested = Signal(object)

    def __init__(self, name: str, intro: str, columns: Sequence[Column],
                 add_text: str | None, edit_text: str | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.model = RecordsModel(columns, self)
        layout = QVBoxLayout(self)
        self.intro = QLabel(intro)
        self.intro.setWordWrap(True)
        set_tone(self.intro, "hint")
        say(self.intro, intro)
        layout.addWidget(self.intro)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(name)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, arrows move in it
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        # Headings over their column's text, which reads from the left.
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        metrics = self.table.fontMetrics()
        self.table.verticalHeader().setDefaultSectionSize(metrics.height() + 10)
        for i, column in enumerate(self.model.columns):
            if column.width:
                self.table.setColumnWidth(
                    i, metrics.horizontalAdvance(column.width) + 4 * metrics.averageCharWidth())
        layout.addWidget(self.table, 1)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        set_tone(self.empty, "hint")
        say(self.empty, "")
        layout.addWidget(self.empty)
        self.buttons = QHBoxLayout()
        layout.addLayout(self.buttons)
        self.add_button = self._button(add_text, self.add_requested.emit)
        self.edit_button = self._button(edit_text, self._edit_current)
        self.buttons.addStretch(1)
        if edit_text:
            self.table.activated.connect(lambda index: self._edit_row(index.row()))
        self._empty_text = ""

    def _button(self, text: str | None, slot: Callable[[], None]) -> QPushButton | None:
        if not text:
            return None
        button = QPushButton(text)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        button.clicked.connect(slot)
        self.buttons.addWidget(button)
        return button

    def extra_button(self, text: str, slot: Callable[[], None]) -> QPushButton:
        """Another action beside Add and Edit (before the stretch that ends the row)."""
        button = QPushButton(text)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        button.clicked.connect(slot)
        self.buttons.insertWidget(self.buttons.count() - 1, button)
        return button

    def say_empty(self, text: str) -> None:
        say(self.empty, text)

    def set_items(self, items: Sequence[Any], empty_text: str) -> None:
        self.model.set_items(items)
        say(self.empty, "" if items else empty_text)
        self._fit_columns()
        if self.edit_button is not None:
            self.edit_button.setEnabled(bool(items))

    def _fit_columns(self) -> None:
        """Each column (but the last, which takes what is left) as wide as its longest text,
        within reason: names and addresses whole, rather than slack at the end."""
        metrics = self.table.fontMetrics()
        most = metrics.averageCharWidth() * 64
        items = self.model.items
        for i, column in enumerate(self.model.columns[:-1]):
            wanted = content_width(self.table, i, lambda row, c=column: c.text(items[row]))
            self.table.setColumnWidth(i, min(max(wanted, self.table.columnWidth(i)), most))

    def current(self) -> Any | None:
        index = self.table.currentIndex()
        return self.model.items[index.row()] if index.isValid() else None

    def select(self, row: int) -> None:
        self.table.selectRow(row)
        self.table.setCurrentIndex(self.model.index(row, 0))

    def _edit_current(self) -> None:
        item = self.current()
        if item is None and len(self.model.items) == 1:
            item = self.model.items[0]
        if item is not None:
            self.edit_requested.emit(item)
        else:
            say(self.empty, "Choose a row in the list first.")

    def _edit_row(self, row: int) -> None:
        self.edit_requested.emit(self.model.items[row])
