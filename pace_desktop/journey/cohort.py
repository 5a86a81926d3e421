"""Cohort measures for quality improvement: days between the PACE data-set milestones.

For each child and each measure "from A to B" the point is the first B reached after the child
first reached A, measured from the most recent A on or before it. So a recommendation that
was later replaced by another one, or an earlier time in care that ended with a return home,
does not inflate the days of the step that followed: each step is timed from the milestone
that actually led to it. A point is placed at the date B was reached.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from pace_desktop.domain.records import Child
from pace_desktop.journey.milestones import ACCOMMODATED, child_milestones


@dataclass(frozen=True, slots=True)
class Measure:
    id: str
    label: str
    start_kind: str
    end_kind: str


@dataclass(frozen=True, slots=True)
class CohortPoint:
    child_ref: str
    date: date  # the day the later milestone was reached
    days: int


PACE_STEPS = (
    ACCOMMODATED,
    "permanence_recommendation",
    "panel_recommendation",
    "adm_decision",
    "petition_lodged",
    "order_granted",
)

MEASURES: tuple[Measure, ...] = (
    Measure(
        "accommodated_to_permanence_recommendation",
        "From coming into care to a permanence recommendation",
        ACCOMMODATED, "permanence_recommendation",
    ),
    Measure(
        "permanence_recommendation_to_panel_recommendation",
        "From the permanence recommendation to the permanence panel's recommendation",
        "permanence_recommendation", "panel_recommendation",
    ),
    Measure(
        "panel_recommendation_to_adm_decision",
        "From the permanence panel's recommendation to the agency decision",
        "panel_recommendation", "adm_decision",
    ),
    Measure(
        "adm_decision_to_petition_lodged",
        "From the agency decision to the petition lodged in court",
        "adm_decision", "petition_lodged",
    ),
    Measure(
        "petition_lodged_to_order_granted",
        "From the petition lodged to the order granted",
        "petition_lodged", "order_granted",
    ),
    Measure(
        "accommodated_to_order_granted",
        "From coming into care to the order granted (the whole journey)",
        ACCOMMODATED, "order_granted",
    ),
)
MEASURES_BY_ID = {m.id: m for m in MEASURES}

_KINDS = frozenset(PACE_STEPS)


def child_measures(child: Child, as_of: date | None = None) -> dict[str, CohortPoint]:
    """The measures this child has reached (as of `as_of`, if given), by measure id."""
    dates: dict[str, list[date]] = {}
    for ms in child_milestones(child, as_of):
        if ms.kind in _KINDS:
            found = dates.setdefault(ms.kind, [])
            if not found or found[-1] != ms.date:  # milestones come in date order
                found.append(ms.date)
    points: dict[str, CohortPoint] = {}
    for measure in MEASURES:
        starts, ends = dates.get(measure.start_kind), dates.get(measure.end_kind)
        if not starts or not ends:
            continue
        j = bisect_left(ends, starts[0])
        if j == len(ends):
            continue
        reached = ends[j]
        began = starts[bisect_right(starts, reached) - 1]
        points[measure.id] = CohortPoint(child.ref, reached, (reached - began).days)
    return points


def cohort_measures(
    children: Iterable[Child],
    as_of: date | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
) -> dict[str, list[CohortPoint]]:
    """Every measure's points across `children`, in time order (then child reference).

    `date_from`/`date_to` keep only points placed on or between those dates. Every measure
    id is present, with an empty list when no child has reached it.
    """
    result: dict[str, list[CohortPoint]] = {m.id: [] for m in MEASURES}
    for child in children:
        for measure_id, point in child_measures(child, as_of).items():
            if date_from is not None and point.date < date_from:
                continue
            if date_to is not None and point.date > date_to:
                continue
            result[measure_id].append(point)
    for points in result.values():
        points.sort(key=lambda p: (p.date, p.child_ref))
    return result
