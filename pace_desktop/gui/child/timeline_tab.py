"""The Timeline tab of the child record: the journey picture, built the first time it is seen.

pyqtgraph takes most of a second to import (NOTES.md), so neither the app's start nor opening
a record pays for it until someone looks at the timeline.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from pace_desktop.domain import Child
from pace_desktop.journey import Rule

if TYPE_CHECKING:
    from pace_desktop.gui.timeline.timeline_view import TimelineView


class TimelineTab(QWidget):
    """`open_record(kind, id)` when an item of the picture is clicked (kind: "living",
    "legal", "meeting", "event" or "clock")."""

    open_record = Signal(str, str)

    def __init__(self, rules: Sequence[Rule], due_soon_days: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Timeline of the child's journey")
        self._rules = tuple(rules)
        self._due_soon_days = due_soon_days
        self._child: Child | None = None
        self.view: TimelineView | None = None
        self._layout = QVBoxLayout(self)
        self._waiting = QLabel("The timeline is drawn when the record has been read.")
        self._layout.addWidget(self._waiting)

    def set_child(self, child: Child) -> None:
        self._child = child
        if self.view is not None:
            self.view.set_child(child)
        elif self.isVisible():
            self._build()

    def set_rules(self, rules: Sequence[Rule], due_soon_days: int) -> None:
        self._rules, self._due_soon_days = tuple(rules), due_soon_days
        if self.view is not None:
            self.view.set_rules(rules, due_soon_days)

    def clear(self) -> None:
        """Forget the child and the picture (on lock: nothing of the record stays on screen)."""
        self._child = None
        if self.view is not None:
            self._layout.removeWidget(self.view)
            self.view.deleteLater()
            self.view = None
        self._waiting.show()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.view is None and self._child is not None:
            self._build()

    def _build(self) -> None:
        from pace_desktop.gui.timeline.timeline_view import TimelineView

        assert self._child is not None
        self.view = TimelineView(self._child, self._rules, None, self._due_soon_days)
        self.view.open_record.connect(self.open_record)
        self._waiting.hide()
        self._layout.addWidget(self.view)
