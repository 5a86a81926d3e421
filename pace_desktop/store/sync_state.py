"""What the store remembers to bring records together (SYNC.md), whatever the transport.

A *peer* is any place a child's records are exchanged with: another laptop's store id (case
packages), ``import:SOURCE`` (`import --update`), or a hub's address. For each child and peer
the store keeps the last snapshot exchanged with it: the common ancestor of the next merge.
Conflicts are kept until a named person resolves them; the same conflict found twice (the same
package received again) is one row.

Functions take the open connection and run inside the caller's transaction.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

Snapshot = dict[tuple[str, str], dict[str, Any]]


def snapshot_json(snapshot: Mapping[tuple[str, str], Mapping[str, Any]]) -> str:
    """A snapshot as canonical JSON: a list of [part, id, fields], in the snapshot's order."""
    return json.dumps([[k[0], k[1], dict(v)] for k, v in snapshot.items()],
                      ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


def snapshot_from_json(text: str) -> Snapshot:
    return {(part, rid): fields for part, rid, fields in json.loads(text)}


@dataclass(frozen=True, slots=True)
class Ancestor:
    child_uid: str
    peer: str
    snapshot: Snapshot
    peer_seq: int
    local_seq: int
    at: str


def ancestor(conn: Any, child_uid: str, peer: str) -> Ancestor | None:
    row = conn.execute("SELECT snapshot, peer_seq, local_seq, at FROM sync_ancestors"
                       " WHERE child_uid = ? AND peer = ?", (child_uid, peer)).fetchone()
    if row is None:
        return None
    return Ancestor(child_uid, peer, snapshot_from_json(row[0]), row[1], row[2], row[3])


def ancestors_of(conn: Any, child_uid: str) -> list[tuple[str, str, int, int, str]]:
    """Every (peer, snapshot JSON, peer_seq, local_seq, at) kept for one child."""
    return list(conn.execute("SELECT peer, snapshot, peer_seq, local_seq, at FROM sync_ancestors"
                             " WHERE child_uid = ? ORDER BY peer", (child_uid,)))


def keep_ancestor(conn: Any, child_uid: str, peer: str, snapshot_text: str, peer_seq: int,
                  local_seq: int, at: str) -> None:
    conn.execute(
        "INSERT INTO sync_ancestors (child_uid, peer, snapshot, peer_seq, local_seq, at)"
        " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (child_uid, peer) DO UPDATE SET"
        " snapshot = excluded.snapshot, peer_seq = excluded.peer_seq,"
        " local_seq = excluded.local_seq, at = excluded.at",
        (child_uid, peer, snapshot_text, peer_seq, local_seq, at))


def next_audit_seq(conn: Any) -> int:
    """The seq the audit entry of the operation now open will take."""
    return conn.execute("SELECT coalesce(max(seq), 0) + 1 FROM audit").fetchone()[0]


# -- conflicts ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StoredConflict:
    """One conflict: each side's value with who changed it and when, and the ancestor's."""

    id: int
    child_uid: str
    child: str  # the child's ref
    part: str
    record: str
    field: str
    ancestor: Any
    mine: Any
    theirs: Any
    mine_who: str | None
    mine_at: str | None
    theirs_who: str | None
    theirs_at: str | None
    peer: str
    found: str
    resolved: str | None = None
    resolved_by: str | None = None
    resolution: Any = None

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "child": self.child, "record": f"{self.part}/{self.record}"
                if self.record else self.part, "part": self.part, "record_id": self.record,
                "field": self.field, "mine": self.mine, "theirs": self.theirs,
                "ancestor": self.ancestor,
                "mine_changed_by": self.mine_who, "mine_changed_at": self.mine_at,
                "theirs_changed_by": self.theirs_who, "theirs_changed_at": self.theirs_at,
                "from": self.peer, "found": self.found, "resolved": self.resolved,
                "resolved_by": self.resolved_by}


@dataclass(frozen=True, slots=True)
class NewConflict:
    child_uid: str
    part: str
    record: str
    field: str
    ancestor: Any
    mine: Any
    theirs: Any
    mine_who: str | None
    mine_at: str | None
    theirs_who: str | None
    theirs_at: str | None


def _j(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True,
                                                   default=str)


def _unj(text: str | None) -> Any:
    return None if text is None else json.loads(text)


def add_conflicts(conn: Any, found: Iterable[NewConflict], peer: str, at: str) -> list[int]:
    """Record conflicts; one already recorded (same record, field and both values) is not
    recorded again. Returns the ids of those newly recorded."""
    ids: list[int] = []
    for c in found:
        cur = conn.execute(
            "INSERT OR IGNORE INTO conflicts (child_uid, part, record, field, ancestor, mine,"
            " theirs, mine_who, mine_at, theirs_who, theirs_at, peer, found)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (c.child_uid, c.part, c.record, c.field, _j(c.ancestor), _j(c.mine), _j(c.theirs),
             c.mine_who, c.mine_at, c.theirs_who, c.theirs_at, peer, at))
        if cur.rowcount:
            ids.append(cur.lastrowid)
    return ids


_SELECT = ("SELECT k.id, k.child_uid, c.ref, k.part, k.record, k.field, k.ancestor, k.mine,"
           " k.theirs, k.mine_who, k.mine_at, k.theirs_who, k.theirs_at, k.peer, k.found,"
           " k.resolved, k.resolved_by, k.resolution"
           " FROM conflicts k JOIN children c ON c.uid = k.child_uid")


def _row(r: tuple[Any, ...]) -> StoredConflict:
    return StoredConflict(r[0], r[1], r[2], r[3], r[4], r[5], _unj(r[6]), _unj(r[7]),
                          _unj(r[8]), r[9], r[10], r[11], r[12], r[13], r[14], r[15], r[16],
                          _unj(r[17]))


def conflicts(conn: Any, child_ref: str | None = None, resolved: bool = False
              ) -> list[StoredConflict]:
    """Open conflicts (or, with `resolved`, every one), oldest first."""
    where = [] if resolved else ["k.resolved IS NULL"]
    args: tuple[Any, ...] = ()
    if child_ref is not None:
        where.append("c.ref = ?")
        args = (child_ref,)
    sql = _SELECT + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY k.id"
    return [_row(r) for r in conn.execute(sql, args)]


def conflict(conn: Any, conflict_id: int) -> StoredConflict | None:
    row = conn.execute(_SELECT + " WHERE k.id = ?", (conflict_id,)).fetchone()
    return _row(row) if row else None


def mark_resolved(conn: Any, conflict_id: int, at: str, by: str, value: Any) -> None:
    conn.execute("UPDATE conflicts SET resolved = ?, resolved_by = ?, resolution = ?"
                 " WHERE id = ?", (at, by, _j({"value": value}), conflict_id))


def refs_with_conflicts(conn: Any) -> set[str]:
    """The children with an unresolved conflict (the caseload's marker)."""
    return {r[0] for r in conn.execute(
        "SELECT DISTINCT c.ref FROM conflicts k JOIN children c ON c.uid = k.child_uid"
        " WHERE k.resolved IS NULL")}


def last_change(conn: Any, ref: str) -> tuple[str | None, str | None]:
    """Who last changed this child's records, and when (from the audit log)."""
    row = conn.execute("SELECT who, at FROM audit WHERE target = ? ORDER BY seq DESC LIMIT 1",
                       (ref,)).fetchone()
    return (row[0], row[1]) if row else (None, None)
