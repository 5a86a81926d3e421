"""The caseload as a table model: one list of rows, drawn lazily by the view.

Qt asks only for the cells it shows, so 10,000 children cost a list, not 10,000 widgets.
Sorting happens here in Python (one `list.sort`), not in QSortFilterProxyModel's comparisons,
which would call back into Python for every compare; the proxy only filters (see
`CaseloadFilter`) and passes sort requests through.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from pace_desktop.store import CaseloadRow
from pace_desktop.views.words import plain_date, where_now

_Index = QModelIndex | QPersistentModelIndex

COLUMNS = ("Reference", "Name", "Date of birth", "Where the child lives now")
REF, NAME, BIRTH, LIVING = range(len(COLUMNS))

REF_ROLE = Qt.ItemDataRole.UserRole + 1  # the child's ref, whatever column is asked


_SORT_KEYS: dict[int, Callable[[tuple[int, CaseloadRow]], Any]] = {
    REF: lambda item: item[1].ref.casefold(),
    # The store lists children by family name then given name; sorting the Name column keeps
    # that order (by surname), which is how case files are filed, not by the first name shown.
    NAME: lambda item: item[0],
    BIRTH: lambda item: item[1].date_of_birth,
    LIVING: lambda item: where_now(item[1]).casefold(),
}


class CaseloadModel(QAbstractTableModel):
    """The caseload, in the order chosen, showing the children that the search found (or
    everyone) and that match the filters.

    It filters itself rather than sit behind a QSortFilterProxyModel: the proxy asks Python
    about every row through a callback, about 2 µs a row, which is 20 ms of each keystroke
    for 10,000 children; one list comprehension here takes a tenth of that."""

    def __init__(self, rows: Sequence[CaseloadRow] = (), parent: Any = None) -> None:
        super().__init__(parent)
        self._all: list[tuple[int, CaseloadRow]] = list(enumerate(rows))
        self._items: list[tuple[int, CaseloadRow]] = list(self._all)  # the rows shown
        self._sorted_by: tuple[int, Qt.SortOrder] | None = None
        self._refs: frozenset[str] | None = None
        self.criteria = Criteria()
        self.routes: Mapping[str, str] = {}
        self.conflicted: frozenset[str] = frozenset()  # children with a conflict to resolve

    def set_conflicted(self, refs: Iterable[str]) -> None:
        """Mark these children's names: each has a conflict waiting (SYNC.md)."""
        self.beginResetModel()
        self.conflicted = frozenset(refs)
        self.endResetModel()

    def set_routes(self, routes: Mapping[str, str]) -> None:
        """Each child's latest recommended route (worked out on the worker), for the filter."""
        self.beginResetModel()
        self.routes = routes
        self._refilter()
        self.endResetModel()

    def set_rows(self, rows: Iterable[CaseloadRow]) -> None:
        self.beginResetModel()
        self._all = list(enumerate(rows))
        if self._sorted_by is not None:
            self._sort_all(*self._sorted_by)
        self._refilter()
        self.endResetModel()

    def show_only(self, refs: Iterable[str] | None) -> None:
        """Only these children (a search's answer); None shows everyone."""
        self.beginResetModel()
        self._refs = None if refs is None else frozenset(refs)
        self._refilter()
        self.endResetModel()

    def set_criteria(self, criteria: Criteria) -> None:
        self.beginResetModel()
        self.criteria = criteria
        self._refilter()
        self.endResetModel()

    @property
    def searching(self) -> bool:
        return self._refs is not None

    @property
    def total(self) -> int:
        """How many children there are, shown or not."""
        return len(self._all)

    def rows(self) -> list[CaseloadRow]:
        """Every child, shown or not."""
        return [item[1] for item in self._all]

    def refs(self) -> list[str]:
        """Every child's ref, shown or not."""
        return [item[1].ref for item in self._all]

    def row_at(self, row: int) -> CaseloadRow:
        """The child on row `row` of what is shown."""
        return self._items[row][1]

    def _refilter(self) -> None:
        refs, criteria, routes = self._refs, self.criteria, self.routes
        if refs is None and not criteria.any:
            self._items = list(self._all)
            return
        self._items = [item for item in self._all
                       if (refs is None or item[1].ref in refs)
                       and (not criteria.any or criteria.accepts(item[1],
                                                                 routes.get(item[1].ref)))]

    # -- Qt's model interface -----------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._items[index.row()][1]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = self._text(row, index.column())
            if index.column() == NAME and row.ref in self.conflicted:
                text += CONFLICT_MARK
            return text
        if role == REF_ROLE:
            return row.ref
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column not in _SORT_KEYS:
            return
        self.layoutAboutToBeChanged.emit()
        self._sort_all(column, order)
        self._sorted_by = (column, order)
        self._refilter()
        # No persistent indexes are kept by the caseload view (no selection survives a sort
        # that matters yet), so a layout change without remapping is enough.
        self.layoutChanged.emit()

    def _sort_all(self, column: int, order: Qt.SortOrder) -> None:
        self._all.sort(key=_SORT_KEYS[column], reverse=order == Qt.SortOrder.DescendingOrder)

    @staticmethod
    def _text(row: CaseloadRow, column: int) -> str:
        if column == REF:
            return row.ref
        if column == NAME:
            return row.name
        if column == BIRTH:
            return plain_date(row.date_of_birth)
        return where_now(row)


CONFLICT_MARK = "  (conflict)"
NO_ROUTE = ""  # the route filter's value for "no permanence recommendation yet"


@dataclass(frozen=True, slots=True)
class Criteria:
    """What the filters ask for; None means "any". Codes, as the store holds them."""

    worker: str | None = None
    living: str | None = None
    legal: str | None = None
    route: str | None = None

    @property
    def any(self) -> bool:
        return (self.worker, self.living, self.legal, self.route) != (None, None, None, None)

    def accepts(self, row: CaseloadRow, route: str | None) -> bool:
        if self.worker is not None and (row.allocated_worker or "") != self.worker:
            return False
        if self.living is not None and (row.living_type != self.living
                                        or row.living_ended is not None):
            return False
        if self.legal is not None and row.legal_status != self.legal:
            return False
        return self.route is None or (route or NO_ROUTE) == self.route
