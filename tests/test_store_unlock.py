"""Opening a store: every way it can fail says which, and a failed unlock changes nothing."""

from __future__ import annotations

import hashlib
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlcipher3 import dbapi2 as sqlcipher

from pace_desktop.domain import Child
from pace_desktop.store import (
    CaseStore,
    DamagedStore,
    NewerVersion,
    NotAPaceStore,
    PassphraseTooShort,
    StoreExists,
    StoreNotFound,
    WrongPassphrase,
    schema,
)
from tests.conftest import PASSPHRASE

PAGE = 4096


def snapshot(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def closed_store(path: Path, children: int = 3) -> None:
    with CaseStore.create(path, PASSPHRASE, "Owner") as s:
        s.import_children(
            [
                Child(
                    ref=f"R{i}",
                    given_name="Ailsa",
                    family_name=f"Flett{i}",
                    date_of_birth=date(2019, 1, 1) + timedelta(days=i),
                )
                for i in range(children)
            ]
        )


def flip(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    for i in range(offset, offset + 16):
        data[i] ^= 0xFF
    path.write_bytes(bytes(data))


def test_short_passphrase_is_refused_and_nothing_is_created(store_path: Path) -> None:
    with pytest.raises(PassphraseTooShort, match="at least 12"):
        CaseStore.create(store_path, "short", "Owner")
    assert not store_path.exists()


def test_create_never_replaces_a_file(store_path: Path) -> None:
    store_path.parent.mkdir(parents=True)
    store_path.write_bytes(b"someone's file")
    with pytest.raises(StoreExists):
        CaseStore.create(store_path, PASSPHRASE, "Owner")
    assert store_path.read_bytes() == b"someone's file"


def test_right_passphrase_opens_with_records(store_path: Path) -> None:
    closed_store(store_path)
    with CaseStore.open(store_path, PASSPHRASE) as s:
        assert s.refs() == ["R0", "R1", "R2"]
        assert s.meta()["owner"] == "Owner"


def test_wrong_passphrase_changes_nothing(store_path: Path) -> None:
    closed_store(store_path)
    before = snapshot(store_path.parent)
    with pytest.raises(WrongPassphrase, match="does not open this store"):
        CaseStore.open(store_path, "not the right passphrase")
    assert snapshot(store_path.parent) == before


def test_missing_file_is_not_created(store_path: Path) -> None:
    with pytest.raises(StoreNotFound):
        CaseStore.open(store_path, PASSPHRASE)
    assert not store_path.exists()


@pytest.mark.parametrize(
    "content, why",
    [
        (b"", "empty"),
        (b"SQLite format 3\x00" + bytes(PAGE - 16), "unencrypted"),
        (bytes(range(256)) * 21, "not an encrypted database"),
    ],
)
def test_foreign_files_are_not_stores(store_path: Path, content: bytes, why: str) -> None:
    store_path.parent.mkdir(parents=True)
    store_path.write_bytes(content)
    with pytest.raises(NotAPaceStore, match=why):
        CaseStore.open(store_path, PASSPHRASE)
    assert store_path.read_bytes() == content


def test_an_encrypted_database_of_something_else_is_not_a_store(store_path: Path) -> None:
    store_path.parent.mkdir(parents=True)
    conn = sqlcipher.connect(str(store_path))
    conn.execute(f"PRAGMA key = '{PASSPHRASE}'")
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(NotAPaceStore, match="no PACE case records"):
        CaseStore.open(store_path, PASSPHRASE)


def test_damaged_first_page_is_told_apart_from_a_wrong_passphrase(store_path: Path) -> None:
    closed_store(store_path)
    flip(store_path, 100)  # inside page 1, after the salt: reads like a wrong key in SQLCipher
    with pytest.raises(DamagedStore, match="damaged"):
        CaseStore.open(store_path, PASSPHRASE)
    with pytest.raises(WrongPassphrase):
        CaseStore.open(store_path, "not the right passphrase")


def test_damaged_first_page_without_key_check_uses_the_backup(store_path: Path) -> None:
    closed_store(store_path)
    with CaseStore.open(store_path, PASSPHRASE) as s:
        made = s.auto_backup("test")
    store_path.with_name(store_path.name + ".keycheck").unlink()
    flip(store_path, 100)
    with pytest.raises(DamagedStore) as caught:
        CaseStore.open(store_path, PASSPHRASE)
    assert caught.value.backup == str(made)
    assert str(made) in str(caught.value)


def test_damaged_data_page_gives_the_damaged_message_not_a_crash(store_path: Path) -> None:
    closed_store(store_path, children=400)
    size = store_path.stat().st_size
    assert size > 6 * PAGE
    # Flip bytes in every data page after the first: whatever is read next is damaged.
    for page in range(1, size // PAGE):
        flip(store_path, page * PAGE + 1000)
    with pytest.raises(DamagedStore, match="damaged"):
        with CaseStore.open(store_path, PASSPHRASE) as s:
            s.caseload()


def test_check_names_a_damaged_page(store_path: Path) -> None:
    closed_store(store_path, children=400)
    flip(store_path, 3 * PAGE + 500)
    with CaseStore.open(store_path, PASSPHRASE) as s:
        problems = s.check()
    assert problems and any("encryption check" in p or "could not" in p for p in problems)


def test_store_from_a_newer_version_is_refused_untouched(store_path: Path) -> None:
    closed_store(store_path)
    conn = sqlcipher.connect(str(store_path))
    conn.execute(f"PRAGMA key = '{PASSPHRASE}'")
    conn.execute(f"PRAGMA user_version = {schema.LATEST + 1}")
    conn.commit()
    conn.close()
    before = snapshot(store_path.parent)
    with pytest.raises(NewerVersion, match="newer version"):
        CaseStore.open(store_path, PASSPHRASE)
    assert snapshot(store_path.parent) == before


def test_older_store_is_backed_up_then_migrated(
    store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:1])
    monkeypatch.setattr(schema, "LATEST", 1)
    with CaseStore.create(store_path, PASSPHRASE, "Owner") as s:
        # Children as version 1 wrote them: today's import writes columns v1 did not have.
        conn = s._live()
        for i in range(3):
            conn.execute("INSERT INTO children (ref, given_name, family_name, date_of_birth,"
                         " created, updated) VALUES (?, 'Ailsa', ?, '2019-01-01', 'x', 'x')",
                         (f"R{i}", f"Flett{i}"))
        conn.commit()
    monkeypatch.undo()
    with CaseStore.open(store_path, PASSPHRASE) as s:
        assert s._live().execute("PRAGMA user_version").fetchone()[0] == schema.LATEST
        assert s._live().execute("SELECT 1 FROM sqlite_master WHERE name = 'drafts'").fetchone()
        assert s.check() == []
        assert s.audit_entries()[0].operation == "upgrade store"
        # Migration 3 gave every child already there an id of its own, kept from then on.
        ids = [c.id for c in s.children()]
        assert len(set(ids)) == 3 and all(len(i) == 36 and i[14] == "4" for i in ids)
        assert [c.id for c in s.children()] == ids
    backups = list((store_path.parent / "backups").iterdir())
    assert len(backups) == 1
    conn = sqlcipher.connect(str(backups[0]))  # read as it is: opening it would migrate it too
    conn.execute(f"PRAGMA key = '{PASSPHRASE}'")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM children").fetchone()[0] == 3
    conn.close()


def test_rekey_changes_the_passphrase(store_path: Path) -> None:
    closed_store(store_path)
    new = "a different long passphrase"
    with CaseStore.open(store_path, PASSPHRASE) as s:
        with pytest.raises(PassphraseTooShort):
            s.rekey("short")
        s.rekey(new)
    with pytest.raises(WrongPassphrase):
        CaseStore.open(store_path, PASSPHRASE)
    with CaseStore.open(store_path, new) as s:
        assert s.refs() == ["R0", "R1", "R2"]
        assert s.check() == []


def test_backup_opens_with_the_passphrase_and_holds_everything(store_path: Path) -> None:
    closed_store(store_path)
    out = store_path.parent / "copy.pacebackup"
    with CaseStore.open(store_path, PASSPHRASE) as s:
        s.backup(out)
        with pytest.raises(StoreExists):
            s.backup(out)
    with CaseStore.open(out, PASSPHRASE) as b:
        assert b.refs() == ["R0", "R1", "R2"]
        assert b.check() == []


def test_an_open_store_runs_with_its_safe_settings(store: CaseStore) -> None:
    """The canary scan cannot see SQLite's deleted spill files, so assert the settings that
    keep them away, on the live connection."""
    conn = store._live()
    assert conn.execute("PRAGMA temp_store").fetchone()[0] == 2  # MEMORY: never plaintext files
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_the_store_and_its_companions_are_owner_only(store: CaseStore) -> None:
    import stat

    from pace_desktop.store.verifier import verifier_path
    from pace_desktop.store.witness import witness_path

    made = store.auto_backup()
    for f in (store.path, verifier_path(store.path), witness_path(store.path), made):
        assert stat.S_IMODE(f.stat().st_mode) == 0o600, f
