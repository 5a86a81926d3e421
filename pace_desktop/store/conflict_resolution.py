"""Resolving a conflict (SYNC.md, Conflicts): keep mine, keep theirs, or a new value.

Resolving is a change like any other: one operation, with its author in the audit log, and
the value it puts in force travels with the child's next package or sync. A value that would
break a rule of the store is refused with the rule, and nothing changes.

A typed value (`--value`) is for one field: it is read by the same rules as `edit` and an
interchange file (the interchange reader), so a date that is not a date or a value the field
does not allow is refused in one line naming the conflict, the child, the record and the
field. A conflict about a whole record (deleted on one side and changed on the other, or a
record put back to this store's version because the other would break a rule) can only be
settled by keeping one side: there is no single value to type for a whole home or chronology
entry, and the person who wants something else keeps one side and then edits it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from pace_desktop.exchange.problems import InterchangeError
from pace_desktop.exchange.snapshot import from_snapshot, to_snapshot
from pace_desktop.store import sync_state
from pace_desktop.store.changes import Changes
from pace_desktop.store.child_rewrite import rewrite_child
from pace_desktop.store.errors import RecordIsFinal, RecordNotFound, StoreError
from pace_desktop.store.reads import load_children
from pace_desktop.sync.merge import DELETED, is_final

if TYPE_CHECKING:
    from pace_desktop.store.case_store import CaseStore

KEEP = ("mine", "theirs")


@dataclass(frozen=True, slots=True)
class Resolved:
    changes: Changes
    conflict: sync_state.StoredConflict
    value: Any


def typed_value(text: str, like: Any) -> Any:
    """A value typed at the keyboard, read as the kind of value the field holds: text stays
    text; for a yes/no, a number or a list, JSON (`true`, `3`, `["panel"]`)."""
    if isinstance(like, str) or like is None:
        return text if text != "" else None
    try:
        return json.loads(text)
    except ValueError:
        return text


def resolve(store: CaseStore, conflict_id: int, keep: str | None = None,
            text: str | None = None) -> Resolved:
    conn = store._live()
    c = sync_state.conflict(conn, conflict_id)
    if c is None:
        raise RecordNotFound(f"There is no conflict {conflict_id}.")
    if c.resolved is not None:
        raise StoreError(f"Conflict {conflict_id} was already resolved by {c.resolved_by}"
                         f" on {c.resolved[:10]}.")
    if (keep is None) == (text is None):
        raise StoreError("Say which to keep (mine or theirs) or give a new value.")
    if keep is not None and keep not in KEEP:
        raise StoreError(f"Keep 'mine' or 'theirs', not {keep!r}.")
    if text is not None and c.field == DELETED:
        raise StoreError(f"Conflict #{conflict_id} is about the whole record {_place(c)} of"
                         f" {c.child} ({_whole_why(c)}): keep mine or theirs"
                         f" (resolve {conflict_id} --keep mine|theirs); a new value can only be"
                         " typed for one field.")
    value = c.mine if keep == "mine" else c.theirs if keep == "theirs" \
        else typed_value(text or "", c.mine if c.mine is not None else c.theirs)
    cid = conn.execute("SELECT id FROM children WHERE uid = ?", (c.child_uid,)).fetchone()[0]
    (old,) = load_children(conn, [cid])
    snapshot = to_snapshot(old)
    key = (c.part, c.record)
    if keep != "mine":
        record = snapshot.get(key)
        if is_final(key, record):
            raise RecordIsFinal(f"The {c.part} record {c.record} is final: its content cannot be"
                                " changed; add an amendment instead, then keep mine.")
        if c.field == DELETED:
            if value is None:
                snapshot.pop(key, None)
            elif not isinstance(value, dict):
                raise StoreError("A whole record's value must be kept from one side.")
            else:
                snapshot[key] = dict(value)
        else:
            if record is None:
                raise StoreError(f"The record {c.part}/{c.record} is no longer there.")
            record = dict(record)
            if value is None:
                record.pop(c.field, None)
            else:
                record[c.field] = value
            snapshot[key] = record
    try:
        new = from_snapshot(snapshot)
    except InterchangeError as exc:
        what = "That value" if keep is None else f"Keeping {keep}"
        field = "" if c.field == DELETED else f" {c.field}"
        raise StoreError(f"{what} would break a rule: conflict #{conflict_id}, {c.child}"
                         f" {_place(c)}{field}: {_located(exc.problems[0])}; nothing was"
                         " changed.") from None
    with store._operation("resolve conflict", old.ref) as op:
        now = datetime.now(UTC).isoformat(timespec="milliseconds")
        if new != old:
            rewrite_child(conn, cid, old, new, now)
        sync_state.mark_resolved(conn, conflict_id, now, store.user, value)
        op.before = {"conflict": conflict_id, "record": f"{c.part}/{c.record}",
                     "field": c.field, "mine": c.mine, "theirs": c.theirs}
        op.after = {"conflict": conflict_id, "kept": keep or "new value", "value": value}
        op.children.add(old.ref)
        op.parts.update({c.part, "conflicts"})
    assert op.result is not None
    resolved = sync_state.conflict(conn, conflict_id)
    assert resolved is not None
    return Resolved(op.result, resolved, value)


def _place(c: sync_state.StoredConflict) -> str:
    return "details" if c.part == "child" else f"{c.part}/{c.record}"


def _whole_why(c: sync_state.StoredConflict) -> str:
    if c.mine is None:
        return "deleted here, changed on the other side"
    if c.theirs is None:
        return "changed here, deleted on the other side"
    return "the other side's version would break a rule"


def _located(problem: str) -> str:
    """A reading problem without the file's own place prefix (the conflict names the place)."""
    return problem.split(": ", 1)[1] if problem.startswith("children[0]") and ": " in problem \
        else problem
