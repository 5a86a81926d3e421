"""Final records are never edited in place: a correction is a dated amendment by a named
person, added to a chronology entry or a meeting's record."""

from __future__ import annotations

from datetime import date

from pace_desktop.domain import Amendment
from pace_desktop.store.changes import OpChanges
from pace_desktop.store.errors import RecordNotFound, StoreError
from pace_desktop.store.frame import StoreFrame, guarded, jsonable


class Amending(StoreFrame):
    """Amendments to final records."""

    @guarded
    def amend_event(self, ref: str, uid: str, author: str, text: str,
                    at: date | None = None) -> OpChanges:
        return self._amend(ref, "event", "events", uid, Amendment(at or date.today(), author, text))

    @guarded
    def amend_meeting(self, ref: str, uid: str, author: str, text: str,
                      at: date | None = None) -> OpChanges:
        return self._amend(ref, "meeting", "meetings", uid,
                           Amendment(at or date.today(), author, text))

    def _amend(self, ref: str, record: str, table: str, uid: str, amendment: Amendment
               ) -> OpChanges:
        if not amendment.author.strip() or not amendment.text.strip():
            raise StoreError("An amendment needs the name of the person making it and its text.")
        cid = self._child_id(ref)
        conn = self._live()
        with self._operation(f"amend {record}", ref) as op:
            row = conn.execute(f"SELECT id FROM {table} WHERE child_id = ? AND uid = ?",
                               (cid, uid)).fetchone()
            if row is None:
                raise RecordNotFound(f"There is no {record} {uid} for {ref}.")
            position = conn.execute(
                "SELECT coalesce(max(position) + 1, 0) FROM amendments"
                " WHERE record = ? AND record_id = ?", (record, row[0])).fetchone()[0]
            conn.execute("INSERT INTO amendments VALUES (?, ?, ?, ?, ?, ?)",
                         (record, row[0], position, amendment.at.isoformat(), amendment.author,
                          amendment.text))
            op.after = {record: uid, **jsonable(amendment)}
            op.records.append(uid)
            op.children.add(ref)
            op.parts.add(table)
        assert op.result is not None
        return op.result
