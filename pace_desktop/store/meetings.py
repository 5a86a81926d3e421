"""Meeting records: a draft saved, a record finalised (its decisions entered in the
chronology)."""

from __future__ import annotations

from collections.abc import Sequence

from pace_desktop.domain import Event, Meeting
from pace_desktop.domain.date_words import long_date
from pace_desktop.store import finalising
from pace_desktop.store.changes import OpChanges
from pace_desktop.store.errors import RecordIsFinal, RecordNotFound
from pace_desktop.store.frame import Op, StoreFrame, guarded, jsonable, next_position, utc_now
from pace_desktop.store.inserts import BulkWriter, fresh_id
from pace_desktop.store.reads import load_children, refresh_now_columns


class Meetings(StoreFrame):
    """Meeting records saved as drafts and finalised: each user action one operation, with
    the autosaved form text it leaves behind discarded in the same transaction, so a crash
    can never keep a "new meeting" draft beside the record it became (and make it twice)."""

    @guarded
    def save_meeting(self, ref: str, meeting: Meeting, drafts: Sequence[str] = (),
                     finalise: bool = False) -> OpChanges:
        """Save a draft meeting record (new, or replacing the draft with the same id) and
        discard the autosaved `drafts` it was typed in; with `finalise`, finalise it too
        (Save and Finalise in the meeting form), all in one operation. The record's id (new
        for a new meeting) is the changes' `record`."""
        cid = self._child_id(ref)
        if meeting.is_final:
            raise RecordIsFinal("Save the meeting as a draft, then finalise it.")
        with self._operation("finalise meeting" if finalise else "save meeting draft",
                             ref) as op:
            meeting = self._write_draft(cid, meeting, op)
            if finalise:
                self._finalise(ref, cid, meeting.id, op)
            else:
                op.after = jsonable(meeting)
            self._discard_drafts(drafts, op)
            op.children.add(ref)
            op.parts.add("meetings")
            op.records.append(meeting.id)
        assert op.result is not None
        return op.result

    @guarded
    def finalise_meeting(self, ref: str, uid: str, drafts: Sequence[str] = ()) -> OpChanges:
        """Finalise the draft record `uid` as it stands, discarding `drafts`."""
        cid = self._child_id(ref)
        with self._operation("finalise meeting", ref) as op:
            self._finalise(ref, cid, uid, op)
            self._discard_drafts(drafts, op)
            op.children.add(ref)
            op.records.append(uid)
        assert op.result is not None
        return op.result

    def _write_draft(self, cid: int, meeting: Meeting, op: Op) -> Meeting:
        conn = self._live()
        taken = {r[0]: r[1] for r in conn.execute(
            "SELECT uid, status FROM meetings WHERE child_id = ?", (cid,))}
        position = next_position(conn, "meetings", cid)
        if not meeting.id:
            meeting = fresh_id(meeting, "meetings", set(taken))
        elif taken.get(meeting.id) == "final":
            raise RecordIsFinal("This meeting's record is final; add an amendment instead.")
        elif meeting.id in taken:
            position = conn.execute("SELECT position FROM meetings WHERE child_id = ?"
                                    " AND uid = ?", (cid, meeting.id)).fetchone()[0]
            op.before = jsonable(self._item("meetings", cid, meeting.id))
            self._delete_draft_meeting(cid, meeting.id)
        writer = BulkWriter(conn, utc_now())
        writer.add_meeting(cid, position, meeting)
        writer.flush()
        return meeting

    def _finalise(self, ref: str, cid: int, uid: str, op: Op) -> None:
        conn = self._live()
        row = conn.execute("SELECT id, status FROM meetings WHERE child_id = ? AND uid = ?",
                           (cid, uid)).fetchone()
        if row is None:
            raise RecordNotFound(f"There is no meeting {uid} for {ref}.")
        if row[1] == "final":
            raise RecordIsFinal("This meeting's record is already final.")
        # The reasons rule and a hearing's orders (store/finalising.py), in this one
        # operation: a refused record changes nothing, a finalised hearing brings the legal
        # status up to date in the same transaction.
        child = next(load_children(conn, [cid]))
        finalising.check_reasons(child, self._item("meetings", cid, uid))
        conn.execute("UPDATE meetings SET status = 'final', updated = ?,"
                     " version = version + 1 WHERE id = ?", (utc_now(), row[0]))
        meeting = self._item("meetings", cid, uid)
        legal = finalising.apply_orders(conn, cid, child, meeting, utc_now())
        if legal:
            refresh_now_columns(conn, str(cid))
            op.parts.add("legal")
        entries = _decision_entries(meeting)
        if entries:
            writer = BulkWriter(conn, utc_now())
            first = next_position(conn, "events", cid)
            for i, e in enumerate(entries):
                writer.add_event(cid, first + i, e)
            writer.flush()
        if op.before is None:
            op.before = {"meeting": uid, "status": "draft"}
        op.after = {"status": "final", "chronology": [e.id for e in entries], "legal": legal}
        op.parts.update({"meetings", "events"})

    def _discard_drafts(self, keys: Sequence[str], op: Op) -> None:
        if keys:
            self._live().executemany("DELETE FROM drafts WHERE key = ?", [(k,) for k in keys])
            op.parts.add("drafts")


def _decision_entries(meeting: Meeting) -> list[Event]:
    """The chronology entries a finalised meeting adds: one per decision, in plain words.

    They are notes, not milestones: a decision naming a milestone already records it (the
    journey engine reads meeting decisions), and the same fact must not count twice.
    """
    from pace_desktop.domain.vocab import MEETING_KINDS

    what = MEETING_KINDS.get(meeting.kind, "Meeting")
    return [
        Event(date=meeting.date, title=f"Decision: {d.text}", kind="note",
              source=f"{what}, {long_date(meeting.date)}" + (f", chaired by {meeting.chair}"
                                                             if meeting.chair else ""),
              seq=i + 1, id=f"{meeting.id}-d{i + 1}")
        for i, d in enumerate(meeting.decisions)
    ]
