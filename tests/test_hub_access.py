"""Row-level security on a real hub: each role logs in with a real connection (password from a
PGPASSFILE) and crafted queries against every table are refused or see nothing.

North team: ali and bea (workers), mo (manager). South team: sam (worker).
Children: N1 allocated to ali; N2 to bea; N3 to bea, shared with ali; S1 to sam.
"""

from __future__ import annotations

from typing import Any

import psycopg
import pytest

from pace_desktop.hub import HubRefused, admin
from pace_desktop.hub.records import PARTS, read_child, write_child
from tests.hub_data import child_snapshot

# A trigger (who may be allocated a child) can refuse before the policy does.
REFUSED = (psycopg.errors.InsufficientPrivilege, psycopg.errors.CheckViolation)
CASE_TABLES = [table for table, _ in PARTS.values()] + ["amendments"]


@pytest.fixture
def team(hub: Any) -> dict[str, Any]:
    with hub.admin() as conn:
        for login, team_name, manager in (("ali", "north", False), ("bea", "north", False),
                                          ("mo", "north", True), ("sam", "south", False)):
            admin.add_worker(conn, login, team_name, manager)
            hub.password(login)
    snaps = {ref: child_snapshot(ref) for ref in ("N1", "N2", "N3", "S1")}
    for ref, login in (("N1", "ali"), ("N2", "bea"), ("N3", "bea"), ("S1", "sam")):
        with hub.login(login) as conn, conn.transaction():
            write_child(conn, snaps[ref][("child", "")]["id"], snaps[ref], None)
    with hub.login("mo") as conn:
        admin.share(conn, "N3", "ali")
    return {ref: s[("child", "")]["id"] for ref, s in snaps.items()}


def _refs(conn: Any) -> set[str]:
    return {r for (r,) in conn.execute("SELECT ref FROM pace.children")}


def _count(conn: Any, table: str, uid: str) -> int:
    return conn.execute(f"SELECT count(*) FROM pace.{table} WHERE child_uid = %s",
                        (uid,)).fetchone()[0]


def test_each_role_sees_only_its_children(hub: Any, team: dict[str, str]) -> None:
    seen = {}
    for login in ("ali", "bea", "mo", "sam"):
        with hub.login(login) as conn:
            seen[login] = _refs(conn)
    assert seen == {"ali": {"N1", "N3"}, "bea": {"N2", "N3"}, "mo": {"N1", "N2", "N3"},
                    "sam": {"S1"}}
    with hub.admin() as conn:
        assert _refs(conn) == {"N1", "N2", "N3", "S1"}


@pytest.mark.parametrize("table", CASE_TABLES)
def test_crafted_queries_on_every_table_are_refused(hub: Any, team: dict[str, str],
                                                    table: str) -> None:
    """ali against N2 (her team's, not hers) and S1 (another team's); mo (manager) against
    S1. Reads see nothing, updates and deletes touch nothing, inserts are refused."""
    with hub.admin() as conn:
        before = {ref: _count(conn, table, uid) for ref, uid in team.items()}
    assert all(before.values())  # every table holds a row for every child
    for login, refs in (("ali", ("N2", "S1")), ("mo", ("S1",)), ("sam", ("N1", "N3"))):
        with hub.login(login) as conn:
            for ref in refs:
                uid = team[ref]
                assert _count(conn, table, uid) == 0, (login, ref)
                assert conn.execute(f"SELECT count(*) FROM pace.{table} WHERE child_uid = %s"
                                    " OR true", (uid,)).fetchone()[0] == sum(
                    _count(conn, table, team[r]) for r in team)
                if table != "amendments":  # amendments cannot be changed by anyone
                    cur = conn.execute(f"UPDATE pace.{table} SET more = '{{\"x\": 1}}'"
                                       " WHERE child_uid = %s", (uid,))
                    assert cur.rowcount == 0, (login, ref)
                    cur = conn.execute(f"DELETE FROM pace.{table} WHERE child_uid = %s", (uid,))
                    assert cur.rowcount == 0, (login, ref)
                conn.commit()
                with pytest.raises(psycopg.errors.InsufficientPrivilege):
                    _insert_copy(conn, table, uid)
                conn.rollback()
        # the positive control: each can read their own
        with hub.login(login) as conn:
            own = {"ali": "N1", "mo": "N2", "sam": "S1"}[login]
            assert _count(conn, table, team[own]) == before[own]
    with hub.admin() as conn:
        assert {ref: _count(conn, table, uid) for ref, uid in team.items()} == before


def _insert_copy(conn: Any, table: str, uid: str) -> None:
    """Insert a row for the child `uid` (a copy of the caller's own first row: only the child
    differs), which the policy must refuse."""
    cols = [r[0] for r in conn.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = 'pace'"
        " AND table_name = %s AND column_name NOT IN ('child_uid') ORDER BY ordinal_position",
        (table,))]
    names = ", ".join(f'"{c}"' for c in cols)
    conn.execute(f"INSERT INTO pace.{table} (child_uid, {names})"
                 f" SELECT %s, {names} FROM pace.{table} LIMIT 1", (uid,))


def test_children_table_refusals(hub: Any, team: dict[str, str]) -> None:
    with hub.login("ali") as conn:
        # another team's child or a team-mate's: nothing to update or delete
        for ref in ("N2", "S1"):
            assert conn.execute("UPDATE pace.children SET given_name = 'X' WHERE ref = %s",
                                (ref,)).rowcount == 0
            assert conn.execute("DELETE FROM pace.children WHERE ref = %s",
                                (ref,)).rowcount == 0
        # her own: she may not delete it (only a manager) or hand it to someone else
        assert conn.execute("DELETE FROM pace.children WHERE ref = 'N1'").rowcount == 0
        conn.commit()
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="manager"):
            conn.execute("UPDATE pace.children SET allocated_to = 'bea' WHERE ref = 'N1'")
        conn.rollback()
        # adding a child to another team, or to a team-mate's caseload
        for team_name, login in (("south", "ali"), ("north", "bea"), ("south", "sam")):
            with pytest.raises(REFUSED):
                conn.execute("INSERT INTO pace.children (uid, ref, team, allocated_to,"
                             " given_name, family_name, date_of_birth) VALUES (gen_random_uuid(),"
                             " 'X1', %s, %s, 'A', 'B', '2020-01-01')", (team_name, login))
            conn.rollback()
        # moving her own child to another team
        with pytest.raises(REFUSED):
            conn.execute("UPDATE pace.children SET team = 'south' WHERE ref = 'N1'")
        conn.rollback()
    with hub.login("mo") as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE pace.children SET team = 'south', allocated_to = 'sam'"
                         " WHERE ref = 'N1'")
        conn.rollback()
        assert conn.execute("DELETE FROM pace.children WHERE ref = 'S1'").rowcount == 0
    with hub.admin() as conn:
        assert _refs(conn) == {"N1", "N2", "N3", "S1"}
        rows = conn.execute("SELECT ref, team, allocated_to, given_name FROM pace.children"
                            " ORDER BY ref").fetchall()
    assert rows == [("N1", "north", "ali", "Rowan"), ("N2", "north", "bea", "Rowan"),
                    ("N3", "north", "bea", "Rowan"), ("S1", "south", "sam", "Rowan")]


def test_workers_teams_shares_changes_refusals(hub: Any, team: dict[str, str]) -> None:
    with hub.login("ali") as conn:
        assert {r for (r,) in conn.execute("SELECT login FROM pace.workers")} == \
            {"ali", "bea", "mo"}
        assert {r for (r,) in conn.execute("SELECT name FROM pace.teams")} == {"north"}
        assert {r for (r,) in conn.execute("SELECT DISTINCT child_uid FROM pace.changes")} \
            == {team["N1"], team["N3"]}
        for statement in (
                "INSERT INTO pace.workers (login, team, manager) VALUES ('ali2', 'north', true)",
                "UPDATE pace.workers SET manager = true WHERE login = 'ali'",
                "INSERT INTO pace.teams (name) VALUES ('west')",
                "DELETE FROM pace.changes",
                "INSERT INTO pace.changes (table_name, operation, child_uid) VALUES"
                " ('people', 'insert', 'x')",
                "SET ROLE mo",
                "SET ROLE postgres",
                "CREATE TABLE pace.mine (x int)",
                "DELETE FROM pace.schema_version"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
            conn.rollback()
        # ali shares her team-mate's child with herself: only a manager shares
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("INSERT INTO pace.shares (child_uid, login) VALUES (%s, 'ali')",
                         (team["N2"],))
        conn.rollback()
        assert conn.execute("DELETE FROM pace.shares").rowcount == 0
        with pytest.raises(HubRefused):
            admin.allocate(conn, "N1", "bea")
        with pytest.raises(HubRefused):
            admin.share(conn, "N2", "ali")
    with hub.login("sam") as conn:
        assert {r for (r,) in conn.execute("SELECT login FROM pace.workers")} == {"sam"}
        assert conn.execute("SELECT count(*) FROM pace.shares").fetchone()[0] == 0


def test_every_change_names_its_login_and_store(hub: Any, team: dict[str, str]) -> None:
    with hub.login("ali") as conn:
        # a forged name is overwritten by the login's own
        conn.execute("UPDATE pace.people SET name = 'Morag B', changed_by = 'bea'"
                     " WHERE child_uid = %s", (team["N3"],))
        conn.commit()
    with hub.admin() as conn:
        assert conn.execute("SELECT name, changed_by, changed_from FROM pace.people"
                            " WHERE child_uid = %s", (team["N3"],)).fetchone() == \
            ("Morag B", "ali", "laptop-of-ali")
        last = conn.execute("SELECT login, store, table_name, operation FROM pace.changes"
                            " ORDER BY seq DESC LIMIT 2").fetchall()
        assert ("ali", "laptop-of-ali", "people", "update") in last
        # the child's revision moved on, so laptops know to fetch it
        snapshot, revision = read_child(conn, team["N3"])
        assert revision > 1 and snapshot[("people", "p1")]["name"] == "Morag B"


def test_manager_allocates_within_the_team(hub: Any, team: dict[str, str]) -> None:
    with hub.login("mo") as conn:
        assert admin.allocate(conn, "N1", "bea") == "north"
        with pytest.raises(HubRefused):
            admin.allocate(conn, "N1", "sam")
        with pytest.raises(HubRefused, match="not a worker in your team"):
            admin.share(conn, "N1", "sam")
    with hub.admin() as conn:
        with pytest.raises(HubRefused, match="only within its team"):
            admin.share(conn, "N1", "sam")
    with hub.login("ali") as conn:
        assert _refs(conn) == {"N3"}
    with hub.login("bea") as conn:
        assert _refs(conn) == {"N1", "N2", "N3"}
