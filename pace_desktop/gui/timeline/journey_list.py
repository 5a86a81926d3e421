"""The journey timeline as words: the text alternative to the picture (no Qt here).

A screen reader cannot read a chart, and a keyboard cannot hover over it. These rows say
everything the picture shows (each home, legal status, meeting, milestone, chronology entry
and clock) in date order, from the same Qt-free model the picture is drawn from
(pace_desktop.journey.timeline), so the two can never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pace_desktop.journey.timeline import Ref, Timeline, day_text

# What each lane's items are, in words; the clock lanes are "Clock".
KIND_WORDS = {"living": "Home", "legal": "Legal status", "meetings": "Meeting",
              "milestones": "Milestone", "chronology": "Chronology entry", "clock": "Clock"}
_ORDER = {"living": 0, "legal": 1, "meetings": 2, "milestones": 3, "chronology": 4, "clock": 5}


@dataclass(frozen=True, slots=True)
class JourneyRow:
    date: date
    kind: str  # a lane kind (journey.timeline.LANE_KINDS)
    text: str  # one line: "3 Mar 2024 · Home · Foster care · since 3 Mar 2024"
    detail: str  # every line of the item's detail, as the picture's hover shows it
    ref: Ref


def _one_line(detail: str) -> str:
    return " · ".join(part for part in detail.splitlines() if part.strip())


def journey_rows(model: Timeline) -> list[JourneyRow]:
    """Every item of the picture, oldest first (items of one day: homes, then legal status,
    meetings, milestones, chronology entries and clocks, as the lanes run)."""
    kinds = {lane.row: lane.kind for lane in model.lanes}
    items: list[tuple[date, str, str, Ref]] = []
    items += [(b.start, kinds[b.lane], b.detail, b.ref) for b in model.bars]
    items += [(m.date, kinds[m.lane], m.detail, m.ref) for m in model.markers]
    items += [(w.start, "clock", w.detail, w.ref) for w in model.windows]
    items.sort(key=lambda item: (item[0], _ORDER.get(item[1], 9)))
    return [JourneyRow(day, kind, f"{day_text(day)} · {KIND_WORDS.get(kind, kind)} · "
                                  f"{_one_line(detail)}", detail, ref)
            for day, kind, detail, ref in items]


def chart_words(model: Timeline) -> str:
    """What the chart shows, in one paragraph: its accessible description."""
    rows = journey_rows(model)

    def count(kind: str, one: str, many: str) -> str:
        n = sum(1 for r in rows if r.kind == kind)
        return f"{n} {one if n == 1 else many}"

    overdue = sum(1 for w in model.windows if w.status == "overdue")
    return (f"The journey of {model.title}, as of {day_text(model.as_of)}: "
            f"{count('living', 'home', 'homes')}, "
            f"{count('legal', 'legal status', 'legal statuses')}, "
            f"{count('meetings', 'meeting', 'meetings')}, "
            f"{count('milestones', 'milestone', 'milestones')} and "
            f"{count('clock', 'clock', 'clocks')} ({overdue} overdue). "
            "Every item is listed in words, in date order, in the list below the chart.")
