"""What every store operation stands on: the open connection and its key, the audit chain,
the operation frame (one transaction, one audit entry, one `OpChanges`), and the guard that
turns a driver's error into a plain one.

`CaseStore` (case_store.py) is this frame with the operations of the other modules mixed
in; a new group of operations is a new `StoreFrame` subclass in its own module, added to
`CaseStore`'s bases in one line.
"""

from __future__ import annotations

import functools
import inspect
import json
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, fields, is_dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Self

from pace_desktop.domain import bounds
from pace_desktop.store import audit, backup, connection, field_stamps, witness
from pace_desktop.store.changes import OpChanges
from pace_desktop.store.connection import DatabaseError, plain_error, rollback
from pace_desktop.store.errors import (
    DamagedStore,
    RecordNotFound,
    RuleBroken,
    StoreClosed,
    StoreError,
)
from pace_desktop.store.reads import child_ids, load_children

CHUNK = 500  # children per read when streaming a whole caseload: bounded memory


def guarded[**P, R](method: Callable[P, R]) -> Callable[P, R]:
    """A page that cannot be decrypted surfaces as DamagedStore, a full disk or read-only
    place as its own plain error: never a driver error. Generators (streamed reads) are
    guarded while they are consumed, not only when they are made."""

    def explain(store: Any, exc: Any) -> StoreError:
        assert isinstance(store, StoreFrame)
        place = plain_error(store.path, exc)
        if place is not None:
            return place
        name = getattr(exc, "sqlite_errorname", "")
        if name in ("SQLITE_CORRUPT", "SQLITE_NOTADB") or "malformed" in str(exc):
            return DamagedStore(str(store.path), str(exc), _latest(store.path))
        return StoreError(f"The store could not do that: {exc}.")

    if inspect.isgeneratorfunction(method):
        @functools.wraps(method)
        def streamed(*args: P.args, **kwargs: P.kwargs) -> Any:
            try:
                yield from method(*args, **kwargs)  # type: ignore[misc]
            except DatabaseError as exc:
                raise explain(args[0], exc) from None

        return streamed  # type: ignore[return-value]

    @functools.wraps(method)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return method(*args, **kwargs)
        except DatabaseError as exc:
            raise explain(args[0], exc) from None

    return wrapper


def _latest(path: Path) -> str | None:
    found = backup.backups_of(path)
    return str(found[-1]) if found else None


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def jsonable(value: Any) -> Any:
    return json.loads(json.dumps(_plain(value), default=str))


def _plain(value: Any) -> Any:
    """What `dataclasses.asdict` gives, without its deep copies (5x faster on a child with
    thousands of entries; the seals of a 1,000-child merge spent most of their time there).
    The JSON of both is the same, so every seal already written still matches."""
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def child_label(ref: str) -> str:
    """A child named in a message by their reference (cut short if it is itself too long)."""
    return f"child {ref}" if len(ref) <= bounds.MAX_NAME else f"child {ref[:40]}…"


def next_position(conn: Any, table: str, child_id: int) -> int:
    return conn.execute(f"SELECT coalesce(max(position) + 1, 0) FROM {table} WHERE child_id = ?",
                        (child_id,)).fetchone()[0]


@dataclass(slots=True)
class Op:
    before: Any = None
    after: Any = None
    children: set[str] = field(default_factory=set)
    parts: set[str] = field(default_factory=set)
    records: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    result: OpChanges | None = None
    # child uid -> where the values this operation brought came from (field_stamps.Given):
    # a package's or hub's stamps, so their fields keep the other side's author
    stamps: dict[str, Any] = field(default_factory=dict)


class StoreFrame:
    """An unlocked store's connection and key. Use `CaseStore.create` or `CaseStore.open`;
    `close` drops the key."""

    def __init__(self, path: Path, conn: Any, user: str) -> None:
        self.path = path
        self._conn: Any = conn
        self.user = user
        # Rolling backups: writes since the last automatic one, and when that was made.
        self.changes_since_backup = 0
        self._backed_up_at = time.monotonic()
        # The audit chain's key, from the file's salt: kept in memory, never in a table.
        self._salt = bytes.fromhex(conn.execute("PRAGMA cipher_salt").fetchone()[0])
        self._key: bytes | None = audit.chain_key(self._salt)
        # The file's raw SQLCipher key, when the store was opened here (not made): backups
        # read through a connection of their own with it (backup.py), so the one connection
        # the app's operations use is never held by a backup. Dropped on close.
        self._raw_key: bytes | None = None
        self.notes: list[str] = []  # what the last `check` could not prove, in plain words
        self._signing_store: str | None = None  # this store's id, once its log can hold it
        self._stamping = False  # whether the store keeps field stamps (migration 10 on)
        # Told of every operation once it is committed (the app's store worker sends each on
        # to the views as one typed signal); never told of a failed one.
        self.on_change: Callable[[OpChanges], None] | None = None

    def _audit_key(self) -> bytes:
        if self._key is None:
            raise StoreClosed()
        return self._key

    def _audit_store(self, conn: Any) -> str | None:
        """The store id every new audit entry names (None for a log that cannot yet hold it:
        only while an older store is being brought up to this version)."""
        if self._signing_store is None and audit.has_store_column(conn):
            row = conn.execute("SELECT value FROM pace_meta WHERE key = 'store_id'").fetchone()
            self._signing_store = row[0] if row else None
        return self._signing_store

    def _append_audit(self, conn: Any, at: str, operation: str, target: str, before: Any,
                      after: Any) -> tuple[int, str]:
        """One sealed entry, signed with this store's user and id, in the open transaction."""
        return audit.append(conn, self._audit_key(), at, self.user, operation, target, before,
                            after, self._audit_store(conn))

    def _seals(self, conn: Any, refs: Sequence[str] | None,
               stamp: tuple[str, Op] | None = None) -> dict[str, str]:
        """Keyed digests of these children's whole records (all children for None); with
        `stamp` (the operation's time and itself), each child's changed fields restamped and
        the whole child held to the bounds (domain.bounds): whatever wrote it, an over-long
        text or an out-of-range date is refused here, before the commit, so nothing is
        written (RuleBroken, naming the child, the record and the field)."""
        key = self._audit_key()
        found = child_ids(conn, list(refs) if refs is not None else None)
        seals: dict[str, str] = {}
        if stamp is not None and not self._stamping:
            self._stamping = field_stamps.has_table(conn)
        by = (self.user, self._audit_store(conn), stamp[0]) if stamp else None
        for i in range(0, len(found), CHUNK):
            chunk = found[i:i + CHUNK]
            for (cid, _), c in zip(chunk, load_children(conn, [cid for cid, _ in chunk]),
                                   strict=True):
                if stamp is not None and not bounds.within(c) and \
                        (problem := bounds.refused(child_label(c.ref), c, self._had(cid))):
                    raise RuleBroken(problem)
                seals[c.ref] = audit.content_seal(key, jsonable(c))
                if stamp is not None and by is not None and self._stamping:
                    field_stamps.restamp(conn, c, by, stamp[1].stamps.get(c.id))
        return seals

    def _had(self, cid: int) -> frozenset[tuple[Any, ...]]:
        """The bounds' problems child `cid` had before this operation (a value from before
        the bounds, or put in with plain SQL), read as last committed through a connection of
        its own (the file is in WAL mode): an operation is refused only for what it brought,
        so such a value never locks its child (a final entry cannot be edited to put it
        right). Asked only when the child is out of bounds. A store made in this session has
        no raw key here, and needs none: everything in it came through the bounds."""
        if self._raw_key is None:
            return frozenset()
        try:
            reader = connection.open_raw(self.path, self._raw_key)
        except DatabaseError:
            return frozenset()
        try:
            return frozenset(bounds.problem_key(c, path) for c in load_children(reader, [cid])
                             for path, _ in bounds.problems(c))
        except DatabaseError:
            return frozenset()
        finally:
            reader.close()

    def _witness(self, seq: int, head: str) -> None:
        # Best effort after the commit: a full disk here must not undo a saved change; `check`
        # then says plainly which entries came after the last witness.
        try:
            witness.write(self.path, self._audit_key(), seq, head)
        except OSError:
            pass

    @property
    def is_open(self) -> bool:
        return self._conn is not None

    def close(self) -> None:
        """Close the file and drop the key: nothing of the store stays in this object."""
        if self._conn is not None:
            try:
                self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            except DatabaseError:
                pass
            self._conn.close()
            self._conn = None
        self._key = None
        self._raw_key = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _live(self) -> Any:
        if self._conn is None:
            raise StoreClosed()
        return self._conn

    @property
    def owner(self) -> str:
        """The name given when the store was created ('' if none was)."""
        return self.meta().get("owner", "")

    @guarded
    def meta(self) -> dict[str, str]:
        return dict(self._live().execute("SELECT key, value FROM pace_meta"))

    def _child_id(self, ref: str) -> int:
        row = self._live().execute("SELECT id FROM children WHERE ref = ?", (ref,)).fetchone()
        if row is None:
            raise RecordNotFound(f"There is no child with the reference {ref} in this store.")
        return row[0]

    def _item(self, table: str, cid: int, uid: str) -> Any:
        child = next(load_children(self._live(), [cid]))
        return next(x for x in getattr(child, table) if x.id == uid)

    def _delete_draft_meeting(self, child_id: int, uid: str) -> int:
        conn = self._live()
        mid = conn.execute("SELECT id FROM meetings WHERE child_id = ? AND uid = ?",
                           (child_id, uid)).fetchone()[0]
        for table in ("attendees", "decisions", "actions"):
            conn.execute(f"DELETE FROM {table} WHERE meeting_id = ?", (mid,))
        conn.execute("DELETE FROM meetings WHERE id = ?", (mid,))
        return mid

    # -- the operation frame -----------------------------------------------------------------

    @contextmanager
    def _operation(self, name: str, target: str) -> Iterator[Op]:
        conn = self._live()
        op = Op()
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield op
            after = op.after
            now = utc_now()
            if op.children:
                # Each record's content as this entry saw it: a record changed behind the log's
                # back (plain SQL) no longer matches its last entry's seal.
                after = {**(op.after if isinstance(op.after, dict) else {"value": op.after}),
                         "sealed": self._seals(conn, sorted(op.children), (now, op))}
            seq, head = self._append_audit(conn, now, name, target, op.before, after)
            conn.execute("COMMIT")
        except BaseException:
            rollback(conn)
            raise
        self.changes_since_backup += 1
        self._witness(seq, head)
        op.result = OpChanges(name, frozenset(op.children), frozenset(op.parts), seq,
                              tuple(op.records), tuple(op.added), tuple(op.updated))
        if self.on_change is not None:
            self.on_change(op.result)
