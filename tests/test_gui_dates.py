"""The child record words approximate dates as the printed chronology does."""

from __future__ import annotations

from datetime import date

import pytest

from pace_desktop.chronology import date_as_recorded
from pace_desktop.domain import Event
from pace_desktop.views.record_summary import event_date


@pytest.mark.parametrize("precision, day, shown", [
    ("month", date(2016, 5, 1), "May 2016"),
    ("year", date(2016, 1, 1), "2016"),
    ("circa", date(2016, 1, 1), "circa 2016"),
    ("circa", date(2016, 5, 1), "circa May 2016"),
])
def test_approximate_dates_read_the_same_on_screen_and_in_print(
        precision: str, day: date, shown: str) -> None:
    event = Event(day, "An entry", date_precision=precision)
    assert event_date(event) == shown == date_as_recorded(day, precision)


def test_exact_days_use_the_screens_short_form() -> None:
    assert event_date(Event(date(2016, 9, 3), "An entry")) == "3 Sep 2016"
