"""A process writing in a loop is killed with SIGKILL at random moments; every time, the store
opens, passes `check`, and holds every write the process had reported committed."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from pace_desktop.domain import Child
from pace_desktop.store import CaseStore
from tests.conftest import PASSPHRASE

ROOT = Path(__file__).resolve().parents[1]
KILLS = 20


def test_sigkill_mid_write_loses_nothing_reported(store_path: Path) -> None:
    with CaseStore.create(store_path, PASSPHRASE, "Owner") as s:
        s.import_children(
            [
                Child(
                    ref="CR-1",
                    given_name="Tam",
                    family_name="Rendall",
                    date_of_birth=date(2017, 7, 7),
                )
            ]
        )
    rng = random.Random(20261124)
    reported: set[str] = set()
    next_n = 0
    for _ in range(KILLS):
        proc = subprocess.Popen(
            [sys.executable, "-m", "tests.crash_writer", str(store_path), PASSPHRASE, str(next_n)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert proc.stdout is not None
        first = proc.stdout.readline()  # the store is open and writing
        assert first.strip(), "the writer did not start"
        time.sleep(rng.uniform(0.0, 0.25))
        os.kill(proc.pid, signal.SIGKILL)
        out = first + proc.stdout.read()
        proc.wait()
        numbers = [int(x) for x in out.split()]
        reported.update(f"w{n}" for n in numbers)
        with CaseStore.open(store_path, PASSPHRASE) as s:
            assert s.check() == []
            child = s.child("CR-1")
            present = {e.id for e in child.events} | {m.id for m in child.meetings}
            assert reported <= present
            # a write can commit and be killed before it is reported: carry on past it
            next_n = max(int(x[1:]) for x in present) + 1
    assert len(reported) > KILLS
