"""Run-chart signals of non-random variation (Perla, Provost and Murray, BMJ Qual Saf 2011).

* shift: six or more consecutive points all above, or all below, the median. Points on the
  median neither break a shift nor count towards it.
* trend: five or more consecutive points all going up, or all going down. A point equal to
  the one before it neither breaks a trend nor counts towards it.

The median may be frozen as a baseline from the first N points, so later points are judged
against where things started rather than against a median they themselves move.
Point indices in results are 0-based positions in the series; explanations, written for
people, number points from 1.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from statistics import median

SHIFT_POINTS = 6
TREND_POINTS = 5


@dataclass(frozen=True, slots=True)
class Signal:
    kind: str  # "shift" or "trend"
    direction: str  # "above"/"below" for a shift, "up"/"down" for a trend
    points: tuple[int, ...]  # the indices of the points that make it
    explanation: str


@dataclass(frozen=True, slots=True)
class RunChart:
    values: tuple[float, ...]
    median: float | None  # None for an empty series
    baseline_points: int  # how many points the median was taken from
    shifts: tuple[Signal, ...]
    trends: tuple[Signal, ...]

    @property
    def signals(self) -> tuple[Signal, ...]:
        return tuple(sorted(self.shifts + self.trends, key=lambda s: (s.points[0], s.kind)))


def analyse(
    values: Sequence[float],
    baseline: int | None = None,
    *,
    shift_points: int = SHIFT_POINTS,
    trend_points: int = TREND_POINTS,
    unit: str = "days",
) -> RunChart:
    """The median and the shift and trend signals of a series in time order.

    `baseline` freezes the median from the first `baseline` points (all points if None, or
    if there are fewer points than that). `unit` is only used in the explanations.
    """
    series = tuple(values)
    used = len(series) if baseline is None else max(0, min(baseline, len(series)))
    if used == 0:
        return RunChart(series, None, 0, (), ())
    centre = float(median(series[:used]))
    return RunChart(
        series,
        centre,
        used,
        _shifts(series, centre, shift_points, unit),
        _trends(series, trend_points),
    )


def _shifts(series: tuple[float, ...], centre: float, needed: int, unit: str) -> tuple[Signal, ...]:
    found: list[Signal] = []
    run: list[int] = []
    side = 0
    for i, value in enumerate(series):
        here = (value > centre) - (value < centre)
        if here == 0:
            continue  # on the median: neither breaks nor counts
        if here != side:
            _close_shift(run, side, centre, needed, unit, found)
            run, side = [], here
        run.append(i)
    _close_shift(run, side, centre, needed, unit, found)
    return tuple(found)


def _close_shift(
    run: list[int], side: int, centre: float, needed: int, unit: str, found: list[Signal]
) -> None:
    if len(run) < needed:
        return
    direction = "above" if side > 0 else "below"
    found.append(Signal(
        "shift", direction, tuple(run),
        f"{len(run)} points in a row ({_span(run, 'on the median')}) are {direction} the median of "
        f"{_number(centre)} {unit}. A run this long is unlikely to be chance: something "
        "has probably changed.",
    ))


def _trends(series: tuple[float, ...], needed: int) -> tuple[Signal, ...]:
    # Points equal to the one before are set aside; the rest must keep one direction.
    kept = [i for i, v in enumerate(series) if i == 0 or v != series[i - 1]]
    found: list[Signal] = []
    run: list[int] = kept[:1]
    direction = 0
    for prev, i in zip(kept, kept[1:], strict=False):
        step = 1 if series[i] > series[prev] else -1
        if step != direction:
            _close_trend(run, direction, needed, found)
            run = [prev]  # the turning point belongs to both runs
            direction = step
        run.append(i)
    _close_trend(run, direction, needed, found)
    return tuple(found)


def _close_trend(run: list[int], direction: int, needed: int, found: list[Signal]) -> None:
    if direction == 0 or len(run) < needed:
        return
    word = "up" if direction > 0 else "down"
    found.append(Signal(
        "trend", word, tuple(run),
        f"{len(run)} points in a row ({_span(run, 'equal to the one before')}) each go {word} "
        "from the one before. "
        "A run this long is unlikely to be chance: something has probably changed.",
    ))


def _span(indices: Sequence[int], set_aside: str) -> str:
    text = f"points {indices[0] + 1} to {indices[-1] + 1}"
    skipped = indices[-1] - indices[0] + 1 - len(indices)
    if skipped:
        text += f", not counting {skipped} {'point' if skipped == 1 else 'points'} {set_aside}"
    return text


def _number(value: float) -> str:
    return f"{value:g}" if value != int(value) else str(int(value))
