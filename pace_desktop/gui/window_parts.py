"""What the parts of the main window share: the widgets and state `MainWindow.__init__`
builds, named here so that each part (menus, caseload reading, clocks, search, the child
pane; one module each) can be read alone. The parts are mixed into `MainWindow`."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from PySide6.QtCore import QTimer, SignalInstance
    from PySide6.QtWidgets import (
        QComboBox,
        QLabel,
        QLineEdit,
        QMainWindow,
        QStackedWidget,
        QTableView,
        QTabWidget,
        QWidget,
    )

    from pace_desktop.gui.backups import BackupKeeper
    from pace_desktop.gui.caseload_clocks import Judging
    from pace_desktop.gui.caseload_model import CaseloadModel
    from pace_desktop.gui.child.record import ChildRecord
    from pace_desktop.gui.due_model import DueModel
    from pace_desktop.gui.file_actions import FileActions
    from pace_desktop.gui.hub_sync import HubSync
    from pace_desktop.gui.printing import PrintDialog
    from pace_desktop.gui.runchart.runchart_view import RunChartView
    from pace_desktop.gui.store_worker import StoreRunner
    from pace_desktop.gui.sync_dialogs import SyncActions
    from pace_desktop.journey import Rule
    from pace_desktop.settings import Settings
    from pace_desktop.views.caseload_facts import CaseloadFacts

    _Base = QMainWindow
else:
    _Base = object

CASELOAD_PAGE, RECORD_PAGE = 0, 1

Place = tuple[str, str]  # (child ref, tab title): where to come back to after unlocking


class WindowParts(_Base):
    """The main window as each of its parts sees it."""

    if TYPE_CHECKING:
        lock_requested: SignalInstance
        quit_requested: SignalInstance
        switch_store: SignalInstance
        settings_changed: SignalInstance
        _runner: StoreRunner
        _store_path: Path
        settings: Settings
        settings_path: Path | None
        rules: tuple[Rule, ...]
        _closing: bool
        _search_generation: int
        _facts_generation: int
        _search_text: str
        _loaded: bool
        _go_to_results: bool
        facts: CaseloadFacts | None
        _judging: Judging | None
        model: CaseloadModel
        table: QTableView
        due_model: DueModel
        due_table: QTableView
        due_hint: QLabel
        warning_label: QLabel
        drafts_label: QLabel
        search_edit: QLineEdit
        empty_label: QLabel
        screens: QStackedWidget
        worker_filter: QComboBox
        living_filter: QComboBox
        legal_filter: QComboBox
        route_filter: QComboBox
        filter_boxes: Sequence[QComboBox]
        due_widths: dict[int, int]  # the due list's status and child columns at their widest
        caseload_tabs: QTabWidget
        run_charts_tab: QWidget
        run_charts: RunChartView | None
        record: ChildRecord
        backup_label: QLabel
        backups: BackupKeeper
        files: FileActions
        sync: SyncActions
        hub: HubSync
        _search_timer: QTimer
        settings_dialog: QWidget | None
        child_dialog: QWidget | None
        print_dialogs: list[PrintDialog]
