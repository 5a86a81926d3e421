"""The audit log's head, witnessed outside the store: `<store>.witness` beside it.

A chain, keyed or not, cannot show that its newest entries were removed together, or that an
older copy of the whole file was put in the store's place. The witness can: after every
committed operation it records the newest entry's number and a keyed digest of its hash.
It holds no case data (a number and a MAC), is 0600 and is replaced atomically.

What it cannot prove is said plainly by `check`: entries written after the last witness
(a crash between the commit and the witness) are vouched for by the chain alone.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass
from pathlib import Path

from pace_desktop.safe_files import write_bytes

FORMAT = "pace-audit-witness"


def witness_path(store: Path) -> Path:
    return store.with_name(store.name + ".witness")


def _mac(key: bytes, seq: int, head_hash: str) -> str:
    return hmac.new(key, f"{FORMAT}:{seq}:{head_hash}".encode(), hashlib.sha256).hexdigest()


def write(store: Path, key: bytes, seq: int, head_hash: str) -> None:
    body = {"format": FORMAT, "version": 1, "seq": seq, "mac": _mac(key, seq, head_hash)}
    write_bytes(witness_path(store), json.dumps(body).encode("utf-8"))


@dataclass(frozen=True, slots=True)
class Witness:
    seq: int
    mac: str

    def vouches_for(self, key: bytes, head_hash: str) -> bool:
        return hmac.compare_digest(self.mac, _mac(key, self.seq, head_hash))


def read(store: Path) -> Witness | None | str:
    """The witness; None when there is none; a plain reason when it cannot be read."""
    path = witness_path(store)
    if not path.exists():
        return None
    try:
        body = json.loads(path.read_text(encoding="utf-8"))
        if body.get("format") != FORMAT:
            return f"{path.name} is not an audit witness"
        return Witness(int(body["seq"]), str(body["mac"]))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return f"{path.name} cannot be read"


def problems_and_notes(store: Path, key: bytes, last_seq: int, hash_at: dict[int, str]
                       ) -> tuple[list[str], list[str]]:
    """Compare the chain's head with the witness. `hash_at` maps seq -> hash for the entries
    the caller can give (at least the witnessed one, if it still exists)."""
    found = read(store)
    if found is None:
        return [], [f"There is no audit witness ({witness_path(store).name}) beside the store,"
                    " so it cannot be shown that no entries were removed from the end of the"
                    " audit log."]
    if isinstance(found, str):
        return [f"the audit witness beside the store is damaged ({found})"], []
    if found.seq > last_seq:
        return [f"audit entries {last_seq + 1} to {found.seq} are missing: the witness beside"
                " the store saw them (entries were removed from the end, or an older copy of"
                " the store was put in its place)"], []
    witnessed = hash_at.get(found.seq)
    if witnessed is None or not found.vouches_for(key, witnessed):
        return [f"audit entry {found.seq} does not match the witness beside the store: the"
                " log was rewritten, or the witness belongs to another store"], []
    if found.seq < last_seq:
        return [], [f"Audit entries {found.seq + 1} to {last_seq} were written after the last"
                    " witness (an interrupted save?); the chain vouches for them, but had"
                    " entries after them been removed, that could not be shown."]
    return [], []
