"""Setting up and running a hub: workers and teams, allocation and sharing, and a summary.

These run as whoever the URL logs in as. The hub's owner (who ran `hub init`) can do all of
them; a team's manager can allocate and share their own team's children (the policies and
triggers in schema.py say so, not this code); a worker can do none of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from pace_desktop.hub.errors import HubError, HubRefused, explain

_LOGIN = re.compile(r"^[a-z_][a-z0-9_.-]{0,62}$")


def check_login(login: str) -> str:
    if not _LOGIN.match(login):
        raise HubError(f"{login!r} cannot be a hub login: use lower-case letters, digits, '_',"
                       " '.' or '-', starting with a letter (at most 63).")
    return login


def add_worker(conn: Any, login: str, team: str, manager: bool) -> bool:
    """Make `login` a worker (a login role in pace_worker) of `team`; True if the role is
    new. No password is set: the authority sets one (`\\password` in psql) or uses
    certificates or Kerberos, so no password ever passes through PACE Desktop."""
    from psycopg import sql

    check_login(login)
    if not team.strip():
        raise HubError("A worker needs a team: --team NAME.")
    try:
        with conn.transaction():
            exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s",
                                  (login,)).fetchone() is not None
            if not exists:
                conn.execute(sql.SQL("CREATE ROLE {} LOGIN").format(sql.Identifier(login)))
            conn.execute(sql.SQL("GRANT pace_worker TO {}").format(sql.Identifier(login)))
            was = conn.execute("SELECT team FROM pace.workers WHERE login = %s",
                               (login,)).fetchone()
            if was and was[0] != team and conn.execute(
                    "SELECT 1 FROM pace.children WHERE allocated_to = %s", (login,)).fetchone():
                raise HubRefused(f"{login} still has children allocated in the team {was[0]};"
                                 " allocate them to someone else before moving teams.")
            conn.execute("INSERT INTO pace.teams (name) VALUES (%s) ON CONFLICT DO NOTHING",
                         (team,))
            conn.execute("INSERT INTO pace.workers (login, team, manager) VALUES (%s, %s, %s)"
                         " ON CONFLICT (login) DO UPDATE SET team = EXCLUDED.team,"
                         " manager = EXCLUDED.manager", (login, team, manager))
    except HubError:
        raise
    except Exception as exc:
        raise _explained(exc, f"adding the worker {login}") from None
    return not exists


def allocate(conn: Any, ref: str, login: str) -> str:
    """Allocate the child `ref` to `login` (and so to that worker's team); the team's name."""
    check_login(login)
    try:
        with conn.transaction():
            team = _team_of(conn, login)
            row = conn.execute(
                "UPDATE pace.children SET allocated_to = %s, team = %s WHERE ref = %s"
                " RETURNING uid", (login, team, ref)).fetchone()
            if row is None:
                raise HubRefused(f"There is no child {ref} on the hub that you may change.")
    except HubError:
        raise
    except Exception as exc:
        raise _explained(exc, f"allocating {ref} to {login}") from None
    return team


def share(conn: Any, ref: str, login: str) -> None:
    """Share the child `ref` with `login`, a worker of the child's own team."""
    check_login(login)
    try:
        with conn.transaction():
            team = _team_of(conn, login)
            row = conn.execute("SELECT uid, team FROM pace.children WHERE ref = %s",
                               (ref,)).fetchone()
            if row is None:
                raise HubRefused(f"There is no child {ref} on the hub that you may see.")
            if row[1] != team:
                raise HubRefused(f"{ref} belongs to the team {row[1]} and {login} to {team};"
                                 " a child is shared only within its team.")
            conn.execute("INSERT INTO pace.shares (child_uid, login) VALUES (%s, %s)"
                         " ON CONFLICT DO NOTHING", (row[0], login))
    except HubError:
        raise
    except Exception as exc:
        raise _explained(exc, f"sharing {ref} with {login}") from None


def _team_of(conn: Any, login: str) -> str:
    row = conn.execute("SELECT team FROM pace.workers WHERE login = %s", (login,)).fetchone()
    if row is None:
        mine = conn.execute("SELECT pace.my_team()").fetchone()[0]
        if mine:  # a worker or manager sees their own team only
            raise HubRefused(f"{login} is not a worker in your team ({mine}).")
        raise HubRefused(f"{login} is not a worker on this hub (hub add-worker {login}"
                         " --team TEAM).")
    return row[0]


@dataclass(frozen=True)
class Status:
    login: str
    schema_version: int
    team: str | None
    manager: bool
    is_worker: bool
    teams: int
    workers: int
    children: int
    shared_with_me: int
    last_change: Any


def status(conn: Any) -> Status:
    from pace_desktop.hub.migrate import version

    try:
        with conn.transaction():
            v = version(conn)
            if v == 0:
                raise HubError("This database is not a PACE hub yet (hub init --url URL).")
            login, is_worker = conn.execute("SELECT session_user, pace.is_worker()").fetchone()
            me = conn.execute("SELECT team, manager FROM pace.workers WHERE login ="
                              " session_user").fetchone()
            counts = conn.execute(
                "SELECT (SELECT count(*) FROM pace.teams), (SELECT count(*) FROM pace.workers),"
                " (SELECT count(*) FROM pace.children),"
                " (SELECT count(*) FROM pace.shares WHERE login = session_user),"
                " (SELECT max(at) FROM pace.changes)").fetchone()
    except HubError:
        raise
    except Exception as exc:
        raise _explained(exc, "reading the hub's status") from None
    return Status(login, v, me[0] if me else None, bool(me and me[1]), bool(is_worker),
                  *counts)


def _explained(exc: Exception, what: str) -> HubError:
    return explain(exc, what)
