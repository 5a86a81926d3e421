"""The three-way merge of one child's records against their common ancestor (SYNC.md).

A child is a `Snapshot`: each record (the child's own details, each person, home, legal
episode, chronology entry, meeting and non-disclosure request) under its `RecordKey`
(part, id), as a mapping of field to plain value. The promises, as this module keeps them:

1. Nothing is silently lost: a change on one side arrives; changes on both sides to different
   values, and a deletion on one side against an edit on the other, are `Conflict`s.
2. Where the two sides differ, *mine* (the local store's value) stays in force until a named
   person resolves the conflict; the store's own rules are checked by the caller on the
   merged result, which can `revert` a record to mine and note the conflict.
3. Final records only grow: a final chronology entry or meeting merges by the union of its
   amendments; the same id with different content is tampering or a fault, and the whole
   merge is refused (`MergeRefused`), naming the record.
4. A draft meeting finalised on one side and edited on the other: the final record stands and
   the other side's edits become conflicts.
6. Merging is idempotent: merging the result again with either side changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

RecordKey = tuple[str, str]  # (part, id): ("child", ""), ("events", "e4"), …
Fields = Mapping[str, Any]
Snapshot = Mapping[RecordKey, Fields]

AMENDMENTS = "amendments"
DELETED = "(deleted)"
"""The `field` of a conflict about a whole record: deleted on one side, edited on the other."""
FINAL_PARTS = frozenset({"events"})
"""Parts whose every record is final once recorded (meetings are final by their status)."""


class MergeRefused(ValueError):
    """A final record arrived with the same id and different content: nothing is merged."""

    def __init__(self, key: RecordKey, why: str) -> None:
        super().__init__(f"{key[0]} {key[1]}: {why}")
        self.key = key


@dataclass(frozen=True, slots=True)
class Conflict:
    key: RecordKey
    field: str
    ancestor: Any
    mine: Any
    theirs: Any


@dataclass(slots=True)
class MergeResult:
    merged: dict[RecordKey, dict[str, Any]]
    conflicts: list[Conflict] = field(default_factory=list)
    arrived: list[RecordKey] = field(default_factory=list)  # records theirs changed or added

    def revert(self, key: RecordKey, mine: Snapshot, why_field: str = DELETED) -> None:
        """Put `key` back as it is in `mine` (a rule of the store would break otherwise) and
        keep the other side's version as a conflict."""
        theirs = self.merged.get(key)
        if key in mine:
            self.merged[key] = dict(mine[key])
        else:
            self.merged.pop(key, None)
        self.conflicts.append(Conflict(key, why_field, None, _whole(mine.get(key)),
                                       _whole(theirs)))


def is_final(key: RecordKey, record: Fields | None) -> bool:
    if record is None:
        return False
    return key[0] in FINAL_PARTS or (key[0] == "meetings" and record.get("status") == "final")


def merge(ancestor: Snapshot, mine: Snapshot, theirs: Snapshot) -> MergeResult:
    """Merge `theirs` into `mine` against their common `ancestor` (empty when none)."""
    result = MergeResult({})
    for key in _keys(mine, theirs, ancestor):
        a, m, t = ancestor.get(key), mine.get(key), theirs.get(key)
        if is_final(key, m) or is_final(key, t):
            _final(result, key, a, m, t)
        elif m is None or t is None:
            _present_on_one_side(result, key, a, m, t)
        else:
            _fields(result, key, a or {}, m, t)
    return result


def _keys(*snapshots: Snapshot) -> Iterable[RecordKey]:
    """Every key once: mine's order first, then what only theirs or the ancestor has."""
    seen: dict[RecordKey, None] = {}
    for snapshot in snapshots:
        for key in snapshot:
            seen.setdefault(key, None)
    return seen


def _final(result: MergeResult, key: RecordKey, a: Fields | None, m: Fields | None,
           t: Fields | None) -> None:
    if m is not None and t is not None and is_final(key, m) and is_final(key, t):
        if _content(m) != _content(t):
            raise MergeRefused(key, "a final record arrived with different content")
        merged = dict(m)
        merged[AMENDMENTS] = _union(m.get(AMENDMENTS, ()), t.get(AMENDMENTS, ()))
        if not merged[AMENDMENTS]:
            merged.pop(AMENDMENTS)
        result.merged[key] = merged
        if merged != dict(m):
            result.arrived.append(key)
        return
    final, other, final_is_mine = (m, t, True) if is_final(key, m) else (t, m, False)
    assert final is not None
    result.merged[key] = dict(final)
    if not final_is_mine:
        result.arrived.append(key)
    if other is None:
        return  # a final record only grows: one side had not seen it yet
    # Finalised on one side, edited as a draft on the other: the final record stands.
    for name in sorted(set(other) | set(final)):
        before = (a or {}).get(name)
        if other.get(name) != before and other.get(name) != final.get(name) \
                and name != "status":
            mine_value, theirs_value = (final.get(name), other.get(name)) if final_is_mine \
                else (other.get(name), final.get(name))
            result.conflicts.append(Conflict(key, name, before, mine_value, theirs_value))


def _present_on_one_side(result: MergeResult, key: RecordKey, a: Fields | None,
                         m: Fields | None, t: Fields | None) -> None:
    if a is None:
        # New on one side: it arrives (or stays).
        record = m if m is not None else t
        assert record is not None
        result.merged[key] = dict(record)
        if m is None:
            result.arrived.append(key)
        return
    if m is None and t is None:
        return  # deleted on both sides
    if m is None:
        assert t is not None
        if dict(t) != dict(a):  # I deleted it; they edited it: mine (deleted) stays in force
            result.conflicts.append(Conflict(key, DELETED, _whole(a), None, _whole(t)))
        return
    if dict(m) != dict(a):  # they deleted it; I edited it: mine stays
        result.conflicts.append(Conflict(key, DELETED, _whole(a), _whole(m), None))
        result.merged[key] = dict(m)
    # else: they deleted it and I had not changed it: the deletion arrives


def _fields(result: MergeResult, key: RecordKey, a: Fields, m: Fields, t: Fields) -> None:
    merged: dict[str, Any] = {}
    changed = False
    for name in _keys_of(m, t, a):
        av, mv, tv = a.get(name), m.get(name), t.get(name)
        if mv == tv or tv == av:
            value = mv
        elif mv == av:
            value, changed = tv, True
        else:
            value = mv
            result.conflicts.append(Conflict(key, name, av, mv, tv))
        if value is not None:
            merged[name] = value
    result.merged[key] = merged
    if changed:
        result.arrived.append(key)


def _keys_of(*records: Fields) -> list[str]:
    seen: dict[str, None] = {}
    for record in records:
        for name in record:
            seen.setdefault(name, None)
    return list(seen)


def _content(record: Fields) -> dict[str, Any]:
    return {k: v for k, v in record.items() if k != AMENDMENTS}


def _union(mine: Iterable[Any], theirs: Iterable[Any]) -> list[Any]:
    out = list(mine)
    for item in theirs:
        if item not in out:
            out.append(item)
    # Amendments in date order, whichever side recorded them: the same on both sides.
    return sorted(out, key=lambda x: (str(x.get("at", "")), str(x.get("author", "")),
                                      str(x.get("text", ""))) if isinstance(x, dict)
                  else ("", "", repr(x)))


def _whole(record: Fields | None) -> Any:
    return None if record is None else dict(record)
