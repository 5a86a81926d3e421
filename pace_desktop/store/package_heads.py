"""A sender's audit log, witnessed from one package to the next (issue 17).

Every package names the sending store's audit head (seq and keyed hash) and the receiver
keeps it in the "receive children" entry of its own log. A later package from the same store
should come from a log that *extends* that head: the same entry, with the same hash, still at
that place. A truncated log (entries removed from its end), a rewritten one (entries changed
and the chain recomputed) or an older copy of the file put in the store's place all break it.

What a package can prove. The receiver does not hold the sender's chain key, so it cannot
check the sender's chain itself; it can only compare hashes the sender shows it. So each
package also carries `sent_heads`: the sender's head as it stood at every package it sent
before (for each "send children" entry at seq s, the hash of entry s - 1, read from the
sender's log as it is now). The receiver looks up each head it witnessed from that store:

- listed with the same hash: the log still holds it; it extends that head;
- listed with another hash: the entry was rewritten (the sender's log was altered);
- not listed, though the package is newer: the entry is gone (the log was cut back, or an
  older copy of the store was put in its place);
- an older package arriving late (made before the witnessed one) is compared with nothing:
  it is honest, and it still arrives (nothing newer in it is lost).

A package from a version before `sent_heads` shows only its own head: then the receiver can
prove only that the log did not go backwards (a newer package whose head is not past the
one witnessed), and says plainly that it could not prove the rest. None of this refuses a
package: the children arrive as always (the sender's records are not what was altered), the
receiver is told in one plain line, the finding is kept in the "receive children" entry, and
`check` lists every such finding (`findings`).

What it cannot prove: a change after the last package received (the truncation-after-the-
last-witness case of the store's own witness), or a log rewritten and then shown with the old
hashes by a changed program. A send whose commit failed after its file was written (a full
disk) leaves a package its sender's log does not list; received, it would be reported as
cut back: the sender was told the send failed, so such a file should never travel.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

FIELD = "their_log"  # the finding, in the receive entry's `after`


@dataclass(frozen=True, slots=True)
class Witnessed:
    seq: int
    hash: str
    made: str  # the package's own time, the sender's clock (UTC ISO)
    received: str  # when this store received it


def sent_heads(conn: Any) -> list[list[Any]]:
    """[seq, hash] of this store's head at every package it sent, from its log as it is now."""
    return [[int(s), str(h)] for s, h in conn.execute(
        "SELECT b.seq, b.hash FROM audit a JOIN audit b ON b.seq = a.seq - 1"
        " WHERE a.operation = 'send children' ORDER BY b.seq")]


def witnessed(conn: Any, sender: str) -> list[Witnessed]:
    """Every head of `sender`'s log this store witnessed, from its own receive entries."""
    found = []
    for after, at in conn.execute("SELECT after, at FROM audit"
                                  " WHERE operation = 'receive children' ORDER BY seq"):
        try:
            body = json.loads(after or "{}")
            if body.get("from_store") != sender:
                continue
            head = body["their_audit_head"]
            found.append(Witnessed(int(head["seq"]), str(head["hash"]),
                                   str(body.get("made", "")), str(at)))
        except (ValueError, KeyError, TypeError, AttributeError):
            continue  # an entry this store's own check reports, if it is damaged
    return found


@dataclass(frozen=True, slots=True)
class Finding:
    said: str  # one plain sentence
    altered: bool  # the sender's log was altered (kept for `check`), not merely unproven


def compare(conn: Any, package: Any) -> Finding | None:
    """What is wrong with, or could not be proven of, `package`'s sender log against the
    heads this store witnessed from it before; None when it extends them (or there are
    none)."""
    who = package.sender_user or "the sending laptop"
    shown = None if package.sent_heads is None else \
        {int(s): str(h) for s, h in package.sent_heads}
    head_seq = package.audit_seq - 1
    unproven = None
    for w in sorted(witnessed(conn, package.sender_store), key=lambda w: w.seq, reverse=True):
        if package.made and w.made and package.made <= w.made:
            continue  # an older package arriving late: nothing to compare it with
        if w.seq == head_seq and w.hash == package.audit_head:
            return None  # the same head again (the same log, nothing written since)
        if head_seq < w.seq or (w.seq == head_seq and w.hash != package.audit_head):
            return Finding(f"{who}'s audit log has gone back: this package shows its log ending at"
                    f" entry {head_seq}, but a package received on {w.received[:10]} showed"
                    f" entry {w.seq}. Entries were removed, or an older copy of their store"
                    " was put in its place; ask them to run `check`.", True)
        if shown is None:
            unproven = Finding(f"{who}'s package comes from an older version of PACE Desktop: it"
                        f" could not show that their audit log still holds entry {w.seq}, seen"
                        f" in a package received on {w.received[:10]}.", False)
            continue
        if w.seq not in shown:
            return Finding(f"{who}'s audit log no longer holds entry {w.seq}, seen in a package"
                    f" received on {w.received[:10]}: entries were removed, or an older copy"
                    " of their store was put in its place; ask them to run `check`.", True)
        if shown[w.seq] != w.hash:
            return Finding(f"{who}'s audit log was rewritten: entry {w.seq} is not the one seen"
                           f" in a package received on {w.received[:10]}; ask them to run"
                           " `check`.", True)
        return unproven  # the latest witness holds, and so everything before it
    return unproven


def findings(conn: Any) -> list[str]:
    """Every package received whose sender's log did not extend what was witnessed before."""
    out = []
    for after, at in conn.execute("SELECT after, at FROM audit"
                                  " WHERE operation = 'receive children' ORDER BY seq"):
        try:
            said = json.loads(after or "{}").get(FIELD)
        except (ValueError, AttributeError):
            continue
        if said:
            out.append(f"A package received on {str(at)[:10]}: {said}")
    return out
