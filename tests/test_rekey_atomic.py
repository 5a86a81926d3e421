"""A rekey interrupted at any moment leaves a store that one of the two passphrases opens,
is recognised as such (never "damaged"), and whose audit log records the change if it
happened. Real kills of real processes."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pace_desktop.demo_store import make_demo_store
from pace_desktop.store import CaseStore, DamagedStore, WrongPassphrase
from pace_desktop.store.verifier import pending_path, verifier_path
from tests.conftest import PASSPHRASE
from tests.faults import snippet

NEW = "a quiet lighthouse keeps seven kettles"
ROOT = Path(__file__).resolve().parents[1]


_kept: list[CaseStore] = []


def _which_opens(path: Path, old: str, new: str, keep_open: bool = False) -> str:
    """'old' or 'new'; asserts the other is told it is the wrong passphrase, not damage."""
    opened, refused = [], []
    for name, p in (("old", old), ("new", new)):
        try:
            s = CaseStore.open(path, p)
            _kept.append(s) if keep_open else s.close()
            opened.append(name)
        except WrongPassphrase:
            refused.append(name)
        except DamagedStore as exc:  # the defect this guards against
            pytest.fail(f"the {name} passphrase was told the store is damaged: {exc}")
    assert len(opened) == 1 and len(refused) == 1, (opened, refused)
    return opened[0]


def rekey_seconds(path: Path, old: str, new: str) -> float:
    """How long one whole rekey takes here, from "open" to exit (the machine may be busy)."""
    child = subprocess.Popen([sys.executable, "-m", "tests.rekey_runner", str(path), old, new],
                             cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None and child.stdout.readline().strip() == "open"
    start = time.monotonic()
    assert child.stdout.readline().strip() == "rekeyed"
    child.wait()
    return time.monotonic() - start


def kill_rekey_once(path: Path, old: str, new: str, rng: random.Random, span: float) -> str:
    """Start a rekey, SIGKILL it at a random moment after the store is open; then check."""
    child = subprocess.Popen([sys.executable, "-m", "tests.rekey_runner", str(path), old, new],
                             cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "open"
    time.sleep(rng.uniform(0, span))
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    opens = _which_opens(path, old, new, keep_open=True)
    with _kept.pop() as s:
        assert s.check() == []
        if opens == "new":
            assert s.audit_entries(limit=1)[0].operation == "change passphrase"
    assert not pending_path(path).exists()  # settled at the open
    assert verifier_path(path).exists()
    return opens


@pytest.fixture
def busy_store(tmp_path: Path) -> Path:
    path = tmp_path / "rekey.pacestore"
    make_demo_store(path, PASSPHRASE, 12)
    return path


def test_twenty_kills_during_rekey_leave_one_known_passphrase(busy_store: Path) -> None:
    rng = random.Random(17)
    span = 1.2 * rekey_seconds(busy_store, PASSPHRASE, NEW)
    new, old = PASSPHRASE, NEW
    seen = {"old": 0, "new": 0}
    for _ in range(20):
        opens = kill_rekey_once(busy_store, old, new, rng, span)
        seen[opens] += 1
        if opens == "new":
            old, new = new, old
    # both outcomes happened: the kills landed before and after the rekey
    assert seen["old"] and seen["new"], seen


def test_a_failed_rekey_says_which_passphrase_opens_the_store(busy_store: Path) -> None:
    size = busy_store.stat().st_size
    done = snippet("import sys; from tests.rekey_runner import main; main(*sys.argv[1:])",
                   str(busy_store), PASSPHRASE, NEW, fsize=size // 2)
    lines = done.stdout.splitlines()
    assert lines[0] == "open" and lines[1].startswith("failed"), done.stdout + done.stderr
    assert "disk is full" in lines[1] and "OLD passphrase still opens" in lines[1], lines[1]
    assert "rollback" not in lines[1].lower()
    assert _which_opens(busy_store, PASSPHRASE, NEW) == "old"
    assert not pending_path(busy_store).exists()
    with CaseStore.open(busy_store, PASSPHRASE) as s:
        assert s.check() == []


@pytest.mark.slow
def test_soak_kills_during_rekey(busy_store: Path) -> None:
    runs = int(os.environ.get("PACE_SOAK_REKEY", "250"))
    rng = random.Random(1717)
    span = 1.2 * rekey_seconds(busy_store, PASSPHRASE, NEW)
    new, old = PASSPHRASE, NEW
    seen = {"old": 0, "new": 0}
    for _ in range(runs):
        opens = kill_rekey_once(busy_store, old, new, rng, span)
        seen[opens] += 1
        if opens == "new":
            old, new = new, old
    print(f"\nSOAK rekey kills: {runs} runs, old passphrase opened {seen['old']},"
          f" new opened {seen['new']}, damaged 0, missing audit entries 0")


def test_a_kill_after_the_rekey_but_before_the_key_check_moved(tmp_path: Path) -> None:
    """The window the soak found: the file already opens with the new passphrase, the
    key-check still names the old one and the pending one the new. The old passphrase is
    told it is the wrong one (not "damaged"); the new one opens and settles the key-checks."""
    path = tmp_path / "w.pacestore"
    CaseStore.create(path, PASSPHRASE, "Owner").close()
    old_check = verifier_path(path).read_bytes()
    with CaseStore.open(path, PASSPHRASE) as s:
        s.rekey(NEW)
    verifier_path(path).replace(pending_path(path))
    verifier_path(path).write_bytes(old_check)
    with pytest.raises(WrongPassphrase, match="interrupted"):
        CaseStore.open(path, PASSPHRASE)
    assert _which_opens(path, PASSPHRASE, NEW) == "new"
    assert not pending_path(path).exists()
    with pytest.raises(WrongPassphrase):
        CaseStore.open(path, PASSPHRASE)
