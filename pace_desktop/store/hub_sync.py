"""The laptop's side of the team hub (SYNC.md, transport 2): what this store last agreed with
each hub about each child (the hub's revision and the child as both sides then had it, the
common ancestor of the next merge), and the one operation that brings a merged child in.

A merged child replaces the store's copy of that child whole (details and every list), with
the bookkeeping, in one transaction and one audit entry ("sync from hub"): a sync killed at
any moment leaves the child as it was, or merged and recorded, never half.

The conflicts a sync leaves are kept here beside the ancestor until the package issue's
conflicts table (with `conflicts`/`resolve`) is on main; then they move there.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from pace_desktop.domain import Child
from pace_desktop.store import rows
from pace_desktop.store.inserts import BulkWriter, child_search_values
from pace_desktop.store.reads import refresh_now_columns

Snapshot = dict[tuple[str, str], dict[str, Any]]


@dataclass(frozen=True)
class HubChild:
    """What this store and a hub last agreed about one child."""

    revision: int
    ancestor: Snapshot
    conflicts: list[dict[str, Any]] = field(default_factory=list)


def store_id(store: Any) -> str:
    return store.meta().get("store_id", "")


def hub_children(store: Any, hub: str) -> dict[str, HubChild]:
    return {uid: HubChild(revision, _snapshot(ancestor), json.loads(conflicts))
            for uid, revision, ancestor, conflicts in store._live().execute(
                "SELECT child_uid, revision, ancestor, conflicts FROM hub_sync WHERE hub = ?",
                (hub,))}


def unresolved(store: Any) -> list[tuple[str, str, dict[str, Any]]]:
    """Every conflict left by a sync: (hub, child uid, conflict)."""
    return [(hub, uid, c) for hub, uid, conflicts in store._live().execute(
                "SELECT hub, child_uid, conflicts FROM hub_sync WHERE conflicts <> '[]'"
                " ORDER BY hub, child_uid")
            for c in json.loads(conflicts)]


@dataclass(frozen=True)
class Agreed:
    """One child as a sync leaves it: `merged` is the child to keep here (None when the
    store's copy already is it), `ancestor` what this store and the hub now both hold."""

    uid: str
    revision: int
    ancestor: Snapshot
    conflicts: list[dict[str, Any]]
    merged: Child | None


def record_sync(store: Any, hub: str, agreed: list[Agreed]) -> None:
    """One operation: the merged children and what this store and the hub now agree on."""
    if not agreed:
        return
    conn = store._live()
    names = [a.merged.ref for a in agreed if a.merged is not None]
    target = names[0] if len(names) == 1 else f"{len(agreed)} children"
    with store._operation("sync from hub", target) as op:
        for a in agreed:
            if a.merged is not None:
                row = conn.execute("SELECT id FROM children WHERE uid = ?", (a.uid,)).fetchone()
                if row is None:
                    _add(conn, a.merged)
                else:
                    _replace(conn, row[0], a.merged)
                op.children.add(a.merged.ref)
            conn.execute(
                "INSERT INTO hub_sync (hub, child_uid, revision, ancestor, conflicts, synced)"
                " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (hub, child_uid) DO UPDATE SET"
                " revision = excluded.revision, ancestor = excluded.ancestor,"
                " conflicts = excluded.conflicts, synced = excluded.synced",
                (hub, a.uid, a.revision, _json(a.ancestor),
                 json.dumps(a.conflicts, ensure_ascii=False), _now()))
        if names:
            op.parts.update({"children", "people", "living", "legal", "events", "meetings",
                             "nondisclosure"})
        op.after = {"hub": hub, "children": len(agreed), "changed": names,
                    "conflicts": sum(len(a.conflicts) for a in agreed)}


def _add(conn: Any, child: Child) -> None:
    from pace_desktop.store.inserts import next_ids, with_ids

    child = with_ids(child)
    now = _now()
    cid = next_ids(conn, "children")
    conn.execute(
        f"INSERT INTO children (id, uid, {', '.join(rows.CHILD_COLUMNS)}, created, updated,"
        f" version) VALUES ({rows.placeholders(5 + len(rows.CHILD_COLUMNS))})",
        (cid, child.id, *rows.child_values(child), now, now, 1))
    conn.execute("INSERT INTO child_search (rowid, name, ref) VALUES (?, ?, ?)",
                 child_search_values(cid, child))
    writer = BulkWriter(conn, now)
    writer.add_lists(cid, child)
    writer.flush()
    refresh_now_columns(conn, str(cid))


def _replace(conn: Any, cid: int, child: Child) -> None:
    now = _now()
    conn.execute(
        f"UPDATE children SET ({', '.join(rows.CHILD_COLUMNS)}) ="
        f" ({rows.placeholders(len(rows.CHILD_COLUMNS))}), updated = ?,"
        " version = version + 1 WHERE id = ?", (*rows.child_values(child), now, cid))
    conn.execute("DELETE FROM child_search WHERE rowid = ?", (cid,))
    conn.execute("INSERT INTO child_search (rowid, name, ref) VALUES (?, ?, ?)",
                 child_search_values(cid, child))
    events = list(conn.execute("SELECT id, date FROM events WHERE child_id = ?", (cid,)))
    conn.executemany("DELETE FROM event_search WHERE rowid = ?",
                     [(rows.event_search_rowid(eid, rows.day(d)),) for eid, d in events])
    conn.executemany("DELETE FROM amendments WHERE record = 'event' AND record_id = ?",
                     [(eid,) for eid, _ in events])
    meetings = [(mid,) for (mid,) in conn.execute("SELECT id FROM meetings WHERE child_id = ?",
                                                  (cid,))]
    for table in ("attendees", "decisions", "actions"):
        conn.executemany(f"DELETE FROM {table} WHERE meeting_id = ?", meetings)
    conn.executemany("DELETE FROM amendments WHERE record = 'meeting' AND record_id = ?",
                     meetings)
    for table in ("people", "living", "legal", "events", "meetings", "nondisclosure"):
        conn.execute(f"DELETE FROM {table} WHERE child_id = ?", (cid,))
    writer = BulkWriter(conn, now)
    writer.add_lists(cid, child)
    writer.flush()
    refresh_now_columns(conn, str(cid))


def _json(snapshot: Snapshot) -> str:
    return json.dumps([[part, rid, fields] for (part, rid), fields in snapshot.items()],
                      ensure_ascii=False)


def _snapshot(text: str) -> Snapshot:
    return {(part, rid): fields for part, rid, fields in json.loads(text)}


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")
