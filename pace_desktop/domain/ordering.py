"""The order a chronology is read in, on the screen and in every print: by date; entries of
the same day by their sequence number; then in the order they were recorded."""

from __future__ import annotations

from collections.abc import Iterable

from pace_desktop.domain.records import Event


def in_chronology_order(events: Iterable[Event]) -> list[Event]:
    keyed = [(e.date, e.seq or 0, i, e) for i, e in enumerate(events)]
    keyed.sort(key=lambda k: k[:3])
    return [k[3] for k in keyed]
