"""Making a new store, opening one (and bringing an older one up to this version)."""

from __future__ import annotations

import getpass
from pathlib import Path
from typing import Any, Self

from pace_desktop.safe_files import cause_of
from pace_desktop.store import audit, backup, recovery, schema, witness
from pace_desktop.store.connection import (
    DatabaseError,
    configure,
    create_file,
    open_keyed_raw,
    plain_error,
    rollback,
)
from pace_desktop.store.errors import (
    DamagedStore,
    NewerVersion,
    NotAPaceStore,
    StoreError,
    StoreExists,
)
from pace_desktop.store.frame import StoreFrame, utc_now
from pace_desktop.store.passphrases import check_passphrase
from pace_desktop.store.verifier import settle, sidecars, write_verifier


class Opening(StoreFrame):
    """Making and opening a store (see case_store.CaseStore)."""

    @classmethod
    def create(cls, path: Path | str, passphrase: str, owner: str,
               user: str | None = None, recovery_public: bytes | None = None) -> Self:
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
                run_script(conn, sql)
                conn.execute(f"PRAGMA user_version = {n}")
            now = utc_now()
            conn.executemany("INSERT INTO pace_meta VALUES (?, ?)", [
                ("app", schema.APP_ID), ("owner", owner), ("created", now)])
            if recovery_public:
                conn.execute("INSERT INTO pace_meta VALUES ('recovery_public_key', ?)",
                             (recovery_public.decode("ascii"),))
            store = cls(path, conn, user or owner)
            seq, head = store._append_audit(conn, now, "create store", "store", None,
                                            {"owner": owner})
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
             _raw: bool = False) -> Self:
        path = Path(path)
        conn, raw = open_keyed_raw(path, passphrase)
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
        # The named user set later (Settings, `user --name`) comes before the creator's name.
        owner = conn.execute("SELECT value FROM pace_meta WHERE key IN ('user_name', 'owner')"
                             " ORDER BY key = 'owner' LIMIT 1").fetchone()
        store = cls(path, conn, user or (owner[0] if owner and owner[0] else "")
                    or getpass.getuser())
        store._raw_key = raw
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
                run_script(conn, schema.MIGRATIONS[n - 1])
                conn.execute(f"PRAGMA user_version = {n}")
            # Re-sealed: what a record holds may change with the version.
            seq, head = self._append_audit(
                conn, utc_now(), "upgrade store", "store", {"version": version},
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
            seq, head = self._append_audit(conn, utc_now(), "seal audit log", "store", None,
                                           {"sealed": self._seals(conn, None)})
            conn.execute("COMMIT")
        except BaseException:
            rollback(conn)
            raise
        self._witness(seq, head)


def run_script(conn: Any, sql: str) -> None:
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
