"""SIGKILL at random moments of `receive` (SYNC.md promise 6): the store is always either as
it was or fully merged, and `check` finds it sound. 20 kills here; 200 in the slow run."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest

from pace_desktop.demo import generate_caseload
from pace_desktop.store import CaseStore
from pace_desktop.store.package_file import read_package
from tests.conftest import PASSPHRASE

ROOT = Path(__file__).resolve().parents[1]
SECRET = "a long package phrase"
N = 40


def _prepare(tmp: Path) -> tuple[Path, Path]:
    """A meeting laptop holding 40 children from the office, and a package from the office
    in which every one of them has changed (40 merges, no conflicts)."""
    office, meeting = tmp / "office" / "s.pacestore", tmp / "meeting" / "s.pacestore"
    with CaseStore.create(office, PASSPHRASE, "Mairi Flett") as o, \
            CaseStore.create(meeting, PASSPHRASE, "Ruth Isbister") as m:
        o.import_children(list(generate_caseload(N, seed=5)), source="demo")
        o.send_children(o.refs(), tmp / "first.pacepkg", SECRET)
        m.receive_package(read_package(tmp / "first.pacepkg", SECRET))
        for ref in o.refs():
            o.save_child_details(replace(o.child(ref), known_as="Moved on"))
        o.send_children(o.refs(), tmp / "second.pacepkg", SECRET)
    return meeting, tmp / "second.pacepkg"


def _start(path: Path, package: Path) -> subprocess.Popen[str]:
    child = subprocess.Popen([sys.executable, "-m", "tests.receive_runner", str(path),
                              PASSPHRASE, str(package), SECRET], cwd=ROOT,
                             stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None and child.stdout.readline().strip() == "open"
    return child


def _merged(path: Path) -> int:
    with CaseStore.open(path, PASSPHRASE) as s:
        assert s.check() == []
        return sum(c.known_as == "Moved on" for c in s.children())


def kill_receives(tmp: Path, rounds: int, rng: random.Random) -> dict[str, int]:
    pristine, package = _prepare(tmp)
    work = tmp / "work"
    shutil.copytree(pristine.parent, work)
    child = _start(work / pristine.name, package)
    start = time.monotonic()
    assert child.stdout is not None and child.stdout.readline().strip() == "done"
    span = 1.3 * (time.monotonic() - start)
    child.wait()
    assert _merged(work / pristine.name) == N
    seen = {"whole": 0, "none": 0}
    for _ in range(rounds):
        shutil.rmtree(work)
        shutil.copytree(pristine.parent, work)
        child = _start(work / pristine.name, package)
        time.sleep(rng.uniform(0, span))
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        merged = _merged(work / pristine.name)
        assert merged in (0, N), merged
        seen["whole" if merged else "none"] += 1
    return seen


def test_a_killed_receive_leaves_the_store_as_before_or_fully_merged(tmp_path: Path) -> None:
    seen = kill_receives(tmp_path, 20, random.Random(13))
    assert seen["whole"] + seen["none"] == 20


@pytest.mark.slow
def test_two_hundred_killed_receives(tmp_path: Path) -> None:
    seen = kill_receives(tmp_path, 200, random.Random(1313))
    print(f"200 killed receives: {seen}")
    assert seen["none"] > 0 and seen["whole"] > 0
