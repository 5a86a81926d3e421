"""Saying a change out loud: search results, unlocking, problems to put right, saved, locked.

A sighted person sees a status line change; a screen reader only speaks what has focus unless
it is told. Qt 6.8+ has announcement events for exactly this (AT-SPI on Linux, UI Automation
notifications on Windows, VoiceOver announcements on macOS). With an older Qt, the label
that shows the words is given the words
as its name and a name-changed event is sent, which screen readers read as a live region
(without such a label, an alert on the widget the change is about).

Each announcement is also handed to whoever `listen`s (the interface tests, to hear what a
screen reader would be told). Listeners are plain callables rather than a QObject's signal,
so there is no application-wide Qt object for Qt to tear down after Python at exit.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAccessible, QAccessibleEvent
from PySide6.QtWidgets import QLabel, QWidget

try:  # Qt 6.8 and newer
    from PySide6.QtGui import QAccessibleAnnouncementEvent
except ImportError:  # pragma: no cover - the installed Qt has it; kept for older wheels
    QAccessibleAnnouncementEvent = None  # type: ignore[assignment,misc]

_listeners: list[Callable[[str], object]] = []


def listen(callback: Callable[[str], object]) -> Callable[[], None]:
    """Call `callback(text)` after each announcement; returns the way to stop."""
    _listeners.append(callback)

    def stop() -> None:
        if callback in _listeners:
            _listeners.remove(callback)

    return stop


def announce(source: QWidget, text: str, urgent: bool = False,
             live: QLabel | None = None) -> None:
    """Tell assistive technology `text`, about `source`; `urgent` interrupts what is being
    read (for problems), otherwise it waits its turn. `live` is the label showing the
    words, used when this Qt has no announcement events."""
    text = " ".join(text.split())
    if not text:
        return
    if QAccessibleAnnouncementEvent is not None:
        event = QAccessibleAnnouncementEvent(source, text)
        event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive if urgent
                            else QAccessible.AnnouncementPoliteness.Polite)
        QAccessible.updateAccessibility(event)
    elif live is not None:  # pragma: no cover - see the module's docstring
        if live.text() != text:
            live.setText(text)  # a label with no name of its own is named by its words
        else:
            live.setAccessibleName(text)
        QAccessible.updateAccessibility(QAccessibleEvent(live, QAccessible.Event.NameChanged))
    else:  # pragma: no cover - an alert on the control the change is about is the best left
        QAccessible.updateAccessibility(QAccessibleEvent(source, QAccessible.Event.Alert))
    for callback in list(_listeners):
        callback(text)
