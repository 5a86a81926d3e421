"""The due list: across a caseload, the clocks that are overdue or due soon, most urgent first."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from pace_desktop.domain.records import Child
from pace_desktop.journey.clocks import DUE_SOON_DAYS, ClockInstance, judge_facts
from pace_desktop.journey.facts import Facts
from pace_desktop.journey.rules import Rule

_WANTED = frozenset({"overdue", "due_soon"})


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
    """Overdue clocks first, longest overdue at the top; then clocks due within `within_days`,
    nearest due date first. Ties keep a stable order: child reference, then rule, instance."""
    rules = tuple(rules)
    items = [
        DueItem(child.ref, child.name, clock)
        for child in children
        for clock in judge_facts(Facts.of(child, as_of), rules, within_days, _WANTED)
    ]
    items.sort(key=_urgency)
    return items


def _urgency(item: DueItem) -> tuple[int, int, str, str, int]:
    clock = item.clock
    if clock.status == "overdue":
        return (0, -clock.days_over, item.child_ref, clock.rule, clock.instance)
    return (1, clock.due.toordinal(), item.child_ref, clock.rule, clock.instance)
