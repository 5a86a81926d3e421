"""The main window: the caseload, with search. Later issues add the child record and forms.

Every read goes through the `StoreRunner`; the window holds rows, never the store. Search is
debounced (people type faster than a search needs to run) and only the newest answer counts,
so a slow search for an old prefix can never overwrite the list for what is typed now.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QTableView,
    QWidget,
)

from pace_desktop.gui.caseload_model import (
    BIRTH,
    NAME,
    REF,
    CaseloadFilter,
    CaseloadModel,
)
from pace_desktop.gui.looks import enlarge, say, set_tone
from pace_desktop.gui.store_worker import StoreRunner
from pace_desktop.gui.ui_files import child, load_into
from pace_desktop.gui.unlock_window import plain_failure
from pace_desktop.store import CaseloadRow, SearchResult

SEARCH_DELAY_MS = 150
# Enough to cover any one worker's caseload; a search that reaches it says so.
SEARCH_LIMIT = 500


def children_count(n: int) -> str:
    return f"{n:,} child" if n == 1 else f"{n:,} children"


def found_refs(result: SearchResult) -> set[str]:
    """Children the search named, and the children whose chronology matched."""
    return {hit.ref for hit in result.children} | {hit.ref for hit in result.events}


class MainWindow(QMainWindow):
    """Emits `lock_requested` (Ctrl+L) and `quit_requested`; the app decides what follows."""

    lock_requested = Signal()
    quit_requested = Signal()

    def __init__(self, runner: StoreRunner, store_path: Path,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        load_into(self, "main_window.ui")
        self._runner = runner
        self._store_path = store_path
        self._closing = False
        self._search_generation = 0
        self._search_text = ""
        self._loaded = False

        self.model = CaseloadModel(parent=self)
        self.proxy = CaseloadFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = child(self, QTableView, "caseloadTable")
        self.table.setModel(self.proxy)
        self.search_edit = child(self, QLineEdit, "searchEdit")
        self.empty_label = child(self, QLabel, "emptyLabel")
        self.store_label = QLabel(f"Store: {store_path.name}")
        self.store_label.setAccessibleName("Open store")
        self.store_label.setToolTip(str(store_path))
        self.statusBar().addPermanentWidget(self.store_label)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.search_now)
        self.search_edit.textChanged.connect(lambda _: self._search_timer.start())
        self.search_edit.returnPressed.connect(self.search_now)

        child(self, QAction, "lockAction").triggered.connect(self.lock_requested)
        child(self, QAction, "quitAction").triggered.connect(self.quit_requested)
        child(self, QAction, "findAction").triggered.connect(self._focus_search)
        self._style()
        self.setWindowTitle(f"PACE Desktop – {store_path.name}")
        say(self.empty_label, "")

    # -- reading ---------------------------------------------------------------------------------

    def load(self) -> None:
        """Ask the worker for the caseload; the table fills when it arrives."""
        self.statusBar().showMessage("Loading the caseload…")
        self._runner.call(lambda store: store.caseload(), self._show_caseload, self._failed)

    def close_for_lock(self) -> None:
        """Clear the screen and close without asking anything more of the store."""
        self._closing = True
        self._search_timer.stop()
        self.model.set_rows(())
        self.close()

    @property
    def shown_count(self) -> int:
        return self.proxy.rowCount()

    def shown_refs(self) -> list[str]:
        return [self.proxy.index(r, REF).data() for r in range(self.proxy.rowCount())]

    # -- replies ---------------------------------------------------------------------------------

    def _show_caseload(self, rows: list[CaseloadRow]) -> None:
        if self._closing:
            return
        self.model.set_rows(rows)
        self._loaded = True
        if self.search_edit.text().strip():
            self.search_now()
        else:
            self._update_status()

    def search_now(self) -> None:
        """Search for what is in the box now, without waiting for typing to pause."""
        self._search_timer.stop()
        if self._closing:
            return
        text = self.search_edit.text().strip()
        self._search_generation += 1
        generation = self._search_generation
        self._search_text = text
        if not text:
            self.proxy.show_only(None)
            self._update_status()
            return
        self.statusBar().showMessage("Searching…")
        self._runner.call(lambda store: store.search(text, limit=SEARCH_LIMIT),
                          lambda result: self._show_search(generation, result), self._failed)

    def _show_search(self, generation: int, result: SearchResult) -> None:
        if self._closing or generation != self._search_generation:
            return  # an answer for what was typed before; a newer search is on its way
        self.proxy.show_only(found_refs(result))
        more = SEARCH_LIMIT in (len(result.children), len(result.events))
        self._update_status(more)

    def _failed(self, exc: Exception) -> None:
        if self._closing:
            return
        message = plain_failure(exc, "reading the store")
        self.statusBar().showMessage(message)
        say(self.empty_label, message)

    def _update_status(self, more: bool = False) -> None:
        total = self.model.rowCount()
        shown = self.proxy.rowCount()
        text = self._search_text
        if not self.proxy.filtering:
            status = children_count(total)
            empty = "" if total else ("There are no children in this store yet. "
                                      "Children you add or import will be listed here.")
        elif shown:
            status = f"{shown:,} of {children_count(total)} match “{text}”"
            if more:
                status += (f" (the search stopped at {SEARCH_LIMIT} matches:"
                           " add a word to narrow it)")
            empty = ""
        else:
            status = f"No child matches “{text}”"
            empty = (f"No child matches “{text}”. Try fewer words, or part of a name "
                     "or reference.")
        self.statusBar().showMessage(status)
        say(self.empty_label, empty)

    # -- inner workings --------------------------------------------------------------------------

    def _focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def _style(self) -> None:
        heading = child(self, QLabel, "caseloadHeading")
        enlarge(heading, 1.6)
        set_tone(heading, "title")
        set_tone(self.empty_label, "hint")
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        metrics = self.table.fontMetrics()
        pad = 4 * metrics.averageCharWidth()
        # Widths from the font, not pixels, so larger system text still fits.
        for column, sample in ((REF, "LAC-000000-0"), (NAME, "Alexandria Montgomery-Smith"),
                               (BIRTH, "30 Sep 2020")):
            self.table.setColumnWidth(column, metrics.horizontalAdvance(sample) + pad)
        header.setSortIndicator(NAME, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().setDefaultSectionSize(metrics.height() + 10)
        self.table.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._closing:
            # Closing the main window is quitting: the app closes the store on the way out.
            self._closing = True
            self.quit_requested.emit()
        super().closeEvent(event)
