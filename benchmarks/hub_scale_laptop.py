"""One laptop of benchmarks/bench_hub_scale.py, in a process of its own: make an empty store,
say "ready", wait for "go" on stdin (so all laptops start together), then a first sync (the
worker's caseload pulled from the big hub) and ROUNDS of a few changes each followed by a
sync. Prints one JSON line: {"first": seconds, "rounds": [seconds, ...], "problems": n}, and
the CPU seconds this process itself spent in those syncs ("first_cpu", "rounds_cpu"): on a
shared 2-core machine most of a wall time is waiting for a core, which a real laptop has.

Run by the benchmark, not by hand: hub_scale_laptop.py STORE URL LOGIN ROUNDS SEED
"""

from __future__ import annotations

import json
import random
import sys
import time
import uuid
from dataclasses import replace
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pace_desktop.domain import Event  # noqa: E402
from pace_desktop.hub.laptop import sync  # noqa: E402
from pace_desktop.store import CaseStore  # noqa: E402

PASSPHRASE = "correct horse battery staple"
CHANGES = 5  # chronology entries added each round, and one child's known_as changed


def main() -> None:
    path, url, login = sys.argv[1:4]
    rounds, seed = int(sys.argv[4]), int(sys.argv[5])
    rng = random.Random(seed)
    problems = 0
    with CaseStore.create(Path(path), PASSPHRASE, login) as store:
        print("ready", flush=True)
        sys.stdin.readline()
        started, cpu = time.perf_counter(), time.process_time()
        report = sync(store, url)
        first = time.perf_counter() - started
        first_cpu = time.process_time() - cpu
        problems += len(report.problems)
        children = len(report.pulled)
        times, cpus = [], []
        for n in range(rounds):
            refs = store.refs()
            for ref in rng.sample(refs, min(CHANGES, len(refs))):
                store.add_event(ref, Event(date=date(2026, 11, 1 + n % 27), kind="note",
                                           title=f"{login} visit {n}", id=str(uuid.uuid4())))
            ref = rng.choice(refs)
            store.save_child_details(replace(store.child(ref), known_as=f"{login}-{n}"))
            started, cpu = time.perf_counter(), time.process_time()
            report = sync(store, url)
            times.append(time.perf_counter() - started)
            cpus.append(time.process_time() - cpu)
            problems += len(report.problems)
        print(json.dumps({"first": first, "children": children, "rounds": times,
                          "first_cpu": first_cpu, "rounds_cpu": cpus, "problems": problems}),
              flush=True)


if __name__ == "__main__":
    main()
