"""The journey timeline's axis ticks: calendar dates at a step that suits the span, and the
child's birthdays."""

from __future__ import annotations

from datetime import date, timedelta

from pace_desktop.domain.date_words import MONTHS
from pace_desktop.domain.dates import add_years, age_in_years
from pace_desktop.journey.timeline.model import Tick
from pace_desktop.journey.timeline.words import day_text

_MONTH_STEPS = (1, 3, 6, 12, 24, 60, 120)


def date_ticks(start: date, end: date, max_ticks: int = 10) -> list[Tick]:
    """Calendar ticks between `start` and `end`: days, weeks, months or years, whichever
    step gives at most `max_ticks` of them."""
    if end < start:
        return []
    span = (end - start).days
    for step_days in (1, 7):
        if span // step_days + 1 <= max_ticks:
            first = start if step_days == 1 else start + timedelta(days=-start.weekday() % 7)
            out = []
            d = first
            while d <= end:
                out.append(Tick(d, day_text(d)))
                d += timedelta(days=step_days)
            return out
    for months in _MONTH_STEPS:
        if span / (30.44 * months) + 1 <= max_ticks or months == _MONTH_STEPS[-1]:
            break
    out = []
    if months >= 12:
        years = months // 12
        year = start.year if (start.month, start.day) == (1, 1) else start.year + 1
        year = -(-year // years) * years  # round up to a multiple of the step
        while (d := date(year, 1, 1)) <= end:
            out.append(Tick(d, str(year)))
            year += years
        return out
    total = start.year * 12 + start.month - 1 + (start.day > 1)
    total = -(-total // months) * months  # quarters and halves start in Jan, Apr, Jul, Oct
    while (d := date(total // 12, total % 12 + 1, 1)) <= end:
        out.append(Tick(d, f"{MONTHS[d.month - 1][:3]} {d.year}"))
        total += months
    return out


def birthday(born: date, age: int) -> date:
    """The first day on which a child born on `born` is `age` years old (as age_in_years
    counts it): a 29 February birthday falls on 1 March in other years."""
    d = add_years(born, age)
    if (d.month, d.day) != (born.month, born.day):
        d += timedelta(days=1)
    return d


def age_ticks(born: date, start: date, end: date) -> list[Tick]:
    """The child's birthdays within the range, labelled with the age reached."""
    out = []
    first = max(0, age_in_years(born, start))
    for age in range(first, first + 200):
        d = birthday(born, age)
        if d > end:
            break
        if d >= start:
            out.append(Tick(d, "Born" if age == 0 else f"Age {age}"))
    return out
