"""A chronology's own page and the worker's choices kept on it (domain.chronology_page):
read, saved whole, and the two small choices a worker makes while reviewing a print (leave
an entry drawn from the record out or put it back; accept checks as they stand), each one
audited operation."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from pace_desktop.domain import bounds
from pace_desktop.domain.chronology_page import AGENCIES, ChronologyPage
from pace_desktop.store.changes import OpChanges
from pace_desktop.store.errors import RuleBroken
from pace_desktop.store.frame import StoreFrame, child_label, guarded, jsonable, utc_now
from pace_desktop.store.rows import day, iso

_COLUMNS = ("compiled_by", "compiled_on", "period_from", "period_to", "sources", "agency",
            "analysis", "left_out", "accepted_checks")


def _values(p: ChronologyPage) -> tuple[Any, ...]:
    return (p.compiled_by, iso(p.compiled_on), iso(p.period_from), iso(p.period_to), p.sources,
            p.agency, p.analysis, json.dumps(sorted(p.left_out)),
            json.dumps(sorted(p.accepted_checks)))


def _page(r: tuple[Any, ...]) -> ChronologyPage:
    by, on, start, end, sources, agency, analysis, left, accepted = r
    return ChronologyPage(by, day(on), day(start), day(end), sources, agency, analysis,
                          frozenset(json.loads(left)), frozenset(json.loads(accepted)))


class ChronologyPages(StoreFrame):
    @guarded
    def chronology_page(self, ref: str) -> ChronologyPage:
        """The page as saved, or an empty one (nothing chosen yet)."""
        row = self._live().execute(
            f"SELECT {', '.join(_COLUMNS)} FROM chronology_pages WHERE child_id = ?",
            (self._child_id(ref),)).fetchone()
        return _page(row) if row else ChronologyPage()

    @guarded
    def save_chronology_page(self, ref: str, page: ChronologyPage) -> OpChanges:
        problem = _problem(page)
        if problem:
            raise RuleBroken(problem)
        return self._keep(ref, "save chronology page", lambda _old: page)

    @guarded
    def leave_out_entry(self, ref: str, key: str, left_out: bool = True) -> OpChanges:
        """Leave an entry drawn from the record out of the chronology (or put it back)."""
        name = "leave out chronology entry" if left_out else "put back chronology entry"
        return self._keep(ref, name, lambda old: old.leaving_out(key, left_out))

    @guarded
    def accept_checks(self, ref: str, keys: Iterable[str]) -> OpChanges:
        """The worker read these checks and accepts the record as it stands."""
        wanted = frozenset(keys)
        return self._keep(ref, "accept chronology checks", lambda old: replace(
            old, accepted_checks=old.accepted_checks | wanted))

    def _keep(self, ref: str, name: str, change: Any) -> OpChanges:
        cid = self._child_id(ref)
        conn = self._live()
        with self._operation(name, ref) as op:
            row = conn.execute(f"SELECT {', '.join(_COLUMNS)} FROM chronology_pages"
                               " WHERE child_id = ?", (cid,)).fetchone()
            old = _page(row) if row else ChronologyPage()
            new = change(old)
            if (problem := bounds.refused(f"{child_label(ref)}, chronology page", new)):
                raise RuleBroken(problem)
            now = utc_now()
            marks = ", ".join("?" * len(_COLUMNS))
            conn.execute(
                f"INSERT INTO chronology_pages (child_id, {', '.join(_COLUMNS)}, created,"
                f" updated) VALUES (?, {marks}, ?, ?) ON CONFLICT (child_id) DO UPDATE SET"
                f" ({', '.join(_COLUMNS)}) = ({', '.join('excluded.' + c for c in _COLUMNS)}),"
                " updated = excluded.updated, version = version + 1",
                (cid, *_values(new), now, now))
            op.before, op.after = jsonable(old), jsonable(new)
            op.children.add(ref)
            op.parts.add("chronology")
        assert op.result is not None
        return op.result


def _problem(page: ChronologyPage) -> str | None:
    if page.agency not in AGENCIES:
        return f"{page.agency!r} is not single or multi."
    if page.period_from and page.period_to and page.period_from > page.period_to:
        return "The period starts after it ends."
    return None
