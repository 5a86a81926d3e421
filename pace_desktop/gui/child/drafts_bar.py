"""Meeting records begun but not yet saved, offered for finishing: a crash, a flat battery or
a lock in the middle of a meeting must never leave typing where nobody will find it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from pace_desktop.domain.date_words import MONTHS
from pace_desktop.domain.vocab import MEETING_KINDS
from pace_desktop.store import Draft


def draft_words(draft: Draft) -> str:
    """"Looked after child review, typed 24 Nov at 10:42" (the time it was last kept)."""
    kind = MEETING_KINDS.get(draft.form, "Meeting")
    try:
        saved = datetime.fromisoformat(draft.saved).astimezone()
        when = f", typed {saved.day} {MONTHS[saved.month - 1][:3]} at {saved:%H:%M}"
    except ValueError:
        when = ""
    return f"{kind}{when}"


class DraftsBar(QWidget):
    """`resume(kind, meeting_id)` when someone chooses to go on with a draft."""

    resume = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Meeting records not yet saved")
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel("Not yet saved:")
        self._layout.addWidget(self.label)
        self.buttons: list[QPushButton] = []
        self._layout.addStretch(1)
        self.hide()

    def set_drafts(self, drafts: Sequence[Draft]) -> None:
        for button in self.buttons:
            self._layout.removeWidget(button)
            button.deleteLater()
        self.buttons = []
        for draft in drafts:
            button = QPushButton(f"Go on with: {draft_words(draft)}")
            button.setAccessibleName(f"Go on with the unsaved {draft_words(draft)}")
            meeting_id = draft.body.get("meeting_id") if isinstance(draft.body, dict) else None
            button.clicked.connect(
                lambda _=False, k=draft.form, m=meeting_id: self.resume.emit(k, m))
            self._layout.insertWidget(self._layout.count() - 1, button)
            self.buttons.append(button)
        self.setVisible(bool(drafts))
