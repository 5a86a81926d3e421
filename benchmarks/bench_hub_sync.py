"""The team hub: syncing a laptop with a real PostgreSQL (a throwaway server of its own, as
the tests start: tests/pg_server.py).

Prints: the first sync of a 40-child caseload (sent to an empty hub), the first sync of the
same caseload on a second laptop (pulled), a sync with nothing new, and a sync of 1,000
changes (known_as changed on 40 children × 25 rounds would be 40; here 1,000 chronology
entries added across the caseload).
Run: make bench  (or .venv/bin/python benchmarks/bench_hub_sync.py)
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pace_desktop.demo import generate_caseload  # noqa: E402
from pace_desktop.domain import Event  # noqa: E402
from pace_desktop.hub import admin  # noqa: E402
from pace_desktop.hub.connect import connect  # noqa: E402
from pace_desktop.hub.laptop import sync  # noqa: E402
from pace_desktop.hub.migrate import migrate  # noqa: E402
from pace_desktop.store import CaseStore  # noqa: E402
from tests import pg_server  # noqa: E402

PASSPHRASE = "correct horse battery staple"


def timed(label: str, fn):  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    result = fn()
    print(f"{label}: {time.perf_counter() - started:.2f} s", flush=True)
    return result


def main() -> None:
    server = pg_server.start_server()
    try:
        with connect(server.admin_url) as conn:
            migrate(conn)
            admin.add_worker(conn, "ali", "north", False)
            admin.add_worker(conn, "mo", "north", True)
            for login in ("ali", "mo"):
                conn.execute(f"ALTER ROLE {login} PASSWORD 'bench-{login}'")
            conn.commit()
        folder = Path(tempfile.mkdtemp())
        passfile = folder / "pgpass"
        passfile.write_text("*:*:*:ali:bench-ali\n*:*:*:mo:bench-mo\n")
        passfile.chmod(0o600)
        os.environ["PGPASSFILE"] = str(passfile)
        children = list(generate_caseload(40, seed=1))
        print(f"caseload: 40 children, {sum(len(c.events) for c in children)} chronology"
              f" entries, {sum(len(c.meetings) for c in children)} meetings")
        with CaseStore.create(folder / "ali.pacestore", PASSPHRASE, "Ali") as ali:
            ali.import_children(children)
            timed("first sync, 40 children sent", lambda: sync(ali, server.url("ali")))
            timed("sync with nothing new", lambda: sync(ali, server.url("ali")))
            for n, ref in enumerate(ali.refs()):
                for k in range(25):
                    ali.add_event(ref, Event(date=date(2026, 1, 1 + k % 28), kind="note",
                                             title=f"Visit {n}-{k}"))
            report = timed("sync of 1,000 new chronology entries",
                           lambda: sync(ali, server.url("ali")))
            assert len(report.sent) == 40
        with CaseStore.create(folder / "mo.pacestore", PASSPHRASE, "Mo") as mo:
            timed("first sync on a second laptop, 40 children pulled",
                  lambda: sync(mo, server.url("mo")))
            assert mo.count_children() == 40
            mo.save_child_details(replace(mo.child(mo.refs()[0]), known_as="Bench"))
            timed("sync of one changed child", lambda: sync(mo, server.url("mo")))
    finally:
        server.stop()


if __name__ == "__main__":
    main()
