"""The timeline's as-of box (issue 11): a date typed into it is taken whole, day included,
and its calendar is wide enough to show the days."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from pace_desktop.gui.timeline.timeline_view import TimelineView
from pace_desktop.journey import load_rules
from tests.gui_helpers import sample_children


def test_a_typed_date_keeps_its_day_and_the_calendar_shows_the_days(qtbot: QtBot) -> None:
    view = TimelineView(sample_children()[0], load_rules(), date(2025, 1, 20))
    qtbot.addWidget(view)
    view.show()
    edit = view.findChild(QLineEdit, "timelineAsOf")
    assert edit is not None
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    edit.selectAll()
    qtbot.keyClicks(edit, "12 Mar 2024")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert view.as_of == date(2024, 3, 12)
    assert edit.text() == "12 Mar 2024"
    qtbot.keyClicks(edit, "x")  # a mistake is said, and the date shown stays
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert view.as_of == date(2024, 3, 12) and "Write the date like" in edit.toolTip()

    calendar = view._date_edit.calendar
    day_width = calendar.fontMetrics().horizontalAdvance("Wed")
    assert calendar.minimumWidth() >= day_width * 7
