"""`check` catches each of the fourteen tamperings, made with the passphrase and plain SQL;
and says plainly what it cannot prove (entries written after the last witness)."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from pace_desktop.demo_store import make_demo_store
from pace_desktop.domain import Event
from pace_desktop.store import CaseStore
from pace_desktop.store.witness import witness_path
from tests.conftest import PASSPHRASE
from tests.tamperings import TAMPERINGS


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("tamper")
    path = folder / "t.pacestore"
    make_demo_store(path, PASSPHRASE, 4)
    with CaseStore.open(path, PASSPHRASE) as s:
        s.backup(folder / "older.pacebackup")
        ref = s.refs()[0]
        for n in range(3):
            s.add_event(ref, Event(date=date(2025, 1, 1 + n), title=f"later entry {n}"))
        assert s.check() == [] and s.notes == []
        final = s._live().execute("SELECT count(*) FROM decisions JOIN meetings ON meetings.id ="
                             " decisions.meeting_id WHERE status = 'final'").fetchone()[0]
        assert final > 0  # the decision tampering has something to change
    return path


def fresh_copy(template: Path, folder: Path) -> Path:
    for f in template.parent.iterdir():
        if f.is_file():
            shutil.copy(f, folder / f.name)
    return folder / template.name


@pytest.mark.parametrize("name", list(TAMPERINGS))
def test_check_catches_the_tampering(name: str, template: Path, tmp_path: Path) -> None:
    path = fresh_copy(template, tmp_path)
    with CaseStore.open(path, PASSPHRASE) as s:
        assert s.check() == []  # sound before
    TAMPERINGS[name](path)
    with CaseStore.open(path, PASSPHRASE) as s:
        problems = s.check()
    assert problems, f"check did not notice: {name}"


def test_entries_after_the_last_witness_are_said_plainly(template: Path, tmp_path: Path) -> None:
    path = fresh_copy(template, tmp_path)
    kept = witness_path(path).read_bytes()
    with CaseStore.open(path, PASSPHRASE) as s:
        s.add_event(s.refs()[0], Event(date=date(2025, 2, 1), title="after the witness"))
    witness_path(path).write_bytes(kept)  # as if the process died between commit and witness
    with CaseStore.open(path, PASSPHRASE) as s:
        assert s.check() == []
        assert len(s.notes) == 1 and "written after the last witness" in s.notes[0]
        assert "could not be shown" in s.notes[0]


def test_a_store_made_before_the_keyed_chain_still_opens_and_checks(template: Path,
                                                                    tmp_path: Path) -> None:
    """A legacy store: plain SHA-256 entries only, no witness. It opens, is sealed once (the
    marker), and checks sound; a plain entry after the marker is then refused."""
    from tests.tamperings import _rechain_plain

    path = fresh_copy(template, tmp_path)
    _rechain_plain(path, restore_guard=True)  # every entry plain, as an older version wrote them
    witness_path(path).unlink()

    with CaseStore.open(path, PASSPHRASE) as s:
        assert s.audit_entries(limit=1)[0].operation == "seal audit log"
        assert s.check() == []
    TAMPERINGS["append a forged entry"](path)  # rewrites the whole log as a plain chain again
    with CaseStore.open(path, PASSPHRASE) as s:
        assert any("does not match the witness" in p for p in s.check())
