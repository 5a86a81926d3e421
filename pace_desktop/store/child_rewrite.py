"""Bring a stored child to a merged version inside the caller's transaction.

Only what differs is written: the child's details; people, homes, legal episodes and
non-disclosure requests (rewritten as a list when any differs); chronology entries and final
meetings only grow (new ones added, new amendments added beside them); draft meetings are
replaced or removed. The search index follows every change.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from pace_desktop.domain import Amendment, Child
from pace_desktop.store import rows
from pace_desktop.store.inserts import BulkWriter, child_search_values
from pace_desktop.store.reads import refresh_now_columns

_LISTS = ("people", "living", "legal", "nondisclosure")


def insert_child(conn: Any, child: Child, now: str) -> int:
    """A new child (every record already has its id); returns its row id."""
    cur = conn.execute(
        f"INSERT INTO children (uid, {', '.join(rows.CHILD_COLUMNS)}, created, updated, version)"
        f" VALUES ({rows.placeholders(4 + len(rows.CHILD_COLUMNS))})",
        (child.id, *rows.child_values(child), now, now, 1))
    cid = int(cur.lastrowid)
    conn.execute("INSERT INTO child_search (rowid, name, ref) VALUES (?, ?, ?)",
                 child_search_values(cid, child))
    writer = BulkWriter(conn, now)
    writer.add_lists(cid, child)
    writer.flush()
    refresh_now_columns(conn, str(cid))
    return cid


def rewrite_child(conn: Any, child_id: int, old: Child, new: Child, now: str) -> None:
    if rows.child_values(old) != rows.child_values(new):
        conn.execute(
            f"UPDATE children SET ({', '.join(rows.CHILD_COLUMNS)}) ="
            f" ({rows.placeholders(len(rows.CHILD_COLUMNS))}), updated = ?,"
            " version = version + 1 WHERE id = ?", (*rows.child_values(new), now, child_id))
        conn.execute("DELETE FROM child_search WHERE rowid = ?", (child_id,))
        conn.execute("INSERT INTO child_search (rowid, name, ref) VALUES (?, ?, ?)",
                     child_search_values(child_id, new))
    writer = BulkWriter(conn, now)
    lists_changed = [t for t in _LISTS if getattr(old, t) != getattr(new, t)]
    for table in lists_changed:
        conn.execute(f"DELETE FROM {table} WHERE child_id = ?", (child_id,))
    if lists_changed:
        only = replace(new, events=(), meetings=())
        writer.add_lists(child_id, only, skip=frozenset(t for t in _LISTS
                                                         if t not in lists_changed))
    _events(conn, writer, child_id, old, new)
    _meetings(conn, writer, child_id, old, new)
    writer.flush()
    if {"living", "legal"} & set(lists_changed):
        refresh_now_columns(conn, str(child_id))


def _next(conn: Any, table: str, child_id: int) -> int:
    return conn.execute(f"SELECT coalesce(max(position) + 1, 0) FROM {table}"
                        " WHERE child_id = ?", (child_id,)).fetchone()[0]


def _new_amendments(conn: Any, record: str, row_id: int, old: tuple[Amendment, ...],
                    new: tuple[Amendment, ...]) -> None:
    fresh = [a for a in new if a not in old]
    if not fresh:
        return
    start = conn.execute("SELECT coalesce(max(position) + 1, 0) FROM amendments"
                         " WHERE record = ? AND record_id = ?", (record, row_id)).fetchone()[0]
    conn.executemany("INSERT INTO amendments VALUES (?, ?, ?, ?, ?, ?)",
                     [(record, row_id, start + i, rows.iso(a.at), a.author, a.text)
                      for i, a in enumerate(fresh)])


def _row_id(conn: Any, table: str, child_id: int, uid: str) -> int:
    return conn.execute(f"SELECT id FROM {table} WHERE child_id = ? AND uid = ?",
                        (child_id, uid)).fetchone()[0]


def _events(conn: Any, writer: BulkWriter, child_id: int, old: Child, new: Child) -> None:
    before = {e.id: e for e in old.events}
    position = None
    for e in new.events:
        was = before.get(e.id)
        if was is None:
            position = _next(conn, "events", child_id) if position is None else position
            writer.add_event(child_id, position, e)
            position += 1
        elif was.amendments != e.amendments:
            _new_amendments(conn, "event", _row_id(conn, "events", child_id, e.id),
                            was.amendments, e.amendments)


def _delete_meeting(conn: Any, child_id: int, uid: str) -> int:
    mid, position = conn.execute("SELECT id, position FROM meetings WHERE child_id = ?"
                                 " AND uid = ?", (child_id, uid)).fetchone()
    for table in ("attendees", "decisions", "actions"):
        conn.execute(f"DELETE FROM {table} WHERE meeting_id = ?", (mid,))
    conn.execute("DELETE FROM amendments WHERE record = 'meeting' AND record_id = ?", (mid,))
    conn.execute("DELETE FROM meetings WHERE id = ?", (mid,))
    return int(position)


def _meetings(conn: Any, writer: BulkWriter, child_id: int, old: Child, new: Child) -> None:
    before = {m.id: m for m in old.meetings}
    after = {m.id for m in new.meetings}
    for m in old.meetings:
        if m.id not in after and not m.is_final:
            _delete_meeting(conn, child_id, m.id)
    position = None
    for m in new.meetings:
        was = before.get(m.id)
        if was == m:
            continue
        if was is None:
            position = _next(conn, "meetings", child_id) if position is None else position
            writer.add_meeting(child_id, position, m)
            position += 1
        elif was.is_final:
            _new_amendments(conn, "meeting", _row_id(conn, "meetings", child_id, m.id),
                            was.amendments, m.amendments)
        else:  # a draft replaced (or finalised on the other side): same place in the list
            writer.add_meeting(child_id, _delete_meeting(conn, child_id, m.id), m)
