"""Locking the store after a stretch with no typing or mouse use.

One event filter on the whole application sees every key and mouse event of every window
(dialogs and meeting editors too), so activity anywhere keeps the store open. Restarting a
QTimer per event is a cheap C++ call; mouse moves are counted too, because a person reading a
long chronology scrolls and moves the pointer without typing.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

_ACTIVITY = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.TabletPress,
})


class IdleLock(QObject):
    """Emits `idle()` once after `seconds` with no activity, while `start`ed."""

    idle = Signal()

    def __init__(self, seconds: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.idle)
        self.set_seconds(seconds)
        self._installed = False

    @property
    def seconds(self) -> float:
        return self._timer.interval() / 1000

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def set_seconds(self, seconds: float) -> None:
        self._timer.setInterval(max(1, round(seconds * 1000)))
        if self._timer.isActive():
            self._timer.start()

    def start(self) -> None:
        """Watch for activity (while the store is unlocked)."""
        app = QApplication.instance()
        if app is not None and not self._installed:
            app.installEventFilter(self)
            self._installed = True
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        app = QApplication.instance()
        if app is not None and self._installed:
            app.removeEventFilter(self)
            self._installed = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY and self._timer.isActive():
            self._timer.start()
        return False
