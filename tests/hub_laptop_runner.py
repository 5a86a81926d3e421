"""One laptop in the concurrency test: ROUNDS times, add CHANGES chronology entries and change
`known_as` on one of the children SHARED (comma-separated refs) by every laptop, then sync;
prints a line per problem.

With children of its own besides the shared ones, one entry a round goes to a shared child
and the rest to its own, and `known_as` always changes on a shared child: the shared children
are where laptops meet (the same rows, the same field, at the same moment), while the
laptop's own work still travels through the same syncs. Without children of its own, every
entry goes to the shared children. Each round's entries are dated a day after the last
round's, as a worker's notes are (the record's newest at the end)."""

import random
import sys
import uuid
from dataclasses import replace
from datetime import date, timedelta

from pace_desktop.domain import Event
from pace_desktop.hub.laptop import sync
from pace_desktop.store import CaseStore

if __name__ == "__main__":
    path, passphrase, url, login = sys.argv[1:5]
    rounds, changes, seed = (int(x) for x in sys.argv[5:8])
    shared = sys.argv[8].split(",")
    rng = random.Random(seed)
    with CaseStore.open(path, passphrase) as store:
        sync(store, url)
        own = [ref for ref in store.refs() if ref not in shared]
        for n in range(rounds):
            refs = store.refs()
            if own:
                picked = [rng.choice(shared), *(rng.choice(own) for _ in range(changes - 1))]
            else:
                picked = rng.sample(refs, min(changes, len(refs)))
            for k, ref in enumerate(picked):
                # A UUID, as SYNC.md asks of every record: the store's own short ids ("e17")
                # are unique only within one store (test_hub_sync: refused, never lost).
                store.add_event(ref, Event(date=date(2026, 1, 1) + timedelta(days=n),
                                           kind="note", title=f"{login} round {n} on {ref} #{k}",
                                           id=str(uuid.uuid4())))
            ref = rng.choice(shared)
            store.save_child_details(replace(store.child(ref), known_as=f"{login}-{n}"))
            report = sync(store, url)
            for line in report.problems:
                print("PROBLEM", line, flush=True)
        sync(store, url)
