"""How long the caseload list takes to read, now that each child's legal status is the one
in force on the day (chosen at read time, issue 12), on 10,000 children with 0-4 orders each.

Prints the median of five reads; no asserts (benchmarks report, tests decide).
Run: .venv/bin/python benchmarks/bench_caseload_rows.py
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from pace_desktop.domain import Child, LegalEpisode, LivingEpisode
from pace_desktop.store import CaseStore

PASSPHRASE = "a long benchmark passphrase"
CHILDREN = 10_000


def a_child(rng: random.Random, n: int) -> Child:
    start = date(2015, 1, 1) + timedelta(days=rng.randint(0, 3000))
    legal = []
    for _ in range(rng.randint(0, 4)):
        end = None if rng.random() < 0.4 else start + timedelta(days=rng.randint(30, 900))
        legal.append(LegalEpisode(rng.choice(["cso", "icso", "pco", "s25"]), start, end))
        start = end or start + timedelta(days=1)
    return Child(ref=f"B-{n:05}", given_name="Ailsa", family_name=f"Brodie{n}",
                 date_of_birth=date(2012, 1, 1), legal=tuple(legal),
                 living=(LivingEpisode("foster", date(2015, 1, 1)),))


def main() -> None:
    rng = random.Random(12)
    with tempfile.TemporaryDirectory() as folder:
        with CaseStore.create(Path(folder) / "b.pacestore", PASSPHRASE, "Benchmark") as store:
            store.import_children([a_child(rng, n) for n in range(CHILDREN)])
            times = []
            for _ in range(5):
                began = time.perf_counter()
                rows = store.caseload()
                times.append(time.perf_counter() - began)
    print(f"caseload list, {len(rows):,} children, legal status now chosen at read time:"
          f" median {statistics.median(times) * 1000:.0f} ms (target: well under 1 s)")


if __name__ == "__main__":
    main()
