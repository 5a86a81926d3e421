"""The clocks part of Settings: whether visits are recorded here (the statutory visit clocks),
and the working-day calendar the CPO clocks count with, shown so a worker can see why a due
date falls where it does."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QCheckBox, QGroupBox, QLabel, QListWidget, QVBoxLayout, QWidget

from pace_desktop.domain.date_words import short_date
from pace_desktop.gui.looks import set_tone
from pace_desktop.journey import WorkingCalendar


def holiday_lines(calendar: WorkingCalendar, years: tuple[int, ...]) -> list[str]:
    """One line per holiday, e.g. "Mon 1 Dec 2025: Saint Andrew's Day (observed)"; local
    additions and removed days say so."""
    lines = []
    removed = {h.date: h for h in calendar.removed}
    for year in years:
        for h in calendar.holidays_in(year):
            where = "" if h.origin == "Scotland" else f" (local holiday, from {h.origin})"
            lines.append(f"{_DAYS[h.date.weekday()]} {short_date(h.date)}: {h.name}{where}")
        for day, h in sorted(removed.items()):
            if day.year == year:
                lines.append(f"{_DAYS[day.weekday()]} {short_date(day)}: a working day here"
                             f" ({h.name}, from {h.origin})")
    return lines


# Day names written out here, not through the locale: the same words on every machine.
_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


class ClocksSettings(QGroupBox):
    def __init__(self, record_visits: bool, calendar: WorkingCalendar,
                 parent: QWidget | None = None) -> None:
        super().__init__("Clocks", parent)
        layout = QVBoxLayout(self)
        self.visits = QCheckBox("We record statutory &visits here (turn on the visit clocks)")
        self.visits.setChecked(record_visits)
        self.visits.setAccessibleDescription(
            "Looked After Children (Scotland) Regulations 2009, regulation 46: a visit within a"
            " week of moving in, then at least every 3 months. Leave off if visits are recorded"
            " elsewhere, or every child would show them missed.")
        layout.addWidget(self.visits)
        intro = QLabel("Working days, for the child protection order clocks: weekdays except"
                       " these holidays (Scotland's bank holidays, with any your authority's"
                       " rules file adds or removes).")
        intro.setWordWrap(True)
        set_tone(intro, "hint")
        layout.addWidget(intro)
        self.holidays = QListWidget()
        self.holidays.setAccessibleName("Holidays that are not working days")
        today = date.today()
        self.holidays.addItems(holiday_lines(calendar, (today.year, today.year + 1)))
        self.holidays.setMaximumHeight(self.fontMetrics().lineSpacing() * 7)
        intro.setBuddy(self.holidays)
        layout.addWidget(self.holidays)
