"""A child's records on the hub, read and written as a sync snapshot (exchange/snapshot.py):
each part in its own table, each known field in its own column, anything newer than these
columns kept whole in the row's `more` (jsonb), so no field is lost on the way through."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

Snapshot = dict[tuple[str, str], dict[str, Any]]

# part → (table, {field: kind}); kinds: text, date, bool, int, json
_PEOPLE = {"role": "text", "name": "text", "relationship": "text", "address": "text",
           "address_confidential": "bool", "phone": "text"}
_LIVING = {"type": "text", "start": "date", "end": "date", "carer": "text", "address": "text",
           "address_confidential": "bool", "reason_for_move": "text"}
_LEGAL = {"status": "text", "start": "date", "end": "date", "reference": "text"}
_EVENTS = {"date": "date", "date_precision": "text", "seq": "int", "kind": "text",
           "route": "text", "title": "text", "detail": "text", "source": "text",
           "source_person": "text", "impact": "text", "impact_sign": "text", "action": "text",
           "significant": "bool", "withhold_from": "json"}
_MEETINGS = {"kind": "text", "date": "date", "chair": "text", "attendees": "json",
             "child_views": "text", "child_views_how": "text", "family_views": "text",
             "decisions": "json", "actions": "json", "next_review": "date", "status": "text"}
_NONDISCLOSURE = {"item": "text", "withhold_from": "json", "reason": "text",
                  "requested": "date", "decision": "text", "decided": "date"}
PARTS: dict[str, tuple[str, dict[str, str]]] = {
    "people": ("people", _PEOPLE), "living": ("living_episodes", _LIVING),
    "legal": ("legal_episodes", _LEGAL), "events": ("chronology_entries", _EVENTS),
    "meetings": ("meetings", _MEETINGS), "nondisclosure": ("nondisclosure_requests",
                                                           _NONDISCLOSURE)}
CHILD = {"ref": "text", "given_name": "text", "family_name": "text", "known_as": "text",
         "date_of_birth": "date", "chi": "text", "sex": "text", "local_authority": "text",
         "allocated_worker": "text", "reviewing_officer": "text"}
DETAILS = ("child", "")
AMENDED = ("events", "meetings")


def _q(name: str) -> str:
    return f'"{name}"'


def _to_db(kind: str, value: Any) -> Any:
    from psycopg.types.json import Jsonb

    if value is None:
        return None
    if kind == "date":
        return date.fromisoformat(value)
    if kind == "json":
        return Jsonb(value)
    return value


def _from_db(kind: str, value: Any) -> Any:
    if value is None:
        return None
    if kind == "date":
        return value.isoformat()
    return value


def _split(fields: dict[str, Any], columns: dict[str, str]) -> tuple[list[Any], Any]:
    from psycopg.types.json import Jsonb

    values = [_to_db(kind, fields.get(name)) for name, kind in columns.items()]
    more = {k: v for k, v in fields.items() if k not in columns and k != "amendments"
            and k != "id"}
    return values, Jsonb(more)


def _joined(row: tuple[Any, ...], columns: dict[str, str], more: dict[str, Any]
            ) -> dict[str, Any]:
    out = {name: _from_db(kind, v) for (name, kind), v in zip(columns.items(), row,
                                                                strict=True) if v is not None}
    out.update(more or {})
    return out


@dataclass(frozen=True)
class HubCopy:
    """A child as a sync reads it on the hub: its snapshot and revision; who changed each
    field of its rows on the hub, from which store, and when (hub migration 2), in the shape
    of store/field_stamps.py: {"part/id": {field: ["", who, store, at]}}, fields kept in a
    row's `more` stamped together under "more"; and who last changed the child, and when."""

    snapshot: Snapshot
    revision: int
    stamps: dict[str, dict[str, list[Any]]]
    changed_by: str
    changed_at: str


def read_child(conn: Any, uid: str) -> tuple[Snapshot, int] | None:
    """The child's snapshot and revision as this login may see it; None if it may not."""
    got = _read(conn, [uid], "").get(uid)
    return (got.snapshot, got.revision) if got is not None else None


def read_for_sync(conn: Any, uid: str) -> HubCopy | None:
    """The child with its field stamps, its row locked until the transaction ends (two
    laptops syncing the same child take turns); None if this login may not see it."""
    return _read(conn, [uid], " FOR UPDATE").get(uid)


def read_free(conn: Any, uids: list[str]) -> dict[str, HubCopy]:
    """Many children at once, in a few statements (a first sync pulls a whole caseload):
    those this login may see and nobody is changing now, their rows held against changes
    until the transaction ends, so each is read whole. A child left out (being changed by
    another session) is read on its own with `read_for_sync`, which waits its turn."""
    return _read(conn, uids, " FOR SHARE SKIP LOCKED")


def _stamped(found: dict[str, Any] | None) -> dict[str, list[Any]]:
    return {name: ["", v[0], v[2], str(v[1])] for name, v in (found or {}).items()
            if isinstance(v, list) and len(v) == 3}


def _read(conn: Any, uids: list[str], lock: str) -> dict[str, HubCopy]:
    # The stamps come in the same statements as the records, and many children in each: a
    # statement on a child's table costs the hub a row-level-security check per row and a
    # round trip, so reading stamps apart, child by child, tripled the cost of a first sync.
    cols = ", ".join(_q(c) for c in CHILD)
    n = len(CHILD)
    heads: dict[str, tuple[Any, ...]] = {}
    snapshots: dict[str, Snapshot] = {}
    stamps: dict[str, dict[str, dict[str, list[Any]]]] = {}
    for uid, *row in conn.execute(
            f"SELECT uid, {cols}, more, revision, field_stamps, changed_by, changed_at"
            f" FROM pace.children WHERE uid = ANY(%s) ORDER BY uid{lock}", (uids,)):
        heads[uid] = tuple(row)
        # The interchange writes the id first, and the merge compares whole records.
        snapshots[uid] = {DETAILS: {"id": uid, **_joined(tuple(row[:n]), CHILD, row[n])}}
        stamps[uid] = {"child/": _stamped(row[n + 2])}
    found_uids = list(snapshots)
    if not found_uids:
        return {}
    amendments: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    for child, part, record, at, author, text in conn.execute(
            "SELECT child_uid, record_part, record_uid, at, author, text FROM pace.amendments"
            " WHERE child_uid = ANY(%s) ORDER BY child_uid, at, author, text", (found_uids,)):
        amendments.setdefault((child, part, record), []).append(
            {"at": at.isoformat(), "author": author, "text": text})
    for part, (table, columns) in PARTS.items():
        names = ", ".join(_q(c) for c in columns)
        for child, rid, *values, more, found in conn.execute(
                f"SELECT child_uid, uid, {names}, more, field_stamps FROM pace.{table}"
                " WHERE child_uid = ANY(%s) ORDER BY child_uid, position, uid", (found_uids,)):
            record = _joined(tuple(values), columns, more)
            if (child, part, rid) in amendments:
                record["amendments"] = amendments[(child, part, rid)]
            snapshots[child][(part, rid)] = record
            stamps[child][f"{part}/{rid}"] = _stamped(found)
    return {uid: HubCopy(snapshots[uid], row[n + 1], stamps[uid], str(row[n + 3]),
                         row[n + 4].isoformat(timespec="milliseconds"))
            for uid, row in heads.items()}


def write_child(conn: Any, uid: str, new: Snapshot, old: Snapshot | None) -> bool:
    """Make the hub's rows for `uid` say `new`, touching only what differs from `old` (the
    hub's rows as just read, None for a child the hub does not have: it is added to this
    login's own caseload). True if anything was written."""
    details = new[DETAILS]
    values, more = _split(details, CHILD)
    wrote = False
    if old is None:
        cols = ", ".join(_q(c) for c in CHILD)
        conn.execute(
            f"INSERT INTO pace.children (uid, team, allocated_to, {cols}, more)"
            f" VALUES (%s, pace.my_team(), session_user, {', '.join(['%s'] * len(CHILD))}, %s)",
            (uid, *values, more))
        old, wrote = {}, True
    elif old.get(DETAILS) != details:
        sets = ", ".join(f"{_q(c)} = %s" for c in CHILD)
        conn.execute(f"UPDATE pace.children SET {sets}, more = %s WHERE uid = %s",
                     (*values, more, uid))
        wrote = True
    positions: dict[str, int] = {}
    was_at = _positions(old)
    upserts: dict[str, list[tuple[Any, ...]]] = {}
    amendments: list[tuple[Any, ...]] = []
    for key, fields in new.items():
        part, rid = key
        if part not in PARTS:
            continue
        position = positions.get(part, 0)
        positions[part] = position + 1
        if old.get(key) != fields or was_at.get(key, position) != position:
            vals, extra = _split(fields, PARTS[part][1])
            upserts.setdefault(part, []).append((uid, rid, position, *vals, extra))
        if part in AMENDED:
            had = {_amendment_id(uid, part, rid, a)
                   for a in (old.get(key) or {}).get("amendments", ())}
            amendments += [(uid, aid, part, rid, date.fromisoformat(a["at"]), a["author"],
                            a["text"])
                           for a in fields.get("amendments", ())
                           if (aid := _amendment_id(uid, part, rid, a)) not in had]
    gone = [(PARTS[part][0], rid) for (part, rid) in old if part in PARTS and (part, rid)
            not in new]
    # One statement per table, sent as a pipeline: a first sync is a few round trips, not
    # one per record.
    with conn.cursor() as cur:
        for part, rows in upserts.items():
            table, columns = PARTS[part]
            names = ", ".join(_q(c) for c in columns)
            updates = ", ".join(f"{_q(c)} = EXCLUDED.{_q(c)}" for c in (*columns, "position",
                                                                            "more"))
            cur.executemany(
                f"INSERT INTO pace.{table} (child_uid, uid, position, {names}, more)"
                f" VALUES (%s, %s, %s, {', '.join(['%s'] * len(columns))}, %s)"
                f" ON CONFLICT (child_uid, uid) DO UPDATE SET {updates}", rows)
        if amendments:
            cur.executemany(
                "INSERT INTO pace.amendments (child_uid, uid, record_part, record_uid, at,"
                " author, text) VALUES (%s, %s, %s, %s, %s, %s, %s) ON CONFLICT DO NOTHING",
                amendments)
        for table, rid in gone:
            cur.execute(f"DELETE FROM pace.{table} WHERE child_uid = %s AND uid = %s",
                        (uid, rid))
    return wrote or bool(upserts or amendments or gone)


def _positions(snapshot: Snapshot) -> dict[tuple[str, str], int]:
    counts: dict[str, int] = {}
    out = {}
    for key in snapshot:
        out[key] = counts.get(key[0], 0)
        counts[key[0]] = out[key] + 1
    return out


def _amendment_id(child: str, part: str, record: str, a: dict[str, Any]) -> str:
    """The same correction made once has one id wherever it travels (amendments carry no id
    of their own in the interchange)."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL,
                          f"pace:{child}/{part}/{record}/{a['at']}/{a['author']}/{a['text']}"))
