"""Kill, malformed-file, tampering and full-disk rounds, shared by the normal suite (a small
sample of each) and `make soak` (the long runs, which print their figures)."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from pace_desktop.exchange import InterchangeError, read_interchange_file
from pace_desktop.store import CaseStore
from tests.conftest import PASSPHRASE

ROOT = Path(__file__).resolve().parents[1]


def _start(kind: str, path: Path, arg: str) -> subprocess.Popen[str]:
    child = subprocess.Popen([sys.executable, "-m", "tests.kill_runner", kind, str(path),
                              PASSPHRASE, arg], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None and child.stdout.readline().strip() == "open"
    return child


def work_seconds(kind: str, path: Path, arg: str) -> float:
    child = _start(kind, path, arg)
    start = time.monotonic()
    assert child.stdout is not None and child.stdout.readline().strip() == "done"
    child.wait()
    return time.monotonic() - start


def kill_imports(path: Path, rounds: int, rng: random.Random) -> dict[str, int]:
    """Each killed import left all of its 40 children or none."""
    span = 1.3 * work_seconds("import", path, "warm-up")
    seen = {"whole": 0, "none": 0}
    for n in range(rounds):
        with CaseStore.open(path, PASSPHRASE) as s:
            before = s.count_children()
        child = _start("import", path, f"k{n}")
        time.sleep(rng.uniform(0, span))
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        with CaseStore.open(path, PASSPHRASE) as s:
            assert s.check() == []
            added = s.count_children() - before
            assert added in (0, 40), added
            seen["whole" if added else "none"] += 1
    return seen


def kill_backups(path: Path, folder: Path, rounds: int, rng: random.Random) -> dict[str, int]:
    """Each killed backup left a whole backup that opens and checks, or no backup at all."""
    span = 1.3 * work_seconds("backup", path, str(folder / "warm-up.pacebackup"))
    seen = {"whole": 0, "none": 0}
    for n in range(rounds):
        out = folder / f"b{n}.pacebackup"
        child = _start("backup", path, str(out))
        time.sleep(rng.uniform(0, span))
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        visible = [p.name for p in folder.iterdir() if not p.name.startswith(".")]
        assert all(name.endswith(".pacebackup") for name in visible), visible
        if out.exists():
            with CaseStore.open(out, PASSPHRASE) as s:
                assert s.count_children() > 0
            seen["whole"] += 1
        else:
            seen["none"] += 1
    return seen


def malformed_files(valid: bytes, folder: Path, rounds: int, rng: random.Random
                    ) -> dict[str, int]:
    """Flip, cut, repeat or insert bytes of a valid file: every one is read or refused
    plainly (InterchangeError), never a traceback."""
    seen = {"refused": 0, "read": 0}
    path = folder / "malformed.json"
    for _ in range(rounds):
        data = bytearray(valid)
        for _ in range(rng.randint(1, 4)):
            at = rng.randrange(len(data))
            how = rng.randrange(4)
            if how == 0:
                data[at] = rng.randrange(256)
            elif how == 1:
                del data[at:at + rng.randint(1, 200)]
            elif how == 2:
                data[at:at] = data[at:at + rng.randint(1, 50)] * rng.randint(2, 5)
            else:
                data[at:at] = rng.choice([b'"', b"{", b"]", b"null", b"-1e999", b"\xff",
                                          b'"9999-12-31"', b'"0001-01-01"', b"\\ud800"])
        path.write_bytes(bytes(data))
        try:
            read_interchange_file(path)
            seen["read"] += 1
        except InterchangeError:
            seen["refused"] += 1
    return seen


def valid_interchange() -> bytes:
    from pace_desktop.demo import generate_caseload
    from pace_desktop.exchange import to_interchange

    return json.dumps(to_interchange(list(generate_caseload(3, seed=5))), indent=1).encode()


def kill_writes(path: Path, rounds: int, rng: random.Random) -> dict[str, int]:
    """The writer of test_crash_safety, killed `rounds` times: nothing reported is lost."""
    reported: set[str] = set()
    next_n = 0
    for _ in range(rounds):
        proc = subprocess.Popen([sys.executable, "-m", "tests.crash_writer", str(path),
                                 PASSPHRASE, str(next_n)], cwd=ROOT, stdout=subprocess.PIPE,
                                text=True)
        assert proc.stdout is not None
        first = proc.stdout.readline()
        time.sleep(rng.uniform(0.0, 0.25))
        os.kill(proc.pid, signal.SIGKILL)
        out = first + proc.stdout.read()
        proc.wait()
        reported.update(f"w{n}" for n in (int(x) for x in out.split()))
        with CaseStore.open(path, PASSPHRASE) as s:
            assert s.check() == []
            child = s.child("CR-1")
            present = {e.id for e in child.events} | {m.id for m in child.meetings}
            assert reported <= present
            next_n = max([int(x[1:]) for x in present if x.startswith("w")] or [0]) + 1
    return {"reported": len(reported), "lost": 0}
