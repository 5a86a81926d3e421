"""Every audit entry names the store it was made in (SYNC.md promise 5: who, where, when), and
the chain's hash covers it: a store made before migration 9 keeps verifying, its later
entries name the store, and changing, removing or adding a store anywhere is caught by
`check`."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlcipher3 import dbapi2 as sqlcipher

from pace_desktop.domain import Event
from pace_desktop.exchange import read_interchange_file
from pace_desktop.store import CaseStore, schema
from tests.conftest import FIXTURES, PASSPHRASE


def _sql(path: Path, *statements: str) -> None:
    conn = sqlcipher.connect(str(path), isolation_level=None)
    conn.execute(f"PRAGMA key = '{PASSPHRASE}'")
    conn.execute("DROP TRIGGER IF EXISTS audit_no_update")
    conn.execute("DROP TRIGGER IF EXISTS audit_no_delete")
    for s in statements:
        conn.execute(s)
    conn.execute("CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit"
                 " BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END")
    conn.execute("CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit"
                 " BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def test_every_entry_of_a_new_store_names_its_store(tmp_path: Path) -> None:
    path = tmp_path / "s.pacestore"
    with CaseStore.create(path, PASSPHRASE, "Mairi Flett") as s:
        s.import_children(read_interchange_file(FIXTURES / "journeys.json"))
        s.add_event("FX-A", Event(date=date(2025, 1, 2), title="visit at home"))
        entries = s.audit_entries()
        assert len(entries) == 3
        assert {e.store for e in entries} == {s.store_id()} and len(s.store_id()) == 36
        assert s.check() == []


@pytest.fixture
def old_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, list]:
    """A store made at version 8 (before entries named their store), brought up to date."""
    path = tmp_path / "old.pacestore"
    monkeypatch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:8])
    monkeypatch.setattr(schema, "LATEST", 8)
    with CaseStore.create(path, PASSPHRASE, "Mairi Flett") as s:
        s.import_children(read_interchange_file(FIXTURES / "journeys.json"))
        s.add_event("FX-A", Event(date=date(2025, 1, 2), title="visit at home"))
        assert s.check() == []
        before = [(e.seq, e.who, e.operation, e.store) for e in s.audit_entries()]
    monkeypatch.undo()
    return path, before


def test_an_older_log_keeps_verifying_and_new_entries_name_the_store(
        old_store: tuple[Path, list]) -> None:
    path, before = old_store
    assert all(store is None for *_, store in before)
    with CaseStore.open(path, PASSPHRASE) as s:
        sid = s.store_id()
        s.add_event("FX-B", Event(date=date(2025, 3, 4), title="school meeting"))
        entries = sorted(s.audit_entries(), key=lambda e: e.seq)
        old = entries[:len(before)]
        assert [(e.seq, e.who, e.operation, e.store) for e in old] == sorted(before)
        upgrade, added = entries[len(before):]
        assert (upgrade.operation, upgrade.store) == ("upgrade store", sid)
        assert (added.operation, added.who, added.store) == ("add chronology entry",
                                                             "Mairi Flett", sid)
        assert s.check() == []  # the old entries and the new, one sound chain
    with CaseStore.open(path, PASSPHRASE) as s:
        assert s.check() == []


TAMPERINGS = {
    "another store's id on the newest entry":
        "UPDATE audit SET store = '00000000-0000-4000-8000-000000000000'"
        " WHERE seq = (SELECT max(seq) FROM audit)",
    "the store taken off the newest entry":
        "UPDATE audit SET store = NULL WHERE seq = (SELECT max(seq) FROM audit)",
    "a store put on an entry made before stores were named":
        "UPDATE audit SET store = (SELECT value FROM pace_meta WHERE key = 'store_id')"
        " WHERE seq = 1",
}


@pytest.mark.parametrize("name", list(TAMPERINGS))
def test_check_catches_a_changed_store(name: str, old_store: tuple[Path, list]) -> None:
    path, _ = old_store
    with CaseStore.open(path, PASSPHRASE) as s:
        s.add_event("FX-B", Event(date=date(2025, 3, 4), title="school meeting"))
        assert s.check() == []
    _sql(path, TAMPERINGS[name])
    with CaseStore.open(path, PASSPHRASE) as s:
        problems = s.check()
    assert problems and "audit entry" in problems[0], name
