"""The due list: clocks overdue or due soon across the caseload, most urgent first.

Rows arrive already ordered by the worker (see `caseload_facts`); the model only draws them,
lazily, so a due list of thousands costs one Python list. Status is words and a shape
("▲ Overdue 60 days"), coloured as well but never by colour alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from pace_desktop.gui.caseload_model import REF_ROLE
from pace_desktop.gui.clock_text import lapsed_explained, status_colour, status_text
from pace_desktop.journey import DueItem
from pace_desktop.views.words import plain_date

_Index = QModelIndex | QPersistentModelIndex

DUE_COLUMNS = ("Status", "Child", "What is due", "Due date")
STATUS, CHILD, CLOCK, DUE = range(len(DUE_COLUMNS))


class DueModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._items: list[DueItem] = []
        self._as_of = date.today()

    def set_items(self, items: Sequence[DueItem], as_of: date) -> None:
        self.beginResetModel()
        self._items = list(items)
        self._as_of = as_of
        self.endResetModel()

    def items(self) -> list[DueItem]:
        return list(self._items)

    @property
    def as_of(self) -> date:
        """The day the items' statuses were worked out for."""
        return self._as_of

    def text(self, row: int, column: int) -> str:
        """What the cell shows."""
        item = self._items[row]
        if column == STATUS:
            return status_text(item.clock, self._as_of)
        if column == CHILD:
            return f"{item.child_name} ({item.child_ref})"
        if column == CLOCK:
            return item.clock.label
        return plain_date(item.clock.due)

    def item_at(self, row: int) -> DueItem:
        return self._items[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(DUE_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return DUE_COLUMNS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self._items[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.ToolTipRole and item.clock.status == "lapsed":
            return lapsed_explained(item.clock)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.text(index.row(), column)
        if role == Qt.ItemDataRole.ForegroundRole and column == STATUS:
            return status_colour(item.clock.status)
        if role == REF_ROLE:
            return item.child_ref
        return None
