"""A child's milestones, derived from what is already in the record (never typed twice).

Three places hold milestones: chronology events of a milestone kind; meeting decisions that
name one (dated on the meeting's date); and where the child lives (the first day of each time
away from home is an *accommodated* milestone, and a time away that ends with a move home
gives *returned_home* on its last day).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pace_desktop.domain.records import Child
from pace_desktop.domain.vocab import MILESTONE_KINDS, ROUTES
from pace_desktop.journey.episodes import Span, accommodation_episodes

ACCOMMODATED = "accommodated"
"""The derived milestone kind for the first day of each time away from home."""

MILESTONE_LABELS: dict[str, str] = {ACCOMMODATED: "Started living away from home"}
MILESTONE_LABELS.update(MILESTONE_KINDS)

# Same-day order: coming into care first, then what was recorded, then going home.
_RANK_ARRIVED, _RANK_EVENT, _RANK_MEETING, _RANK_LEFT = range(4)


@dataclass(frozen=True, slots=True)
class SourceRef:
    """Where a milestone was found: `record` is "event", "meeting" or "living"; `index` is the
    position in the child's tuple of those records and `id` its stable id ("" if none yet)."""

    record: str
    index: int
    id: str = ""


@dataclass(frozen=True, slots=True)
class Milestone:
    date: date
    kind: str
    route: str | None
    source: SourceRef

    @property
    def label(self) -> str:
        """Plain words for a person, e.g. "Permanence recommended: adoption"."""
        return milestone_label(self.kind, self.route)


def milestone_label(kind: str, route: str | None = None) -> str:
    label = MILESTONE_LABELS.get(kind, kind.replace("_", " ").capitalize())
    if route:
        label = f"{label}: {ROUTES.get(route, route).lower()}"
    return label


def child_milestones(
    child: Child, as_of: date | None = None, away: list[Span] | None = None
) -> list[Milestone]:
    """The child's milestones in date order, leaving out any dated after `as_of`.

    `away` may pass times away from home already worked out for the same `as_of`. The same
    fact recorded twice (same day, kind and route, say as an event and as a meeting decision)
    appears once, from the first place in the order events, meetings, living episodes.
    """
    limit = as_of or date.max
    # (date, same-day rank, seq, index, kind, route, record); objects are made only for
    # the rows that survive, since most chronology entries are not milestones at all.
    rows: list[tuple[date, int, int, int, str, str | None, str]] = []
    for i, ev in enumerate(child.events):
        if ev.kind in MILESTONE_KINDS and ev.date <= limit:
            rows.append((ev.date, _RANK_EVENT, ev.seq or 0, i, ev.kind, ev.route, "event"))
    for i, mt in enumerate(child.meetings):
        if mt.decisions and mt.date <= limit:
            for decision in mt.decisions:
                if decision.milestone in MILESTONE_KINDS:
                    rows.append((
                        mt.date, _RANK_MEETING, 0, i, decision.milestone, decision.route,
                        "meeting",
                    ))
    if away is None:
        away = accommodation_episodes(child.living, limit)
    for span in away:
        rows.append((span.start, _RANK_ARRIVED, 0, span.first, ACCOMMODATED, None, "living"))
        if span.then_home and span.end is not None:
            rows.append((span.end, _RANK_LEFT, 0, span.last, "returned_home", None, "living"))
    rows.sort(key=lambda row: row[:4])
    records = {"event": child.events, "meeting": child.meetings, "living": child.living}
    seen: set[tuple[date, str, str | None]] = set()
    result = []
    for day, _rank, _seq, index, kind, route, record in rows:
        key = (day, kind, route)
        if key not in seen:
            seen.add(key)
            source = SourceRef(record, index, records[record][index].id)
            result.append(Milestone(day, kind, route, source))
    return result
