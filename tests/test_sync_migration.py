"""The sync migration gives a store made before it an id of its own and the tables a merge
needs, losing nothing: every child and record keeps its id, and the store can send and
receive at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from pace_desktop.exchange import read_interchange_file
from pace_desktop.store import CaseStore, schema
from pace_desktop.store.package_file import read_package
from tests.conftest import FIXTURES, PASSPHRASE


def test_an_older_store_gains_a_store_id_and_keeps_every_record(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "old.pacestore"
    before_sync = schema.MIGRATIONS.index(next(m for m in schema.MIGRATIONS
                                               if "sync_ancestors" in m))
    monkeypatch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:before_sync])
    monkeypatch.setattr(schema, "LATEST", before_sync)
    with CaseStore.create(path, PASSPHRASE, "Mairi Flett") as s:
        s.import_children(read_interchange_file(FIXTURES / "journeys.json"), sync_source=None)
        old = list(s.children())
        assert "store_id" not in s.meta()
    monkeypatch.undo()
    with CaseStore.open(path, PASSPHRASE) as s:
        assert len(s.store_id()) == 36
        assert list(s.children()) == old  # every child and record, ids and all
        assert s.check() == [] and s.conflicts() == []
        s.send_children(["FX-A"], tmp_path / "p.pacepkg", "a long package phrase")
    with CaseStore.create(tmp_path / "new.pacestore", PASSPHRASE, "Ruth Isbister") as other:
        got = other.receive_package(read_package(tmp_path / "p.pacepkg",
                                                 "a long package phrase"))
        assert got.added == ("FX-A",) and other.child("FX-A") == old[0]


def test_the_hub_table_of_migration_6_goes_and_nothing_else(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Migration 7: the hub keeps its sync state in sync_ancestors and conflicts; the table
    migration 6 made for it is dropped, and the children stay as they were."""
    path = tmp_path / "six.pacestore"
    six = next(i for i, m in enumerate(schema.MIGRATIONS) if "CREATE TABLE hub_sync" in m) + 1
    monkeypatch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:six])
    monkeypatch.setattr(schema, "LATEST", six)
    with CaseStore.create(path, PASSPHRASE, "Mairi Flett") as s:
        s.import_children(read_interchange_file(FIXTURES / "journeys.json"))
        old = list(s.children())
        assert s._live().execute("SELECT count(*) FROM sqlite_master WHERE name = 'hub_sync'"
                                 ).fetchone()[0] == 1
    monkeypatch.undo()
    with CaseStore.open(path, PASSPHRASE) as s:
        assert s._live().execute("SELECT count(*) FROM sqlite_master WHERE name = 'hub_sync'"
                                 ).fetchone()[0] == 0
        assert list(s.children()) == old and s.check() == []
