"""What the store's own bounds check (domain.bounds, run on every child an operation writes)
costs: an import of 1,000 children with 100,000 chronology entries, and one added entry, with
the check and without it (as before the check), on a real SQLCipher file.
Run: .venv/bin/python benchmarks/bench_store_bounds.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pace_desktop.domain import bounds  # noqa: E402
from pace_desktop.domain.records import Child, Event  # noqa: E402
from pace_desktop.store import CaseStore  # noqa: E402

PASSPHRASE = "a long enough passphrase 1"


def caseload(children: int, entries: int) -> list[Child]:
    return [Child(f"C{i}", "Ann", "Lee", date(2015, 1, 1), events=tuple(
        Event(date(2020, 1, 1 + j % 28), f"t {j}", detail="some detail " * 8)
        for j in range(entries))) for i in range(children)]


def main() -> None:
    data = caseload(1000, 100)
    real = bounds.within
    start = time.perf_counter()
    assert all(real(c) for c in data)
    print(f"the walk alone: {time.perf_counter() - start:.2f} s for 100,000 entries")
    for label, check in (("with the check", real), ("without it", lambda _value: True),
                         ("with the check again", real)):
        bounds.within = check  # type: ignore[assignment]
        with tempfile.TemporaryDirectory() as folder:
            with CaseStore.create(Path(folder) / "s.pacestore", PASSPHRASE, "bench") as s:
                start = time.perf_counter()
                s.import_children(data)
                imported = time.perf_counter() - start
                start = time.perf_counter()
                s.add_event("C1", Event(date(2021, 1, 1), "one more"))
                added = time.perf_counter() - start
        print(f"{label}: import {imported:.2f} s; add one entry {added * 1000:.0f} ms")
    bounds.within = real  # type: ignore[assignment]


if __name__ == "__main__":
    main()
