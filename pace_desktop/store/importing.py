"""Whole children written at once: an import (new children, or existing ones brought up to
date, all or nothing) and a new child."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from pace_desktop.domain import Child, Meeting
from pace_desktop.store import rows
from pace_desktop.store.changes import Changes, ImportResult
from pace_desktop.store.errors import DuplicateChild, StoreError
from pace_desktop.store.frame import StoreFrame, guarded, next_position, utc_now
from pace_desktop.store.inserts import BulkWriter, child_search_values, next_ids, with_ids
from pace_desktop.store.reads import load_children, refresh_now_columns


class ImportRefused(StoreError):
    """The import would break a rule of the store; nothing was written."""

    def __init__(self, problems: list[str]) -> None:
        n = len(problems)
        super().__init__(f"The import was refused ({n} problem{'s' * (n != 1)});"
                         " nothing was imported.")
        self.problems = problems


class Importing(StoreFrame):
    """Whole children written in one operation."""

    @guarded
    def import_children(self, children: Sequence[Child], update: bool = False,
                        source: str = "") -> ImportResult:
        """Add new children and, with `update`, bring existing ones up to date; all or nothing.

        Updating keeps what must not change: the child's details and their people, living and
        legal episodes are replaced by the file's; chronology entries and meetings are matched
        by id: new ones are added, a final one that the file changes is refused (corrections
        are amendments), a draft meeting is replaced; entries the file leaves out are kept,
        because nothing is deleted silently.
        """
        conn = self._live()
        existing = dict(conn.execute("SELECT ref, id FROM children"))
        problems = []
        for i, c in enumerate(children):
            if c.ref in existing and not update:
                problems.append(f"children[{i}].ref: {c.ref} is already in the store"
                                " (import with --update to bring it up to date)")
        if problems:
            raise ImportRefused(problems)
        added: list[str] = []
        updated: list[str] = []
        with self._operation("import", source or "import") as op:
            now = utc_now()
            writer = BulkWriter(conn, now)
            next_child = next_ids(conn, "children")
            new_rows, search_rows = [], []
            for i, c in enumerate(children):
                if c.ref in existing:
                    problems += self._merge(writer, i, existing[c.ref], c, now)
                    updated.append(c.ref)
                    continue
                c = with_ids(c)
                cid = next_child
                next_child += 1
                new_rows.append((cid, c.id, *rows.child_values(c), now, now, 1))
                search_rows.append(child_search_values(cid, c))
                writer.add_lists(cid, c)
                added.append(c.ref)
            if problems:
                raise ImportRefused(problems)
            conn.executemany(
                f"INSERT INTO children (id, uid, {', '.join(rows.CHILD_COLUMNS)}, created, updated,"
                f" version) VALUES ({rows.placeholders(5 + len(rows.CHILD_COLUMNS))})", new_rows)
            conn.executemany("INSERT INTO child_search (rowid, name, ref) VALUES (?, ?, ?)",
                             search_rows)
            writer.flush()
            touched = [str(r[0]) for r in new_rows] + [str(existing[r]) for r in updated]
            refresh_now_columns(conn, ",".join(touched))
            op.after = {"source": source, "added": added, "updated": updated,
                        "events": sum(len(c.events) for c in children)}
            op.children.update(added + updated)
            op.parts.update({"children", "people", "living", "legal", "events", "meetings",
                             "nondisclosure"})
        assert op.result is not None
        return ImportResult(op.result, tuple(added), tuple(updated))

    def _merge(self, writer: BulkWriter, index: int, child_id: int, new: Child,
               now: str) -> list[str]:
        conn = writer.conn
        old = next(load_children(conn, [child_id]))
        problems: list[str] = []
        old_events = {e.id: e for e in old.events}
        old_meetings = {m.id: m for m in old.meetings}
        fresh_events, fresh_meetings, replaced = [], [], []
        for j, e in enumerate(new.events):
            if e.id in old_events:
                if e != old_events[e.id]:
                    problems.append(f"children[{index}].events[{j}]: changes the chronology entry"
                                    f" {e.id}, which is final; add an amendment instead")
            else:
                fresh_events.append(e)
        for j, m in enumerate(new.meetings):
            was = old_meetings.get(m.id) if m.id else None
            if was is None:
                fresh_meetings.append(m)
            elif was != m:
                if was.is_final:
                    problems.append(f"children[{index}].meetings[{j}]: changes the meeting"
                                    f" {m.id}, whose record is final; add an amendment instead")
                else:
                    replaced.append(m)
        if problems:
            return problems
        taken = {"events": set(old_events), "meetings": set(old_meetings)}
        filled = with_ids(replace(new, events=tuple(fresh_events),
                                  meetings=tuple(fresh_meetings)), taken)
        conn.execute(
            f"UPDATE children SET ({', '.join(rows.CHILD_COLUMNS)}) ="
            f" ({rows.placeholders(len(rows.CHILD_COLUMNS))}), updated = ?,"
            " version = version + 1 WHERE id = ?", (*rows.child_values(new), now, child_id))
        conn.execute("DELETE FROM child_search WHERE rowid = ?", (child_id,))
        conn.execute("INSERT INTO child_search (rowid, name, ref) VALUES (?, ?, ?)",
                     child_search_values(child_id, new))
        for table in ("people", "living", "legal", "nondisclosure"):
            conn.execute(f"DELETE FROM {table} WHERE child_id = ?", (child_id,))
        for m in replaced:
            self._delete_draft_meeting(child_id, m.id)
        positions = {t: next_position(conn, t, child_id) for t in ("events", "meetings")}
        writer.add_lists(child_id, filled, positions)
        for m in replaced:
            writer.add_meeting(child_id, _position_of(conn, child_id, m.id, old.meetings), m)
        return []

    @guarded
    def add_child(self, child: Child) -> Changes:
        if self._live().execute("SELECT 1 FROM children WHERE ref = ?",
                                (child.ref,)).fetchone():
            raise DuplicateChild(f"A child with the reference {child.ref} is already recorded.")
        result = self.import_children([child], source=f"new child {child.ref}")
        return replace(result.changes, operation="add child")


def _position_of(conn: Any, child_id: int, uid: str, meetings: Sequence[Meeting]) -> int:
    for i, m in enumerate(meetings):
        if m.id == uid:
            return i
    return next_position(conn, "meetings", child_id)
