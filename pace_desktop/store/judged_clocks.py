"""Kept clock judgements (`journey.judged`): read, brought up to date and written in one
transaction, so a change made by another process between reading a child and keeping its
judgement cannot leave a judgement that no longer fits the record.

Forgetting is the schema's job: triggers delete a child's kept judgement whenever anything
the clocks read changes (migration 4), whoever makes the change (an edit, an import, a merge
or plain SQL). This module only ever adds judgements back, so nothing here can keep a stale
one. Kept judgements are derived data, not case records: writing them is not a change a
person made, so it is not in the audit log and does not count towards the next backup.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from datetime import date
from typing import Any

from pace_desktop.journey.judged import JudgedChild, JudgedRun, judge_for_keeping
from pace_desktop.journey.rules import Rule
from pace_desktop.store import reads
from pace_desktop.store.connection import rollback

_FORMAT = 2
"""How runs are written here; a judgement kept in another form is judged again."""


def judgements(conn: Any, rules: Sequence[Rule], fingerprint: str, as_of: date,
               refs: Sequence[str] | None = None) -> list[JudgedChild]:
    """Every child's (or `refs`') judgement holding on `as_of`: kept ones as they are, the
    rest judged now and kept, all in one transaction."""
    fingerprint = f"{fingerprint}/{_FORMAT}"
    conn.execute("BEGIN IMMEDIATE")
    try:
        held, stale = _read(conn, fingerprint, as_of, refs)
        fresh = []
        if stale:
            ids = list(stale)
            for child_id, child in zip(ids, reads.load_children(conn, ids, clock_facts_only=True),
                                       strict=True):
                fresh.append((child_id, judge_for_keeping(child, rules, as_of)))
            conn.executemany(
                "INSERT OR REPLACE INTO judged_clocks"
                " (child_id, fingerprint, judged_on, valid_until, runs) VALUES (?, ?, ?, ?, ?)",
                [(cid, fingerprint, j.judged_on.isoformat(),
                  j.valid_until.isoformat() if j.valid_until else None, _runs_json(j.runs))
                 for cid, j in fresh])
        conn.execute("COMMIT")
    except BaseException:
        rollback(conn)
        raise
    return held + [j for _, j in fresh]


def _read(conn: Any, fingerprint: str, as_of: date, refs: Sequence[str] | None
          ) -> tuple[list[JudgedChild], dict[int, str]]:
    sql = ("SELECT c.id, c.ref, coalesce(c.known_as, c.given_name) || ' ' || c.family_name,"
           " j.fingerprint, j.judged_on, j.valid_until, j.runs"
           " FROM children c LEFT JOIN judged_clocks j ON j.child_id = c.id")
    args: tuple[str, ...] = ()
    if refs is not None:
        args = tuple(refs)
        sql += f" WHERE c.ref IN ({','.join('?' * len(args))})" if args else " WHERE 0"
    kept: list[tuple[str, str, str, str | None, str]] = []
    stale: dict[int, str] = {}
    day = as_of.isoformat()
    for child_id, ref, name, kept_with, judged_on, until, runs in conn.execute(sql, args):
        if kept_with != fingerprint or judged_on > day or (until is not None and until <= day):
            stale[child_id] = ref
            continue
        kept.append((ref, name, judged_on, until, runs))
    # One parse of every child's runs together: a parse per child cost as much again.
    every_runs = json.loads(f"[{','.join(k[4] for k in kept)}]")
    held = [JudgedChild(ref, name, date.fromisoformat(judged_on),
                        date.fromisoformat(until) if until else None, _runs_from(runs))
            for (ref, name, judged_on, until, _), runs in zip(kept, every_runs, strict=True)]
    return held, stale


def _runs_json(runs: Sequence[JudgedRun]) -> str:
    # Days as ordinals: reading 10,000 children's runs back is most of the due list's time on
    # unlock, and an ordinal is several times quicker to turn back into a date than ISO text.
    def day(d: date | None) -> int | None:
        return d.toordinal() if d else None
    return json.dumps([[r.rule, r.instance, day(r.start), day(r.due), day(r.met),
                        day(r.stopped), day(r.soon_from)] for r in runs],
                      separators=(",", ":"))


def _runs_from(runs: list[list[Any]]) -> tuple[JudgedRun, ...]:
    day = _day
    return tuple(JudgedRun(rule, instance, day(start), day(due), day(met) if met else None,
                           day(stopped) if stopped else None, day(soon) if soon else None)
                 for rule, instance, start, due, met, stopped, soon in runs)


_day = functools.lru_cache(maxsize=8192)(date.fromordinal)
