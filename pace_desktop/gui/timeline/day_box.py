"""A date box for the timeline's "as of": typed the way people write dates, or picked from a
calendar wide enough to read.

Qt's QDateEdit edits a date section by section, and a date typed over it ("12 Mar 2024")
lost its day; here the words typed are read whole, with the same rules as every other date
box in the app (gui.child.validation.parse_day), when Enter is pressed or the box is left.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from pace_desktop.views.episode_checks import BadDate, parse_day
from pace_desktop.views.words import plain_date


class DayBox(QWidget):
    """`dateChanged(QDate)` once a typed or picked date is taken."""

    dateChanged = Signal(QDate)  # noqa: N815 (named as QDateEdit's, which it replaces)

    def __init__(self, day: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._day = day
        self._least: date | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText("e.g. 3 Mar 2024")
        self.edit.setMinimumWidth(self.edit.fontMetrics().horizontalAdvance("30 Sep 2024") + 24)
        self.edit.editingFinished.connect(self._typed)
        layout.addWidget(self.edit)
        self.calendar = QCalendarWidget(self)
        self.calendar.setGridVisible(True)
        # Wide enough for every weekday's name and every day's number.
        self.calendar.setMinimumWidth(max(self.calendar.sizeHint().width(),
                                          self.calendar.fontMetrics().horizontalAdvance("Wed")
                                          * 12))
        self.calendar.clicked.connect(self._picked)
        self.calendar.activated.connect(self._picked)
        menu = QMenu(self)
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(self.calendar)
        menu.addAction(holder)
        self.menu = menu
        self.pick = QToolButton(self)
        self.pick.setText("Calendar…")
        self.pick.setAccessibleName("Choose the date from a calendar")
        self.pick.setMenu(menu)
        self.pick.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        layout.addWidget(self.pick)
        self._show()

    def setObjectName(self, name: str) -> None:  # noqa: N802 (Qt's name)
        super().setObjectName(f"{name}Box")
        self.edit.setObjectName(name)

    def setAccessibleName(self, name: str) -> None:  # noqa: N802 (Qt's name)
        super().setAccessibleName(name)
        self.edit.setAccessibleName(name)

    def setMinimumDate(self, day: QDate) -> None:  # noqa: N802 (as QDateEdit's)
        self._least = day.toPython()
        self.calendar.setMinimumDate(day)

    def date(self) -> QDate:
        return QDate(self._day.year, self._day.month, self._day.day)

    def setDate(self, day: QDate) -> None:  # noqa: N802 (as QDateEdit's)
        new = day.toPython()
        if self._least is not None and new < self._least:
            new = self._least
        changed = new != self._day
        self._day = new
        self._show()
        if changed and not self.signalsBlocked():
            self.dateChanged.emit(self.date())

    def _show(self) -> None:
        self.edit.setText(plain_date(self._day))
        self.edit.setToolTip("")
        self.calendar.setSelectedDate(self.date())

    def _typed(self) -> None:
        try:
            day = parse_day(self.edit.text())
        except BadDate as exc:
            self.edit.setToolTip(str(exc))
            self.edit.setAccessibleDescription(str(exc))
            return
        if day is None:
            self._show()
            return
        self.setDate(QDate(day.year, day.month, day.day))

    def _picked(self, day: QDate) -> None:
        self.menu.hide()
        self.setDate(day)
