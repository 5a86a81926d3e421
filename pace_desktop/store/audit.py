"""The append-only, keyed, hash-chained audit log: who did what, when, with before and after.

Each entry's hash covers the previous entry's hash, so changing, removing or reordering any
entry breaks the chain from that point, and `check` names the first entry that does not fit.

A plain SHA-256 chain proves nothing to someone with the passphrase: they can rewrite the
entries and recompute it. So entries are sealed with an HMAC ("k1:" + hex) under a key kept
out of the SQL tables (`chain_key`: derived from the file's own salt, which is stable across
rekeys and shared by its backups, and never readable through SQL). Entries written before this
version keep their plain hashes; they are accepted only before the first sealed entry (the
marker), never after it. What no key can show (the newest entries removed together with
their seals) is shown by the witness file beside the store (witness.py).
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass
from typing import Any

GENESIS = "0" * 64
SEALED = "k1:"
_KEY_LABEL = b"pace-desktop audit chain v1"


def chain_key(salt: bytes) -> bytes:
    """The chain's key, from the store file's 16-byte salt (its first bytes on disk)."""
    return hmac.new(salt, _KEY_LABEL, hashlib.sha256).digest()


def _sealed(key: bytes, prev_hash: str, seq: int, at: str, who: str, operation: str,
            target: str, before: str | None, after: str | None) -> str:
    body = json.dumps([seq, at, who, operation, target, before, after], ensure_ascii=False)
    return SEALED + hmac.new(key, (prev_hash + body).encode("utf-8"), hashlib.sha256).hexdigest()


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


def append(conn: Any, key: bytes, at: str, who: str, operation: str, target: str,
           before: Any, after: Any) -> tuple[int, str]:
    """Add one sealed entry inside the caller's transaction; returns its seq and hash."""
    last = conn.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev = (last[0] + 1, last[1]) if last else (1, GENESIS)
    b, a = to_json(before), to_json(after)
    h = _sealed(key, prev, seq, at, who, operation, target, b, a)
    conn.execute(
        "INSERT INTO audit (seq, at, who, operation, target, before, after, prev_hash, hash)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (seq, at, who, operation, target, b, a, prev, h),
    )
    return seq, h


@dataclass(slots=True)
class ChainReport:
    """What walking the chain found: problems, the head, and the last content seal per child."""

    problems: list[str]
    last_seq: int = 0
    last_hash: str = GENESIS
    sealed_from: int | None = None  # the first sealed entry: the marker
    seals: dict[str, str] | None = None


def walk(conn: Any, key: bytes) -> ChainReport:
    """Every place the chain does not hold, in plain words, and what it vouches for."""
    report = ChainReport([], seals={})
    assert report.seals is not None
    prev = GENESIS
    expected_seq = 1
    rows = conn.execute(
        "SELECT seq, at, who, operation, target, before, after, prev_hash, hash"
        " FROM audit ORDER BY seq"
    )
    for seq, at, who, op, target, before, after, prev_hash, h in rows:
        if seq != expected_seq:
            report.problems.append(f"audit entry {expected_seq} is missing")
        is_sealed = str(h).startswith(SEALED)
        if is_sealed:
            fits = _sealed(key, prev, seq, at, who, op, target, before, after) == h
            if report.sealed_from is None:
                report.sealed_from = seq
        elif report.sealed_from is not None:
            report.problems.append(f"audit entry {seq} ({op}, {at}) is not sealed with the"
                                   " store's key, though entries before it are: it was forged"
                                   " or rewritten outside PACE Desktop")
            break
        else:
            fits = _digest(prev, seq, at, who, op, target, before, after) == h
        if prev_hash != prev or not fits:
            report.problems.append(f"audit entry {seq} ({op}, {at}) has been altered, forged"
                                   " or rewritten outside PACE Desktop")
            break
        if is_sealed and after:
            report.seals.update(_seals_in(after))
        prev = h
        expected_seq = seq + 1
        report.last_seq, report.last_hash = seq, h
    return report


def _seals_in(after: str) -> dict[str, str]:
    try:
        found = json.loads(after).get("sealed")
    except (ValueError, AttributeError):
        return {}
    return {str(k): str(v) for k, v in found.items()} if isinstance(found, dict) else {}


def content_seal(key: bytes, content: Any) -> str:
    """A keyed digest of one child's whole record, as the audit entry that wrote it saw it."""
    body = json.dumps(content, ensure_ascii=False, sort_keys=True, default=str)
    return hmac.new(key, body.encode("utf-8"), hashlib.sha256).hexdigest()[:32]


def chain_problems(conn: Any, key: bytes) -> list[str]:
    return walk(conn, key).problems


def entries(conn: Any, target: str | None = None, limit: int = 1000) -> list[AuditEntry]:
    sql = "SELECT seq, at, who, operation, target, before, after FROM audit"
    args: tuple[Any, ...] = ()
    if target is not None:
        sql += " WHERE target = ?"
        args = (target,)
    sql += " ORDER BY seq DESC LIMIT ?"
    return [AuditEntry(*row) for row in conn.execute(sql, (*args, limit))]
