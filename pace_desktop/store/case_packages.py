"""Sending children to another laptop and receiving them back (SYNC.md, transport 1).

`send_children` writes a case package and records in the audit log what left. `receive`
merges a package's children into the store as ONE operation: every merge is worked out
first, from reads alone (so a package that must be refused changes nothing at all), then
written in one transaction with one audit entry that says what arrived, from where, each
conflict, and the sending store's audit head (seq and hash: this store witnesses it).

Which ancestor a merge uses: the store keeps, per child and per peer, the last snapshot
exchanged with it, with the peer's counter when it was made (`peer_seq`, the sender's audit
seq) and this store's own when it was exchanged (`local_seq`). A package also carries the
sender's kept snapshots for the child; the one it keeps for *this* store is used when the
sender received it after making the version this store last had from it (both counters are
the sender's own, so they compare). A package whose counter is not newer than the last one
received from the same store for a child brings nothing for that child: it is the same
package again or an older one, and everything in it already arrived.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pace_desktop.exchange.child_merge import ChildMerge, MergeBroken, merge_child
from pace_desktop.exchange.problems import InterchangeError
from pace_desktop.exchange.snapshot import DETAILS, from_snapshot, to_snapshot
from pace_desktop.store import field_stamps, package_heads, sync_state
from pace_desktop.store.changes import Changes
from pace_desktop.store.child_rewrite import insert_child, rewrite_child
from pace_desktop.store.errors import RecordNotFound
from pace_desktop.store.package_file import Package, PackageError, PackedChild, write_package
from pace_desktop.store.reads import load_children
from pace_desktop.sync import MergeRefused

if TYPE_CHECKING:
    from pace_desktop.store.case_store import CaseStore

Progress = Callable[[int, int], None]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def store_id(conn: Any) -> str:
    row = conn.execute("SELECT value FROM pace_meta WHERE key = 'store_id'").fetchone()
    return row[0] if row else ""


def user_role(conn: Any) -> str:
    row = conn.execute("SELECT value FROM pace_meta WHERE key = 'user_role'").fetchone()
    return row[0] if row else ""


# -- sending ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Sent:
    changes: Changes
    path: Path
    refs: tuple[str, ...]
    package_id: str


def send_children(store: CaseStore, refs: Sequence[str], out: Path | str, passphrase: str,
                  progress: Progress | None = None) -> Sent:
    """Write these children (whole history, with what is needed to merge back) to `out`."""
    conn = store._live()
    found = dict(conn.execute("SELECT ref, id FROM children"))
    missing = [r for r in refs if r not in found]
    if missing:
        raise RecordNotFound(f"There is no child with the reference {missing[0]} in this store.")
    if not refs:
        raise PackageError("Choose at least one child to send.")
    refs = list(dict.fromkeys(refs))
    out = Path(out)
    package_id = str(uuid.uuid4())
    with store._operation("send children", f"package {out.name}") as op:
        seq = sync_state.next_audit_seq(conn)
        head = conn.execute("SELECT hash FROM audit WHERE seq = ?", (seq - 1,)).fetchone()
        packed = []
        for n, child in enumerate(load_children(conn, [found[r] for r in refs])):
            who, at = sync_state.last_change(conn, child.ref)
            ancestors = [[peer, snap, ps, ls, when] for peer, snap, ps, ls, when
                         in sync_state.ancestors_of(conn, child.id)]
            packed.append(PackedChild(child.id, child.ref,
                                      sync_state.snapshot_json(to_snapshot(child)),
                                      json.dumps(ancestors, ensure_ascii=False), who, at,
                                      field_stamps.for_package(conn, child.id)))
            if progress:
                progress(n + 1, 2 * len(refs))
        package = Package(package_id, _now(), store_id(conn), store.user, user_role(conn),
                          seq, head[0] if head else "", tuple(packed),
                          tuple((s, h) for s, h in package_heads.sent_heads(conn)))
        write_package(out, passphrase, package,
                      (lambda i, t: progress(len(refs) + i, 2 * len(refs))) if progress
                      else None)
        op.after = {"package": package_id, "file": out.name, "children": refs,
                    "store": package.sender_store}
    assert op.result is not None
    return Sent(op.result, out, tuple(refs), package_id)


# -- receiving -------------------------------------------------------------------------------


@dataclass(slots=True)
class _Plan:
    packed: PackedChild
    uid: str  # this store's uid for the child
    child_id: int | None  # None: new to this store
    old: Any = None
    merge: ChildMerge | None = None
    new_child: Any = None


@dataclass(frozen=True, slots=True)
class Received:
    changes: Changes | None  # None: nothing new arrived (no operation was needed)
    sender_user: str
    sender_store: str
    added: tuple[str, ...]
    merged: dict[str, list[str]]  # ref -> records that arrived ("living/l2", "child")
    unchanged: tuple[str, ...]
    already: tuple[str, ...]  # the same or an older package from that store
    conflicts: tuple[sync_state.StoredConflict, ...]
    kept_mine: dict[str, list[str]] = field(default_factory=dict)
    # the sender's audit log did not extend a head seen before, or could not be shown to
    # (package_heads.py): one plain sentence; the children arrived all the same
    their_log: str | None = None


def _label(key: tuple[str, str]) -> str:
    return "child" if key == DETAILS else f"{key[0]}/{key[1]}"


def _plan(store: CaseStore, package: Package, progress: Progress | None) -> list[_Plan]:
    conn = store._live()
    me = store_id(conn)
    by_uid = {u: (i, r) for u, i, r in conn.execute("SELECT uid, id, ref FROM children")}
    by_ref = {r: (i, u) for u, (i, r) in by_uid.items()}
    plans: list[_Plan] = []
    total = len(package.children)
    known = [by_uid[pc.uid][0] if pc.uid in by_uid else by_ref[pc.ref][0]
             for pc in package.children if pc.uid in by_uid or pc.ref in by_ref]
    loaded = {c.id: c for i in range(0, len(known), 500)
              for c in load_children(conn, known[i:i + 500])}
    for n, pc in enumerate(package.children):
        theirs = sync_state.snapshot_from_json(pc.snapshot)
        try:
            if pc.uid in by_uid:
                cid, uid = by_uid[pc.uid][0], pc.uid
            elif pc.ref in by_ref:
                cid, uid = by_ref[pc.ref]
            else:
                plans.append(_Plan(pc, pc.uid, None, new_child=from_snapshot(theirs)))
                continue
            own = sync_state.ancestor(conn, uid, package.sender_store)
            if own is not None and own.peer_seq >= package.audit_seq:
                plans.append(_Plan(pc, uid, cid))  # already here: nothing to merge
                continue
            base = own.snapshot if own else {}
            for peer, snap, _ps, local_seq, _at in json.loads(pc.ancestors):
                if peer == me and (own is None or local_seq > own.peer_seq):
                    base = sync_state.snapshot_from_json(snap)
            old = loaded[uid]
            mine = to_snapshot(old)
            for snap in (theirs, base):  # the same child known by ref under two ids
                if DETAILS in snap:
                    snap[DETAILS] = {**snap[DETAILS], "id": uid}
            plans.append(_Plan(pc, uid, cid, old, merge_child(base, mine, theirs)))
        except MergeRefused as exc:
            raise PackageError(f"The package was refused: {pc.ref}, {exc}. Nothing was"
                               " received.") from None
        except (InterchangeError, MergeBroken) as exc:
            why = exc.problems[0] if isinstance(exc, InterchangeError) else str(exc)
            raise PackageError(f"The package was refused: {pc.ref} would break a rule"
                               f" ({why}). Nothing was received.") from None
        finally:
            if progress:
                progress(n + 1, 2 * total)
    return plans


def nothing_new(store: CaseStore, package: Package) -> bool:
    """Whether every child of the package already arrived from it (or from a newer one)."""
    conn = store._live()
    uids = {u for (u,) in conn.execute("SELECT uid FROM children")}
    for pc in package.children:
        if pc.uid not in uids:
            return False
        own = sync_state.ancestor(conn, pc.uid, package.sender_store)
        if own is None or own.peer_seq < package.audit_seq:
            return False
    return True


def receive(store: CaseStore, package: Package, progress: Progress | None = None) -> Received:
    """Add or merge every child of `package`, all or nothing."""
    conn = store._live()
    if package.sender_store == store_id(conn):
        raise PackageError("This package was made by this store: there is nothing to bring in.")
    # Before anything else: a log that went back makes its package look old (nothing new),
    # and that must still be said and kept, not skipped (package_heads.py).
    their_log = package_heads.compare(conn, package)
    if (their_log is None or not their_log.altered) and nothing_new(store, package):
        return Received(None, package.sender_user, package.sender_store, (), {}, (),
                        tuple(pc.ref for pc in package.children), (),
                        their_log=their_log.said if their_log else None)
    plans = _plan(store, package, progress)
    peer = package.sender_store
    added: list[str] = []
    merged: dict[str, list[str]] = {}
    unchanged: list[str] = []
    already: list[str] = []
    kept: dict[str, list[str]] = {}
    new_ids: list[int] = []
    with store._operation("receive children", f"package from {package.sender_user or peer}"
                          ) as op:
        now = _now()
        local_seq = sync_state.next_audit_seq(conn)
        total = len(plans)
        for n, p in enumerate(plans):
            pc = p.packed
            theirs_stamps = field_stamps.from_package(pc.stamps)
            if p.child_id is None:
                insert_child(conn, p.new_child, now)
                added.append(pc.ref)
                op.stamps[p.new_child.id] = field_stamps.given_from(theirs_stamps)
            elif p.merge is None:
                already.append(pc.ref)
                continue
            else:
                m = p.merge
                ref = p.old.ref
                if m.changed:
                    rewrite_child(conn, p.child_id, p.old, m.child, now)
                    merged[ref] = [_label(k) for k in m.arrived]
                else:
                    unchanged.append(ref)
                if m.kept_mine:
                    kept[ref] = [_label(k) for k in m.kept_mine]
                op.stamps[p.uid] = field_stamps.given_from(theirs_stamps)
                new_ids += sync_state.add_conflicts(conn, [
                    _conflict(conn, p.uid, ref, c, theirs_stamps, store.user,
                              (pc.changed_by or package.sender_user, pc.changed_at
                               or package.made))
                    for c in m.conflicts], peer, now)
            sync_state.keep_ancestor(conn, p.uid, peer, _theirs_json(p), package.audit_seq,
                                     local_seq, now)
            op.children.add(pc.ref if p.old is None else p.old.ref)
            if progress:
                progress(total + n + 1, 2 * total)
        found = [c for c in (sync_state.conflict(conn, i) for i in new_ids) if c is not None]
        op.after = {
            "from_store": peer, "from_user": package.sender_user,
            "from_role": package.sender_role, "package": package.package_id,
            "made": package.made,
            "their_audit_head": {"seq": package.audit_seq - 1, "hash": package.audit_head},
            "added": added, "merged": merged, "unchanged": unchanged, "already": already,
            "kept_mine": kept,
            **({package_heads.FIELD: their_log.said} if their_log and their_log.altered
               else {}),
            "conflicts": [{"id": c.id, "child": c.child, "record": f"{c.part}/{c.record}",
                           "field": c.field} for c in found]}
        op.parts.update({"children", "people", "living", "legal", "events", "meetings",
                         "nondisclosure", "conflicts"})
    return Received(op.result, package.sender_user, peer, tuple(added), merged,
                    tuple(unchanged), tuple(already), tuple(found), kept,
                    their_log.said if their_log else None)


def _conflict(conn: Any, uid: str, ref: str, c: Any, theirs: field_stamps.Stamps, user: str,
              sender: tuple[str | None, str | None]) -> sync_state.NewConflict:
    """One conflict with who changed the field on each side and when: this store's stamp for
    it, and the stamp the package carries (the sender's child-level last change for a package
    from before stamps)."""
    mine_who, mine_at = field_stamps.mine_changed(conn, uid, ref, c.key[0], c.key[1], c.field)
    found = field_stamps.lookup(theirs, c.key[0], c.key[1], c.field)
    theirs_who, theirs_at = (found[0], found[2]) if found else sender
    return sync_state.NewConflict(uid, c.key[0], c.key[1], c.field, c.ancestor, c.mine,
                                  c.theirs, mine_who or user, mine_at, theirs_who, theirs_at)


def _theirs_json(p: _Plan) -> str:
    if p.merge is None or p.packed.uid == p.uid:
        return p.packed.snapshot
    snap = sync_state.snapshot_from_json(p.packed.snapshot)
    snap[DETAILS] = {**snap[DETAILS], "id": p.uid}
    return sync_state.snapshot_json(snap)
