"""A backup left half-made by an app that quit or lost power is cleared by the next backup;
one that a running app may still be writing is left alone (issue 14: found measuring the
10,000-child store, where each quit during the unlock backup left ~0.5 GB behind)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from pace_desktop.store import CaseStore
from pace_desktop.store.backup import KEEP, backup_folder, backups_of
from tests.conftest import PASSPHRASE


def gone_pid() -> int:
    """The pid of a process that has finished."""
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    return int(done.stdout)


def half_made(store: Path, pid: int, stamp: str) -> list[Path]:
    folder = backup_folder(store)
    folder.mkdir(exist_ok=True)
    copy = folder / f".{store.stem}.{stamp}.unlock.{pid}.partial.pacebackup"
    journal = copy.with_name(copy.name + "-journal")
    for p in (copy, journal):
        p.write_bytes(os.urandom(4096))
    return [copy, journal]


def test_the_next_backup_clears_what_a_quit_app_left(tmp_path: Path) -> None:
    path = tmp_path / "caseload.pacestore"
    with CaseStore.create(path, PASSPHRASE, "Owner"):
        pass
    left = half_made(path, gone_pid(), "20261128T101010000000")
    ours = half_made(path, os.getpid(), "20261128T111111000000")
    running = half_made(path, os.getppid(), "20261128T121212000000")
    other_store = half_made(tmp_path / "another.pacestore", gone_pid(), "20261128T131313000000")
    with CaseStore.open(path, PASSPHRASE) as store:
        made = store.auto_backup("unlock")
    assert made.exists() and backups_of(path) == [made]
    assert not any(p.exists() for p in left)
    assert all(p.exists() for p in ours + running + other_store)


def test_old_backups_still_roll(tmp_path: Path) -> None:
    path = tmp_path / "caseload.pacestore"
    with CaseStore.create(path, PASSPHRASE, "Owner") as store:
        made = [store.auto_backup() for _ in range(KEEP + 2)]
    assert backups_of(path) == made[-KEEP:]
