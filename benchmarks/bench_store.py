"""The encrypted store at caseload scale: 10,000 children and 1,000,000 chronology entries.

Prints: demo generation + import, unlock (with key derivation), loading the caseload list,
full-text search for the newest 50 hits of a common word, and the same reads on a plain
(unencrypted) copy beside it as the ratio encrypted/plain on a warm store.
Run: make bench  (or .venv/bin/python benchmarks/bench_store.py)
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import PASSPHRASE, big_store, report, timed  # noqa: E402

from pace_desktop.store import CaseStore  # noqa: E402
from pace_desktop.store.connection import configure  # noqa: E402


def plain_copy(store: CaseStore, folder: Path) -> CaseStore:
    """The same records in an unencrypted file, read through the same store code."""
    from sqlcipher3 import dbapi2

    out = folder / "plain.sqlite"
    store._live().execute("ATTACH DATABASE ? AS plain KEY ''", (str(out),))
    store._live().execute("SELECT sqlcipher_export('plain')")
    store._live().execute("DETACH DATABASE plain")
    conn = dbapi2.connect(str(out), isolation_level=None, check_same_thread=False)
    configure(conn)
    return CaseStore(out, conn, "benchmark")


def workload(store: CaseStore, refs: list[str]) -> None:
    store.caseload()
    store.search("contact", limit=50)
    for ref in refs:
        store.child(ref)


def main() -> None:
    path, built = big_store()
    if built:
        report("demo generation + import, 10,000 children / 1M entries", built * 1000, 60_000)
    else:
        print("(demo store reused from benchmarks/.cache; delete it to time the import)")
    t = time.perf_counter()
    store = CaseStore.open(path, PASSPHRASE)
    report("unlock incl. key derivation (cold process cache)", (time.perf_counter() - t) * 1000,
           400)
    store.close()
    report("unlock incl. key derivation (median of 5)",
           timed(lambda: CaseStore.open(path, PASSPHRASE).close(), 5), 400)
    store = CaseStore.open(path, PASSPHRASE)
    t = time.perf_counter()
    rows = store.caseload()
    report(f"caseload list, first load ({len(rows)} children)",
           (time.perf_counter() - t) * 1000)
    report("caseload list, warm", timed(store.caseload), 50)
    report("search: newest 50 hits of a common word ('contact')",
           timed(lambda: store.search("contact", limit=50)), 50)
    report("search: a rare name", timed(lambda: store.search("Eòghann", limit=50)), 50)
    refs = rows[:: max(1, len(rows) // 20)][:20]
    report("open one child's whole record (100 entries)",
           timed(lambda: store.child(refs[0].ref)))
    with tempfile.TemporaryDirectory() as folder:
        plain = plain_copy(store, Path(folder))
        names = [r.ref for r in refs]
        workload(store, names)
        workload(plain, names)
        enc = timed(lambda: workload(store, names), 7)
        pla = timed(lambda: workload(plain, names), 7)
        report("warm workload, encrypted", enc)
        report("warm workload, plain SQLite", pla)
        print(f"{'ratio encrypted / plain (target < 1.3)':<58} {enc / pla:10.2f}")
        plain.close()
    store.close()


if __name__ == "__main__":
    main()
