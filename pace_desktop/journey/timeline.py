"""A child's journey as one drawing model: plain frozen data that two renderers draw alike.

`build_timeline` turns a child, the clock rules and an as-of date into a `Timeline`: lanes
(where the child lives, legal status, meetings and decisions, milestones, chronology entries,
then one row per clock rule), bars for episodes, markers for meetings, milestones and
chronology entries, clock windows, the as-of ("today") line, and date and age ticks. The
screen (pace_desktop.gui.timeline) and the PDF (pace_desktop.chronology.timeline_drawing) read
only this model, so the picture is the same wherever it is shown, and it is tested here,
without Qt.

Judging "as of" a date replays the journey as it stood that day: anything dated after it is
left out, an episode still going on that day ends at it, and the clocks are judged as of it.

Colour is never the only signal: every clock status has its own shape, fill and words (see
`STATUS_STYLES`), and the colours are the Okabe–Ito set, which colour-blind readers can tell
apart; marker outlines are dark so shapes stay visible when printed in grey.

x coordinates are day numbers (`date.toordinal()`), y coordinates are lane rows (0 at the top).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from math import cos, pi, sin

from pace_desktop.domain.date_words import MONTHS, short_date
from pace_desktop.domain.dates import add_years, age_in_years
from pace_desktop.domain.records import Child, Meeting
from pace_desktop.domain.vocab import LEGAL_STATUSES, LIVING_TYPES, MEETING_KINDS, MILESTONE_KINDS
from pace_desktop.journey.clocks import DUE_SOON_DAYS, ClockInstance, judge_child
from pace_desktop.journey.milestones import ACCOMMODATED, child_milestones
from pace_desktop.journey.rules import Rule

# -- palette and shapes -------------------------------------------------------------------

OKABE_ITO = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "black": "#000000",
}

PALETTE: dict[str, str] = {
    # Where the child lives: home in green, family-based care in blues, group care in
    # orange, the most restrictive settings in vermillion. Bars also carry their words.
    "living.at_home": OKABE_ITO["bluish_green"],
    "living.kinship": OKABE_ITO["sky_blue"],
    "living.foster": OKABE_ITO["blue"],
    "living.prospective_adopters": OKABE_ITO["reddish_purple"],
    "living.other_community": "#7FB8D8",
    "living.residential_la": OKABE_ITO["orange"],
    "living.residential_voluntary": OKABE_ITO["orange"],
    "living.residential_school": OKABE_ITO["orange"],
    "living.secure": OKABE_ITO["vermillion"],
    "living.crisis_care": OKABE_ITO["vermillion"],
    "living.other_residential": OKABE_ITO["orange"],
    "legal": "#8C8C8C",
    "legal.s25": "#B3B3B3",
    "legal.icso": OKABE_ITO["orange"],
    "legal.cpo": OKABE_ITO["vermillion"],
    "legal.cso_home": OKABE_ITO["bluish_green"],
    "legal.cso_away": OKABE_ITO["blue"],
    "legal.po": OKABE_ITO["reddish_purple"],
    "legal.poa": OKABE_ITO["reddish_purple"],
    "legal.s11": OKABE_ITO["sky_blue"],
    "legal.adoption_order": OKABE_ITO["reddish_purple"],
    "legal.none": "#D9D9D9",
    "meeting": "#404040",
    "meeting.draft": "#FFFFFF",
    "milestone": OKABE_ITO["reddish_purple"],
    "milestone.living": OKABE_ITO["sky_blue"],
    "chronology": "#6E6E6E",
    "overdue": OKABE_ITO["vermillion"],
    "today": "#000000",
    "lane.band": "#F2F2F2",
    "text": "#1A1A1A",
    "text.muted": "#555555",
    "outline": "#1A1A1A",
}

# Shapes as polygons in a unit box centred on 0 (y up), so Qt and reportlab draw the same.
_CIRCLE = tuple((0.5 * cos(2 * pi * i / 24), 0.5 * sin(2 * pi * i / 24)) for i in range(24))
SHAPES: dict[str, tuple[tuple[float, float], ...]] = {
    "circle": _CIRCLE,
    "square": ((-0.4, -0.4), (0.4, -0.4), (0.4, 0.4), (-0.4, 0.4)),
    "triangle": ((0.0, 0.5), (0.5, -0.4), (-0.5, -0.4)),
    "diamond": ((0.0, 0.55), (0.45, 0.0), (0.0, -0.55), (-0.45, 0.0)),
    "cross": (
        (-0.5, -0.35), (-0.35, -0.5), (0.0, -0.15), (0.35, -0.5), (0.5, -0.35), (0.15, 0.0),
        (0.5, 0.35), (0.35, 0.5), (0.0, 0.15), (-0.35, 0.5), (-0.5, 0.35), (-0.15, 0.0),
    ),
    "dash": ((-0.5, -0.14), (0.5, -0.14), (0.5, 0.14), (-0.5, 0.14)),
    "tick": ((-0.07, -0.5), (0.07, -0.5), (0.07, 0.5), (-0.07, 0.5)),
    # A bowtie (an hourglass on its side: time ran out): an order that ceased by law, lapsed.
    "bowtie": ((-0.5, -0.45), (0.5, 0.45), (0.5, -0.45), (-0.5, 0.45)),
}


@dataclass(frozen=True, slots=True)
class StatusStyle:
    """How a clock status looks: colour, and always a shape, a fill and words too."""

    colour: str
    shape: str
    filled: bool
    text: str
    hatch: bool  # overdue time drawn hatched, so it shows without colour


STATUS_STYLES: dict[str, StatusStyle] = {
    "met": StatusStyle(OKABE_ITO["bluish_green"], "circle", True, "Met", False),
    "met_late": StatusStyle(OKABE_ITO["orange"], "square", True, "Met late", True),
    "overdue": StatusStyle(OKABE_ITO["vermillion"], "triangle", True, "Overdue", True),
    "due_soon": StatusStyle(OKABE_ITO["reddish_purple"], "diamond", True, "Due soon", False),
    "open": StatusStyle(OKABE_ITO["blue"], "circle", False, "Open", False),
    "closed": StatusStyle("#7F7F7F", "dash", True, "Closed", False),
    "missed": StatusStyle(OKABE_ITO["black"], "cross", True, "Missed", True),
    "lapsed": StatusStyle(OKABE_ITO["vermillion"], "bowtie", True, "Lapsed", True),
}

LANE_KINDS = ("living", "legal", "meetings", "milestones", "chronology", "clock")

# Row geometry shared by both renderers: each lane is one unit tall; its title sits in the
# top of the row and its items centre a little below the middle, so the two never collide.
ITEM_Y = 0.14  # where items centre, below the lane's row number
BAR_HEIGHT = 0.46
USED_HEIGHT = 0.16  # the solid "time used" strip inside a clock window
TITLE_Y = -0.5  # the top of the row, where the lane's title hangs


def lane_y(row: int) -> float:
    """The y at which a lane's bars and markers are centred."""
    return row + ITEM_Y

# -- the model ----------------------------------------------------------------------------

Ref = tuple[str, str]
"""Which record an item is: ("living", id), ("legal", id), ("meeting", id), ("event", id)
or ("clock", "rule:instance")."""


@dataclass(frozen=True, slots=True)
class Lane:
    row: int
    kind: str  # one of LANE_KINDS
    label: str
    rule: str | None = None  # for clock lanes


@dataclass(frozen=True, slots=True)
class Bar:
    """An episode: where the child lived, or a legal status, from `start` to `end`."""

    lane: int
    start: date
    end: date  # the episode's end, or the as-of date while it goes on
    label: str
    key: str  # a PALETTE key
    detail: str
    ref: Ref
    open_ended: bool  # still going on as of the as-of date


@dataclass(frozen=True, slots=True)
class Marker:
    date: date
    lane: int
    shape: str  # a SHAPES key
    label: str
    detail: str
    ref: Ref
    key: str  # a PALETTE key
    filled: bool = True
    priority: int = 1  # higher labels win when they would overlap

    @property
    def x(self) -> float:
        return float(self.date.toordinal())

    @property
    def y(self) -> float:
        return lane_y(self.lane)


@dataclass(frozen=True, slots=True)
class ClockWindow:
    """One clock instance: shaded from `start` to `due`; `end` is where it stopped counting
    (met, stopped applying, or the as-of date); time past `due` up to `end` is overdue."""

    lane: int
    rule: str
    instance: int
    label: str
    start: date
    due: date
    end: date
    met: date | None
    stopped: date | None
    status: str
    status_text: str  # the status in words, e.g. "Overdue by 12 days"
    days_over: int
    detail: str
    ref: Ref

    @property
    def style(self) -> StatusStyle:
        return STATUS_STYLES[self.status]

    @property
    def used_end(self) -> date:
        """The end of the time used inside the window (never past the due date)."""
        return min(self.end, self.due)

    @property
    def overdue(self) -> tuple[date, date] | None:
        return (self.due, self.end) if self.end > self.due else None


@dataclass(frozen=True, slots=True)
class Tick:
    date: date
    label: str

    @property
    def x(self) -> float:
        return float(self.date.toordinal())


@dataclass(frozen=True, slots=True)
class Timeline:
    child_ref: str
    title: str  # the child's name and date of birth, for a heading
    date_of_birth: date
    as_of: date
    start: date  # the axis range
    end: date
    lanes: tuple[Lane, ...]
    bars: tuple[Bar, ...]
    windows: tuple[ClockWindow, ...]
    markers: tuple[Marker, ...]  # in date order
    date_ticks: tuple[Tick, ...]
    age_ticks: tuple[Tick, ...]

    @property
    def x_range(self) -> tuple[float, float]:
        return float(self.start.toordinal()), float(self.end.toordinal())

    @property
    def as_of_x(self) -> float:
        return float(self.as_of.toordinal())


# -- building -----------------------------------------------------------------------------


def day_text(d: date) -> str:
    return short_date(d)


def _span_text(start: date, end: date | None, open_ended: bool) -> str:
    if open_ended or end is None:
        return f"since {day_text(start)}"
    return f"{day_text(start)} to {day_text(end)}"


def _days(n: int) -> str:
    return "1 day" if n == 1 else f"{n} days"


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
        detail = f"{label}\n{_span_text(ep.start, end, open_ended)}"
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
        detail = f"{label}\n{_span_text(ep.start, end, open_ended)}"
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


def status_text(c: ClockInstance) -> str:
    """The clock's status in plain words, e.g. "Met late (9 days)" or "Overdue by 12 days"."""
    match c.status:
        case "met":
            return f"Met {day_text(c.met)}" if c.met else "Met"
        case "met_late":
            return f"Met late ({_days(c.days_over)})"
        case "overdue":
            return f"Overdue by {_days(c.days_over)}"
        case "due_soon":
            return f"Due soon: {day_text(c.due)}"
        case "open":
            return f"Open, due {day_text(c.due)}"
        case "closed":
            return "Closed (no longer applies)"
        case "missed":
            return f"Missed ({_days(c.days_over)} over)"
        case "lapsed":
            ceased = day_text(c.due + timedelta(days=1))
            if c.met or c.stopped:
                return f"Lapsed: the order ceased {ceased}, {_days(c.days_over)} before the record"
            return f"Lapsed: the order ceased {ceased}"
    return STATUS_STYLES[c.status].text


def _window(c: ClockInstance, row: int, as_of: date) -> ClockWindow:
    end = c.met or c.stopped or as_of
    words = status_text(c)
    detail = [f"{c.label} ({c.instance})", words,
              f"Started {day_text(c.start)}, due {day_text(c.due)}"]
    if c.met:
        detail.append(f"Met {day_text(c.met)} after {_days(c.days)}")
    elif c.stopped:
        detail.append(f"Stopped applying {day_text(c.stopped)}")
    else:
        detail.append(f"{_days(c.days)} so far")
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


# -- ticks --------------------------------------------------------------------------------

_MONTH_STEPS = (1, 3, 6, 12, 24, 60, 120)


def date_ticks(start: date, end: date, max_ticks: int = 10) -> list[Tick]:
    """Calendar ticks between `start` and `end`: days, weeks, months or years, whichever
    step gives at most `max_ticks` of them."""
    if end < start:
        return []
    span = (end - start).days
    for step_days in (1, 7):
        if span // step_days + 1 <= max_ticks:
            first = start if step_days == 1 else start + timedelta(days=-start.weekday() % 7)
            out = []
            d = first
            while d <= end:
                out.append(Tick(d, day_text(d)))
                d += timedelta(days=step_days)
            return out
    for months in _MONTH_STEPS:
        if span / (30.44 * months) + 1 <= max_ticks or months == _MONTH_STEPS[-1]:
            break
    out = []
    if months >= 12:
        years = months // 12
        year = start.year if (start.month, start.day) == (1, 1) else start.year + 1
        year = -(-year // years) * years  # round up to a multiple of the step
        while (d := date(year, 1, 1)) <= end:
            out.append(Tick(d, str(year)))
            year += years
        return out
    total = start.year * 12 + start.month - 1 + (start.day > 1)
    total = -(-total // months) * months  # quarters and halves start in Jan, Apr, Jul, Oct
    while (d := date(total // 12, total % 12 + 1, 1)) <= end:
        out.append(Tick(d, f"{MONTHS[d.month - 1][:3]} {d.year}"))
        total += months
    return out


def birthday(born: date, age: int) -> date:
    """The first day on which a child born on `born` is `age` years old (as age_in_years
    counts it): a 29 February birthday falls on 1 March in other years."""
    d = add_years(born, age)
    if (d.month, d.day) != (born.month, born.day):
        d += timedelta(days=1)
    return d


def age_ticks(born: date, start: date, end: date) -> list[Tick]:
    """The child's birthdays within the range, labelled with the age reached."""
    out = []
    first = max(0, age_in_years(born, start))
    for age in range(first, first + 200):
        d = birthday(born, age)
        if d > end:
            break
        if d >= start:
            out.append(Tick(d, "Born" if age == 0 else f"Age {age}"))
    return out


# -- hit testing (shared by the screen's hover and click) ---------------------------------


@dataclass(frozen=True, slots=True)
class Hit:
    kind: str  # "marker", "window" or "bar"
    detail: str
    ref: Ref


class HitIndex:
    """Finds the item at a point of a Timeline, quickly even with thousands of markers."""

    def __init__(self, model: Timeline) -> None:
        self.model = model
        self._lane_x: dict[int, list[float]] = {}
        self._lane_markers: dict[int, list[Marker]] = {}
        for m in model.markers:  # already in date order
            self._lane_x.setdefault(m.lane, []).append(m.x)
            self._lane_markers.setdefault(m.lane, []).append(m)

    def at(self, x: float, y: float, x_tol: float = 3.0, y_tol: float = 0.35) -> Hit | None:
        """The item under (x, y) in data coordinates; markers (within the tolerances) first,
        then clock windows and episode bars that contain the point."""
        row = round(y - ITEM_Y)
        offset = y - lane_y(row)
        if abs(offset) <= y_tol:
            xs = self._lane_x.get(row)
            if xs:
                lo, hi = bisect_left(xs, x - x_tol), bisect_right(xs, x + x_tol)
                if lo < hi:
                    best = min(range(lo, hi), key=lambda i: abs(xs[i] - x))
                    m = self._lane_markers[row][best]
                    return Hit("marker", m.detail, m.ref)
        if abs(offset) > BAR_HEIGHT / 2:
            return None
        for w in self.model.windows:
            if w.lane == row and w.start.toordinal() <= x <= max(w.due, w.end).toordinal():
                return Hit("window", w.detail, w.ref)
        for b in self.model.bars:
            if b.lane == row and b.start.toordinal() <= x <= b.end.toordinal():
                return Hit("bar", b.detail, b.ref)
        return None


# -- label placement (shared by both renderers) -------------------------------------------


def place_labels(
    candidates: Iterable[tuple[float, int, str, int]],
    width_of: Sequence[float] | None = None,
    *,
    text_width: float | None = None,
    blocked: dict[int, list[tuple[float, float]]] | None = None,
    gap: float = 6.0,
    limit: int = 400,
) -> list[tuple[float, int, str]]:
    """Which labels to draw so that none overlaps another label, or a marker, in its lane.

    `candidates` are (x in device units, lane, text, priority); `width_of` gives each one's
    drawn width (or every label is `text_width` wide); `blocked` gives, per lane, the
    (left, right) extents of markers a label must not cover. Higher priority first, then
    left to right. Returns (x, lane, text) for the labels kept, at most `limit` of them.
    """
    items = list(candidates)
    widths = list(width_of) if width_of is not None else [text_width or 60.0] * len(items)
    order = sorted(range(len(items)), key=lambda i: (-items[i][3], items[i][0]))
    # Per lane, disjoint occupied spans sorted by their left edge: then only the span that
    # starts last before a label's right edge can overlap it.
    taken: dict[int, tuple[list[float], list[float]]] = {}
    for lane_row, spans in (blocked or {}).items():
        lefts: list[float] = []
        rights: list[float] = []
        for a, b in sorted(spans):
            if rights and a <= rights[-1]:
                rights[-1] = max(rights[-1], b)
            else:
                lefts.append(a)
                rights.append(b)
        taken[lane_row] = (lefts, rights)
    kept: list[tuple[float, int, str]] = []
    for i in order:
        x, lane_row, text, _priority = items[i]
        left, right = x, x + widths[i]
        lefts, rights = taken.setdefault(lane_row, ([], []))
        k = bisect_left(lefts, right)
        if k and rights[k - 1] > left:
            continue
        # Kept labels claim a margin either side, so two labels stay `gap` apart while a
        # label may still sit close beside its own marker.
        k = bisect_left(lefts, left - gap)
        lefts.insert(k, left - gap)
        rights.insert(k, right + gap)
        kept.append((x, lane_row, text))
        if len(kept) >= limit:
            break
    return kept


__all__ = [
    "ACCOMMODATED",
    "BAR_HEIGHT",
    "ITEM_Y",
    "LANE_KINDS",
    "OKABE_ITO",
    "PALETTE",
    "SHAPES",
    "STATUS_STYLES",
    "Bar",
    "ClockWindow",
    "Hit",
    "HitIndex",
    "Lane",
    "Marker",
    "StatusStyle",
    "Tick",
    "Timeline",
    "age_ticks",
    "birthday",
    "build_timeline",
    "date_ticks",
    "day_text",
    "lane_y",
    "place_labels",
    "status_text",
]
