"""The child record screen: a summary at the top and a tab for each part of the record.

It reads the child (and judges their clocks) in one job on the store's worker, and after
every save reads them again, so what is shown is always what the store holds. Integration
hooks for colleagues' widgets:

* `add_tab(widget, title)`: add a tab (the journey timeline adds itself this way).
* Meetings open in `MeetingEditor` windows (pace_desktop.gui.forms.meeting_editor); the
  record keeps them in `editors`, and `flush_drafts()` asks each to save its draft now
  (called before the app locks).

The screen is built here; its parts are mixed in from a module each: record_editing.py (the
add and edit dialogs), record_meetings.py (meeting windows), withholding.py (non-disclosure).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pace_desktop.domain.ordering import in_chronology_order
from pace_desktop.domain.vocab import MEETING_KINDS
from pace_desktop.gui.child import columns
from pace_desktop.gui.child.drafts_bar import DraftsBar
from pace_desktop.gui.child.list_tab import ListTab
from pace_desktop.gui.child.record_editing import RecordEditing
from pace_desktop.gui.child.record_meetings import RecordMeetings
from pace_desktop.gui.child.timeline_tab import TimelineTab
from pace_desktop.gui.child.withholding import WithholdingActions
from pace_desktop.gui.child.withholding import rows as withheld_rows
from pace_desktop.gui.looks import enlarge, say, set_tone
from pace_desktop.gui.store_worker import StoreRunner
from pace_desktop.gui.unlock_window import plain_failure
from pace_desktop.journey import Rule, judge_child
from pace_desktop.settings import Settings
from pace_desktop.store import CaseStore
from pace_desktop.views.record_summary import ChildView, summary

PEOPLE, LIVING, LEGAL, CHRONOLOGY, MEETINGS, CLOCKS, TIMELINE = (
    "People", "Where the child has lived", "Legal status", "Chronology", "Meetings", "Clocks",
    "Timeline")


def read_child(store: CaseStore, ref: str, rules: Sequence[Rule], as_of: date,
               due_soon_days: int) -> ChildView:
    """Runs on the worker: the whole child and their clocks, judged as of today."""
    child = store.child(ref)
    drafts = tuple(d for d in store.drafts(ref) if d.key.startswith("meeting:"))
    return ChildView(child, judge_child(child, rules, as_of, due_soon_days), as_of, drafts)


def _record_id(item: object) -> str:
    """How the timeline names an item: its id, or "rule:instance" for a clock."""
    if hasattr(item, "rule") and hasattr(item, "instance"):
        return f"{item.rule}:{item.instance}"
    return str(getattr(item, "id", ""))


if TYPE_CHECKING:
    from pace_desktop.gui.forms.meeting_editor import MeetingEditor


class ChildRecord(RecordEditing, RecordMeetings, WithholdingActions, QWidget):
    """`back_requested()` to go back to the caseload; `changed(ref)` after every save."""

    back_requested = Signal()
    changed = Signal(str)
    # Whose record this is, in words ("Ailsa Brodie (C-001)"), once it has been read: the
    # window takes it as its title, so a screen reader says whose record is open.
    child_named = Signal(str)
    conflicts_requested = Signal(str)  # the child's ref: show its conflicts (SYNC.md)

    def __init__(self, runner: StoreRunner, rules: Sequence[Rule], settings: Settings,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Child's record")
        self._runner = runner
        runner.changed.connect(self._store_changed)
        self._rules = tuple(rules)
        self.settings = settings
        self.ref: str | None = None
        self.view: ChildView | None = None
        self.dialog: QDialog | None = None  # the add/edit dialog open now, if any
        self.editors: list[MeetingEditor] = []  # open meeting records, in their own windows
        self.store_owner = ""  # the name given when the store was made (MainWindow tells us)
        self._generation = 0
        self._wanted_tab: str | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 12, 18, 8)
        top = QHBoxLayout()
        self.back_button = QPushButton("← &Caseload")
        self.back_button.setAccessibleName("Back to the caseload")
        self.back_button.clicked.connect(self.back_requested)
        top.addWidget(self.back_button)
        # No accessible name of its own: it is heard as its words, the child's name.
        self.title = QLabel("")
        enlarge(self.title, 1.6)
        set_tone(self.title, "title")
        top.addWidget(self.title, 1)
        self.details_button = QPushButton("Change &details…")
        self.details_button.setAccessibleName("Change the child's details")
        self.details_button.clicked.connect(self.edit_details)
        top.addWidget(self.details_button)
        layout.addLayout(top)
        # Until a conflict is resolved the local value stays in force; the record says so.
        self.conflict_banner = QPushButton("")
        self.conflict_banner.setObjectName("conflictBanner")
        self.conflict_banner.setVisible(False)
        self.conflict_banner.clicked.connect(
            lambda: self.view is not None and self.conflicts_requested.emit(self.view.child.ref))
        layout.addWidget(self.conflict_banner)
        self.summary_grid = QGridLayout()
        self.summary_grid.setHorizontalSpacing(14)
        self.summary_values: dict[str, QLabel] = {}
        layout.addLayout(self.summary_grid)
        self.message = QLabel()
        self.message.setWordWrap(True)
        set_tone(self.message, "error")
        say(self.message, "")
        layout.addWidget(self.message)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Parts of the record")
        layout.addWidget(self.tabs, 1)
        self.people = ListTab(PEOPLE, "Family, carers and professionals in the child's life.",
                              columns.PEOPLE, "&Add a person…", "Ed&it…")
        self.living = ListTab(LIVING, "Every place the child has lived, newest last. A child "
                              "lives in one place at a time.", columns.LIVING,
                              "&Add a home…", "Ed&it…")
        # A move ends where the child lives now and starts the new home, in one operation;
        # "Add a home" is for a time that is over, or a first home, typed whole.
        self.move_button = self.living.extra_button("Record a m&ove…", self._add_move)
        self.legal = ListTab(LEGAL, "Orders and the legal basis for the child's care.",
                             columns.LEGAL, "&Add a legal status…", "Ed&it…")
        self.chronology = ListTab(
            CHRONOLOGY, "Entries are final once recorded; a correction is added as a dated "
            "amendment, shown with the original.", columns.CHRONOLOGY,
            "&Add an entry…", "A&mend…")
        self.chronology.model.tips = columns.event_tip
        self.visit_button = self.chronology.extra_button("Record a vi&sit…", self._add_visit)
        self.continue_button = self.legal.extra_button("Order con&tinued…",
                                                       self._continue_order)
        self.meetings = ListTab(MEETINGS, "Reviews, panels and other meetings about the child.",
                                columns.MEETINGS, "Record a &meeting…", "&Open…")
        self.meeting_kind = QComboBox()
        self.meeting_kind.setAccessibleName("Kind of meeting to record")
        for code, label in MEETING_KINDS.items():
            self.meeting_kind.addItem(label, code)
        # On Linux a combo box is heard as its current value: a linked label says what it is.
        kind_label = QLabel("&Kind of meeting")
        kind_label.setBuddy(self.meeting_kind)
        self.meetings.buttons.insertWidget(0, kind_label)
        self.meetings.buttons.insertWidget(1, self.meeting_kind)
        # Chosen first, then recorded: Tab meets the chooser before its button.
        if self.meetings.add_button is not None:
            QWidget.setTabOrder(self.meeting_kind, self.meetings.add_button)
        self.drafts_bar = DraftsBar()
        meetings_layout = self.meetings.layout()
        assert meetings_layout is not None
        meetings_layout.insertWidget(1, self.drafts_bar)  # under the tab's introduction
        self.drafts_bar.resume.connect(lambda kind, meeting_id: self._meeting_editor(
            kind, meeting_id))
        self.clocks = ListTab(CLOCKS, "Each clock starts on a fact in the record and falls due "
                              "a fixed time later; ▲ overdue, ● due soon, ○ waiting, ✓ met.",
                              columns.clock_columns(date.today()), None, None)
        self.clocks.model.tips = self._clock_tip
        self.withheld = self.withholding_tab()
        for tab in (self.people, self.living, self.legal, self.chronology, self.meetings,
                    self.clocks, self.withheld):
            self.add_tab(tab, tab.accessibleName())
        self.timeline = TimelineTab(self._rules, settings.due_soon_days)
        self.add_tab(self.timeline, TIMELINE)
        self.timeline.open_record.connect(self.open_from_timeline)

        self.people.add_requested.connect(lambda: self._person(None))
        self.people.edit_requested.connect(self._person)
        self.living.add_requested.connect(lambda: self._living(None))
        self.living.edit_requested.connect(self._living)
        self.legal.add_requested.connect(lambda: self._legal(None))
        self.legal.edit_requested.connect(self._legal)
        self.chronology.add_requested.connect(self._add_event)
        self.chronology.edit_requested.connect(self._amend_event)
        self.meetings.add_requested.connect(self.record_meeting)
        self.meetings.edit_requested.connect(self.open_meeting)
        # Ctrl+Tab and Ctrl+PgDn move through the record's tabs wherever the focus is in it
        # (Qt's own only works once the focus is inside the tab widget).
        for keys, step in (("Ctrl+Tab", 1), ("Ctrl+PgDown", 1), ("Ctrl+Shift+Tab", -1),
                           ("Ctrl+PgUp", -1)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda step=step: self.next_tab(step))

    def next_tab(self, step: int) -> None:
        self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % self.tabs.count())

    # -- the hooks -------------------------------------------------------------------------------

    def _clock_tip(self, clock: Any) -> str:
        """A clock's hover text: what it is, when it is due, and the rule's legal source, so
        a date can be checked against the law or guidance it comes from."""
        rule = next((r for r in self._rules if r.id == getattr(clock, "rule", None)), None)
        words = f"{clock.label}: due {columns.plain_date(clock.due)}."
        if rule is not None and rule.source:
            words += f"\nSource: {rule.source}."
        return words

    def add_tab(self, widget: QWidget, title: str) -> int:
        """Add a tab to the record (for colleagues' views, e.g. the journey timeline)."""
        widget.setAccessibleName(widget.accessibleName() or title)
        return self.tabs.addTab(widget, title)

    def apply_settings(self, settings: Settings, rules: Sequence[Rule]) -> None:
        """New settings or rules in force: judge the record again under them."""
        self.settings, self._rules = settings, tuple(rules)
        self.timeline.set_rules(self._rules, settings.due_soon_days)
        self.reload()

    @property
    def user_name(self) -> str:
        """Who signs an amendment or a chronology entry: the name in Settings, else the store's
        named user, and the login name only when neither is known (as the store does)."""
        return self.settings.user_name or self.store_owner or self.settings.audit_name

    def flush_drafts(self) -> None:
        """Ask every open meeting editor to save its draft now (before locking)."""
        for editor in list(self.editors):
            editor.flush_draft()

    def save_current(self) -> bool:
        """Ctrl+S: forwarded to the meeting editor in front, if there is one."""
        for editor in reversed(self.editors):
            save = getattr(editor, "save", None)
            if callable(save) and editor.isVisible():
                save()
                return True
        return False

    # -- reading ---------------------------------------------------------------------------------

    def open_child(self, ref: str, tab: str | None = None) -> None:
        """Show the child with `ref` (their record is read on the worker)."""
        if ref != self.ref:
            self.clear()
        self.ref = ref
        self._wanted_tab = tab
        self.reload()

    def reload(self) -> None:
        if self.ref is None:
            return
        self._generation += 1
        generation, ref = self._generation, self.ref
        rules, due_soon = self._rules, self.settings.due_soon_days
        today = date.today()
        self._runner.call(lambda store: read_child(store, ref, rules, today, due_soon),
                          lambda view: self._show(generation, view), self._failed, owner=self)

    def clear(self) -> None:
        """Empty every list (on lock, or before another child is shown)."""
        self._generation += 1
        self.view = None
        self.title.setText("")
        for label in self.summary_values.values():
            label.setText("")
        for tab in (self.people, self.living, self.legal, self.chronology, self.meetings,
                    self.clocks, self.withheld):
            tab.set_items((), "")
        self.timeline.clear()
        self.drafts_bar.set_drafts(())
        say(self.message, "")

    def open_from_timeline(self, kind: str, record_id: str) -> None:
        """A click on the timeline opens what was clicked: a meeting in its own window, any
        other item as its row in the tab that lists it."""
        if self.view is None:
            return
        child = self.view.child
        if kind == "meeting":
            meeting = next((m for m in child.meetings if m.id == record_id), None)
            if meeting is not None:
                self.open_meeting(meeting)
            return
        tabs = {"event": (self.chronology, CHRONOLOGY), "living": (self.living, LIVING),
                "legal": (self.legal, LEGAL), "clock": (self.clocks, CLOCKS)}
        if kind in tabs:
            tab, title = tabs[kind]
            self.show_tab(title)
            rows = [r for r, item in enumerate(tab.model.items)
                    if _record_id(item) == record_id]
            if rows:
                tab.select(rows[0])

    def close_editors(self) -> None:
        for editor in list(self.editors):
            editor.close_now()
        self.editors.clear()

    @property
    def current_tab(self) -> str:
        return self.tabs.tabText(self.tabs.currentIndex()).replace("&", "")

    def show_tab(self, title: str) -> None:
        for i in range(self.tabs.count()):
            if self.tabs.tabText(i).replace("&", "") == title:
                self.tabs.setCurrentIndex(i)
                return

    def _show_conflicts(self, generation: int, count: int) -> None:
        if generation != self._generation or not count:
            return
        self.conflict_banner.setText(
            f"{'A conflict' if count == 1 else f'{count} conflicts'} to resolve: this laptop's"
            " values stay in force until you choose. Re&view…")
        self.conflict_banner.setVisible(True)

    def _show(self, generation: int, view: ChildView) -> None:
        if generation != self._generation:
            return
        self.view = view
        child = view.child
        self.title.setText(f"{child.name}  ·  {child.ref}")
        self.conflict_banner.setVisible(False)
        ref = child.ref
        self._runner.call(lambda store: len(store.conflicts(ref)),
                          lambda n, g=generation: self._show_conflicts(g, n))
        self.setAccessibleName(f"Record of {child.name}")
        self.child_named.emit(f"{child.name} ({child.ref})")
        self._fill_summary(summary(view))
        self.people.set_items(child.people, "No one is recorded yet.")
        self.living.model.columns = columns.living_columns(child.people)
        self.living.set_items(sorted(child.living, key=lambda e: e.start),
                              "Where the child lives is not recorded yet.")
        self.legal.set_items(sorted(child.legal, key=lambda e: e.start),
                             "No legal status is recorded yet.")
        self.chronology.set_items(in_chronology_order(child.events), "The chronology is empty.")
        self.meetings.set_items(sorted(child.meetings, key=lambda m: m.date),
                                "No meetings are recorded yet.")
        self.withheld.set_items(withheld_rows(child), "Nothing is asked to be withheld.")
        open_keys = {editor.key for editor in self.editors}
        self.drafts_bar.set_drafts([d for d in view.drafts if d.key not in open_keys])
        self.clocks.model.columns = columns.clock_columns(view.as_of)
        self.clocks.set_items(sorted(view.clocks, key=columns.clock_sort_key),
                              "No clock applies to this child's record yet.")
        self.timeline.set_child(child)
        say(self.message, "")
        if self._wanted_tab:
            self.show_tab(self._wanted_tab)
            self._wanted_tab = None

    def _fill_summary(self, facts: list[tuple[str, str]]) -> None:
        for i, (label, value) in enumerate(facts):
            shown = self.summary_values.get(label)
            if shown is None:
                caption = QLabel(label)
                set_tone(caption, "hint")
                shown = QLabel()
                # Long values ("Compulsory supervision order, away from home, since …") wrap
                # rather than being cut off in a narrow window or at a large display scale.
                shown.setWordWrap(True)
                # Selectable by keyboard too, so Tab reaches each value and a screen reader
                # reads it; its caption is linked to it and is its description.
                shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                              | Qt.TextInteractionFlag.TextSelectableByKeyboard)
                shown.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the flags leave it at click
                shown.setAccessibleDescription(label)
                caption.setBuddy(shown)
                row, col = divmod(i, 2)
                self.summary_grid.addWidget(caption, row, col * 2)
                self.summary_grid.addWidget(shown, row, col * 2 + 1)
                self.summary_grid.setColumnStretch(col * 2 + 1, 1)
                self.summary_values[label] = shown
            shown.setText(value)
        self._chain_tab_order()

    def _chain_tab_order(self) -> None:
        """Top to bottom as on screen: Back, Change details, the summary, then the tabs
        (the values are made after the buttons, so by default they came last)."""
        chain: list[QWidget] = [self.back_button, self.details_button,
                                *self.summary_values.values(), self.tabs]
        for before, after in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(before, after)

    def _failed(self, exc: Exception) -> None:
        say(self.message, plain_failure(exc, "reading the child's record"))

