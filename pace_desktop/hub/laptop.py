"""`sync --hub URL`: this laptop's store and the team hub brought together (SYNC.md, transport
2), child by child, with the three-way merge of sync/merge.py.

For each child the hub lets this login see, and each child of this store:
- on the hub only, never synced here: it is pulled into the store (the first sync brings the
  worker's caseload); these are read from the hub 200 at a time (records.read_free), not
  child by child, except any another session is changing at that moment;
- here only, never synced: it is sent, and the hub allocates it to this login (a worker's
  new children are theirs, in their team);
- on both: if neither side moved since the last agreement (the hub's revision, the ancestor
  kept in the store), nothing is read; otherwise the hub's copy is read under a row lock
  (two laptops syncing the same child take turns), merged against the ancestor, the merged
  child sent if it differs from the hub's, and then taken into the store with the new
  ancestor in one local transaction.
- synced before but no longer visible on the hub (allocated elsewhere, unshared, deleted):
  the laptop's copy is left as it is and reported; nothing is deleted on either side.

The merge is the case packages' own (exchange/child_merge.py), and what a sync leaves is
kept in the same sync state (store/hub_sync.py over store/sync_state.py: the hub is a peer).
Where the two sides changed a field differently, the laptop's value stays in force (here and,
once sent, on the hub) and the conflict is kept in the store's conflicts table with the hub's
value, who changed it and the ancestor's value, for a named person to resolve with
`resolve` or the Conflicts view (SYNC.md, Conflicts): nothing is lost silently, and the
resolution travels with the next sync. A sync stopped at any moment leaves each child either
as it was or merged on both sides; the next sync completes it, and a second sync with nothing
new changes nothing.

Stopping on purpose (`stop`, the app's Stop button) is asked between children, the safe point:
the child in hand is finished on both sides first, the children already read are kept, and the
sync is not recorded as finished (so "last synced" still says the last whole one); the next
sync goes through every child again and completes what was left.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass, field
from typing import Any

from pace_desktop.exchange.child_merge import MergeBroken, merge_child
from pace_desktop.exchange.problems import InterchangeError
from pace_desktop.exchange.snapshot import from_snapshot, to_snapshot
from pace_desktop.hub.connect import check_url, connect, hub_place, settings
from pace_desktop.hub.errors import HubError, HubUnreachable, explain
from pace_desktop.hub.migrate import check_version
from pace_desktop.hub.records import DETAILS, HubCopy, read_for_sync, read_free, write_child
from pace_desktop.hub.witness import Witnessed, available, compare, record, witnessed
from pace_desktop.store.hub_sync import (
    Agreed,
    HubChild,
    finish_sync,
    hub_children,
    record_sync,
    store_id,
)
from pace_desktop.store.hub_sync import last_sync as stored_last_sync
from pace_desktop.store.sync_state import StoredConflict
from pace_desktop.sync.merge import Conflict, MergeRefused

Snapshot = dict[tuple[str, str], dict[str, Any]]
Progress = Callable[[int, int], None]
Stop = Callable[[], bool]


@dataclass
class SyncReport:
    pulled: list[str] = field(default_factory=list)     # new here, from the hub
    sent_new: list[str] = field(default_factory=list)   # new on the hub, from here
    received: list[str] = field(default_factory=list)   # changed here by the hub's changes
    sent: list[str] = field(default_factory=list)       # changed on the hub by this laptop's
    conflicts: list[tuple[str, Conflict]] = field(default_factory=list)
    not_on_hub: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    # the conflicts this sync recorded in the store (not those it found again)
    recorded: list[StoredConflict] = field(default_factory=list)
    # stopped on request at a safe point: `done` of `total` children gone through
    stopped: bool = False
    done: int = 0
    total: int = 0
    # what the hub's witness shows of this store's audit log (hub/witness.py), and the
    # head it witnessed at the end of this sync
    audit_problems: list[str] = field(default_factory=list)
    witnessed: Witnessed | None = None

    def counts(self) -> dict[str, int]:
        return {"pulled": len(self.pulled), "received": len(self.received),
                "sent": len(self.sent_new) + len(self.sent), "conflicts": len(self.recorded),
                "problems": len(self.problems)}

    @property
    def changed_nothing(self) -> bool:
        return not (self.pulled or self.sent_new or self.received or self.sent)


def hub_key(url: str) -> str:
    """The hub's name in this store's bookkeeping: who, where, which database (no options,
    no password), so the same hub reached by an equivalent address is the same hub."""
    parts = settings(check_url(url))
    return (f"{parts.get('user', '')}@{parts.get('host', '')}:{parts.get('port', '')}"
            f"/{parts.get('dbname', '')}")


def sync(store: Any, url: str, progress: Progress | None = None, stop: Stop | None = None,
         password: str | None = None) -> SyncReport:
    """Sync every child; `progress(done, total)` after each one; `stop()` asked before each
    child (True: finish here, `report.stopped`). `password`: typed for this sync only, never
    kept (None: libpq finds it, PGPASSFILE)."""
    import psycopg

    key = hub_key(url)
    report = SyncReport()
    with connect(url, store_id(store), what="syncing", password=password) as conn:
        try:
            check_version(conn, hub_place(url))
            rows = conn.execute("SELECT uid, revision, ref FROM pace.children").fetchall()
            conn.commit()
        except psycopg.Error as exc:
            raise explain(exc, "reading which children you can see") from None
        agreed = hub_children(store, key)
        local = {c.id: c for c in store.children()}
        visible = {uid: revision for uid, revision, _ in rows}
        mine_by_ref = {c.ref: uid for uid, c in local.items()}
        apart: set[str] = set()
        for uid, _, ref in rows:
            if uid not in local and mine_by_ref.get(ref, uid) != uid:
                apart.add(mine_by_ref[ref])
                # The same reference made separately here and on the hub: two records, not
                # one; neither is merged into the other by guesswork.
                del visible[uid]
                report.problems.append(
                    f"{ref}: the hub has a different child record with this reference (made"
                    " separately from this laptop's); nothing was merged for it. Ask the"
                    " hub's administrator which is the child's record.")
        pulled: list[Agreed] = []
        try:
            order = [*(u for u in local if u not in apart),
                     *(u for u in visible if u not in local)]
            report.total = len(order)
            # The children to pull come last, and are read from the hub many at a time.
            pulls = order[len(order) - sum(u not in local for u in order):]
            first_pull = len(order) - len(pulls)
            ahead: dict[str, HubCopy] = {}
            for n, uid in enumerate(order):
                if stop is not None and stop():
                    report.stopped = True
                    break
                if n >= first_pull and (n - first_pull) % _PULLED_AT_ONCE == 0:
                    at = n - first_pull
                    ahead = _read_ahead(conn, pulls[at:at + _PULLED_AT_ONCE])
                _each(conn, store, key, uid, local.get(uid), agreed.get(uid),
                      visible.get(uid), report, pulled, ahead.pop(uid, None))
                if len(pulled) >= _PULLED_AT_ONCE:
                    record_sync(store, key, pulled)
                    pulled.clear()
                report.done = n + 1
                if progress is not None:
                    progress(n + 1, len(order))
        except HubError:
            record_sync(store, key, pulled)  # what was read whole before the hub went away
            raise
        # Children only read from the hub are kept together (a store operation each would be
        # most of a first sync): nothing was sent for them, so if this is lost the next sync
        # reads them again.
        record_sync(store, key, pulled)
        if not report.stopped:
            finish_sync(store, key, report.counts())
        # The hub witnesses the audit log's head, after comparing the log with what it
        # witnessed before (a store rolled back or rewritten since is told at once).
        if available(conn):
            report.audit_problems = compare(store, witnessed(conn, store_id(store)),
                                            hub_place(url)).problems
            report.witnessed = record(conn, store_id(store), store)
    return report


def last_sync(store: Any, url: str) -> tuple[str, dict[str, Any]] | None:
    """When this store last finished a sync with the hub at `url`, and what it brought."""
    return stored_last_sync(store, hub_key(url))


_PULLED_AT_ONCE = 200


def _read_ahead(conn: Any, uids: list[str]) -> dict[str, HubCopy]:
    """Children to pull, read together (records.read_free); any left out, or all of them if
    the hub refuses, are read one by one as before, each refusal reported for its child."""
    import psycopg

    try:
        with conn.transaction():
            return read_free(conn, uids)
    except psycopg.OperationalError as exc:
        raise HubUnreachable(str(explain(exc, "syncing"))) from None
    except psycopg.Error:
        return {}


def _each(conn: Any, store: Any, key: str, uid: str, mine: Any, agreed: HubChild | None,
          revision: int | None, report: SyncReport, pulled: list[Agreed],
          ready: HubCopy | None = None) -> None:
    """One child; a refusal for this child alone is reported and the sync goes on."""
    import psycopg

    try:
        _child(conn, store, key, uid, mine, agreed, revision, report, pulled, ready)
    except MergeRefused as exc:
        report.problems.append(f"{_ref(mine, uid)}: nothing merged: {exc}.")
    except MergeBroken as exc:
        report.problems.append(f"{_ref(mine, uid)}: nothing merged: it would break a rule"
                               f" ({exc}).")
    except psycopg.OperationalError as exc:
        raise HubUnreachable(str(explain(exc, "syncing"))) from None
    except psycopg.Error as exc:
        conn.rollback()
        report.problems.append(f"{_ref(mine, uid)}: {explain(exc, 'sending it')}")


def _child(conn: Any, store: Any, key: str, uid: str, mine_child: Any,
           agreed: HubChild | None, hub_revision: int | None, report: SyncReport,
           pulled: list[Agreed], ready: HubCopy | None) -> None:
    assert ready is None or mine_child is None, "only a child to pull is read ahead"
    mine = clean(to_snapshot(mine_child)) if mine_child is not None else None
    if agreed is not None and mine is not None and hub_revision == agreed.revision \
            and mine == agreed.ancestor:
        return  # neither side moved
    if hub_revision is None and agreed is not None:
        report.not_on_hub.append(_ref(mine_child, uid))
        return
    conflicts: list[Conflict] = []
    hub_who = hub_at = None
    merged_child: Any = None  # the merged child as the store will keep it, when known
    wrote = False
    hub_stamps: dict[str, Any] = {}
    # A child read ahead with others (only pulled: nothing to send, so no lock to keep) needs
    # no transaction of its own on the hub.
    with nullcontext() if ready is not None else conn.transaction():
        theirs: Snapshot | None = None
        got = ready
        if got is None and hub_revision is not None:
            got = read_for_sync(conn, uid)
        if got is not None:
            theirs, hub_stamps = got.snapshot, got.stamps
            hub_who, hub_at = got.changed_by, got.changed_at
        if theirs is None and mine is None:
            return  # gone from the hub between the list and the lock
        if mine is None:
            assert theirs is not None and got is not None
            merged_child, merged = _canonical(theirs)
        elif theirs is None:
            merged = mine
            wrote = write_child(conn, uid, merged, None)
            report.sent_new.append(mine_child.ref)
        else:
            merged, conflicts = _merged(agreed.ancestor if agreed else {}, mine, theirs)
            if merged != theirs and write_child(conn, uid, merged, theirs):
                wrote = True
                report.sent.append(mine_child.ref)
        # the revision as read under the lock, unless this sync moved it on
        revision = got.revision if got is not None and not wrote else conn.execute(
            "SELECT revision FROM pace.children WHERE uid = %s", (uid,)).fetchone()[0]
    # The hub has committed; now the store, in one transaction of its own.
    if merged == mine:
        merged_child = None
    elif merged_child is None:
        merged_child = from_snapshot(merged)
    done = Agreed(uid, revision, merged, merged_child, conflicts, hub_who, hub_at, hub_stamps)
    if mine is None:
        pulled.append(done)
    else:
        report.recorded += record_sync(store, key, [done])
    ref = merged[DETAILS].get("ref", uid)
    if mine is None:
        report.pulled.append(ref)
    elif merged != mine:
        report.received.append(ref)
    report.conflicts += [(ref, c) for c in conflicts]


def _merged(ancestor: Snapshot, mine: Snapshot, theirs: Snapshot
            ) -> tuple[Snapshot, list[Conflict]]:
    """The packages' merge (any record whose merged form breaks a rule put back to mine, the
    other version kept as a conflict), in the canonical form both sides will keep."""
    result = merge_child(ancestor, mine, theirs)
    return clean(to_snapshot(result.child)), list(result.conflicts)


def clean(snapshot: Snapshot) -> Snapshot:
    """Fields with no value left out: absent and null mean the same to the interchange."""
    return {k: {f: v for f, v in fields.items() if v is not None and v != []}
            for k, fields in snapshot.items()}


def _canonical(snapshot: Snapshot) -> tuple[Any, Snapshot]:
    """The child the store will keep, and its snapshot as the store will hold it (read back
    through the interchange), so the laptop, the hub and the ancestor all keep the same
    thing; the child is read once, not again for the store."""
    try:
        child = from_snapshot(snapshot)
    except InterchangeError as exc:
        raise HubError(f"A child from the hub breaks a rule of the record: "
                       f"{'; '.join(exc.problems[:3])}") from None
    return child, clean(to_snapshot(child))


def _ref(child: Any, uid: str) -> str:
    return child.ref if child is not None else uid
