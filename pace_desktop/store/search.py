"""Full-text search over children and chronology text (FTS5 inside the encrypted file)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from pace_desktop.domain import Event
from pace_desktop.store import rows

_WORD = re.compile(r"\w+", re.UNICODE)


def match_expression(text: str, prefix: bool = True) -> str | None:
    """What a person typed, as a safe FTS5 query: every word must appear, the last word as a
    prefix (so results follow typing) unless `prefix` is false. Quotes and operators in the
    text are not syntax."""
    words = _WORD.findall(text)
    if not words:
        return None
    last = f'"{words[-1]}" *' if prefix else f'"{words[-1]}"'
    return " AND ".join([f'"{w}"' for w in words[:-1]] + [last])


@dataclass(frozen=True, slots=True)
class ChildHit:
    ref: str
    name: str
    date_of_birth: date


@dataclass(frozen=True, slots=True)
class EventHit:
    ref: str
    name: str
    event: Event


@dataclass(frozen=True, slots=True)
class SearchResult:
    children: tuple[ChildHit, ...]
    events: tuple[EventHit, ...]


def search(conn: Any, text: str, limit: int = 50, child_id: int | None = None) -> SearchResult:
    expr = match_expression(text)
    if expr is None:
        return SearchResult((), ())
    children: list[ChildHit] = []
    if child_id is None:
        for ref, name, dob in conn.execute(
            "SELECT c.ref, coalesce(c.known_as, c.given_name) || ' ' || c.family_name,"
            " c.date_of_birth FROM child_search s JOIN children c ON c.id = s.rowid"
            " WHERE child_search MATCH ? ORDER BY c.family_name, c.given_name LIMIT ?",
            (expr, limit),
        ):
            children.append(ChildHit(ref, name, rows.day(dob)))  # type: ignore[arg-type]
    event_expr = expr if child_id is None else f'child : "c{int(child_id)}" AND ({expr})'
    found = [rows.event_id_of(r[0]) for r in conn.execute(
        "SELECT rowid FROM event_search WHERE event_search MATCH ? ORDER BY rowid DESC LIMIT ?",
        (event_expr, limit))]
    events: list[EventHit] = []
    if found:
        cols = ", ".join(f"e.{c}" for c in rows.EVENT_COLUMNS)
        by_id = {r[0]: r[1:] for r in conn.execute(
            f"SELECT e.id, c.ref, coalesce(c.known_as, c.given_name) || ' ' || c.family_name,"
            f" {cols} FROM events e JOIN children c ON c.id = e.child_id"
            f" WHERE e.id IN ({','.join(map(str, found))})")}
        for eid in found:
            if eid in by_id:
                ref, name, *rest = by_id[eid]
                events.append(EventHit(ref, name, rows.event_from(tuple(rest))))
    return SearchResult(tuple(children), tuple(events))


@dataclass(frozen=True, slots=True)
class MatchingRefs:
    refs: frozenset[str]
    reached_limit: bool  # more entries matched than were looked at: say so to the person


def matching_refs(conn: Any, text: str, limit: int = 500) -> MatchingRefs:
    """The refs of children whose names or newest `limit` chronology matches fit `text`:
    what the caseload list needs as someone types, without building any entries.

    Names are always matched by prefix. In the chronology a prefix of one or two letters
    matches hundreds of words across a million entries (up to 300 ms), so a single letter
    looks at names only and two letters look for the whole word ("GP"), prefixes from three.
    """
    expr = match_expression(text)
    if expr is None:
        return MatchingRefs(frozenset(), False)
    refs = {r[0] for r in conn.execute(
        "SELECT c.ref FROM child_search s JOIN children c ON c.id = s.rowid"
        " WHERE child_search MATCH ? LIMIT ?", (expr, limit))}
    typed = len(_WORD.findall(text)[-1])
    if typed < 2:
        return MatchingRefs(frozenset(refs), len(refs) >= limit)
    event_expr = expr if typed >= 3 else match_expression(text, prefix=False)
    found = [rows.event_id_of(r[0]) for r in conn.execute(
        "SELECT rowid FROM event_search WHERE event_search MATCH ? ORDER BY rowid DESC LIMIT ?",
        (event_expr, limit))]
    if found:
        refs.update(r[0] for r in conn.execute(
            "SELECT DISTINCT c.ref FROM events e JOIN children c ON c.id = e.child_id"
            f" WHERE e.id IN ({','.join(map(str, found))})"))
    return MatchingRefs(frozenset(refs), len(found) >= limit)
