"""A store holding the fictional demo caseload: for `make run`'s first start, `demo`, benchmarks."""

from __future__ import annotations

from pathlib import Path

from pace_desktop.demo import generate_caseload
from pace_desktop.store import CaseStore

_BATCH = 1000  # children per import: bounded memory for the 10,000-child benchmark caseload


def make_demo_store(path: Path, secret: str, children: int = 40, seed: int = 1,
                    events_per_child: int | None = None) -> int:
    """Create (or add to) a store holding the fictional demo caseload; returns how many."""
    store = (CaseStore.open(path, secret) if path.exists()
             else CaseStore.create(path, secret, "Demo caseload"))
    with store:
        batch, total = [], 0
        for child in generate_caseload(children, seed, events_per_child):
            batch.append(child)
            if len(batch) == _BATCH:
                total += len(store.import_children(batch, source="demo", sync_source=None).added)
                batch = []
        if batch:
            total += len(store.import_children(batch, source="demo", sync_source=None).added)
    return total
