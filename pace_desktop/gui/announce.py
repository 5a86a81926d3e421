"""Saying a change out loud: search results, unlocking, problems to put right, saved, locked.

A sighted person sees a status line change; a screen reader only speaks what has focus unless
it is told. Qt 6.8+ has announcement events for exactly this (AT-SPI on Linux, UI Automation
notifications on Windows, VoiceOver announcements on macOS). With an older Qt, the label
that shows the words is given the words
as its name and a name-changed event is sent, which screen readers read as a live region
(without such a label, an alert on the widget the change is about).

Each announcement is also emitted by the application's `Announcer` (`announced(text)`), so
the interface tests hear what a screen reader would be told.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAccessible, QAccessibleEvent
from PySide6.QtWidgets import QLabel, QWidget

try:  # Qt 6.8 and newer
    from PySide6.QtGui import QAccessibleAnnouncementEvent
except ImportError:  # pragma: no cover - the installed Qt has it; kept for older wheels
    QAccessibleAnnouncementEvent = None  # type: ignore[assignment,misc]

ANNOUNCER_NAME = "paceAnnouncer"


class Announcer(QObject):
    """One per application; `announced(text)` after each announcement is sent."""

    announced = Signal(str)


def announcer() -> Announcer:
    """The application's announcer, made the first time it is asked for."""
    app = QCoreApplication.instance()
    found = app.findChild(Announcer, ANNOUNCER_NAME) if app is not None else None
    if found is None:
        found = Announcer(app)
        found.setObjectName(ANNOUNCER_NAME)
    return found


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
    announcer().announced.emit(text)
