"""The laptop's side of the team hub (SYNC.md, transport 2), kept in the same sync state as
case packages (store/sync_state.py): the hub is a *peer* named by `hub_key(url)`; for each
child its ancestor (the child as this store and the hub last agreed) is a `sync_ancestors`
row whose `peer_seq` is the hub's revision of the child; the conflicts a sync finds go in the
`conflicts` table, so `conflicts`, `resolve` and the app's Conflicts view show them, and a
resolution is an ordinary change that the next sync sends.

`record_sync` brings merged children in through `child_rewrite`, with their ancestors and
conflicts, in ONE transaction with one audit entry ("sync from hub") that records the merge:
which hub, each child's revision there, which children changed here and each conflict found.
A sync killed at any moment leaves each child as it was, or merged and recorded, never half.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from pace_desktop.domain import Child
from pace_desktop.store import field_stamps, sync_state
from pace_desktop.store.child_rewrite import insert_child, rewrite_child
from pace_desktop.store.reads import load_children
from pace_desktop.sync.merge import Conflict

Snapshot = dict[tuple[str, str], dict[str, Any]]


@dataclass(frozen=True)
class HubChild:
    """What this store and a hub last agreed about one child."""

    revision: int
    ancestor: Snapshot


def store_id(store: Any) -> str:
    return store.meta().get("store_id", "")


def hub_children(store: Any, hub: str) -> dict[str, HubChild]:
    return {uid: HubChild(revision, sync_state.snapshot_from_json(snapshot))
            for uid, snapshot, revision in store._live().execute(
                "SELECT child_uid, snapshot, peer_seq FROM sync_ancestors WHERE peer = ?",
                (hub,))}


@dataclass(frozen=True)
class Agreed:
    """One child as a sync leaves it: `merged` is the child to keep here (None when the
    store's copy already is it), `ancestor` what this store and the hub now both hold, and
    the conflicts this sync found, with who last changed the child on the hub and when."""

    uid: str
    revision: int
    ancestor: Snapshot
    merged: Child | None
    conflicts: list[Conflict] = field(default_factory=list)
    hub_who: str | None = None
    hub_at: str | None = None
    # who changed each field on the hub, where and when (field_stamps.Stamps shape)
    hub_stamps: field_stamps.Stamps = field(default_factory=dict)


def record_sync(store: Any, hub: str, agreed: list[Agreed]) -> list[sync_state.StoredConflict]:
    """One operation: the merged children, what this store and the hub now agree on, and the
    conflicts found (those not already recorded). Returns the conflicts newly recorded."""
    if not agreed:
        return []
    conn = store._live()
    by_uid = dict(conn.execute("SELECT uid, id FROM children"))
    names = [a.merged.ref for a in agreed if a.merged is not None]
    refs = [a.merged.ref if a.merged is not None else
            str(a.ancestor.get(("child", ""), {}).get("ref", a.uid)) for a in agreed]
    target = refs[0] if len(refs) == 1 else f"{len(refs)} children"
    new_ids: list[int] = []
    with store._operation("sync from hub", target) as op:
        now = _now()
        local_seq = sync_state.next_audit_seq(conn)
        revisions: dict[str, int] = {}
        for a, ref in zip(agreed, refs, strict=True):
            if a.merged is not None:
                # what arrived keeps who changed it on the hub
                op.stamps[a.uid] = field_stamps.given_from(a.hub_stamps)
                cid = by_uid.get(a.uid)
                if cid is None:
                    by_uid[a.uid] = insert_child(conn, a.merged, now)
                else:
                    (old,) = load_children(conn, [cid])
                    rewrite_child(conn, cid, old, a.merged, now)
                op.children.add(a.merged.ref)
            sync_state.keep_ancestor(conn, a.uid, hub, sync_state.snapshot_json(a.ancestor),
                                     a.revision, local_seq, now)
            revisions[ref] = a.revision
            if a.conflicts:
                new_ids += sync_state.add_conflicts(conn, [
                    _conflict(conn, a, ref, c, store.user) for c in a.conflicts], hub, now)
                op.children.add(ref)
        found = [c for c in (sync_state.conflict(conn, i) for i in new_ids) if c is not None]
        op.parts.update({"conflicts"} if found else set())
        if names:
            op.parts.update({"children", "people", "living", "legal", "events", "meetings",
                             "nondisclosure"})
        op.after = {"hub": hub, "revisions": revisions, "changed": names,
                    "conflicts": [{"id": c.id, "child": c.child,
                                   "record": f"{c.part}/{c.record}", "field": c.field}
                                  for c in found]}
    return found


def _conflict(conn: Any, a: Agreed, ref: str, c: Conflict, user: str
              ) -> sync_state.NewConflict:
    """Who changed the field on each side and when: this store's stamp for it; the hub's
    for that field where the hub keeps one (`hub_stamps`), else who last changed the child
    there."""
    mine_who, mine_at = field_stamps.mine_changed(conn, a.uid, ref, c.key[0], c.key[1],
                                                  c.field)
    found = field_stamps.lookup(a.hub_stamps, c.key[0], c.key[1], c.field)
    theirs_who, theirs_at = (found[0], found[2]) if found else (a.hub_who, a.hub_at)
    return sync_state.NewConflict(a.uid, c.key[0], c.key[1], c.field, c.ancestor, c.mine,
                                  c.theirs, mine_who or user, mine_at, theirs_who, theirs_at)


def finish_sync(store: Any, hub: str, brought: dict[str, int]) -> None:
    """One operation at the end of a whole sync: that this laptop and the hub met, when, and
    what it brought (counts only). The audit log then says when the laptop last synced even
    when nothing was new, and the app shows it from the moment the store is unlocked."""
    with store._operation("sync with hub", hub) as op:
        op.after = {"hub": hub, **brought}


def last_sync(store: Any, hub: str) -> tuple[str, dict[str, Any]] | None:
    """When this store last finished a sync with `hub` (UTC ISO time) and what it brought."""
    import json

    row = store._live().execute(
        "SELECT at, after FROM audit WHERE target = ? AND operation = 'sync with hub'"
        " ORDER BY seq DESC LIMIT 1", (hub,)).fetchone()
    return (row[0], json.loads(row[1] or "{}")) if row else None


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")
