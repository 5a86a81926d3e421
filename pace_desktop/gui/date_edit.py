"""A date box that is one Tab stop.

QDateEdit sends Tab from day to month to year before leaving, so a keyboard user meets three
stops with one name, and a screen reader says the same name three times. Here Tab leaves
the box at once, as in every other field; the arrow keys still move between day, month and
year (Left and Right) and change the part chosen (Up and Down).
"""

from __future__ import annotations

from PySide6.QtWidgets import QDateEdit, QWidget


class DateEdit(QDateEdit):
    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002 - Qt's names
        # QWidget's own: the next widget in the window, not the next part of the date.
        return QWidget.focusNextPrevChild(self, next)
