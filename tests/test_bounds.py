"""Dates and lengths a record may hold, bounded wherever data comes in (imports, forms,
dialogs), with messages that say where; and printing stays linear in text length."""

from __future__ import annotations

import pytest

from pace_desktop.domain.bounds import MAX_NAME, MAX_TEXT
from pace_desktop.exchange import InterchangeError, parse_interchange
from pace_desktop.forms.answers import DateUnreadable, read_date
from pace_desktop.views.episode_checks import BadDate, parse_day
from tests.test_interchange_rejects import _child, _valid


def _problems_with(path: tuple[str | int, ...], value: object) -> list[str]:
    doc = _valid()
    target = _child(doc)
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    with pytest.raises(InterchangeError) as caught:
        parse_interchange(doc)
    return caught.value.problems


def test_the_base_document_imports() -> None:
    assert len(parse_interchange(_valid())) == 1


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31", "1899-12-31", "2201-01-01"])
def test_dates_out_of_range_are_refused_where_they_are(day: str) -> None:
    problems = _problems_with(("events", 0, "date"), day)
    assert problems == [f'children[0].events[0].date: "{day}" is out of range: dates must be'
                        " between the years 1900 and 2200."]


def test_dates_at_the_bounds_import() -> None:
    doc = _valid()
    _child(doc)["events"][0]["date"] = "1900-01-01"
    _child(doc)["events"][1]["date"] = "2200-12-31"
    assert len(parse_interchange(doc)) == 1


def test_a_huge_name_is_refused_where_it_is() -> None:
    problems = _problems_with(("given_name",), "N" * 1_000_000)
    assert problems == ["children[0].given_name: is too long (1,000,000 characters; at most 200)"]
    assert len(parse_interchange(_with(("given_name",), "N" * MAX_NAME))) == 1


def test_free_text_is_bounded_at_100000_characters() -> None:
    problems = _problems_with(("events", 0, "detail"), "t" * (MAX_TEXT + 1))
    assert problems == ["children[0].events[0].detail: is too long (100,001 characters;"
                        " at most 100,000)"]
    assert len(parse_interchange(_with(("events", 0, "detail"), "t" * MAX_TEXT))) == 1


def test_forms_and_dialogs_refuse_out_of_range_dates() -> None:
    for typed in ("1/1/0001", "31/12/9999", "1899-12-31"):
        with pytest.raises(DateUnreadable, match="between the years 1900 and 2200"):
            read_date(typed)
        with pytest.raises(BadDate, match="between the years 1900 and 2200"):
            parse_day(typed)
    assert read_date("1/1/1900") is not None and parse_day("31/12/2200") is not None


def _with(path: tuple[str | int, ...], value: object) -> dict[str, object]:
    doc = _valid()
    target = _child(doc)
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    return doc


def test_printing_at_the_bounds_stays_linear() -> None:
    """The longest name and free text the bounds allow print in time proportional to their
    length (a 1 MB name used to take minutes): 4x the text costs well under 16x the time."""
    import time
    from datetime import date

    from pace_desktop.chronology.chronology_doc import chronology_pdf
    from pace_desktop.chronology.page_frame import PrintOptions
    from pace_desktop.domain import Child, Event

    words = "the child went to school and spoke with the worker about home "

    def seconds(n: int) -> float:
        text = (words * (n // len(words) + 1))[:n]
        child = Child(ref="L-1", given_name="G" * MAX_NAME, family_name="F",
                      date_of_birth=date(2015, 1, 1),
                      events=(Event(date=date(2024, 1, 1), title="T" * MAX_NAME, detail=text,
                                    id="e1"),))
        start = time.perf_counter()
        assert chronology_pdf(child, "internal", PrintOptions(printed_by="x"))
        return time.perf_counter() - start

    seconds(1000)  # warm-up: fonts
    small, large = seconds(MAX_TEXT // 4), seconds(MAX_TEXT)
    assert large < 8 * small + 0.5, (small, large)
    assert large < 20
