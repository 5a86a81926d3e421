"""No plaintext temporary file is ever opened while the store sorts (issue 17, "tests that
cannot fail"): SQLite's spill files are deleted as soon as they are made, so a folder scan
never sees them; the process's own open files (/proc/self/fd) do. The probe is shown to see
a spill file first, on a connection set as the store never is (temp_store=FILE)."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from pace_desktop.demo_store import make_demo_store
from pace_desktop.store import CaseStore
from tests.conftest import PASSPHRASE

BIG_SORT = ("SELECT e.title, e.detail FROM events e JOIN events f ON f.id % 7 = e.id % 7"
            " WHERE f.id < 40 ORDER BY e.title || f.id DESC, e.detail")


def _open_files() -> set[str]:
    found = set()
    for fd in os.listdir("/proc/self/fd"):
        try:
            found.add(os.readlink(f"/proc/self/fd/{fd}"))
        except OSError:
            pass
    return found


def _seen_while(run: object) -> set[str]:
    seen: set[str] = set()
    done = threading.Event()

    def watch() -> None:
        while not done.is_set():
            seen.update(_open_files())

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        run()  # type: ignore[operator]
    finally:
        done.set()
        watcher.join()
    return seen


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sort") / "big.pacestore"
    make_demo_store(path, PASSPHRASE, 60, 1, 100)
    return path


def _spills(files: set[str], store: Path) -> set[str]:
    mine = {str(store), f"{store}-wal", f"{store}-shm"}
    return {f for f in files if f.startswith("/") and f not in mine
            and ("(deleted)" in f or "etilqs" in f or "sqlite" in f.lower())}


@pytest.mark.skipif(not Path("/proc/self/fd").exists(), reason="needs /proc")
def test_a_big_sort_opens_no_temporary_file(big: Path) -> None:
    before = _open_files()
    with CaseStore.open(big, PASSPHRASE) as store:
        conn = store._live()
        # the probe sees a spill file when there is one: the same sort, temp_store=FILE
        conn.execute("PRAGMA temp_store = FILE")
        conn.execute("PRAGMA cache_size = 16")
        probe = _seen_while(lambda: conn.execute(BIG_SORT).fetchall())
        assert _spills(probe - before, big), "the probe saw no spill file: it proves nothing"
        # as the store runs: temp_store=MEMORY (and its own cache), nothing opened
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("PRAGMA cache_size = 16")
        rows: list[object] = []
        seen = _seen_while(lambda: rows.extend(conn.execute(BIG_SORT).fetchall()))
        assert len(rows) > 10_000
        assert _spills(seen - before, big) == set()
