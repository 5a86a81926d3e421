"""One part of a child's record changed: their own details, a person, where they live, a
legal status (and an order continued at a hearing), a chronology entry added."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from pace_desktop.domain import Child, Event, LegalEpisode, LivingEpisode, Person
from pace_desktop.domain.episode_rules import (
    clash,
    clash_words,
    ended_by_move,
    period_problem,
)
from pace_desktop.store import rows
from pace_desktop.store.changes import OpChanges
from pace_desktop.store.errors import RecordIsFinal, RecordNotFound, RuleBroken, StoreError
from pace_desktop.store.frame import StoreFrame, guarded, jsonable, next_position, utc_now
from pace_desktop.store.inserts import BulkWriter, child_search_values, fresh_id
from pace_desktop.store.reads import load_children, refresh_now_columns


class ChildRecords(StoreFrame):
    """One part of a child's record changed, in one operation."""

    @guarded
    def save_child_details(self, child: Child) -> OpChanges:
        """Change a child's own details (name, date of birth, CHI, workers); lists untouched."""
        cid = self._child_id(child.ref)
        conn = self._live()
        with self._operation("edit child details", child.ref) as op:
            before = conn.execute(f"SELECT {', '.join(rows.CHILD_COLUMNS)} FROM children"
                                  " WHERE id = ?", (cid,)).fetchone()
            conn.execute(
                f"UPDATE children SET ({', '.join(rows.CHILD_COLUMNS)}) ="
                f" ({rows.placeholders(len(rows.CHILD_COLUMNS))}), updated = ?,"
                " version = version + 1 WHERE id = ?", (*rows.child_values(child), utc_now(), cid))
            conn.execute("DELETE FROM child_search WHERE rowid = ?", (cid,))
            conn.execute("INSERT INTO child_search (rowid, name, ref) VALUES (?, ?, ?)",
                         child_search_values(cid, child))
            op.before = dict(zip(rows.CHILD_COLUMNS, before, strict=True))
            op.after = dict(zip(rows.CHILD_COLUMNS, rows.child_values(child), strict=True))
            op.children.add(child.ref)
            op.parts.add("children")
        assert op.result is not None
        return op.result

    # -- writing: one item ---------------------------------------------------------------------

    @guarded
    def save_person(self, ref: str, person: Person) -> OpChanges:
        return self._save_item(ref, "people", person, rows.PERSON_COLUMNS, rows.person_values)

    @guarded
    def save_living(self, ref: str, episode: LivingEpisode) -> OpChanges:
        """Add or replace where the child lives; refused (RuleBroken) if it ends before it
        starts or shares a day and more with another home of the child's."""
        return self._save_item(ref, "living", episode, rows.LIVING_COLUMNS, rows.living_values)

    @guarded
    def save_legal(self, ref: str, episode: LegalEpisode) -> OpChanges:
        """Add or replace a legal status (they may run side by side; never end before they
        start)."""
        return self._save_item(ref, "legal", episode, rows.LEGAL_COLUMNS, rows.legal_values)

    def _check_episode(self, cid: int, table: str, item: Any) -> None:
        """The episode rules, asked inside the operation: no caller can write round them."""
        problem = period_problem(item.start, item.end)
        if problem is None and table == "living":
            others = [e for e in next(load_children(self._live(), [cid])).living
                      if e.id != item.id]
            other = clash(item.start, item.end, others)
            problem = clash_words(other) if other is not None else None
        if problem is not None:
            raise RuleBroken(problem)

    def _save_item(self, ref: str, table: str, item: Any, columns: tuple[str, ...],
                   values: Any) -> OpChanges:
        """Add an item (no id, or an id not yet used) or replace the one with the same id."""
        cid = self._child_id(ref)
        conn = self._live()
        with self._operation(f"save {table}", ref) as op:
            if not item.id:
                taken = {r[0] for r in conn.execute(
                    f"SELECT uid FROM {table} WHERE child_id = ?", (cid,))}
                item = fresh_id(item, table, taken)
            if table in ("living", "legal"):
                self._check_episode(cid, table, item)
            old = conn.execute(f"SELECT id FROM {table} WHERE child_id = ? AND uid = ?",
                               (cid, item.id)).fetchone()
            now = utc_now()
            names = ", ".join(columns)
            if old:
                op.before = jsonable(self._item(table, cid, item.id))
                conn.execute(f"UPDATE {table} SET ({names}) = ({rows.placeholders(len(columns))}),"
                             " updated = ?, version = version + 1 WHERE id = ?",
                             (*values(item), now, old[0]))
            else:
                conn.execute(
                    f"INSERT INTO {table} (child_id, position, {names}, created, updated, version)"
                    f" VALUES (?, ?, {rows.placeholders(len(columns))}, ?, ?, 1)",
                    (cid, next_position(conn, table, cid), *values(item), now, now))
            refresh_now_columns(conn, str(cid))
            op.after = jsonable(item)
            op.records.append(item.id)
            op.children.add(ref)
            op.parts.add(table)
        assert op.result is not None
        return op.result

    @guarded
    def add_move(self, ref: str, episode: LivingEpisode) -> OpChanges:
        """The child moved: wherever they lived until then ends on the day of the move and the
        new home starts that day, in one operation (a move day belongs to both). Anything
        else the new home would overlap is refused, as in `save_living`."""
        cid = self._child_id(ref)
        conn = self._live()
        with self._operation("add a move", ref) as op:
            living = next(load_children(conn, [cid])).living
            ending = ended_by_move(living, episode.start)
            now = utc_now()
            for e in ending:
                conn.execute('UPDATE living SET "end" = ?, updated = ?, version = version + 1'
                             " WHERE child_id = ? AND uid = ?",
                             (episode.start.isoformat(), now, cid, e.id))
            taken = {e.id for e in living}
            new = episode if episode.id and episode.id not in taken \
                else fresh_id(replace(episode, id=""), "living", taken)
            self._check_episode(cid, "living", new)
            conn.execute(
                f"INSERT INTO living (child_id, position, {', '.join(rows.LIVING_COLUMNS)},"
                f" created, updated, version) VALUES (?, ?,"
                f" {rows.placeholders(len(rows.LIVING_COLUMNS))}, ?, ?, 1)",
                (cid, next_position(conn, "living", cid), *rows.living_values(new), now, now))
            refresh_now_columns(conn, str(cid))
            op.before = [jsonable(e) for e in ending]
            op.after = {"ended": [e.id for e in ending], "new": jsonable(new)}
            op.records.append(new.id)
            op.children.add(ref)
            op.parts.add("living")
        assert op.result is not None
        return op.result

    @guarded
    def continue_order(self, ref: str, episode_id: str, on: date, status: str | None = None,
                       reference: str | None = None) -> OpChanges:
        """A hearing continued (or varied, to `status`) an order on `on`: the episode ends that
        day and a new one starts it, in one operation, so the order is never typed twice and
        the order's clocks (cso_expiry) restart from the hearing."""
        cid = self._child_id(ref)
        conn = self._live()
        with self._operation("continue order", ref) as op:
            old = next((e for e in next(load_children(conn, [cid])).legal
                        if e.id == episode_id), None)
            if old is None:
                raise RecordNotFound(f"There is no legal status {episode_id} for {ref}.")
            if on < old.start:
                raise StoreError(f"The order cannot be continued on {on.isoformat()}: it began"
                                 f" on {old.start.isoformat()}.")
            ended = replace(old, end=on) if old.end is None or old.end > on else old
            taken = {r[0] for r in conn.execute("SELECT uid FROM legal WHERE child_id = ?",
                                                (cid,))}
            new = fresh_id(LegalEpisode(status=status or old.status, start=on,
                                        reference=reference or old.reference), "legal", taken)
            now = utc_now()
            conn.execute('UPDATE legal SET "end" = ?, updated = ?, version = version + 1'
                         " WHERE child_id = ? AND uid = ?",
                         (rows.iso(ended.end), now, cid, old.id))
            conn.execute(
                f"INSERT INTO legal (child_id, position, {', '.join(rows.LEGAL_COLUMNS)},"
                f" created, updated, version) VALUES (?, ?,"
                f" {rows.placeholders(len(rows.LEGAL_COLUMNS))}, ?, ?, 1)",
                (cid, next_position(conn, "legal", cid), *rows.legal_values(new), now, now))
            refresh_now_columns(conn, str(cid))
            op.before = jsonable(old)
            op.after = {"ended": jsonable(ended), "new": jsonable(new)}
            op.records.append(new.id)
            op.children.add(ref)
            op.parts.add("legal")
        assert op.result is not None

    @guarded
    def add_event(self, ref: str, event: Event) -> OpChanges:
        """Record a chronology entry. Entries are final once recorded: see `amend_event`."""
        cid = self._child_id(ref)
        conn = self._live()
        with self._operation("add chronology entry", ref) as op:
            taken = {r[0] for r in conn.execute("SELECT uid FROM events WHERE child_id = ?",
                                                (cid,))}
            if event.id and event.id in taken:
                raise RecordIsFinal(f"The chronology entry {event.id} is already recorded;"
                                    " corrections are made as amendments.")
            event = fresh_id(event, "events", taken) if not event.id else event
            writer = BulkWriter(conn, utc_now())
            writer.add_event(cid, next_position(conn, "events", cid), event)
            writer.flush()
            op.after = jsonable(event)
            op.children.add(ref)
            op.parts.add("events")
            op.records.append(event.id)
        assert op.result is not None
        return op.result
