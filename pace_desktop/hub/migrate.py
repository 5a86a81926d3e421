"""Bringing a hub's schema up to date (`hub init`): each migration once, in order, under an
advisory lock, each in its own transaction with its version, so running it again changes
nothing and two at once cannot interleave."""

from __future__ import annotations

from typing import Any

from pace_desktop.hub.schema import LATEST, MIGRATIONS

_LOCK = 0x7061_6365  # "pace": any constant the hub's other users do not take


def version(conn: Any) -> int:
    row = conn.execute("SELECT to_regclass('pace.schema_version') IS NOT NULL").fetchone()
    if not row[0]:
        return 0
    return conn.execute("SELECT coalesce(max(version), 0) FROM pace.schema_version"
                        ).fetchone()[0]


def check_version(conn: Any, place: str) -> None:
    """Refuse to sync with a hub whose schema is not this PACE Desktop's: an older one lacks
    what the sync writes, a newer one may hold what this version would drop."""
    from pace_desktop.hub.errors import HubSchema

    current = version(conn)
    conn.commit()
    if current == LATEST:
        return
    if current == 0:
        raise HubSchema(f"The database at {place} is not set up as a team hub yet: ask the"
                        " hub's administrator to run `pace-desktop hub init` on it.")
    if current < LATEST:
        raise HubSchema(f"The hub at {place} has an older schema (version {current}) than this"
                        f" PACE Desktop needs ({LATEST}): ask the hub's administrator to run"
                        " `pace-desktop hub init`, which brings it up to date.")
    raise HubSchema(f"The hub at {place} has a newer schema (version {current}) than this"
                    f" PACE Desktop knows ({LATEST}): update PACE Desktop on this laptop"
                    " before syncing.")


def migrate(conn: Any) -> list[int]:
    """Apply what is missing; the versions applied (empty when already up to date)."""
    applied: list[int] = []
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK,))
        conn.execute("CREATE SCHEMA IF NOT EXISTS pace")
        conn.execute("CREATE TABLE IF NOT EXISTS pace.schema_version ("
                     " version integer PRIMARY KEY, applied timestamptz NOT NULL DEFAULT now(),"
                     " applied_by name NOT NULL DEFAULT session_user)")
        current = version(conn)
        if current > LATEST:
            from pace_desktop.hub.errors import HubError

            raise HubError(f"The hub's schema is version {current}, newer than this PACE"
                           f" Desktop knows ({LATEST}); update PACE Desktop.")
        for number in range(current + 1, LATEST + 1):
            conn.execute(MIGRATIONS[number])
            conn.execute("INSERT INTO pace.schema_version (version) VALUES (%s)", (number,))
            applied.append(number)
    return applied
