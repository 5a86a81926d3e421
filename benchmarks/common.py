"""Helpers shared by the benchmark scripts: timing, a cached large demo store, printing."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path

from pace_desktop.store import CaseStore

PASSPHRASE = "benchmark passphrase 2026"
CACHE = Path(__file__).resolve().parent / ".cache"


def timed(fn: Callable[[], object], repeat: int = 7) -> float:
    """Median wall time of `fn` in milliseconds."""
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - t) * 1000)
    return statistics.median(runs)


def report(label: str, ms: float, target_ms: float | None = None) -> None:
    verdict = "" if target_ms is None else (
        f"  (target < {target_ms:g} ms: {'met' if ms < target_ms else 'NOT MET'})")
    print(f"{label:<58} {ms:10.1f} ms{verdict}", flush=True)


def big_store(children: int = 10_000, events_per_child: int = 100) -> tuple[Path, float]:
    """A demo store of the given size, built once and kept in benchmarks/.cache.

    Returns its path and the seconds it took to build (0 when it was already there)."""
    from pace_desktop.demo_store import make_demo_store

    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"demo-{children}x{events_per_child}.pacestore"
    if path.exists():
        try:
            with CaseStore.open(path, PASSPHRASE) as store:
                if store.count_children() == children:
                    return path, 0.0
        except Exception:  # noqa: BLE001 - a stale or half-built cache is rebuilt below
            pass
        for p in CACHE.glob(path.name + "*"):
            p.unlink()
    t = time.perf_counter()
    make_demo_store(path, PASSPHRASE, children, 1, events_per_child)
    return path, time.perf_counter() - t
