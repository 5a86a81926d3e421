"""One laptop in the concurrency test: ROUNDS times, add a chronology entry to CHANGES
children and change `known_as` on one, then sync; prints a line per problem."""

import random
import sys
import uuid
from dataclasses import replace
from datetime import date

from pace_desktop.domain import Event
from pace_desktop.hub.laptop import sync
from pace_desktop.store import CaseStore

if __name__ == "__main__":
    path, passphrase, url, login = sys.argv[1:5]
    rounds, changes, seed = (int(x) for x in sys.argv[5:8])
    rng = random.Random(seed)
    with CaseStore.open(path, passphrase) as store:
        sync(store, url)
        for n in range(rounds):
            refs = store.refs()
            for ref in rng.sample(refs, min(changes, len(refs))):
                # A UUID, as SYNC.md asks of every record: the store's own short ids ("e17")
                # are unique only within one store (test_hub_sync: refused, never lost).
                store.add_event(ref, Event(date=date(2026, 1, 1 + n % 28), kind="note",
                                           title=f"{login} round {n} on {ref}",
                                           id=str(uuid.uuid4())))
            ref = rng.choice(refs)
            store.save_child_details(replace(store.child(ref), known_as=f"{login}-{n}"))
            report = sync(store, url)
            for line in report.problems:
                print("PROBLEM", line, flush=True)
        sync(store, url)
