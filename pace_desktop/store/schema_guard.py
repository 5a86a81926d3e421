"""The schema's protections, verified: the triggers that keep the audit log append-only.

Someone with the passphrase can drop a trigger with plain SQL and then edit the log; the
chain would show the edit, but `check` should also say the guard itself was removed.
The expected triggers are those the migrations make, read from a fresh in-memory copy.
"""

from __future__ import annotations

import functools
from typing import Any

from sqlcipher3 import dbapi2 as sqlcipher

from pace_desktop.store import schema


def _normal(sql: str | None) -> str:
    return " ".join((sql or "").split())


def expected_triggers() -> dict[str, str]:
    return _triggers_of(schema.MIGRATIONS)


@functools.cache
def _triggers_of(migrations: tuple[str, ...]) -> dict[str, str]:
    from pace_desktop.store.opening import run_script

    conn = sqlcipher.connect(":memory:", isolation_level=None)
    try:
        for sql in migrations:
            run_script(conn, sql)
        return {name: _normal(sql) for name, sql in conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")}
    finally:
        conn.close()


def trigger_problems(conn: Any) -> list[str]:
    found = {name: _normal(sql) for name, sql in conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")}
    problems = []
    expected = expected_triggers()
    for name, sql in expected.items():
        if name not in found:
            problems.append(f"the safeguard {name} has been removed from the store")
        elif found[name] != sql:
            problems.append(f"the safeguard {name} has been changed")
    for name in sorted(set(found) - set(expected)):
        problems.append(f"an unexpected trigger {name} has been added to the store")
    return problems
