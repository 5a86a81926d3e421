"""The main window: the caseload (search, filters, the due list) and the child record.

Every read goes through the `StoreRunner`; the window holds rows, never the store. Search is
debounced (people type faster than a search needs to run) and only the newest answer counts,
so a slow search for an old prefix can never overwrite the list for what is typed now. The
caseload list arrives first; routes and the due list follow from a second, slower job, so
the list is usable while the clocks of a large caseload are judged.

The window is built here; what it does is in parts mixed in from a module each:
window_menus.py (the menu actions), caseload_reading.py (the list and what a change
refreshes), caseload_clocks.py (the due list and run charts), caseload_search.py (Find, the
filters and the count), child_pane.py (opening a child's record); window_parts.py names
what they share.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QWidget,
)

from pace_desktop.gui import filters
from pace_desktop.gui.backups import BackupKeeper
from pace_desktop.gui.caseload_clocks import CaseloadClocks, Judging
from pace_desktop.gui.caseload_model import BIRTH, NAME, REF, CaseloadModel
from pace_desktop.gui.caseload_reading import CaseloadReading
from pace_desktop.gui.caseload_search import SEARCH_DELAY_MS, CaseloadSearch
from pace_desktop.gui.child.record import ChildRecord
from pace_desktop.gui.child_pane import ChildPane
from pace_desktop.gui.due_model import CHILD, CLOCK, DUE, STATUS, DueModel
from pace_desktop.gui.file_actions import FileActions
from pace_desktop.gui.hub_sync import HubSync
from pace_desktop.gui.looks import enlarge, say, set_tone
from pace_desktop.gui.store_check import StoreCheck
from pace_desktop.gui.store_worker import StoreRunner
from pace_desktop.gui.sync_dialogs import SyncActions, add_sync_actions
from pace_desktop.gui.ui_files import child, load_into
from pace_desktop.gui.window_menus import WindowMenus
from pace_desktop.gui.window_parts import CASELOAD_PAGE, RECORD_PAGE, Place
from pace_desktop.journey import Rule
from pace_desktop.settings import Settings
from pace_desktop.views.caseload_facts import CaseloadFacts

__all__ = ["MainWindow", "Place", "CASELOAD_PAGE", "RECORD_PAGE"]

if TYPE_CHECKING:
    from pace_desktop.gui.printing import PrintDialog
    from pace_desktop.gui.runchart.runchart_view import RunChartView


class MainWindow(WindowMenus, ChildPane, CaseloadSearch, CaseloadClocks, CaseloadReading,
                 QMainWindow):
    """Emits `lock_requested` (Ctrl+L), `quit_requested`, `switch_store(mode)` ("new" or
    "open": the app locks and shows the unlock window's page) and `settings_changed`."""

    lock_requested = Signal()
    quit_requested = Signal()
    switch_store = Signal(str)
    settings_changed = Signal(Settings)

    def __init__(self, runner: StoreRunner, store_path: Path,
                 settings: Settings | None = None, rules: Sequence[Rule] | None = None,
                 settings_path: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        load_into(self, "main_window.ui")
        self._runner = runner
        self._store_path = store_path
        self.settings = settings or Settings()
        self.settings_path = settings_path
        if rules is None:
            from pace_desktop.journey import load_rules
            rules = load_rules()
        self.rules = tuple(rules)
        self._closing = False
        self._search_generation = 0
        self._facts_generation = 0
        self._search_text = ""
        self._loaded = False
        self.facts: CaseloadFacts | None = None
        self._judging: Judging | None = None  # the caseload's clocks, chunk by chunk

        self.model = CaseloadModel(parent=self)
        self.table = child(self, QTableView, "caseloadTable")
        self.table.setModel(self.model)
        self.due_model = DueModel(self)
        self.due_table = child(self, QTableView, "dueTable")
        self.due_table.setModel(self.due_model)
        self.due_hint = child(self, QLabel, "dueHint")
        self.warning_label = child(self, QLabel, "warningLabel")
        self.drafts_label = child(self, QLabel, "draftsLabel")
        self.search_edit = child(self, QLineEdit, "searchEdit")
        self.empty_label = child(self, QLabel, "emptyLabel")
        self.screens = child(self, QStackedWidget, "screens")
        self.worker_filter = child(self, QComboBox, "workerFilter")
        self.living_filter = child(self, QComboBox, "livingFilter")
        self.legal_filter = child(self, QComboBox, "legalFilter")
        self.route_filter = child(self, QComboBox, "routeFilter")
        self.filter_boxes = (self.worker_filter, self.living_filter, self.legal_filter,
                             self.route_filter)
        self.caseload_tabs = child(self, QTabWidget, "caseloadTabs")
        self.run_charts_tab = child(self, QWidget, "runChartsTab")
        self.run_charts: RunChartView | None = None  # built when its tab is first shown
        self.caseload_tabs.currentChanged.connect(lambda _: self._refresh_run_charts())
        self.record = ChildRecord(runner, self.rules, self.settings)
        self.screens.addWidget(self.record)
        self.store_label = QLabel(f"Store: {store_path.name}")
        self.store_label.setToolTip(str(store_path))
        self.statusBar().addPermanentWidget(self.store_label)
        self.backup_label = QLabel("No automatic backup yet")
        # No accessible name: a name would be read instead of the words it shows.
        self.backup_label.setAccessibleDescription("Last automatic backup")
        self.statusBar().addPermanentWidget(self.backup_label)
        self.backups = BackupKeeper(runner, self)
        self.backups.made.connect(self._backup_made)
        self.backups.failed.connect(lambda text: self.statusBar().showMessage(text))
        self.files = FileActions(self, runner)
        self.sync = SyncActions(self, runner, self._chosen_refs)
        self.sync.received.connect(self.load)
        add_sync_actions(self, self.sync)
        self.hub = HubSync(self, runner, lambda: self.settings.hub_url)
        self.hub.conflicts_found.connect(self.load)
        self.checks = StoreCheck(self, runner, lambda: self.settings.hub_url)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.search_now)
        self.search_edit.textChanged.connect(lambda _: self._search_timer.start())
        self.search_edit.returnPressed.connect(self._search_and_go)
        self.search_edit.installEventFilter(self)  # Down arrow: to the results
        self._go_to_results = False
        for box in self.filter_boxes:
            box.currentIndexChanged.connect(lambda _: self._apply_filters())
            box.currentIndexChanged.connect(lambda _, b=box: filters.keep_choice_whole(b))
        child(self, QPushButton, "clearFiltersButton").clicked.connect(self.clear_filters)
        self.table.activated.connect(self._open_from_caseload)
        self.due_table.activated.connect(self._open_from_due)
        self.record.back_requested.connect(self.show_caseload)
        self._runner.changed.connect(self._store_changed)
        self.record.child_named.connect(self._child_named)
        self.record.conflicts_requested.connect(self.sync.show_conflicts)

        self._connect_menus()
        self._style()
        self._set_title(f"PACE Desktop – {store_path.name}")
        say(self.empty_label, "")
        self.settings_dialog: QWidget | None = None
        self.child_dialog: QWidget | None = None
        self.print_dialogs: list[PrintDialog] = []  # open ones: closed and emptied on lock
    def close_for_lock(self) -> None:
        """Clear the screen and close without asking anything more of the store."""
        self._closing = True
        self.backups.stop()
        self._search_timer.stop()
        self.record.close_editors()
        self.record.clear()
        self.model.set_rows(())
        self.model.set_routes({})
        self.due_model.set_items((), date.today())
        self.facts = None
        for printing in self.print_dialogs:
            printing.close_for_lock()  # drops its pages and PDF bytes, stops any printing
        self.print_dialogs.clear()
        for dialog in self.findChildren(QWidget):
            if dialog.isWindow() and dialog.isVisible():
                dialog.close()
        self.close()

    def _style(self) -> None:
        heading = child(self, QLabel, "caseloadHeading")
        enlarge(heading, 1.6)
        set_tone(heading, "title")
        enlarge(child(self, QLabel, "dueHeading"), 1.15)
        set_tone(self.empty_label, "hint")
        set_tone(self.due_hint, "hint")
        set_tone(self.warning_label, "error")
        set_tone(self.drafts_label, "hint")
        metrics = self.table.fontMetrics()
        pad = 4 * metrics.averageCharWidth()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # Widths from the font, not pixels, so larger system text still fits.
        for column, sample in ((REF, "LAC-000000-0"), (NAME, "Alexandria Montgomery-Smith"),
                               (BIRTH, "30 Sep 2020")):
            self.table.setColumnWidth(column, metrics.horizontalAdvance(sample) + pad)
        header.setSortIndicator(NAME, Qt.SortOrder.AscendingOrder)
        for table in (self.table, self.due_table):
            table.verticalHeader().setDefaultSectionSize(metrics.height() + 10)
            table.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            table.horizontalHeader().setDefaultAlignment(
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        # Filter lists grow with the choices that arrive after the window is first shown.
        for box in self.filter_boxes:
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for column, sample in ((STATUS, "⧓ Lapsed 30 Sep 2026 (10 days)"),
                               (CHILD, "Shona Nicolson (DEMO-00000)"),
                               (CLOCK, "Permanence panel within 12 weeks")):
            self.due_table.setColumnWidth(column, metrics.horizontalAdvance(sample) + pad // 2)
        self.due_widths = {c: self.due_table.columnWidth(c) for c in (STATUS, CHILD)}
        # The due date whole: the clock's name, not the date, gives way when room is short.
        due_header = self.due_table.horizontalHeader()
        due_header.setStretchLastSection(False)
        due_header.setSectionResizeMode(CLOCK, QHeaderView.ResizeMode.Stretch)
        self.due_table.setColumnWidth(DUE, metrics.horizontalAdvance("30 Sep 2025") + pad)
        splitter = child(self, QSplitter, "caseloadSplitter")
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([metrics.averageCharWidth() * 100, metrics.averageCharWidth() * 100])

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._closing:
            # Closing the main window is quitting: the app closes the store on the way out.
            self._closing = True
            self.quit_requested.emit()
        super().closeEvent(event)
