"""Drafts: form text saved as it is typed, offered again after a crash.

Drafts are deliberately not held to the record bounds (domain/bounds.py): a draft is what the
worker typed, and refusing to keep it would lose their words at the moment they matter. The
bounds apply when a draft becomes a record (the form's own checks name the field, and the
store checks again on the meeting it writes), so an over-long draft can be shortened, never
saved as a record.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from pace_desktop.store.frame import StoreFrame, guarded, utc_now


@dataclass(frozen=True, slots=True)
class Draft:
    """Form text saved as it is typed. Drafts are scratch, not records: they are kept
    encrypted in the store but not in the audit log (they are saved every few seconds)."""

    key: str
    child_ref: str | None
    form: str
    body: dict[str, Any]
    saved: str


class Drafts(StoreFrame):
    """Drafts saved, offered again and discarded."""

    @guarded
    def save_draft(self, key: str, child_ref: str | None, form: str,
                   body: dict[str, Any]) -> None:
        """Save (or replace) a draft. One small committed write: a crash keeps the last one."""
        self._live().execute(
            "INSERT INTO drafts (key, child_ref, form, body, saved) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT (key) DO UPDATE SET child_ref = excluded.child_ref,"
            " form = excluded.form, body = excluded.body, saved = excluded.saved",
            (key, child_ref, form, json.dumps(body, ensure_ascii=False, default=str), utc_now()))

    @guarded
    def draft(self, key: str) -> Draft | None:
        row = self._live().execute("SELECT key, child_ref, form, body, saved FROM drafts"
                                   " WHERE key = ?", (key,)).fetchone()
        return Draft(row[0], row[1], row[2], json.loads(row[3]), row[4]) if row else None

    @guarded
    def drafts(self, child_ref: str | None = None) -> list[Draft]:
        sql = "SELECT key, child_ref, form, body, saved FROM drafts"
        args: tuple[Any, ...] = ()
        if child_ref is not None:
            sql, args = sql + " WHERE child_ref = ?", (child_ref,)
        return [Draft(k, c, f, json.loads(b), t)
                for k, c, f, b, t in self._live().execute(sql + " ORDER BY saved DESC", args)]

    @guarded
    def discard_draft(self, key: str) -> None:
        self._live().execute("DELETE FROM drafts WHERE key = ?", (key,))
