"""The audit log's head and its entries' hashes, as a witness outside the store needs them
(the hub at each sync: hub/witness.py). No case data: numbers, keyed hashes and times."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Head:
    seq: int
    hash: str
    at: str  # the entry's own time (UTC ISO), as the laptop's clock gave it


def head(store: Any) -> Head | None:
    """The newest audit entry (None for a log with no entries, which PACE never makes)."""
    row = store._live().execute("SELECT seq, hash, at FROM audit ORDER BY seq DESC LIMIT 1"
                                ).fetchone()
    return Head(int(row[0]), str(row[1]), str(row[2])) if row else None


def hashes(store: Any, seqs: list[int]) -> dict[int, str]:
    """The hashes of these entries, where they still exist."""
    conn = store._live()
    found: dict[int, str] = {}
    for i in range(0, len(seqs), 500):
        part = seqs[i:i + 500]
        found.update(conn.execute(
            f"SELECT seq, hash FROM audit WHERE seq IN ({','.join('?' * len(part))})", part))
    return found


def last_hub(store: Any) -> str | None:
    """The hub (its key: login@host:port/database) this store last finished a sync with."""
    row = store._live().execute("SELECT target FROM audit WHERE operation = 'sync with hub'"
                                " ORDER BY seq DESC LIMIT 1").fetchone()
    return str(row[0]) if row else None
