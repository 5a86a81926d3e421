"""The team hub witnesses the head of each laptop's audit log at every sync (issue 17), and
`check --hub URL` compares the log with it: a store rolled back, truncated or rewritten by
someone who also forged the witness beside it (knowing the program's method and holding the
passphrase) is caught where the hub's witness reaches, and what came after the last sync is
plainly said to be unproven. A real hub on a real PostgreSQL; real SQLCipher stores."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlcipher3 import dbapi2 as sqlcipher

from pace_desktop.cli import main
from pace_desktop.demo import generate_caseload
from pace_desktop.domain import Event
from pace_desktop.hub import admin
from pace_desktop.hub.laptop import sync
from pace_desktop.store import CaseStore, audit, witness
from tests.conftest import PASSPHRASE


@pytest.fixture
def north(hub: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    with hub.admin() as conn:
        admin.add_worker(conn, "ali", "north", False)
    hub.password("ali")
    monkeypatch.setenv("PACE_PASSPHRASE", PASSPHRASE)
    return hub


def _laptop(tmp_path: Path) -> Path:
    path = tmp_path / "ali.pacestore"
    with CaseStore.create(path, PASSPHRASE, "Ali") as s:
        s.import_children(list(generate_caseload(2, seed=3)))
    return path


def _add(path: Path, n: int, start: int = 1) -> None:
    with CaseStore.open(path, PASSPHRASE) as s:
        ref = s.refs()[0]
        for k in range(n):
            s.add_event(ref, Event(date=date(2025, 2, start + k), title=f"visit {start + k}"))


def _check(capsys: Any, path: Path, *more: str) -> tuple[int, str, str]:
    code = main(["check", "--store", str(path), *more])
    out = capsys.readouterr()
    return code, out.out, out.err


def _forge(path: Path, edit: str | None = None, keep_to: int | None = None) -> None:
    """As someone with the passphrase who knows the program's method: edit or cut the log,
    recompute the keyed chain from the file's salt, put the append-only triggers back and
    rewrite the witness beside the store to match. The store's own check then finds nothing."""
    conn = sqlcipher.connect(str(path), isolation_level=None)
    conn.execute(f"PRAGMA key = '{PASSPHRASE}'")
    key = audit.chain_key(bytes.fromhex(conn.execute("PRAGMA cipher_salt").fetchone()[0]))
    guards = [sql for (sql,) in conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit'")]
    conn.execute("DROP TRIGGER audit_no_update")
    conn.execute("DROP TRIGGER audit_no_delete")
    if keep_to is not None:
        conn.execute("DELETE FROM audit WHERE seq > ?", (keep_to,))
    if edit:
        conn.execute(edit)
    prev = audit.GENESIS
    store_col = ", store" if audit.has_store_column(conn) else ", NULL"
    for seq, at, who, op, target, before, after, store in conn.execute(
            "SELECT seq, at, who, operation, target, before, after" + store_col
            + " FROM audit ORDER BY seq").fetchall():
        h = audit._sealed(key, prev, seq, at, who, op, target, before, after, store)
        conn.execute("UPDATE audit SET prev_hash = ?, hash = ? WHERE seq = ?", (prev, h, seq))
        prev = h
    for sql in guards:
        conn.execute(sql)
    seq = conn.execute("SELECT max(seq) FROM audit").fetchone()[0]
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    witness.write(path, key, seq, prev)


def _head(path: Path) -> tuple[int, str]:
    with CaseStore.open(path, PASSPHRASE) as s:
        return s._live().execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1"
                                 ).fetchone()


def test_each_sync_is_witnessed_by_the_hub_and_check_compares(north: Any, tmp_path: Path,
                                                               capsys: Any) -> None:
    path = _laptop(tmp_path)
    with CaseStore.open(path, PASSPHRASE) as s:
        report = sync(s, north.url("ali"))
        sid = s.store_id()
    assert report.witnessed is not None and not report.audit_problems
    seq, head = _head(path)
    with north.admin() as conn:
        rows = conn.execute("SELECT store_id, seq, head_hash, login, laptop_at IS NOT NULL,"
                            " witnessed_at <= now() FROM pace.audit_witness").fetchall()
    assert rows == [(sid, seq, head, "ali", True, True)]
    code, out, err = _check(capsys, path, "--hub", north.url("ali"))
    assert code == 0 and err == "", err
    assert "the log also matches what the hub at this laptop/hub_" in out, out
    # without --hub: still offline, and it says the hub could be asked
    code, out, _ = _check(capsys, path)
    assert code == 0 and "`check --hub URL` compares the log with that too" in out


def test_the_witness_cannot_be_changed_or_removed_by_a_worker(north: Any, tmp_path: Path
                                                              ) -> None:
    path = _laptop(tmp_path)
    with CaseStore.open(path, PASSPHRASE) as s:
        sync(s, north.url("ali"))
        sid = s.store_id()
    with north.login("ali") as conn:
        for sql in ("UPDATE pace.audit_witness SET seq = 1",
                    "DELETE FROM pace.audit_witness"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(sql)
            conn.rollback()
        # the login and the time are the hub's, whatever the laptop says
        conn.execute("INSERT INTO pace.audit_witness (store_id, seq, head_hash, login,"
                     " witnessed_at) VALUES (%s, 1, 'x', 'postgres', '2001-01-01')", (sid,))
        conn.commit()
        row = conn.execute("SELECT login, witnessed_at > '2020-01-01' FROM pace.audit_witness"
                           " WHERE head_hash = 'x'").fetchone()
    assert row == ("ali", True)


def test_an_older_copy_with_a_forged_witness_is_caught_by_the_hub(north: Any, tmp_path: Path,
                                                                  capsys: Any) -> None:
    path = _laptop(tmp_path)
    older = tmp_path / "older.pacestore"
    shutil.copy(path, older)
    _add(path, 3)
    with CaseStore.open(path, PASSPHRASE) as s:
        sync(s, north.url("ali"))
    witnessed_seq, _ = _head(path)
    # the older copy put in the store's place, with a witness beside it made to match
    shutil.copy(older, path)
    _forge(path)
    code, out, err = _check(capsys, path)
    assert code == 0, err  # the store alone cannot show it
    code, out, err = _check(capsys, path, "--hub", north.url("ali"))
    assert code == 1 and "missing: the hub at this laptop/" in err, err
    assert f"witnessed entry {witnessed_seq} on" in err and "older copy" in err
    # and the next sync says so at once
    with CaseStore.open(path, PASSPHRASE) as s:
        again = sync(s, north.url("ali"))
    assert again.audit_problems and "does not match" not in again.audit_problems[0]
    code = main(["sync", "--store", str(path), "--hub", north.url("ali")])
    err = capsys.readouterr().err
    assert code == 1 and "does not match what the hub witnessed" in err, err


def test_a_rewritten_chain_with_a_forged_witness_is_caught_by_the_hub(
        north: Any, tmp_path: Path, capsys: Any) -> None:
    path = _laptop(tmp_path)
    with CaseStore.open(path, PASSPHRASE) as s:
        sync(s, north.url("ali"))
    _add(path, 2)
    _forge(path, edit="UPDATE audit SET who = 'someone else' WHERE seq = 2")
    assert _check(capsys, path)[0] == 0  # the store alone cannot show it
    code, _, err = _check(capsys, path, "--hub", north.url("ali"))
    assert code == 1 and "is not the one the hub at this laptop/" in err, err
    assert "rewritten" in err


def test_truncation_after_the_last_sync_is_said_plainly(north: Any, tmp_path: Path,
                                                       capsys: Any) -> None:
    path = _laptop(tmp_path)
    with CaseStore.open(path, PASSPHRASE) as s:
        sync(s, north.url("ali"))
    witnessed_seq, _ = _head(path)
    with CaseStore.open(path, PASSPHRASE) as s:  # entries that leave no record to match
        for name in ("Ali Khan", "Ali K", "A. Khan"):
            s.set_named_user(name)
    # the last two entries (after the hub's witness) removed, the local witness forged
    _forge(path, keep_to=witnessed_seq + 1)
    code, out, err = _check(capsys, path, "--hub", north.url("ali"))
    assert code == 0, err
    assert (f"(entry {witnessed_seq}); entry {witnessed_seq + 1} came after it and is vouched"
            " for by the store alone: had later entries been removed") in out, out
    # cut back past the hub's witness: caught
    _forge(path, keep_to=witnessed_seq - 1)
    code, _, err = _check(capsys, path, "--hub", north.url("ali"))
    assert code == 1 and f"audit entry {witnessed_seq} is missing" in err, err


def test_a_hub_that_cannot_be_reached_is_one_plain_line(tmp_path: Path, capsys: Any,
                                                        monkeypatch: pytest.MonkeyPatch
                                                        ) -> None:
    monkeypatch.setenv("PACE_PASSPHRASE", PASSPHRASE)
    path = _laptop(tmp_path)
    code, out, err = _check(capsys, path, "--hub", "postgresql://ali@localhost:1/none")
    assert code == 1 and len(err.strip().splitlines()) == 1, err
    assert "Cannot reach the hub" in err and "was not compared" in err
    assert "the store's own check found it sound" in err and "Traceback" not in err
