"""Several laptops (processes) syncing at once against one hub, changing the same children:
every chronology entry made anywhere arrives on the hub exactly once, every laptop ends with
the hub's record of each child it has, and `known_as` changed on two laptops at once is merged or
kept as a conflict, never lost. The normal suite runs 4 laptops; `make soak` (slow) 20 with
500 changes each.

Six children are shared by every laptop; each laptop also has children of its own (as a
worker has a caseload beside the children shared with them). Every round puts one entry and
the `known_as` change on a shared child, so 20 laptops meet on the same 6 children all the
time, while the children do not grow to thousands of entries each (which made each round of
the soak cost every laptop a read and rewrite of the whole of six huge records, and the soak
could not finish in an hour)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from pace_desktop.demo import generate_caseload
from pace_desktop.demo.builder import generate_child
from pace_desktop.exchange.snapshot import to_snapshot
from pace_desktop.hub import admin
from pace_desktop.hub.laptop import clean, sync
from pace_desktop.hub.records import read_child
from pace_desktop.store import CaseStore
from tests.conftest import PASSPHRASE

ROOT = Path(__file__).resolve().parents[1]


def _laptops(hub: Any, tmp_path: Path, count: int, rounds: int, changes: int, own: int
             ) -> str:
    """The figures of the run, in one line."""
    logins = [f"w{n}" for n in range(count)]
    with hub.admin() as conn:
        for login in logins:
            admin.add_worker(conn, login, "north", False)
    for login in logins:
        hub.password(login)
    first = tmp_path / "w0.pacestore"
    with CaseStore.create(first, PASSPHRASE, "w0") as store:
        store.import_children(list(generate_caseload(6, seed=9)))
        sync(store, hub.url("w0"))
        refs = store.refs()
    with hub.admin() as conn:
        for login in logins[1:]:
            for ref in refs:
                admin.share(conn, ref, login)
    for n, login in enumerate(logins):
        path = tmp_path / f"{login}.pacestore"
        with (CaseStore.open(path, PASSPHRASE) if n == 0 else
              CaseStore.create(path, PASSPHRASE, login)) as store:
            # sent by the laptop's first sync, allocated to its worker
            store.import_children([generate_child(6 + n * own + k, seed=9)
                                   for k in range(own)])
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    started = time.monotonic()
    procs = [subprocess.Popen(
        [sys.executable, "-m", "tests.hub_laptop_runner", str(tmp_path / f"{login}.pacestore"),
         PASSPHRASE, hub.url(login), login, str(rounds), str(changes), str(n), ",".join(refs)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for n, login in enumerate(logins)]
    outputs = [p.communicate(timeout=3600) for p in procs]
    together = time.monotonic() - started
    for p, (out, err) in zip(procs, outputs, strict=True):
        assert p.returncode == 0, err[-2000:]
        assert "PROBLEM" not in out, out
    # Everyone syncs once more, so all have everything.
    conflicts = 0
    for again in range(2):
        for login in logins:
            with CaseStore.open(tmp_path / f"{login}.pacestore", PASSPHRASE) as store:
                assert not sync(store, hub.url(login)).problems
                conflicts += len(store.conflicts()) if again else 0
    with hub.admin() as conn:
        titles = Counter(t for (t,) in conn.execute("SELECT title FROM pace.chronology_entries"
                                                    " WHERE title LIKE 'w%% round %%'"))
        hub_children = {uid: read_child(conn, uid)[0]
                        for (uid,) in conn.execute("SELECT uid FROM pace.children")}
    assert len(hub_children) == 6 + count * own
    assert set(titles.values()) == {1}  # each once
    assert sum(titles.values()) == count * rounds * changes
    for login in logins:
        with CaseStore.open(tmp_path / f"{login}.pacestore", PASSPHRASE) as store:
            mine = {c.id: clean(to_snapshot(c)) for c in store.children()}
            # the shared children and its own, each as the hub has it
            assert len(mine) == 6 + own, login
            assert mine == {uid: hub_children[uid] for uid in mine}, login
    return (f"{count} laptops × {rounds} syncs, {count * rounds * (changes + 1)}"
            f" changes ({sum(titles.values())} chronology entries, each on the hub once),"
            f" {count * rounds * 2} of them on the 6 shared children,"
            f" {conflicts} conflicts kept on the laptops, in {together:.0f} s")


def test_four_laptops_at_once(hub: Any, tmp_path: Path) -> None:
    print("hub concurrency:", _laptops(hub, tmp_path, count=4, rounds=5, changes=3, own=2))


@pytest.mark.slow
def test_soak_twenty_laptops(hub: Any, tmp_path: Path) -> None:
    print("SOAK hub concurrency:", _laptops(hub, tmp_path, count=20, rounds=100, changes=5,
                                                     own=4))
