"""Which labels the journey timeline draws, so that none overlaps another: shared by both
renderers."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence


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
