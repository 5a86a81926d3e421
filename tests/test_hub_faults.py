"""A sync interrupted at random moments (the laptop's process killed; its server session
terminated with pg_terminate_backend; the server stopped at once) loses nothing and
duplicates nothing: the next sync completes it and both sides then hold the same children,
with no conflicts.

The normal suite runs a few interruptions of each kind; `make soak` (slow) runs 100 each
(PACE_SOAK_HUB to change)."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import psycopg
import pytest

from pace_desktop.demo import generate_caseload
from pace_desktop.exchange.snapshot import to_snapshot
from pace_desktop.hub import HubError, admin
from pace_desktop.hub.laptop import clean, sync
from pace_desktop.hub.records import read_child
from pace_desktop.store import CaseStore
from tests.conftest import PASSPHRASE

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def laptop(hub: Any, tmp_path: Path) -> Path:
    with hub.admin() as conn:
        admin.add_worker(conn, "ali", "north", False)
    hub.password("ali")
    path = tmp_path / "ali.pacestore"
    with CaseStore.create(path, PASSPHRASE, "Ali") as store:
        store.import_children(list(generate_caseload(12, seed=3)))
    return path


def _edit_some(path: Path, rng: random.Random, round_no: int) -> None:
    with CaseStore.open(path, PASSPHRASE) as store:
        for ref in rng.sample(store.refs(), 3):
            store.save_child_details(replace(store.child(ref), known_as=f"R{round_no}"))


def _assert_same(hub: Any, path: Path) -> None:
    with CaseStore.open(path, PASSPHRASE) as store:
        report = sync(store, hub.url("ali"))
        assert not report.problems and not report.conflicts and not store.conflicts()
        local = {c.id: clean(to_snapshot(c)) for c in store.children()}
    with hub.admin() as conn:
        uids = [u for (u,) in conn.execute("SELECT uid FROM pace.children")]
        assert sorted(uids) == sorted(local)  # nothing lost, nothing doubled
        for uid in uids:
            snapshot, _ = read_child(conn, uid)
            assert snapshot == local[uid]


def _kills(hub: Any, path: Path, rounds: int, seed: int) -> None:
    rng = random.Random(seed)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for n in range(rounds):
        _edit_some(path, rng, n)
        proc = subprocess.Popen([sys.executable, "-m", "tests.hub_sync_runner", str(path),
                                 PASSPHRASE, hub.url("ali")], cwd=ROOT, env=env,
                                stdout=subprocess.PIPE, text=True)
        assert proc.stdout is not None
        proc.stdout.readline()  # "started": the store is open, the sync begins
        time.sleep(rng.uniform(0, 0.25))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    _assert_same(hub, path)


def _terminations(hub: Any, path: Path, rounds: int, seed: int) -> int:
    rng = random.Random(seed)
    stopped = 0
    for n in range(rounds):
        _edit_some(path, rng, n)

        def terminate(delay: float = rng.uniform(0, 0.2)) -> None:
            time.sleep(delay)
            with psycopg.connect(hub.server.url("postgres", hub.database),
                                 autocommit=True) as conn:
                conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                             " WHERE application_name = 'pace-desktop' AND usename = 'ali'")

        with CaseStore.open(path, PASSPHRASE) as store:
            killer = threading.Thread(target=terminate)
            killer.start()
            try:
                sync(store, hub.url("ali"))
            except HubError:
                stopped += 1
            killer.join()
    _assert_same(hub, path)
    return stopped


def _server_stops(hub: Any, path: Path, rounds: int, seed: int) -> int:
    rng = random.Random(seed)
    stopped = 0
    for n in range(rounds):
        _edit_some(path, rng, n)
        with CaseStore.open(path, PASSPHRASE) as store:
            halt = threading.Timer(rng.uniform(0, 0.15), hub.server.halt)
            halt.start()
            try:
                sync(store, hub.url("ali"))
            except HubError:
                stopped += 1
            finally:
                halt.join()
                hub.server.launch()  # even if this round fails: later tests need the hub
    _assert_same(hub, path)
    return stopped


def test_killed_syncs_lose_and_double_nothing(hub: Any, laptop: Path) -> None:
    _kills(hub, laptop, 4, seed=1)


def test_terminated_sessions_lose_and_double_nothing(hub: Any, laptop: Path) -> None:
    assert _terminations(hub, laptop, 4, seed=2) >= 1  # at least one really cut a sync


def test_server_stopped_mid_sync_loses_and_doubles_nothing(hub: Any, laptop: Path) -> None:
    assert _server_stops(hub, laptop, 3, seed=3) >= 1


@pytest.mark.slow
def test_soak_hub_interruptions(hub: Any, laptop: Path) -> None:
    rounds = int(os.environ.get("PACE_SOAK_HUB", "100"))
    started = time.monotonic()
    _kills(hub, laptop, rounds, seed=11)
    cut = _terminations(hub, laptop, rounds, seed=12)
    halted = _server_stops(hub, laptop, rounds // 5, seed=13)
    print(f"SOAK hub: {rounds} killed syncs and {rounds} session terminations ({cut} cut a"
          f" sync short), {rounds // 5} server stops ({halted} mid-sync), nothing lost or"
          f" doubled ({time.monotonic() - started:.0f} s)")
