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

Each entry since migration 9 also names the store it was made in (its `store_id`, SYNC.md
promise 5), and its hash covers that too: the body of an entry with a store is the older body
with the store added at the end, so entries written before the migration (no store) keep
verifying exactly as they were sealed, while adding, removing or changing the store of any
entry breaks its hash. Once one entry names a store, every later one must.
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


def _body(seq: int, at: str, who: str, operation: str, target: str, before: str | None,
          after: str | None, store: str | None) -> str:
    fields: list[Any] = [seq, at, who, operation, target, before, after]
    if store is not None:  # entries made before stores were named keep their old body
        fields.append(store)
    return json.dumps(fields, ensure_ascii=False)


def _sealed(key: bytes, prev_hash: str, seq: int, at: str, who: str, operation: str,
            target: str, before: str | None, after: str | None,
            store: str | None = None) -> str:
    body = _body(seq, at, who, operation, target, before, after, store)
    return SEALED + hmac.new(key, (prev_hash + body).encode("utf-8"), hashlib.sha256).hexdigest()


def _digest(prev_hash: str, seq: int, at: str, who: str, operation: str, target: str,
            before: str | None, after: str | None, store: str | None = None) -> str:
    body = _body(seq, at, who, operation, target, before, after, store)
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
    store: str | None = None  # the store the change was made in (None before migration 9)


def has_store_column(conn: Any) -> bool:
    """Whether this store's log names the store of each entry (migration 9 and after)."""
    return any(r[1] == "store" for r in conn.execute("PRAGMA table_info(audit)"))


def append(conn: Any, key: bytes, at: str, who: str, operation: str, target: str,
           before: Any, after: Any, store: str | None = None) -> tuple[int, str]:
    """Add one sealed entry inside the caller's transaction; returns its seq and hash.
    `store` (this store's id) is required once the log has its column (migration 9)."""
    last = conn.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev = (last[0] + 1, last[1]) if last else (1, GENESIS)
    b, a = to_json(before), to_json(after)
    h = _sealed(key, prev, seq, at, who, operation, target, b, a, store)
    if store is None:
        conn.execute(
            "INSERT INTO audit (seq, at, who, operation, target, before, after, prev_hash, hash)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (seq, at, who, operation, target, b, a, prev, h),
        )
    else:
        conn.execute(
            "INSERT INTO audit (seq, at, who, operation, target, before, after, prev_hash, hash,"
            " store) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (seq, at, who, operation, target, b, a, prev, h, store),
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
    store_sql = "store" if has_store_column(conn) else "NULL"
    rows = conn.execute(
        "SELECT seq, at, who, operation, target, before, after, prev_hash, hash,"
        f" {store_sql} FROM audit ORDER BY seq"
    )
    stores_from: int | None = None  # the first entry that names its store
    for seq, at, who, op, target, before, after, prev_hash, h, store in rows:
        if seq != expected_seq:
            report.problems.append(f"audit entry {expected_seq} is missing")
        if store is not None and stores_from is None:
            stores_from = seq
        elif store is None and stores_from is not None:
            report.problems.append(f"audit entry {seq} ({op}, {at}) names no store, though"
                                   f" entries from {stores_from} on do: it was forged or"
                                   " rewritten outside PACE Desktop")
            break
        is_sealed = str(h).startswith(SEALED)
        if is_sealed:
            fits = _sealed(key, prev, seq, at, who, op, target, before, after, store) == h
            if report.sealed_from is None:
                report.sealed_from = seq
        elif report.sealed_from is not None:
            report.problems.append(f"audit entry {seq} ({op}, {at}) is not sealed with the"
                                   " store's key, though entries before it are: it was forged"
                                   " or rewritten outside PACE Desktop")
            break
        else:
            fits = _digest(prev, seq, at, who, op, target, before, after, store) == h
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
    store_sql = "store" if has_store_column(conn) else "NULL"
    sql = f"SELECT seq, at, who, operation, target, before, after, {store_sql} FROM audit"
    args: tuple[Any, ...] = ()
    if target is not None:
        sql += " WHERE target = ?"
        args = (target,)
    sql += " ORDER BY seq DESC LIMIT ?"
    return [AuditEntry(*row) for row in conn.execute(sql, (*args, limit))]
