"""Non-disclosure requests kept and decided (INTERCHANGE.md NONDISCLOSURE): each one
operation, audited, refused whole (RuleBroken) if the request is not sound."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from pace_desktop.domain.nondisclosure import Nondisclosure
from pace_desktop.domain.nondisclosure_rules import request_problem
from pace_desktop.store import rows
from pace_desktop.store.changes import OpChanges
from pace_desktop.store.errors import RecordNotFound, RuleBroken
from pace_desktop.store.frame import StoreFrame, guarded, jsonable, next_position, utc_now
from pace_desktop.store.inserts import fresh_id
from pace_desktop.store.reads import load_children


class NondisclosureRequests(StoreFrame):
    """Requests to withhold an item from named people, and the hearing's decisions."""

    @guarded
    def save_nondisclosure(self, ref: str, request: Nondisclosure) -> OpChanges:
        """Add a request (no id, or an id not yet used) or replace the one with its id."""
        cid = self._child_id(ref)
        conn = self._live()
        with self._operation("save non-disclosure request", ref) as op:
            child = next(load_children(conn, [cid]))
            if not request.id:
                request = fresh_id(request, "nondisclosure", set())
            problem = request_problem(child, request)
            if problem:
                raise RuleBroken(problem)
            old = next((n for n in child.nondisclosure if n.id == request.id), None)
            self._write(cid, request, old is not None)
            op.before = jsonable(old) if old else None
            op.after = jsonable(request)
            op.records.append(request.id)
            op.children.add(ref)
            op.parts.add("nondisclosure")
        assert op.result is not None
        return op.result

    @guarded
    def decide_nondisclosure(self, ref: str, request_id: str, decision: str,
                             on: date) -> OpChanges:
        """The hearing granted or refused a request on `on` (or it is pending again)."""
        cid = self._child_id(ref)
        conn = self._live()
        with self._operation("decide non-disclosure request", ref) as op:
            child = next(load_children(conn, [cid]))
            old = next((n for n in child.nondisclosure if n.id == request_id), None)
            if old is None:
                raise RecordNotFound(f"{child.name} ({ref}) has no non-disclosure request"
                                     f" {request_id}; 'nondisclosure --child {ref}' lists"
                                     " them.")
            new = replace(old, decision=decision,
                          decided=None if decision == "pending" else on)
            problem = request_problem(child, new)
            if problem:
                raise RuleBroken(problem)
            self._write(cid, new, True)
            op.before, op.after = jsonable(old), jsonable(new)
            op.records.append(new.id)
            op.children.add(ref)
            op.parts.add("nondisclosure")
        assert op.result is not None
        return op.result

    def _write(self, cid: int, n: Nondisclosure, exists: bool) -> None:
        conn = self._live()
        cols = rows.NONDISCLOSURE_COLUMNS
        now = utc_now()
        if exists:
            conn.execute(f"UPDATE nondisclosure SET ({', '.join(cols)}) ="
                         f" ({rows.placeholders(len(cols))}), updated = ?,"
                         " version = version + 1 WHERE child_id = ? AND uid = ?",
                         (*rows.nondisclosure_values(n), now, cid, n.id))
        else:
            conn.execute(f"INSERT INTO nondisclosure (child_id, position, {', '.join(cols)},"
                         f" created, updated, version) VALUES (?, ?,"
                         f" {rows.placeholders(len(cols))}, ?, ?, 1)",
                         (cid, next_position(conn, "nondisclosure", cid),
                          *rows.nondisclosure_values(n), now, now))
