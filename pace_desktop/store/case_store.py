"""The encrypted case store: one SQLCipher file, and every way to read and change it.

Every write is an *operation*: one transaction, one entry in the hash-chained audit log,
and a frozen `Changes` value for the views. Finalised meetings and chronology entries are
never edited in place; corrections are dated amendments by a named person.
"""

from __future__ import annotations

import functools
import getpass
import inspect
import json
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from pace_desktop.domain import (
    Amendment,
    Child,
    Event,
    LegalEpisode,
    LivingEpisode,
    Meeting,
    Person,
)
from pace_desktop.domain.date_words import long_date
from pace_desktop.safe_files import cause_of
from pace_desktop.store import (
    audit,
    backup,
    finalising,
    recovery,
    rows,
    schema,
    schema_guard,
    witness,
)
from pace_desktop.store import search as fts
from pace_desktop.store.changes import Changes, ImportResult
from pace_desktop.store.connection import (
    DatabaseError,
    configure,
    create_file,
    open_keyed,
    plain_error,
    rollback,
)
from pace_desktop.store.errors import (
    DamagedStore,
    DuplicateChild,
    NewerVersion,
    NotAPaceStore,
    RecordIsFinal,
    RecordNotFound,
    StoreClosed,
    StoreError,
    StoreExists,
    WrongPassphrase,
)
from pace_desktop.store.inserts import (
    BulkWriter,
    child_search_values,
    fresh_id,
    next_ids,
    with_ids,
)
from pace_desktop.store.passphrases import check_passphrase
from pace_desktop.store.reads import (
    CaseloadRow,
    caseload,
    child_ids,
    load_children,
    refresh_now_columns,
)
from pace_desktop.store.verifier import pending_path, promote, settle, sidecars, write_verifier

_CHUNK = 500  # children per read when streaming a whole caseload: bounded memory


class RekeyFailed(StoreError):
    """A passphrase change did not finish; the message says which passphrase opens the store."""


class ImportRefused(StoreError):
    """The import would break a rule of the store; nothing was written."""

    def __init__(self, problems: list[str]) -> None:
        n = len(problems)
        super().__init__(f"The import was refused ({n} problem{'s' * (n != 1)});"
                         " nothing was imported.")
        self.problems = problems


def _guarded[**P, R](method: Callable[P, R]) -> Callable[P, R]:
    """A page that cannot be decrypted surfaces as DamagedStore, a full disk or read-only
    place as its own plain error: never a driver error. Generators (streamed reads) are
    guarded while they are consumed, not only when they are made."""

    def explain(store: Any, exc: Any) -> StoreError:
        assert isinstance(store, CaseStore)
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


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def _summary(c: Child) -> dict[str, int]:
    return {"people": len(c.people), "living": len(c.living), "legal": len(c.legal),
            "events": len(c.events), "meetings": len(c.meetings)}


@dataclass(slots=True)
class _Op:
    before: Any = None
    after: Any = None
    children: set[str] = field(default_factory=set)
    parts: set[str] = field(default_factory=set)
    result: Changes | None = None


class CaseStore:
    """An unlocked store. Use `CaseStore.create` or `CaseStore.open`; `close` drops the key."""

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
        self.notes: list[str] = []  # what the last `check` could not prove, in plain words

    # -- lifecycle -------------------------------------------------------------------------

    @classmethod
    def create(cls, path: Path | str, passphrase: str, owner: str,
               user: str | None = None, recovery_public: bytes | None = None) -> CaseStore:
        """A new, empty store. With `recovery_public` (the authority's public key, PEM), its
        raw key is sealed to the authority beside it, so a lost passphrase loses nothing."""
        path = Path(path)
        check_passphrase(passphrase)
        public = recovery.load_public(recovery_public) if recovery_public else None
        if path.exists():
            raise StoreExists(str(path))
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = None
        try:
            conn = create_file(path, passphrase)
            conn.execute("BEGIN IMMEDIATE")
            for n, sql in enumerate(schema.MIGRATIONS, 1):
                _run_script(conn, sql)
                conn.execute(f"PRAGMA user_version = {n}")
            now = _now()
            conn.executemany("INSERT INTO pace_meta VALUES (?, ?)", [
                ("app", schema.APP_ID), ("owner", owner), ("created", now)])
            if recovery_public:
                conn.execute("INSERT INTO pace_meta VALUES ('recovery_public_key', ?)",
                             (recovery_public.decode("ascii"),))
            store = cls(path, conn, user or owner)
            seq, head = audit.append(conn, store._audit_key(), now, store.user, "create store",
                                     "store", None, {"owner": owner})
            conn.execute("COMMIT")
            write_verifier(path, passphrase)
            witness.write(path, store._audit_key(), seq, head)
            if public is not None:
                recovery.write_seal(path, public, [recovery.raw_key(passphrase, store._salt)])
        except BaseException as exc:
            # Nothing half-made stays behind: a 0-byte or partial file would later open as
            # "not a PACE store" and block the name for good.
            if conn is not None:
                rollback(conn)
                conn.close()
            for leftover in (path, *sidecars(path)):
                leftover.unlink(missing_ok=True)
            if isinstance(exc, DatabaseError):
                raise (plain_error(path, exc, "the new store")
                       or StoreError(f"The store {path} could not be created: {exc}.")) from None
            if isinstance(exc, OSError):
                raise StoreError(f"The store {path} could not be created: {cause_of(exc)};"
                                 " nothing was left behind.") from None
            raise
        return store

    @classmethod
    def open(cls, path: Path | str, passphrase: str, user: str | None = None,
             _raw: bool = False) -> CaseStore:
        path = Path(path)
        conn = open_keyed(path, passphrase)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            has_meta = conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'pace_meta'"
            ).fetchone()
            app = conn.execute("SELECT value FROM pace_meta WHERE key = 'app'").fetchone() \
                if has_meta else None
        except DatabaseError as exc:
            conn.close()
            raise DamagedStore(str(path), str(exc)) from None
        if not app or app[0] != schema.APP_ID:
            conn.close()
            raise NotAPaceStore(str(path), "it holds no PACE case records")
        if version > schema.LATEST:
            conn.close()
            raise NewerVersion(version, schema.LATEST)
        configure(conn)
        # The person named when the store was made signs its work unless someone else is
        # named in Settings; the login name ("root", "jsmith01") only when neither is known.
        owner = conn.execute("SELECT value FROM pace_meta WHERE key = 'owner'").fetchone()
        store = cls(path, conn, user or (owner[0] if owner and owner[0] else "")
                    or getpass.getuser())
        if version < schema.LATEST:
            store._migrate(version)
        # A raw key (recovery) says nothing about which key-check file is right: leave them.
        finished = None if _raw else settle(path, passphrase)
        if finished is not None:
            store._record_rekey(finished, interrupted=True)
        try:
            store._seal_legacy_log()
        except DatabaseError as exc:
            store.close()
            raise (plain_error(path, exc) or DamagedStore(str(path), str(exc))) from None
        return store

    def _migrate(self, version: int) -> None:
        self.backup(backup.next_backup_path(self.path, f"before-v{schema.LATEST}"))
        conn = self._live()
        conn.execute("BEGIN IMMEDIATE")
        try:
            for n in range(version + 1, schema.LATEST + 1):
                _run_script(conn, schema.MIGRATIONS[n - 1])
                conn.execute(f"PRAGMA user_version = {n}")
            # Re-sealed: what a record holds may change with the version.
            seq, head = audit.append(
                conn, self._audit_key(), _now(), self.user, "upgrade store", "store",
                {"version": version},
                {"version": schema.LATEST, "sealed": self._seals(conn, None)})
            conn.execute("COMMIT")
        except BaseException:
            rollback(conn)
            raise
        self._witness(seq, head)

    def _seal_legacy_log(self) -> None:
        """A store made before the keyed chain: its plain entries are accepted up to here,
        and this first sealed entry (the marker) seals every child's record as it stands."""
        conn = self._live()
        sealed = conn.execute("SELECT 1 FROM audit WHERE hash LIKE ? LIMIT 1",
                              (audit.SEALED + "%",)).fetchone()
        # Only a store that never had a sealed entry nor a witness is an older version's: a
        # plain log beside a witness was rewritten, and must be left for `check` to show.
        if sealed is not None or witness.witness_path(self.path).exists():
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            seq, head = audit.append(conn, self._audit_key(), _now(), self.user,
                                     "seal audit log", "store", None,
                                     {"sealed": self._seals(conn, None)})
            conn.execute("COMMIT")
        except BaseException:
            rollback(conn)
            raise
        self._witness(seq, head)

    def _audit_key(self) -> bytes:
        if self._key is None:
            raise StoreClosed()
        return self._key

    def _seals(self, conn: Any, refs: Sequence[str] | None) -> dict[str, str]:
        """Keyed digests of these children's whole records (all children for None)."""
        key = self._audit_key()
        found = child_ids(conn, list(refs) if refs is not None else None)
        seals: dict[str, str] = {}
        for i in range(0, len(found), _CHUNK):
            for c in load_children(conn, [cid for cid, _ in found[i:i + _CHUNK]]):
                seals[c.ref] = audit.content_seal(key, _jsonable(c))
        return seals

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

    def __enter__(self) -> CaseStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _live(self) -> Any:
        if self._conn is None:
            raise StoreClosed()
        return self._conn

    @property
    def db(self) -> Database:
        """sqlite-utils over the keyed connection (never over a path: that would be plain)."""
        return Database(self._live())

    @property
    def owner(self) -> str:
        """The name given when the store was created ('' if none was)."""
        return self.meta().get("owner", "")

    @_guarded
    def meta(self) -> dict[str, str]:
        return dict(self._live().execute("SELECT key, value FROM pace_meta"))

    @_guarded
    def rekey(self, new_passphrase: str) -> None:
        """Change the passphrase, so that at every moment one known passphrase opens the store.

        SQLCipher re-encrypts every page in one transaction: a kill part-way leaves a file that
        opens with exactly one of the two passphrases. The new key-check is written beside the
        old one first (pending), so whichever passphrase opens the file is recognised; the
        pending file is moved into place, and the audit entry written, once the rekey is done
        (or at the next open, if a kill came first)."""
        check_passphrase(new_passphrase)
        conn = self._live()
        public = self._recovery_public()
        try:
            nonce = write_verifier(self.path, new_passphrase, pending=True)
            if public is not None:  # the seal renewed: both keys sealed until the rekey ends
                recovery.add_pending_seal(self.path, public,
                                          recovery.raw_key(new_passphrase, self._salt))
        except OSError as exc:
            raise StoreError(f"The passphrase was not changed: {cause_of(exc)}. The old"
                             " passphrase still opens the store.") from None
        try:
            conn.execute("PRAGMA rekey = " + "'" + new_passphrase.replace("'", "''") + "'")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except DatabaseError as exc:
            rollback(conn)
            raise self._failed_rekey(new_passphrase, exc, public is not None) from None
        self._record_rekey(nonce, interrupted=False)
        promote(self.path)
        if public is not None:
            recovery.keep_only(self.path, newest=True)

    def _recovery_public(self) -> Any:
        row = self._live().execute(
            "SELECT value FROM pace_meta WHERE key = 'recovery_public_key'").fetchone()
        return recovery.load_public(row[0].encode("ascii")) if row else None

    @_guarded
    def enrol_recovery(self, passphrase: str, public_pem: bytes) -> Changes:
        """Seal this store's key to the authority's public key (and renew it on every rekey).
        `passphrase` must be the one that opens the store: its raw key is what is sealed."""
        public = recovery.load_public(public_pem)
        key = recovery.raw_key(passphrase, self._salt)
        probe = open_keyed(self.path, recovery.raw_key_text(key))  # the right passphrase?
        probe.close()
        with self._operation("set up recovery key", "store") as op:
            self._live().execute(
                "INSERT INTO pace_meta VALUES ('recovery_public_key', ?) ON CONFLICT (key)"
                " DO UPDATE SET value = excluded.value", (public_pem.decode("ascii"),))
            op.after = {"recovery_key_id": recovery.key_id(public)}
        recovery.write_seal(self.path, public, [key])
        assert op.result is not None
        return op.result

    @classmethod
    def recover(cls, path: Path | str, private_key: Path, new_passphrase: str,
                user: str | None = None) -> CaseStore:
        """Open a store whose passphrase is lost with the authority's private key, and give it
        `new_passphrase` (the seal is renewed for it)."""
        path = Path(path)
        check_passphrase(new_passphrase)
        keys = recovery.unseal(path, recovery.load_private(private_key))
        for key in keys:
            try:
                store = cls.open(path, recovery.raw_key_text(key), user, _raw=True)
            except WrongPassphrase:
                continue
            with store._operation("recover with the authority's key", "store") as op:
                op.after = {"recovery_key_id": recovery.key_id(
                    recovery.load_private(private_key).public_key())}
            for stale in (pending_path(path),):
                stale.unlink(missing_ok=True)
            store.rekey(new_passphrase)
            return store
        raise StoreError("The recovery seal beside the store does not open it: the store may"
                         " have been replaced since it was sealed.")

    def _record_rekey(self, nonce: str, interrupted: bool) -> None:
        last = self._live().execute(
            "SELECT operation, after FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
        if last and last[0] == "change passphrase" and nonce and nonce in (last[1] or ""):
            return  # already recorded before the interruption
        with self._operation("change passphrase", "store") as op:
            op.after = {"key_check": nonce, **({"finished_at_next_open": True}
                                               if interrupted else {})}

    def _failed_rekey(self, new_passphrase: str, exc: Any, sealed: bool) -> StoreError:
        """Which passphrase opens the store now, asked of the file itself, and the key-check
        left agreeing with it."""
        try:
            probe = open_keyed(self.path, new_passphrase)
            probe.close()
            now_new = True
        except StoreError:
            now_new = False
        if now_new:
            settle(self.path, new_passphrase)
            which = "the NEW passphrase now opens the store"
        else:
            pending_path(self.path).unlink(missing_ok=True)
            which = "the OLD passphrase still opens the store"
        if sealed:  # not asked of the connection: after a failed rekey its key is unusable
            recovery.keep_only(self.path, newest=now_new)
        place = plain_error(self.path, exc, "the new passphrase")
        cause = str(place) if place is not None else f"The passphrase change failed ({exc})."
        return RekeyFailed(f"{cause} Nothing is lost: {which}.")

    @_guarded
    def backup(self, out: Path | str) -> Path:
        """An encrypted copy that opens with the store's passphrase."""
        out = Path(out)
        if out.exists():
            raise StoreExists(str(out))
        out.parent.mkdir(parents=True, exist_ok=True)
        backup.export_to(self._live(), out)
        return out

    @_guarded
    def auto_backup(self, why: str = "auto") -> Path:
        """A rolling backup in `backups/` beside the store; the newest KEEP are kept."""
        made = self.backup(backup.next_backup_path(self.path, why))
        backup.prune(self.path)
        self.changes_since_backup = 0
        self._backed_up_at = time.monotonic()
        return made

    def auto_backup_if_due(self, every_changes: int, every_minutes: float) -> Path | None:
        """Back up after `every_changes` writes, or after `every_minutes` of work that changed
        something; None when nothing is due (an idle store is not copied again and again)."""
        if self.changes_since_backup == 0:
            return None
        minutes = (time.monotonic() - self._backed_up_at) / 60
        if self.changes_since_backup >= every_changes or minutes >= every_minutes:
            return self.auto_backup()
        return None

    def last_backup(self) -> tuple[Path, datetime] | None:
        """The newest automatic backup and when it was written (local time), if any."""
        found = backup.backups_of(self.path)
        if not found:
            return None
        newest = max(found, key=lambda p: p.stat().st_mtime)
        return newest, datetime.fromtimestamp(newest.stat().st_mtime).astimezone()

    @_guarded
    def check(self) -> list[str]:
        """Every problem found, in plain words; an empty list means the store is sound."""
        conn = self._live()
        problems: list[str] = []
        try:
            problems += [f"encryption check: {' '.join(map(str, r))}"
                         for r in conn.execute("PRAGMA cipher_integrity_check")]
            result = [r[0] for r in conn.execute("PRAGMA integrity_check")]
            if result != ["ok"]:
                problems += [f"database check: {r}" for r in result]
            problems += self._audit_problems(conn)
        except DatabaseError as exc:
            problems.append(f"the file could not be read through: {exc}")
        return problems

    def _audit_problems(self, conn: Any) -> list[str]:
        """The chain, the schema's protections, every record against its seal, the witness."""
        key = self._audit_key()
        report = audit.walk(conn, key)
        problems = list(report.problems)
        problems += schema_guard.trigger_problems(conn)
        seals = report.seals or {}
        present: set[str] = set()
        for child in self.children():
            present.add(child.ref)
            seal = seals.get(child.ref)
            if seal is None:
                problems.append(f"the record of {child.ref} has no audit entry: it was added"
                                " outside PACE Desktop")
            elif seal != audit.content_seal(key, _jsonable(child)):
                problems.append(f"the record of {child.ref} does not match its last audit"
                                " entry: it was changed outside PACE Desktop")
        for ref in sorted(set(seals) - present):
            problems.append(f"the record of {ref} is in the audit log but not in the store:"
                            " it was deleted outside PACE Desktop")
        hashes = dict(conn.execute("SELECT seq, hash FROM audit"))
        last_seq = max(hashes, default=0)  # the table's end, even where the chain broke
        found, notes = witness.problems_and_notes(self.path, key, last_seq, hashes)
        self.notes = notes
        return problems + found

    # -- reading ---------------------------------------------------------------------------

    @_guarded
    def caseload(self) -> list[CaseloadRow]:
        return caseload(self._live())

    @_guarded
    def count_children(self) -> int:
        return self._live().execute("SELECT count(*) FROM children").fetchone()[0]

    @_guarded
    def refs(self) -> list[str]:
        return [r[0] for r in self._live().execute("SELECT ref FROM children ORDER BY ref")]

    @_guarded
    def child(self, ref: str) -> Child:
        found = child_ids(self._live(), [ref])
        if not found:
            raise RecordNotFound(f"There is no child with the reference {ref} in this store.")
        return next(load_children(self._live(), [found[0][0]]))

    @_guarded
    def children(self, refs: Sequence[str] | None = None,
                 clock_facts_only: bool = False) -> Iterator[Child]:
        """Children in ref order (or the order of `refs`), streamed in chunks.

        With `clock_facts_only`, each child carries only what the journey engine reads:
        living and legal episodes, milestone entries, and the reviews and meetings whose
        decisions name a milestone (kind, date, status and those decisions)."""
        conn = self._live()
        found = child_ids(conn, refs)
        if refs is not None and len(found) < len(refs):
            missing = sorted(set(refs) - {r for _, r in found})
            raise RecordNotFound("No child with the reference " + ", ".join(missing) + ".")
        for i in range(0, len(found), _CHUNK):
            yield from load_children(conn, [cid for cid, _ in found[i:i + _CHUNK]],
                                     clock_facts_only)

    @_guarded
    def search(self, text: str, limit: int = 50, child_ref: str | None = None
               ) -> fts.SearchResult:
        child_id = self._child_id(child_ref) if child_ref else None
        return fts.search(self._live(), text, limit, child_id)

    @_guarded
    def search_refs(self, text: str, limit: int = 500) -> fts.MatchingRefs:
        """Refs of the children a search finds (by name, or in their newest matching entries)."""
        return fts.matching_refs(self._live(), text, limit)

    @_guarded
    def audit_entries(self, target: str | None = None, limit: int = 1000
                      ) -> list[audit.AuditEntry]:
        return audit.entries(self._live(), target, limit)

    def _child_id(self, ref: str) -> int:
        row = self._live().execute("SELECT id FROM children WHERE ref = ?", (ref,)).fetchone()
        if row is None:
            raise RecordNotFound(f"There is no child with the reference {ref} in this store.")
        return row[0]

    # -- the operation frame -----------------------------------------------------------------

    @contextmanager
    def _operation(self, name: str, target: str) -> Iterator[_Op]:
        conn = self._live()
        op = _Op()
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield op
            after = op.after
            if op.children:
                # Each record's content as this entry saw it: a record changed behind the log's
                # back (plain SQL) no longer matches its last entry's seal.
                after = {**(op.after if isinstance(op.after, dict) else {"value": op.after}),
                         "sealed": self._seals(conn, sorted(op.children))}
            seq, head = audit.append(conn, self._audit_key(), _now(), self.user, name, target,
                                     op.before, after)
            conn.execute("COMMIT")
        except BaseException:
            rollback(conn)
            raise
        self.changes_since_backup += 1
        self._witness(seq, head)
        op.result = Changes(name, frozenset(op.children), frozenset(op.parts), seq)

    # -- drafts: autosaved form text ---------------------------------------------------------

    @_guarded
    def save_draft(self, key: str, child_ref: str | None, form: str,
                   body: dict[str, Any]) -> None:
        """Save (or replace) a draft. One small committed write: a crash keeps the last one."""
        self._live().execute(
            "INSERT INTO drafts (key, child_ref, form, body, saved) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT (key) DO UPDATE SET child_ref = excluded.child_ref,"
            " form = excluded.form, body = excluded.body, saved = excluded.saved",
            (key, child_ref, form, json.dumps(body, ensure_ascii=False, default=str), _now()))

    @_guarded
    def draft(self, key: str) -> Draft | None:
        row = self._live().execute("SELECT key, child_ref, form, body, saved FROM drafts"
                                   " WHERE key = ?", (key,)).fetchone()
        return Draft(row[0], row[1], row[2], json.loads(row[3]), row[4]) if row else None

    @_guarded
    def drafts(self, child_ref: str | None = None) -> list[Draft]:
        sql = "SELECT key, child_ref, form, body, saved FROM drafts"
        args: tuple[Any, ...] = ()
        if child_ref is not None:
            sql, args = sql + " WHERE child_ref = ?", (child_ref,)
        return [Draft(k, c, f, json.loads(b), t)
                for k, c, f, b, t in self._live().execute(sql + " ORDER BY saved DESC", args)]

    @_guarded
    def discard_draft(self, key: str) -> None:
        self._live().execute("DELETE FROM drafts WHERE key = ?", (key,))

    # -- writing: whole children -------------------------------------------------------------

    @_guarded
    def import_children(self, children: Sequence[Child], update: bool = False,
                        source: str = "") -> ImportResult:
        """Add new children and, with `update`, bring existing ones up to date; all or nothing.

        Updating keeps what must not change: the child's details and their people, living and
        legal episodes are replaced by the file's; chronology entries and meetings are matched
        by id: new ones are added, a final one that the file changes is refused (corrections
        are amendments), a draft meeting is replaced; entries the file leaves out are kept,
        because nothing is deleted silently.
        """
        conn = self._live()
        existing = dict(conn.execute("SELECT ref, id FROM children"))
        problems = []
        for i, c in enumerate(children):
            if c.ref in existing and not update:
                problems.append(f"children[{i}].ref: {c.ref} is already in the store"
                                " (import with --update to bring it up to date)")
        if problems:
            raise ImportRefused(problems)
        added: list[str] = []
        updated: list[str] = []
        with self._operation("import", source or "import") as op:
            now = _now()
            writer = BulkWriter(conn, now)
            next_child = next_ids(conn, "children")
            new_rows, search_rows = [], []
            for i, c in enumerate(children):
                if c.ref in existing:
                    problems += self._merge(writer, i, existing[c.ref], c, now)
                    updated.append(c.ref)
                    continue
                c = with_ids(c)
                cid = next_child
                next_child += 1
                new_rows.append((cid, c.id, *rows.child_values(c), now, now, 1))
                search_rows.append(child_search_values(cid, c))
                writer.add_lists(cid, c)
                added.append(c.ref)
            if problems:
                raise ImportRefused(problems)
            conn.executemany(
                f"INSERT INTO children (id, uid, {', '.join(rows.CHILD_COLUMNS)}, created, updated,"
                f" version) VALUES ({rows.placeholders(5 + len(rows.CHILD_COLUMNS))})", new_rows)
            conn.executemany("INSERT INTO child_search (rowid, name, ref) VALUES (?, ?, ?)",
                             search_rows)
            writer.flush()
            touched = [str(r[0]) for r in new_rows] + [str(existing[r]) for r in updated]
            refresh_now_columns(conn, ",".join(touched))
            op.after = {"source": source, "added": added, "updated": updated,
                        "events": sum(len(c.events) for c in children)}
            op.children.update(added + updated)
            op.parts.update({"children", "people", "living", "legal", "events", "meetings",
                             "nondisclosure"})
        assert op.result is not None
        return ImportResult(op.result, tuple(added), tuple(updated))

    def _merge(self, writer: BulkWriter, index: int, child_id: int, new: Child,
               now: str) -> list[str]:
        conn = writer.conn
        old = next(load_children(conn, [child_id]))
        problems: list[str] = []
        old_events = {e.id: e for e in old.events}
        old_meetings = {m.id: m for m in old.meetings}
        fresh_events, fresh_meetings, replaced = [], [], []
        for j, e in enumerate(new.events):
            if e.id in old_events:
                if e != old_events[e.id]:
                    problems.append(f"children[{index}].events[{j}]: changes the chronology entry"
                                    f" {e.id}, which is final; add an amendment instead")
            else:
                fresh_events.append(e)
        for j, m in enumerate(new.meetings):
            was = old_meetings.get(m.id) if m.id else None
            if was is None:
                fresh_meetings.append(m)
            elif was != m:
                if was.is_final:
                    problems.append(f"children[{index}].meetings[{j}]: changes the meeting"
                                    f" {m.id}, whose record is final; add an amendment instead")
                else:
                    replaced.append(m)
        if problems:
            return problems
        taken = {"events": set(old_events), "meetings": set(old_meetings)}
        filled = with_ids(replace(new, events=tuple(fresh_events),
                                  meetings=tuple(fresh_meetings)), taken)
        conn.execute(
            f"UPDATE children SET ({', '.join(rows.CHILD_COLUMNS)}) ="
            f" ({rows.placeholders(len(rows.CHILD_COLUMNS))}), updated = ?,"
            " version = version + 1 WHERE id = ?", (*rows.child_values(new), now, child_id))
        conn.execute("DELETE FROM child_search WHERE rowid = ?", (child_id,))
        conn.execute("INSERT INTO child_search (rowid, name, ref) VALUES (?, ?, ?)",
                     child_search_values(child_id, new))
        for table in ("people", "living", "legal", "nondisclosure"):
            conn.execute(f"DELETE FROM {table} WHERE child_id = ?", (child_id,))
        for m in replaced:
            self._delete_draft_meeting(child_id, m.id)
        positions = {t: _next_position(conn, t, child_id) for t in ("events", "meetings")}
        writer.add_lists(child_id, filled, positions)
        for m in replaced:
            writer.add_meeting(child_id, _position_of(conn, child_id, m.id, old.meetings), m)
        return []

    def _delete_draft_meeting(self, child_id: int, uid: str) -> int:
        conn = self._live()
        mid = conn.execute("SELECT id FROM meetings WHERE child_id = ? AND uid = ?",
                           (child_id, uid)).fetchone()[0]
        for table in ("attendees", "decisions", "actions"):
            conn.execute(f"DELETE FROM {table} WHERE meeting_id = ?", (mid,))
        conn.execute("DELETE FROM meetings WHERE id = ?", (mid,))
        return mid

    @_guarded
    def add_child(self, child: Child) -> Changes:
        if self._live().execute("SELECT 1 FROM children WHERE ref = ?",
                                (child.ref,)).fetchone():
            raise DuplicateChild(f"A child with the reference {child.ref} is already recorded.")
        result = self.import_children([child], source=f"new child {child.ref}")
        return replace(result.changes, operation="add child")

    @_guarded
    def save_child_details(self, child: Child) -> Changes:
        """Change a child's own details (name, date of birth, CHI, workers); lists untouched."""
        cid = self._child_id(child.ref)
        conn = self._live()
        with self._operation("edit child details", child.ref) as op:
            before = conn.execute(f"SELECT {', '.join(rows.CHILD_COLUMNS)} FROM children"
                                  " WHERE id = ?", (cid,)).fetchone()
            conn.execute(
                f"UPDATE children SET ({', '.join(rows.CHILD_COLUMNS)}) ="
                f" ({rows.placeholders(len(rows.CHILD_COLUMNS))}), updated = ?,"
                " version = version + 1 WHERE id = ?", (*rows.child_values(child), _now(), cid))
            conn.execute("DELETE FROM child_search WHERE rowid = ?", (cid,))
            conn.execute("INSERT INTO child_search (rowid, name, ref) VALUES (?, ?, ?)",
                         child_search_values(cid, child))
            op.before = dict(zip(rows.CHILD_COLUMNS, before, strict=True))
            op.after = dict(zip(rows.CHILD_COLUMNS, rows.child_values(child), strict=True))
            op.children.add(child.ref)
            op.parts.add("children")
        assert op.result is not None
        return op.result

    # -- writing: one item ---------------------------------------------------------------------

    @_guarded
    def save_person(self, ref: str, person: Person) -> Changes:
        return self._save_item(ref, "people", person, rows.PERSON_COLUMNS, rows.person_values)

    @_guarded
    def save_living(self, ref: str, episode: LivingEpisode) -> Changes:
        return self._save_item(ref, "living", episode, rows.LIVING_COLUMNS, rows.living_values)

    @_guarded
    def save_legal(self, ref: str, episode: LegalEpisode) -> Changes:
        return self._save_item(ref, "legal", episode, rows.LEGAL_COLUMNS, rows.legal_values)

    def _save_item(self, ref: str, table: str, item: Any, columns: tuple[str, ...],
                   values: Any) -> Changes:
        """Add an item (no id, or an id not yet used) or replace the one with the same id."""
        cid = self._child_id(ref)
        conn = self._live()
        with self._operation(f"save {table}", ref) as op:
            if not item.id:
                taken = {r[0] for r in conn.execute(
                    f"SELECT uid FROM {table} WHERE child_id = ?", (cid,))}
                item = fresh_id(item, table, taken)
            old = conn.execute(f"SELECT id FROM {table} WHERE child_id = ? AND uid = ?",
                               (cid, item.id)).fetchone()
            now = _now()
            names = ", ".join(columns)
            if old:
                op.before = _jsonable(self._item(table, cid, item.id))
                conn.execute(f"UPDATE {table} SET ({names}) = ({rows.placeholders(len(columns))}),"
                             " updated = ?, version = version + 1 WHERE id = ?",
                             (*values(item), now, old[0]))
            else:
                conn.execute(
                    f"INSERT INTO {table} (child_id, position, {names}, created, updated, version)"
                    f" VALUES (?, ?, {rows.placeholders(len(columns))}, ?, ?, 1)",
                    (cid, _next_position(conn, table, cid), *values(item), now, now))
            refresh_now_columns(conn, str(cid))
            op.after = _jsonable(item)
            op.children.add(ref)
            op.parts.add(table)
        assert op.result is not None
        return op.result

    @_guarded
    def continue_order(self, ref: str, episode_id: str, on: date, status: str | None = None,
                       reference: str | None = None) -> Changes:
        """A hearing continued (or varied, to `status`) an order on `on`: the episode ends that
        day and a new one starts it, in one operation, so the order is never typed twice and
        the order's clocks (cso_expiry) restart from the hearing."""
        cid = self._child_id(ref)
        conn = self._live()
        with self._operation("continue order", ref) as op:
            old = next((e for e in next(load_children(conn, [cid])).legal
                        if e.id == episode_id), None)
            if old is None:
                raise RecordNotFound(f"There is no legal status {episode_id} for {ref}.")
            if on < old.start:
                raise StoreError(f"The order cannot be continued on {on.isoformat()}: it began"
                                 f" on {old.start.isoformat()}.")
            ended = replace(old, end=on) if old.end is None or old.end > on else old
            taken = {r[0] for r in conn.execute("SELECT uid FROM legal WHERE child_id = ?",
                                                (cid,))}
            new = fresh_id(LegalEpisode(status=status or old.status, start=on,
                                        reference=reference or old.reference), "legal", taken)
            now = _now()
            conn.execute('UPDATE legal SET "end" = ?, updated = ?, version = version + 1'
                         " WHERE child_id = ? AND uid = ?",
                         (rows.iso(ended.end), now, cid, old.id))
            conn.execute(
                f"INSERT INTO legal (child_id, position, {', '.join(rows.LEGAL_COLUMNS)},"
                f" created, updated, version) VALUES (?, ?,"
                f" {rows.placeholders(len(rows.LEGAL_COLUMNS))}, ?, ?, 1)",
                (cid, _next_position(conn, "legal", cid), *rows.legal_values(new), now, now))
            refresh_now_columns(conn, str(cid))
            op.before = _jsonable(old)
            op.after = {"ended": _jsonable(ended), "new": _jsonable(new)}
            op.children.add(ref)
            op.parts.add("legal")
        assert op.result is not None
        return op.result

    def _item(self, table: str, cid: int, uid: str) -> Any:
        child = next(load_children(self._live(), [cid]))
        return next(x for x in getattr(child, table) if x.id == uid)

    @_guarded
    def add_event(self, ref: str, event: Event) -> tuple[Changes, Event]:
        """Record a chronology entry. Entries are final once recorded: see `amend_event`."""
        cid = self._child_id(ref)
        conn = self._live()
        with self._operation("add chronology entry", ref) as op:
            taken = {r[0] for r in conn.execute("SELECT uid FROM events WHERE child_id = ?",
                                                (cid,))}
            if event.id and event.id in taken:
                raise RecordIsFinal(f"The chronology entry {event.id} is already recorded;"
                                    " corrections are made as amendments.")
            event = fresh_id(event, "events", taken) if not event.id else event
            writer = BulkWriter(conn, _now())
            writer.add_event(cid, _next_position(conn, "events", cid), event)
            writer.flush()
            op.after = _jsonable(event)
            op.children.add(ref)
            op.parts.add("events")
        assert op.result is not None
        return op.result, event

    @_guarded
    def amend_event(self, ref: str, uid: str, author: str, text: str,
                    at: date | None = None) -> Changes:
        return self._amend(ref, "event", "events", uid, Amendment(at or date.today(), author, text))

    @_guarded
    def save_meeting(self, ref: str, meeting: Meeting) -> tuple[Changes, Meeting]:
        """Save a draft meeting record (new, or replacing the draft with the same id)."""
        cid = self._child_id(ref)
        conn = self._live()
        if meeting.is_final:
            raise RecordIsFinal("Save the meeting as a draft, then finalise it.")
        with self._operation("save meeting draft", ref) as op:
            taken = {r[0]: r[1] for r in conn.execute(
                "SELECT uid, status FROM meetings WHERE child_id = ?", (cid,))}
            position = _next_position(conn, "meetings", cid)
            if not meeting.id:
                meeting = fresh_id(meeting, "meetings", set(taken))
            elif taken.get(meeting.id) == "final":
                raise RecordIsFinal("This meeting's record is final; add an amendment instead.")
            elif meeting.id in taken:
                position = conn.execute("SELECT position FROM meetings WHERE child_id = ?"
                                        " AND uid = ?", (cid, meeting.id)).fetchone()[0]
                op.before = _jsonable(self._item("meetings", cid, meeting.id))
                self._delete_draft_meeting(cid, meeting.id)
            writer = BulkWriter(conn, _now())
            writer.add_meeting(cid, position, meeting)
            writer.flush()
            op.after = _jsonable(meeting)
            op.children.add(ref)
            op.parts.add("meetings")
        assert op.result is not None
        return op.result, meeting

    @_guarded
    def finalise_meeting(self, ref: str, uid: str) -> Changes:
        cid = self._child_id(ref)
        conn = self._live()
        with self._operation("finalise meeting", ref) as op:
            row = conn.execute("SELECT id, status FROM meetings WHERE child_id = ? AND uid = ?",
                               (cid, uid)).fetchone()
            if row is None:
                raise RecordNotFound(f"There is no meeting {uid} for {ref}.")
            if row[1] == "final":
                raise RecordIsFinal("This meeting's record is already final.")
            child = next(load_children(conn, [cid]))
            finalising.check_reasons(child, self._item("meetings", cid, uid))
            conn.execute("UPDATE meetings SET status = 'final', updated = ?,"
                         " version = version + 1 WHERE id = ?", (_now(), row[0]))
            meeting = self._item("meetings", cid, uid)
            legal = finalising.apply_orders(conn, cid, child, meeting, _now())
            if legal:
                refresh_now_columns(conn, str(cid))
                op.parts.add("legal")
            entries = _decision_entries(meeting)
            if entries:
                writer = BulkWriter(conn, _now())
                first = _next_position(conn, "events", cid)
                for i, e in enumerate(entries):
                    writer.add_event(cid, first + i, e)
                writer.flush()
            op.before = {"meeting": uid, "status": "draft"}
            op.after = {"status": "final", "chronology": [e.id for e in entries], "legal": legal}
            op.children.add(ref)
            op.parts.update({"meetings", "events"})
        assert op.result is not None
        return op.result

    @_guarded
    def amend_meeting(self, ref: str, uid: str, author: str, text: str,
                      at: date | None = None) -> Changes:
        return self._amend(ref, "meeting", "meetings", uid,
                           Amendment(at or date.today(), author, text))

    def _amend(self, ref: str, record: str, table: str, uid: str, amendment: Amendment
               ) -> Changes:
        if not amendment.author.strip() or not amendment.text.strip():
            raise StoreError("An amendment needs the name of the person making it and its text.")
        cid = self._child_id(ref)
        conn = self._live()
        with self._operation(f"amend {record}", ref) as op:
            row = conn.execute(f"SELECT id FROM {table} WHERE child_id = ? AND uid = ?",
                               (cid, uid)).fetchone()
            if row is None:
                raise RecordNotFound(f"There is no {record} {uid} for {ref}.")
            position = conn.execute(
                "SELECT coalesce(max(position) + 1, 0) FROM amendments"
                " WHERE record = ? AND record_id = ?", (record, row[0])).fetchone()[0]
            conn.execute("INSERT INTO amendments VALUES (?, ?, ?, ?, ?, ?)",
                         (record, row[0], position, amendment.at.isoformat(), amendment.author,
                          amendment.text))
            op.after = {record: uid, **_jsonable(amendment)}
            op.children.add(ref)
            op.parts.add(table)
        assert op.result is not None
        return op.result


@dataclass(frozen=True, slots=True)
class Draft:
    """Form text saved as it is typed. Drafts are scratch, not records: they are kept
    encrypted in the store but not in the audit log (they are saved every few seconds)."""

    key: str
    child_ref: str | None
    form: str
    body: dict[str, Any]
    saved: str


def _decision_entries(meeting: Meeting) -> list[Event]:
    """The chronology entries a finalised meeting adds: one per decision, in plain words.

    They are notes, not milestones: a decision naming a milestone already records it (the
    journey engine reads meeting decisions), and the same fact must not count twice.
    """
    from pace_desktop.domain.vocab import MEETING_KINDS

    what = MEETING_KINDS.get(meeting.kind, "Meeting")
    return [
        Event(date=meeting.date, title=f"Decision: {d.text}", kind="note",
              source=f"{what}, {long_date(meeting.date)}" + (f", chaired by {meeting.chair}"
                                                             if meeting.chair else ""),
              seq=i + 1, id=f"{meeting.id}-d{i + 1}")
        for i, d in enumerate(meeting.decisions)
    ]


def _run_script(conn: Any, sql: str) -> None:
    # executescript would COMMIT the open transaction; run statement by statement instead.
    buf = ""
    for line in sql.splitlines(keepends=True):
        buf += line
        if _complete(buf):
            if buf.strip():
                conn.execute(buf)
            buf = ""
    if buf.strip():
        conn.execute(buf)


def _complete(sql: str) -> bool:
    from sqlcipher3 import dbapi2  # the SQL parser's own notion of a complete statement

    return bool(sql.strip()) and dbapi2.complete_statement(sql)


def _next_position(conn: Any, table: str, child_id: int) -> int:
    return conn.execute(f"SELECT coalesce(max(position) + 1, 0) FROM {table} WHERE child_id = ?",
                        (child_id,)).fetchone()[0]


def _position_of(conn: Any, child_id: int, uid: str, meetings: Sequence[Meeting]) -> int:
    for i, m in enumerate(meetings):
        if m.id == uid:
            return i
    return _next_position(conn, "meetings", child_id)


def _jsonable(value: Any) -> Any:
    return json.loads(json.dumps(asdict(value), default=str))
