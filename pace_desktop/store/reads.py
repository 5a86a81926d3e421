"""Reading children back as domain values: one child, or many in a few ordered scans."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from pace_desktop.domain import Child
from pace_desktop.store import rows

_C = ", ".join(rows.CHILD_COLUMNS)


def _cols(names: tuple[str, ...]) -> str:
    return ", ".join(names)


@dataclass(frozen=True, slots=True)
class CaseloadRow:
    """One line of the caseload list: enough to find and recognise a child."""

    ref: str
    name: str
    date_of_birth: date
    allocated_worker: str | None
    living_type: str | None
    living_since: date | None
    living_ended: date | None
    legal_status: str | None


def caseload(conn: Any, as_of: date) -> list[CaseloadRow]:
    """Every child's line. The legal status is the one in force on `as_of`, chosen by the
    rule of domain.episode_rules.legal_now (in force that day; the latest started; of
    those, the one recorded last), asked at read time: an order that has ended is not the
    child's legal status now, and one ending next month still is until then."""
    day = rows.day
    return [CaseloadRow(ref, name, day(dob), worker, lt, day(ls), day(le), gs)  # type: ignore[arg-type]
            for ref, name, dob, worker, lt, ls, le, gs
            in conn.execute(CASELOAD_SQL, {"day": as_of.isoformat()})]


# The legal lookup is answered from the index legal_in_force alone (migration 11).
CASELOAD_SQL = """
    SELECT ref, coalesce(known_as, given_name) || ' ' || family_name, date_of_birth,
           allocated_worker, now_living_type, now_living_since, now_living_end,
           (SELECT status FROM legal WHERE child_id = children.id AND start <= :day
              AND ("end" IS NULL OR "end" >= :day)
            ORDER BY start DESC, position DESC LIMIT 1)
    FROM children ORDER BY family_name, given_name, ref
"""


def refresh_now_columns(conn: Any, child_ids: str) -> None:
    """Recompute the derived "now" columns of the children whose ids are listed ("1,2,3")."""
    if not child_ids:
        return
    conn.execute(f"""
        UPDATE children SET
            (now_living_type, now_living_since, now_living_end) = (
                SELECT type, start, "end" FROM living WHERE child_id = children.id
                ORDER BY start DESC, position DESC LIMIT 1),
            now_legal_status = (
                SELECT status FROM legal WHERE child_id = children.id
                ORDER BY start DESC, position DESC LIMIT 1)
        WHERE id IN ({child_ids})
    """)


def child_ids(conn: Any, refs: Sequence[str] | None) -> list[tuple[int, str]]:
    if refs is None:
        return list(conn.execute("SELECT id, ref FROM children ORDER BY ref"))
    found = []
    for ref in refs:
        row = conn.execute("SELECT id, ref FROM children WHERE ref = ?", (ref,)).fetchone()
        if row:
            found.append(row)
    return found


def load_children(conn: Any, ids: Sequence[int], clock_facts_only: bool = False) -> Iterator[Child]:
    """Children in the order of `ids`, complete; or, for the clocks, only what they read
    (living and legal episodes, milestone events, meetings with their decisions)."""
    if not ids:
        return
    id_list = ",".join(str(int(i)) for i in ids)  # ints from the store itself: safe to inline
    where = f"child_id IN ({id_list})"

    def by_child(sql: str) -> dict[int, list[tuple[Any, ...]]]:
        out: dict[int, list[tuple[Any, ...]]] = defaultdict(list)
        for key, bucket in rows.grouped(conn.execute(sql)):
            out[key] = bucket
        return out

    people = {} if clock_facts_only else by_child(
        f"SELECT child_id, {_cols(rows.PERSON_COLUMNS)} FROM people WHERE {where}"
        " ORDER BY child_id, position")
    living = by_child(f"SELECT child_id, {_cols(rows.LIVING_COLUMNS)} FROM living WHERE {where}"
                      " ORDER BY child_id, position")
    legal = by_child(f"SELECT child_id, {_cols(rows.LEGAL_COLUMNS)} FROM legal WHERE {where}"
                     " ORDER BY child_id, position")
    if clock_facts_only:
        events = by_child(f"SELECT child_id, id, uid, date, kind, route, seq, title FROM events"
                          f" WHERE {where} AND kind <> 'note' ORDER BY child_id, position")
    else:
        events = by_child(f"SELECT child_id, id, {_cols(rows.EVENT_COLUMNS)} FROM events"
                          f" WHERE {where} ORDER BY child_id, position")
    if clock_facts_only:
        # Only what a clock can read: reviews, hearings and child protection planning meetings
        # (the CPO and IRD clocks), and meetings whose decisions name a milestone;
        # kind, date, status and those decisions, nothing of what was said (NOTES: 105,000
        # full meetings took 2.3 s to build for a 10,000-child due list).
        meetings = by_child(
            f"SELECT child_id, id, uid, kind, date, status FROM meetings m WHERE {where}"
            " AND (kind IN ('lac_review', 'two_week_planning', 'hearing', 'cp_planning')"
            " OR EXISTS (SELECT 1 FROM"
            " decisions d WHERE d.meeting_id = m.id AND d.milestone IS NOT NULL))"
            " ORDER BY child_id, position")
    else:
        meetings = by_child(f"SELECT child_id, id, {_cols(rows.MEETING_COLUMNS)} FROM meetings"
                            f" WHERE {where} ORDER BY child_id, position")
    meeting_ids = ",".join(str(r[0]) for ms in meetings.values() for r in ms)
    event_ids = ",".join(str(r[0]) for es in events.values() for r in es) if events else ""

    def by_meeting(table: str, columns: str, also: str = "") -> dict[int, list[tuple[Any, ...]]]:
        if not meeting_ids:
            return {}
        out: dict[int, list[tuple[Any, ...]]] = {}
        sql = (f"SELECT meeting_id, {columns} FROM {table} WHERE meeting_id IN ({meeting_ids})"
               f"{also} ORDER BY meeting_id, position")
        for key, bucket in rows.grouped(conn.execute(sql)):
            out[key] = bucket
        return out

    decisions = by_meeting("decisions", "text, milestone, route, reasons",
                           " AND milestone IS NOT NULL" if clock_facts_only else "")
    attendees = {} if clock_facts_only else by_meeting("attendees", "name, role, present, how")
    actions = {} if clock_facts_only else by_meeting("actions", "text, owner, due, done")
    amendments: dict[tuple[str, int], list[tuple[Any, ...]]] = defaultdict(list)
    if not clock_facts_only:
        for record, ids_ in (("meeting", meeting_ids), ("event", event_ids)):
            if ids_:
                for rec_id, at, author, text in conn.execute(
                        "SELECT record_id, at, author, text FROM amendments"
                        f" WHERE record = ? AND record_id IN ({ids_})"
                        " ORDER BY record_id, position", (record,)):
                    amendments[(record, rec_id)].append((at, author, text))

    details = {row[0]: row[1:] for row in conn.execute(
        f"SELECT id, uid, {_C} FROM children WHERE id IN ({id_list})")}
    requests = {} if clock_facts_only else by_child(
        f"SELECT child_id, {_cols(rows.NONDISCLOSURE_COLUMNS)} FROM nondisclosure"
        f" WHERE {where} ORDER BY child_id, position")
    for cid in ids:
        evs = []
        for r in events.get(cid, ()):
            e = rows.milestone_from(r[1:]) if clock_facts_only else rows.event_from(r[1:])
            if (am := amendments.get(("event", r[0]))):
                e = replace(e, amendments=rows.amendments_from(am))
            evs.append(e)
        yield rows.child_from(
            details[cid][1:],
            details[cid][0],
            nondisclosure=tuple(rows.nondisclosure_from(r) for r in requests.get(cid, ())),
            people=tuple(rows.person_from(r) for r in people.get(cid, ())),
            living=tuple(rows.living_from(r) for r in living.get(cid, ())),
            legal=tuple(rows.legal_from(r) for r in legal.get(cid, ())),
            events=tuple(evs),
            meetings=tuple(
                rows.meeting_facts_from(r[1:], decisions.get(r[0], ())) if clock_facts_only
                else rows.meeting_from(r[1:], attendees.get(r[0], ()), decisions.get(r[0], ()),
                                       actions.get(r[0], ()),
                                       amendments.get(("meeting", r[0]), ()))
                for r in meetings.get(cid, ())),
        )
