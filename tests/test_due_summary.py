"""The due list's one-line summary never says "due within 28 days" of a clock due in 80: a
supervision order's end warns from 3 months before (CLOCKS.md, `cso_expiry`), and those are
counted apart. Seen on the demo caseload: "● 12 due within 28 days" above four rows due in
36 to 83 days."""

from __future__ import annotations

from datetime import date, timedelta

from pace_desktop.domain import Child, LegalEpisode
from pace_desktop.domain.dates import add_years
from pace_desktop.journey import due_list
from pace_desktop.journey.rules import load_rules
from pace_desktop.views.clock_words import due_summary

TODAY = date(2026, 11, 28)


def child_whose_order_ends_in(days: int, ref: str) -> Child:
    # A CSO ceases on the day before its anniversary: start it so that day is `days` away.
    end = TODAY + timedelta(days=days)
    start = add_years(end + timedelta(days=1), -1)
    return Child(ref=ref, given_name="Rona", family_name="Isbister",
                 date_of_birth=date(2015, 5, 5), legal=(LegalEpisode("cso_home", start),))


def orders_due(*days: int) -> list:
    children = [child_whose_order_ends_in(d, f"C-{i}") for i, d in enumerate(days)]
    items = [i for i in due_list(children, load_rules(), TODAY, 28)
             if i.clock.rule == "cso_expiry"]
    assert sorted((i.clock.due - TODAY).days for i in items) == sorted(days)
    return items


def test_clocks_warned_earlier_by_their_rule_are_counted_apart() -> None:
    words = due_summary(orders_due(10, 80), TODAY, 28)
    assert "● 1 due within 28 days" in words
    assert "● 1 due later, with the earlier warning their rule gives" in words


def test_when_all_are_within_the_setting_it_says_only_that() -> None:
    words = due_summary(orders_due(5, 20), TODAY, 28)
    assert words == "▲ 0 overdue · ● 2 due within 28 days."


def test_a_longer_setting_takes_them_in() -> None:
    assert due_summary(orders_due(10, 80), TODAY, 90) == "▲ 0 overdue · ● 2 due within 90 days."


def test_nothing_due() -> None:
    assert due_summary([], TODAY, 28) == "Nothing is overdue or due soon."
