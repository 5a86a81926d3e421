"""The caseload's legal status comes from an index alone (issue 14: the manager's 10,000-child
caseload on screen quickly after unlock), in stores made before the index too."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlcipher3 import dbapi2 as sqlcipher

from pace_desktop.domain import Child, LegalEpisode
from pace_desktop.store import CaseStore, schema
from pace_desktop.store.reads import CASELOAD_SQL
from tests.conftest import PASSPHRASE

TODAY = date(2026, 11, 28)


def children() -> list[Child]:
    return [
        Child(ref="C-1", given_name="Isla", family_name="Rendall", date_of_birth=date(2019, 4, 1),
              legal=(LegalEpisode("icso", date(2025, 1, 6), date(2025, 3, 1)),
                     LegalEpisode("cso", date(2025, 3, 2)))),
        Child(ref="C-2", given_name="Magnus", family_name="Tait", date_of_birth=date(2016, 8, 9),
              legal=(LegalEpisode("pvo", date(2026, 12, 1)),)),  # not in force yet
        Child(ref="C-3", given_name="Eilidh", family_name="Sinclair",
              date_of_birth=date(2020, 2, 2)),
    ]


def plan(path: Path) -> str:
    conn = sqlcipher.connect(str(path))
    try:
        conn.execute(f"PRAGMA key = '{PASSPHRASE}'")
        rows = conn.execute(f"EXPLAIN QUERY PLAN {CASELOAD_SQL}", {"day": TODAY.isoformat()})
        return "\n".join(str(r[-1]) for r in rows)
    finally:
        conn.close()


def test_the_legal_status_is_read_from_the_index_alone(tmp_path: Path) -> None:
    path = tmp_path / "caseload.pacestore"
    with CaseStore.create(path, PASSPHRASE, "Owner") as store:
        store.import_children(children())
    assert "SEARCH legal USING COVERING INDEX legal_in_force" in plan(path)


def test_a_store_made_before_the_index_gets_it_and_lists_the_same(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "older.pacestore"
    monkeypatch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:10])
    monkeypatch.setattr(schema, "LATEST", 10)
    with CaseStore.create(path, PASSPHRASE, "Owner") as store:
        store.import_children(children())
        before = store.caseload(TODAY)
    monkeypatch.undo()
    assert "legal_in_force" not in plan(path)
    with CaseStore.open(path, PASSPHRASE) as store:
        after = store.caseload(TODAY)
        assert store.check() == []
    assert after == before
    assert [(r.ref, r.legal_status) for r in after] == [
        ("C-1", "cso"), ("C-3", None), ("C-2", None)]
    assert "SEARCH legal USING COVERING INDEX legal_in_force" in plan(path)
