"""A child's lists are as wide as their longest text, wherever in the list it is, and opening a
child with thousands of chronology entries does not read every row to find out (issue 14: the
whole-column measure read up to 1,000 rows through Python, 0.3–0.5 s per opening)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from pytestqt.qtbot import QtBot

from pace_desktop.gui.child.list_tab import Column, ListTab, RecordsModel


@dataclass(frozen=True)
class Entry:
    who: str
    what: str


def entries(rows: int, long_at: int, long_text: str) -> list[Entry]:
    return [Entry(long_text if i == long_at else f"Worker {i % 7}", f"Entry {i}")
            for i in range(rows)]


class CountingModel(RecordsModel):
    """Counts how often the view asks for a cell's text."""

    asked = 0

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            self.asked += 1
        return super().data(index, role)


class CountingTab(ListTab):
    def __init__(self) -> None:
        columns = [Column("Who", lambda e: e.who), Column("What", lambda e: e.what)]
        super().__init__("Chronology", "Entries", columns, None, None)
        self.model = CountingModel(columns, self)
        self.table.setModel(self.model)


def test_the_longest_text_is_whole_even_deep_in_a_long_list(qtbot: QtBot) -> None:
    long_text = "Alexandria Montgomery-Fotheringham, Kirkcudbright"
    tab = CountingTab()
    qtbot.addWidget(tab)
    tab.resize(1200, 600)
    # Row 1,500 is past the 1,000 rows Qt's own column measure looks at.
    tab.set_items(entries(2_000, 1_500, long_text), "Nothing yet")
    width = tab.table.fontMetrics().horizontalAdvance(long_text)
    assert tab.table.columnWidth(0) >= width


def test_widths_are_found_without_reading_every_row_through_the_view(qtbot: QtBot) -> None:
    tab = CountingTab()
    qtbot.addWidget(tab)
    tab.set_items(entries(2_000, 3, "A much longer name than the others"), "Nothing yet")
    # Only a handful of cells per column are measured on screen; the whole-column measure
    # asked the model for about a thousand.
    assert tab.model.asked <= 20
    assert tab.table.columnWidth(0) >= tab.table.fontMetrics().horizontalAdvance(
        "A much longer name than the others")


def test_an_empty_list_keeps_its_columns(qtbot: QtBot) -> None:
    tab = CountingTab()
    qtbot.addWidget(tab)
    before = tab.table.columnWidth(0)
    tab.set_items([], "Nothing yet")
    assert tab.table.columnWidth(0) == before
    assert tab.empty.text() == "Nothing yet"
    assert tab.model.data(tab.model.index(0, 0), Qt.ItemDataRole.DisplayRole) is None
