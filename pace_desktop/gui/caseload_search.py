"""The main window's search and filters: debounced, newest answer only, and the count
in the status bar (said aloud after a search or a filter changed)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QComboBox

from pace_desktop.gui import filters
from pace_desktop.gui.announce import announce
from pace_desktop.gui.looks import say
from pace_desktop.gui.window_parts import WindowParts
from pace_desktop.store.search import MatchingRefs

SEARCH_DELAY_MS = 150
# Enough to cover any one worker's caseload; a search that reaches it says so.
SEARCH_LIMIT = 500


def children_count(n: int) -> str:
    return f"{n:,} child" if n == 1 else f"{n:,} children"


class CaseloadSearch(WindowParts):
    """Find, the filters, and the count of children shown."""

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

    @property
    def shown_count(self) -> int:
        return self.model.rowCount()

    def shown_refs(self) -> list[str]:
        return [self.model.row_at(r).ref for r in range(self.model.rowCount())]
