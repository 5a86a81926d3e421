"""The team hub at an authority's size: 10,000 children and 1,000,000 chronology entries on one
hub, and 20 laptops (processes of their own) syncing against it at the same moment.

How the hub is filled (fast, not through laptops): a seed laptop sends the 40-child demo
caseload through the real sync (so every row is exactly as the hub's own code writes it);
then one SQL transaction clones those children 250 times (each clone a new child id, a new
reference, allocated to one of 250 workers in 25 teams) and adds plain chronology notes with
generate_series until the hub holds exactly 1,000,000 entries. The hub's triggers are off for
the bulk load (session_replication_role = replica, the hub owner's right), so the load
leaves no rows in pace.changes; the laptops' own syncs go through every trigger and policy as
usual.

Then 20 of those workers (in different teams) each run benchmarks/hub_scale_laptop.py: an
empty store, a first sync pulling their 40 children (about 4,000 entries), and ROUNDS syncs of
6 changes each (5 new chronology entries, one known_as). All 20 start together.

Prints: the build time, the hub's size, the load average, and median and 95th percentile of
the first syncs and of the later syncs.
Run: .venv/bin/python benchmarks/bench_hub_scale.py [--laptops 20] [--rounds 5]
     [--clones 250] [--entries 1000000]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pace_desktop.demo import generate_caseload  # noqa: E402
from pace_desktop.hub import admin  # noqa: E402
from pace_desktop.hub.connect import connect  # noqa: E402
from pace_desktop.hub.laptop import sync  # noqa: E402
from pace_desktop.hub.migrate import migrate  # noqa: E402
from pace_desktop.hub.schema import LATEST  # noqa: E402
from pace_desktop.store import CaseStore  # noqa: E402
from tests import pg_server  # noqa: E402

PASSPHRASE = "correct horse battery staple"
CASE_TABLES = ("people", "living_episodes", "legal_episodes", "chronology_entries", "meetings",
               "amendments", "nondisclosure_requests")
WORKERS_PER_TEAM = 10


def _load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def _percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


def _columns(conn, table: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [f'"{c}"' for (c,) in conn.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = 'pace'"
        " AND table_name = %s ORDER BY ordinal_position", (table,))]


def build(server: pg_server.Server, folder: Path, clones: int, entries: int) -> None:
    """The hub filled: the seed caseload sent by a real sync, then cloned in SQL."""
    with connect(server.admin_url) as conn:
        migrate(conn)
        admin.add_worker(conn, "seed", "t0", False)
        conn.execute("ALTER ROLE seed PASSWORD 'bench-seed'")
        conn.commit()
        for n in range(clones):
            admin.add_worker(conn, f"w{n}", f"t{n // WORKERS_PER_TEAM}", False)
    with CaseStore.create(folder / "seed.pacestore", PASSPHRASE, "Seed") as seed:
        seed.import_children(list(generate_caseload(40, seed=1)))
        sync(seed, server.url("seed"))
    with connect(server.admin_url) as conn, conn.transaction():
        # The owner bulk-loads with its triggers (and so the change log) off.
        conn.execute("SET LOCAL session_replication_role = replica")
        conn.execute("CREATE TEMP TABLE base AS SELECT uid FROM pace.children")
        conn.execute("CREATE TEMP TABLE clone_no AS SELECT n FROM generate_series(0, %s) n",
                     (clones - 1,))
        new_uid = "md5(x.uid || ':' || c.n)::uuid::text"
        cols = [c for c in _columns(conn, "children") if c not in ('"uid"', '"ref"',
                                                                    '"team"', '"allocated_to"')]
        conn.execute(
            f"INSERT INTO pace.children (uid, ref, team, allocated_to, {', '.join(cols)})"
            f" SELECT {new_uid}, x.ref || '-' || c.n, 't' || (c.n / {WORKERS_PER_TEAM}),"
            f" 'w' || c.n, {', '.join('x.' + col for col in cols)}"
            " FROM pace.children x JOIN base USING (uid) CROSS JOIN clone_no c")
        for table in CASE_TABLES:
            cols = [c for c in _columns(conn, table) if c != '"child_uid"']
            new_child = "md5(x.child_uid || ':' || c.n)::uuid::text"
            conn.execute(
                f"INSERT INTO pace.{table} (child_uid, {', '.join(cols)})"
                f" SELECT {new_child}, {', '.join('x.' + col for col in cols)}"
                f" FROM pace.{table} x CROSS JOIN clone_no c"
                " WHERE x.child_uid IN (SELECT uid FROM base)")
            conn.execute(f"DELETE FROM pace.{table} WHERE child_uid IN (SELECT uid FROM base)")
        conn.execute("DELETE FROM pace.children WHERE uid IN (SELECT uid FROM base)")
        have = conn.execute("SELECT count(*) FROM pace.chronology_entries").fetchone()[0]
        children = clones * 40
        each, extra = divmod(max(0, entries - have), children)
        # Plain notes, a week apart, ending before today and never before the child's birth.
        conn.execute(
            "INSERT INTO pace.chronology_entries (child_uid, uid, position, date,"
            " date_precision, kind, title, detail, significant)"
            " SELECT ch.uid, md5(ch.uid || ':note:' || k)::uuid::text, 100000 + k,"
            " greatest(ch.date_of_birth, current_date - (%s + 1 - k) * 7), 'day', 'note',"
            " 'Home visit ' || k, 'Saw the child at home; all well.', false"
            " FROM (SELECT uid, date_of_birth, row_number() OVER (ORDER BY uid) AS rank"
            "       FROM pace.children) ch"
            " CROSS JOIN LATERAL generate_series(1, %s + (ch.rank <= %s)::int) k",
            (each + 1, each, extra))
    with connect(server.admin_url) as conn:
        conn.autocommit = True
        conn.execute("VACUUM ANALYZE")


def run_laptops(server: pg_server.Server, folder: Path, count: int, rounds: int,
                clones: int, first: int = 0) -> list[dict]:  # type: ignore[type-arg]
    step = max(1, clones // count)
    logins = [f"w{(first + n * step) % clones}" for n in range(count)]
    passfile = folder / "pgpass"
    with connect(server.admin_url) as conn:
        for login in logins:
            conn.execute(f"ALTER ROLE {login} PASSWORD 'bench-{login}'")
        conn.commit()
    passfile.write_text("".join(f"*:*:*:{login}:bench-{login}\n"
                                for login in [*logins, "seed"]))
    passfile.chmod(0o600)
    env = {**os.environ, "PGPASSFILE": str(passfile)}
    procs = [subprocess.Popen(
        [sys.executable, str(ROOT / "benchmarks" / "hub_scale_laptop.py"),
         str(folder / f"{login}.pacestore"), server.url(login), login, str(rounds), str(n)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env)
        for n, login in enumerate(logins)]
    for p in procs:
        assert p.stdout is not None and p.stdout.readline().strip() == "ready"
    print(f"{count} laptops ready; load average before: {_load()}", flush=True)
    for p in procs:
        assert p.stdin is not None
        p.stdin.write("go\n")
        p.stdin.flush()
    results = []
    for p in procs:
        out, _ = p.communicate(timeout=7200)
        if p.returncode:
            raise SystemExit(f"a laptop failed (exit {p.returncode})")
        results.append(json.loads(out.strip().splitlines()[-1]))
    print(f"load average after: {_load()}", flush=True)
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--laptops", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--clones", type=int, default=250, help="children = 40 × clones")
    parser.add_argument("--entries", type=int, default=1_000_000)
    args = parser.parse_args()
    server = pg_server.start_server()
    folder = Path(tempfile.mkdtemp(prefix="pace-bench-hub-"))
    try:
        os.environ["PGPASSFILE"] = str(folder / "pgpass")
        (folder / "pgpass").write_text("*:*:*:seed:bench-seed\n")
        (folder / "pgpass").chmod(0o600)
        started = time.perf_counter()
        build(server, folder, args.clones, args.entries)
        with connect(server.admin_url) as conn:
            children, entries = conn.execute(
                "SELECT (SELECT count(*) FROM pace.children),"
                " (SELECT count(*) FROM pace.chronology_entries)").fetchone()
            size = conn.execute("SELECT pg_size_pretty(pg_database_size(current_database()))"
                                ).fetchone()[0]
        print(f"hub (schema {LATEST}) built in {time.perf_counter() - started:.0f} s:"
              f" {children:,} children, {entries:,} chronology entries, {size}", flush=True)
        alone = run_laptops(server, folder, 1, args.rounds, args.clones, first=1)[0]
        print(f"one laptop alone (for comparison): first sync {alone['first']:.2f} s"
              f" ({alone['first_cpu']:.2f} s of its own CPU), later syncs median"
              f" {statistics.median(alone['rounds']):.2f} s", flush=True)
        results = run_laptops(server, folder, args.laptops, args.rounds, args.clones)
        firsts = [r["first"] for r in results]
        later = [t for r in results for t in r["rounds"]]
        pulled = {r["children"] for r in results}
        problems = sum(r["problems"] for r in results)
        print(f"first sync, {args.laptops} laptops at once, each pulling"
              f" {'/'.join(map(str, sorted(pulled)))} children: median"
              f" {statistics.median(firsts):.2f} s, 95th percentile"
              f" {_percentile(firsts, 95):.2f} s, slowest {max(firsts):.2f} s")
        print(f"later syncs (6 changes each), {len(later)} syncs: median"
              f" {statistics.median(later):.2f} s, 95th percentile"
              f" {_percentile(later, 95):.2f} s, slowest {max(later):.2f} s")
        first_cpu = [r["first_cpu"] for r in results]
        later_cpu = [t for r in results for t in r["rounds_cpu"]]
        print(f"of which each laptop's own CPU: first sync median"
              f" {statistics.median(first_cpu):.2f} s, later syncs median"
              f" {statistics.median(later_cpu):.2f} s (the rest is waiting: for the hub, and"
              f" for one of the 2 shared cores)")
        print(f"problems reported by the syncs: {problems}")
    finally:
        server.stop()


if __name__ == "__main__":
    main()
