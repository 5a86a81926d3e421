"""Who last changed each field of a child's records, in which store, and when (SYNC.md promise
5), so a conflict says who changed *that field* on each side and when, not merely who last
touched the child.

One row per child (`field_stamps`, migration 10): JSON {"part/id": {field: [digest of the
value, who, store, at]}}. Every store operation that changes a child restamps it at its end
(store/frame.py): a field whose value's digest moved is stamped with the operation's author,
store and time, unless the operation says where the value came from (a package or a hub
brings the other side's stamps: the person who made the change there, not the person who
received it). A record that is gone keeps one stamp, under `DELETED`: who removed it.

Left out: chronology entries. They are final once recorded, never conflict field by field
(sync.merge.FINAL_PARTS), and there can be a million of them: stamping them would cost every
import more than everything else here together.

Children already in a store when this came in carry a marker (`LEGACY`): their fields are
stamped "unknown" the first time they are seen, and a conflict on an unknown field falls back
to who last changed the child (the audit log), as before. The stamps are bookkeeping beside
the record, not part of it: the audit log remains the record of who did what.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from typing import Any

from pace_desktop.domain.records import Child
from pace_desktop.exchange.snapshot import to_snapshot
from pace_desktop.sync.merge import DELETED

LEGACY = "~legacy"
Stamp = tuple[str | None, str | None, str | None]  # who, store, at
Given = dict[tuple[str, str], dict[str, Stamp]]
Stamps = dict[str, dict[str, list[Any]]]


def _key(part: str, record: str) -> str:
    return f"{part}/{record}"


WHOLE = "~"  # a record's own digest, beside its fields': an unchanged record is skipped whole


def _digest(value: Any) -> str:
    # Text, the usual case, without the JSON encoder (most of the cost of restamping).
    body = "s" + value if isinstance(value, str) else \
        json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(body.encode("utf-8")).hexdigest()[:16]


def _whole(record: dict[str, Any]) -> str:
    """A record's digest: `repr` is exact for the plain values a snapshot holds and many times
    faster than JSON; should its form ever change, the fields are compared one by one."""
    return hashlib.sha256(repr(record).encode("utf-8")).hexdigest()[:16]


def has_table(conn: Any) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table'"
                        " AND name = 'field_stamps'").fetchone() is not None


def read(conn: Any, child_uid: str) -> Stamps:
    row = conn.execute("SELECT stamps FROM field_stamps WHERE child_uid = ?",
                       (child_uid,)).fetchone()
    return json.loads(row[0]) if row else {}


def restamp(conn: Any, child: Child, stamp: Stamp, given: Given | None = None) -> None:
    """Stamp every field of `child` whose value changed since it was last stamped."""
    old = read(conn, child.id)
    legacy = old.pop(LEGACY, None) is not None
    given = given or {}
    unknown: list[Any] = [None, None, None]
    new: Stamps = {}
    for key, record in to_snapshot(replace(child, events=())).items():
        was = old.pop(_key(*key), None) or {}
        whole = _whole(record)
        if was.get(WHOLE) == [whole]:
            new[_key(*key)] = was
            continue
        theirs = given.get(key, {})
        fields: dict[str, list[Any]] = {WHOLE: [whole]}
        for name in (*record, *(n for n in was if n not in record
                                 and n not in (DELETED, WHOLE))):
            digest = _digest(record.get(name))
            prev = was.get(name)
            if prev is not None and prev[0] == digest:
                fields[name] = prev
            elif name in theirs:
                fields[name] = [digest, *theirs[name]]
            elif legacy and not was:
                fields[name] = [digest, *unknown]
            else:
                fields[name] = [digest, *stamp]
        new[_key(*key)] = fields
    for k, was in old.items():
        if DELETED in was:
            new[k] = was
            continue
        part, _, record_id = k.partition("/")
        by = given.get((part, record_id), {}).get(DELETED)
        if part != "events":
            new[k] = {DELETED: ["", *(by or stamp)]}
    conn.execute("INSERT INTO field_stamps (child_uid, stamps) VALUES (?, ?) ON CONFLICT"
                 " (child_uid) DO UPDATE SET stamps = excluded.stamps",
                 (child.id, json.dumps(new, ensure_ascii=False, separators=(",", ":"))))


def lookup(stamps: Stamps, part: str, record: str, field: str) -> Stamp | None:
    """Who last changed `field` of one record, where and when; for `DELETED` (a whole record)
    who removed it, or else who last changed any of its fields. None when not known."""
    fields = stamps.get(_key(part, record))
    if not fields:
        return None
    if field == DELETED and DELETED not in fields:
        found = [f for name, f in fields.items() if name != WHOLE and f[1] is not None]
        if not found:
            return None
        latest = max(found, key=lambda f: str(f[3]))
        return latest[1], latest[2], latest[3]
    got = fields.get(field)
    if got is None or got[1] is None:
        return None
    return got[1], got[2], got[3]


def changed(conn: Any, child_uid: str, part: str, record: str, field: str) -> Stamp | None:
    return lookup(read(conn, child_uid), part, record, field) if has_table(conn) else None


def mine_changed(conn: Any, child_uid: str, ref: str, part: str, record: str, field: str
                 ) -> tuple[str | None, str | None]:
    """Who changed this field here and when: its stamp, or (not known: a child from before
    stamps) who last changed the child, from the audit log."""
    found = changed(conn, child_uid, part, record, field)
    if found is not None:
        return found[0], found[2]
    row = conn.execute("SELECT who, at FROM audit WHERE target = ? ORDER BY seq DESC LIMIT 1",
                       (ref,)).fetchone()
    return (row[0], row[1]) if row else (None, None)


def for_package(conn: Any, child_uid: str) -> str:
    """A child's stamps as a package carries them (no digests: the receiver needs who, where
    and when, and restamps with its own digests)."""
    if not has_table(conn):
        return ""
    return json.dumps({k: {f: v[1:] for f, v in fields.items() if f != WHOLE}
                       for k, fields in read(conn, child_uid).items() if k != LEGACY},
                      ensure_ascii=False, separators=(",", ":"))


def from_package(text: str) -> Stamps:
    """A package's stamps in the shape `lookup` reads (a digest-free placeholder first)."""
    if not text:
        return {}
    try:
        found = json.loads(text)
    except ValueError:
        return {}
    return {k: {f: ["", *v] for f, v in fields.items()} for k, fields in found.items()}


def given_from(stamps: Stamps) -> Given:
    """Stamps as `restamp` takes them, for the fields an operation brings from elsewhere."""
    out: Given = {}
    for k, fields in stamps.items():
        part, _, record = k.partition("/")
        out[(part, record)] = {f: (v[1], v[2], v[3]) for f, v in fields.items()}
    return out
