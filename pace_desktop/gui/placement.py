"""Where windows open and how big: room enough to read, on the screen they belong to."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget


def fit_to_screen(window: QWidget, share: float = 0.92,
                  width_share: float | None = None) -> None:
    """Open a window at most of the screen (`share` of its height, `width_share` or `share`
    of its width), centred: the caseload and the due list sit side by side, and a meeting
    form is read top to bottom, and both are clipped at a modest default size."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        room = screen.availableGeometry()
        window.resize(max(window.width(), int(room.width() * (width_share or share))),
                      max(window.height(), int(room.height() * share)))
    centre(window)


def centre(window: QWidget) -> None:
    """Place a window in the middle of the screen it is on (window managers may move it)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        frame = window.frameGeometry()
        frame.moveCenter(screen.availableGeometry().center())
        window.move(frame.topLeft())
