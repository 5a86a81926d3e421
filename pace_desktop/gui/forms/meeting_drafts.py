"""A meeting's autosave: every edit after a short quiet, every few seconds, and whenever
focus moves, the values as typed are kept as a draft in the store under `draft_key`."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from pace_desktop.gui.forms.form_view import WARNING
from pace_desktop.gui.forms.meeting_parts import MeetingParts

DEBOUNCE_MS = 300
AUTOSAVE_MS = 3000


def draft_key(child_ref: str, kind: str | None, meeting_id: str | None) -> str:
    """Where a meeting's typing is kept: one slot per record, or per kind for a new one."""
    if meeting_id:
        return f"meeting:{child_ref}:{meeting_id}"
    return f"meeting:{child_ref}:new:{kind}"


class MeetingDrafts(MeetingParts):
    """Keeping what is typed safe as it is typed."""

    # -- autosave --------------------------------------------------------------------------

    @property
    def is_read_only(self) -> bool:
        return self.pages.currentWidget() is self._record_page

    def _edited(self) -> None:
        self._dirty = True
        self._debounce.start()

    def _focus_moved(self, old: QWidget | None, _new: QWidget | None) -> None:
        if self._dirty and old is not None and self.isAncestorOf(old):
            self.autosave()

    def autosave(self) -> None:
        """Keep what is typed as a draft now, if anything changed since the last time."""
        if not self._dirty or self.form_view is None or self.is_read_only:
            return
        if self._draft_in_flight:
            self._debounce.start()  # once the one on its way has landed
            return
        self._queue_draft()

    def flush_draft(self) -> None:
        """Queue the draft now, even behind one already on its way: the app calls this just
        before it locks, and the worker runs jobs in order, so it lands before the store
        closes (a deferred autosave would find the store locked)."""
        if self._dirty and self.form_view is not None and not self.is_read_only:
            self._debounce.stop()
            self._queue_draft()

    def _queue_draft(self) -> None:
        self._dirty = False
        self._draft_in_flight = True
        key, ref, kind = self.key, self.child_ref, self.kind or ""
        body: dict[str, Any] = {"kind": kind, "meeting_id": self.meeting_id,
                                "values": self.form_view.values()}
        self.runner.call(lambda store: store.save_draft(key, ref, kind, body),
                         lambda _: self._draft_kept(key), self._draft_failed, owner=self)

    def _draft_kept(self, key: str) -> None:
        self._draft_in_flight = False
        self.draft_saved.emit(key)
        if self._closing and not self._dirty:
            self._finish_close()

    def _draft_failed(self, error: Exception) -> None:
        self._draft_in_flight = False
        self._closing = False  # stay open: what is typed is only on screen now
        self._dirty = True  # try again at the next tick
        self._tell(f"{WARNING}What you typed could not be kept as a draft just now ({error}). "
                   "It is still on screen; saving will be tried again.", error=True)
