"""Case packages and the merge at scale (issue 13).

Prints: packaging 40 children with their whole history (the demo caseload), receiving that
package into an empty store, receiving it back as a merge after both sides changed every
child; and receiving a package of 1,000 children carrying 10,000 changed records (10 per
child: details of people, homes and legal episodes changed, new chronology entries) into a
store that already holds them.
Run: .venv/bin/python benchmarks/bench_sync.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import PASSPHRASE, report  # noqa: E402

from pace_desktop.demo import generate_caseload  # noqa: E402
from pace_desktop.store import CaseStore  # noqa: E402
from pace_desktop.store.package_file import read_package, write_package  # noqa: E402
from pace_desktop.store.sync_state import snapshot_from_json, snapshot_json  # noqa: E402

SECRET = "benchmark package phrase"


def seconds(fn) -> float:  # type: ignore[no-untyped-def]
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def forty(folder: Path) -> None:
    office = CaseStore.create(folder / "office.pacestore", PASSPHRASE, "Mairi Flett")
    meeting = CaseStore.create(folder / "meeting.pacestore", PASSPHRASE, "Ruth Isbister")
    office.import_children(list(generate_caseload(40, seed=1)), sync_source=None)
    refs = office.refs()
    events = sum(len(c.events) + len(c.meetings) + len(c.people) for c in office.children())
    print(f"40 children, {events} records (entries, meetings, people) in all")
    out = folder / "forty.pacepkg"
    report("package 40 children (write, key derivation included)",
           1000 * seconds(lambda: office.send_children(refs, out, SECRET)), 2000)
    report("receive 40 new children (read + add, key derivation incl.)",
           1000 * seconds(lambda: meeting.receive_package(read_package(out, SECRET))), 2000)
    for ref in refs:
        meeting.save_child_details(replace(meeting.child(ref), known_as="Changed at meeting"))
        office.save_child_details(replace(office.child(ref), allocated_worker="Office worker"))
    back = folder / "back.pacepkg"
    meeting.send_children(refs, back, SECRET)
    report("receive 40 children back as a merge (both sides changed)",
           1000 * seconds(lambda: office.receive_package(read_package(back, SECRET))), 2000)
    office.close()
    meeting.close()


def thousand(folder: Path) -> None:
    office = CaseStore.create(folder / "o1000.pacestore", PASSPHRASE, "Mairi Flett")
    meeting = CaseStore.create(folder / "m1000.pacestore", PASSPHRASE, "Ruth Isbister")
    office.import_children(list(generate_caseload(1000, seed=2)), sync_source=None)
    first = folder / "first.pacepkg"
    office.send_children(office.refs(), first, SECRET)
    meeting.receive_package(read_package(first, SECRET))
    package = read_package(first, SECRET)
    changed_children, changed = [], 0
    for pc in package.children:
        snap = snapshot_from_json(pc.snapshot)
        n = 0
        for key in [k for k in snap if k[0] in ("people", "living", "legal")]:
            if n == 6:
                break
            field = {"people": "phone", "living": "reason_for_move", "legal": "reference"}[key[0]]
            snap[key] = {**snap[key], field: f"changed {n}"}
            n += 1
        while n < 10:
            snap[("events", f"new-{n}")] = {"date": "2026-11-01", "date_precision": "day",
                                            "kind": "note", "title": f"New entry {n}",
                                            "significant": True}
            n += 1
        changed += n
        changed_children.append(replace(pc, snapshot=snapshot_json(snap)))
    newer = replace(package, audit_seq=package.audit_seq + 10, children=tuple(changed_children))
    second = folder / "second.pacepkg"
    write_package(second, SECRET, newer)
    print(f"1,000 children, {changed:,} changed records")
    t = time.perf_counter()
    got = meeting.receive_package(read_package(second, SECRET))
    report("receive + merge 1,000 children, 10,000 changed records",
           1000 * (time.perf_counter() - t), 30_000)
    assert len(got.merged) == 1000 and not got.conflicts
    office.close()
    meeting.close()


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        forty(Path(tmp))
        thousand(Path(tmp))


if __name__ == "__main__":
    main()
