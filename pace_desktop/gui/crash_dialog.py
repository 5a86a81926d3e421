"""Unexpected errors in the app: a plain dialog and a note with no case data (crash_log),
never only a traceback on a terminal nobody sees."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from pace_desktop.crash_log import plain_message, write_crash_log

_shown: list[QMessageBox] = []

Hook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


def show_unexpected(exc_type: type[BaseException], exc: BaseException,
                    tb: TracebackType | None) -> QMessageBox | None:
    """Log the error (type and place only) and tell the person plainly; returns the dialog."""
    if issubclass(exc_type, KeyboardInterrupt):
        return None
    log = write_crash_log(exc_type, tb)
    if QApplication.instance() is None:
        return None
    box = QMessageBox(QMessageBox.Icon.Critical, "PACE Desktop: something went wrong",
                      plain_message(log))
    box.setObjectName("unexpectedErrorDialog")
    box.setAccessibleName("Something went wrong")
    _shown.append(box)  # a parentless dialog lives only as long as a reference to it
    box.finished.connect(lambda _=0: _shown.remove(box) if box in _shown else None)
    box.open()  # not exec(): a second error while it shows must not nest event loops
    return box


def install() -> Hook:
    """Route uncaught errors (the interface thread and other threads) to `show_unexpected`.
    Returns the previous hook, so tests can put it back."""
    previous = sys.excepthook

    def hook(exc_type: type[BaseException], exc: BaseException,
             tb: TracebackType | None) -> None:
        show_unexpected(exc_type, exc, tb)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        exc_type, exc, tb = args.exc_type, args.exc_value, args.exc_traceback
        # Widgets belong to the interface thread: show the dialog from there.
        QTimer.singleShot(0, lambda: show_unexpected(exc_type, exc, tb))

    sys.excepthook = hook
    threading.excepthook = thread_hook
    return previous
