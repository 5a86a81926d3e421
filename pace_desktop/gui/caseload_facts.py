"""What the caseload screen shows beyond the list: routes for the filter, the due list and the
run charts' cohort measures.

Both are worked out in one job on the store's worker thread from one read of every child's
clock facts (`children(clock_facts_only=True)`). Judging 10,000 children's clocks takes a few
seconds, so the window asks for the plain list first (tens of milliseconds) and this second;
the list is usable while the clocks are judged. After a change to one child only that child
is judged again (`gather_one`) and merged in, in the due list's own order.
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
    due_list,
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
    due = due_list(children, rules, as_of, due_soon_days)
    return CaseloadFacts(routes, due, as_of, cohort_measures(children, as_of))


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
