"""One child's journey as plain JSON-ready data, for the command line and scripts."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from pace_desktop.domain.records import Child
from pace_desktop.journey.clocks import DUE_SOON_DAYS, ClockInstance, judge_facts
from pace_desktop.journey.facts import Facts
from pace_desktop.journey.milestones import Milestone
from pace_desktop.journey.rules import Rule


def to_json(
    child: Child, rules: Iterable[Rule], as_of: date, due_soon_days: int = DUE_SOON_DAYS
) -> dict[str, Any]:
    """`{"child", "as_of", "milestones", "clocks"}` with ISO date strings."""
    facts = Facts.of(child, as_of)
    return {
        "child": child.ref,
        "as_of": as_of.isoformat(),
        "milestones": [milestone_dict(m) for m in facts.milestones],
        "clocks": [clock_dict(c) for c in judge_facts(facts, rules, due_soon_days)],
    }


def milestone_dict(ms: Milestone) -> dict[str, Any]:
    return {
        "date": ms.date.isoformat(),
        "kind": ms.kind,
        "label": ms.label,
        "route": ms.route,
        "source": {"record": ms.source.record, "index": ms.source.index, "id": ms.source.id},
    }


def clock_dict(clock: ClockInstance) -> dict[str, Any]:
    return {
        "rule": clock.rule,
        "instance": clock.instance,
        "label": clock.label,
        "start": clock.start.isoformat(),
        "due": clock.due.isoformat(),
        "met": clock.met.isoformat() if clock.met else None,
        "status": clock.status,
        "days": clock.days,
        "days_over": clock.days_over,
    }
