"""The record screen's meetings: each opens in a `MeetingEditor` window of its own (one
window per record), and what it saves or keeps as a draft is shown in the Meetings tab."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from pace_desktop.domain import Meeting
from pace_desktop.gui.placement import fit_to_screen
from pace_desktop.gui.store_worker import StoreRunner

if TYPE_CHECKING:
    from pace_desktop.gui.forms.meeting_editor import MeetingEditor


class RecordMeetings:
    """Opening meeting records in their own windows."""

    ref: str | None
    editors: list[MeetingEditor]
    meeting_kind: QComboBox
    _runner: StoreRunner
    user_name: str

    _saved: Callable[[object], None]

    def record_meeting(self) -> None:
        """Ctrl+M: record a new meeting of the kind chosen beside the button."""
        self._meeting_editor(str(self.meeting_kind.currentData()), None)

    def reopen_meeting(self, kind: str, meeting_id: str | None) -> None:
        """After unlocking: the meeting window that was open when the app locked."""
        self._meeting_editor(kind, meeting_id)

    def open_meeting(self, meeting: Meeting) -> None:
        self._meeting_editor(meeting.kind, meeting.id)

    def _meeting_editor(self, kind: str, meeting_id: str | None) -> None:
        if self.ref is None:
            return
        # Imported here: the forms are a large module only needed once a meeting opens.
        from pace_desktop.gui.forms.meeting_editor import MeetingEditor, draft_key

        key = draft_key(self.ref, kind, meeting_id)
        for open_editor in self.editors:
            if open_editor.key == key:  # one window per record: typing in two would clash
                open_editor.raise_()
                open_editor.activateWindow()
                return

        editor = MeetingEditor(self._runner, self.ref, kind, meeting_id,
                               self.user_name)
        editor.setParent(self, Qt.WindowType.Window)
        # Tall and readable beside the record: it is filled in live during the meeting.
        fit_to_screen(editor, share=0.9, width_share=0.5)
        self.editors.append(editor)
        editor.saved.connect(lambda _id: self._saved(None))
        editor.finalised.connect(lambda _id: self._saved(None))
        editor.closed.connect(lambda: self._editor_closed(editor))
        editor.show()
        editor.activateWindow()

    def _editor_closed(self, editor: Any) -> None:
        if editor in self.editors:
            self.editors.remove(editor)
        editor.deleteLater()  # it has closed its window; nothing refers to it any more
        self._saved(None)  # what it kept as a draft is offered in the Meetings tab
