"""Where windows open and how big: room enough to read, on the screen they belong to, and
never larger than it (at a display scale of 1.5 a 1400×900 screen is 933×600 for Qt, and a
window bigger than that puts its menu bar and Find box off screen)."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget


def _room(window: QWidget) -> QRect | None:
    screen = window.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else None


def fit_to_screen(window: QWidget, share: float = 0.92,
                  width_share: float | None = None) -> None:
    """Open a window at most of the screen (`share` of its height, `width_share` or `share`
    of its width), centred: the caseload and the due list sit side by side, and a meeting
    form is read top to bottom. Never larger than the screen's available area."""
    room = _room(window)
    if room is not None:
        least = window.minimumSizeHint()
        width = max(int(room.width() * (width_share or share)), least.width())
        height = max(int(room.height() * share), least.height())
        window.resize(min(width, room.width()), min(height, room.height()))
    centre(window)


def centre(window: QWidget) -> None:
    """Place a window in the middle of the screen it is on (window managers may move it),
    shrunk to fit first if it is larger than the screen, and with its top-left corner (its
    title and menu bar) always on the screen."""
    room = _room(window)
    if room is None:
        return
    frame = window.frameGeometry()
    extra_w, extra_h = frame.width() - window.width(), frame.height() - window.height()
    if frame.width() > room.width() or frame.height() > room.height():
        window.resize(min(window.width(), room.width() - extra_w),
                      min(window.height(), room.height() - extra_h))
        frame = window.frameGeometry()
    frame.moveCenter(room.center())
    left = max(room.left(), min(frame.left(), room.right() - frame.width() + 1))
    top = max(room.top(), min(frame.top(), room.bottom() - frame.height() + 1))
    window.move(left, top)
