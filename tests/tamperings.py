"""The fourteen tamperings of issue 17, each made as someone with the passphrase and a plain
SQL tool (or a file manager) would make it. Used by the normal suite and by `make soak`."""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Callable
from pathlib import Path

from sqlcipher3 import dbapi2 as sqlcipher

from tests.conftest import PASSPHRASE

GENESIS = "0" * 64


def _sql(path: Path, *statements: str) -> None:
    conn = sqlcipher.connect(str(path), isolation_level=None)
    conn.execute(f"PRAGMA key = '{PASSPHRASE}'")
    conn.execute("DROP TRIGGER IF EXISTS audit_no_update")
    conn.execute("DROP TRIGGER IF EXISTS audit_no_delete")
    for s in statements:
        conn.execute(s)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def _rechain_plain(path: Path, conn_edit: str | None = None, append: bool = False,
                   restore_guard: bool = False) -> None:
    """Rewrite entries and recompute the whole chain as the old plain SHA-256 chain was made."""
    conn = sqlcipher.connect(str(path), isolation_level=None)
    conn.execute(f"PRAGMA key = '{PASSPHRASE}'")
    conn.execute("DROP TRIGGER IF EXISTS audit_no_update")
    if conn_edit:
        conn.execute(conn_edit)
    if append:
        last = conn.execute("SELECT max(seq) FROM audit").fetchone()[0]
        conn.execute("INSERT INTO audit (seq, at, who, operation, target, before, after,"
                     " prev_hash, hash) VALUES (?, '2030-01-01', 'forger', 'add child', 'X',"
                     " NULL, NULL, '', '')", (last + 1,))
    # An older version's entries named no store (migration 9).
    conn.execute("UPDATE audit SET store = NULL")
    prev = GENESIS
    rows = conn.execute("SELECT seq, at, who, operation, target, before, after FROM audit"
                        " ORDER BY seq").fetchall()
    for seq, at, who, op, target, before, after in rows:
        body = json.dumps([seq, at, who, op, target, before, after], ensure_ascii=False)
        h = hashlib.sha256((prev + body).encode()).hexdigest()
        conn.execute("UPDATE audit SET prev_hash = ?, hash = ? WHERE seq = ?", (prev, h, seq))
        prev = h
    if restore_guard:  # as an older version of PACE Desktop left it
        conn.execute("CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit"
                     " BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def _swap(path: Path) -> None:
    _sql(path, "UPDATE audit SET seq = -1 WHERE seq = 2", "UPDATE audit SET seq = 2 WHERE seq = 3",
         "UPDATE audit SET seq = 3 WHERE seq = -1")


def _older_backup(path: Path) -> None:
    backup = path.with_name("older.pacebackup")
    shutil.copy(backup, path)


def _forged_sealed(path: Path) -> None:
    _sql(path, "INSERT INTO audit (seq, at, who, operation, target, before, after, prev_hash,"
               " hash, store) SELECT seq + 1, at, 'forger', operation, target, before, after,"
               " hash, 'k1:' || hex(randomblob(32)), store FROM audit WHERE seq = (SELECT"
               " max(seq) FROM audit)")


TAMPERINGS: dict[str, Callable[[Path], None]] = {
    "delete a middle entry": lambda p: _sql(p, "DELETE FROM audit WHERE seq = 2"),
    "edit an entry": lambda p: _sql(p, "UPDATE audit SET who = 'someone else' WHERE seq = 2"),
    "swap two entries": _swap,
    "delete the last entries": lambda p: _sql(
        p, "DELETE FROM audit WHERE seq > (SELECT max(seq) - 2 FROM audit)"),
    "delete all entries": lambda p: _sql(p, "DELETE FROM audit"),
    "rewrite entries and recompute the chain": lambda p: _rechain_plain(
        p, "UPDATE audit SET who = 'someone else' WHERE seq = 2"),
    "append a forged entry": lambda p: _rechain_plain(p, append=True),
    "append a forged sealed-looking entry": _forged_sealed,
    "drop the append-only triggers": lambda p: _sql(p),
    "rename a child": lambda p: _sql(
        p, "UPDATE children SET given_name = 'Renamed' WHERE id = (SELECT min(id) FROM children)"),
    "delete a chronology entry": lambda p: _sql(
        p, "DELETE FROM events WHERE id = (SELECT max(id) FROM events)"),
    "change a final meeting's decision": lambda p: _sql(
        p, "UPDATE decisions SET text = 'a different decision' WHERE meeting_id ="
           " (SELECT min(id) FROM meetings WHERE status = 'final')"),
    "add a child with no audit entry": lambda p: _sql(
        p, "INSERT INTO children (ref, given_name, family_name, date_of_birth, created, updated)"
           " VALUES ('SLIP-1', 'Nobody', 'Recorded', '2020-01-01', '2020', '2020')"),
    "put an older backup in place of the store": _older_backup,
}
assert len(TAMPERINGS) == 14
