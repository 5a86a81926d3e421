"""The main window: the caseload (search, filters, the due list) and the child record.

Every read goes through the `StoreRunner`; the window holds rows, never the store. Search is
debounced (people type faster than a search needs to run) and only the newest answer counts,
so a slow search for an old prefix can never overwrite the list for what is typed now. The
caseload list arrives first; routes and the due list follow from a second, slower job, so
the list is usable while the clocks of a large caseload are judged.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent
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
from pace_desktop.gui.announce import announce
from pace_desktop.gui.backups import BackupKeeper
from pace_desktop.gui.caseload_model import (
    BIRTH,
    NAME,
    REF,
    REF_ROLE,
    CaseloadModel,
)
from pace_desktop.gui.child.drafts_bar import draft_words
from pace_desktop.gui.child.record import CLOCKS, LIVING, ChildRecord
from pace_desktop.gui.due_model import CHILD, CLOCK, DUE, STATUS, DueModel
from pace_desktop.gui.file_actions import FileActions
from pace_desktop.gui.hub_sync import HubSync
from pace_desktop.gui.looks import enlarge, say, set_tone
from pace_desktop.gui.store_worker import StoreRunner
from pace_desktop.gui.sync_dialogs import SyncActions, add_sync_actions
from pace_desktop.gui.ui_files import child, load_into
from pace_desktop.gui.unlock_window import plain_failure
from pace_desktop.journey import DueItem, Rule, calendar_of
from pace_desktop.settings import Settings
from pace_desktop.store import CaseloadRow, Draft, OpChanges
from pace_desktop.store.search import MatchingRefs
from pace_desktop.views.caseload_facts import CaseloadFacts, gather, judged_due, merge

SEARCH_DELAY_MS = 150
FACTS_CHUNK = 500  # children judged per worker job: a search waits for one chunk at most
# Enough to cover any one worker's caseload; a search that reaches it says so.
SEARCH_LIMIT = 500
CASELOAD_PAGE, RECORD_PAGE = 0, 1

Place = tuple[str, str]  # (child ref, tab title): where to come back to after unlocking


@dataclass(slots=True)
class _Judging:
    """The whole caseload's clocks while they are judged, chunk by chunk."""

    total: int
    chunks_left: int
    done: int = 0
    facts: CaseloadFacts | None = None
    due_shown: bool = False  # the whole due list, from kept judgements, is already on screen


# The parts of a record each view shows: a change refreshes a view only if it touches them.
CASELOAD_PARTS = frozenset({"children", "living", "legal"})  # name, where they live, status
CLOCK_PARTS = frozenset({"children", "living", "legal", "events", "meetings"})  # due, charts
DRAFT_PARTS = frozenset({"drafts", "meetings"})  # the meeting records begun, not yet saved


def children_count(n: int) -> str:
    return f"{n:,} child" if n == 1 else f"{n:,} children"


if TYPE_CHECKING:
    from pace_desktop.gui.printing import PrintDialog
    from pace_desktop.gui.runchart.runchart_view import RunChartView


class MainWindow(QMainWindow):
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
        self._judging: _Judging | None = None  # the caseload's clocks, chunk by chunk

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
        child(self, QPushButton, "clearFiltersButton").clicked.connect(self.clear_filters)
        self.table.activated.connect(self._open_from_caseload)
        self.due_table.activated.connect(self._open_from_due)
        self.record.back_requested.connect(self.show_caseload)
        self._runner.changed.connect(self._store_changed)
        self.record.child_named.connect(self._child_named)
        self.record.conflicts_requested.connect(self.sync.show_conflicts)

        self.action("lockAction").triggered.connect(self.lock_requested)
        self.action("quitAction").triggered.connect(self.quit_requested)
        self.action("findAction").triggered.connect(self._focus_search)
        self.action("caseloadAction").triggered.connect(self.show_caseload)
        self.action("settingsAction").triggered.connect(self.open_settings)
        self.action("newChildAction").triggered.connect(self.add_child)
        self.action("newMeetingAction").triggered.connect(self._new_meeting)
        self.action("saveAction").triggered.connect(self._save)
        self.action("newStoreAction").triggered.connect(lambda: self.switch_store.emit("new"))
        self.action("openStoreAction").triggered.connect(lambda: self.switch_store.emit("open"))
        self.action("importAction").triggered.connect(self.files.choose_import)
        self.action("exportAction").triggered.connect(self.files.choose_export)
        self.action("backupAction").triggered.connect(self.files.choose_backup)
        self.action("passphraseAction").triggered.connect(self.files.change_passphrase)
        for action, document in (("printChronologyAction", "chronology"),
                                 ("printSummaryAction", "summary"),
                                 ("printRecordAction", "decision_record"),
                                 ("printClocksAction", "clocks_report")):
            self.action(action).triggered.connect(
                lambda _=False, d=document: self.print_document(d))
        self._style()
        self._set_title(f"PACE Desktop – {store_path.name}")
        say(self.empty_label, "")
        self.settings_dialog: QWidget | None = None
        self.child_dialog: QWidget | None = None
        self.print_dialogs: list[PrintDialog] = []  # open ones: closed and emptied on lock

    def action(self, name: str) -> QAction:
        return child(self, QAction, name)

    # -- reading ---------------------------------------------------------------------------------

    def load(self) -> None:
        """Ask the worker for the caseload; once it is on screen, for routes and clocks."""
        self.statusBar().showMessage("Loading the caseload…")
        self._runner.call(lambda store: store.named_user()[0], self._learn_owner, self._failed)
        self._runner.call(lambda store: store.caseload(), self._first_caseload, self._failed)
        self._runner.call(lambda store: store.refs_with_conflicts(), self._mark_conflicts)
        self.hub.show_last()

    def _mark_conflicts(self, refs: set[str]) -> None:
        self.model.set_conflicted(refs)
        if refs:
            self.statusBar().showMessage(
                f"{len(refs)} {'child has' if len(refs) == 1 else 'children have'} a conflict"
                " to resolve: View ▸ Conflicts…")

    def _chosen_refs(self) -> set[str]:
        return {i.data(REF_ROLE) for i in self.table.selectionModel().selectedRows()} - {None}

    def _learn_owner(self, owner: str) -> None:
        self.record.store_owner = owner

    def _first_caseload(self, rows: list[CaseloadRow]) -> None:
        self._show_caseload(rows)
        self.load_drafts()
        self.load_facts()
        self.backups.start()  # queued after the caseload's reads, so it never delays them

    def _backup_made(self, path: Path, when: datetime) -> None:
        self.backup_label.setText(f"Backed up at {when:%H:%M}")
        self.backup_label.setToolTip(f"The latest automatic backup: {path}")

    def load_drafts(self) -> None:
        """Say which meeting records were begun and not saved (after a crash, a flat battery
        or a lock), so that nobody's typing is left where nobody will find it."""
        self._runner.call(lambda store: store.drafts(), self._show_drafts, self._failed)

    def _show_drafts(self, drafts: list[Draft]) -> None:
        if self._closing:
            return
        names = {row.ref: row.name for row in self.model.rows()}
        meetings = [d for d in drafts if d.key.startswith("meeting:") and d.child_ref]
        lines = [f"{names.get(d.child_ref or '', d.child_ref)} ({d.child_ref}): "
                 f"{draft_words(d)}" for d in meetings]
        say(self.drafts_label, "Meeting records begun and not yet saved — open the child's "
            "Meetings tab to go on with them: " + "; ".join(lines) if lines else "")
        self.drafts_label.setVisible(bool(lines))

    def load_facts(self, refs: Sequence[str] | None = None) -> None:
        """Judge every child's clocks (or only `refs`' after a change) on the worker.

        The whole caseload is judged in chunks, one worker job each: judging 10,000 children
        takes seconds, and the one worker runs jobs in order, so a search typed meanwhile
        waits only for the chunk in hand; the due list fills in as the chunks come back."""
        rules, due_soon, today = self.rules, self.settings.due_soon_days, date.today()
        if refs is not None:
            changed = list(refs)
            generation = self._facts_generation
            self._runner.call(lambda store: gather(store, rules, today, due_soon, changed),
                              lambda facts: self._show_facts(generation, facts, changed),
                              self._failed)
            return
        self._facts_generation += 1
        generation = self._facts_generation
        every = self.model.refs()
        chunks = [every[i:i + FACTS_CHUNK] for i in range(0, len(every), FACTS_CHUNK)]
        self._judging = _Judging(total=len(every), chunks_left=len(chunks))
        say(self.due_hint, "Working out the clocks…")
        # The due list first, whole: kept judgements make it quick even for 10,000 children.
        self._runner.call(lambda store: judged_due(store, rules, today, due_soon),
                          lambda due: self._show_early_due(generation, due, today), self._failed)
        if not chunks:
            self._show_facts(generation, CaseloadFacts({}, [], today, {}), None)
        for chunk in chunks:
            self._runner.call(
                lambda store, c=chunk: gather(store, rules, today, due_soon, c),
                lambda facts, c=chunk: self._chunk_judged(generation, facts, c), self._failed)

    def _chunk_judged(self, generation: int, facts: CaseloadFacts, chunk: list[str]) -> None:
        judging = self._judging
        if self._closing or generation != self._facts_generation or judging is None:
            return
        judging.facts = facts if judging.facts is None else merge(judging.facts, facts, chunk)
        judging.chunks_left -= 1
        judging.done += len(chunk)
        if judging.chunks_left == 0:
            self._judging = None
            self._show_facts(generation, judging.facts, None)
            return
        so_far = f"{judging.done:,} of {judging.total:,} children so far."
        if judging.due_shown:
            say(self.due_hint, f"{self._due_words(self.due_model.items())} Routes and run "
                               f"charts: {so_far}")
            return
        self.due_model.set_items(judging.facts.due, judging.facts.as_of)
        say(self.due_hint, f"Working out the clocks… {so_far}")

    def _show_early_due(self, generation: int, due: list[DueItem], as_of: date) -> None:
        judging = self._judging
        if self._closing or generation != self._facts_generation or judging is None:
            return
        judging.due_shown = True
        say(self.due_hint, f"{self._due_words(due)} Routes and run charts are still being "
                           "worked out.")
        self.due_model.set_items(due, as_of)

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

    def print_document(self, document: str) -> QWidget | None:
        """Open the print dialog for `document` ("chronology", "summary", "decision_record" or
        "clocks_report"): a preview rendered in memory, then the printer or, deliberately, a
        file. The child's documents are for the child on screen."""
        from pace_desktop.gui.printing import open_print_dialog

        ref = self.record.ref if self.screens.currentIndex() == RECORD_PAGE else None
        meeting_id = None
        if document != "clocks_report" and ref is None:
            self.statusBar().showMessage("Open a child's record first, then print from it.")
            return None
        if document == "decision_record":
            meeting = self.record.meetings.current()
            if meeting is None:
                self.record.show_tab("Meetings")
                self.statusBar().showMessage(
                    "Choose a meeting in the Meetings tab, then print its decision record.")
                return None
            meeting_id = meeting.id
        dialog = open_print_dialog(self, self._runner, document, ref, self.settings,
                                   meeting_id)
        self.print_dialogs.append(dialog)
        dialog.destroyed.connect(lambda: self.print_dialogs.remove(dialog)
                                 if dialog in self.print_dialogs else None)
        return dialog

    def flush_drafts(self) -> None:
        """Before locking: open meeting editors save their drafts (queued before the close)."""
        self.record.flush_drafts()

    def place(self) -> Place | None:
        """The child record and tab on screen, to come back to after unlocking."""
        if self.screens.currentIndex() == RECORD_PAGE and self.record.ref:
            return (self.record.ref, self.record.current_tab)
        return None

    def restore(self, place: Place | None) -> None:
        if place is not None:
            self.open_child(place[0], place[1])

    @property
    def shown_count(self) -> int:
        return self.model.rowCount()

    def shown_refs(self) -> list[str]:
        return [self.model.row_at(r).ref for r in range(self.model.rowCount())]

    def due_rows(self) -> list[tuple[str, str, str, str]]:
        m = self.due_model
        return [tuple(m.index(r, c).data() for c in (STATUS, CHILD, CLOCK, DUE))  # type: ignore[misc]
                for r in range(m.rowCount())]

    # -- moving between screens ------------------------------------------------------------------

    def open_child(self, ref: str, tab: str | None = None) -> None:
        self.record.open_child(ref, tab)
        self.screens.setCurrentIndex(RECORD_PAGE)
        self._set_title(f"{ref} – PACE Desktop")  # until the record is read and names them
        self.record.tabs.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_caseload(self) -> None:
        self.screens.setCurrentIndex(CASELOAD_PAGE)
        self._set_title(f"PACE Desktop – {self._store_path.name}")
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _child_named(self, words: str) -> None:
        if self.screens.currentIndex() == RECORD_PAGE:
            self._set_title(f"{words} – PACE Desktop")

    def _set_title(self, title: str) -> None:
        """The window's title is its accessible name too: a screen reader says it on every
        change of window, so it must say whose record is open."""
        self.setWindowTitle(title)
        self.setAccessibleName(title)

    def _open_from_caseload(self, index: QModelIndex) -> None:
        ref = index.data(REF_ROLE)
        if ref:
            self.open_child(ref)

    def _open_from_due(self, index: QModelIndex) -> None:
        ref = index.data(REF_ROLE)
        if ref:
            self.open_child(ref, CLOCKS)

    def _store_changed(self, changes: OpChanges) -> None:
        """Whatever window made it, a committed change refreshes only what it touches."""
        if self._closing or not changes.children:
            return
        if changes.touches_any(CASELOAD_PARTS):
            self._runner.call(lambda store: store.caseload(), self._refresh_rows, self._failed)
        if changes.touches_any(CLOCK_PARTS):
            self.load_facts(sorted(changes.children))
        if changes.touches_any(DRAFT_PARTS):
            self.load_drafts()
        self.backups.check_now()  # after every few changes, a fresh backup

    # -- replies ---------------------------------------------------------------------------------

    def _show_caseload(self, rows: list[CaseloadRow]) -> None:
        if self._closing:
            return
        self.model.set_rows(rows)
        self._loaded = True
        self._fill_filters()
        if self.search_edit.text().strip():
            self.search_now()
        else:
            self._update_status()

    def _refresh_rows(self, rows: list[CaseloadRow]) -> None:
        if not self._closing:
            self.model.set_rows(rows)
            self._fill_filters()
            self._update_status()

    def _show_facts(self, generation: int, facts: CaseloadFacts,
                    refs: Sequence[str] | None) -> None:
        if self._closing:
            return
        if refs is None:
            if generation != self._facts_generation:
                return
            self.facts = facts
        elif self.facts is not None:
            self.facts = merge(self.facts, facts, refs)
        else:
            # The caseload is still being judged; jobs run in order, so a change's answer
            # comes after every chunk queued before it: keep it with what is gathered.
            if self._judging is not None and self._judging.facts is not None:
                self._judging.facts = merge(self._judging.facts, facts, refs)
            return
        self.model.set_routes(self.facts.routes)
        self.due_model.set_items(self.facts.due, self.facts.as_of)
        self._fill_filters()
        self._apply_filters()
        say(self.due_hint, self._due_words(self.facts.due))

    def _due_words(self, due: Sequence[DueItem]) -> str:
        if not due:
            return "Nothing is overdue or due soon."
        lapsed = sum(1 for item in due if item.clock.status == "lapsed")
        overdue = sum(1 for item in due if item.clock.status == "overdue")
        soon = len(due) - overdue - lapsed
        first = f"⧓ {lapsed:,} lapsed order{'s' * (lapsed != 1)} · " if lapsed else ""
        return (f"{first}▲ {overdue:,} overdue · ● {soon:,} due within "
                f"{self.settings.due_soon_days} days. Enter opens the child's clocks.")

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
            was_searching = self.model.searching
            self.model.show_only(None)
            self._update_status(say_it=was_searching)
            return
        self.statusBar().showMessage("Searching…")
        self._runner.call(lambda store: store.search_refs(text, limit=SEARCH_LIMIT),
                          lambda refs: self._show_search(generation, refs), self._failed)

    def _show_search(self, generation: int, found: MatchingRefs) -> None:
        if self._closing or generation != self._search_generation:
            return  # an answer for what was typed before; a newer search is on its way
        self.model.show_only(found.refs)
        self._update_status(found.reached_limit, say_it=True)
        if self._go_to_results:
            self.focus_results()

    def _search_and_go(self) -> None:
        """Enter in Find: search now, and go to the first child found."""
        self._go_to_results = True
        self.search_now()
        if not self.search_edit.text().strip():
            self.focus_results()

    def focus_results(self) -> None:
        """From the Find box to the list it filters, on its first row."""
        self._go_to_results = False
        if self.model.rowCount() == 0:
            return
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        current = self.table.currentIndex()
        if not current.isValid():
            self.table.setCurrentIndex(self.model.index(0, 0))
        self.table.selectRow(self.table.currentIndex().row())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if (watched is self.search_edit and event.type() == QEvent.Type.KeyPress
                and event.key() == Qt.Key.Key_Down):  # type: ignore[attr-defined]
            self.focus_results()
            return True
        return super().eventFilter(watched, event)

    def _failed(self, exc: Exception) -> None:
        if self._closing:
            return
        message = plain_failure(exc, "reading the store")
        self.statusBar().showMessage(message)
        say(self.empty_label, message)

    # -- filters ---------------------------------------------------------------------------------

    def _fill_filters(self) -> None:
        rows = self.model.rows()
        workers, worker_labels = filters.worker_counts(rows)
        filters.fill(self.worker_filter, "Any worker", workers, worker_labels)
        filters.fill(self.living_filter, "Anywhere", filters.living_counts(rows),
                     filters.LIVING_LABELS)
        filters.fill(self.legal_filter, "Any legal status", filters.legal_counts(rows),
                     filters.LEGAL_LABELS)
        if self.facts is not None:
            filters.fill(self.route_filter, "Any route",
                         filters.route_counts(rows, self.facts.routes), filters.ROUTE_LABELS)
        else:
            filters.fill(self.route_filter, "Any route", {}, {})
        self.route_filter.setEnabled(self.facts is not None)

    def _apply_filters(self) -> None:
        wanted = filters.criteria(*self.filter_boxes)
        changed = wanted != self.model.criteria
        if changed:
            self.model.set_criteria(wanted)
        self._update_status(say_it=changed)

    def _refresh_run_charts(self) -> None:
        """The run charts show the children the search and filters show (a worker's cohort,
        one route...). Built on first view: pyqtgraph costs most of a second to import."""
        if self.caseload_tabs.currentWidget() is not self.run_charts_tab or self.facts is None:
            return
        if self.run_charts is None:
            from pace_desktop.gui.runchart.runchart_view import RunChartView

            self.run_charts = RunChartView(baseline=self.settings.baseline_points or None)
            self.run_charts.open_child.connect(self.open_child)
            layout = self.run_charts_tab.layout()
            assert layout is not None
            layout.addWidget(self.run_charts)
        shown = set(self.shown_refs())
        self.run_charts.set_cohort({m: [p for p in points if p.child_ref in shown]
                                    for m, points in self.facts.cohort.items()})

    def clear_filters(self) -> None:
        for box in self.filter_boxes:
            box.setCurrentIndex(0)
        self._apply_filters()

    def choose_filter(self, box: QComboBox, code: str | None) -> None:
        """Pick the filter choice whose code is `code` (for tests and keyboard helpers)."""
        index = box.findData(code)
        if index < 0:
            raise LookupError(f"No choice {code!r} in {box.accessibleName()}")
        box.setCurrentIndex(index)

    def _update_status(self, more: bool = False, say_it: bool = False) -> None:
        """The count in the status bar; `say_it` (after a search or a filter changed) also
        tells a screen reader, which would otherwise never hear how many were found."""
        total = self.model.total
        shown = self.model.rowCount()
        text = self._search_text
        filtered = self.model.criteria.any
        if not self.model.searching and not filtered:
            status = children_count(total)
            empty = "" if total else (
                "There are no children in this store yet. To add one, choose Record ▸ "
                "New child… (Ctrl+N); to bring in a file from another system, choose File ▸ "
                "Import….")
        elif shown:
            what = f"match “{text}”" if self.model.searching else "match the filters"
            if self.model.searching and filtered:
                what += " and the filters"
            status = f"{shown:,} of {children_count(total)} {what}"
            if more:
                status += (f" (the search stopped at {SEARCH_LIMIT} matches:"
                           " add a word to narrow it)")
            empty = ""
        else:
            if self.model.searching:
                status = f"No child matches “{text}”"
                empty = (f"No child matches “{text}”. Try fewer words, or part of a name "
                         "or reference.")
            else:
                status = "No child matches the filters"
                empty = "No child matches the filters. “Show everyone” clears them."
            if self.model.searching and filtered:
                empty += " Some filters are set: “Show everyone” clears them."
        self.statusBar().showMessage(status)
        say(self.empty_label, empty)
        if say_it:
            announce(self.search_edit, status)
        self._refresh_run_charts()

    # -- menus -----------------------------------------------------------------------------------

    def open_settings(self) -> None:
        from pace_desktop.gui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, self.settings_path, self,
                                calendar=calendar_of(self.rules))
        dialog.saved.connect(self.settings_changed)
        self.settings_dialog = dialog
        dialog.finished.connect(lambda _: dialog.deleteLater())
        dialog.open()
        # Over the window it belongs to, not at the screen's corner.
        frame = dialog.frameGeometry()
        frame.moveCenter(self.frameGeometry().center())
        dialog.move(frame.topLeft())

    def show_warnings(self, warnings: Sequence[str]) -> None:
        """Problems that stay true while they last (a broken rules or settings file): shown
        above the caseload until they are put right, not as a passing status message."""
        text = "\n".join(f"⚠ {w}" for w in warnings)
        self.warning_label.setText(text)
        self.warning_label.setVisible(bool(warnings))

    def apply_settings(self, settings: Settings, rules: Sequence[Rule]) -> None:
        """New settings in force: the due list and the record are judged again."""
        self.settings = settings
        self.rules = tuple(rules)
        self.record.apply_settings(settings, self.rules)
        self.hub.show_last()  # the hub in Settings may be another
        if self._loaded:
            self.load_facts()

    def add_child(self) -> None:
        """Record ▸ New child: once saved, the child's record opens to add the rest."""
        from pace_desktop.gui.child.dialogs import ChildDialog

        dialog = ChildDialog(self._runner, None, self)
        self.child_dialog = dialog

        def saved(changes: OpChanges) -> None:
            refs = sorted(changes.children)  # the caseload refreshes from `_store_changed`
            if refs:
                self.open_child(refs[0], LIVING)

        dialog.saved.connect(saved)
        dialog.finished.connect(lambda _: dialog.deleteLater())
        dialog.open()

    def _new_meeting(self) -> None:
        if self.screens.currentIndex() == RECORD_PAGE and self.record.ref:
            self.record.record_meeting()
        else:
            self.statusBar().showMessage("Open a child's record first, then record a meeting.")

    def _save(self) -> None:
        if not self.record.save_current():
            self.statusBar().showMessage("Everything here is saved as you go; Ctrl+S saves "
                                         "a meeting record while one is open.")

    # -- inner workings --------------------------------------------------------------------------

    def _focus_search(self) -> None:
        self.show_caseload()
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

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
