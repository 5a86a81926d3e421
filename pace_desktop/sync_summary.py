"""What a receive brought and what a conflict is, in plain lines: the command line prints
them and the app's summary shows the same words."""

from __future__ import annotations

import json


def received_lines(got: object) -> list[str]:
    """What a receive brought, in plain lines (the app's summary shows the same)."""
    from pace_desktop.store.case_packages import Received

    assert isinstance(got, Received)
    who = got.sender_user or "another laptop"
    warning = [f"Warning: {got.their_log}"] if got.their_log else []
    if got.changes is None:
        return [f"Nothing new from {who}: this package (or a newer one) was already received.",
                *warning]
    lines = [f"Received from {who}:"]
    for ref in got.added:
        lines.append(f"  {ref}: new to this laptop, added")
    for ref, records in got.merged.items():
        lines.append(f"  {ref}: {len(records)} change(s) arrived ({', '.join(records)})")
    for ref in got.unchanged:
        lines.append(f"  {ref}: nothing had changed")
    for ref in got.already:
        lines.append(f"  {ref}: already up to date from this laptop")
    for ref, records in got.kept_mine.items():
        lines.append(f"  {ref}: kept this laptop's {', '.join(records)} (theirs would break a"
                     " rule)")
    if got.conflicts:
        lines.append(f"{len(got.conflicts)} conflict(s) to resolve (`conflicts`, `resolve`):")
        lines += ["  " + conflict_line(c) for c in got.conflicts]
    else:
        lines.append("No conflicts.")
    return lines + warning


def show_value(value: object) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, str):
        return repr(value)
    return json.dumps(value, ensure_ascii=False, default=str)


def conflict_line(c: object) -> str:
    from pace_desktop.store.sync_state import StoredConflict

    assert isinstance(c, StoredConflict)
    record = "details" if c.part == "child" else f"{c.part}/{c.record}"
    return (f"#{c.id} {c.child} {record} {c.field}: mine {show_value(c.mine)}"
            f" ({c.mine_who or '?'}, {(c.mine_at or '')[:16]}), theirs {show_value(c.theirs)}"
            f" ({c.theirs_who or '?'}, {(c.theirs_at or '')[:16]}),"
            f" before {show_value(c.ancestor)}")
