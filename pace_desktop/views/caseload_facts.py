"""What the caseload screen shows beyond the list: routes for the filter, the due list and the
run charts' cohort measures.

The due list comes from the clock judgements the store keeps (`journey.judged`): on a
10,000-child caseload it is on screen within a second of unlock, because only children whose
records changed since they were last judged are judged again (`judged_due`, the window's first
job after the list). Routes and run-chart measures need every child's clock facts, which takes
seconds at that size, so they are gathered afterwards in chunks on the store's worker thread;
the list and the due list are usable meanwhile. After a change to one child only that child
is gathered again and merged in, in the due list's own order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from pace_desktop.domain import Child
from pace_desktop.journey import (
    CohortPoint,
    DueItem,
    Rule,
    child_milestones,
    cohort_measures,
    due_items,
    urgency,
)
from pace_desktop.store import CaseStore


@dataclass(frozen=True, slots=True)
class CaseloadFacts:
    routes: dict[str, str]  # ref → latest recommended route; children with none are absent
    due: list[DueItem]
    as_of: date
    cohort: dict[str, list[CohortPoint]]  # measure id → one point per child (run charts)


def latest_route(child: Child, as_of: date | None = None) -> str | None:
    """The route of the newest permanence recommendation (a child may change route)."""
    route = None
    for milestone in child_milestones(child, as_of):
        if milestone.kind == "permanence_recommendation" and milestone.route:
            route = milestone.route
    return route


def gather(store: CaseStore, rules: Sequence[Rule], as_of: date, due_soon_days: int,
           refs: Sequence[str] | None = None) -> CaseloadFacts:
    """Runs on the worker: routes and due list of every child (or of `refs`) in one read."""
    children = list(store.children(refs, clock_facts_only=True))
    routes = {}
    for child in children:
        route = latest_route(child, as_of)
        if route:
            routes[child.ref] = route
    due = judged_due(store, rules, as_of, due_soon_days, [c.ref for c in children])
    return CaseloadFacts(routes, due, as_of, cohort_measures(children, as_of))


def judged_due(store: CaseStore, rules: Sequence[Rule], as_of: date, due_soon_days: int,
               refs: Sequence[str] | None = None) -> list[DueItem]:
    """Runs on the worker: the due list of every child (or of `refs`) from kept judgements."""
    return due_items(store.judged_clocks(rules, as_of, refs), rules, as_of, due_soon_days)


def merge(old: CaseloadFacts, new: CaseloadFacts, refs: Sequence[str]) -> CaseloadFacts:
    """`old` with the children in `refs` replaced by what `new` says of them."""
    changed = set(refs)
    routes = {ref: r for ref, r in old.routes.items() if ref not in changed}
    routes.update(new.routes)
    due = [item for item in old.due if item.child_ref not in changed] + new.due
    due.sort(key=urgency)
    cohort = {m: [p for p in points if p.child_ref not in changed]
              for m, points in old.cohort.items()}
    for m, points in new.cohort.items():
        cohort.setdefault(m, []).extend(points)
    return CaseloadFacts(routes, due, new.as_of, cohort)
