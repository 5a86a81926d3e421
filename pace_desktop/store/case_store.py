"""The encrypted case store: one SQLCipher file, and every way to read and change it.

Every write is an *operation*: one transaction, one entry in the hash-chained audit log,
and a frozen `OpChanges` value for the views. Finalised meetings and chronology entries are
never edited in place; corrections are dated amendments by a named person.

`CaseStore` is the operation frame (frame.py) with each group of operations mixed in from a
module named for what it holds; a new group is one more base here.
"""

from __future__ import annotations

from pace_desktop.store.amending import Amending
from pace_desktop.store.child_records import ChildRecords
from pace_desktop.store.chronology_pages import ChronologyPages
from pace_desktop.store.drafts import Draft, Drafts
from pace_desktop.store.importing import Importing, ImportRefused
from pace_desktop.store.meetings import Meetings
from pace_desktop.store.nondisclosure_requests import NondisclosureRequests
from pace_desktop.store.opening import Opening
from pace_desktop.store.print_records import PrintRecords
from pace_desktop.store.queries import Queries
from pace_desktop.store.rekeying import RekeyFailed, Rekeying
from pace_desktop.store.safekeeping import Safekeeping
from pace_desktop.store.syncing import Syncing

__all__ = ["CaseStore", "Draft", "ImportRefused", "RekeyFailed"]


class CaseStore(Opening, Rekeying, Safekeeping, Queries, Drafts, Importing, ChildRecords,
                Meetings, Amending, Syncing, NondisclosureRequests, ChronologyPages,
                PrintRecords):
    """An unlocked store. Use `CaseStore.create` or `CaseStore.open`; `close` drops the key."""
