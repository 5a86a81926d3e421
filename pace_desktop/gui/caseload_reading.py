"""The main window's caseload as read from the store: the list, the drafts begun, the
conflicts to resolve, and what a committed change refreshes (only what it touches)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from pace_desktop.gui.caseload_model import REF_ROLE
from pace_desktop.gui.child.drafts_bar import draft_words
from pace_desktop.gui.looks import say
from pace_desktop.gui.unlock_window import plain_failure
from pace_desktop.gui.window_parts import WindowParts
from pace_desktop.store import CaseloadRow, Draft, OpChanges

# The parts of a record each view shows: a change refreshes a view only if it touches them.
CASELOAD_PARTS = frozenset({"children", "living", "legal"})  # name, where they live, status
CLOCK_PARTS = frozenset({"children", "living", "legal", "events", "meetings"})  # due, charts
DRAFT_PARTS = frozenset({"drafts", "meetings"})  # the meeting records begun, not yet saved


class CaseloadReading(WindowParts):
    """Reading the caseload, and reading again only what a change touched."""

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

    def _failed(self, exc: Exception) -> None:
        if self._closing:
            return
        message = plain_failure(exc, "reading the store")
        self.statusBar().showMessage(message)
        say(self.empty_label, message)
