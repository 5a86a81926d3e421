"""Writing whole children in bulk: one `executemany` per table, ids assigned up front.

Ids are taken from `sqlite_sequence` before inserting so that child-table rows and FTS rows
can be written with `executemany` too; per-row inserts are ~9x slower at a million events.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from pace_desktop.domain import Child, Event, Meeting
from pace_desktop.store import rows

_PREFIX = {"people": "p", "living": "l", "legal": "g", "events": "e", "meetings": "m",
           "nondisclosure": "n"}


def next_ids(conn: Any, table: str) -> int:
    row = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = ?", (table,)).fetchone()
    return (row[0] if row else 0) + 1


def with_ids(child: Child, taken: dict[str, set[str]] | None = None) -> Child:
    """The child with every list item given a stable id; ids already given are kept."""
    taken = taken or {}

    def fill(items: Sequence[Any], table: str) -> tuple[Any, ...]:
        used = set(taken.get(table, set())) | {x.id for x in items if x.id}
        n, out = 0, []
        for item in items:
            if not item.id:
                n += 1  # counting on from the last id given keeps this linear
                while f"{_PREFIX[table]}{n}" in used:
                    n += 1
                item = replace(item, id=f"{_PREFIX[table]}{n}")
            out.append(item)
        return tuple(out)

    return replace(
        child,
        id=child.id or str(uuid.uuid4()),
        nondisclosure=fill(child.nondisclosure, "nondisclosure"),
        living=fill(child.living, "living"),
        legal=fill(child.legal, "legal"),
        events=fill(child.events, "events"),
        meetings=fill(child.meetings, "meetings"),
    )


def fresh_id(item: Any, table: str, taken: set[str]) -> Any:
    """`item` with a new id of its own: a UUID (SYNC.md, Identity), so that two laptops adding
    an entry to the same child between syncs never make the same id. (`table` and `taken`
    are kept for the callers; a UUID clashes with nothing.)

    Records that arrive in a file without ids are given ids by position instead
    (`with_ids`), so the same file matches itself on every import."""
    del table, taken
    return replace(item, id=str(uuid.uuid4()))


def child_search_values(child_id: int, c: Child) -> tuple[Any, ...]:
    names = " ".join(x for x in (c.given_name, c.known_as, c.family_name) if x)
    return (child_id, names, c.ref)


class BulkWriter:
    """Collects rows for many children, then writes each table in one statement."""

    def __init__(self, conn: Any, now: str) -> None:
        self.conn = conn
        self.now = now
        self.stamp = (now, now, 1)
        self.tables: dict[str, list[tuple[Any, ...]]] = {
            k: [] for k in ("people", "living", "legal", "events", "meetings", "attendees",
                            "decisions", "actions", "amendments", "event_search",
                            "nondisclosure")
        }
        self.event_id = next_ids(conn, "events")
        self.meeting_id = next_ids(conn, "meetings")

    def add_lists(self, child_id: int, c: Child, start_positions: dict[str, int] | None = None,
                  skip: frozenset[str] = frozenset()) -> None:
        pos = start_positions or {}
        t = self.tables
        if "people" not in skip:
            t["people"] += [(child_id, i, *rows.person_values(p), *self.stamp)
                            for i, p in enumerate(c.people, pos.get("people", 0))]
        if "living" not in skip:
            t["living"] += [(child_id, i, *rows.living_values(e), *self.stamp)
                            for i, e in enumerate(c.living, pos.get("living", 0))]
        if "legal" not in skip:
            t["legal"] += [(child_id, i, *rows.legal_values(e), *self.stamp)
                           for i, e in enumerate(c.legal, pos.get("legal", 0))]
        if "nondisclosure" not in skip:
            t["nondisclosure"] += [(child_id, i, *rows.nondisclosure_values(n), *self.stamp)
                                   for i, n in enumerate(c.nondisclosure)]
        for i, e in enumerate(c.events, pos.get("events", 0)):
            self.add_event(child_id, i, e)
        for i, m in enumerate(c.meetings, pos.get("meetings", 0)):
            self.add_meeting(child_id, i, m)

    def add_event(self, child_id: int, position: int, e: Event) -> int:
        eid = self.event_id
        self.event_id += 1
        self.tables["events"].append((eid, child_id, position, *rows.event_values(e), *self.stamp))
        self.tables["event_search"].append(
            (rows.event_search_rowid(eid, e.date), rows.search_text(e), f"c{child_id}"))
        self.tables["amendments"] += [("event", eid, i, rows.iso(a.at), a.author, a.text)
                                      for i, a in enumerate(e.amendments)]
        return eid

    def add_meeting(self, child_id: int, position: int, m: Meeting) -> int:
        mid = self.meeting_id
        self.meeting_id += 1
        t = self.tables
        t["meetings"].append((mid, child_id, position, *rows.meeting_values(m), *self.stamp))
        t["attendees"] += [(mid, i, a.name, a.role, int(a.present), a.how)
                           for i, a in enumerate(m.attendees)]
        t["decisions"] += [(mid, i, d.text, d.milestone, d.route, d.reasons)
                           for i, d in enumerate(m.decisions)]
        t["actions"] += [(mid, i, a.text, a.owner, rows.iso(a.due), rows.iso(a.done))
                         for i, a in enumerate(m.actions)]
        t["amendments"] += [("meeting", mid, i, rows.iso(a.at), a.author, a.text)
                            for i, a in enumerate(m.amendments)]
        return mid

    def flush(self) -> None:
        t, ex = self.tables, self.conn.executemany
        stamp = "created, updated, version"

        def cols(names: tuple[str, ...]) -> str:
            return ", ".join(names)

        ex(f"INSERT INTO people (child_id, position, {cols(rows.PERSON_COLUMNS)}, {stamp})"
           f" VALUES ({rows.placeholders(5 + len(rows.PERSON_COLUMNS))})", t["people"])
        ex(f"INSERT INTO living (child_id, position, {cols(rows.LIVING_COLUMNS)}, {stamp})"
           f" VALUES ({rows.placeholders(5 + len(rows.LIVING_COLUMNS))})", t["living"])
        ex(f"INSERT INTO legal (child_id, position, {cols(rows.LEGAL_COLUMNS)}, {stamp})"
           f" VALUES ({rows.placeholders(5 + len(rows.LEGAL_COLUMNS))})", t["legal"])
        ex(f"INSERT INTO events (id, child_id, position, {cols(rows.EVENT_COLUMNS)}, {stamp})"
           f" VALUES ({rows.placeholders(6 + len(rows.EVENT_COLUMNS))})", t["events"])
        ex(f"INSERT INTO meetings (id, child_id, position, {cols(rows.MEETING_COLUMNS)}, {stamp})"
           f" VALUES ({rows.placeholders(6 + len(rows.MEETING_COLUMNS))})", t["meetings"])
        ex("INSERT INTO attendees (meeting_id, position, name, role, present, how)"
           " VALUES (?, ?, ?, ?, ?, ?)", t["attendees"])
        ex("INSERT INTO decisions (meeting_id, position, text, milestone, route, reasons)"
           " VALUES (?, ?, ?, ?, ?, ?)", t["decisions"])
        ex(f"INSERT INTO nondisclosure (child_id, position, {cols(rows.NONDISCLOSURE_COLUMNS)},"
           f" {stamp}) VALUES ({rows.placeholders(5 + len(rows.NONDISCLOSURE_COLUMNS))})",
           t["nondisclosure"])
        ex("INSERT INTO actions VALUES (?, ?, ?, ?, ?, ?)", t["actions"])
        ex("INSERT INTO amendments VALUES (?, ?, ?, ?, ?, ?)", t["amendments"])
        ex("INSERT INTO event_search (rowid, text, child) VALUES (?, ?, ?)", t["event_search"])
        for k in t:
            t[k] = []
