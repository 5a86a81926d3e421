"""The append-only, hash-chained audit log: who did what, when, with before and after.

Each entry's hash covers the previous entry's hash, so changing, removing or reordering any
entry breaks the chain from that point, and `check` names the first entry that does not fit.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

GENESIS = "0" * 64


def _digest(prev_hash: str, seq: int, at: str, who: str, operation: str, target: str,
            before: str | None, after: str | None) -> str:
    body = json.dumps([seq, at, who, operation, target, before, after], ensure_ascii=False)
    return hashlib.sha256((prev_hash + body).encode("utf-8")).hexdigest()


def to_json(value: Any) -> str | None:
    if value is None:
        return None
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


@dataclass(frozen=True, slots=True)
class AuditEntry:
    seq: int
    at: str
    who: str
    operation: str
    target: str
    before: str | None
    after: str | None


def append(conn: Any, at: str, who: str, operation: str, target: str,
           before: Any, after: Any) -> int:
    """Add one entry inside the caller's transaction; returns its sequence number."""
    last = conn.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev = (last[0] + 1, last[1]) if last else (1, GENESIS)
    b, a = to_json(before), to_json(after)
    h = _digest(prev, seq, at, who, operation, target, b, a)
    conn.execute(
        "INSERT INTO audit (seq, at, who, operation, target, before, after, prev_hash, hash)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (seq, at, who, operation, target, b, a, prev, h),
    )
    return seq


def chain_problems(conn: Any) -> list[str]:
    """Every place the chain does not hold, in plain words; empty when the log is intact."""
    problems: list[str] = []
    prev = GENESIS
    expected_seq = 1
    rows = conn.execute(
        "SELECT seq, at, who, operation, target, before, after, prev_hash, hash"
        " FROM audit ORDER BY seq"
    )
    for seq, at, who, op, target, before, after, prev_hash, h in rows:
        if seq != expected_seq:
            problems.append(f"audit entry {expected_seq} is missing")
        if prev_hash != prev or _digest(prev, seq, at, who, op, target, before, after) != h:
            problems.append(f"audit entry {seq} ({op}, {at}) has been altered")
            break
        prev = h
        expected_seq = seq + 1
    return problems


def entries(conn: Any, target: str | None = None, limit: int = 1000) -> list[AuditEntry]:
    sql = "SELECT seq, at, who, operation, target, before, after FROM audit"
    args: tuple[Any, ...] = ()
    if target is not None:
        sql += " WHERE target = ?"
        args = (target,)
    sql += " ORDER BY seq DESC LIMIT ?"
    return [AuditEntry(*row) for row in conn.execute(sql, (*args, limit))]
