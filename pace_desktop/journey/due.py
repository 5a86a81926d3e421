"""The due list: across a caseload, the clocks that are overdue or due soon, most urgent first."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from pace_desktop.domain.dates import add_months
from pace_desktop.domain.records import Child
from pace_desktop.journey.clocks import DUE_SOON_DAYS, ClockInstance, judge_facts
from pace_desktop.journey.facts import Facts
from pace_desktop.journey.rules import Rule

_WANTED = frozenset({"lapsed", "overdue", "due_soon"})
GAP_SHOWN_MONTHS = 3
"""A lapsed order the record later shows renewed or ended (a gap in legal authority that has
closed) stays on the due list this long after the gap closed, so someone sees and checks it;
one the record still shows running stays until the record is put right."""


@dataclass(frozen=True, slots=True)
class DueItem:
    child_ref: str
    child_name: str
    clock: ClockInstance


def due_list(
    children: Iterable[Child],
    rules: Iterable[Rule],
    as_of: date,
    within_days: int = DUE_SOON_DAYS,
) -> list[DueItem]:
    """Lapsed orders first (an order that ceased by law is the most urgent thing there is),
    then overdue clocks, longest overdue at the top of each; then clocks due within
    `within_days` (or a rule's own warning window), nearest due date first. Ties keep a
    stable order: child reference, then rule, instance."""
    rules = tuple(rules)
    shown_from = add_months(as_of, -GAP_SHOWN_MONTHS)
    items = [
        DueItem(child.ref, child.name, clock)
        for child in children
        for clock in judge_facts(Facts.of(child, as_of), rules, within_days, _WANTED)
        if clock.status != "lapsed" or still_shown(clock, shown_from)
    ]
    items.sort(key=urgency)
    return items


def still_shown(clock: ClockInstance, shown_from: date) -> bool:
    closed = clock.met or clock.stopped
    return closed is None or closed >= shown_from


def urgency(item: DueItem) -> tuple[int, int, str, str, int]:
    """The due list's order, as a sort key (views that re-sort use the same one)."""
    clock = item.clock
    if clock.status == "lapsed":
        return (0, -clock.days_over, item.child_ref, clock.rule, clock.instance)
    if clock.status == "overdue":
        return (1, -clock.days_over, item.child_ref, clock.rule, clock.instance)
    return (2, clock.due.toordinal(), item.child_ref, clock.rule, clock.instance)
