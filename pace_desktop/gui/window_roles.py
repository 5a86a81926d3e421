"""What kind of thing a window is, for assistive technology.

Qt tells a screen reader a window's role from its C++ class: a QMainWindow is a window and a
QDialog a dialog, but a plain QWidget shown as a window (the unlock window, a meeting record)
is a "filler", and a screen reader announces nothing useful when it opens. An accessibility
factory gives the classes registered here the role they have on screen.

Ownership matters here, or the process dies at exit: Qt owns every interface a factory
returns and deletes it with its widget (or, for widgets still alive, when the application
ends), but PySide counts an interface made in Python as Python's and would delete it a
second time. So each one is "invalidated" (Python lets go without deleting) when its widget
is destroyed, and any left when Python exits.
"""

from __future__ import annotations

import atexit

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QAccessibleWidget, QWidget

_ROLES: dict[str, QAccessible.Role] = {}
_MADE: dict[int, QAccessibleWidget] = {}  # interfaces Qt holds, by id, until their widget goes


def _let_go(key: int) -> None:
    iface = _MADE.pop(key, None)
    if iface is not None and shiboken6.isValid(iface):
        shiboken6.invalidate(iface)  # Qt deletes it; Python must not delete it again


def _let_go_of_all() -> None:
    for key in list(_MADE):
        _let_go(key)


def _factory(class_name: str, obj: QObject | None) -> QAccessibleInterface | None:
    # Called by Qt for every object a screen reader looks at: keep it small and never raise.
    role = _ROLES.get(class_name)
    if role is None or not isinstance(obj, QWidget):
        return None
    iface = QAccessibleWidget(obj, role)
    key = id(iface)
    _MADE[key] = iface
    obj.destroyed.connect(lambda *_: _let_go(key))
    return iface


def give_role(widget_class: type[QWidget], role: QAccessible.Role) -> None:
    """Windows of `widget_class` are `role` (Window or Dialog) to assistive technology.

    Call it before the first window of the class is made (in its constructor is fine: Qt
    asks for a widget's role only when something reads it)."""
    if not _ROLES:
        QAccessible.installFactory(_factory)
        atexit.register(_let_go_of_all)
    _ROLES[widget_class.__name__] = role


def name_window(window: QWidget, title: str) -> None:
    """The title on screen is the name a screen reader says when the window opens."""
    window.setWindowTitle(title)
    window.setAccessibleName(title)
