"""What finalising a meeting's record checks and changes besides its status, done inside the
finalising operation's transaction (one user action, one store operation):

- the reasons rule (domain.decision_rules): a record that lacks reasons is refused, with a
  message naming each decision, and nothing is written;
- a hearing's or court's orders bring the child's legal status up to date: each change ends
  an episode and/or starts one, exactly as `legal_changes` described it for the person to
  confirm, so the order's clocks (cso_expiry) restart from the hearing.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from pace_desktop.domain import Child, LegalEpisode, Meeting
from pace_desktop.domain.decision_rules import (
    legal_changes,
    missing_reasons,
    panel_route_before,
    reasons_message,
)
from pace_desktop.store import rows
from pace_desktop.store.errors import StoreError
from pace_desktop.store.inserts import fresh_id


class ReasonsMissing(StoreError):
    """A record that cannot be finalised until reasons are given; the message says which."""


def check_reasons(child: Child, meeting: Meeting) -> None:
    found = missing_reasons(meeting, panel_route_before(child.meetings, meeting))
    if found:
        raise ReasonsMissing(reasons_message(found))


def apply_orders(conn: Any, cid: int, child: Child, meeting: Meeting, now: str
                 ) -> list[dict[str, Any]]:
    """Make the legal status changes `meeting`'s orders call for; what changed, as data."""
    done: list[dict[str, Any]] = []
    taken = {e.id for e in child.legal}
    for change in legal_changes(meeting, child.legal):
        if change.ends is not None:
            old = change.ends
            ended = replace(old, end=change.on) if old.end is None or old.end > change.on \
                else old
            conn.execute('UPDATE legal SET "end" = ?, updated = ?, version = version + 1'
                         " WHERE child_id = ? AND uid = ?",
                         (rows.iso(ended.end), now, cid, old.id))
        if change.starts is not None:
            new: LegalEpisode = fresh_id(change.starts, "legal", taken)
            taken.add(new.id)
            position = conn.execute("SELECT coalesce(max(position) + 1, 0) FROM legal"
                                    " WHERE child_id = ?", (cid,)).fetchone()[0]
            conn.execute(
                f"INSERT INTO legal (child_id, position, {', '.join(rows.LEGAL_COLUMNS)},"
                f" created, updated, version) VALUES (?, ?,"
                f" {rows.placeholders(len(rows.LEGAL_COLUMNS))}, ?, ?, 1)",
                (cid, position, *rows.legal_values(new), now, now))
        done.append({"ends": change.ends.id if change.ends else None,
                     "starts": change.starts.status if change.starts else None,
                     "on": change.on.isoformat()})
    return done
