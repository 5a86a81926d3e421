"""The main window's child record pane: opening a child (from the caseload or the due
list), coming back to the caseload, and the title that says whose record is open."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from pace_desktop.gui.caseload_model import REF_ROLE
from pace_desktop.gui.child.record import CLOCKS
from pace_desktop.gui.window_parts import CASELOAD_PAGE, RECORD_PAGE, Place, WindowParts


class ChildPane(WindowParts):
    """Moving between the caseload and a child's record."""

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
