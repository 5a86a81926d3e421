"""A child as a sync `Snapshot` (SYNC.md) and back, through the interchange format's own
canonical form: the merge compares exactly the fields a file carries, and a merged child is
read back by the interchange reader, so every rule a file must keep, a merge keeps too."""

from __future__ import annotations

import re
from typing import Any

from pace_desktop.domain.records import Child
from pace_desktop.exchange.problems import InterchangeError
from pace_desktop.exchange.reading import FORMAT, VERSION, parse_interchange
from pace_desktop.exchange.writing import to_interchange

PARTS = ("people", "living", "legal", "events", "meetings", "nondisclosure")
DETAILS = ("child", "")


def to_snapshot(child: Child) -> dict[tuple[str, str], dict[str, Any]]:
    """Every record of `child` under (part, id). Every record needs an id (the store gives
    one to each record it keeps)."""
    (doc,) = to_interchange([child])["children"]
    snapshot: dict[tuple[str, str], dict[str, Any]] = {
        DETAILS: {k: v for k, v in doc.items() if k not in PARTS}}
    for part in PARTS:
        for record in doc.get(part, ()):
            rid = record.get("id")
            if not rid:
                raise ValueError(f"{child.ref}: a record in {part} has no id to merge by")
            snapshot[(part, rid)] = {k: v for k, v in record.items() if k != "id"}
    return snapshot


def from_snapshot(snapshot: dict[tuple[str, str], dict[str, Any]]) -> Child:
    """The child a snapshot describes; InterchangeError (with places) if it breaks a rule."""
    doc = dict(snapshot[DETAILS])
    for (part, rid), record in snapshot.items():
        if part in PARTS:
            doc.setdefault(part, []).append({"id": rid, **record})
    (child,) = parse_interchange({"format": FORMAT, "version": VERSION, "children": [doc]})
    return child


def broken_records(snapshot: dict[tuple[str, str], dict[str, Any]]
                   ) -> tuple[set[tuple[str, str]], list[str]]:
    """The records a merged snapshot's problems name (both homes of an overlap, say), and the
    problems; empty when it reads back as a sound child."""
    try:
        from_snapshot(snapshot)
    except InterchangeError as exc:
        return records_named(snapshot, exc.problems), list(exc.problems)
    return set(), []


def records_named(snapshot: dict[tuple[str, str], dict[str, Any]], problems: list[str]
                  ) -> set[tuple[str, str]]:
    """The records of `snapshot` that these reading problems name by place."""
    order = {part: [rid for (p, rid) in snapshot if p == part] for part in PARTS}
    keys: set[tuple[str, str]] = set()
    for problem in problems:
        for part, index in _PLACE.findall(problem):
            ids = order.get(part, [])
            if int(index) < len(ids):
                keys.add((part, ids[int(index)]))
    return keys


_PLACE = re.compile(r"\.(" + "|".join(PARTS) + r")\[(\d+)\]")
