"""Run by test_one_rule in a child process: types a new meeting (its autosaved draft), then
saves it as the meeting form does, and dies (os._exit, no clean-up) at the moment the
autosave is being discarded: between saving the record and dropping the draft."""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

from pace_desktop.domain import Meeting
from pace_desktop.store import CaseStore


def main(path: str, passphrase: str, ref: str, key: str) -> None:
    store = CaseStore.open(Path(path), passphrase)
    meeting = Meeting(kind="lac_review", date=date(2024, 5, 1), child_views="Wants to stay")
    store.save_draft(key, ref, "lac_review", {"kind": "lac_review", "meeting_id": None,
                                              "values": {"child_views": "Wants to stay"}})

    def die_at_discard(sql: str) -> None:
        if "DELETE FROM drafts" in sql:
            os._exit(9)  # the power goes: no rollback, no close

    store._live().set_trace_callback(die_at_discard)
    store.save_meeting(ref, meeting, drafts=(key,))
    print("no crash", flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:5])
