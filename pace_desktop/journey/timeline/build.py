"""Building the journey timeline's drawing model from a child, the clock rules and an as-of
date (see the package's docstring)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from pace_desktop.domain.records import Child, Meeting
from pace_desktop.domain.vocab import LEGAL_STATUSES, LIVING_TYPES, MEETING_KINDS, MILESTONE_KINDS
from pace_desktop.journey.clocks import DUE_SOON_DAYS, ClockInstance, judge_child
from pace_desktop.journey.milestones import child_milestones
from pace_desktop.journey.rules import Rule
from pace_desktop.journey.status_words import days_words, lapsed_explained, status_words
from pace_desktop.journey.timeline.model import Bar, ClockWindow, Lane, Marker, Timeline
from pace_desktop.journey.timeline.palette import PALETTE
from pace_desktop.journey.timeline.ticks import age_ticks, date_ticks
from pace_desktop.journey.timeline.words import day_text, span_text


def build_timeline(
    child: Child, rules: Iterable[Rule], as_of: date, due_soon_days: int = DUE_SOON_DAYS
) -> Timeline:
    """The drawing model of `child`'s journey as it stood on `as_of`."""
    rules = tuple(rules)
    lanes: list[Lane] = []

    def lane(kind: str, label: str, rule: str | None = None) -> int:
        lanes.append(Lane(len(lanes), kind, label, rule))
        return len(lanes) - 1

    first_name = child.known_as or child.given_name
    living_row = lane("living", f"Where {first_name} lives")
    legal_row = lane("legal", "Legal status")
    meeting_row = lane("meetings", "Meetings and decisions")
    milestone_row = lane("milestones", "Milestones")
    chronology_row = lane("chronology", "Chronology entries")

    bars = _living_bars(child, as_of, living_row) + _legal_bars(child, as_of, legal_row)
    markers = _meeting_markers(child, as_of, meeting_row)
    milestones = child_milestones(child, as_of)
    used_events: set[int] = set()
    for ms in milestones:
        if ms.source.record == "event":
            used_events.add(ms.source.index)
        living = ms.source.record == "living"
        markers.append(Marker(
            ms.date, milestone_row, "diamond", ms.label,
            f"{ms.label}\n{day_text(ms.date)}\nRecorded in: "
            + {"event": "the chronology", "meeting": "a meeting's decisions",
               "living": "where the child lives"}[ms.source.record],
            (ms.source.record, ms.source.id), "milestone.living" if living else "milestone",
            priority=3,
        ))
    for i, ev in enumerate(child.events):
        if ev.date > as_of or i in used_events:
            continue
        kind = "Chronology entry" if ev.kind == "note" else MILESTONE_KINDS.get(ev.kind, ev.kind)
        detail = f"{ev.title}\n{day_text(ev.date)} · {kind}"
        if ev.detail:
            text = ev.detail if len(ev.detail) <= 240 else ev.detail[:239] + "…"
            detail += f"\n{text}"
        markers.append(Marker(ev.date, chronology_row, "tick", ev.title, detail,
                              ("event", ev.id), "chronology", priority=0))
    markers.sort(key=lambda m: (m.date, m.lane))

    clocks = judge_child(child, rules, as_of, due_soon_days)
    windows: list[ClockWindow] = []
    clock_rows: dict[str, int] = {}
    for rule in rules:
        if any(c.rule == rule.id for c in clocks):
            clock_rows[rule.id] = lane("clock", rule.label, rule.id)
    for c in clocks:
        windows.append(_window(c, clock_rows[c.rule], as_of))

    start, end = _axis_range(child, as_of, bars, markers, windows)
    return Timeline(
        child_ref=child.ref,
        title=f"{child.name}, born {day_text(child.date_of_birth)}",
        date_of_birth=child.date_of_birth,
        as_of=as_of,
        start=start,
        end=end,
        lanes=tuple(lanes),
        bars=tuple(bars),
        windows=tuple(windows),
        markers=tuple(markers),
        date_ticks=tuple(date_ticks(start, end)),
        age_ticks=tuple(age_ticks(child.date_of_birth, start, end)),
    )


def _clip(start: date, end: date | None, as_of: date) -> tuple[date, bool] | None:
    """The episode's end as of `as_of`, and whether it was still going on; None if not begun."""
    if start > as_of:
        return None
    if end is None or end > as_of:
        return as_of, True
    return end, False


def _living_bars(child: Child, as_of: date, row: int) -> list[Bar]:
    people = {p.id: p.name for p in child.people}
    bars = []
    for ep in child.living:
        clipped = _clip(ep.start, ep.end, as_of)
        if clipped is None:
            continue
        end, open_ended = clipped
        label = LIVING_TYPES.get(ep.type, ep.type)
        detail = f"{label}\n{span_text(ep.start, end, open_ended)}"
        if ep.carer:
            detail += f"\nCarer: {people.get(ep.carer, ep.carer)}"
        if ep.reason_for_move:
            detail += f"\nWhy the move: {ep.reason_for_move}"
        bars.append(Bar(row, ep.start, end, label, f"living.{ep.type}", detail,
                        ("living", ep.id), open_ended))
    return bars


def _legal_bars(child: Child, as_of: date, row: int) -> list[Bar]:
    bars = []
    for ep in child.legal:
        clipped = _clip(ep.start, ep.end, as_of)
        if clipped is None:
            continue
        end, open_ended = clipped
        label = LEGAL_STATUSES.get(ep.status, ep.status)
        detail = f"{label}\n{span_text(ep.start, end, open_ended)}"
        if ep.reference:
            detail += f"\nReference: {ep.reference}"
        key = f"legal.{ep.status}" if f"legal.{ep.status}" in PALETTE else "legal"
        bars.append(Bar(row, ep.start, end, label, key, detail, ("legal", ep.id), open_ended))
    return bars


def _meeting_markers(child: Child, as_of: date, row: int) -> list[Marker]:
    markers = []
    for mt in child.meetings:
        if mt.date > as_of:
            continue
        label = MEETING_KINDS.get(mt.kind, mt.kind)
        markers.append(Marker(mt.date, row, "square", label, _meeting_detail(mt, label),
                              ("meeting", mt.id), "meeting", filled=mt.is_final, priority=2))
    return markers


def _meeting_detail(mt: Meeting, label: str) -> str:
    lines = [label, f"{day_text(mt.date)} · {'final record' if mt.is_final else 'draft record'}"]
    if mt.chair:
        lines.append(f"Chair: {mt.chair}")
    for dec in mt.decisions[:4]:
        lines.append(f"Decision: {dec.text}")
    if len(mt.decisions) > 4:
        lines.append(f"… and {len(mt.decisions) - 4} more decisions")
    if mt.next_review:
        lines.append(f"Next review: {day_text(mt.next_review)}")
    return "\n".join(lines)


def _window(c: ClockInstance, row: int, as_of: date) -> ClockWindow:
    end = c.met or c.stopped or as_of
    words = status_words(c, as_of)  # the words of every other screen, the CLI and the prints
    detail = [f"{c.label} ({c.instance})", words,
              f"Started {day_text(c.start)}, due {day_text(c.due)}"]
    if c.met:
        detail.append(f"Met {day_text(c.met)} after {days_words(c.days)}")
    elif c.stopped:
        detail.append(f"Stopped applying {day_text(c.stopped)}")
    else:
        detail.append(f"{days_words(c.days)} so far")
    if c.status == "lapsed":
        detail.append(lapsed_explained(c))
    return ClockWindow(row, c.rule, c.instance, c.label, c.start, c.due, end, c.met, c.stopped,
                       c.status, words, c.days_over, "\n".join(detail),
                       ("clock", f"{c.rule}:{c.instance}"))


def _axis_range(child: Child, as_of: date, bars: Sequence[Bar], markers: Sequence[Marker],
                windows: Sequence[ClockWindow]) -> tuple[date, date]:
    firsts = [b.start for b in bars] + [w.start for w in windows]
    if markers:
        firsts.append(markers[0].date)
    lasts = [as_of] + [w.due for w in windows] + [w.end for w in windows]
    start = min(firsts) if firsts else max(child.date_of_birth, as_of - timedelta(days=365))
    end = max(lasts)
    start = min(start, as_of)
    span = max((end - start).days, 60)
    # Room either side so the first marker and the last status words are not cut off.
    return start - timedelta(days=max(7, span // 30)), end + timedelta(days=max(14, span // 6))
