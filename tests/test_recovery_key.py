"""The authority recovery key: a store set up with it opens with the private key when its
passphrase is lost, gets a new passphrase, and stays a standard SQLCipher file."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from sqlcipher3 import dbapi2 as sqlcipher

from pace_desktop.store import CaseStore, StoreError, WrongPassphrase
from pace_desktop.store.recovery import PRIVATE_NAME, PUBLIC_NAME, seal_path
from tests.conftest import PASSPHRASE
from tests.faults import cli

LOST_AFTER_REKEY = "a quiet lighthouse keeps seven kettles"
NEW = "the heron counts ferries at dusk"


@pytest.fixture(scope="module")
def keys(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("authority")
    done = cli("recovery-keygen", "--out", str(folder))
    assert done.returncode == 0, done.stderr
    for name in (PUBLIC_NAME, PRIVATE_NAME):
        assert stat.S_IMODE((folder / name).stat().st_mode) == 0o600
    return folder


def test_a_lost_passphrase_is_recovered_with_the_authority_key(keys: Path,
                                                              tmp_path: Path) -> None:
    store = tmp_path / "s.pacestore"
    done = cli("init", "--store", str(store), "--owner", "A Worker",
               "--recovery-key", str(keys / PUBLIC_NAME))
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(seal_path(store).stat().st_mode) == 0o600
    assert PASSPHRASE.encode() not in seal_path(store).read_bytes()
    # the seal is renewed on rekey: recovery after a rekey whose passphrase is then forgotten
    done = cli("rekey", "--store", str(store), env={"PACE_NEW_PASSPHRASE": LOST_AFTER_REKEY})
    assert done.returncode == 0, done.stderr
    with pytest.raises(WrongPassphrase):
        CaseStore.open(store, PASSPHRASE)
    done = cli("recover", "--store", str(store), "--key", str(keys / PRIVATE_NAME),
               env={"PACE_NEW_PASSPHRASE": NEW, "PACE_PASSPHRASE": ""})
    assert done.returncode == 0, done.stderr
    with CaseStore.open(store, NEW) as s:
        assert s.check() == []
        ops = [e.operation for e in s.audit_entries(limit=3)]
        assert ops[:2] == ["change passphrase", "recover with the authority's key"]
    # still a standard SQLCipher 4 file: the driver alone opens it with the passphrase
    conn = sqlcipher.connect(str(store))
    conn.execute(f"PRAGMA key = '{NEW}'")
    assert conn.execute("SELECT value FROM pace_meta WHERE key = 'app'").fetchone()
    conn.close()
    # and the renewed seal recovers again
    CaseStore.recover(store, keys / PRIVATE_NAME, PASSPHRASE).close()
    CaseStore.open(store, PASSPHRASE).close()


def test_an_existing_store_can_be_enrolled(keys: Path, store: CaseStore) -> None:
    store.enrol_recovery(PASSPHRASE, (keys / PUBLIC_NAME).read_bytes())
    path = store.path
    store.close()
    CaseStore.recover(path, keys / PRIVATE_NAME, NEW).close()
    CaseStore.open(path, NEW).close()


def test_the_wrong_key_or_no_seal_is_said_plainly(keys: Path, tmp_path: Path,
                                                   store: CaseStore) -> None:
    path = store.path
    store.close()
    with pytest.raises(StoreError, match="not set up with an authority recovery key"):
        CaseStore.recover(path, keys / PRIVATE_NAME, NEW)
    other = tmp_path / "other"
    assert cli("recovery-keygen", "--out", str(other)).returncode == 0
    with CaseStore.open(path, PASSPHRASE) as s:
        s.enrol_recovery(PASSPHRASE, (keys / PUBLIC_NAME).read_bytes())
    done = cli("recover", "--store", str(path), "--key", str(other / PRIVATE_NAME),
               env={"PACE_NEW_PASSPHRASE": NEW})
    assert done.returncode == 1
    assert done.stderr.strip() == "That recovery key is not the one this store was sealed to."
    CaseStore.open(path, PASSPHRASE).close()  # nothing changed


def test_the_wrong_file_a_missing_key_or_no_seal_is_one_plain_line(
        keys: Path, tmp_path: Path) -> None:
    """For someone who lost the passphrase: each mistake with `recover` is one line saying
    what is wrong and with which file, and the store is left as it was."""
    store = tmp_path / "s.pacestore"
    assert cli("init", "--store", str(store), "--owner", "A").returncode == 0
    before = store.read_bytes()
    junk = tmp_path / "notes.txt"
    junk.write_text("not a key\n", encoding="utf-8")
    cases = [
        (keys / PUBLIC_NAME, f"{keys / PUBLIC_NAME} is not an authority's private recovery key."),
        (junk, f"{junk} is not an authority's private recovery key."),
        (tmp_path / "missing.pem", f"Cannot read the recovery key {tmp_path / 'missing.pem'}:"
                                   " No such file or directory."),
        (keys / PRIVATE_NAME, f"There is no recovery seal (s.pacestore.recovery) beside {store}:"
                              " this store was not set up with an authority recovery key."),
    ]
    for key, said in cases:
        done = cli("recover", "--store", str(store), "--key", str(key),
                   env={"PACE_NEW_PASSPHRASE": NEW, "PACE_PASSPHRASE": ""})
        assert done.returncode == 1 and done.stderr.strip() == said, done.stderr
        assert "Traceback" not in done.stderr
    assert store.read_bytes() == before
    CaseStore.open(store, PASSPHRASE).close()


def test_the_seal_is_renewed_on_every_rekey(keys: Path, tmp_path: Path) -> None:
    store = tmp_path / "s.pacestore"
    assert cli("init", "--store", str(store), "--owner", "A",
               "--recovery-key", str(keys / PUBLIC_NAME)).returncode == 0
    seals = [seal_path(store).read_bytes()]
    passphrases = [PASSPHRASE, LOST_AFTER_REKEY, NEW]
    for old, new in zip(passphrases, passphrases[1:], strict=False):
        with CaseStore.open(store, old) as s:
            s.rekey(new)
        seals.append(seal_path(store).read_bytes())
        assert len(__import__("json").loads(seals[-1])["sealed"]) == 1  # only the new key
    assert len(set(seals)) == 3
    CaseStore.recover(store, keys / PRIVATE_NAME, "a fresh passphrase for the lost one").close()
    CaseStore.open(store, "a fresh passphrase for the lost one").close()
