"""One child's three-way merge that keeps every rule of the store (SYNC.md, promise 2).

`sync.merge` merges field by field; this reads the result back as a child through the
interchange rules. Where taking the other side's version breaks a rule (two homes that
overlap, a value that is not allowed), that record goes back to the local version and the
other side's version is kept beside it as a conflict; this repeats until the child is sound.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pace_desktop.domain.records import Child
from pace_desktop.exchange.problems import InterchangeError
from pace_desktop.exchange.snapshot import DETAILS, from_snapshot, records_named
from pace_desktop.sync import Conflict, merge
from pace_desktop.sync.merge import RecordKey

SnapshotDict = dict[tuple[str, str], dict[str, Any]]


class MergeBroken(ValueError):
    """Even the local version breaks a rule: nothing can be merged for this child."""


@dataclass(slots=True)
class ChildMerge:
    child: Child
    merged: SnapshotDict
    conflicts: list[Conflict] = field(default_factory=list)
    arrived: list[RecordKey] = field(default_factory=list)
    kept_mine: list[RecordKey] = field(default_factory=list)  # reverted to keep a rule

    @property
    def changed(self) -> bool:
        return bool(self.arrived)


def merge_child(ancestor: SnapshotDict, mine: SnapshotDict, theirs: SnapshotDict) -> ChildMerge:
    """Merge `theirs` into `mine`; raises `sync.MergeRefused` for an altered final record."""
    result = merge(ancestor, mine, theirs)
    kept: list[RecordKey] = []
    child: Child | None = None
    for _ in range(len(result.merged) + 2):
        try:
            child = from_snapshot(result.merged)
            break
        except InterchangeError as exc:
            problems = list(exc.problems)
        broken = records_named(result.merged, problems)
        revert = [k for k in broken if result.merged.get(k) != mine.get(k)]
        if not revert:
            # A problem that names no list item (the child's own details): undo what arrived.
            revert = [k for k in dict.fromkeys(result.arrived)
                      if result.merged.get(k) != mine.get(k)]
            if not revert and result.merged.get(DETAILS) != mine.get(DETAILS):
                revert = [DETAILS]
        if not revert:
            raise MergeBroken(problems[0])
        for key in revert:
            result.revert(key, mine)
            kept.append(key)
            result.arrived = [k for k in result.arrived if k != key]
    if child is None:  # pragma: no cover - each round reverts at least one record
        raise MergeBroken("the merged record could not be made sound")
    arrived = [k for k in dict.fromkeys(result.arrived)
               if result.merged.get(k) != mine.get(k)]
    gone = [k for k in mine if k not in result.merged]
    return ChildMerge(child, result.merged, result.conflicts, arrived + gone, kept)
