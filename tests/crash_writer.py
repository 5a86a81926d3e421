"""Run by test_crash_safety in a child process: writes entries in a loop, reporting each
one only after its operation has committed, until it is killed."""

from __future__ import annotations

import sys
from datetime import date, timedelta

from pace_desktop.domain import Event, Meeting
from pace_desktop.store import CaseStore


def main(path: str, passphrase: str, start: int) -> None:
    store = CaseStore.open(path, passphrase)
    n = start
    while True:
        day = date(2020, 1, 1) + timedelta(days=n % 2000)
        if n % 3:
            store.add_event("CR-1", Event(date=day, title=f"entry {n}", id=f"w{n}"))
        else:
            store.save_meeting("CR-1", Meeting(kind="lac_review", date=day, id=f"w{n}"))
        print(n, flush=True)
        n += 1


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
